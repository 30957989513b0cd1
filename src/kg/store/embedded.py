"""The embedded store: Oxigraph (pyoxigraph) on disk (data/current/store by default), three named graphs.

Public API (used by kg.query.sparql, kg.quality.validate, kg.analysis, kg.present.views — keep it stable):

- ``ASSERTED_GRAPH``, ``INFERRED_GRAPH``, ``ONTOLOGY_GRAPH``: the named graphs (docs/graph-model.md);
  ``DATASET`` is the three together, the default graph every named query sees.
- ``open_store(path=None)``: the built store, read-only; ``StoreError`` ("run `kg build` first") if absent.
- ``new_store(path=None)``: an empty store on disk, or in memory when ``path`` is None.
- ``load_graph(store, data, graph, fmt)``: load N-Triples/Turtle bytes into a named graph.
- ``select(store, query)``: run a SELECT over ``DATASET``; rows as dicts of pyoxigraph terms.
- ``to_rdflib(store, graphs)``: copy named graphs out as an rdflib Graph (for analysis of small graphs).
- ``count(store, graph)``: number of triples in a named graph.

Where builds put the store, and how they switch from one to the next, is kg.store.generations.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg import iri
from kg.errors import StoreError
from kg.paths import STORE_DIR

ASSERTED_GRAPH = iri.ASSERTED_GRAPH
INFERRED_GRAPH = iri.INFERRED_GRAPH
ONTOLOGY_GRAPH = iri.ONTOLOGY_GRAPH
DATASET = (ASSERTED_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH)

FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE, "xml": ox.RdfFormat.RDF_XML}


def node(value: str) -> ox.NamedNode:
    """pyoxigraph NamedNode of an IRI string (or rdflib URIRef)."""
    return ox.NamedNode(str(value))


def open_store(path: Path | None = None) -> ox.Store:
    """The built store, read-only. Raises StoreError naming the path when there is none."""
    path = Path(path or STORE_DIR)
    if not path.is_dir():
        raise StoreError(f"no graph store at {path}: run `kg build` first")
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{path} is not a graph store (no CURRENT file): run `kg build` first")
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # RocksDB reports damaged files as RuntimeError("Corruption: …")
        problem = " ".join(str(exc).split())[:200]
        raise StoreError(
            f"the graph store at {path} is damaged or unreadable ({problem}): run `kg build` to rebuild it"
        ) from exc


def new_store(path: Path | None = None) -> ox.Store:
    """An empty writable store (on disk at ``path``, or in memory)."""
    return ox.Store(str(path)) if path else ox.Store()


def load_graph(store: ox.Store, data: bytes, graph: str, fmt: str = "nt") -> None:
    """Load serialized RDF into the named graph ``graph`` (bulk: fast on big inputs)."""
    try:
        store.bulk_load(data, FORMATS[fmt], to_graph=node(graph))
    except (SyntaxError, ValueError) as exc:
        raise StoreError(f"cannot load {fmt} data into <{graph}>: {exc}") from exc


def dataset_nodes(graphs: Iterable[str] = DATASET) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    """pyoxigraph nodes of graph IRIs (the ``default_graph`` of a query)."""
    return [node(g) for g in graphs]


def select(
    store: ox.Store, query: str, graphs: Iterable[str] = DATASET
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a SELECT with the union of ``graphs`` as default graph: (variable names, rows of terms)."""
    try:
        if _all_graphs(store, graphs):
            result = store.query(query, use_default_graph_as_union=True)
        else:
            result = store.query(query, default_graph=dataset_nodes(graphs))
    except SyntaxError as exc:
        raise StoreError(f"query does not parse: {_one_line(exc)}") from exc
    if not isinstance(result, ox.QuerySolutions):
        raise StoreError("expected a SELECT query")
    names = [v.value for v in result.variables]
    rows = [{n: sol[n] for n in names if sol[n] is not None} for sol in result]
    return names, rows


def _all_graphs(store: ox.Store, graphs: Iterable[str]) -> bool:
    """Whether ``graphs`` hold every triple of the store (an empty default graph, no other named graph).

    Then the store's own union of its named graphs is the same default graph, and Oxigraph evaluates it
    2-3x faster than a list of default graphs (benchmarks/RESULTS.md, scale_bench)."""
    wanted = {str(g) for g in graphs}
    if any(not isinstance(g, ox.NamedNode) or g.value not in wanted for g in store.named_graphs()):
        return False
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def _one_line(exc: Exception, width: int = 140) -> str:
    """A parser message on one line: Oxigraph lists every expected character class, over several lines."""
    text = " ".join(str(exc).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def ask(store: ox.Store, query: str, graphs: Iterable[str] = DATASET) -> bool:
    """Run an ASK query over the union of ``graphs``."""
    result = store.query(query, default_graph=dataset_nodes(graphs))
    return bool(result)


def count(store: ox.Store, graph: str) -> int:
    """Number of triples in one named graph."""
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    _, rows = select(store, q, [graph])
    return int(rows[0]["n"].value) if rows else 0


def dump(store: ox.Store, graph: str, fmt: str = "nt") -> bytes:
    """One named graph serialized (N-Triples or Turtle)."""
    out = store.dump(format=FORMATS[fmt], from_graph=node(graph))
    return out if isinstance(out, bytes) else b""


def to_rdflib(store: ox.Store, graphs: Iterable[str] = (ASSERTED_GRAPH,)) -> Graph:
    """Copy named graphs into one rdflib Graph (fine for the seed corpus; use SPARQL at scale)."""
    g = Graph()
    for graph in graphs:
        g.parse(data=dump(store, graph).decode("utf-8"), format="nt")
    return g
