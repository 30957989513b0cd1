"""CLI commands of the graph area: build, validate, query, queries, serve, push, status.

Each command calls one library function and turns its result into output; library errors (KGError) are turned
into one-line messages and exit codes by kg.cli. Shared options live in kg.commands.options.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from kg.commands.options import (
    bom_mark,
    bom_option,
    credentials_options,
    folder_option,
    format_option,
    max_bytes_option,
    remote_credentials,
    store_option,
)
from kg.errors import QueryError, shown_path
from kg.paths import DATA_DIR, RAW_DIR

if TYPE_CHECKING:
    from kg.build import BuildResult

_console = Console(stderr=True)
_OUT_DIR_HELP = "Where kg.ttl, kg.nt, kg.jsonld and kg-inferred.ttl are."


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r}: expected key=value")
        out[key.strip()] = value
    return out


@contextlib.contextmanager
def _progress_bar() -> Iterator[Callable[[int, int, Path], None]]:
    """A progress callback: a rich bar on a terminal; nothing at all when stderr is not one (logs, pipes)."""
    if not _console.is_terminal:
        yield lambda _done, _total, _path: None
        return
    columns = (TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, TextColumn("{task.description}"), console=_console, transient=True) as bar:
        task = bar.add_task("", total=None)
        yield lambda done, total, path: bar.update(
            task, completed=done, total=total, description=shown_path(path.name)
        )


_wait_option = click.option(
    "--wait", is_flag=True, help="Wait for a build running on --out-dir instead of failing."
)
_store_link_option = folder_option(
    "--store",
    "store_dir",
    default=None,
    help="Also make this path a link to the store (the store itself is OUT_DIR/current/store).",
)


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--jobs", "-j", type=int, default=None, help="Parallel extraction processes (default: all cores)."
)
@click.option("--strict", is_flag=True, help="Fail (keeping the previous build) if any input cannot be read.")
@_wait_option
@click.option(
    "--no-cache",
    is_flag=True,
    help="Extract every text again, even those the record cache (OUT_DIR/.cache/records) holds.",
)
@max_bytes_option
@folder_option("--out-dir", default=DATA_DIR, help=_OUT_DIR_HELP)
@_store_link_option
@click.pass_context
def build_cmd(
    ctx: click.Context,
    paths: tuple[Path, ...],
    jobs: int | None,
    strict: bool,
    wait: bool,
    no_cache: bool,
    max_bytes: int,
    out_dir: Path,
    store_dir: Path | None,
) -> None:
    """Build the graph from source texts in PATHS (default: data/raw/).

    PATHS are text files (*.txt), record files (*.json, as `kg extract --json` writes them) or folders of
    them; other files in a folder are ignored. Each build is written whole into OUT_DIR/.builds/<id>/ (kg.ttl,
    kg.nt, kg.jsonld, kg-inferred.ttl, the store) and only then becomes OUT_DIR/current, in one step; the
    files are then published as OUT_DIR/kg.ttl and so on. A failed or killed build leaves the previous one.
    The graph holds PATHS only: the new build replaces the previous one whole (to add a text to the corpus,
    use `kg add`).

    Each text's record is kept in OUT_DIR/.cache/records, by the text's sha256 and the extractor's version:
    a rebuild extracts only the texts that are new or changed (all of them after the extractor or its
    vocabulary changed; all of them with --no-cache). When nothing changed at all (the same inputs, bytes,
    code, vocabulary and ontology as the current build, which had no warning), the current build is kept
    and nothing is written.

    Unreadable inputs (empty, binary or another format, not UTF-8, larger than --max-bytes, not a regular
    file, broken or too deeply nested JSON) and second copies of a text are skipped, one line each naming the
    file; the graph of the others is built and the exit status is 1. With --strict the build fails instead
    (exit 2, previous build kept). A document date that does not exist (31 February) is kept as text, with
    a warning.
    Another build running on the same OUT_DIR: exit 3 at once (or, with --wait, wait for it).
    """
    from kg.build import build

    with _progress_bar() as progress:
        result = build(
            paths or (RAW_DIR,), out_dir, store_dir, jobs, progress, strict, wait, max_bytes, not no_cache
        )
    _report_build(ctx, result)


def _report_build(ctx: click.Context, result: BuildResult) -> None:
    """The account of a build: counts, outputs, warnings and skipped inputs (then exit 1)."""
    inferred = ", ".join(f"{k} {v}" for k, v in result.inferred.items())
    if result.unchanged:
        click.echo(
            f"nothing changed since the current build: kept it ({result.triples} asserted triples from "
            f"{result.inputs} inputs; inferred: {inferred}; --no-cache builds it again)"
        )
    else:
        click.echo(
            f"built {result.triples} asserted triples from {result.inputs} inputs "
            f"({_texts(result.extracted)} extracted, {result.cached} from the record cache); "
            f"inferred: {inferred}"
        )
    for out in result.outputs:
        click.echo(f"  wrote {out}")
    click.echo(f"  store {result.store}")
    for warning in result.warnings:
        click.echo(f"kg: warning: {warning}", err=True)
    for skipped in result.skipped:
        click.echo(f"kg: skipped {skipped.reason}", err=True)
    if result.skipped:
        click.echo(f"kg: {len(result.skipped)} input(s) skipped; the graph holds the others", err=True)
        ctx.exit(1)


@click.command("add")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@folder_option("--raw-dir", default=RAW_DIR, help="The corpus folder the files are copied into.")
@click.option(
    "--jobs", "-j", type=int, default=None, help="Parallel extraction processes (default: all cores)."
)
@_wait_option
@max_bytes_option
@folder_option("--out-dir", default=DATA_DIR, help=_OUT_DIR_HELP)
@_store_link_option
@click.pass_context
def add_cmd(
    ctx: click.Context,
    files: tuple[Path, ...],
    raw_dir: Path,
    jobs: int | None,
    wait: bool,
    max_bytes: int,
    out_dir: Path,
    store_dir: Path | None,
) -> None:
    """Add texts to the corpus (data/raw/) and rebuild its graph.

    FILES are texts (*.txt) or records (*.json, as `kg extract --json` writes them). Each is copied into
    RAW_DIR, then the graph is built from all of RAW_DIR as a new build (as `kg build` does); the record cache
    makes that build extract only the new texts. Nothing is copied when any file is refused: a name RAW_DIR
    holds with other content, a text RAW_DIR already holds under another name (both named), a file that is
    no readable text or record. A file already in RAW_DIR under its own name is not copied again.

    Exit status: 0 added and built; 1 built, some corpus inputs skipped (listed); 2 error (nothing copied,
    or the build failed and the copies wait for the next `kg build`); 3 another build is running.
    """
    from kg.intake import add

    with _progress_bar() as progress:
        added = add(files, raw_dir, out_dir, store_dir, jobs, progress, wait, max_bytes)
    for path in added.copied:
        click.echo(f"added {shown_path(path)}")
    for path in added.present:
        click.echo(f"already in the corpus: {shown_path(path)}")
    _report_build(ctx, added.build)


def _texts(n: int) -> str:
    return f"{n} text" if n == 1 else f"{n} texts"


def _print_table(table: object, fmt: str) -> None:
    from kg.iri import is_project_iri
    from kg.query.sparql import Table, format_table

    assert isinstance(table, Table)
    if fmt != "table":
        click.echo((bom_mark() if fmt in ("csv", "tsv") else "") + format_table(table, fmt), nl=False)
        return
    # the …Iri columns are for joining CSV/JSON back to the RDF; on screen the labels beside them say it all
    shown = [i for i, c in enumerate(table.columns) if not c.endswith("Iri")]
    rich_table = RichTable(*(table.columns[i] for i in shown), show_lines=False)
    for row in table.rows:
        rich_table.add_row(
            *(v.replace("https://w3id.org/vn-policy-kg/", "") if is_project_iri(v) else v
              for v in (row[i] for i in shown))
        )  # fmt: skip
    Console().print(rich_table)
    hidden = len(table.columns) - len(shown)
    click.echo(
        f"{len(table.rows)} rows" + (f" ({hidden} IRI columns in --format csv/json)" if hidden else "")
    )


_TIMEOUT_HELP = "Seconds to wait for a connection, and for each read, before giving up."


@click.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, help="Query parameter key=value (repeatable).")
@format_option
@click.option("--endpoint", help="Run on this SPARQL 1.1 query endpoint instead of the embedded store.")
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    help="Default-graph IRI(s) to query (default: the asserted, inferred and ontology graphs).",
)
@click.option(
    "--default-graph",
    is_flag=True,
    help="With --endpoint: query the server's own default graph (name no graphs), for a graph loaded "
    "there, e.g. kg.nt without named graphs (Virtuoso: the union of all its graphs).",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help=_TIMEOUT_HELP
)
@credentials_options
@bom_option
@store_option
def query_cmd(
    name: str,
    params: tuple[str, ...],
    fmt: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    default_graph: bool,
    timeout: float,
    user: str | None,
    password_env: str | None,
    auth: str,
    store_dir: Path,
) -> None:
    """Run a named query (see `kg queries`) or a .rq file.

    NAME is a query name or the path of a SPARQL file. It runs on the embedded store, or with --endpoint on
    any SPARQL 1.1 query endpoint (credentials: --user, the password from KG_PASSWORD or asked for, or
    http://user:password@host/… in the URL; never printed). When the project's named graphs are empty
    there, a warning says how to query a graph loaded into the default graph (--default-graph).

    Exit status: 0 ok (also when no row matches), 2 error (unknown query, bad --param, store or endpoint:
    unreachable, 401/403, no answer within --timeout)."""
    from kg.query.sparql import bind, resolve, run_local
    from kg.store import DATASET, open_store

    query = resolve(name)
    text = bind(query, _params(params))
    if endpoint:
        table = _query_remote(endpoint, text, graphs, default_graph, timeout, (user, password_env, auth))
    elif default_graph or user:
        raise QueryError("--default-graph and --user go with --endpoint (the embedded store needs neither)")
    else:
        dataset = graphs or tuple(str(g) for g in DATASET)
        table = run_local(open_store(store_dir), text, dataset, str(query.path))
    _print_table(table, fmt)


def _query_remote(
    endpoint: str,
    text: str,
    graphs: tuple[str, ...],
    default_graph: bool,
    timeout: float,
    who: tuple[str | None, str | None, str],
) -> object:
    """Run on the endpoint; warn on stderr when the graphs asked for are all empty there."""
    from kg.query.remote import shown_url
    from kg.query.sparql import empty_graphs, run_remote
    from kg.store import DATASET

    if graphs and default_graph:
        raise QueryError("--graph and --default-graph exclude each other")
    url, credentials = remote_credentials(endpoint, *who)
    dataset = () if default_graph else graphs or tuple(str(g) for g in DATASET)
    table = run_remote(url, text, dataset, timeout, credentials)
    if dataset and empty_graphs(url, dataset, timeout, credentials):
        click.echo(
            f"kg: warning: {shown_url(url, credentials)} holds no triples in "
            f"{', '.join(f'<{g}>' for g in dataset)}; "
            "for a graph loaded into the server's default graph (kg.nt without named graphs) add "
            "--default-graph",
            err=True,
        )
    return table


@click.command("queries")
def queries_cmd() -> None:
    """List the named queries with their questions and parameters."""
    from kg.query.sparql import discover

    for q in discover():
        params = " ".join(f"--param {p.name}=…" for p in q.params)
        click.echo(click.style(q.name, bold=True) + (f"  {params}" if params else ""))
        click.echo(f"    {q.question_en}")
        click.echo(f"    {q.question_vi}")


@click.command("status")
@folder_option("--out-dir", default=DATA_DIR, help=_OUT_DIR_HELP)
@store_option
def status_cmd(out_dir: Path, store_dir: Path) -> None:
    """Account of the built graph: counts, chains, problems, outputs.

    Counts by class, the lineage chains found, problems found, where the outputs are, how to query them."""
    from kg.present.status import account
    from kg.store import open_store

    click.echo(account(open_store(store_dir), store_dir, out_dir, kg=_invoked_as()))


def _invoked_as() -> str:
    """How the user ran `kg`: ``kg`` when that is on PATH, else the path they typed (``.venv/bin/kg``)."""
    exe = Path(sys.argv[0])
    if exe.name != "kg":
        return "kg"
    on_path = shutil.which("kg")
    if on_path and Path(on_path).resolve() == exe.resolve():
        return "kg"
    return str(exe)


@click.command("validate")
@store_option
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many violations.")
@click.pass_context
def validate_cmd(ctx: click.Context, store_dir: Path, limit: int) -> None:
    """Check the built graph with SHACL and the QC queries.

    The shapes are ontology/shapes.ttl; the QC queries queries/qc/data-*-violation.rq (zero rows = pass).

    Exit status: 0 the graph conforms, 1 violations (each with its node and source span), 2 error.
    """
    from kg.quality.validate import format_report, validate_store
    from kg.store import open_store

    report = validate_store(open_store(store_dir))
    click.echo(format_report(report, limit))
    if not report.conforms:
        ctx.exit(1)


@click.command("serve")
@click.option("--port", type=int, default=None, help="Port on 127.0.0.1 (default: a free one).")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run; a longer one gets HTTP 503 and is stopped.",
)
@click.option(
    "--max-result-bytes",
    type=click.IntRange(min=1),
    default=100_000_000,
    show_default=True,
    help="Largest answer sent; a larger one gets HTTP 413.",
)
@store_option
def serve_cmd(port: int | None, timeout: float, max_result_bytes: int, store_dir: Path) -> None:
    """Serve the built graph as a read-only SPARQL endpoint.

    A gateway on 127.0.0.1 checks each request, then passes it to the Oxigraph server (query UI at /) on a
    private port: queries only (no SPARQL Update), no SERVICE clause (federation off), Host header naming
    127.0.0.1 or localhost, a time limit and a size limit per answer. After `kg build` it serves the new
    store. Ctrl-C (or SIGTERM) stops it; the Oxigraph server never outlives it.

    Exit status: 0 stopped, 2 error (no store or a damaged one, port in use, the server failed)."""
    from kg.query import gateway

    limits = gateway.Limits(timeout, max_result_bytes)
    server = gateway.open_gateway(
        store_dir, port, limits, log=lambda m: click.echo(f"kg serve: {m}", err=True)
    )
    click.echo(f"SPARQL endpoint {server.query_url}  (query UI: {server.base_url}/ )")
    click.echo(f"try: kg query documents --endpoint {server.query_url}")
    click.echo("Ctrl-C stops the server")
    # `kill` (SIGTERM) must stop the server too, not leave it running without us
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


@click.command("push")
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store Protocol URL (e.g. http://host:7878/store), or a SPARQL endpoint taking updates.",
)
@click.option(
    "--update-endpoint",
    default=None,
    help="SPARQL Update URL for servers without the Graph Store Protocol (default: --endpoint).",
)
@click.option(
    "--query-endpoint",
    default=None,
    help="SPARQL query URL used to confirm the upload by counting triples "
    "(default: beside --endpoint: …/store → …/query, …/data → …/query, …/sparql-graph-crud-auth → "
    "…/sparql-auth, else --endpoint).",
)
@click.option(
    "--graph",
    "into",
    default=None,
    help="Put everything into this one graph IRI (an absolute IRI) instead of the asserted/inferred/ontology "
    "named graphs.",
)
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True, help=_TIMEOUT_HELP
)
@credentials_options
@store_option
def push_cmd(
    endpoint: str,
    update_endpoint: str | None,
    query_endpoint: str | None,
    into: str | None,
    timeout: float,
    user: str | None,
    password_env: str | None,
    auth: str,
    store_dir: Path,
) -> None:
    """Upload the built graph to another SPARQL 1.1 server.

    Oxigraph, Fuseki, GraphDB, Virtuoso: each named graph is sent with the Graph Store Protocol, or with
    SPARQL Update at a SPARQL endpoint (…/sparql, …/sparql-auth) or where the server has no Graph Store
    Protocol; then its triples are counted through the query endpoint, and the push fails unless the target
    holds what was sent.

    Credentials: --user NAME (or http://NAME:PASSWORD@host/… in the URL); the password from KG_PASSWORD
    (or --password-env VAR), else asked for without echo. It is never printed. Virtuoso:
    --endpoint http://host:8890/sparql-graph-crud-auth --user NAME (an account with SPARQL_UPDATE).

    Exit status: 0 uploaded and confirmed, 2 error (no store, bad URL or graph IRI, server unreachable,
    401/403, no answer within --timeout, or not storing what was sent)."""
    from kg.query.push import check_iri, push, store_graphs
    from kg.query.remote import split_credentials
    from kg.store import open_store

    if into:
        check_iri(into)  # before the store is even read
    endpoint, credentials = remote_credentials(endpoint, user, password_env, auth)
    update_endpoint, query_endpoint = (
        split_credentials(url, credentials.user if credentials else None)[0] if url else None
        for url in (update_endpoint, query_endpoint)
    )
    graphs = store_graphs(open_store(store_dir), into)
    done = push(endpoint, graphs, update_endpoint, query_endpoint, timeout, credentials)
    for graph, how in done.items():
        click.echo(f"pushed <{graph}> ({how}), confirmed")


COMMANDS: list[click.Command] = [
    build_cmd,
    add_cmd,
    validate_cmd,
    query_cmd,
    queries_cmd,
    serve_cmd,
    push_cmd,
    status_cmd,
]
