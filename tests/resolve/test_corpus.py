"""The resolve stage gives every identity the RDF mapping writes, once per corpus (issue 11): the mapping no
longer resolves agency names itself."""

from __future__ import annotations

import ast
import inspect

import kg.rdf.mapping
from graph_seed import seed_records
from kg.iri import agency_iri
from kg.namespaces import VPO
from kg.rdf import records_to_graph
from kg.resolve import resolve_corpus


def test_every_assignment_gets_one_agency_identity() -> None:
    records = seed_records()
    corpus = resolve_corpus(records)
    assert len(corpus.agencies) == len(records)
    for rec, found in zip(records, corpus.agencies, strict=True):
        assert len(found.assignments) == len(rec.assignments)
    resolved = [info for found in corpus.agencies for info in found.assignments if info.resolved]
    assert resolved, "the seed texts name agencies the gazetteer knows"


def test_the_graph_writes_the_resolved_agencies() -> None:
    records = seed_records()
    corpus = resolve_corpus(records)
    graph = records_to_graph(records, corpus)
    written = set(graph.objects(None, VPO.assignedAgency))
    expected = {
        agency_iri(info.province, info.id, info.parent.id if info.parent else None)
        for found in corpus.agencies
        for info in found.assignments
    }
    assert written == expected


def test_the_mapping_does_not_resolve_names() -> None:
    tree = ast.parse(inspect.getsource(kg.rdf.mapping))
    imported = {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) for alias in node.names
    }
    assert not imported & {"agency_info", "issuer_info", "document_province", "resolve_agency", "reconcile"}
