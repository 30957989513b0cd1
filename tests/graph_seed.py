"""Helpers of the graph-area tests: the seed records (gold + located spans) and graphs built from them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.infer import infer
from kg.models import Record
from kg.rdfmap import records_to_graph
from kg.serialize import to_ntriples
from kg.store import ASSERTED_GRAPH, load_graph, new_store

RECORDS_DIR = Path(__file__).parent / "fixtures" / "graph" / "records"
VPO = "https://w3id.org/vn-policy-kg/ontology#"
PREFIXES = f"PREFIX vpo: <{VPO}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@cache
def seed_records() -> tuple[Record, ...]:
    return tuple(
        Record.from_json(json.loads(p.read_text("utf-8"))) for p in sorted(RECORDS_DIR.glob("*.json"))
    )


@cache
def seed_graph() -> Graph:
    return records_to_graph(seed_records())


def store_of(g: Graph) -> ox.Store:
    """An in-memory store holding ``g`` as the asserted graph, with inferences."""
    store = new_store()
    load_graph(store, to_ntriples(g), str(ASSERTED_GRAPH))
    infer(store)
    return store


@cache
def seed_store() -> ox.Store:
    """The seed graph in an in-memory store (shared: tests only read it)."""
    return store_of(seed_graph())
