"""Options shared by several commands, as reusable decorators (the sqlite-utils style).

``store_option`` is the ``--store`` directory of the built graph; ``max_bytes_option`` the size limit of
an input file; ``folder_option`` any output folder
(``--out-dir``, ``--out``); ``format_option`` how result rows are printed; ``data_option`` and
``graph_source_options`` where the analysis and view commands read the graph (``--data FILE`` instead of
``--store DIR``); ``credentials_options`` who `kg push` and `kg query --endpoint` are to the server. Each
keeps its type and help text
in one place, so the commands stay short and agree.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kg.paths import ROOT, STORE_DIR

if TYPE_CHECKING:
    from kg.query.remote import Credentials

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


PASSWORD_ENV = "KG_PASSWORD"
# kg.query.remote.SCHEMES, written out: importing kg.query here would load rdflib and pyoxigraph for
# `kg --help` (issue 15); a test checks the two agree
AUTH_SCHEMES = ("auto", "basic", "digest")


def credentials_options(fn: F) -> F:
    """``--user``, ``--password-env``, ``--auth`` (passed as ``user``, ``password_env``, ``auth``): who the
    remote server should take us for; :func:`remote_credentials` turns them into Credentials."""
    fn = click.option(
        "--auth",
        type=click.Choice(AUTH_SCHEMES),
        default="auto",
        show_default=True,
        help="HTTP authentication scheme (auto: whichever the server asks for; Virtuoso's /sparql-auth "
        "asks for digest).",
    )(fn)
    fn = click.option(
        "--password-env",
        metavar="VAR",
        default=None,
        help=f"Read the password from this environment variable [default: {PASSWORD_ENV}]; without it "
        "(and without one in the URL) the password is asked for, not echoed.",
    )(fn)
    return click.option(
        "--user",
        metavar="NAME",
        default=None,
        help="User name for the server (or give it in the URL: http://NAME@host/…).",
    )(fn)


def remote_credentials(
    url: str, user: str | None, password_env: str | None, auth: str
) -> tuple[str, Credentials | None]:
    """``url`` without any ``user:password@`` and the credentials to send: the password from the URL, else
    the environment variable (``password_env``, else KG_PASSWORD), else a hidden prompt on a terminal.
    No user anywhere: no credentials. The password is never printed."""
    from kg.errors import EndpointError
    from kg.query.remote import Credentials, shown_url, split_credentials

    clean, user, password = split_credentials(url, user)
    if not user:
        return clean, None
    if password is None:
        password = os.environ.get(password_env or PASSWORD_ENV)
    if password is None and password_env:
        raise EndpointError(f"--password-env {password_env}: that environment variable is not set")
    if password is None and sys.stdin.isatty():
        password = click.prompt(f"Password for {user} at {shown_url(clean)}", hide_input=True, err=True)
    if password is None:
        raise EndpointError(
            f"{shown_url(clean)}: no password for user {user!r}: set {PASSWORD_ENV} (or --password-env VAR), "
            "or run on a terminal to be asked"
        )
    return clean, Credentials(user, password, auth)
