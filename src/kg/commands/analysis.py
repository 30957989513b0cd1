"""CLI commands of the analysis area: trace, who, compare, metrics, report, export.

Each command loads the graph (kg.analysis.load), calls one library function, and prints a rich table, JSON
(``--json``) or CSV (``--csv``). Library errors (UnknownDocument, UnknownAgency, LineageCycle, StoreError)
reach kg.cli, which shows them as one line.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from kg.commands.options import bom_mark, bom_option, graph_source_options, shown_default
from kg.paths import VIS_DIR

if TYPE_CHECKING:
    from kg.analysis import compare as compare_mod
    from kg.analysis.convert import PolicyGraphs
    from kg.analysis.index import Quote
    from kg.analysis.trace import LineageLink, Trace
    from kg.analysis.who import Duty, WhoResult

# The analyses (networkx, rdflib, pyoxigraph) are imported by the command that runs, not by `kg --help`
# (issue 15: it imported ~700 modules). The export formats are named here for the option; a test keeps
# them equal to kg.analysis.export.FORMATS.
EXPORT_FORMATS = ("graphml", "gexf")

F = TypeVar("F", bound=Callable[..., Any])


# --- shared options -----------------------------------------------------------------------------------------


def output_options(func: F) -> F:
    """--json / --csv (with --bom for Excel): machine-readable output instead of tables."""
    func = bom_option(func)
    func = click.option("--csv", "as_csv", is_flag=True, help="Print CSV rows instead of tables.")(func)
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of tables.")(func)


def _console() -> Console:
    return Console(soft_wrap=False, width=160)


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and sets as JSON-ready values."""
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def _emit_json(value: Any) -> None:
    click.echo(json.dumps(_plain(value), ensure_ascii=False, indent=2))


def _emit_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    click.echo(bom_mark() + out.getvalue(), nl=False)


def _quote(quotes: Sequence[Any]) -> str:
    return " | ".join(f"“{q.text}”" for q in quotes)


# --- trace --------------------------------------------------------------------------------------------------


@click.command("trace")
@click.argument("document")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Name the body holding each changed body's work on this date (YYYY-MM-DD) instead of today.",
)
@graph_source_options
@output_options
def trace_cmd(
    document: str,
    as_of: datetime | None,
    data: tuple[Path, ...],
    store: Path | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Lineage of DOCUMENT up to its roots and down to every leaf.

    DOCUMENT is a symbol such as 69-KL/TW (case and separators ignored), a label, or an IRI. Bodies the
    documents name (issuer, agencies of their tasks) that the 2025 reorganisation changed are listed with the
    body holding their work now (or --as-of a date) and the legal basis (--json "now"; --csv
    source_now/target_now).
    """
    from kg.analysis.focus import trace_in
    from kg.analysis.load import load_source

    result = trace_in(load_source(data, store), document, as_of.date().isoformat() if as_of else None)
    if as_json:
        _emit_json(result)
    elif as_csv:
        now = _trace_now(result)
        _emit_csv(
            ("source", "relation", "target", "quote", "source_iri", "target_iri", "source_now", "target_now"),
            (
                (
                    link.source_label,
                    link.relation,
                    link.target_label,
                    _quote(link.quotes),
                    link.source,
                    link.target,
                    now.get(link.source, ""),
                    now.get(link.target, ""),
                )
                for link in result.links
            ),
        )
    else:
        _print_trace(result)


def _trace_now(result: Trace) -> dict[str, str]:
    """Document IRI → its changed bodies, "as written → now — legal basis", joined by " | "."""
    now: dict[str, list[str]] = {}
    for b in result.now:
        now.setdefault(b.document, []).append(f"{b.agency_label} → {' | '.join(h.text() for h in b.now)}")
    return {doc: " || ".join(lines) for doc, lines in now.items()}


def _print_trace(result: Trace) -> None:
    console = _console()
    labels = {n.iri: n for n in result.nodes}
    for focus in result.focus:
        tree = Tree(f"[bold]{labels[focus].label}[/]")
        _grow(tree.add("[cyan]implements ↑[/]"), result, focus, upward=True, seen={focus})
        _grow(tree.add("[cyan]implemented by ↓[/]"), result, focus, upward=False, seen={focus})
        console.print(tree)
    table = Table(title="Documents by level and province")
    for col in ("level", "province", "documents"):
        table.add_column(col)
    for group in result.groups:
        table.add_row(group.level, group.province or "—", "\n".join(group.documents))
    console.print(table)
    if result.now:
        console.print(_now_table(result))


def _now_table(result: Trace) -> Table:
    """The bodies the documents name that the 2025 reorganisation changed, as written and now."""
    when = f"on {result.as_of}" if result.as_of else "now"
    table = Table(title=f"Bodies named that changed in 2025: who holds their work {when}", show_lines=True)
    for col in ("document", "body as written", "named as", "now", "legal basis"):
        table.add_column(col, overflow="fold")
    for b in result.now:
        bases = "\n".join(dict.fromkeys(x for h in b.now for s in h.steps for x in s.bases))
        table.add_row(
            b.document_label, b.agency_label, b.role, "\n".join(h.name for h in b.now), bases or "—"
        )
    return table


def _grow(branch: Tree, result: Trace, node: str, upward: bool, seen: set[str]) -> None:
    """Add the links of ``node`` under ``branch``; a document already shown is named, not expanded again."""
    from kg.analysis.trace import children

    for link in children(result, node, upward):
        nxt = link.target if upward else link.source
        name = link.target_label if upward else link.source_label
        quote = f"\n[dim]{_quote(link.quotes)}[/]" if link.quotes else ""
        twig = branch.add(f"{name} [green]({'+'.join(link.relations)})[/]{quote}")
        if nxt not in seen:
            _grow(twig, result, nxt, upward, seen | {nxt})


# --- who ----------------------------------------------------------------------------------------------------


def _chain_text(chain: Sequence[LineageLink]) -> str:
    if not chain:
        return ""
    return " → ".join([chain[0].source_label, *(link.target_label for link in chain)])


@click.command("who")
@click.argument("agency")
@click.option("--province", "-p", help="Only agencies of this province (diacritics optional).")
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="AGENCY as it stood on this date (YYYY-MM-DD): also the tasks of the bodies it had taken over "
    "(the 2025 reorganisation); the 'now' column then answers for that date.",
)
@click.option(
    "--quotes/--no-quotes",
    default=True,
    show_default=True,
    help="Show the words of the texts under each task and chain step.",
)
@graph_source_options
@output_options
def who_cmd(
    agency: str,
    province: str | None,
    as_of: datetime | None,
    quotes: bool,
    data: tuple[Path, ...],
    store: Path | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Tasks AGENCY answers for: role, deadline, field, directives.

    Each task with its role, deadline and field, under the chain of directives above its plan.

    AGENCY may be written without diacritics or abbreviated ("so khcn", "Sở KH&CN"). Names stay as the
    texts wrote them; the "now" column gives the body holding each task today (or --as-of), with the
    change and its legal basis.
    """
    day = as_of.date().isoformat() if as_of else None
    from kg.analysis.focus import who_in
    from kg.analysis.load import load_source

    result = who_in(load_source(data, store), agency, province, day)
    if as_json:
        _emit_json(result)
    elif as_csv:
        _emit_csv(_WHO_CSV, [_who_row(d) for d in result.duties])
    else:
        _print_who(result, show_quotes=quotes)


_WHO_CSV = (
    "agency", "province", "role", "task", "deadline", "fields", "plan_fields", "plan", "chains",
    "assignment_quote", "source", "quotes", "now", "now_basis", "agency_iri", "task_iri", "plan_iri",
)  # fmt: skip


def _where(quotes: Sequence[Quote]) -> str:
    """Where the quotes stand in their source: "file:start-end", first quoted character to the last."""
    placed = [q for q in quotes if q.file and q.start is not None and q.end is not None]
    if not placed:
        return next((q.file for q in quotes if q.file), "")
    file = placed[0].file
    same = [q for q in placed if q.file == file]
    return f"{file}:{min(q.start or 0 for q in same)}-{max(q.end or 0 for q in same)}"


def _who_row(d: Duty) -> list[Any]:
    return [
        d.agency_label,
        d.province,
        d.role,
        d.task_text,
        d.deadline,
        "; ".join(d.fields),
        "; ".join(d.plan_fields),
        d.plan_label,
        " || ".join(_chain_text(c) for c in d.chains),
        _quote(d.assignment_quotes),
        _where(d.quotes),
        _quote(d.quotes),
        " | ".join(h.name for h in d.now),
        " | ".join(h.text() for h in d.now if h.steps),
        d.agency,
        d.task,
        d.plan,
    ]


def _print_who(result: WhoResult, show_quotes: bool = True) -> None:
    """One table per plan, under the chain of directives that plan carries out (each step quoted)."""
    console = _console()
    when = f" (as of {result.as_of})" if result.as_of else ""
    if result.held_now:
        console.print(
            f"[yellow]No task names {result.query!r} as written; these are the tasks it holds now, through "
            "the 2025 reorganisation (--as-of DATE answers for another day).[/]"
        )
    console.print(f"[bold]Tasks of {', '.join(label for _, label in result.agencies)}{when}[/]")
    by_plan: dict[str, list[Duty]] = {}
    for d in result.duties:
        by_plan.setdefault(f"{d.agency_label} ({d.province or '—'}) in {d.plan_label or '—'}", []).append(d)
    for title, duties in by_plan.items():
        console.print(_chain_tree(title, duties[0], show_quotes))
        console.print(_now_line(duties[0], result.as_of))
        console.print(_duty_table(duties, show_quotes))


def _now_line(first: Duty, as_of: str | None) -> str:
    """Who holds these tasks now: "now: Sở Khoa học và Công nghệ (Ninh Bình) — Nghị quyết 202/2025/QH15 …"."""
    when = f"on {as_of}" if as_of else "now"
    moved = [h for h in first.now if h.steps]
    if not moved:
        return f"[green]{when}:[/] {first.agency_label} (unchanged)"
    steps = "; ".join(f"{s.date}: {', '.join(s.changes)}" for h in moved[:1] for s in h.steps)
    return f"[green]{when}:[/] {' | '.join(h.text() for h in moved)}\n[dim]{steps}[/]"


def _chain_tree(title: str, first: Duty, show_quotes: bool) -> Tree:
    tree = Tree(f"[bold]{title}[/]")
    if first.plan_fields:
        tree.add(f"fields the plan states: {', '.join(first.plan_fields)}")
    for chain in first.chains or ((),):
        branch = tree.add(f"[cyan]chain:[/] {_chain_text(chain) or 'implements no document in the graph'}")
        for link in chain if show_quotes else ():
            if link.quotes:
                branch.add(f"[dim]{link.source_label} → {link.target_label}: {_quote(link.quotes[:1])}[/]")
    return tree


def _duty_table(duties: Sequence[Duty], show_quotes: bool) -> Table:
    with_fields = any(d.fields for d in duties)  # a column of dashes helps nobody
    table = Table(show_lines=True)
    for col in ("role", "task", "deadline", *(("field",) if with_fields else ()), "now"):
        table.add_column(col, overflow="fold")
    for d in duties:
        task = d.task_text
        if show_quotes and d.assignment_quotes:
            task += f"\n[dim]{_quote(d.assignment_quotes)} — {_where(d.quotes)}[/]"
        row = [d.role, task, d.deadline or "—"]
        now = " | ".join(h.name for h in d.now)
        table.add_row(*row, *((", ".join(d.fields) or "—",) if with_fields else ()), now)
    return table


# --- compare ------------------------------------------------------------------------------------------------


@click.command("compare")
@click.argument("documents", nargs=-1)
@click.option("--implementing", "-i", help="Compare every plan implementing this directive (e.g. 69-KL/TW).")
@click.option(
    "--as-merged",
    is_flag=True,
    help="With --implementing: order the plans by the province each is part of today (the 2025 mergers, "
    "63 → 34) and list every one of today's 34 provinces with its plans (with --as-of: the provinces of "
    "that day, the 63 before 1/7/2025).",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Answer for this date (YYYY-MM-DD) instead of today: the body leading each lead agency's tasks on "
    "that day, and each plan's province as it stood then.",
)
@graph_source_options
@output_options
def compare_cmd(
    documents: tuple[str, ...],
    implementing: str | None,
    as_merged: bool,
    as_of: datetime | None,
    data: tuple[Path, ...],
    store: Path | None,
    as_json: bool,
    as_csv: bool,
) -> None:
    """Compare plans side by side: fields, targets, leads, deadlines.

    Fields covered and missed, targets, lead agencies, tasks without a lead and deadlines of each plan.

    Give --implementing DIRECTIVE, or two or more DOCUMENTS. Lead agencies show the body leading the
    tasks today when the 2025 reorganisation moved them ("Sở Thông tin và Truyền thông → now: ..."), or
    on the --as-of date ("→ on 2025-04-01: ..."); names and provinces stay as the plans wrote them.
    """
    if not implementing and len(documents) < 2:
        raise click.UsageError("give --implementing DIRECTIVE or at least two DOCUMENTS")
    from kg.analysis import compare as compare_mod
    from kg.analysis.focus import compare_in
    from kg.analysis.load import load_graphs, load_source

    day = as_of.date().isoformat() if as_of else None
    if implementing:  # only the documents below the directive are read (kg.analysis.focus)
        result = compare_in(load_source(data, store), implementing, as_merged, day)
    else:
        result = compare_mod.compare_documents(load_graphs(data, store), list(documents), day)
    if as_json:
        _emit_json(result)
    elif as_csv:
        _emit_csv(_COMPARE_CSV, [_compare_row(p) for p in result.plans])
    else:
        _print_comparison(result)


_COMPARE_CSV = (
    "plan", "province", "province_now", "date", "tasks", "fields_covered", "fields_missing", "leads",
    "leads_now", "tasks_without_lead", "deadlines", "targets", "plan_iri",
)  # fmt: skip


def _compare_row(p: compare_mod.PlanSummary) -> list[Any]:
    from kg.analysis.compare import target_text

    return [
        p.label,
        p.province,
        p.province_now,
        p.date,
        p.task_count,
        "; ".join(p.fields_covered),
        "; ".join(p.fields_missing),
        "; ".join(f"{lc.label} ({lc.tasks})" for lc in p.leads),
        "; ".join(f"{lc.now or lc.label} ({lc.tasks})" for lc in p.leads),
        len(p.tasks_without_lead),
        "; ".join(f"{d} ({n})" for d, n in p.deadlines),
        "; ".join(target_text(t) for t in p.targets),
        p.plan,
    ]


def _print_comparison(result: compare_mod.Comparison) -> None:
    from kg.analysis.compare import target_text

    console = _console()
    title = f"Plans implementing {result.directive_label}" if result.directive_label else "Documents compared"
    if not result.plans:
        console.print(f"{title}: none in the graph.")
        return
    table = Table(title=title, show_lines=True)
    table.add_column("")
    for p in result.plans:
        table.add_column(f"{p.province or '—'}\n{p.label}", overflow="fold")
    when = f"on {result.as_of}" if result.as_of else "today"
    rows: list[tuple[str, Callable[[compare_mod.PlanSummary], str]]] = [
        (f"province {when}", lambda p: p.province_now or "—"),
        ("date", lambda p: p.date or "—"),
        ("tasks", lambda p: str(p.task_count)),
        ("fields covered", lambda p: "\n".join(p.fields_covered) or "—"),
        ("fields not covered", lambda p: "\n".join(p.fields_missing) or "—"),
        ("targets", lambda p: "\n".join(target_text(t) for t in p.targets) or "—"),
        ("lead agencies (tasks)", lambda p: "\n".join(_lead_text(lc, result.as_of) for lc in p.leads) or "—"),
        ("tasks without a lead", lambda p: "\n".join(p.tasks_without_lead) or "—"),
        ("deadlines (tasks)", lambda p: "\n".join(f"{d} ({n})" for d, n in p.deadlines) or "—"),
    ]
    for name, cell in rows:
        table.add_row(name, *(cell(p) for p in result.plans))
    console.print(table)
    if result.merged:
        merged = Table(title=_merged_title(result))
        merged.add_column(f"province {when}")
        merged.add_column("plans (as written, of the provinces merged into it)", overflow="fold")
        for province, plans in result.merged:
            merged.add_row(province, "\n".join(plans) or "—")
        console.print(merged)


def _merged_title(result: compare_mod.Comparison) -> str:
    """ "Today's 34 provinces (…)", or the provinces of the --as-of day: the 63 before the mergers."""
    from kg.lexicon.changes import changes

    mergers = "1/7/2025, Nghị quyết 202/2025/QH15"
    if not result.as_of:
        return f"Today's {len(result.merged)} provinces ({mergers})"
    merged_on = min(c.date for c in changes() if c.scope == "province")
    after = "after" if result.as_of >= merged_on else "before"
    return f"The {len(result.merged)} provinces on {result.as_of} ({after} the mergers of {mergers})"


def _lead_text(lc: compare_mod.LeadCount, as_of: str | None = None) -> str:
    when = f"on {as_of}" if as_of else "now"
    return f"{lc.label} ({lc.tasks})" + (f"\n  → {when}: {lc.now}" if lc.now else "")


# --- metrics ------------------------------------------------------------------------------------------------

_METRICS = ("workload", "brokers", "depth", "gaps", "communities")


def compute_metrics(graphs: PolicyGraphs, only: str | None = None) -> dict[str, Any]:
    """The metrics by name (all, or ``only`` one), as plain values."""
    from kg.analysis import metrics as metrics_mod

    makers: dict[str, Callable[[], Any]] = {
        "workload": lambda: [
            {**asdict(w), "total": w.total} for w in metrics_mod.workload(graphs.responsibility)
        ],
        "brokers": lambda: metrics_mod.brokers(graphs.responsibility),
        "depth": lambda: metrics_mod.lineage_depth(graphs),
        "gaps": lambda: metrics_mod.gaps(graphs),
        "communities": lambda: metrics_mod.communities(graphs),
    }
    return {name: _plain(makers[name]()) for name in _METRICS if only in (None, name)}


@click.command("metrics")
@click.option("--only", type=click.Choice(_METRICS), help="Compute one metric (required with --csv).")
@graph_source_options
@output_options
def metrics_cmd(
    only: str | None, data: tuple[Path, ...], store: Path | None, as_json: bool, as_csv: bool
) -> None:
    """Agency workload, brokers, lineage depth, gaps, communities.

    Agency workload (lead/coordinate tasks), brokers (betweenness in the coordination network), lineage
    depth of each document, gaps (tasks without a lead, directives without a plan, unresolved references,
    agencies that only coordinate) and agency–field communities.
    """
    if as_csv and not only:
        raise click.UsageError("--csv prints one table: add --only " + "|".join(_METRICS))
    from kg.analysis.load import load_source
    from kg.analysis.metrics_read import metrics_graphs

    values = compute_metrics(metrics_graphs(load_source(data, store)), only)
    if as_json:
        _emit_json(values)
    elif as_csv:
        header, rows = _metric_rows(only or "", values[only or ""])
        _emit_csv(header, rows)
    else:
        console = _console()
        for name, value in values.items():
            header, rows = _metric_rows(name, value)
            table = Table(title=name)
            for col in header:
                table.add_column(col, overflow="fold")
            for row in rows:
                table.add_row(*("" if v is None else str(v) for v in row))
            console.print(table)


def _metric_rows(name: str, value: Any) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of one metric's plain value."""
    from kg.analysis.metrics import place_name

    if name == "gaps":
        rows: list[list[Any]] = [["task without a lead", f"{p}: {t}"] for p, t in value["tasks_without_lead"]]
        rows += [["directive with no downstream plan", d] for d in value["directives_without_plan"]]
        rows += [
            [
                "reference resolving to nothing",
                f"{u['citing_label']} {u['predicate']} {u['target'] or '(no document)'}",
            ]
            for u in value["unresolved_references"]
        ]
        rows += [
            [
                "agency that only coordinates",
                f"{place_name(a['label'], a['province'])}",
                a["agency"],
            ]
            for a in value["coordinate_only"]
        ]
        return ["gap", "what", "iri"], [row + [""] * (3 - len(row)) for row in rows]
    if name == "communities":
        return ["fields", "agencies", "agency_iris"], [
            ["; ".join(c["fields"]), "; ".join(c["agencies"]), "; ".join(c["agency_iris"])] for c in value
        ]
    columns = {
        "workload": ["label", "province", "lead", "coordinate", "other", "total", "agency"],
        "brokers": ["label", "province", "betweenness", "partners", "agency"],
        "depth": ["label", "province", "depth", "document"],
    }[name]
    # the last column, the agency's or document's IRI, joins the table back to the RDF
    return [*columns[:-1], "iri"], [[row[c] for c in columns] for row in value]


# --- report and export --------------------------------------------------------------------------------------


@click.command("report")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=VIS_DIR / "report.html",
    # click would print the absolute path of this checkout
    help=f"Where to write the HTML report.  [default: {shown_default(VIS_DIR / 'report.html')}]",
)
@graph_source_options
def report_cmd(out: Path, data: tuple[Path, ...], store: Path | None) -> None:
    """Write the offline HTML report: chains, tables and plots.

    One self-contained page (plots embedded) that opens from disk with no network.
    """
    from kg.analysis.load import load_graphs
    from kg.present.report import render_report  # matplotlib is heavy: load it only for this command

    html = render_report(load_graphs(data, store))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    click.echo(f"wrote {out}")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="graphml", show_default=True)
@click.option(
    "--graph",
    "which",
    type=click.Choice(("lineage", "responsibility", "coordination")),
    default="lineage",
    show_default=True,
    help="Which NetworkX graph to export.",
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout)."
)
@graph_source_options
def export_cmd(fmt: str, which: str, out: Path | None, data: tuple[Path, ...], store: Path | None) -> None:
    """Export a graph as GraphML or GEXF (for Gephi)."""
    from kg.analysis import metrics as metrics_mod
    from kg.analysis.export import serialize
    from kg.analysis.load import load_graphs

    graphs = load_graphs(data, store)
    graph = {
        "lineage": lambda: graphs.lineage,
        "responsibility": lambda: graphs.responsibility,
        "coordination": lambda: metrics_mod.coordination_network(graphs.responsibility),
    }[which]()
    text = serialize(graph, fmt, graphs.names)
    if out is None:
        click.echo(text, nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}")


COMMANDS: list[click.Command] = [trace_cmd, who_cmd, compare_cmd, metrics_cmd, report_cmd, export_cmd]
