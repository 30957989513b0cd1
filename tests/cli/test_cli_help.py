"""Help as a newcomer reads it: `kg --help` gives each command a whole line; defaults read the same in any
checkout; the account after `make run` says how to run the next commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graph_seed import GOLD_RECORDS_DIR
from kg.build import build
from kg.cli import cli
from kg.paths import ROOT
from kg.present.status import account
from kg.store import open_store


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


@pytest.mark.parametrize("name,command,width", _all_commands())
def test_each_command_line_in_kg_help_is_whole(name: str, command: click.Command, width: int) -> None:
    line = command.get_short_help_str(limit=width)
    assert not line.endswith("..."), f"`kg --help` cuts `kg {name}` short: {line!r}"


@pytest.mark.parametrize("name,command,width", _all_commands())
def test_help_shows_defaults_relative_to_the_project(name: str, command: click.Command, width: int) -> None:
    result = CliRunner().invoke(cli, [*name.split(), "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert str(ROOT) not in result.output, f"`kg {name} --help` shows this checkout's absolute path"


# commands that read the graph from an RDF file instead of the store (or the built data/kg.ttl)
GRAPH_READERS = ["compare", "export", "metrics", "report", "trace", "viz", "who"]


@pytest.mark.parametrize("name", GRAPH_READERS)
def test_graph_readers_name_the_rdf_file_option_alike(name: str) -> None:
    """One name, --data FILE, for "read the graph from this file" (`--graph` means other things)."""
    readers = [
        opt
        for param in cli.commands[name].params
        if isinstance(param.type, click.Path) and param.type.exists and not param.type.dir_okay
        for opt in param.opts
    ]
    assert readers == ["--data"], f"`kg {name}` reads an RDF file through {readers}, not --data FILE"
    if name != "viz":  # the views draw data/kg.ttl, not the store
        assert "--store DIRECTORY" in _help(name), f"`kg {name} --help` does not offer --store DIRECTORY"


def _help(name: str) -> str:
    result = CliRunner().invoke(cli, [name, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def test_account_tells_how_to_run_the_next_commands(tmp_path: Path) -> None:
    build([GOLD_RECORDS_DIR], tmp_path, tmp_path / "store", jobs=1)
    text = account(open_store(tmp_path / "store"), tmp_path / "store", tmp_path, kg=".venv/bin/kg")
    assert ".venv/bin/kg serve " in text and ".venv/bin/kg queries " in text
    assert "index.html" in text
    assert max(len(line) for line in text.split("Next:")[1].splitlines()) <= 110, "one step a line"


def test_kg_help_loads_no_graph_library() -> None:
    # issue 15: `kg --help` imported ~700 modules (networkx, rdflib, owlready2 ...); the commands import them
    code = (
        "import sys; from kg.cli import cli; "
        "print(' '.join(m for m in ('networkx', 'rdflib', 'pyoxigraph', 'owlready2', 'matplotlib', 'pyvis') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_option_constants_equal_the_library_ones() -> None:
    from kg.analysis.export import FORMATS
    from kg.commands.analysis import EXPORT_FORMATS
    from kg.commands.ontology import DOCS_OUT_DIR
    from kg.commands.options import AUTH_SCHEMES
    from kg.ontology.docs import DEFAULT_OUT_DIR
    from kg.query.remote import SCHEMES

    assert EXPORT_FORMATS == FORMATS and DOCS_OUT_DIR == DEFAULT_OUT_DIR
    assert AUTH_SCHEMES == SCHEMES
