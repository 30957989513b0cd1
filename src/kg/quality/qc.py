"""Run the quality-check queries (queries/qc/*-violation.rq) on a graph: each must return zero rows.

The queries run on an in-memory Oxigraph store loaded from the graph's N-Triples (faster than rdflib's SPARQL
engine, and the same engine the project's store uses). Ontology checks are named ``ontology-*-violation.rq``;
data checks ``data-*-violation.rq``; on the bare ontology all of them must pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError
from kg.paths import QC_DIR

VIOLATION_GLOB = "*-violation.rq"


@dataclass(frozen=True)
class QCResult:
    """Outcome of one check: its name (file stem), the result columns and the offending rows."""

    name: str
    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def passed(self) -> bool:
        """A check passes when it returns no row."""
        return not self.rows


def qc_queries(qc_dir: Path = QC_DIR, prefix: str = "") -> list[Path]:
    """The check files in ``qc_dir`` (``<prefix>*-violation.rq``), sorted by name."""
    return sorted(p for p in qc_dir.glob(prefix + VIOLATION_GLOB) if p.is_file())


def run_qc(graph: Graph, queries: Sequence[Path]) -> list[QCResult]:
    """Run each query file on ``graph`` and return one result per file, in the given order.

    Raises:
        QueryError: a file cannot be read, is not valid SPARQL, or is not a SELECT query.
    """
    store = _store_of(graph)
    return [run_query_file(store, path) for path in queries]


def run_query_file(store: ox.Store, path: Path) -> QCResult:
    """Run one SELECT query file against an Oxigraph store."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    try:
        solutions = store.query(text)
    except SyntaxError as exc:
        raise QueryError(f"{path}: not valid SPARQL: {exc}") from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{path}: a QC check must be a SELECT query")
    variables = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(_text(solution[v]) for v in solutions.variables) for solution in solutions)
    return QCResult(name=path.stem, variables=variables, rows=rows)


def _store_of(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding the triples of ``graph`` in its default graph."""
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.load(data, format=ox.RdfFormat.N_TRIPLES)
    return store


def _text(term: object) -> str:
    """A result cell as text: the IRI, the literal's lexical form (with @lang), or empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.language:
        return f"{term.value}@{term.language}"
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)
