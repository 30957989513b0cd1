"""The chains at a glance for the landing page: central directive → province → implementing documents."""

from __future__ import annotations

from dataclasses import dataclass

from kg.present.views import model as m
from kg.present.views.views import Index, is_document

CENTRAL_TIERS = (0, 1)


@dataclass(frozen=True)
class Chain:
    """A central directive and, per province, the paths of documents that implement it (head excluded)."""

    head: m.VNode
    provinces: tuple[tuple[m.VNode | None, tuple[tuple[m.VNode, ...], ...]], ...]


def chains(index: Index) -> list[Chain]:
    """One chain per central directive that nothing central above it is implemented by, with implementers."""
    site = index.site
    out = []
    for head in site.nodes.values():
        if not is_document(head) or head.tier not in CENTRAL_TIERS or _implements_central(index, head.id):
            continue
        paths = _paths_down(index, head.id)
        if paths:
            out.append(Chain(head, _by_province(site, paths)))
    return sorted(out, key=lambda c: (-sum(len(p) for _, p in c.provinces), c.head.label_vi))


def _implements_central(index: Index, doc: str) -> bool:
    targets = (index.site.nodes[e.target] for e in index.out.get(doc, ()) if e.relation == "implements")
    return any(t.tier in CENTRAL_TIERS for t in targets)


def _paths_down(index: Index, head: str) -> list[tuple[str, ...]]:
    """Paths head → ... → leaf along reversed implements edges (breadth first, each document once)."""
    parent: dict[str, str] = {}
    frontier, seen = [head], {head}
    while frontier:
        nxt = []
        for doc in frontier:
            for e in sorted(index.inc.get(doc, ()), key=lambda e: e.source):
                if e.relation == "implements" and e.source not in seen:
                    seen.add(e.source)
                    parent[e.source] = doc
                    nxt.append(e.source)
        frontier = nxt
    leaves = sorted(d for d in parent if d not in set(parent.values()))
    return [_path(parent, head, leaf) for leaf in leaves]


def _path(parent: dict[str, str], head: str, leaf: str) -> tuple[str, ...]:
    path = [leaf]
    while path[-1] != head:
        path.append(parent[path[-1]])
    return tuple(reversed(path[:-1]))


def _by_province(
    site: m.SiteGraph, paths: list[tuple[str, ...]]
) -> tuple[tuple[m.VNode | None, tuple[tuple[m.VNode, ...], ...]], ...]:
    """Paths grouped by the province of their last document; provinces by name, no province last."""
    groups: dict[str, list[tuple[m.VNode, ...]]] = {}
    for path in paths:
        groups.setdefault(site.nodes[path[-1]].province or "", []).append(tuple(site.nodes[d] for d in path))
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "", _name(site, kv[0])))
    return tuple((site.nodes.get(p), tuple(ps)) for p, ps in ordered)


def _name(site: m.SiteGraph, province: str) -> str:
    node = site.nodes.get(province)
    return node.label_vi if node else ""
