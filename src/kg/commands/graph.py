"""CLI commands of the graph area: build, validate, query, queries, serve, push, status.

Each command calls one library function and turns its result into output; library errors (KGError) are turned
into one-line messages and exit codes by kg.cli.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from kg.errors import QueryError
from kg.paths import DATA_DIR, RAW_DIR, STORE_DIR

_console = Console(stderr=True)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {item!r}: expected key=value")
        out[key.strip()] = value
    return out


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--jobs", "-j", type=int, default=None, help="Parallel extraction processes (default: all cores)."
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DATA_DIR,
    show_default=True,
    help="Where kg.ttl, kg.nt, kg.jsonld and kg-inferred.ttl go.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
    help="The embedded Oxigraph store directory (replaced atomically).",
)
def build_cmd(paths: tuple[Path, ...], jobs: int | None, out_dir: Path, store_dir: Path) -> None:
    """Extract texts (or read record JSON files) from PATHS (default data/raw/) and build the graph."""
    from kg.build import build

    with Progress(
        TextColumn("[bold]extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=_console,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)

        def progress(done: int, total: int, path: Path) -> None:
            bar.update(task, completed=done, total=total, description=path.name)

        result = build(paths or (RAW_DIR,), out_dir, store_dir, jobs, progress)
    inferred = ", ".join(f"{k} {v}" for k, v in result.inferred.items())
    click.echo(f"built {result.triples} asserted triples from {result.inputs} inputs; inferred: {inferred}")
    for out in result.outputs:
        click.echo(f"  wrote {out}")
    click.echo(f"  store {result.store}")


def _print_table(table: object, fmt: str) -> None:
    from kg.iri import is_project_iri
    from kg.sparql import Table, format_table

    assert isinstance(table, Table)
    if fmt != "table":
        click.echo(format_table(table, fmt), nl=False)
        return
    rich_table = RichTable(*table.columns, show_lines=False)
    for row in table.rows:
        rich_table.add_row(
            *(v.replace("https://w3id.org/vn-policy-kg/", "") if is_project_iri(v) else v for v in row)
        )
    Console().print(rich_table)
    click.echo(f"{len(table.rows)} rows")


@click.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, help="Query parameter key=value (repeatable).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
)
@click.option("--endpoint", help="Run on this SPARQL 1.1 query endpoint instead of the embedded store.")
@click.option(
    "--graph",
    "graphs",
    multiple=True,
    help="Default-graph IRI(s) to query (default: the asserted, inferred and ontology graphs).",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
)
def query_cmd(
    name: str,
    params: tuple[str, ...],
    fmt: str,
    endpoint: str | None,
    graphs: tuple[str, ...],
    store_dir: Path,
) -> None:
    """Run the named query NAME (see `kg queries`) or a .rq FILE, on the store or a remote endpoint."""
    from kg.sparql import bind, resolve, run_local, run_remote
    from kg.store import DATASET, open_store

    text = bind(resolve(name), _params(params))
    dataset = graphs or tuple(str(g) for g in DATASET)
    if endpoint:
        table = run_remote(endpoint, text, dataset)
    else:
        table = run_local(open_store(store_dir), text, dataset)
    _print_table(table, fmt)


@click.command("queries")
def queries_cmd() -> None:
    """List the named queries with their questions and parameters."""
    from kg.sparql import discover

    for q in discover():
        params = " ".join(f"--param {p.name}=…" for p in q.params)
        click.echo(click.style(q.name, bold=True) + (f"  {params}" if params else ""))
        click.echo(f"    {q.question_en}")
        click.echo(f"    {q.question_vi}")


@click.command("status")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
)
def status_cmd(store_dir: Path) -> None:
    """Print an account of the built graph: counts, chains found, problems, outputs, how to query it."""
    from kg.store import open_store
    from kg.summary import account

    click.echo(account(open_store(store_dir), store_dir))


@click.command("validate")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
)
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many violations.")
@click.pass_context
def validate_cmd(ctx: click.Context, store_dir: Path, limit: int) -> None:
    """Check the built graph with SHACL (ontology/shapes.ttl) and queries/qc/data-*-violation.rq.

    Exit status: 0 the graph conforms, 1 violations (each with its node and source span), 2 error.
    """
    from kg.store import open_store
    from kg.validate import format_report, validate_store

    report = validate_store(open_store(store_dir))
    click.echo(format_report(report, limit))
    if not report.conforms:
        ctx.exit(1)


@click.command("serve")
@click.option("--port", type=int, default=None, help="Port on 127.0.0.1 (default: a free one).")
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
)
def serve_cmd(port: int | None, store_dir: Path) -> None:
    """Serve the built graph read-only as a SPARQL 1.1 endpoint (Oxigraph server) with its query UI."""
    from kg import serve

    server = serve.start(store_dir, port)
    click.echo(f"SPARQL endpoint {server.query_url}  (query UI: {server.base_url}/ )")
    click.echo(f"try: kg query documents --endpoint {server.query_url}    — Ctrl-C stops the server")
    try:
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        serve.stop(server)


@click.command("push")
@click.option("--endpoint", required=True, help="Graph Store Protocol URL (e.g. http://host:7878/store).")
@click.option(
    "--update-endpoint",
    default=None,
    help="SPARQL Update URL for servers without the Graph Store Protocol (default: --endpoint).",
)
@click.option(
    "--graph",
    "into",
    default=None,
    help="Put everything into this one graph IRI instead of the asserted/inferred/ontology named graphs.",
)
@click.option(
    "--store",
    "store_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=STORE_DIR,
    show_default=True,
)
def push_cmd(endpoint: str, update_endpoint: str | None, into: str | None, store_dir: Path) -> None:
    """Upload the built graph to a SPARQL 1.1 server (Oxigraph, Fuseki, GraphDB, Virtuoso)."""
    from kg.push import push, store_graphs
    from kg.store import open_store

    done = push(endpoint, store_graphs(open_store(store_dir), into), update_endpoint)
    for graph, how in done.items():
        click.echo(f"pushed <{graph}> ({how})")


COMMANDS: list[click.Command] = [
    build_cmd,
    validate_cmd,
    query_cmd,
    queries_cmd,
    serve_cmd,
    push_cmd,
    status_cmd,
]
