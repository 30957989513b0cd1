"""Inference in its own named graph: lineage closure and answersFor (issue 4)."""

import pytest

from graph_seed import PREFIXES, seed_graph, seed_store
from kg.namespaces import VPO
from kg.store import ASSERTED_GRAPH, INFERRED_GRAPH, ask, select
from kg.store.infer import infer_graph

AGENCIES_FOR_69 = (
    PREFIXES
    + """
SELECT DISTINCT ?province ?agency WHERE {
  ?d vpo:identifier "69-KL/TW" .
  ?ag vpo:answersFor ?d ; rdfs:label ?agency ; vpo:jurisdiction/rdfs:label ?province .
}"""
)


def _answering(province: str) -> set[str]:
    _, rows = select(seed_store(), AGENCIES_FOR_69)
    return {r["agency"].value for r in rows if r["province"].value == province}


@pytest.mark.parametrize(
    ("province", "expected"),
    [
        ("Lâm Đồng", {"Sở Khoa học và Công nghệ (Lâm Đồng)", "Sở Tài chính (Lâm Đồng)", "Báo Lâm Đồng"}),
        ("Nam Định", {"Sở Khoa học và Công nghệ (Nam Định)", "Sở Tài chính (Nam Định)"}),
    ],
)
def test_agencies_answer_for_69_kl_tw_in_each_province(province: str, expected: set[str]) -> None:
    got = _answering(province)
    assert expected <= got, f"missing {expected - got}"


def test_answers_for_reaches_through_intermediate_plans_only_from_leads() -> None:
    _, rows = select(seed_store(), AGENCIES_FOR_69)
    provinces = {r["province"].value for r in rows}
    assert provinces == {"Lâm Đồng", "Nam Định"}  # Bắc Kạn and Kon Tum do not implement 69-KL/TW
    coordinate_only = PREFIXES + (
        'ASK { ?d vpo:identifier "69-KL/TW" . ?ag vpo:answersFor ?d FILTER NOT EXISTS { ?ag vpo:leads ?t } }'
    )
    assert not ask(seed_store(), coordinate_only)


def test_closure_includes_the_transitive_ancestor() -> None:
    inferred = infer_graph(seed_graph())
    q = (
        PREFIXES
        + 'ASK { ?a vpo:identifier "4655/KH-UBND" . ?b vpo:identifier "20-NQ/TW" . ?a vpo:derivesFrom ?b }'
    )
    assert ask(seed_store(), q)
    assert (None, VPO.derivesFrom, None) in inferred


def test_inferred_triples_never_enter_the_asserted_graph() -> None:
    store = seed_store()
    for prop in (VPO.derivesFrom, VPO.implementsTransitively, VPO.answersFor):
        q = f"ASK {{ ?s <{prop}> ?o }}"
        assert not ask(store, q, [str(ASSERTED_GRAPH)])
        assert ask(store, q, [str(INFERRED_GRAPH)])


@pytest.mark.slow
def test_seed_graph_and_ontology_are_consistent_under_hermit() -> None:
    ontology = pytest.importorskip("kg.ontology")
    result = ontology.check_consistency(extra_data=seed_graph())
    assert result.consistent, "HermiT finds the seed graph + ontology inconsistent"
    assert not result.unsatisfiable, f"unsatisfiable classes: {result.unsatisfiable}"
    hermit = set(result.inferred.get(str(VPO.answersFor), ()))
    if hermit:  # the OWL property chain and the SPARQL rule must agree
        _, rows = select(seed_store(), PREFIXES + "SELECT ?a ?d WHERE { ?a vpo:answersFor ?d }")
        assert {(r["a"].value, r["d"].value) for r in rows} == {(str(a), str(d)) for a, d in hermit}
