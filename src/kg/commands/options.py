"""Options shared by several commands, as reusable decorators (the sqlite-utils style).

``store_option`` is the ``--store`` directory of the built graph; ``max_bytes_option`` the size limit of
an input file; ``folder_option`` any output folder
(``--out-dir``, ``--out``); ``format_option`` how result rows are printed; ``data_option`` and
``graph_source_options`` where the analysis and view commands read the graph (``--data FILE`` instead of
``--store DIR``). Each keeps its type and help text
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


def max_bytes_option(fn: F) -> F:
    """``--max-bytes N``: the largest source file read (passed as ``max_bytes``); a larger one is refused."""
    from kg.text.decode import MAX_BYTES

    return click.option(
        "--max-bytes",
        "max_bytes",
        type=click.IntRange(min=1),
        default=MAX_BYTES,
        show_default=True,
        help="Refuse (and name) any input file larger than this many bytes.",
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


_BOM = "kg.bom"


def _keep_bom(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta[_BOM] = value


def bom_option(fn: F) -> F:
    """``--bom``: start CSV/TSV output with a UTF-8 byte-order mark, which Excel needs to read it as UTF-8
    (without one it reads the local code page and garbles Vietnamese).

    The flag is kept in the click context, not passed to the command: the command's CSV writer asks
    ``bom_mark()``, so every command that prints CSV takes the option without another parameter.
    """
    return click.option(
        "--bom",
        is_flag=True,
        expose_value=False,
        callback=_keep_bom,
        help="Start CSV/TSV output with a UTF-8 byte-order mark (for Excel).",
    )(fn)


def bom_mark() -> str:
    """The byte-order mark when the running command was given ``--bom``, else ""."""
    ctx = click.get_current_context(silent=True)
    return "\ufeff" if ctx is not None and ctx.meta.get(_BOM) else ""


_RDF_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def data_option(*, multiple: bool, instead_of: str) -> Callable[[F], F]:
    """``--data FILE``: read the graph from an RDF file instead of ``instead_of`` (passed as ``data``).

    The one name the analysis and view commands use for this (``--graph`` means other things elsewhere).
    """
    formats = "Turtle, N-Triples, JSON-LD" + ("; repeatable" if multiple else "")
    return click.option(
        "--data",
        "data",
        multiple=multiple,
        type=_RDF_FILE,
        help=f"Read the graph from this RDF file ({formats}) instead of {instead_of}.",
    )


def graph_source_options(fn: F) -> F:
    """``--data FILE`` (repeatable) or ``--store DIR`` (passed as ``data``, ``store``): the graph to analyse.

    Without either, the store at data/current/store is read, else the built kg.ttl (kg.analysis.load).
    """
    fn = click.option(
        "--store",
        "store",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        # the default is applied by kg.analysis.load (it falls back to the built kg.ttl without a store)
        help=f"The embedded Oxigraph store directory.  [default: {shown_default(STORE_DIR)}]",
    )(fn)
    return data_option(multiple=True, instead_of="the store")(fn)
