"""Read the RDF graph (docs/graph-model.md shape) into the plain SiteGraph the views are drawn from.

One pass over the graph per kind of thing; labels in Vietnamese and English, facts for tooltips, evidence
(source, offsets, quote) for every node and edge that has it. Missing pieces are left out, never invented.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from rdflib import RDF, RDFS, SKOS, Graph, Literal, Node, URIRef

from kg.namespaces import OA, VPO
from kg.viz import model as m
from kg.viz.search import search_keys, unaccent
from kg.viz.style import DOC_KINDS, FALLBACK_NAMES
from kg.viz.urls import node_page, source_page

# Lineage tiers, top to bottom of the lineage view.
CENTRAL_PARTY, CENTRAL_STATE, PROVINCIAL_PARTY, PROVINCIAL_STATE, DEPARTMENT = range(5)


def read_site_graph(g: Graph) -> m.SiteGraph:
    """The site graph of an RDF graph: asserted triples, plus the ontology and inferred ones if present."""
    nodes: dict[str, m.VNode] = {}
    for node in (*_provinces(g), *_agencies(g), *_documents(g), *_tasks(g)):
        nodes.setdefault(node.id, node)
    nodes = _fill_tiers(nodes, _lineage_edges(g))
    edges = [e for e in _all_edges(g) if e.source in nodes and e.target in nodes]
    return m.SiteGraph(
        nodes=dict(sorted(nodes.items())),
        edges=tuple(sorted(set(edges), key=lambda e: (e.source, e.relation, e.target))),
        sources=_sources(g),
        kind_labels=_kind_labels(g),
    )


# --- literals -------------------------------------------------------------------------------------------


def _text(g: Graph, s: Node, preds: Iterable[URIRef], lang: str) -> str | None:
    """First literal of ``preds`` in ``lang`` ("vi" also takes untagged), in a stable order."""
    for p in preds:
        lits = sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal) and _lang_ok(o, lang))
        if lits:
            return lits[0]
    return None


def _lang_ok(lit: Literal, lang: str) -> bool:
    return lit.language == lang or (lang == "vi" and lit.language is None)


def _labels(g: Graph, s: Node, preds: tuple[URIRef, ...] = (SKOS.prefLabel, RDFS.label)) -> tuple[str, str]:
    """(vi, en) labels; English falls back to unaccented Vietnamese, Vietnamese to the IRI tail."""
    vi = _text(g, s, preds, "vi") or _text(g, s, preds, "en") or _tail(s)
    return vi, _text(g, s, preds, "en") or unaccent(vi)


def _tail(s: Node) -> str:
    return str(s).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _one(g: Graph, s: Node, p: URIRef) -> Node | None:
    values = sorted(g.objects(s, p), key=str)
    return values[0] if values else None


def _str(g: Graph, s: Node, p: URIRef) -> str | None:
    value = _one(g, s, p)
    return None if value is None else str(value)


def _fact(key: str, value: str | None) -> list[m.Fact]:
    return [m.Fact(key, value, value)] if value else []


def _named_fact(g: Graph, key: str, target: Node | None) -> list[m.Fact]:
    if target is None:
        return []
    vi, en = _labels(g, target)
    return [m.Fact(key, vi, en)]


def _evidence(g: Graph, s: Node) -> tuple[m.Evidence, ...]:
    """Every vpo:evidence of ``s`` with a source, offsets and quote, in text order."""
    found = []
    for ev in g.objects(s, VPO.evidence):
        source = _one(g, ev, VPO.source)
        start = end = quote = None
        for sel in g.objects(ev, OA.hasSelector):
            start = _one(g, sel, OA.start) if start is None else start
            end = _one(g, sel, OA.end) if end is None else end
            quote = _one(g, sel, OA.exact) if quote is None else quote
        if source is not None and quote is not None:
            s0 = int(start) if isinstance(start, Literal) else -1
            e0 = int(end) if isinstance(end, Literal) else -1
            found.append(m.Evidence(str(source), s0, e0, str(quote)))
    return tuple(sorted(set(found), key=lambda e: (e.source, e.start, e.end, e.quote)))


# --- nodes ----------------------------------------------------------------------------------------------


def _subjects(g: Graph, *classes: URIRef) -> list[Node]:
    return sorted({s for c in classes for s in g.subjects(RDF.type, c)}, key=str)


def _provinces(g: Graph) -> list[m.VNode]:
    out = []
    for s in _subjects(g, VPO.Province):
        vi, en = _labels(g, s)
        page = node_page(str(s), "province")
        out.append(
            m.VNode(str(s), m.PROVINCE, vi, en, search=search_keys([vi, en]), page=page, province=str(s))
        )
    return out


def _agencies(g: Graph) -> list[m.VNode]:
    out = []
    for s in _subjects(g, VPO.Agency, VPO.AgencyGroup):
        kind = m.AGENCY_GROUP if (s, RDF.type, VPO.AgencyGroup) in g else m.AGENCY
        vi, en = _labels(g, s)
        abbr = sorted(str(o) for p in (VPO.abbreviation, VPO.nameAsWritten) for o in g.objects(s, p))
        province = _one(g, s, VPO.jurisdiction)
        facts = [
            *_named_fact(g, "level", _one(g, s, VPO.level)),
            *_named_fact(g, "branch", _one(g, s, VPO.branch)),
            *_named_fact(g, "province", province),
            *_fact("abbreviation", ", ".join(sorted(set(abbr))) or None),
        ]
        out.append(
            m.VNode(
                str(s), kind, vi, en, tuple(facts), _evidence(g, s),
                province=str(province) if province else None,
                search=search_keys([vi, en, *abbr], abbr),
                page=node_page(str(s), "agency"),
            )
        )  # fmt: skip
    return out


def _doc_kind(g: Graph, s: Node) -> str:
    types = {str(t).rsplit("#", 1)[-1] for t in g.objects(s, RDF.type) if str(t).startswith(str(VPO))}
    return next((k for k in DOC_KINDS if k in types), "Document")


def _doc_classes(g: Graph) -> list[URIRef]:
    return [URIRef(f"{VPO}{k}") for k in DOC_KINDS]


def _documents(g: Graph) -> list[m.VNode]:
    out = []
    for s in _subjects(g, *_doc_classes(g)):
        kind = _doc_kind(g, s)
        number = _str(g, s, VPO.identifier)
        title_vi = _text(g, s, (VPO.title,), "vi")
        vi = _short(_text(g, s, (RDFS.label, SKOS.prefLabel), "vi") or number or title_vi or _tail(s), 48)
        en = _short(_text(g, s, (RDFS.label, SKOS.prefLabel), "en") or unaccent(vi), 48)
        issuer, province = _one(g, s, VPO.issuedBy), _one(g, s, VPO.jurisdiction)
        facts = [
            m.Fact("type", *_kind_name(g, kind)),
            *_fact("number", number),
            *_fact("date", _str(g, s, VPO.dateIssued)),
            *_named_fact(g, "issuer", issuer),
            *_named_fact(g, "province", province),
            *([m.Fact("title", title_vi, title_vi)] if title_vi else []),
            *_field_facts(g, s),
        ]
        ingested = _one(g, s, VPO.ingested)
        out.append(
            m.VNode(
                str(s), kind, vi, en, tuple(facts), _evidence(g, s),
                province=str(province) if province else None,
                fields=_field_names(g, s),
                search=search_keys([vi, en, number or "", title_vi or ""], _labels(g, s, (RDFS.label,))),
                page=node_page(str(s), "doc"),
                tier=_issuer_tier(g, issuer),
                cited_only=isinstance(ingested, Literal) and not ingested.toPython(),
            )
        )  # fmt: skip
    return out


def _field_names(g: Graph, s: Node) -> tuple[str, ...]:
    return tuple(sorted(_labels(g, f)[0] for f in g.objects(s, VPO.inField)))


def _field_facts(g: Graph, s: Node) -> list[m.Fact]:
    pairs = sorted(_labels(g, f) for f in g.objects(s, VPO.inField))
    if not pairs:
        return []
    return [m.Fact("field", ", ".join(p[0] for p in pairs), ", ".join(p[1] for p in pairs))]


def _tasks(g: Graph) -> list[m.VNode]:
    out = []
    for s in _subjects(g, VPO.Task):
        text = _text(g, s, (VPO.taskText,), "vi") or _tail(s)
        doc = _one(g, s, VPO.taskOf) or _one_subject(g, VPO.hasTask, s)
        province = _one(g, doc, VPO.jurisdiction) if doc is not None else None
        facts = [
            m.Fact("type", *_kind_name(g, m.TASK)),
            m.Fact("task", text, unaccent(text)),
            *_fact("deadline", _str(g, s, VPO.deadlineText)),
            *_named_fact(g, "document", doc),
            *_field_facts(g, s),
            *_role_facts(g, s),
        ]
        out.append(
            m.VNode(
                str(s), m.TASK, _short(text), _short(unaccent(text)), tuple(facts), _evidence(g, s),
                province=str(province) if province else None,
                fields=_field_names(g, s),
                search=search_keys([text]),
            )
        )  # fmt: skip
    return out


def _one_subject(g: Graph, p: URIRef, o: Node) -> Node | None:
    values = sorted(g.subjects(p, o), key=str)
    return values[0] if values else None


def _role_facts(g: Graph, task: Node) -> list[m.Fact]:
    """One fact per role: the agencies that hold it on this task."""
    by_role: dict[Node, list[tuple[str, str]]] = {}
    for a in g.objects(task, VPO.hasAssignment):
        role, agency = _one(g, a, VPO.role), _one(g, a, VPO.assignedAgency)
        if role is not None and agency is not None:
            by_role.setdefault(role, []).append(_labels(g, agency))
    facts = []
    for role, names in sorted(by_role.items(), key=lambda kv: str(kv[0])):
        rvi, ren = _role_labels(g, role)
        names.sort()
        facts.append(
            m.Fact(
                "role",
                f"{rvi}: " + "; ".join(n[0] for n in names),
                f"{ren}: " + "; ".join(n[1] for n in names),
            )
        )
    return facts


def _kind_name(g: Graph, kind: str) -> tuple[str, str]:
    iri = URIRef(f"{VPO}{kind}")
    if (iri, RDFS.label, None) in g:
        return _labels(g, iri, (RDFS.label, SKOS.prefLabel))
    return FALLBACK_NAMES.get(kind, (kind, kind))


def _role_labels(g: Graph, role: Node) -> tuple[str, str]:
    local = str(role).rsplit("#", 1)[-1]
    if (role, RDFS.label, None) in g:
        return _labels(g, role)
    return FALLBACK_NAMES.get(local, (local, local))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _issuer_tier(g: Graph, issuer: Node | None) -> int | None:
    """Lineage tier from the issuer's level and branch; None when the graph does not say."""
    if issuer is None:
        return None
    level, branch = _one(g, issuer, VPO.level), _one(g, issuer, VPO.branch)
    if level == VPO.central:
        return CENTRAL_PARTY if branch == VPO.party else CENTRAL_STATE
    if level == VPO.provincial:
        if branch == VPO.party:
            return PROVINCIAL_PARTY
        return DEPARTMENT if _one(g, issuer, VPO.parentAgency) is not None else PROVINCIAL_STATE
    if level in (VPO.district, VPO.commune):
        return DEPARTMENT
    return None


def _fill_tiers(nodes: dict[str, m.VNode], lineage: list[tuple[str, str]]) -> dict[str, m.VNode]:
    """Documents of unknown tier go one tier above the highest document that implements/cites them."""
    preds: dict[str, list[str]] = {}
    for src, dst in lineage:
        preds.setdefault(dst, []).append(src)
    out = dict(nodes)
    changed = True
    while changed:  # each round settles one more step up a chain; chains are short
        changed = False
        for dst, srcs in sorted(preds.items()):
            node = out.get(dst)
            known = [t for s in srcs if s in out and (t := out[s].tier) is not None]
            if node is not None and node.tier is None and known:
                out[dst] = replace(node, tier=max(0, min(known) - 1))
                changed = True
    return out


# --- edges ----------------------------------------------------------------------------------------------


def _lineage_edges(g: Graph) -> list[tuple[str, str]]:
    return sorted((str(s), str(o)) for p in (VPO.implements, VPO.basedOn) for s, o in g.subject_objects(p))


def _all_edges(g: Graph) -> list[m.VEdge]:
    return [*_lineage(g), *_assignments(g), *_simple(g)]


def _lineage(g: Graph) -> list[m.VEdge]:
    """implements/basedOn edges, with the evidence of the lineage statement that states each."""
    stated: dict[tuple[str, str, str], tuple[m.Evidence, ...]] = {}
    for doc, st in g.subject_objects(VPO.lineageStatement):
        rel, target = _one(g, st, VPO.lineageRelation), _one(g, st, VPO.lineageTarget)
        if rel is not None and target is not None:
            key = (str(doc), _tail(rel), str(target))
            stated[key] = stated.get(key, ()) + _evidence(g, st)
    out = []
    for p in (VPO.implements, VPO.basedOn):
        name = _tail(p)
        for s, o in g.subject_objects(p):
            out.append(m.VEdge(str(s), str(o), name, evidence=stated.get((str(s), name, str(o)), ())))
    return out


def _assignments(g: Graph) -> list[m.VEdge]:
    """agency → task edges, one per assignment, typed by role, with deadline and the evidence of the name."""
    out = []
    for a in _subjects(g, VPO.Assignment):
        task, agency, role = (_one(g, a, p) for p in (VPO.assignedTask, VPO.assignedAgency, VPO.role))
        if task is None or agency is None or role is None:
            continue
        rvi, ren = _role_labels(g, role)
        facts = [m.Fact("role", rvi, ren), *_fact("deadline", _str(g, a, VPO.deadlineText))]
        rel = str(role).rsplit("#", 1)[-1]
        out.append(m.VEdge(str(agency), str(task), rel, tuple(facts), _evidence(g, a)))
    return out


def _simple(g: Graph) -> list[m.VEdge]:
    """Edges without qualification: task of a document, issuer of a document, inferred answersFor."""
    pairs = [
        *((t, d, "taskOf") for t, d in g.subject_objects(VPO.taskOf)),
        *((t, d, "taskOf") for d, t in g.subject_objects(VPO.hasTask)),
        *((d, a, "issuedBy") for d, a in g.subject_objects(VPO.issuedBy)),
        *((a, d, "answersFor") for a, d in g.subject_objects(VPO.answersFor)),
    ]
    return [m.VEdge(str(s), str(o), rel) for s, o, rel in pairs]


# --- sources and names ----------------------------------------------------------------------------------


def _sources(g: Graph) -> dict[str, m.SourceDoc]:
    out = {}
    for s, name in sorted(g.subject_objects(VPO.fileName), key=lambda p: str(p[0])):
        doc = _one(g, s, VPO.describes) or _one(g, s, VPO.reportsOn)
        out[str(s)] = m.SourceDoc(str(s), str(name), source_page(str(s)), str(doc) if doc else None)
    return out


def _kind_labels(g: Graph) -> dict[str, tuple[str, str]]:
    """(vi, en) name of every node kind and relation, from the ontology where it has one."""
    names = dict(FALLBACK_NAMES)
    for local in [*DOC_KINDS, m.AGENCY, m.AGENCY_GROUP, m.TASK, m.PROVINCE, *FALLBACK_NAMES]:
        names[local] = _kind_name(g, local)
    return names
