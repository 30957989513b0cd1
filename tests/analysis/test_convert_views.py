"""What the analysis converter keeps for the views (kg.present.views reads RDF only through it)."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kg.analysis.convert import PolicyGraphs, to_networkx

TTL = """
@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
vpo:Plan rdfs:label "Kế hoạch"@vi, "Plan"@en .
<urn:ubnd> a vpo:Agency ; skos:prefLabel "Ủy ban nhân dân tỉnh X"@vi, "People's Committee of X"@en ;
    vpo:level vpo:provincial ; vpo:branch vpo:state .
<urn:so> a vpo:Agency ; skos:prefLabel "Sở Y tế"@vi ; vpo:parentAgency <urn:ubnd> ; vpo:answersFor <urn:p> .
<urn:p> a vpo:Plan ; vpo:identifier "1/KH-UBND" ; vpo:issuedBy <urn:ubnd> ; vpo:title "Kế hoạch"@vi ;
    vpo:evidence [ vpo:source <urn:src> ; oa:hasSelector [ oa:exact "1/KH-UBND" ; oa:start 3 ; oa:end 12 ] ] .
<urn:src> vpo:fileName "x.txt" ; vpo:describes <urn:p> .
"""


@pytest.fixture(scope="module")
def pg() -> PolicyGraphs:
    return to_networkx(Graph().parse(data=TTL, format="turtle"))


@pytest.mark.parametrize(
    ("what", "get", "expected"),
    [
        ("English label", lambda pg: pg.names["urn:ubnd"].pref_en, "People's Committee of X"),
        ("Vietnamese label", lambda pg: pg.names["urn:ubnd"].first("vi"), "Ủy ban nhân dân tỉnh X"),
        ("ontology class name", lambda pg: pg.names["https://w3id.org/vn-policy-kg/ontology#Plan"].label_en,
         "Plan"),
        ("branch", lambda pg: pg.agencies.nodes["urn:ubnd"]["branch"],
         "https://w3id.org/vn-policy-kg/ontology#state"),
        ("parent agency", lambda pg: pg.agencies.nodes["urn:so"]["parent"], "urn:ubnd"),
        ("issuer edge", lambda pg: pg.issued_by, (("urn:p", "urn:ubnd"),)),
        ("inferred answersFor", lambda pg: pg.answers_for, (("urn:so", "urn:p"),)),
        ("source page of a quote", lambda pg: pg.lineage.nodes["urn:p"]["quotes"][0].source, "urn:src"),
        ("source file and document", lambda pg: pg.sources, {"urn:src": ("x.txt", "urn:p")}),
        ("document classes", lambda pg: pg.lineage.nodes["urn:p"]["types"], ["Plan"]),
    ],
)  # fmt: skip
def test_converter_keeps_what_the_views_draw(pg: PolicyGraphs, what: str, get, expected) -> None:  # type: ignore[no-untyped-def]
    assert get(pg) == expected, what
