"""kg.analysis.scan: evidence read from an Oxigraph store by predicate scans is what the SELECT reads."""

from __future__ import annotations

from graph_seed import seed_graph, seed_store
from kg.analysis.index import fetch


def test_quotes_read_by_scans_are_the_quotes_the_query_reads() -> None:
    by_scans = fetch(seed_store()).quotes  # a pyoxigraph Store: kg.analysis.scan
    by_query = fetch(seed_graph()).quotes  # an rdflib Graph: the evidence SELECT
    # Quote leaves its source out of ==: compare it too
    assert {s: [(q, q.source) for q in qs] for s, qs in by_scans.items()} == {
        s: [(q, q.source) for q in qs] for s, qs in by_query.items()
    }
    assert sum(map(len, by_scans.values())) > 100
