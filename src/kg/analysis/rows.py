"""Run a SPARQL SELECT against whatever holds the graph and get plain rows back.

The analysis layer reads the graph only through SELECT queries, so the same code works on an in-memory
rdflib graph, the embedded Oxigraph store, or any SPARQL 1.1 endpoint (pass a callable that runs the query
there). A row is a ``dict`` of variable name to the term's lexical value (IRIs as strings); unbound
variables are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rdflib import Dataset, Graph
from rdflib.term import Node

Row = dict[str, str]
QueryFn = Callable[[str], Iterable[Mapping[str, Any]]]

PREFIXES = """\
PREFIX vpo: <https://w3id.org/vn-policy-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""


def select(source: Any, query: str) -> list[Row]:
    """Rows of ``query`` (PREFIXES prepended) run on an rdflib graph, a pyoxigraph Store, or a callable.

    A Dataset is queried over the union of its named graphs, so asserted, inferred and ontology
    triples are all visible.

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    >>> select(g, "SELECT ?s ?o WHERE { ?s ?p ?o }")
    [{'s': 'urn:a', 'o': 'x'}]
    """
    names, rows = select_values(source, query)
    return [{n: v for n, v in zip(names, row, strict=True) if v is not None} for row in rows]


def select_values(source: Any, query: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    """(variable names, rows as tuples of lexical values, None where unbound): ``select`` without a dict
    per row, which is most of the cost of reading a few hundred thousand rows (benchmarks/RESULTS.md).

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:p"), Literal("x")))
    >>> select_values(g, "SELECT ?s ?o ?none WHERE { ?s ?p ?o }")
    (['s', 'o', 'none'], [('urn:a', 'x', None)])
    """
    text = PREFIXES + query
    if isinstance(source, Graph):
        return _rdflib_rows(source, text)
    if type(source).__module__.startswith("pyoxigraph"):
        return _oxigraph_rows(source, text)
    if callable(source):
        return _callable_rows(source, text)
    raise TypeError(
        f"cannot query a {type(source).__name__}: expected an rdflib Graph, a Store or a callable"
    )


def _rdflib_rows(graph: Graph, text: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    if isinstance(graph, Dataset) and not graph.default_union:
        # a second view on the same store, so the caller's Dataset is not changed
        graph = Dataset(store=graph.store, default_union=True)
    result = graph.query(text)
    names = [str(v) for v in result.vars or ()]
    return names, [tuple(None if v is None else str(v) for v in row) for row in result]  # type: ignore[union-attr]


def _oxigraph_rows(store: Any, text: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    solutions = store.query(text, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    # A solution iterates its terms in the order of ``variables``.
    return names, [tuple(None if t is None else t.value for t in solution) for solution in solutions]


def _callable_rows(source: QueryFn, text: str) -> tuple[list[str], list[tuple[str | None, ...]]]:
    rows = [{k: _lexical(v) for k, v in row.items() if v is not None} for row in source(text)]
    names = list(dict.fromkeys([*_projection(text), *(k for row in rows for k in row)]))
    return names, [tuple(row.get(n) for n in names) for row in rows]


def _projection(text: str) -> list[str]:
    """The variables a SELECT projects, in order: ``?x`` and ``(expression AS ?x)``; [] for ``SELECT *``.

    >>> _projection("SELECT DISTINCT ?s (COUNT(?t) AS ?n) WHERE { ?s ?p ?t }")
    ['s', 'n']
    """
    head = re.search(r"SELECT\s+(.*?)\s*(?:WHERE\s*)?\{", text, re.S | re.I)
    if head is None:
        return []
    projected = head.group(1)
    while "(" in projected:  # an expression stands for the variable it is bound to
        reduced = re.sub(
            r"\((?:[^()]*?\bAS\s+(\?\w+)|[^()]*)\)", lambda m: f" {m.group(1) or ''} ", projected
        )
        if reduced == projected:
            break
        projected = reduced
    return re.findall(r"\?(\w+)", projected)


def _lexical(value: Any) -> str:
    """The lexical form of a term from an endpoint: SPARQL JSON bindings ({"value": ...}) or terms."""
    if isinstance(value, Mapping):
        return str(value.get("value", ""))
    if isinstance(value, Node):
        return str(value)
    return str(getattr(value, "value", value))
