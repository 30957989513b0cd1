"""The chains for the landing page and the province pages: central directive → province → implementing
documents.

Both come from kg.analysis.chains, the function `kg status` lists its chains with, over the same stated
``implements`` edges: the index's strips are exactly the chains `kg status` prints (leaves: documents read in
full that nothing implements), a province page's are the chains down to each of its own documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.analysis.chains import implementation_chains
from kg.present.views import model as m
from kg.present.views.views import Index, is_document


@dataclass(frozen=True)
class Chain:
    """A root directive and, per province, the paths of documents that implement it (head excluded)."""

    head: m.VNode
    provinces: tuple[tuple[m.VNode | None, tuple[tuple[m.VNode, ...], ...]], ...]


def implements_pairs(index: Index) -> list[tuple[str, str]]:
    """(a, b) for every stated "a implements b" of the site."""
    return [(e.source, e.target) for e in index.site.edges if e.relation == "implements"]


def chain_iris(index: Index) -> list[tuple[str, ...]]:
    """The chains `kg status` lists (IRIs, root first): down to each document read in full that nothing
    implements."""
    pairs = implements_pairs(index)
    implemented = {b for _, b in pairs}
    leaves = [
        n.id
        for n in index.site.nodes.values()
        if is_document(n) and not n.cited_only and n.id not in implemented
    ]
    return implementation_chains(pairs, leaves)


def chains(index: Index) -> list[Chain]:
    """The index's strips: ``chain_iris`` grouped by root, then by the province of the last document."""
    return _grouped(index.site, chain_iris(index))


def province_chains(
    index: Index, province: str, pairs: Sequence[tuple[str, str]] | None = None
) -> list[Chain]:
    """A province page's chains: from each root down to each document of the province that no other
    document of the province implements (``pairs``: ``implements_pairs(index)``, when already at hand)."""
    site = index.site
    own = {n.id for n in site.nodes.values() if is_document(n) and n.province == province}
    pairs = implements_pairs(index) if pairs is None else pairs
    inner = {b for a, b in pairs if a in own and b in own}
    return _grouped(site, implementation_chains(pairs, own - inner))


def _grouped(site: m.SiteGraph, found: list[tuple[str, ...]]) -> list[Chain]:
    by_head: dict[str, list[tuple[str, ...]]] = {}
    for chain in found:
        by_head.setdefault(chain[0], []).append(chain[1:])
    out = [Chain(site.nodes[h], _by_province(site, sorted(paths))) for h, paths in by_head.items()]
    return sorted(out, key=lambda c: (-sum(len(p) for _, p in c.provinces), c.head.label_vi))


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
