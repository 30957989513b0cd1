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

from kg.paths import STORE_DIR

F = TypeVar("F", bound=Callable[..., Any])


def folder_option(*names: str, default: Path | None, help: str) -> Callable[[F], F]:
    """An output folder option (need not exist yet; a file there is rejected before the command runs)."""
    return click.option(
        *names,
        type=click.Path(file_okay=False, path_type=Path),
        default=default,
        show_default=default is not None,
        help=help,
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
