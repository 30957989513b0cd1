"""The readable text part of a document, agency or province page: what the graph beside it says, as text.

Headings, lists and a table of tasks that Ctrl-F, printing and screen readers find: the facts of the thing
(title, type, issuer, date, signer), its lineage up and down grouped by relation with the quotes that state
it, what carries it out further down (kg.analysis.trace, as `kg trace`), the chains down to a province's
plans (kg.analysis.chains, as `kg status`), and every task with its whole text (vpo:taskText verbatim),
agencies, deadline and the quote linked to the highlighted source page. Pure functions of the SiteGraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import networkx as nx

from kg.analysis.trace import trace
from kg.errors import LineageCycle
from kg.present.views import model as m
from kg.present.views.chains import Chain, implements_pairs, province_chains
from kg.present.views.views import DUTY, LINEAGE, Index, is_document

T = TypeVar("T")
# Lineage relations read from either end (vi, en): "this document implements X" / "X implements this one".
UP_NAMES = {
    "implements": ("Văn bản này triển khai", "This document implements"),
    "basedOn": ("Văn bản này căn cứ vào", "This document is based on"),
    "cites": ("Văn bản này dẫn chiếu", "This document cites"),
}
DOWN_NAMES = {
    "implements": ("Được triển khai bởi", "Implemented by"),
    "basedOn": ("Là căn cứ của", "Basis of"),
    "cites": ("Được dẫn chiếu bởi", "Cited by"),
}
# Facts of a document or agency listed at the top of its text part, in this order.
DOC_FACTS = ("type", "number", "date", "issuer", "signer", "province", "field")
AGENCY_FACTS = ("level", "branch", "province", "abbreviation")
# Table columns per page kind (the template names them); "role" is the page's agency's role on the task.
COLUMNS = {
    "doc": ("number", "task", "lead", "partners", "deadline", "source"),
    "agency": ("number", "role", "task", "document", "partners", "deadline", "source"),
    "province": ("number", "document", "task", "lead", "partners", "deadline", "source"),
}

COLUMN_NAMES = {
    "number": ("#", "#"),
    "role": ("Vai trò", "Role"),
    "task": ("Nhiệm vụ", "Task"),
    "document": ("Văn bản", "Document"),
    "lead": ("Chủ trì", "Lead"),
    "partners": ("Phối hợp, khác", "Partners"),
    "deadline": ("Thời hạn", "Deadline"),
    "source": ("Trích dẫn nguồn", "Source quote"),
}


@dataclass(frozen=True)
class Quote:
    """Words of a source text and the link to its page with them highlighted (None when not at hand)."""

    text: str
    link: str | None


@dataclass(frozen=True)
class Related:
    """A document on the other end of a lineage relation, with the quotes that state the relation."""

    node: m.VNode
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Group:
    """Related documents under one relation name (vi, en)."""

    relation: str
    name_vi: str
    name_en: str
    items: tuple[Related, ...]


@dataclass(frozen=True)
class Party:
    """An agency named on a task and its role (vi, en)."""

    agency: m.VNode
    role: str  # relation key: "lead", "coordinate", ...
    role_vi: str
    role_en: str


@dataclass(frozen=True)
class TaskRow:
    """One row of the tasks table."""

    number: int  # text order within the page, to sort back to it
    text: str  # vpo:taskText verbatim
    document: m.VNode | None
    role: tuple[Party, ...]  # the page's agency on this task (agency pages)
    lead: tuple[m.VNode, ...]
    partners: tuple[Party, ...]  # every other agency named on the task, with its role
    deadline: m.Fact | None  # as printed, and in English where data/vocab/deadlines.yaml reads it
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Below:
    """A document that carries out the page's document, directly or further down (steps > 0)."""

    node: m.VNode
    steps: int


@dataclass(frozen=True)
class TextPart:
    """Everything the text part of one page shows."""

    kind: str  # "doc", "agency", "province"
    node: m.VNode
    facts: tuple[tuple[m.Fact, m.VNode | None], ...]  # a fact and the node it names, when it has a page
    title: str | None
    up: tuple[Group, ...] = ()
    down: tuple[Group, ...] = ()
    below: tuple[Below, ...] = ()
    below_note: bool = False  # True when the lineage below has a cycle and `kg trace` refuses it
    documents: tuple[tuple[str, str, tuple[m.VNode, ...]], ...] = ()  # (vi, en) heading and documents
    chains: tuple[Chain, ...] = ()
    unchained: tuple[m.VNode, ...] = ()  # a province's documents on no chain
    columns: tuple[str, ...] = ()
    tasks: tuple[TaskRow, ...] = ()


@dataclass(frozen=True)
class Reading:
    """What every page's text part reads, gathered once per site: the index, the source texts, the lineage
    graph `kg trace` walks, citations by document, documents by province, the stated implements pairs."""

    index: Index
    texts: Mapping[str, str]
    lineage: nx.DiGraph
    cites_out: Mapping[str, tuple[m.VEdge, ...]]
    cites_in: Mapping[str, tuple[m.VEdge, ...]]
    by_province: Mapping[str, tuple[m.VNode, ...]]
    implements: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, index: Index, texts: Mapping[str, str]) -> Reading:
        """Gather what the text parts of ``index``'s site read."""
        site = index.site
        lineage = nx.DiGraph()
        lineage.add_nodes_from((n.id, {"label": n.label_vi}) for n in site.nodes.values() if is_document(n))
        lineage.add_edges_from((e.source, e.target) for e in site.edges if e.relation in LINEAGE)
        docs = sorted((n for n in site.nodes.values() if is_document(n) and n.province), key=lambda n: n.id)
        return cls(
            index, texts, lineage,
            cites_out=_grouped(site.citations, lambda e: e.source),
            cites_in=_grouped(site.citations, lambda e: e.target),
            by_province=_grouped(docs, lambda n: n.province or ""),
            implements=tuple(implements_pairs(index)),
        )  # fmt: skip


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, tuple[T, ...]]:
    out: dict[str, list[T]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return {k: tuple(v) for k, v in out.items()}


def text_part(reading: Reading, node: m.VNode) -> TextPart | None:
    """The text part of ``node``'s page; None for nodes without a page of their own."""
    if is_document(node):
        return _document(reading, node)
    if node.kind in (m.AGENCY, m.AGENCY_GROUP):
        return _agency(reading, node)
    if node.kind == m.PROVINCE:
        return _province(reading, node)
    return None


# --- the three kinds of page ----------------------------------------------------------------------------


def _document(r: Reading, node: m.VNode) -> TextPart:
    site = r.index.site
    issuer = next((e.target for e in r.index.out.get(node.id, ()) if e.relation == "issuedBy"), None)
    named = {"issuer": site.nodes.get(issuer or ""), "province": site.nodes.get(node.province or "")}
    below, cycle = _below(r, node.id)
    return TextPart(
        "doc", node, _facts(node, DOC_FACTS, named), _fact(node, "title"),
        up=_lineage(r, node.id, up=True),
        down=_lineage(r, node.id, up=False),
        below=below, below_note=cycle,
        columns=COLUMNS["doc"],
        tasks=_rows(r, _tasks_of(r.index, [node.id])),
    )  # fmt: skip


def _agency(r: Reading, node: m.VNode) -> TextPart:
    index = r.index
    named = {"province": index.site.nodes.get(node.province or "")}
    issued = _docs(index, (e.source for e in index.inc.get(node.id, ()) if e.relation == "issuedBy"))
    answers = _docs(index, (e.target for e in index.out.get(node.id, ()) if e.relation == "answersFor"))
    tasks = sorted({e.target for e in index.out.get(node.id, ()) if e.relation in DUTY}, key=_natural)
    return TextPart(
        "agency", node, _facts(node, AGENCY_FACTS, named), None,
        documents=(("Văn bản đã ban hành", "Documents issued", issued),
                   ("Chịu trách nhiệm thực hiện", "Answers for", answers)),
        columns=COLUMNS["agency"],
        tasks=_rows(r, tasks, agency=node.id),
    )  # fmt: skip


def _province(r: Reading, node: m.VNode) -> TextPart:
    own = _docs(r.index, (n.id for n in r.by_province.get(node.id, ())))
    found = province_chains(r.index, node.id, r.implements)
    on_chain = {d.id for c in found for _, paths in c.provinces for p in paths for d in p}
    return TextPart(
        "province", node, (), None,
        documents=(("Văn bản của tỉnh", "Documents of the province", own),),
        chains=tuple(found),
        unchained=tuple(d for d in own if d.id not in on_chain),
        columns=COLUMNS["province"],
        tasks=_rows(r, _tasks_of(r.index, [d.id for d in own])),
    )  # fmt: skip


# --- facts and lineage ----------------------------------------------------------------------------------


def _fact(node: m.VNode, key: str) -> str | None:
    return next((f.vi for f in node.facts if f.key == key), None)


def _facts(
    node: m.VNode, keys: tuple[str, ...], named: Mapping[str, m.VNode | None]
) -> tuple[tuple[m.Fact, m.VNode | None], ...]:
    """The node's facts of ``keys`` in that order; a fact naming a node with a page links to it."""
    out = []
    for key in keys:
        for f in (f for f in node.facts if f.key == key):
            target = named.get(key)
            out.append((f, target if target is not None and target.page else None))
    return tuple(out)


def _lineage(r: Reading, doc: str, up: bool) -> tuple[Group, ...]:
    """Lineage edges out of (``up``) or into ``doc``, one group per relation (citations last), documents
    by label."""
    index = r.index
    cited = (r.cites_out if up else r.cites_in).get(doc, ())
    edges = [*(index.out.get(doc, ()) if up else index.inc.get(doc, ())), *cited]
    names = UP_NAMES if up else DOWN_NAMES
    groups = []
    for relation in (*LINEAGE, "cites"):
        found = [e for e in edges if e.relation == relation]
        ends = [(index.site.nodes[e.target if up else e.source], e.evidence) for e in found]
        items = [Related(node, _quotes(index.site, evidence, r.texts)) for node, evidence in ends]
        if items:
            items.sort(key=lambda x: (x.node.province or "", x.node.label_vi))
            groups.append(Group(relation, *names[relation], tuple(items)))
    return tuple(groups)


def _below(r: Reading, doc: str) -> tuple[tuple[Below, ...], bool]:
    """Documents below ``doc`` as `kg trace` finds them (kg.analysis.trace over the same lineage edges)."""
    try:
        found = trace(r.lineage, doc)
    except LineageCycle:
        return (), True
    below = [Below(r.index.site.nodes[n.iri], -n.distance) for n in found.nodes if n.distance < 0]
    below.sort(key=lambda b: (b.steps, b.node.province or "", b.node.label_vi))
    return tuple(below), False


def _docs(index: Index, ids: Iterable[str]) -> tuple[m.VNode, ...]:
    nodes = {index.site.nodes[i] for i in ids if i in index.site.nodes}
    return tuple(sorted(nodes, key=lambda n: (n.province or "", n.label_vi, n.id)))


# --- tasks ----------------------------------------------------------------------------------------------


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading digit runs as numbers, so task t2 comes before t10."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def _tasks_of(index: Index, docs: list[str]) -> list[str]:
    """Tasks of ``docs``, document by document, each in text order."""
    return [
        t
        for d in docs
        for t in sorted((e.source for e in index.inc.get(d, ()) if e.relation == "taskOf"), key=_natural)
    ]


def _rows(r: Reading, tasks: list[str], agency: str | None = None) -> tuple[TaskRow, ...]:
    nodes = r.index.site.nodes
    return tuple(_row(r, i, t, agency) for i, t in enumerate(tasks, 1) if t in nodes)


def _row(r: Reading, number: int, task: str, agency: str | None) -> TaskRow:
    index, site = r.index, r.index.site
    node = site.nodes[task]
    parties = [
        _party(site, e) for e in sorted(index.inc.get(task, ()), key=_role_order) if e.relation in DUTY
    ]
    doc = next((e.target for e in index.out.get(task, ()) if e.relation == "taskOf"), None)
    return TaskRow(
        number=number,
        text=_fact(node, "task") or node.label_vi,
        document=site.nodes.get(doc or ""),
        role=tuple(p for p in parties if p.agency.id == agency),
        lead=tuple(p.agency for p in parties if p.role == "lead" and p.agency.id != agency),
        # on an agency's page the lead is one of its partners; elsewhere the lead has its own column
        partners=tuple(p for p in parties if p.agency.id != agency and (agency or p.role != "lead")),
        deadline=_deadline(index, node),
        quotes=_quotes(site, node.evidence, r.texts),
    )


def _role_order(e: m.VEdge) -> tuple[int, str, str]:
    return (DUTY.index(e.relation) if e.relation in DUTY else len(DUTY), e.relation, e.source)


def _party(site: m.SiteGraph, e: m.VEdge) -> Party:
    vi, en = site.kind_labels.get(e.relation, (e.relation, e.relation))
    return Party(site.nodes[e.source], e.relation, vi, en)


def _deadline(index: Index, task: m.VNode) -> m.Fact | None:
    """The task's deadline; else the deadlines its assignments give, once each (both languages kept)."""
    own = next((f for f in task.facts if f.key == "deadline"), None)
    if own:
        return own
    found = list(dict.fromkeys(f for e in index.inc.get(task.id, ()) for f in e.facts if f.key == "deadline"))
    if not found:
        return None
    return m.Fact(
        "deadline",
        "; ".join(dict.fromkeys(f.vi for f in found)),
        "; ".join(dict.fromkeys(f.en for f in found)),
        any(f.original for f in found),
    )


def _quotes(site: m.SiteGraph, evidence: Iterable[m.Evidence], texts: Mapping[str, str]) -> tuple[Quote, ...]:
    return tuple(dict.fromkeys(quote_link(site, ev, texts) for ev in evidence))


def quote_link(site: m.SiteGraph, ev: m.Evidence, texts: Mapping[str, str]) -> Quote:
    """The quote and the link to its source page, highlighted (offsets re-found when the text moved)."""
    text = texts.get(ev.source)
    source = site.sources.get(ev.source)
    if text is None or source is None:
        return Quote(ev.quote, None)
    start = ev.start if text[ev.start : ev.end] == ev.quote else text.find(ev.quote)
    if start < 0:
        return Quote(ev.quote, None)
    return Quote(ev.quote, f"{source.page}#q={start}-{start + len(ev.quote)}")
