"""What ``kg metrics`` reads: every document, task and assignment, but only the predicates its measures
print or count.

Why: converting the whole graph (kg.analysis.convert.to_networkx) reads ~45 predicates and builds the views'
indexes too; at 1,000 generated documents that was 6.4 CPU s of `kg metrics`' 6.6 (benchmarks/RESULTS.md).
The measures need the documents' labels, provinces and lineage, the tasks' plans and fields, each assignment's
agency, task and role, and the text of only the tasks no agency leads. The n-ary assignments' links from
the documents (vpo:hasAssignment), deadlines, targets, quotes, answersFor and the views' predicates are not
read; a task's text is read only for the few shown (tasks without a lead).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rdflib import RDF, RDFS, SKOS, URIRef

from kg.analysis.convert import PolicyGraphs, measures_from_index, unresolved_subjects
from kg.analysis.index import PREDICATES, VIEW_PREDICATES, Index, fetch, index_rows
from kg.analysis.subgraph import describe, fetch_subjects
from kg.namespaces import VPO

# Predicates kg.analysis.metrics reads, through the converter: labels (documents', agencies', provinces',
# fields'), the lineage, documents' issuers, provinces and fields, tasks' plans and fields, assignments.
MEASURED: tuple[URIRef, ...] = (
    RDF.type, RDFS.label, RDFS.subClassOf, SKOS.prefLabel, SKOS.notation, VPO.identifier, VPO.title,
    VPO.ingested, VPO.issuedBy, VPO.jurisdiction, VPO.inField, VPO.level, VPO.nameAsWritten,
    VPO.implements, VPO.basedOn, VPO.cites, VPO.lineageStatement, VPO.lineageRelation, VPO.lineageTarget,
    VPO.mentionedDocument, VPO.hasTask, VPO.taskOf, VPO.assignedTask, VPO.assignedAgency, VPO.role,
    VPO.leads, VPO.coordinates,
)  # fmt: skip
# What the whole conversion reads and a subject may be described by alone (kg.analysis.index.described):
# a reference is unresolved only when none of these says anything about its target.
_DESCRIBING = tuple(p for p in (*PREDICATES, *VIEW_PREDICATES) if p != RDF.type)


def metrics_graphs(source: Any) -> PolicyGraphs:
    """The graphs kg.analysis.metrics measures, with the measures of the whole graph's conversion.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... <urn:p> a vpo:Plan ; vpo:identifier "1/KH-UBND" ; vpo:implements <urn:gone> .
    ... <urn:t> vpo:taskOf <urn:p> ; vpo:taskText "Rà soát" ; vpo:deadlineText "Năm 2025" .''')
    >>> graphs = metrics_graphs(g)
    >>> [(u.citing, u.target) for u in graphs.unresolved], graphs.responsibility.nodes["urn:t"]["text"]
    ([('urn:p', 'urn:gone')], 'Rà soát')
    """
    index = _described_elsewhere(source, fetch(source, quotes=False, predicates=MEASURED))
    wanted = unresolved_subjects(index)
    if wanted:
        index = replace(index, quotes=fetch_subjects(source, wanted, predicates=()).quotes)
    graphs = measures_from_index(index)
    _add_unled_texts(source, graphs)
    return graphs


def _described_elsewhere(source: Any, index: Index) -> Index:
    """``index`` with the triples of cited targets that MEASURED says nothing about but the whole
    conversion's predicates do (a document only its source file names), so they are not taken for
    unresolved references."""
    citing = (VPO.implements, VPO.basedOn, VPO.cites, VPO.lineageTarget)
    cited = {o for p in citing for _, o in index.pairs(p)}
    missing = sorted(o for o in cited if not index.described(o))
    found = describe(source, missing, _DESCRIBING) if missing else []
    if not found:
        return index
    more = index_rows(("s", "p", "o", "lang"), found)
    return Index(
        by_subject={**index.by_subject, **more.by_subject},  # the subjects found were not described
        by_object=_joined(index.by_object, more.by_object),
        quotes=index.quotes,
        by_predicate=_joined(index.by_predicate, more.by_predicate),
    )


def _joined(a: dict[Any, list[Any]], b: dict[Any, list[Any]]) -> dict[Any, list[Any]]:
    """Each key's sorted distinct values of both."""
    return {**a, **{k: sorted({*a.get(k, ()), *v}) for k, v in b.items()}}


def _add_unled_texts(source: Any, graphs: PolicyGraphs) -> None:
    """Set the text (and label) of the tasks no agency leads, the only task texts the measures show."""
    resp = graphs.responsibility
    unled = [
        t
        for t, kind in resp.nodes(data="kind")
        if kind == "task" and not any(resp.edges[a, t].get("role") == "lead" for a in resp.predecessors(t))
    ]
    texts: dict[str, list[tuple[str, str]]] = {}
    for s, _, o, lang in describe(source, unled, (VPO.taskText,)) if unled else ():
        texts.setdefault(s, []).append((o, lang))
    for task, found in texts.items():
        text = index_rows(("s", "p", "o", "lang"), [(task, str(VPO.taskText), o, lang) for o, lang in found])
        resp.nodes[task]["text"] = resp.nodes[task]["label"] = text.text(task, VPO.taskText)
