"""Trace, who and compare without converting the whole graph: fetch only the neighbourhood a question needs.

At national scale converting every triple (kg.analysis.convert.to_networkx) takes tens of seconds, while
``trace DOC`` needs only the documents linked to DOC by implements/basedOn paths (and, for its "now", the
changed bodies their tasks name), ``who AGENCY`` only that agency's assignments and the lineage above its
plans, and ``compare --implementing DOC`` only the documents below DOC with their tasks and assignments.
Each function here asks the source with SPARQL property paths for that neighbourhood (kg.analysis.index.fetch
with a scope), builds small graphs with the same converter, and runs the same analysis on them, so answers
are those of the whole graph (the deadlines' English, which only the views show, is left out).

Names are resolved first against a light directory (documents' numbers, labels and titles; agencies' names),
so unknown names raise the same errors with the same suggestions. Property paths follow the direct
vpo:implements/vpo:basedOn triples (docs/graph-model.md: every lineage statement has its direct triple); the
inferred vpo:derivesFrom closure is not relied on, so an asserted graph alone is enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, URIRef

from kg.analysis.compare import Comparison, compare_implementing
from kg.analysis.convert import (
    PolicyGraphs,
    agency_directory,
    from_index,
    successor_graph,
)
from kg.analysis.index import DOCUMENT_TERMS, PREDICATES, Index
from kg.analysis.lookup import find_documents
from kg.analysis.matching import doc_key
from kg.analysis.metrics_read import metrics_graphs as metrics_graphs  # kg metrics' reader, named here too
from kg.analysis.rows import select_values
from kg.analysis.subgraph import fetch_subjects, subjects
from kg.analysis.trace import Trace, trace
from kg.analysis.trace_now import with_now
from kg.analysis.who import WhoResult, as_written_or_held_now, held_as_of, who
from kg.namespaces import ORG, VPO

_LINEAGE = "(vpo:implements|vpo:basedOn)"
_NAMES = (RDF.type, RDFS.label, SKOS.prefLabel, VPO.identifier, VPO.title)
_AGENCY_NAMES = (
    RDF.type, RDFS.label, SKOS.prefLabel, VPO.nameAsWritten, VPO.abbreviation, VPO.jurisdiction, VPO.level,
)  # fmt: skip


def _iris(nodes: Iterable[str]) -> str:
    return " ".join(f"<{n}>" for n in sorted(nodes))


# What the converter reads about a document besides its own triples: lineage statements, issuer and
# its province, the document's province, targets, field concepts.
_AROUND = (VPO.lineageStatement, VPO.issuedBy, VPO.jurisdiction, VPO.hasTarget, VPO.inField)


# What a task and its assignments say: not read around documents alone (kg.analysis.focus.lineage_around),
# whose issuers (a province's people's committee) lead thousands of tasks in a national corpus, all of them
# converted for nothing (6.6 of 16 CPU s of `kg trace` at 10,000 generated documents).
_TASK_PREDICATES = frozenset(
    (VPO.leads, VPO.coordinates, VPO.hasTask, VPO.taskOf, VPO.taskText, VPO.deadlineText, VPO.hasAssignment,
     VPO.assignedTask, VPO.assignedAgency, VPO.role)
)  # fmt: skip
# What kg.analysis.convert.successor_graph reads of the reorganisation's change events and bodies.
_CHANGES = (
    RDF.type, RDFS.label, SKOS.prefLabel, VPO.nameAsWritten, VPO.abbreviation, VPO.jurisdiction, VPO.level,
    VPO.successor, VPO.changeKind, VPO.effectiveDate, VPO.legalBasis, ORG.originalOrganization,
    ORG.resultingOrganization,
)  # fmt: skip


def _read(
    source: Any, patterns: Iterable[str], quotes: bool = True, predicates: Sequence[URIRef] = PREDICATES
) -> Index:
    """The Index of the subjects the ``patterns`` bind to ``?s`` (one query each, so each stays a simple
    lookup), with what lies around them and the ontology's class axioms and field concepts."""
    found: set[str] = set()
    for pattern in (*patterns, "?s rdfs:subClassOf ?c", "?s a skos:Concept"):
        found.update(subjects(source, pattern))
    return fetch_subjects(source, found, predicates, follow=_AROUND, depth=2, quotes=quotes)


def _union(branches: Iterable[str]) -> str:
    """``{ a } UNION { b } ...``. Each branch is a whole group: a SPARQL group is evaluated on its own, so a
    path or a BIND in a branch sees only variables bound inside that branch."""
    return " UNION ".join(f"{{ {b} }}" for b in branches)


def document_directory(source: Any) -> PolicyGraphs:
    """A lineage graph of every document with only its type, number, label and title (no edges)."""
    classes = _iris(str(c) for c in DOCUMENT_TERMS)
    scope = _union(["?s vpo:identifier ?x", "?s vpo:title ?x", f"?s a ?c . VALUES ?c {{ {classes} }}"])
    return from_index(fetch_subjects(source, subjects(source, scope), _NAMES, quotes=False), english=False)


def named_documents(source: Any, query: str) -> list[str]:
    """The documents ``query`` names, as kg.analysis.lookup.find_documents finds them in the
    ``document_directory``, which is read only when no document's number is the query: reading every
    document's names took 4.4 of 7.5 CPU s of `kg trace` at 10,000 generated documents, the numbers alone a
    tenth of it."""
    if ":" not in query:  # an IRI names itself, before any number (find_documents)
        key = doc_key(query)
        _, rows = select_values(source, "SELECT ?s ?id WHERE { ?s vpo:identifier ?id }")
        first: dict[str, str] = {}
        for s, identifier in rows:
            if s and identifier and (s not in first or identifier < first[s]):
                first[s] = identifier  # a document's number is its smallest (Index.first)
        hits = sorted(s for s, identifier in first.items() if doc_key(identifier) == key)
        if hits:
            return hits
    return find_documents(document_directory(source).lineage, query)


def lineage_around(source: Any, documents: Iterable[str]) -> PolicyGraphs:
    """The converted neighbourhood of ``documents`` (IRIs): every document on an implements/basedOn path
    up or down from one of them, with issuers, provinces, lineage statements, targets and quotes."""
    focus = f"VALUES ?focus {{ {_iris(documents)} }}"
    patterns = [f"{focus} ?focus {_LINEAGE}* ?s", f"{focus} ?s {_LINEAGE}* ?focus"]
    untasked = [p for p in PREDICATES if p not in _TASK_PREDICATES]
    return from_index(_read(source, patterns, predicates=untasked), english=False)


def trace_in(source: Any, document: str, as_of: str | None = None) -> Trace:
    """``trace`` of ``document`` (symbol, label or IRI), reading only its lineage neighbourhood; the bodies
    that changed are named with their holders on ``as_of`` (ISO date; None: after every change known).

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... <urn:p> a vpo:Plan ; vpo:identifier "1/KH-UBND" ; vpo:implements <urn:c> .
    ... <urn:c> a vpo:Conclusion ; vpo:identifier "5-KL/TW" ; vpo:implements <urn:r> .
    ... <urn:r> a vpo:Resolution ; vpo:identifier "2-NQ/TW" .
    ... <urn:x> a vpo:Plan ; vpo:identifier "9/KH-UBND" .''')
    >>> t = trace_in(g, "5-KL/TW")
    >>> [(n.label, n.distance) for n in t.nodes]
    [('2-NQ/TW', 1), ('5-KL/TW', 0), ('1/KH-UBND', -1)]
    """
    focus = named_documents(source, document)
    around = lineage_around(source, focus)
    result = trace(around.lineage, document)
    return with_now(changed_bodies_around(source, around, [n.iri for n in result.nodes]), result, as_of)


def changed_bodies_around(source: Any, around: PolicyGraphs, documents: Sequence[str]) -> PolicyGraphs:
    """What a trace's "now" reads (kg.analysis.trace_now), and no more: the reorganisation's steps, the
    documents' issuers (``around``, their converted lineage), and of the agencies their tasks name only the
    changed ones, each as one edge to a stand-in task of its document. The task and assignment nodes of a
    national chain (hundreds of thousands of triples and quotes) are never converted: one DISTINCT query
    gives the (document, agency) pairs."""
    successors = changes_around(source)
    changed = {n for n in successors if successors.out_degree(n)}
    named = [(p, a) for p, a in _named_agencies(source, documents) if a in changed]
    agencies = sorted({a for _, a in named})
    index = fetch_subjects(source, agencies, _AGENCY_NAMES, quotes=False, follow=(VPO.jurisdiction,), depth=1)
    resp = agency_directory(index, agencies)
    for plan, agency in named:
        stand_in = f"{plan}#named-agencies"
        resp.add_node(stand_in, kind="task", plan=plan)
        resp.add_edge(agency, stand_in)
    return PolicyGraphs(lineage=around.lineage, responsibility=resp, successors=successors)


def _named_agencies(source: Any, documents: Sequence[str]) -> list[tuple[str, str]]:
    """(document, agency) for every agency a task of one of ``documents`` names, in any role (as the
    converter reads tasks: vpo:taskOf or vpo:hasTask; n-ary assignments or the leads shortcuts)."""
    if not documents:
        return []
    own = f"VALUES ?p {{ {_iris(documents)} }}"
    tasks = _union(["?t vpo:taskOf ?p", "?p vpo:hasTask ?t"])
    agencies = _union(["?x vpo:assignedTask ?t ; vpo:assignedAgency ?a", "?a vpo:leads|vpo:coordinates ?t"])
    _, rows = select_values(source, f"SELECT DISTINCT ?p ?a WHERE {{ {own} {tasks} {agencies} }}")
    return sorted((p, a) for p, a in rows if p and a)


def compare_in(source: Any, directive: str, as_merged: bool = False, as_of: str | None = None) -> Comparison:
    """``compare_implementing`` of ``directive`` (symbol, label or IRI), reading only the documents below
    it with their tasks and assignments, without quotes (a comparison shows none); ``as_of`` (ISO date)
    answers for that day instead of today.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:p> a vpo:Plan ; rdfs:label "1/KH-UBND" ; vpo:ingested true ; vpo:implements <urn:r> .
    ... <urn:r> a vpo:Resolution ; vpo:identifier "2-NQ/TW" .
    ... <urn:t> a vpo:Task ; vpo:taskOf <urn:p> ; vpo:deadlineText "Năm 2025" .
    ... <urn:a> a vpo:Agency ; rdfs:label "Sở Y tế" ; vpo:leads <urn:t> .''')
    >>> plan, = compare_in(g, "2-nq/tw").plans
    >>> plan.label, plan.task_count, [(lc.label, lc.tasks) for lc in plan.leads], plan.deadlines
    ('1/KH-UBND', 1, [('Sở Y tế', 1)], (('Năm 2025', 1),))
    """
    focus = named_documents(source, directive)
    around = lineage_around(source, focus)
    below = {d for f in focus if f in around.lineage for d in nx.ancestors(around.lineage, f)}
    # (a VALUES block with no value is refused by some engines: nothing below, nothing to read)
    tasks = bodies_around(source, below, quotes=False) if below else PolicyGraphs(nx.DiGraph(), nx.DiGraph())
    graphs = PolicyGraphs(
        lineage=around.lineage,
        responsibility=tasks.responsibility,
        field_labels={**around.field_labels, **tasks.field_labels},
        successors=changes_around(source),
    )
    return compare_implementing(graphs, directive, as_merged, as_of)


def bodies_around(source: Any, documents: Iterable[str], quotes: bool = True) -> PolicyGraphs:
    """The converted ``documents`` (IRIs) with their issuers, tasks, assignments and the agencies these
    name (with their quotes, unless not ``quotes``)."""
    own = f"VALUES ?p {{ {_iris(documents)} }}"
    tasks = _union([f"{own} ?t vpo:taskOf ?p", f"{own} ?p vpo:hasTask ?t"])
    whole = [
        f"{own} BIND(?p AS ?s)",
        f"{{ {tasks} }} BIND(?t AS ?s)",
        f"{{ {tasks} }} ?s vpo:assignedTask ?t",
    ]
    agencies = [
        f"{{ {tasks} }} ?asg vpo:assignedTask ?t ; vpo:assignedAgency ?s",
        f"{{ {tasks} }} ?s vpo:leads|vpo:coordinates ?t",
    ]
    # The agencies and issuers are read without their tasks (thousands each in a national corpus: 125,650
    # tasks converted for a 373-plan comparison at 10,000 generated documents), and the leads/coordinates
    # shortcuts to these documents' tasks added on their own.
    read = {
        s
        for pattern in (*whole, "?s rdfs:subClassOf ?c", "?s a skos:Concept")
        for s in subjects(source, pattern)
    }
    names = {s for pattern in agencies for s in subjects(source, pattern)}
    untasked = [p for p in PREDICATES if p not in _TASK_PREDICATES]
    index = fetch_subjects(
        source, read | names, quotes=quotes, follow=_AROUND, depth=2, lean=(read, untasked),
        extra=_shortcuts(source, tasks),
    )  # fmt: skip
    return from_index(index, english=False)


def _shortcuts(source: Any, tasks: str) -> list[tuple[str, str, str, str]]:
    """The vpo:leads and vpo:coordinates triples naming one of the ``tasks`` (a group binding ?t)."""
    found = []
    for predicate in (VPO.leads, VPO.coordinates):
        _, rows = select_values(
            source, f"SELECT DISTINCT ?s ?t WHERE {{ {{ {tasks} }} ?s <{predicate}> ?t }}"
        )
        found += [(s, str(predicate), t, "") for s, t in rows if s and t]
    return found


def agency_names(source: Any) -> PolicyGraphs:
    """A responsibility graph of every agency that has an assignment, with its names and province only."""
    # three DISTINCT scans, joined here: one UNION with a path gave each of a national corpus's assignments
    # to DISTINCT (137 ms against 767 at 10,000 generated documents)
    found = sorted(
        {s for p in ("?x vpo:assignedAgency ?s", "?s vpo:leads ?x", "?s vpo:coordinates ?x")
         for s in subjects(source, p)}
    )  # fmt: skip
    index = fetch_subjects(source, found, _AGENCY_NAMES, quotes=False, follow=(VPO.jurisdiction,), depth=1)
    return PolicyGraphs(lineage=nx.DiGraph(), responsibility=agency_directory(index, found))


def duties_around(source: Any, agencies: Iterable[str]) -> PolicyGraphs:
    """The converted neighbourhood of ``agencies`` (IRIs): their assignments and tasks, the plans of the
    tasks, and every document those plans implement or rest on, directly or through others."""
    own = f"VALUES ?a {{ {_iris(agencies)} }}"
    tasks = _union(
        [f"{own} ?asg vpo:assignedAgency ?a ; vpo:assignedTask ?t", f"{own} ?a vpo:leads|vpo:coordinates ?t"]
    )
    plans = _union([f"{{ {tasks} }} ?t vpo:taskOf ?p", f"{{ {tasks} }} ?p vpo:hasTask ?t"])
    patterns = [
        f"{own} BIND(?a AS ?s)",
        f"{own} ?s vpo:assignedAgency ?a",
        f"{{ {tasks} }} BIND(?t AS ?s)",
        f"{{ {plans} }} ?p {_LINEAGE}* ?s",
    ]
    return from_index(_read(source, patterns), english=False)


def changes_around(source: Any) -> nx.DiGraph:
    """The reorganisation's steps (kg.analysis.convert.successor_graph): every change event, the bodies
    and provinces it names, and their provinces (a few hundred triples at most)."""
    events = subjects(source, f"?s <{ORG.originalOrganization}> ?x")
    bodies = subjects(source, f"?e <{ORG.originalOrganization}>|<{ORG.resultingOrganization}> ?s")
    index = fetch_subjects(
        source, [*events, *bodies], _CHANGES, follow=(VPO.jurisdiction,), depth=1, quotes=False
    )
    return successor_graph(index)


def who_in(source: Any, agency: str, province: str | None = None, as_of: str | None = None) -> WhoResult:
    """``who`` of ``agency`` (name, abbreviation or IRI; optionally in ``province``), reading only the
    agencies' names and then the matched agencies' neighbourhood.

    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:plan> a vpo:Plan ; rdfs:label "1/KH-UBND" ; vpo:implements <urn:res> .
    ... <urn:res> a vpo:Resolution ; rdfs:label "9-NQ/TW" .
    ... <urn:t1> a vpo:Task ; vpo:taskOf <urn:plan> ; vpo:deadlineText "Năm 2024-2025" .
    ... <urn:so> a vpo:Agency ; rdfs:label "Sở Khoa học và Công nghệ" ; vpo:leads <urn:t1> .''')
    >>> duty, = who_in(g, "so khcn").duties
    >>> duty.role, duty.deadline, [link.target_label for link in duty.chains[0]]
    ('lead', 'Năm 2024-2025', ['9-NQ/TW'])
    """
    names = replace(agency_names(source), successors=changes_around(source))
    if as_of:
        found = held_as_of(names, agency, province, as_of)
    else:
        found, _ = as_written_or_held_now(names, agency, province)
    return who(replace(duties_around(source, found), successors=names.successors), agency, province, as_of)
