"""Quality checks (queries/qc/*-violation.rq): all return zero rows on the ontology, and each ontology check
returns rows on a deliberately broken snippet (tests/fixtures/ontology/broken.ttl), so the checks can fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import QueryError
from kg.ontology import load_ontology, parse_turtle
from kg.paths import QC_DIR
from kg.quality.qc import QCResult, qc_queries, run_qc

BROKEN = Path(__file__).parents[1] / "fixtures" / "ontology" / "broken.ttl"
VPO = "https://w3id.org/vn-policy-kg/ontology#"

ALL_CHECKS = qc_queries(QC_DIR)
ONTOLOGY_CHECKS = qc_queries(QC_DIR, prefix="ontology-")

# check → a row the broken snippet must produce (each cell given in full).
BROKEN_EXPECTED: dict[str, tuple[str, ...]] = {
    "ontology-label-vi-violation": (VPO + "Undeclared",),
    "ontology-label-en-violation": (VPO + "Orphan",),
    "ontology-definition-violation": (VPO + "Orphan", "en"),
    "ontology-undeclared-term-violation": ("https://example.org/undeclared#Thing", "axiom object"),
    "ontology-class-alignment-violation": (VPO + "Orphan",),
    "ontology-deprecated-violation": (VPO + "Old", VPO + "New"),
    "ontology-external-redefinition-violation": (
        "http://data.europa.eu/eli/ontology#implements",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "implements@en",
    ),
    "ontology-punning-violation": ("http://purl.org/dc/terms/title", "data property used as an annotation"),
    "ontology-field-violation": (
        "https://w3id.org/vn-policy-kg/field/wrong-notation",
        "no skos:notation equal to the local name",
    ),
    "ontology-duplicate-label-violation": (VPO + "New", VPO + "Newer", "mới@vi"),
}


@pytest.fixture(scope="module")
def ontology_results() -> dict[str, QCResult]:
    return {r.name: r for r in run_qc(load_ontology(), ALL_CHECKS)}


@pytest.fixture(scope="module")
def broken_results() -> dict[str, QCResult]:
    return {r.name: r for r in run_qc(parse_turtle(BROKEN), ONTOLOGY_CHECKS)}


def test_there_are_checks() -> None:
    assert len(ONTOLOGY_CHECKS) >= 8


@pytest.mark.parametrize("query", ALL_CHECKS, ids=lambda p: p.stem)
def test_check_returns_no_rows_on_the_ontology(query: Path, ontology_results: dict[str, QCResult]) -> None:
    result = ontology_results[query.stem]
    assert result.passed, f"{query.name}: {result.variables} {result.rows[:10]}"


@pytest.mark.parametrize("query", ALL_CHECKS, ids=lambda p: p.stem)
def test_check_explains_itself_in_a_comment_header(query: Path) -> None:
    # The project's query header (see kg.query.sparql): title, then the question in English and Vietnamese.
    header = [line for line in query.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    keys = {line[1:].split(":", 1)[0].strip() for line in header if ":" in line}
    assert {"title", "en", "vi"} <= keys, f"{query.name}: header needs '# title:', '# en:' and '# vi:' lines"


@pytest.mark.parametrize(("check", "row"), sorted(BROKEN_EXPECTED.items()))
def test_broken_snippet_makes_the_check_fail(
    check: str, row: tuple[str, ...], broken_results: dict[str, QCResult]
) -> None:
    assert row in broken_results[check].rows, broken_results[check].rows


def test_every_ontology_check_has_a_negative_case() -> None:
    assert {p.stem for p in ONTOLOGY_CHECKS} == set(BROKEN_EXPECTED)


def test_malformed_query_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad-violation.rq"
    bad.write_text("SELEC ?x WHERE {}", encoding="utf-8")
    with pytest.raises(QueryError, match=r"bad-violation\.rq"):
        run_qc(Graph(), [bad])


def test_non_select_query_is_rejected(tmp_path: Path) -> None:
    ask = tmp_path / "ask-violation.rq"
    ask.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(QueryError, match="SELECT"):
        run_qc(Graph(), [ask])
