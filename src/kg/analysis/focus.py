"""Trace and who without converting the whole graph: fetch only the neighbourhood a question needs.

At national scale converting every triple (kg.analysis.convert.to_networkx) takes tens of seconds, while
``trace DOC`` needs only the documents linked to DOC by implements/basedOn paths, and ``who AGENCY`` only
that agency's assignments and the lineage above its plans. Each function here asks the source with SPARQL
property paths for that neighbourhood (kg.analysis.index.fetch with a scope), builds small graphs with the
same converter, and runs the same analysis on them, so answers are those of the whole graph.

Names are resolved first against a light directory (documents' numbers, labels and titles; agencies' names),
so unknown names raise the same errors with the same suggestions. Property paths follow the direct
vpo:implements/vpo:basedOn triples (docs/graph-model.md: every lineage statement has its direct triple); the
inferred vpo:derivesFrom closure is not relied on, so an asserted graph alone is enough.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS

from kg.analysis.convert import PolicyGraphs, agency_directory, from_index, successor_graph
from kg.analysis.index import DOCUMENT_TERMS, Index
from kg.analysis.lookup import find_documents
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


def _read(source: Any, patterns: Iterable[str]) -> Index:
    """The Index of the subjects the ``patterns`` bind to ``?s`` (one query each, so each stays a simple
    lookup), with what lies around them and the ontology's class axioms and field concepts."""
    found: set[str] = set()
    for pattern in (*patterns, "?s rdfs:subClassOf ?c", "?s a skos:Concept"):
        found.update(subjects(source, pattern))
    return fetch_subjects(source, found, follow=_AROUND, depth=2)


def _union(branches: Iterable[str]) -> str:
    """``{ a } UNION { b } ...``. Each branch is a whole group: a SPARQL group is evaluated on its own, so a
    path or a BIND in a branch sees only variables bound inside that branch."""
    return " UNION ".join(f"{{ {b} }}" for b in branches)


def document_directory(source: Any) -> PolicyGraphs:
    """A lineage graph of every document with only its type, number, label and title (no edges)."""
    classes = _iris(str(c) for c in DOCUMENT_TERMS)
    scope = _union(["?s vpo:identifier ?x", "?s vpo:title ?x", f"?s a ?c . VALUES ?c {{ {classes} }}"])
    return from_index(fetch_subjects(source, subjects(source, scope), _NAMES, quotes=False))


def lineage_around(source: Any, documents: Iterable[str]) -> PolicyGraphs:
    """The converted neighbourhood of ``documents`` (IRIs): every document on an implements/basedOn path
    up or down from one of them, with issuers, provinces, lineage statements, targets and quotes."""
    focus = f"VALUES ?focus {{ {_iris(documents)} }}"
    return from_index(_read(source, [f"{focus} ?focus {_LINEAGE}* ?s", f"{focus} ?s {_LINEAGE}* ?focus"]))


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
    focus = find_documents(document_directory(source).lineage, document)
    result = trace(lineage_around(source, focus).lineage, document)
    around = replace(bodies_around(source, [n.iri for n in result.nodes]), successors=changes_around(source))
    return with_now(around, result, as_of)


def bodies_around(source: Any, documents: Iterable[str]) -> PolicyGraphs:
    """The converted ``documents`` (IRIs) with their issuers, tasks, assignments and the agencies these
    name: what a trace's "now" needs besides the reorganisation's steps."""
    own = f"VALUES ?p {{ {_iris(documents)} }}"
    tasks = _union([f"{own} ?t vpo:taskOf ?p", f"{own} ?p vpo:hasTask ?t"])
    patterns = [
        f"{own} BIND(?p AS ?s)",
        f"{{ {tasks} }} BIND(?t AS ?s)",
        f"{{ {tasks} }} ?s vpo:assignedTask ?t",
        f"{{ {tasks} }} ?asg vpo:assignedTask ?t ; vpo:assignedAgency ?s",
        f"{{ {tasks} }} ?s vpo:leads|vpo:coordinates ?t",
    ]
    return from_index(_read(source, patterns))


def agency_names(source: Any) -> PolicyGraphs:
    """A responsibility graph of every agency that has an assignment, with its names and province only."""
    agencies = "{ ?x vpo:assignedAgency ?a } UNION { ?a vpo:leads|vpo:coordinates ?x }"
    scope = f"{{ {agencies} BIND(?a AS ?s) }} UNION {{ {agencies} ?a vpo:jurisdiction ?s }}"
    index = fetch_subjects(source, subjects(source, scope), _AGENCY_NAMES, quotes=False)
    found = subjects(source, f"{agencies} BIND(?a AS ?s)")
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
    return from_index(_read(source, patterns))


def changes_around(source: Any) -> nx.DiGraph:
    """The reorganisation's steps (kg.analysis.convert.successor_graph): every change event, the bodies
    and provinces it names, and their provinces (a few hundred triples at most)."""
    events = subjects(source, f"?s <{ORG.originalOrganization}> ?x")
    bodies = subjects(source, f"?e <{ORG.originalOrganization}>|<{ORG.resultingOrganization}> ?s")
    index = fetch_subjects(source, [*events, *bodies], follow=(VPO.jurisdiction,), depth=1, quotes=False)
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
