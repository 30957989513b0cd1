"""Helpers of the graph-area tests: the seed graph built by the REAL pipeline, once per test session.

``seed_records()`` extracts data/raw/*.txt with the extractor (``kg.build_inputs.read_records``, the code
`kg build` runs), so the golden expectations and the named-query tables test the product, not a hand-made
input.
``GOLD_RECORDS_DIR`` (gold records + located spans, tests/fixtures/graph/records) stays only for tests that
need an input that does not move when the extractor changes: the JSON-record input path of `kg build` and the
byte-for-byte determinism/atomicity checks (which compare two builds of the same fixed input).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.build import ontology_turtle
from kg.build_inputs import collect_inputs, read_records
from kg.models import Record
from kg.paths import RAW_DIR
from kg.rdf.mapping import records_to_graph
from kg.rdf.serialize import to_ntriples
from kg.store import ASSERTED_GRAPH, ONTOLOGY_GRAPH, load_graph, new_store
from kg.store.infer import infer

GOLD_RECORDS_DIR = Path(__file__).parent / "fixtures" / "graph" / "records"
VPO = "https://w3id.org/vn-policy-kg/ontology#"
PREFIXES = f"PREFIX vpo: <{VPO}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@cache
def seed_records() -> tuple[Record, ...]:
    """The seed texts' records as the extractor gives them (extracted once per session)."""
    return tuple(read_records(collect_inputs([RAW_DIR])))


@cache
def seed_graph() -> Graph:
    """The asserted graph `kg build` makes of the seed texts."""
    return records_to_graph(seed_records())


def store_of(g: Graph) -> ox.Store:
    """An in-memory store like the built one: ``g`` as the asserted graph, the ontology, the inferences."""
    store = new_store()
    load_graph(store, to_ntriples(g), str(ASSERTED_GRAPH))
    for _, data in ontology_turtle():
        load_graph(store, data, str(ONTOLOGY_GRAPH), "ttl")
    infer(store)
    return store


@cache
def seed_store() -> ox.Store:
    """The seed graph in an in-memory store (shared: tests only read it)."""
    return store_of(seed_graph())
