"""Inference as SPARQL rules run inside the store, written to the inferred named graph only.

Why SPARQL and not an OWL reasoner: owlrl materialises everything (minutes at 100k triples); these four
rules are all the queries need and Oxigraph evaluates property paths natively, so the national-scale corpus
infers in seconds (benchmarks/RESULTS.md). HermiT (kg.ontology) still checks the ontology and the seed
graph's consistency. The rules (docs/graph-model.md, "Inferred graph"):

- ``derivesFrom``: every path of ``implements``/``basedOn`` of length ≥ 1;
- ``implementsTransitively``: every path of ``implements`` of length ≥ 1;
- ``answersFor``: ``?agency leads ?task . ?task taskOf ?plan . ?plan implementsTransitively ?directive``
  (the OWL 2 property chain leads ∘ taskOf ∘ implementsTransitively);
- ``successor``: every path of ``successor`` of length ≥ 1 (vpo:successor is transitive: the body holding a
  task now is a successor of the body the text names, however many reorganisations lie between).

Each rule reads the asserted graph (and, for ``answersFor``, the closure already inferred) and inserts into
the inferred graph, which is cleared first, so asserted and inferred triples never mix."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import Graph

from kg.namespaces import VPO
from kg.rdf.serialize import to_ntriples
from kg.store.embedded import ASSERTED_GRAPH, INFERRED_GRAPH, count, load_graph, new_store, to_rdflib

_PREFIX = f"PREFIX vpo: <{VPO}>\n"

RULES: tuple[tuple[str, str], ...] = (
    (
        "derivesFrom",
        "INSERT { GRAPH <%(inf)s> { ?a vpo:derivesFrom ?b } } "
        "WHERE { GRAPH <%(asr)s> { ?a (vpo:implements|vpo:basedOn)+ ?b } FILTER(?a != ?b) }",
    ),
    (
        "implementsTransitively",
        "INSERT { GRAPH <%(inf)s> { ?a vpo:implementsTransitively ?b } } "
        "WHERE { GRAPH <%(asr)s> { ?a vpo:implements+ ?b } FILTER(?a != ?b) }",
    ),
    (
        "answersFor",
        "INSERT { GRAPH <%(inf)s> { ?agency vpo:answersFor ?directive } } "
        "WHERE { GRAPH <%(asr)s> { ?agency vpo:leads ?task . ?task vpo:taskOf ?plan } "
        "GRAPH <%(inf)s> { ?plan vpo:implementsTransitively ?directive } }",
    ),
    (
        "successor",
        "INSERT { GRAPH <%(inf)s> { ?a vpo:successor ?b } } "
        "WHERE { GRAPH <%(asr)s> { ?a vpo:successor+ ?b } FILTER(?a != ?b) }",
    ),
)


def infer(store: ox.Store) -> dict[str, int]:
    """Recompute the inferred graph of ``store``; returns the number of triples each rule added."""
    names = {"inf": str(INFERRED_GRAPH), "asr": str(ASSERTED_GRAPH)}
    store.update(f"DROP SILENT GRAPH <{INFERRED_GRAPH}>")
    added: dict[str, int] = {}
    before = 0
    for name, rule in RULES:
        store.update(_PREFIX + rule % names)
        after = count(store, str(INFERRED_GRAPH))
        added[name] = after - before
        before = after
    return added


def infer_graph(asserted: Graph) -> Graph:
    """The inferred triples of an rdflib graph (an in-memory store underneath; for tests and small graphs)."""
    store = new_store()
    load_graph(store, to_ntriples(asserted), str(ASSERTED_GRAPH))
    infer(store)
    return to_rdflib(store, [str(INFERRED_GRAPH)])
