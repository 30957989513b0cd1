"""Deterministic serializations of a graph: canonical Turtle, sorted N-Triples, JSON-LD with a context.

Building twice must give the same bytes, whatever Python's hash seed: Turtle uses rdflib's ``longturtle``
(subjects and predicates sorted), N-Triples lines are sorted, and JSON-LD nodes and values are sorted after
rdflib writes them. The JSON-LD export adds schema.org Legislation terms alongside the ontology's
(``schema_alignment``), so generic consumers (search engines, schema.org tools) read it too.
"""

from __future__ import annotations

import json
from typing import Any

from rdflib import RDF, RDFS, Graph, URIRef

from kg.namespaces import SCHEMA, VPO

JSONLD_CONTEXT: dict[str, Any] = {
    "vpo": str(VPO),
    "id": "https://w3id.org/vn-policy-kg/id/",
    "field": "https://w3id.org/vn-policy-kg/field/",
    "schema": str(SCHEMA),
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def to_turtle(g: Graph) -> bytes:
    """Canonical Turtle (sorted; stable across runs for graphs without blank nodes)."""
    return g.serialize(format="longturtle", encoding="utf-8")


def to_ntriples(g: Graph) -> bytes:
    """N-Triples, one triple a line, lines sorted."""
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def schema_alignment(g: Graph) -> Graph:
    """schema.org Legislation view of documents (identifier, name, date, passedBy, applies, jurisdiction)."""
    out = Graph()
    plain = {
        VPO.identifier: SCHEMA.legislationIdentifier,
        VPO.title: SCHEMA.name,
        VPO.dateIssued: SCHEMA.legislationDate,
        VPO.issuedBy: SCHEMA.legislationPassedBy,
        VPO.implements: SCHEMA.legislationApplies,
        VPO.jurisdiction: SCHEMA.legislationJurisdiction,
    }
    for doc in set(g.subjects(VPO.ingested, None)):
        out.add((doc, RDF.type, SCHEMA.Legislation))
        for ours, theirs in plain.items():
            for value in g.objects(doc, ours):
                out.add((doc, theirs, value))
        for task in g.objects(doc, VPO.hasTask):
            for agency in g.subjects(VPO.leads, task):
                out.add((doc, SCHEMA.legislationResponsible, agency))
    return out


def _sorted_json(value: Any) -> Any:
    """Sort JSON-LD arrays (their order carries no meaning here) so output does not depend on hashing."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(g: Graph) -> bytes:
    """JSON-LD (compacted with ``JSONLD_CONTEXT``) of ``g`` plus its schema.org alignment."""
    full = Graph()
    for triple in g:
        full.add(triple)
    for triple in schema_alignment(g):
        full.add(triple)
    data = json.loads(full.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    data = _sorted_json(data)
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def graph_iri_list(g: Graph) -> list[URIRef]:
    """Subjects of a graph that are IRIs, sorted (handy for reports)."""
    return sorted({s for s in g.subjects() if isinstance(s, URIRef)})
