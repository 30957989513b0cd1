"""CLI commands of the ontology area: `kg ontology check`, `kg ontology terms` and `kg docs`.

Exit codes: 0 every check passed, 1 a check found problems, 2 an error (e.g. the ontology does not parse or
Java is missing; raised as kg.errors.KGError and mapped by kg.cli).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.commands.options import folder_option, shown_default
from kg.paths import DOCS_DIR, QC_DIR

if TYPE_CHECKING:
    from kg.ontology import OntologyReport

# kg.ontology (owlready2, pyLODE) is imported by the commands that use it, not by `kg --help` (issue 15)
DOCS_OUT_DIR = DOCS_DIR / "ontology"  # kg.ontology.docs.DEFAULT_OUT_DIR (a test keeps the two equal)

MAX_ROWS_SHOWN = 5  # offending rows printed per failed check; the query file gives the rest


@click.group(name="ontology")
def ontology_group() -> None:
    """Check the ontology and list its terms (policy.ttl, fields.ttl)."""


@ontology_group.command(name="check")
@click.option(
    "--qc-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=QC_DIR,
    help=f"Folder of *-violation.rq checks (each must return zero rows).  [default: {shown_default(QC_DIR)}]",
)
@click.option("--no-reason", is_flag=True, help="Skip HermiT (Java) and run only the QC queries.")
@click.pass_context
def check_command(ctx: click.Context, qc_dir: Path, no_reason: bool) -> None:
    """Run the ontology's gates: parse, QC queries, term list, HermiT.

    Parses ontology/policy.ttl and fields.ttl, runs the QC queries on them, compares the terms with
    kg.namespaces.VPO, and runs the HermiT reasoner (consistency, unsatisfiable classes).

    Exit 0 when everything passes, 1 when a check finds problems, 2 on errors.
    """
    from kg.ontology import check_ontology

    report = check_ontology(qc_dir=qc_dir, reason=not no_reason)
    _print_report(Console(), report)
    ctx.exit(0 if report.ok else 1)


@ontology_group.command(name="terms")
@click.option(
    "--kind",
    type=click.Choice(["class", "object-property", "data-property", "individual"]),
    help="List only terms of this kind.",
)
def terms_command(kind: str | None) -> None:
    """List the ontology's terms with their Vietnamese and English labels."""
    from kg.ontology import load_ontology, term_table

    table = Table("term", "kind", "vi", "en", title="Vietnamese Policy Ontology (vpo:)")
    for row in term_table(load_ontology()):
        if kind is None or row.kind == kind:
            table.add_row(row.name, row.kind, row.label_vi, row.label_en)
    Console().print(table)


@click.command(name="docs")
@folder_option(
    "--out", "out_dir", default=DOCS_OUT_DIR, help="Folder to write index.html and fields.html into."
)
def docs_command(out_dir: Path) -> None:
    """Write the ontology's HTML docs (pyLODE) to docs/ontology/."""
    from kg.ontology.docs import write_docs

    result = write_docs(out_dir)
    console = Console()
    for page in result.pages:
        console.print(f"wrote {page}")
    for url in result.external_links:
        console.print(f"[yellow]note:[/yellow] the pages load {url} from the network")


def _print_report(console: Console, report: OntologyReport) -> None:
    """A short summary: one line per check, offending rows under failed ones, then the reasoner's verdict."""
    for result in report.qc:
        console.print(_mark(result.passed), result.name, f"({len(result.rows)} rows)")
        for row in result.rows[:MAX_ROWS_SHOWN]:
            console.print("    ", Text(" | ".join(row)))
    drift_ok = not report.missing_in_ontology and not report.missing_in_code
    console.print(_mark(drift_ok), "ontology terms match kg.namespaces.VPO")
    if report.missing_in_ontology:
        console.print("    not declared in policy.ttl:", ", ".join(report.missing_in_ontology))
    if report.missing_in_code:
        console.print("    missing from kg.namespaces.VPO:", ", ".join(report.missing_in_code))
    _print_reasoning(console, report)
    verdict = "[green]ontology OK[/green]" if report.ok else "[red]ontology has problems[/red]"
    console.print(verdict)


def _print_reasoning(console: Console, report: OntologyReport) -> None:
    """HermiT's part of the summary."""
    reasoning = report.reasoning
    if reasoning is None:
        console.print("[yellow]-[/yellow] HermiT skipped (--no-reason)")
        return
    console.print(_mark(reasoning.consistent), "HermiT: ontology is consistent")
    console.print(
        _mark(not reasoning.unsatisfiable),
        f"HermiT: no unsatisfiable class ({len(reasoning.unsatisfiable)} found)",
    )
    for iri in reasoning.unsatisfiable[:MAX_ROWS_SHOWN]:
        console.print("    ", iri)


def _mark(passed: bool) -> str:
    """A check mark or a cross, coloured."""
    return "[green]✓[/green]" if passed else "[red]✗[/red]"


COMMANDS: list[click.Command] = [ontology_group, docs_command]
