"""Who holds it now: from a body as a text names it to the body (or bodies) holding its work on a date,
through the 2025 reorganisation's steps in the graph (``PolicyGraphs.successors``), each with its change
and legal basis. Names as written are never replaced (NOTES.md G6): the answer sits beside them."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from kg.analysis.convert import PolicyGraphs
from kg.text.strings import fold


@dataclass(frozen=True)
class ChangeStep:
    """One step: the body before and after, the day, and the changes (label, kind, legal bases)."""

    source: str
    source_label: str
    target: str
    target_label: str
    date: str | None
    changes: tuple[str, ...]  # change labels
    kinds: tuple[str, ...]
    bases: tuple[str, ...]  # legal bases, one line each


@dataclass(frozen=True)
class Holder:
    """The body holding a body's work on a date, and the steps that lead there (none: it is the body)."""

    agency: str
    label: str
    province: str | None
    steps: tuple[ChangeStep, ...]
    label_en: str | None = None  # the graph's English label of the body, when it has one

    @property
    def name(self) -> str:
        """The label with its province when the label does not say it: "Sở Y tế (Thái Nguyên)"."""
        return self._with_province(self.label)

    @property
    def name_en(self) -> str:
        """The English name with its province ("Department of Health (Thái Nguyên)"); the Vietnamese name
        when the graph has no English label (never an accent-stripped rewrite of it)."""
        return self._with_province(self.label_en) if self.label_en else self.name

    def _with_province(self, label: str) -> str:
        if self.province and fold(self.province) not in fold(label):
            return f"{label} ({self.province})"
        return label

    def text(self, lang: str = "vi") -> str:
        """The name and the legal bases of the steps: "Sở Y tế (Thái Nguyên) — Nghị quyết 202/2025/QH15 …";
        the name alone when nothing changed. ``lang="en"`` names the body in English; the legal bases stay
        as the texts cite them (numbers and titles of Vietnamese documents are not translated)."""
        name = self.name_en if lang == "en" else self.name
        bases = "; ".join(dict.fromkeys(b for s in self.steps for b in s.bases))
        return f"{name} — {bases}" if bases else name


def holders(graphs: PolicyGraphs, body: str, as_of: str | None = None) -> tuple[Holder, ...]:
    """The bodies holding ``body``'s work on ``as_of`` (ISO date; None: after every change the graph knows).

    >>> g = nx.DiGraph()
    >>> g.add_node("old", label="Sở TT&TT (Nam Định)"); g.add_node("mid", label="Sở KH&CN (Nam Định)")
    >>> g.add_node("new", label="Sở KH&CN (Ninh Bình)", province_label="Ninh Bình")
    >>> g.add_edge("old", "mid", date="2025-03-01", changes=[{"label": "a", "kind": "merger", "bases": []}])
    >>> g.add_edge("mid", "new", date="2025-07-01", changes=[{"label": "b", "kind": "merger", "bases": []}])
    >>> pg = PolicyGraphs(nx.DiGraph(), nx.DiGraph(), successors=g)
    >>> [h.label for h in holders(pg, "old")], [h.label for h in holders(pg, "old", "2025-05-01")]
    (['Sở KH&CN (Ninh Bình)'], ['Sở KH&CN (Nam Định)'])
    """
    found: list[Holder] = []
    _walk(graphs.successors, body, as_of, (), found)
    if not found:
        found.append(Holder(body, _label(graphs, body), _province(graphs, body), ()))
    found = [replace(h, label_en=_label_en(graphs, h.agency)) for h in found]
    return tuple(sorted(found, key=lambda h: fold(h.label)))


def _label_en(graphs: PolicyGraphs, node: str) -> str | None:
    names = graphs.names.get(node)
    return names.first("en") if names else None


def _walk(
    succ: nx.DiGraph, node: str, as_of: str | None, steps: tuple[ChangeStep, ...], out: list[Holder]
) -> None:
    nxt = [t for t in succ.successors(node) if _by(succ.edges[node, t], as_of)] if node in succ else []
    if not nxt:
        if steps:
            data = succ.nodes[node]
            out.append(Holder(node, str(data.get("label") or node), data.get("province_label"), steps))
        return
    for target in sorted(nxt):
        _walk(succ, target, as_of, (*steps, _step(succ, node, target)), out)


def _by(edge: dict[str, Any], as_of: str | None) -> bool:
    return as_of is None or (edge.get("date") or "") <= as_of


def _step(succ: nx.DiGraph, source: str, target: str) -> ChangeStep:
    edge = succ.edges[source, target]
    changes = edge.get("changes") or []
    return ChangeStep(
        source=source,
        source_label=str(succ.nodes[source].get("label") or source),
        target=target,
        target_label=str(succ.nodes[target].get("label") or target),
        date=edge.get("date"),
        changes=tuple(c["label"] for c in changes),
        kinds=tuple(sorted({c["kind"] for c in changes if c.get("kind")})),
        bases=tuple(dict.fromkeys(b for c in changes for b in c.get("bases", ()))),
    )


def inherited(graphs: PolicyGraphs, body: str, as_of: str | None = None) -> tuple[str, ...]:
    """``body`` and every body whose work it holds on ``as_of`` (its predecessors, however far back)."""
    succ = graphs.successors
    if body not in succ:
        return (body,)
    view = nx.subgraph_view(succ, filter_edge=lambda u, v: _by(succ.edges[u, v], as_of))
    return tuple(sorted({body} | nx.ancestors(view, body)))


def body_pool(graphs: PolicyGraphs) -> nx.DiGraph:
    """Every agency a question may name: those with tasks and those the reorganisation made."""
    pool = nx.DiGraph()
    for graph in (graphs.successors, graphs.responsibility):
        pool.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "agency")
    return pool


def _label(graphs: PolicyGraphs, node: str) -> str:
    for graph in (graphs.responsibility, graphs.successors):
        if node in graph and graph.nodes[node].get("label"):
            return str(graph.nodes[node]["label"])
    return node


def _province(graphs: PolicyGraphs, node: str) -> str | None:
    for graph in (graphs.responsibility, graphs.successors):
        if node in graph:
            return graph.nodes[node].get("province_label")
    return None
