"""Map the analysis converter's PolicyGraphs (kg.analysis.convert) onto the plain SiteGraph the views draw.

RDF is read once, by the converter; this module only chooses labels in Vietnamese and English, facts for
tooltips and evidence (source, offsets, quote) for every node and edge that has it. Missing pieces are left
out, never invented.

English comes from the graph's @en labels (the ontology's for types, roles, fields and tiers; the
gazetteer's and data/vocab/english.yaml's for agencies). What has no English name (document numbers and
titles, task texts, quotes, names of places) stays verbatim Vietnamese, flagged ``original`` so the page marks
it lang="vi": never stripped of its accents, which would make it neither language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.analysis.convert import Names, PolicyGraphs, to_networkx
from kg.analysis.index import Quote
from kg.analysis.successors import holders
from kg.namespaces import VPO
from kg.present.views import model as m
from kg.present.views.search import norm, search_keys
from kg.present.views.style import DOC_KINDS, FALLBACK_NAMES, short_label, told_apart
from kg.present.views.tiers import tier_of
from kg.present.views.urls import node_page, source_page
from kg.text.strings import fold

# The converter's relation names → the views' (ontology local names).
_RELATION = {"implements": "implements", "based_on": "basedOn"}
_PREF_FIRST, _LABEL_FIRST = ("pref", "label"), ("label", "pref")


def read_site_graph(source: Any, as_of: str | None = None) -> m.SiteGraph:
    """The site graph of an RDF graph (anything kg.analysis.convert.to_networkx reads); the tasks' "now"
    facts answer for ``as_of`` (ISO date; None: after every change known)."""
    return site_graph(to_networkx(source), as_of)


def site_graph(pg: PolicyGraphs, as_of: str | None = None) -> m.SiteGraph:
    """The site graph of the converter's graphs: asserted, inferred and ontology facts alike."""
    nodes: dict[str, m.VNode] = {}
    for node in (*_provinces(pg), *_agencies(pg), *_documents(pg), *_tasks(pg, as_of)):
        nodes.setdefault(node.id, node)
    nodes = _fill_tiers(nodes, _lineage_pairs(pg))
    edges = [e for e in _all_edges(pg) if e.source in nodes and e.target in nodes]
    return m.SiteGraph(
        nodes=dict(sorted(nodes.items())),
        edges=tuple(sorted(set(edges), key=lambda e: (e.source, e.relation, e.target))),
        sources=_sources(pg),
        kind_labels=_kind_labels(pg),
        citations=tuple(sorted({m.VEdge(s, o, "cites") for s, o in pg.cites if s in nodes and o in nodes},
                               key=lambda e: (e.source, e.target))),
        field_names=_field_english(pg),
    )  # fmt: skip


# --- labels and facts -----------------------------------------------------------------------------------


def _labels(pg: PolicyGraphs, iri: str, order: tuple[str, ...] = _PREF_FIRST) -> tuple[str, str]:
    """(vi, en) labels; English falls back to the Vietnamese verbatim, Vietnamese to the IRI tail."""
    names = pg.names.get(iri, Names())
    vi = names.first("vi", order) or names.first("en", order) or _tail(iri)
    return vi, names.first("en", order) or vi


def _has_english(pg: PolicyGraphs, iri: str) -> bool:
    return pg.names.get(iri, Names()).first("en") is not None


def _tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _fact(key: str, value: str | None, original: bool = False) -> list[m.Fact]:
    """A fact whose value is the same in both languages; ``original`` when it is Vietnamese text."""
    return [m.Fact(key, value, value, original)] if value else []


def _named_fact(pg: PolicyGraphs, key: str, target: str | None) -> list[m.Fact]:
    if target is None:
        return []
    vi, en = _labels(pg, target)
    return [m.Fact(key, vi, en, not _has_english(pg, target))]


def _deadline_fact(pg: PolicyGraphs, deadline: str | None) -> list[m.Fact]:
    """A deadline as printed, and in English where the vocabulary reads it ("By 15 November")."""
    if not deadline:
        return []
    english = pg.deadlines_en.get(deadline)
    return [m.Fact("deadline", deadline, english or deadline, english is None)]


def _province_fact(pg: PolicyGraphs, province: str | None) -> list[m.Fact]:
    """A province by its Vietnamese name in both languages, diacritics kept (a name, not a translation)."""
    return _fact("province", _labels(pg, province)[0]) if province else []


def _agency_labels(pg: PolicyGraphs, iri: str, data: dict[str, Any]) -> tuple[str, str, bool]:
    """(vi, en, en is the Vietnamese original) of an agency, both naming its province (and parent unit):
    the rdfs:label carries them in Vietnamese; the English name gets them appended, so the four provinces'
    "Department of Science and Technology" read apart."""
    names = pg.names.get(iri, Names())
    vi = names.first("vi", _LABEL_FIRST) or names.first("en") or _tail(iri)
    en = names.first("en")
    if en is None:
        return vi, vi, True
    if data["province"]:
        en = _with_place(en, _labels(pg, data["province"])[0])
    parent = _labels(pg, data["parent"]) if data["parent"] else None
    if parent and fold(parent[0]) in fold(vi):  # a unit named with its parent: "Vụ Pháp chế (Bộ Y tế)"
        en = _with_place(en, parent[1])
    return vi, en, False


def _with_place(name: str, place: str) -> str:
    return name if fold(place) in fold(name) else f"{name} ({place})"


def _evidence(quotes: list[Quote]) -> tuple[m.Evidence, ...]:
    """Evidence of the quotes that name their source, in text order."""
    found = {
        m.Evidence(q.source, -1 if q.start is None else q.start, -1 if q.end is None else q.end, q.text)
        for q in quotes
        if q.source is not None
    }
    return tuple(sorted(found, key=lambda e: (e.source, e.start, e.end, e.quote)))


def _short(text: str, limit: int = 40) -> str:
    return short_label(text, limit)  # at a word boundary: "cán bộ, c…" read as a cut word


# --- nodes ----------------------------------------------------------------------------------------------


def _provinces(pg: PolicyGraphs) -> list[m.VNode]:
    out = []
    for s in pg.provinces:
        vi = _labels(pg, s)[0]  # a place keeps its Vietnamese name, accents and all, in English too
        page = node_page(s, "province")
        out.append(m.VNode(s, m.PROVINCE, vi, vi, search=search_keys([vi]), page=page, province=s))
    return out


def _agencies(pg: PolicyGraphs) -> list[m.VNode]:
    out = []
    for s, data in sorted(pg.agencies.nodes(data=True)):
        if not data["typed"]:
            continue
        vi, en, original = _agency_labels(pg, s, data)
        abbr = data["abbreviations"]
        facts = [
            *_named_fact(pg, "level", data["level_iri"]),
            *_named_fact(pg, "branch", data["branch"]),
            *_province_fact(pg, data["province"]),
            *_fact("abbreviation", ", ".join(abbr) or None, original=True),
        ]
        names = [vi, en, *_labels(pg, s), *abbr]
        out.append(
            m.VNode(
                s, m.AGENCY_GROUP if data["group"] else m.AGENCY, vi, en, tuple(facts),
                _evidence(data["quotes"]),
                province=data["province"],
                search=search_keys(names, [*abbr, *_province_key(pg, data["province"])]),
                page=node_page(s, "agency"),
                en_original=original,
            )
        )  # fmt: skip
    return out


def _province_key(pg: PolicyGraphs, province: str | None) -> list[str]:
    """The province's name as a search key of the things in it ("so khcn lam dong")."""
    return [_labels(pg, province)[0]] if province else []


def _doc_kind(data: dict[str, Any]) -> str | None:
    """The most preferred view kind of a document's classes; None when it has none of them."""
    return next((k for k in DOC_KINDS if k in data.get("types", ())), None)


def _documents(pg: PolicyGraphs) -> list[m.VNode]:
    out = []
    for s, data in sorted(pg.lineage.nodes(data=True)):
        kind = _doc_kind(data)
        if kind is None:
            continue
        number, title_vi = data["identifier"], data["title_vi"]
        names = pg.names.get(s, Names())
        vi = _short(names.first("vi", _LABEL_FIRST) or number or title_vi or _tail(s), 48)
        english = names.first("en", _LABEL_FIRST)
        en = _short(english or vi, 48)  # a number or a Vietnamese title is not translated
        issuer, province = data["issuer"], data["jurisdiction"]
        type_names = _kind_name(pg, kind)
        facts = [
            m.Fact("type", *type_names),
            *_fact("number", number, original=True),
            *_fact("date", data["date"]),
            *_named_fact(pg, "issuer", issuer),
            *_named_fact(pg, "signer", data.get("signer")),
            *_province_fact(pg, province),
            *_fact("title", title_vi, original=True),
            *_field_facts(pg, data["fields"]),
        ]
        # the type's name is a key ("ket luan 69"); its code is in the number ("qd 2245")
        keys = [*_labels(pg, s, ("label",)), *type_names, *_province_key(pg, province)]
        out.append(
            m.VNode(
                s, kind, vi, en, tuple(facts), _evidence(data["quotes"]),
                province=province,
                fields=_field_names(pg, data["fields"]),
                search=search_keys([vi, en, number or "", title_vi or ""], keys),
                page=node_page(s, "doc"),
                tier=_issuer_tier(pg, issuer),
                cited_only=data["ingested"] is False,
                number=norm(number) if number else "",
                en_original=english is None,
            )
        )  # fmt: skip
    return out


def _field_names(pg: PolicyGraphs, fields: list[str]) -> tuple[str, ...]:
    return tuple(sorted(_labels(pg, f)[0] for f in fields))


def _field_english(pg: PolicyGraphs) -> dict[str, str]:
    """Vietnamese → English label of every field a document or task is in (the field filter's options)."""
    used = {f for g in (pg.lineage, pg.responsibility) for _, fs in g.nodes(data="fields") for f in fs or ()}
    return dict(sorted(_labels(pg, f) for f in used))


def _field_facts(pg: PolicyGraphs, fields: list[str]) -> list[m.Fact]:
    pairs = sorted(_labels(pg, f) for f in fields)
    if not pairs:
        return []
    return [m.Fact("field", ", ".join(p[0] for p in pairs), ", ".join(p[1] for p in pairs))]


def _task_labels(pg: PolicyGraphs) -> dict[str, str]:
    """Each task's label: its text shortened at a word; tasks whose shortened texts coincide ("Phối hợp với
    Sở Khoa học và Công nghệ…") are cut where their texts differ, so lists and search results tell them
    apart."""
    texts = {s: d["text"] or _tail(s) for s, d in pg.responsibility.nodes(data=True) if d["kind"] == "task"}
    groups: dict[str, dict[str, str]] = {}
    for s, text in texts.items():
        groups.setdefault(_short(text), {})[s] = text
    out = {}
    for label, same in groups.items():
        out.update(told_apart(same) if len(same) > 1 and label.endswith("…") else dict.fromkeys(same, label))
    return out


def _tasks(pg: PolicyGraphs, as_of: str | None = None) -> list[m.VNode]:
    out = []
    graph = pg.responsibility
    labels = _task_labels(pg)
    for s, data in sorted(graph.nodes(data=True)):
        if data["kind"] != "task":
            continue
        text = data["text"] or _tail(s)
        doc = data["plan"]
        province = pg.lineage.nodes[doc].get("jurisdiction") if doc in pg.lineage else None
        facts = [
            m.Fact("type", *_kind_name(pg, m.TASK)),
            *_fact("task", text, original=True),
            *_deadline_fact(pg, data["deadline"]),
            *_named_fact(pg, "document", doc),
            *_field_facts(pg, data["fields"]),
            *_role_facts(pg, s),
            *_now_facts(pg, s, as_of),
        ]
        out.append(
            m.VNode(
                s, m.TASK, labels[s], labels[s], tuple(facts), _evidence(data["quotes"]),
                province=province,
                fields=_field_names(pg, data["fields"]),
                search=search_keys([text], _province_key(pg, province)),
                en_original=True,
            )
        )  # fmt: skip
    return out


def _role_facts(pg: PolicyGraphs, task: str) -> list[m.Fact]:
    """One fact per role: the agencies that hold it on this task."""
    by_role: dict[str, list[tuple[str, str]]] = {}
    for agency, _, data in pg.responsibility.in_edges(task, data=True):
        for a in data.get("assignments", ()):
            if a["role"] != "unknown":
                by_role.setdefault(a["role"], []).append(_labels(pg, agency))
    facts = []
    for role, names in sorted(by_role.items(), key=lambda kv: f"{VPO}{kv[0]}"):
        rvi, ren = _role_labels(pg, role)
        names.sort()
        facts.append(
            m.Fact(
                "role",
                f"{rvi}: " + "; ".join(n[0] for n in names),
                f"{ren}: " + "; ".join(n[1] for n in names),
            )
        )
    return facts


def _now_facts(pg: PolicyGraphs, task: str, as_of: str | None = None) -> list[m.Fact]:
    """One fact per agency of the task that the 2025 reorganisation changed: the name as written → the body
    holding its work today (or on ``as_of``) and the legal basis (kg.analysis.successors, as `kg who` and
    `kg trace` do); the role facts keep the names as written (NOTES.md G6). In English the body is named
    in English and the legal basis cited as the texts cite it."""
    facts = []
    for agency in sorted({a for a, _ in pg.responsibility.in_edges(task)}, key=lambda a: _labels(pg, a)):
        now = holders(pg, agency, as_of)
        if any(h.steps for h in now):
            vi, en = _labels(pg, agency)
            today_vi = " | ".join(h.text() for h in now)
            today_en = " | ".join(h.text("en") for h in now)
            facts.append(m.Fact("now", f"{vi} → {today_vi}", f"{en} → {today_en}"))
    return facts


def _kind_name(pg: PolicyGraphs, local: str) -> tuple[str, str]:
    """(vi, en) name of an ontology class or role from its rdfs:label; the built-in names otherwise."""
    iri = f"{VPO}{local}"
    if pg.names.get(iri, Names()).has_label:
        return _labels(pg, iri, _LABEL_FIRST)
    return FALLBACK_NAMES.get(local, (local, local))


def _role_labels(pg: PolicyGraphs, role: str) -> tuple[str, str]:
    iri = f"{VPO}{role}"
    if pg.names.get(iri, Names()).has_label:
        return _labels(pg, iri)
    return FALLBACK_NAMES.get(role, (role, role))


def _issuer_tier(pg: PolicyGraphs, issuer: str | None) -> int | None:
    """Lineage tier from the issuer's level, branch, parent and names (data/vocab/tiers.yaml); None when
    the graph does not say."""
    if issuer is None or issuer not in pg.agencies:
        return None
    data = pg.agencies.nodes[issuer]
    level, branch = data["level_iri"], data["branch"]
    names = [data.get("label") or "", *data.get("names", ())]
    return tier_of(level and _tail(level), branch and _tail(branch), names, parent=data["parent"] is not None)


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


def _lineage_pairs(pg: PolicyGraphs) -> list[tuple[str, str]]:
    """(source, target) once per relation stated by a plain implements/basedOn triple."""
    return sorted((s, o) for s, o, direct in pg.lineage.edges(data="direct") for _ in direct or ())


def _all_edges(pg: PolicyGraphs) -> list[m.VEdge]:
    return [*_lineage(pg), *_assignments(pg), *_simple(pg)]


def _lineage(pg: PolicyGraphs) -> list[m.VEdge]:
    """implements/basedOn edges, with the evidence of the lineage statement that states each."""
    out = []
    for s, o, data in pg.lineage.edges(data=True):
        for rel in data["direct"]:
            quotes = data["stated_quotes"].get(rel, [])
            out.append(m.VEdge(s, o, _RELATION[rel], evidence=_evidence(quotes)))
    return out


def _assignments(pg: PolicyGraphs) -> list[m.VEdge]:
    """agency → task edges, one per assignment, typed by role, with deadline and the evidence of the name."""
    out = []
    for agency, task, data in pg.responsibility.edges(data=True):
        for a in data.get("assignments", ()):
            if a["role"] == "unknown":
                continue
            rvi, ren = _role_labels(pg, a["role"])
            facts = [m.Fact("role", rvi, ren), *_deadline_fact(pg, a["deadline"])]
            out.append(m.VEdge(agency, task, a["role"], tuple(facts), _evidence(a["quotes"])))
    return out


def _simple(pg: PolicyGraphs) -> list[m.VEdge]:
    """Edges without qualification: task of a document, issuer of a document, inferred answersFor."""
    graph = pg.responsibility
    pairs = [
        *((t, d, "taskOf") for t, d, kind in graph.edges(data="kind") if kind == "task_of"),
        *((d, a, "issuedBy") for d, a in pg.issued_by),
        *((a, d, "answersFor") for a, d in pg.answers_for),
    ]
    return [m.VEdge(s, o, rel) for s, o, rel in pairs]


# --- sources and names ----------------------------------------------------------------------------------


def _sources(pg: PolicyGraphs) -> dict[str, m.SourceDoc]:
    return {s: m.SourceDoc(s, name, source_page(s), doc) for s, (name, doc) in sorted(pg.sources.items())}


def _kind_labels(pg: PolicyGraphs) -> dict[str, tuple[str, str]]:
    """(vi, en) name of every node kind and relation, from the ontology where it has one."""
    names = dict(FALLBACK_NAMES)
    for local in [*DOC_KINDS, m.AGENCY, m.AGENCY_GROUP, m.TASK, m.PROVINCE, *FALLBACK_NAMES]:
        names[local] = _kind_name(pg, local)
    return names
