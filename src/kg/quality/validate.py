"""`kg validate`: SHACL shapes (ontology/shapes.ttl, pySHACL) and QC queries (queries/qc/*-violation.rq).

A QC query (``queries/qc/data-*-violation.rq``) returns one row per problem, with ``?node`` (the offending
node) and ``?problem`` (what is wrong); zero rows is a pass. Every violation is reported with the offending
node and where in the sources it is stated (file, character span, quote), so a reader can go to the words.
``validate_store`` checks a built store; ``validate_graph`` checks an rdflib graph (tests, small graphs)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.errors import OntologyError, QueryError
from kg.namespaces import OA, VPO
from kg.paths import QC_DIR, SHAPES_FILE
from kg.quality.qc import qc_queries, run_checks
from kg.rdf.serialize import to_ntriples
from kg.store import ASSERTED_GRAPH, DATASET, load_graph, new_store, to_rdflib
from kg.store.infer import infer

QUOTE_CHARS = 80
# the data checks; queries/qc/ontology-*-violation.rq check the ontology file (`kg ontology check`)
DATA_QC_PREFIX = "data-"
# how to reach the node that carries evidence, from nodes that may lack their own (tried in order)
_CONTEXT = (
    (),
    (VPO.assignedTask,),
    (VPO.taskOf,),
    (VPO.assignedTask, VPO.taskOf),
    (VPO.mentionedDocument,),
)


@dataclass(frozen=True)
class Violation:
    """One problem: which check found it, the offending node, what is wrong, and where it is stated."""

    check: str
    node: str
    message: str
    where: str = ""


@dataclass(frozen=True)
class Report:
    """The outcome of all checks."""

    violations: tuple[Violation, ...]
    checks: tuple[str, ...]

    @property
    def conforms(self) -> bool:
        return not self.violations


def shacl_violations(data: Graph, shapes_file: Path = SHAPES_FILE) -> list[tuple[str, str, str]]:
    """(shape or path, focus node, message) for every SHACL result of severity Violation."""
    import pyshacl

    try:
        shapes = Graph().parse(shapes_file, format="turtle")
    except Exception as exc:  # rdflib raises several parser errors
        raise OntologyError(f"{shapes_file}: cannot read the SHACL shapes: {exc}") from exc
    _, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert isinstance(results, Graph)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(r, SH.resultSeverity) != SH.Violation:
            continue
        path = results.value(r, SH.resultPath)
        check = (
            f"shacl:{_local(path) if isinstance(path, URIRef) else _local(results.value(r, SH.sourceShape))}"
        )
        out.append(
            (check, str(results.value(r, SH.focusNode)), str(results.value(r, SH.resultMessage) or ""))
        )
    return sorted(set(out))


def _local(term: object) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def qc_violations(store: ox.Store, qc_dir: Path = QC_DIR) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Rows of every queries/qc/data-*-violation.rq on the store's dataset, and the names of the checks."""
    out, names = [], []
    checks = qc_queries(qc_dir, DATA_QC_PREFIX)
    for path, result in zip(checks, run_checks(store, checks, DATASET), strict=True):
        names.append(result.name)
        cols = result.variables
        if not cols:
            raise QueryError(f"{path}: a QC query must select ?node (and ?problem)")
        node_col = "node" if "node" in cols else cols[0]
        for values in result.values:
            row = {c: v for c, v in zip(cols, values, strict=True) if v is not None}
            rest = [f"{c}={row[c]}" for c in cols if c != node_col and c != "problem" and c in row]
            problem = row["problem"] if "problem" in row else "; ".join([result.title, *rest])
            out.append((f"qc:{result.name}", row.get(node_col, ""), problem))
    return out, names


def where_stated(g: Graph, node: str) -> str:
    """File, span and quote of the first evidence of the node, or of the nearest node that has one."""
    start = URIRef(node)
    for path in _CONTEXT:
        holders = [start]
        for prop in path:
            holders = [o for h in holders for o in g.objects(h, prop) if isinstance(o, URIRef)]
        evidence = sorted(str(e) for h in holders for e in g.objects(h, VPO.evidence))
        if evidence:
            return _describe_evidence(g, URIRef(evidence[0]))
    return _source_of_document(g, start)


def _describe_evidence(g: Graph, ev: URIRef) -> str:
    src = g.value(ev, VPO.source)
    name = g.value(src, VPO.fileName) if src is not None else None
    start = end = quote = None
    for sel in g.objects(ev, OA.hasSelector):
        start = start or g.value(sel, OA.start)
        end = end or g.value(sel, OA.end)
        quote = quote or g.value(sel, OA.exact)
    text = str(quote or "")
    text = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"
    return f"{name or src}:{start}-{end} “{text}”"


def _source_of_document(g: Graph, node: URIRef) -> str:
    docs = [node, *g.objects(node, VPO.taskOf), *g.objects(node, VPO.mentionedDocument)]
    for d in docs:
        for prop in (VPO.describes, VPO.reportsOn):
            for src in g.subjects(prop, d):
                return f"{g.value(src, VPO.fileName) or src} (no span)"
    return "(no source span)"


def validate_store(store: ox.Store, shapes_file: Path = SHAPES_FILE, qc_dir: Path = QC_DIR) -> Report:
    """SHACL on the asserted graph plus every QC query, on a built store."""
    data = to_rdflib(store, [str(ASSERTED_GRAPH)])
    found = shacl_violations(data, shapes_file)
    qc, names = qc_violations(store, qc_dir)
    violations = [Violation(c, n, m, where_stated(data, n)) for c, n, m in sorted(set(found + qc))]
    return Report(tuple(violations), ("shacl:" + shapes_file.name, *names))


def validate_graph(g: Graph, shapes_file: Path = SHAPES_FILE, qc_dir: Path = QC_DIR) -> Report:
    """Validate an asserted rdflib graph (loaded with its inferences into an in-memory store)."""
    store = new_store()
    load_graph(store, to_ntriples(g), str(ASSERTED_GRAPH))
    infer(store)
    return validate_store(store, shapes_file, qc_dir)


def format_report(report: Report, limit: int | None = None) -> str:
    """Human-readable report: one block per violation (node, problem, where stated), then a total."""
    lines = []
    shown: Iterable[Violation] = report.violations[:limit] if limit else report.violations
    for v in shown:
        lines.append(f"{v.check}  {v.node}\n    {v.message}\n    at {v.where}")
    if limit and len(report.violations) > limit:
        lines.append(f"... {len(report.violations) - limit} more")
    verdict = "conforms" if report.conforms else f"{len(report.violations)} violations"
    lines.append(f"{len(report.checks)} checks ({', '.join(report.checks)}): {verdict}")
    return "\n".join(lines)
