"""Trace a document's lineage: up to the directives it carries out, down to every plan that carries it out.

An edge ``a → b`` of the lineage graph reads "a implements (or is based on) b", so "up" follows successors
and "down" follows predecessors. A cycle in the part of the graph a trace covers is a data error
(kg.errors.LineageCycle): the trace refuses it instead of walking round it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from kg.analysis.index import Quote
from kg.analysis.lookup import find_documents
from kg.analysis.successors import Holder
from kg.errors import LineageCycle
from kg.tabular import Tabular
from kg.text.strings import fold


@dataclass(frozen=True)
class DocNode:
    """A document on a trace, with the facts a reader needs to place it."""

    iri: str
    label: str
    identifier: str | None
    type: str | None
    level: str | None
    province: str | None
    date: str | None
    ingested: bool | None
    distance: int  # steps from the focus: > 0 above it (what it implements), < 0 below, 0 the focus


@dataclass(frozen=True)
class LineageLink:
    """One lineage edge with its relation(s) and the words that state it."""

    source: str
    target: str
    source_label: str
    target_label: str
    relation: str
    relations: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Group:
    """Documents of one level and province (province None for central bodies)."""

    level: str
    province: str | None
    documents: tuple[str, ...]  # labels


@dataclass(frozen=True)
class BodyNow:
    """A body a document on the trace names (its issuer, or an agency its tasks name) that the 2025
    reorganisation changed, with the body (or bodies) holding its work now. The name as written stays."""

    document: str
    document_label: str
    agency: str
    agency_label: str
    role: str  # "issuer" or "tasks"
    now: tuple[Holder, ...]

    def record(self) -> dict[str, Any]:
        """One flat row: the document, the body as written, the body now and the legal bases."""
        return {
            "document": self.document_label,
            "agency": self.agency_label,
            "role": self.role,
            "now": " | ".join(h.name for h in self.now),
            "now_basis": " | ".join(h.text() for h in self.now if h.steps),
            "document_iri": self.document,
            "agency_iri": self.agency,
        }


@dataclass(frozen=True)
class Trace(Tabular):
    """The lineage around one or more focus documents."""

    focus: tuple[str, ...]
    nodes: tuple[DocNode, ...]
    links: tuple[LineageLink, ...]
    roots: tuple[str, ...]  # documents above the focus that implement nothing further
    leaves: tuple[str, ...]  # documents below the focus that nothing implements
    groups: tuple[Group, ...]
    now: tuple[BodyNow, ...] = ()  # bodies the documents name that changed in 2025 (kg.analysis.trace_now)
    as_of: str | None = None  # the date ``now`` answers for (None: after every change known)

    def to_records(self) -> list[dict[str, Any]]:
        """One row per document on the trace (``distance`` > 0 above the focus, < 0 below, 0 the focus)."""
        return [asdict(node) for node in self.nodes]

    def link_records(self) -> list[dict[str, Any]]:
        """One row per lineage link, with the quotes that state it joined by " | "."""
        return [
            {
                "source": link.source,
                "source_label": link.source_label,
                "relation": link.relation,
                "target": link.target,
                "target_label": link.target_label,
                "quotes": " | ".join(q.text for q in link.quotes),
            }
            for link in self.links
        ]

    def now_records(self) -> list[dict[str, Any]]:
        """One row per body a document names that the reorganisation changed, with who holds it now."""
        return [b.record() for b in self.now]


def check_acyclic(graph: nx.DiGraph, nodes: set[str] | None = None) -> None:
    """Raise LineageCycle naming the documents on a cycle of ``graph`` (restricted to ``nodes``).

    >>> g = nx.DiGraph([("a", "b"), ("b", "a")])
    >>> check_acyclic(g)
    Traceback (most recent call last):
    ...
    kg.errors.LineageCycle: lineage cycle: a → b → a
    """
    view = graph.subgraph(nodes) if nodes is not None else graph
    try:
        cycle = nx.find_cycle(view)
    except nx.NetworkXNoCycle:
        return
    names = [_label(graph, u) for u, _ in cycle]
    raise LineageCycle([*names, names[0]])


def trace(lineage: nx.DiGraph, document: str) -> Trace:
    """The lineage of ``document`` (symbol, label or IRI) up to its roots and down to every leaf.

    >>> g = nx.DiGraph()
    >>> g.add_edge("plan", "conclusion", relation="implements", relations=["implements"], quotes=[])
    >>> g.add_edge("conclusion", "resolution", relation="implements", relations=["implements"], quotes=[])
    >>> for n in g: g.nodes[n].update(identifier=n, label=n)
    >>> t = trace(g, "conclusion")
    >>> t.roots, t.leaves, [(n.label, n.distance) for n in t.nodes]
    (('resolution',), ('plan',), [('resolution', 1), ('conclusion', 0), ('plan', -1)])
    """
    focus = find_documents(lineage, document)
    up = _distances(lineage, focus, reverse=False)
    down = _distances(lineage, focus, reverse=True)
    members = set(up) | set(down)
    check_acyclic(lineage, members)
    nodes = [_doc_node(lineage, n, up.get(n, 0) or -down.get(n, 0)) for n in members]
    nodes.sort(key=lambda d: (-d.distance, d.level or "", fold(d.province or ""), fold(d.label)))
    sub = lineage.subgraph(members)
    return Trace(
        focus=tuple(focus),
        nodes=tuple(nodes),
        links=tuple(make_link(lineage, u, v, d) for u, v, d in sorted(sub.edges(data=True))),
        roots=tuple(sorted(n for n in up if n not in focus and sub.out_degree(n) == 0)),
        leaves=tuple(sorted(n for n in down if n not in focus and sub.in_degree(n) == 0)),
        groups=_groups(nodes),
    )


def _distances(graph: nx.DiGraph, sources: list[str], reverse: bool) -> dict[str, int]:
    """Shortest number of steps from the focus, following edges up (or down when ``reverse``)."""
    view = graph.reverse(copy=False) if reverse else graph
    return dict(nx.multi_source_dijkstra_path_length(view, set(sources), weight=lambda *_: 1))


def _label(graph: nx.DiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def _doc_node(graph: nx.DiGraph, node: str, distance: int) -> DocNode:
    data: dict[str, Any] = graph.nodes[node]
    return DocNode(
        iri=node,
        label=_label(graph, node),
        identifier=data.get("identifier"),
        type=data.get("type"),
        level=data.get("level"),
        province=data.get("province_label"),
        date=data.get("date"),
        ingested=data.get("ingested"),
        distance=distance,
    )


def make_link(graph: nx.DiGraph, u: str, v: str, data: dict[str, Any]) -> LineageLink:
    """The lineage edge u → v of ``graph`` as a LineageLink."""
    return LineageLink(
        source=u,
        target=v,
        source_label=_label(graph, u),
        target_label=_label(graph, v),
        relation=data.get("relation", "implements"),
        relations=tuple(data.get("relations", [data.get("relation", "implements")])),
        quotes=tuple(data.get("quotes", ())),
    )


def _groups(nodes: list[DocNode]) -> tuple[Group, ...]:
    by_key: dict[tuple[str, str], list[str]] = {}
    for n in nodes:
        by_key.setdefault((n.level or "unknown", n.province or ""), []).append(n.label)
    keys = sorted(by_key, key=lambda k: (k[0], fold(k[1])))
    return tuple(Group(lvl, prov or None, tuple(sorted(by_key[lvl, prov], key=fold))) for lvl, prov in keys)


def children(result: Trace, node: str, upward: bool) -> list[LineageLink]:
    """Links leaving ``node`` on a trace: what it implements (``upward``) or what implements it."""
    if upward:
        return [link for link in result.links if link.source == node]
    return [link for link in result.links if link.target == node]
