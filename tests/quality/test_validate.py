"""`kg validate`: SHACL + QC on the built graph, with offending nodes and their source spans (issue 4)."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal

from graph_seed import seed_graph
from kg.cli import cli
from kg.namespaces import VPO
from kg.paths import RAW_DIR
from kg.quality.validate import format_report, validate_graph


def test_seed_graph_conforms() -> None:
    report = validate_graph(seed_graph())
    assert report.conforms, format_report(report, 10)


def _broken() -> Graph:
    g = Graph()
    for t in seed_graph():
        g.add(t)
    a = sorted(g.subjects(None, VPO.Assignment))[0]
    g.remove((a, VPO.evidence, None))  # a fact without a span
    g.add((a, VPO.role, VPO.lead))
    g.add((a, VPO.role, VPO.funds))  # at least two roles
    task = sorted(g.subjects(None, VPO.Task))[0]
    g.add((task, VPO.taskText, Literal("another text")))  # a second text
    stmt = sorted(g.subjects(None, VPO.LineageStatement))[0]
    source = g.value(predicate=VPO.lineageStatement, object=stmt)
    g.add((g.value(stmt, VPO.lineageTarget), VPO.implements, source))  # closes a cycle
    return g


@pytest.mark.parametrize(
    "expected",
    [
        ("shacl:evidence", "assignment has no source span"),
        ("shacl:role", "exactly one role"),
        ("shacl:taskText", "exactly one text"),
        ("qc:data-lineage-cycle-violation", "lineage cycle"),
    ],
)
def test_a_broken_graph_yields_the_expected_violations(expected: tuple[str, str]) -> None:
    report = validate_graph(_broken())
    check, words = expected
    hits = [v for v in report.violations if v.check == check and words in v.message]
    assert hits, f"no {check} violation mentioning {words!r}:\n{format_report(report)}"
    assert all(v.node.startswith("https://w3id.org/vn-policy-kg/id/") for v in hits)
    assert all(".txt" in v.where for v in hits), "each violation must name where its source states it"


def test_cli_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["build", str(RAW_DIR), "--out-dir", str(tmp_path), "--store", str(tmp_path / "s")])
    ok = runner.invoke(cli, ["validate", "--store", str(tmp_path / "s")])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output
