"""Records → RDF: golden expectations on the seed texts, as graph facts (issue 4)."""

import hashlib
import itertools

import pytest
from rdflib import RDFS, Literal, URIRef

from graph_seed import PREFIXES, seed_graph, seed_records
from kg.models import Assignment, DocumentMeta, Record, SourceInfo, Span, Task
from kg.namespaces import VPO
from kg.rdf.mapping import records_to_graph


def ask(q: str) -> bool:
    return bool(seed_graph().query(PREFIXES + q).askAnswer)


def docs_with_number(number: str) -> set[URIRef]:
    return {s for s in seed_graph().subjects(VPO.identifier, Literal(number)) if isinstance(s, URIRef)}


@pytest.mark.parametrize(
    "chain",
    [
        ["4655/KH-UBND", "116-KH/TU", "69-KL/TW", "20-NQ/TW"],
        ["47/CTr-TU", "69-KL/TW", "20-NQ/TW"],
    ],
)
def test_seed_lineage_chains_are_in_the_graph(chain: list[str]) -> None:
    for child, parent in itertools.pairwise(chain):
        assert ask(
            f'ASK {{ ?a vpo:identifier "{child}" ; vpo:implements ?b . ?b vpo:identifier "{parent}" }}'
        ), f"{child} implements {parent} is missing"


def test_nam_dinh_plan_without_number_implements_47() -> None:
    assert ask(
        'ASK { ?p vpo:ingested true ; vpo:dateIssued ?d ; vpo:implements ?x . ?x vpo:identifier "47/CTr-TU" '
        'FILTER NOT EXISTS { ?p vpo:identifier ?n } FILTER(STR(?d) = "2024-06") }'
    )


def test_a_document_cited_by_several_texts_is_one_node() -> None:
    assert len(docs_with_number("69-KL/TW")) == 1
    assert len(docs_with_number("20-NQ/TW")) == 1  # also cited without issuer or date by a news report


def test_20_nq_tw_and_20_nq_tu_are_different_nodes() -> None:
    (tw,) = docs_with_number("20-NQ/TW")
    (tu,) = docs_with_number("20-NQ/TU")
    assert tw != tu


def test_news_reports_are_sources_about_their_plans_not_the_plans() -> None:
    for number in ("4485/KH-UBND", "3549/KH-UBND"):
        assert ask(
            f'ASK {{ ?s a vpo:NewsReport ; vpo:reportsOn ?d . ?d vpo:identifier "{number}" ; '
            "vpo:ingested true "
            "FILTER NOT EXISTS { ?s vpo:describes ?d } FILTER(?s != ?d) }"
        ), number


def test_cited_only_documents_keep_what_the_citing_text_says() -> None:
    assert ask(
        'ASK { ?d vpo:identifier "116-KH/TU" ; vpo:ingested false ; a vpo:Plan ; '
        'vpo:dateIssued "2024-04-23"^^<http://www.w3.org/2001/XMLSchema#date> ; vpo:issuedBy ?i }'
    )


def test_every_assignment_has_evidence_with_a_quote_from_the_source() -> None:
    g = seed_graph()
    assignments = set(g.subjects(None, VPO.Assignment))
    assert len(assignments) == sum(len(r.assignments) for r in seed_records())
    assert ask("ASK { ?a a vpo:Assignment ; vpo:evidence/vpo:source/vpo:fileName ?f }")
    assert not ask("ASK { ?a a vpo:Assignment FILTER NOT EXISTS { ?a vpo:evidence ?e } }")


def test_records_without_spans_yield_no_evidence_rather_than_an_error() -> None:
    rec = Record(
        SourceInfo("x.txt", ""), DocumentMeta(number="1/KH-UBND", issuer="Ủy ban nhân dân tỉnh A Lưới")
    )
    g = records_to_graph([rec])
    assert not list(g.triples((None, VPO.evidence, None)))
    assert (None, VPO.identifier, Literal("1/KH-UBND")) in g


def test_mapping_is_deterministic_and_does_not_mutate_records() -> None:
    records = seed_records()
    before = [r.to_json() for r in records]
    assert set(records_to_graph(records)) == set(records_to_graph(records))
    assert [r.to_json() for r in records] == before


def _ministry_plan(number: str, ministry: str, unit: str) -> Record:
    """A small plan of a ministry assigning a task to one of its units (and citing nothing)."""
    span = Span(0, 5, "trích")
    task = Task("t1", f"Nhiệm vụ của {unit}", span=span)
    return Record(
        SourceInfo(f"{number}.txt", hashlib.sha256(number.encode()).hexdigest(), "official-text"),
        DocumentMeta(
            number=number, doc_type="Kế hoạch", issuer=ministry, date="2025-03-05", province="Hà Nội"
        ),
        assignments=(Assignment(unit, "lead", task.text, task_id="t1", span=span),),
        tasks=(task,),
    )


@pytest.mark.parametrize("unit", ["Vụ Khoa học và Công nghệ", "Văn phòng Bộ", "Cục Chuyển đổi số"])
def test_a_ministry_unit_is_scoped_by_its_ministry(unit: str) -> None:
    g = records_to_graph(
        [
            _ministry_plan("1/KH-BYT", "Bộ Y tế", unit),
            _ministry_plan("2/KH-BKHCN", "Bộ Khoa học và Công nghệ", unit),
        ]
    )
    leads = sorted({a for a in g.subjects(VPO.leads, None) if isinstance(a, URIRef)})
    assert len(leads) == 2, f"{unit} of two ministries must be two agencies: {leads}"
    parents = {str(g.value(a, VPO.parentAgency)).rsplit("/", 1)[-1] for a in leads}
    assert parents == {"bo-y-te", "bo-khoa-hoc-va-cong-nghe"}
    labels = {str(g.value(a, RDFS.label)) for a in leads}
    assert {label.endswith(("(Bộ Y tế)", "(Bộ Khoa học và Công nghệ)")) for label in labels} == {True}


def test_a_ministry_plan_printed_in_ha_noi_is_central_not_a_ha_noi_document() -> None:
    g = records_to_graph([_ministry_plan("1/KH-BYT", "Bộ Y tế", "Vụ Pháp chế")])
    (doc,) = set(g.subjects(VPO.ingested, Literal(True)))
    assert "/doc/central/2025/" in str(doc)
    assert g.value(doc, VPO.jurisdiction) is None
