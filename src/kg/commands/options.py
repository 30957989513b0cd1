"""Options shared by several commands, as reusable decorators (the sqlite-utils style).

``store_option`` is the ``--store`` directory of the built graph; ``folder_option`` any output folder
(``--out-dir``, ``--out``); ``format_option`` how result rows are printed. Each keeps its type and help text
in one place, so the commands stay short and agree.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.paths import ROOT, STORE_DIR

F = TypeVar("F", bound=Callable[..., Any])


def shown_default(path: Path) -> str:
    """A default path as help shows it: relative to the project when inside it (``data/store``), so the help
    reads the same in every checkout.

    >>> from kg.paths import ROOT
    >>> shown_default(ROOT / "data" / "store")
    'data/store'
    >>> shown_default(Path("/srv/kg"))
    '/srv/kg'
    """
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def folder_option(*names: str, default: Path | None, help: str) -> Callable[[F], F]:
    """An output folder option (need not exist yet; a file there is rejected before the command runs)."""
    return click.option(
        *names,
        type=click.Path(file_okay=False, path_type=Path),
        default=default,
        # click would print the absolute path of this checkout (or wrap a string in parentheses)
        help=f"{help}  [default: {shown_default(default)}]" if default is not None else help,
    )


def store_option(fn: F) -> F:
    """``--store DIR``: the embedded Oxigraph store `kg build` wrote (passed as ``store_dir``)."""
    return folder_option(
        "--store", "store_dir", default=STORE_DIR, help="The embedded Oxigraph store directory."
    )(fn)


def format_option(fn: F) -> F:
    """``--format``: how a result table is printed (passed as ``fmt``)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "tsv", "json"]),
        default="table",
        show_default=True,
        help="Output format of the result rows.",
    )(fn)
