"""RDF graph (or SPARQL endpoint) → NetworkX graphs: document lineage and agency responsibility.

``to_networkx(source)`` returns a ``PolicyGraphs``:

- ``lineage``: a DiGraph of documents, an edge ``a → b`` when ``a`` implements or is based on ``b``. Nodes
  carry label, identifier, class, date, issuer, level, province, fields, targets and quotes; edges carry
  ``relations`` (``implements``/``based_on``), ``relation`` (implements when both), ``quotes`` and the source
  ``triples``.
- ``responsibility``: a DiGraph of agencies → tasks (``role``, ``deadline``, quotes) and tasks → documents
  (``task_of``). Tasks carry text, deadline and fields.
- ``unresolved``: references that resolve to nothing (an IRI the graph says nothing about, or a mention
  without a document).
- for the views (kg.present.views):
  ``names`` (labels of every labelled IRI in both languages, ontology classes and
  roles included), ``agencies`` (every agency with branch, parent agency and evidence), ``provinces``,
  ``issued_by`` and ``answers_for`` pairs, ``sources`` (file name and the document each describes). Lineage
  nodes add ``types``, ``title_vi`` and ``jurisdiction``; lineage edges add ``direct`` (relations stated by a
  plain triple) and ``stated_quotes`` (quotes by relation); assignment edges add ``assignments`` (one entry
  per n-ary assignment: role, deadline, quotes).

Everything is read through two SELECT queries (kg.analysis.index), so this works on a SPARQL result too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import RDF, RDFS, SKOS, URIRef

from kg.analysis.index import DOCUMENT_TERMS, Index, Quote, fetch, local_name, sorted_quotes
from kg.lexicon.english import english_deadline
from kg.namespaces import ORG, VPO

# Classes that make a node a document, from the ontology's term list (the ontology graph may add subclasses).
DOCUMENT_CLASSES = frozenset(str(c) for c in DOCUMENT_TERMS)
# Used only when the graph carries no ontology to say which classes are directives.
DEFAULT_DIRECTIVE_CLASSES = frozenset(
    str(c) for c in (VPO.Directive, VPO.Resolution, VPO.Conclusion, VPO.Decision, VPO.Instruction)
)
# Abstract classes: a node's shown class is its most specific one.
_ABSTRACT = frozenset(str(c) for c in (VPO.Document, VPO.Directive, VPO.ImplementingDocument))
_RELATIONS = {str(VPO.implements): "implements", str(VPO.basedOn): "based_on"}
_ROLE_ORDER = ("lead", "standingBody", "coordinate", "reportsTo", "funds")
_CITING = (VPO.implements, VPO.basedOn, VPO.cites, VPO.lineageTarget)


@dataclass(frozen=True)
class Unresolved:
    """A reference that resolves to nothing: who cites it, how, and the words that do."""

    citing: str
    citing_label: str
    target: str
    predicate: str
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Names:
    """Labels of one IRI: skos:prefLabel and rdfs:label in Vietnamese (or untagged) and English."""

    pref_vi: str | None = None
    pref_en: str | None = None
    label_vi: str | None = None
    label_en: str | None = None
    has_label: bool = False  # any rdfs:label at all, whatever its language

    def first(self, lang: str, order: tuple[str, ...] = ("pref", "label")) -> str | None:
        """The first label in ``lang`` ("vi" or "en"), trying "pref" and "label" in ``order``."""
        for kind in order:
            value = getattr(self, f"{kind}_{lang}")
            if value is not None:
                return str(value)
        return None


@dataclass(frozen=True)
class PolicyGraphs:
    """The two NetworkX views of one RDF graph, plus what could not be resolved and what the views add."""

    lineage: nx.DiGraph
    responsibility: nx.DiGraph
    field_labels: dict[str, str] = field(default_factory=dict)
    unresolved: tuple[Unresolved, ...] = ()
    names: dict[str, Names] = field(default_factory=dict)
    agencies: nx.DiGraph = field(default_factory=nx.DiGraph)
    provinces: tuple[str, ...] = ()
    issued_by: tuple[tuple[str, str], ...] = ()
    answers_for: tuple[tuple[str, str], ...] = ()
    cites: tuple[tuple[str, str], ...] = ()  # (document, document it cites) for the views' text
    sources: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # IRI -> (file, document)
    # the 2025 reorganisation: body (or province) → direct successor, edges carrying the change events
    successors: nx.DiGraph = field(default_factory=nx.DiGraph)
    # every deadline as printed → its English (kg.lexicon.english), for those the vocabulary reads
    deadlines_en: dict[str, str] = field(default_factory=dict)


def to_networkx(source: Any) -> PolicyGraphs:
    """Convert an rdflib Graph/Dataset, a pyoxigraph Store, or a SPARQL query callable.

    >>> from rdflib import Graph
    >>> g = Graph().parse(data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... <urn:p> a vpo:Plan ; vpo:identifier "1/KH-UBND" ; vpo:implements <urn:r> .
    ... <urn:r> a vpo:Resolution ; vpo:identifier "2-NQ/TW" .''', format="turtle")
    >>> pg = to_networkx(g)
    >>> list(pg.lineage.edges(data="relation"))
    [('urn:p', 'urn:r', 'implements')]
    >>> pg.lineage.nodes["urn:r"]["label"], pg.lineage.nodes["urn:r"]["directive"]
    ('2-NQ/TW', True)
    """
    return from_index(fetch(source))


def from_index(index: Index, english: bool = True) -> PolicyGraphs:
    """Build the graphs from an already fetched ``Index``; ``english``: with the deadlines' English, which
    only the views show (reading it loads two vocabularies: 0.4 CPU s of a `kg compare`)."""
    lineage = _lineage(index)
    _add_view_lineage(index, lineage)
    fields = _field_labels(index)
    return PolicyGraphs(
        lineage=lineage,
        responsibility=_responsibility(index, lineage, fields),
        field_labels=fields,
        unresolved=_unresolved(index, lineage),
        names=_names(index),
        agencies=_view_agencies(index),
        provinces=tuple(index.subjects(RDF.type, str(VPO.Province))),
        issued_by=tuple(index.pairs(VPO.issuedBy)),
        answers_for=tuple(index.pairs(VPO.answersFor)),
        cites=tuple(index.pairs(VPO.cites)),
        sources=_sources(index),
        successors=successor_graph(index),
        deadlines_en=_deadlines_en(index) if english else {},
    )


def measures_from_index(index: Index) -> PolicyGraphs:
    """The lineage and responsibility graphs, field labels and unresolved references of ``index``, without
    what only the views read (names, agency hierarchy, sources, reorganisation, deadlines in English):
    what kg.analysis.metrics measures."""
    lineage = _lineage(index)
    fields = _field_labels(index)
    return PolicyGraphs(
        lineage=lineage,
        responsibility=_responsibility(index, lineage, fields),
        field_labels=fields,
        unresolved=_unresolved(index, lineage),
    )


def _deadlines_en(index: Index) -> dict[str, str]:
    texts = sorted({text for _, text in index.pairs(VPO.deadlineText)})
    return {t: en for t in texts if (en := english_deadline(t)) is not None}


# --- lineage ----------------------------------------------------------------------------------------------


def _subclasses(index: Index, roots: frozenset[str]) -> frozenset[str]:
    """``roots`` plus every class the graph declares a (transitive) subclass of one of them."""
    found = set(roots)
    frontier = list(roots)
    while frontier:
        parent = frontier.pop()
        for child in index.subjects(RDFS.subClassOf, parent):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return frozenset(found)


def _document_nodes(index: Index, doc_classes: frozenset[str]) -> list[str]:
    nodes: set[str] = set()
    for cls in doc_classes:
        nodes.update(index.subjects(RDF.type, cls))
    for p in (VPO.implements, VPO.basedOn, VPO.cites, VPO.lineageTarget, VPO.taskOf, VPO.mentionedDocument):
        nodes.update(o for _, o in index.pairs(p))
    nodes.update(s for s, _ in index.pairs(VPO.identifier))
    nodes.update(s for s, _ in index.pairs(VPO.lineageStatement))
    return sorted(nodes)


def _lineage(index: Index) -> nx.DiGraph:
    doc_classes = _subclasses(index, DOCUMENT_CLASSES)
    directive_classes = _subclasses(index, DEFAULT_DIRECTIVE_CLASSES)
    graph = nx.DiGraph()
    for doc in _document_nodes(index, doc_classes):
        graph.add_node(doc, **_document_attrs(index, doc, doc_classes, directive_classes))
    for src, rel, dst, quotes, triple in _lineage_statements(index):
        _add_lineage_edge(graph, src, rel, dst, quotes, triple)
    return graph


def _document_attrs(
    index: Index, doc: str, doc_classes: frozenset[str], directive_classes: frozenset[str]
) -> dict[str, Any]:
    types = [t for t in index.values(doc, RDF.type) if t in doc_classes]
    issuer = index.first(doc, VPO.issuedBy)
    province = index.first(doc, VPO.jurisdiction) or (issuer and index.first(issuer, VPO.jurisdiction))
    level = issuer and index.first(issuer, VPO.level)
    identifier = index.first(doc, VPO.identifier)
    return {
        "kind": "document",
        "label": index.text(doc, RDFS.label, SKOS.prefLabel) or identifier or _short_title(index, doc) or doc,
        "identifier": identifier,
        "title": index.text(doc, VPO.title),
        "type": _specific_type(types),
        "directive": any(t in directive_classes for t in types),
        "date": index.first(doc, VPO.dateIssued),
        "ingested": _bool(index.first(doc, VPO.ingested)),
        "issuer": issuer,
        "issuer_label": issuer and _agency_label(index, issuer),
        "level": local_name(level) if level else ("provincial" if province else None),
        "province": province,
        "province_label": province
        and (index.text(province, RDFS.label, SKOS.prefLabel) or local_name(province)),
        "fields": index.values(doc, VPO.inField),
        "targets": [_target(index, t) for t in index.values(doc, VPO.hasTarget)],
        "quotes": index.quotes.get(doc, []),
        "resolved": index.described(doc),
    }


def _short_title(index: Index, doc: str) -> str | None:
    title = index.text(doc, VPO.title)
    return title if title is None or len(title) <= 80 else title[:79] + "…"


def _specific_type(types: list[str]) -> str | None:
    concrete = [t for t in types if t not in _ABSTRACT] or types
    return local_name(concrete[0]) if concrete else None


def _bool(value: str | None) -> bool | None:
    return None if value is None else value.strip().lower() in ("true", "1")


def _target(index: Index, target: str) -> dict[str, Any]:
    def number(p: URIRef) -> float | None:
        value = index.first(target, p)
        try:
            return float(value) if value is not None else None
        except ValueError:
            return None

    year = number(VPO.targetYear)
    return {
        "indicator": index.text(target, VPO.indicator),
        "value": number(VPO.targetValue),
        "min": number(VPO.minValue),
        "max": number(VPO.maxValue),
        "comparator": index.first(target, VPO.comparator),
        "unit": index.first(target, VPO.unit),
        "year": int(year) if year is not None else None,
        "quote": next((q.text for q in index.quotes.get(target, [])), None),
    }


_Statement = tuple[str, str, str, list[Quote], tuple[str, str, str]]


def _lineage_statements(index: Index) -> list[_Statement]:
    """(source, relation, target, quotes, triple) for direct lineage triples and qualified statements."""
    found: list[_Statement] = []
    for pred, rel in _RELATIONS.items():
        for s, o in index.pairs(URIRef(pred)):
            found.append((s, rel, o, [], (s, pred, o)))
    for s, st in index.pairs(VPO.lineageStatement):
        relation = index.first(st, VPO.lineageRelation)
        target = index.first(st, VPO.lineageTarget)
        if relation in _RELATIONS and target:
            found.append((s, _RELATIONS[relation], target, index.quotes.get(st, []), (s, relation, target)))
    return found


def _add_lineage_edge(
    graph: nx.DiGraph, src: str, rel: str, dst: str, quotes: list[Quote], triple: tuple[str, str, str]
) -> None:
    if not graph.has_edge(src, dst):
        graph.add_edge(src, dst, relations=[], quotes=[], triples=[])
    data = graph.edges[src, dst]
    data["relations"] = sorted({*data["relations"], rel})
    data["relation"] = "implements" if "implements" in data["relations"] else data["relations"][0]
    data["quotes"] = sorted_quotes([*data["quotes"], *quotes])
    data["triples"] = sorted({*data["triples"], triple})


# --- responsibility ---------------------------------------------------------------------------------------


def _field_labels(index: Index) -> dict[str, str]:
    concepts = set(index.subjects(RDF.type, str(SKOS.Concept)))
    concepts.update(o for _, o in index.pairs(VPO.inField))
    return {
        c: index.text(c, SKOS.prefLabel, RDFS.label) or index.first(c, SKOS.notation) or local_name(c)
        for c in sorted(concepts)
    }


def _agency_label(index: Index, agency: str) -> str:
    return index.text(agency, SKOS.prefLabel, RDFS.label, VPO.nameAsWritten) or local_name(agency)


def _agency_attrs(index: Index, agency: str) -> dict[str, Any]:
    province = index.first(agency, VPO.jurisdiction)
    level = index.first(agency, VPO.level)
    names = {
        o
        for p in (SKOS.prefLabel, RDFS.label, VPO.nameAsWritten, VPO.abbreviation)
        for o in index.values(agency, p)
    }
    return {
        "kind": "agency",
        "label": _agency_label(index, agency),
        "names": sorted(names),
        "province": province,
        "province_label": province
        and (index.text(province, RDFS.label, SKOS.prefLabel) or local_name(province)),
        "level": local_name(level) if level else None,
        "group": str(VPO.AgencyGroup) in index.values(agency, RDF.type),
    }


def successor_graph(index: Index) -> nx.DiGraph:
    """Bodies and provinces → their direct successors (``org:ChangeEvent`` steps; the inferred closure of
    vpo:successor is not relied on). Edges carry ``date`` and ``changes`` (label, kind, legal bases)."""
    graph = nx.DiGraph()
    for event, before in sorted(index.pairs(ORG.originalOrganization)):
        for after in index.values(event, ORG.resultingOrganization):
            if after not in index.values(before, VPO.successor):
                continue
            for node in (before, after):
                if node not in graph:
                    graph.add_node(node, **_body_attrs(index, node))
            if not graph.has_edge(before, after):
                graph.add_edge(before, after, date=index.first(event, VPO.effectiveDate), changes=[])
            graph.edges[before, after]["changes"].append(_change_attrs(index, event))
    return graph


def _body_attrs(index: Index, node: str) -> dict[str, Any]:
    if str(VPO.Province) in index.values(node, RDF.type):
        label = index.text(node, RDFS.label, SKOS.prefLabel) or local_name(node)
        return {
            "kind": "province",
            "label": label,
            "names": [label],
            "province": node,
            "province_label": label,
        }
    return _agency_attrs(index, node)


def _change_attrs(index: Index, event: str) -> dict[str, Any]:
    return {
        "event": event,
        "label": index.text(event, RDFS.label) or local_name(event),
        "kind": index.first(event, VPO.changeKind),
        "bases": sorted(index.values(event, VPO.legalBasis)),
    }


def agency_directory(index: Index, agencies: Iterable[str]) -> nx.DiGraph:
    """A responsibility graph of ``agencies`` alone: their names and province, no tasks (for lookups)."""
    graph = nx.DiGraph()
    for agency in sorted(agencies):
        graph.add_node(agency, **_agency_attrs(index, agency))
    return graph


def _task_attrs(index: Index, task: str, plan: str | None, fields: dict[str, str]) -> dict[str, Any]:
    task_fields = index.values(task, VPO.inField)
    return {
        "kind": "task",
        "label": index.text(task, VPO.taskText) or local_name(task),
        "text": index.text(task, VPO.taskText),
        "deadline": index.first(task, VPO.deadlineText),
        "fields": task_fields,
        "field_labels": [fields.get(f, local_name(f)) for f in task_fields],
        "plan": plan,
        "quotes": index.quotes.get(task, []),
    }


def _assignments(index: Index) -> list[tuple[str, str, str, str | None, list[Quote], tuple[str, str, str]]]:
    """(agency, task, role, deadline, quotes, triple) from n-ary assignments and the leads shortcuts."""
    found = []
    for asg, task in index.pairs(VPO.assignedTask):
        agency = index.first(asg, VPO.assignedAgency)
        role = index.first(asg, VPO.role)
        if agency:
            role_name = local_name(role) if role else "unknown"
            found.append(
                (agency, task, role_name, index.first(asg, VPO.deadlineText), index.quotes.get(asg, []),
                 (asg, str(VPO.assignedAgency), agency))
            )  # fmt: skip
    for pred, role_name in ((VPO.leads, "lead"), (VPO.coordinates, "coordinate")):
        for agency, task in index.pairs(pred):
            found.append((agency, task, role_name, None, [], (agency, str(pred), task)))
    return found


def _task_plans(index: Index) -> dict[str, str]:
    plans = {task: plan for task, plan in index.pairs(VPO.taskOf)}
    for plan, task in index.pairs(VPO.hasTask):
        plans.setdefault(task, plan)
    return plans


def _responsibility(index: Index, lineage: nx.DiGraph, fields: dict[str, str]) -> nx.DiGraph:
    graph = nx.DiGraph()
    plans = _task_plans(index)
    tasks = sorted(set(plans) | set(index.subjects(RDF.type, str(VPO.Task))))
    for task in tasks:
        plan = plans.get(task)
        graph.add_node(task, **_task_attrs(index, task, plan, fields))
        if plan:
            graph.add_node(plan, **{**lineage.nodes.get(plan, {}), "kind": "document"})
            graph.add_edge(task, plan, kind="task_of")
    for agency, task, role, deadline, quotes, triple in sorted(_assignments(index), key=lambda a: a[:3]):
        if agency not in graph:
            graph.add_node(agency, **_agency_attrs(index, agency))
        if task not in graph:
            graph.add_node(task, **_task_attrs(index, task, None, fields))
        _add_assignment(graph, agency, task, role, deadline, quotes, triple)
    return graph


def _add_assignment(
    graph: nx.DiGraph,
    agency: str,
    task: str,
    role: str,
    deadline: str | None,
    quotes: list[Quote],
    triple: tuple[str, str, str],
) -> None:
    if not graph.has_edge(agency, task):
        graph.add_edge(agency, task, kind="assignment", roles=[], quotes=[], triples=[], deadline=None)
    data = graph.edges[agency, task]
    data["roles"] = sorted({*data["roles"], role}, key=_role_rank)
    data["role"] = data["roles"][0]
    data["deadline"] = data["deadline"] or deadline or graph.nodes[task].get("deadline")
    data["quotes"] = sorted_quotes([*data["quotes"], *quotes])
    data["triples"] = sorted({*data["triples"], triple})
    if triple[1] == str(VPO.assignedAgency):  # an n-ary assignment, not a leads/coordinates shortcut
        entry = {"assignment": triple[0], "role": role, "deadline": deadline, "quotes": quotes}
        data["assignments"] = [*data.get("assignments", []), entry]


def _role_rank(role: str) -> tuple[int, str]:
    return (_ROLE_ORDER.index(role) if role in _ROLE_ORDER else len(_ROLE_ORDER), role)


# --- what resolves to nothing -----------------------------------------------------------------------------


def unresolved_subjects(index: Index) -> set[str]:
    """The subjects whose quotes ``Unresolved`` carries (as ``_unresolved`` picks them): statements citing
    what the graph does not describe, and mentions of no document."""
    citing = {s for pred in _CITING for s, o in index.pairs(pred) if not index.described(o)}
    mentions = index.subjects(RDF.type, str(VPO.Mention))
    return citing | {m for m in mentions if not index.values(m, VPO.mentionedDocument)}


def _unresolved(index: Index, lineage: nx.DiGraph) -> tuple[Unresolved, ...]:
    found = []
    for pred in _CITING:
        for s, o in index.pairs(pred):
            if not index.described(o):
                citing = _citing_document(index, s)
                label = lineage.nodes[citing]["label"] if citing in lineage else citing
                found.append(
                    Unresolved(citing, label, o, local_name(str(pred)), tuple(index.quotes.get(s, [])))
                )
    for mention in index.subjects(RDF.type, str(VPO.Mention)):
        if not index.values(mention, VPO.mentionedDocument):
            found.append(Unresolved(mention, mention, "", "mentions", tuple(index.quotes.get(mention, []))))
    unique = {(u.citing, u.target, u.predicate): u for u in found}
    return tuple(unique[k] for k in sorted(unique))


def _citing_document(index: Index, subject: str) -> str:
    """A lineage statement is reported by the document it hangs off."""
    owners = index.subjects(VPO.lineageStatement, subject)
    return owners[0] if owners else subject


# --- what the views add -----------------------------------------------------------------------------------


def _add_view_lineage(index: Index, graph: nx.DiGraph) -> None:
    """Per-document classes, Vietnamese title, own jurisdiction and signer; per-edge direct relations and
    quotes."""
    for doc, data in graph.nodes(data=True):
        data["types"] = [local_name(t) for t in index.values(doc, RDF.type) if t.startswith(str(VPO))]
        data["title_vi"] = index.text_in(doc, "vi", VPO.title)
        data["jurisdiction"] = index.first(doc, VPO.jurisdiction)
        data["signer"] = index.first(doc, VPO.signedBy)
    for _, _, data in graph.edges(data=True):
        data["direct"], data["stated_quotes"] = [], {}
    for pred, rel in _RELATIONS.items():
        for s, o in index.pairs(URIRef(pred)):
            graph.edges[s, o]["direct"] = sorted({*graph.edges[s, o]["direct"], rel})
    for s, st in index.pairs(VPO.lineageStatement):
        relation, target = index.first(st, VPO.lineageRelation), index.first(st, VPO.lineageTarget)
        if relation in _RELATIONS and target:
            stated = graph.edges[s, target]["stated_quotes"]
            rel = _RELATIONS[relation]
            stated[rel] = sorted_quotes([*stated.get(rel, []), *index.quotes.get(st, [])])


def _names(index: Index) -> dict[str, Names]:
    """Bilingual labels of every IRI that has a skos:prefLabel or rdfs:label."""
    labelled = {s for p in (SKOS.prefLabel, RDFS.label) for s, _ in index.pairs(p)}
    return {
        s: Names(
            pref_vi=index.text_in(s, "vi", SKOS.prefLabel),
            pref_en=index.text_in(s, "en", SKOS.prefLabel),
            label_vi=index.text_in(s, "vi", RDFS.label),
            label_en=index.text_in(s, "en", RDFS.label),
            has_label=bool(index.values(s, RDFS.label)),
        )
        for s in sorted(labelled)
    }


def _view_agencies(index: Index) -> nx.DiGraph:
    """Every typed agency and agency group, and every issuer (``typed`` False when untyped), with level,
    branch, parent, abbreviations and quotes (IRIs)."""
    typed = {s for c in (VPO.Agency, VPO.AgencyGroup) for s in index.subjects(RDF.type, str(c))}
    graph = agency_directory(index, typed | {a for _, a in index.pairs(VPO.issuedBy)})
    for agency, data in graph.nodes(data=True):
        data["typed"] = agency in typed
        data["level_iri"] = index.first(agency, VPO.level)
        data["branch"] = index.first(agency, VPO.branch)
        data["parent"] = index.first(agency, VPO.parentAgency)
        data["abbreviations"] = sorted(
            {*index.values(agency, VPO.abbreviation), *index.values(agency, VPO.nameAsWritten)}
        )
        data["quotes"] = index.quotes.get(agency, [])
    return graph


def _sources(index: Index) -> dict[str, tuple[str, str | None]]:
    """Source text IRI -> (file name, the document it describes or reports on)."""
    return {
        s: (name, index.first(s, VPO.describes) or index.first(s, VPO.reportsOn))
        for s, name in index.pairs(VPO.fileName)
    }
