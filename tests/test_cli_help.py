"""Help as a newcomer reads it: `kg --help` gives each command a whole line; defaults read the same in any
checkout; the account after `make run` says how to run the next commands."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph_seed import GOLD_RECORDS_DIR
from kg.build import build
from kg.cli import cli
from kg.paths import ROOT
from kg.store import open_store
from kg.summary import account

# commands of the areas another engineer owns (analysis, viz) whose help still has the problem: reported there
CUT_SHORT = {"compare", "metrics", "report", "viz", "who"}
ABSOLUTE_DEFAULT = {"report"}


def _width(group: click.Group) -> int:
    """What ``group --help`` on an 80-column terminal leaves for a command's line before click cuts it."""
    return 80 - 2 - 6 - max(len(name) for name in group.commands)


def _all_commands() -> list[tuple[str, click.Command, int]]:
    out = []
    for name, command in sorted(cli.commands.items()):
        out.append((name, command, _width(cli)))
        if isinstance(command, click.Group):
            out += [(f"{name} {sub}", c, _width(command)) for sub, c in sorted(command.commands.items())]
    return out


def _params(known: set[str], reason: str) -> list[object]:
    return [
        pytest.param(*item, marks=pytest.mark.xfail(reason=reason)) if item[0] in known else item
        for item in _all_commands()
    ]


@pytest.mark.parametrize("name,command,width", _params(CUT_SHORT, "first sentence too long; reported"))
def test_each_command_line_in_kg_help_is_whole(name: str, command: click.Command, width: int) -> None:
    line = command.get_short_help_str(limit=width)
    assert not line.endswith("..."), f"`kg --help` cuts `kg {name}` short: {line!r}"


@pytest.mark.parametrize("name,command,width", _params(ABSOLUTE_DEFAULT, "absolute default; reported"))
def test_help_shows_defaults_relative_to_the_project(name: str, command: click.Command, width: int) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert str(ROOT) not in result.output, f"`kg {name} --help` shows this checkout's absolute path"


def test_account_tells_how_to_run_the_next_commands(tmp_path: Path) -> None:
    build([GOLD_RECORDS_DIR], tmp_path, tmp_path / "store", jobs=1)
    text = account(open_store(tmp_path / "store"), tmp_path / "store", tmp_path, kg=".venv/bin/kg")
    assert ".venv/bin/kg serve " in text and ".venv/bin/kg queries " in text
    assert "index.html" in text
    assert max(len(line) for line in text.split("Next:")[1].splitlines()) <= 110, "one step a line"
