"""The one runner of the quality-check queries (queries/qc/*-violation.rq): each must return zero rows.

Ontology checks are named ``ontology-*-violation.rq`` (``kg ontology check`` runs them on the ontology; on
the bare ontology all of them must pass); data checks ``data-*-violation.rq`` (``kg validate`` runs them on a
built store's dataset). ``run_qc`` runs checks on an rdflib graph, loaded into an in-memory Oxigraph store
(faster than rdflib's SPARQL engine, and the engine the project's store uses); ``run_checks`` on a store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import QueryError
from kg.paths import QC_DIR
from kg.query.sparql import parse_query_file
from kg.store import dataset_nodes

VIOLATION_GLOB = "*-violation.rq"


@dataclass(frozen=True)
class QCResult:
    """Outcome of one check: its name (file stem), the result columns and the offending rows.

    ``rows`` shows each cell as text (a literal with its @lang, "" when unbound); ``values`` holds the bare
    lexical values (None when unbound); ``title`` is the query's ``# title:`` header.
    """

    name: str
    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    values: tuple[tuple[str | None, ...], ...] = ()
    title: str = ""

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
    return run_checks(_store_of(graph), queries)


def run_checks(
    store: ox.Store, queries: Sequence[Path], graphs: Iterable[str] | None = None
) -> list[QCResult]:
    """Run each query file on ``store`` (its default graph, or the union of ``graphs``), in order."""
    default = dataset_nodes(graphs) if graphs is not None else None
    return [run_query_file(store, path, default) for path in queries]


def run_query_file(
    store: ox.Store,
    path: Path,
    default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] | None = None,
) -> QCResult:
    """Run one SELECT query file against an Oxigraph store."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {exc}") from exc
    try:
        solutions = (
            store.query(text) if default_graph is None else store.query(text, default_graph=default_graph)
        )
    except SyntaxError as exc:
        raise QueryError(f"{path}: not valid SPARQL: {exc}") from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise QueryError(f"{path}: a QC check must be a SELECT query")
    variables = tuple(v.value for v in solutions.variables)
    found = [tuple(solution[v] for v in solutions.variables) for solution in solutions]
    return QCResult(
        name=path.stem,
        variables=variables,
        rows=tuple(tuple(_text(term) for term in row) for row in found),
        values=tuple(tuple(None if term is None else str(term.value) for term in row) for row in found),
        title=parse_query_file(path).title,
    )


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
