"""The views: which nodes and edges each page draws, where they sit, and what happens above the node budget.

Pure functions of the SiteGraph. A view above ``NODE_BUDGET`` nodes is clustered (whole-graph views: one node
per province, linking to the province's page) or focused (pages about one thing: nearest neighbours first,
the rest summed up in a "+N" node), so the browser never gets thousands of nodes at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kg.present.views import layout
from kg.present.views import model as m
from kg.present.views.boxes import Size, node_size
from kg.present.views.style import DOC_KINDS, cluster_size, drawn_labels, node_style
from kg.present.views.tiers import MINISTRY, PROVINCIAL_PARTY

NODE_BUDGET = 1500
# Most edge slots (an edge passing a row of the tree: a waypoint on the page) a drawn lineage may need;
# above it the lineage is grouped by province like a view over the node budget.
SLOT_BUDGET = 20000
UNKNOWN_TIER = 7  # below the seven tiers (kg.present.views.tiers): documents whose issuer says nothing
LINEAGE = ("implements", "basedOn")
DUTY = ("lead", "coordinate", "standingBody", "reportsTo", "funds")  # roles of an agency on a task


Routes = tuple[tuple[layout.Point, ...], ...]


@dataclass(frozen=True)
class View:
    """One drawable graph: nodes, edges, positions, and a note when it was clustered or cut."""

    name: str  # "lineage", "responsibilities", "doc", "agency", "province"
    title_vi: str
    title_en: str
    nodes: tuple[m.VNode, ...]
    edges: tuple[m.VEdge, ...]
    positions: layout.Pos
    focus: str | None = None
    note_vi: str | None = None
    note_en: str | None = None
    routes: Routes = ()  # per edge, the bends it is drawn through (none: a straight line)
    layered: frozenset[str] = frozenset()  # nodes in the tier rows (the rest: plan blocks below them)


@dataclass
class Index:
    """Incident edges per node, built once per site so the per-page views stay linear."""

    site: m.SiteGraph
    out: dict[str, list[m.VEdge]] = field(default_factory=dict)
    inc: dict[str, list[m.VEdge]] = field(default_factory=dict)
    # document → its tasks: a central document has thousands of incident edges, read for every page
    # showing it (issue 15)
    tasks: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, site: m.SiteGraph) -> Index:
        """Index the edges of ``site`` by source and by target."""
        index = cls(site)
        for e in site.edges:
            index.out.setdefault(e.source, []).append(e)
            index.inc.setdefault(e.target, []).append(e)
            if e.relation == "taskOf":
                index.tasks.setdefault(e.target, []).append(e.source)
        return index

    def neighbours(self, node: str, relations: Iterable[str]) -> list[str]:
        """Nodes one edge away along ``relations`` (either direction), sorted, without repeats."""
        rels = set(relations)
        found = {e.target for e in self.out.get(node, ()) if e.relation in rels}
        found |= {e.source for e in self.inc.get(node, ()) if e.relation in rels}
        found.discard(node)
        return sorted(found, key=lambda n: _order(self.site.nodes[n]))

    def edges_among(self, nodes: Iterable[str]) -> tuple[m.VEdge, ...]:
        """Every edge whose both ends are in ``nodes``."""
        keep = set(nodes)
        return tuple(e for n in sorted(keep) for e in self.out.get(n, ()) if e.target in keep)


def is_document(node: m.VNode) -> bool:
    """A node drawn as a document (any document class)."""
    return node.kind in DOC_KINDS


def _order(node: m.VNode) -> tuple[str, str, str]:
    return (node.province or "", node.label_vi, node.id)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key reading digit runs as numbers, so task t2 comes before t10."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", text) if p)


def sizes(nodes: Iterable[m.VNode], focus: str | None = None) -> dict[str, Size]:
    """How big each node is drawn (label in either language, shape, the focused node in bold)."""
    out = {}
    nodes = list(nodes)
    drawn = drawn_labels(nodes)
    for n in nodes:
        style = node_style(n.kind)
        radius = cluster_size(n.members) if n.kind == m.CLUSTER else style.size
        out[n.id] = node_size(drawn[n.id], style.shape, radius, n.id == focus)
    return out


def _tier(node: m.VNode) -> int:
    return UNKNOWN_TIER if node.tier is None else node.tier


def _links(edges: Iterable[m.VEdge]) -> list[tuple[str, str]]:
    return [(e.source, e.target) for e in edges]


# --- whole-graph views ----------------------------------------------------------------------------------


def lineage_view(index: Index, budget: int = NODE_BUDGET) -> View:
    """Documents and their implements/basedOn edges, in rows by level (central party at the top)."""
    titles = ("Dòng chảy văn bản", "Policy lineage")
    docs = sorted((n for n in index.site.nodes.values() if is_document(n)), key=_order)
    ids = [n.id for n in docs]
    edges = tuple(e for e in index.edges_among(ids) if e.relation in LINEAGE) if len(docs) <= budget else ()
    tiers, size = {n.id: _tier(n) for n in docs}, sizes(docs)
    if len(docs) > budget or layout.slots(tiers, size, _links(edges)) > SLOT_BUDGET:
        return _clustered(index, "lineage", titles, docs, LINEAGE, keep=lambda n: _tier(n) <= MINISTRY)
    nodes = tuple(index.site.nodes[i] for i in sorted(ids))
    placed = layout.place(tiers, [], size, _links(edges))
    return View("lineage", *titles, nodes, edges, placed.pos, routes=placed.bends, layered=placed.layered)


def responsibilities_view(index: Index, budget: int = NODE_BUDGET) -> View:
    """Agencies, the tasks they lead or coordinate, and the plans the tasks belong to; one block per plan."""
    titles = ("Trách nhiệm thực hiện", "Responsibilities")
    blocks = _plan_blocks(index, [n.id for n in index.site.nodes.values() if is_document(n)])
    ids = [i for plan, tasks, agencies in blocks for i in (plan, *tasks, *agencies)]
    if len(ids) > budget:
        members = sorted((index.site.nodes[i] for i in set(ids)), key=_order)
        return _clustered(index, "responsibilities", titles, members, (*DUTY, "taskOf"), keep=lambda n: False)
    nodes = tuple(index.site.nodes[i] for i in sorted(set(ids)))
    edges = tuple(e for e in index.edges_among(ids) if e.relation in (*DUTY, "taskOf"))
    placed = layout.place({}, blocks, sizes(nodes), _links(edges))
    return View(
        "responsibilities", *titles, nodes, edges, placed.pos, routes=placed.bends, layered=placed.layered
    )


def _plan_blocks(
    index: Index, docs: Iterable[str], within: set[str] | None = None
) -> list[tuple[str, list[str], list[str]]]:
    """(plan, its tasks in text order, the agencies placed with it, level with their tasks).

    Each agency goes with the plan it has most tasks in; ``within`` limits tasks and agencies to a set.
    """
    blocks: list[tuple[str, list[str], list[str]]] = []
    home: dict[str, tuple[int, str]] = {}
    held: dict[str, list[str]] = {}
    for doc in sorted(docs, key=lambda d: _order(index.site.nodes[d])):
        found = set(index.tasks.get(doc, ()))
        tasks = sorted((t for t in found if within is None or t in within), key=_natural)
        if not tasks:
            continue
        blocks.append((doc, tasks, []))
        counts: dict[str, int] = {}
        for t in tasks:
            for agency in index.neighbours(t, DUTY):
                if within is None or agency in within:
                    counts[agency] = counts.get(agency, 0) + 1
                    held.setdefault(agency, []).append(t)
        for agency, n in counts.items():
            if agency not in home or n > home[agency][0]:
                home[agency] = (n, doc)
    placed: dict[str, list[str]] = {}
    for agency, (_, doc) in sorted(home.items()):
        placed.setdefault(doc, []).append(agency)
    return [(d, t, layout.order_agencies(t, placed.get(d, []), held)) for d, t, _ in blocks]


def _clustered(
    index: Index,
    name: str,
    titles: tuple[str, str],
    members: Sequence[m.VNode],
    relations: Sequence[str],
    keep: Callable[[m.VNode], bool],
) -> View:
    """One node per province (those ``keep`` selects stay themselves), edges summed between clusters."""
    site = index.site
    kept = [n for n in members if keep(n)]
    groups: dict[str, list[m.VNode]] = {}
    for n in members:
        if not keep(n):
            groups.setdefault(n.province or "", []).append(n)
    clusters = {key: _cluster_node(site, key, group) for key, group in sorted(groups.items())}
    where = {n.id: clusters[n.province or ""].id for group in groups.values() for n in group}
    where.update({n.id: n.id for n in kept})
    edges = _aggregate(index, where, relations)
    nodes = tuple(sorted([*kept, *clusters.values()], key=lambda n: n.id))
    tiers = {n.id: _tier(n) for n in nodes}
    note = (
        f"{len(members)} nút vượt ngưỡng vẽ từng nút ({NODE_BUDGET} nút, hoặc quá nhiều đường nối): "
        "gộp theo tỉnh; bấm một cụm để mở trang của tỉnh.",
        f"{len(members)} nodes exceed the budget for drawing one by one ({NODE_BUDGET} nodes, or too many "
        "edge bends): grouped by province; click a cluster to open its province page.",
    )
    placed = layout.place(tiers, [], sizes(nodes), _links(edges))
    return View(name, *titles, nodes, edges, placed.pos, None, note[0], note[1], placed.bends, placed.layered)


def _cluster_node(site: m.SiteGraph, province: str, group: Sequence[m.VNode]) -> m.VNode:
    prov = site.nodes.get(province)
    name_vi, name_en = (prov.label_vi, prov.label_en) if prov else ("Không rõ tỉnh", "No province")
    counts: dict[str, int] = {}
    for n in group:
        counts[n.kind] = counts.get(n.kind, 0) + 1
    parts = sorted(counts.items())
    facts = tuple(m.Fact("count", f"{site.kind_labels.get(k, (k, k))[0]}: {c}",
                         f"{site.kind_labels.get(k, (k, k))[1]}: {c}") for k, c in parts)  # fmt: skip
    return m.VNode(
        id=f"cluster:{province or 'none'}",
        kind=m.CLUSTER,
        label_vi=f"{name_vi} ({len(group)})",
        label_en=f"{name_en} ({len(group)})",
        facts=facts,
        province=province or None,
        search=tuple(
            sorted(
                {k for n in group if n.kind == m.PROVINCE for k in n.search}
                | set(prov.search if prov else ())
            )
        ),
        page=prov.page if prov else None,
        tier=PROVINCIAL_PARTY,  # a province's documents: drawn below the central ones
        members=len(group),
    )


def _aggregate(index: Index, where: dict[str, str], relations: Sequence[str]) -> tuple[m.VEdge, ...]:
    counts: dict[tuple[str, str], int] = {}
    for e in index.site.edges:
        a, b = where.get(e.source), where.get(e.target)
        if a and b and a != b and e.relation in relations:
            counts[(a, b)] = counts.get((a, b), 0) + 1
    return tuple(
        m.VEdge(a, b, "aggregate", (m.Fact("count", str(c), str(c)),)) for (a, b), c in sorted(counts.items())
    )


# --- pages about one thing ------------------------------------------------------------------------------


def document_view(index: Index, doc: str, budget: int = NODE_BUDGET) -> View:
    """A document, its lineage neighbours, issuer and tasks; then the rest of its implementation chain up
    and down (what `kg trace` prints: 20-NQ/TW's page draws the provincial plans that carry out 69-KL/TW);
    then the agencies answering for its tasks."""
    first = index.neighbours(doc, (*LINEAGE, "issuedBy", "taskOf"))
    tasks = [t for t in first if index.site.nodes[t].kind == m.TASK]
    chain = [d for d in implementation_chain(index, doc) if d not in set(first)]
    second = sorted({a for t in tasks for a in index.neighbours(t, DUTY)} - set(first) - {doc})
    return _ego(index, "doc", doc, [first, chain, second], budget, drop=("answersFor",))


def implementation_chain(index: Index, doc: str) -> list[str]:
    """Every document ``doc`` carries out, directly or not, and every one carrying it out, nearest first
    (breadth first each way; ties in the views' order). Only implements edges: a citation is not a chain.

    >>> e = [m.VEdge("p", "k", "implements"), m.VEdge("k", "r", "implements"), m.VEdge("q", "p", "basedOn")]
    >>> nodes = {i: m.VNode(i, "Plan", i, i) for i in "pkrq"}
    >>> implementation_chain(Index.of(m.SiteGraph(nodes, tuple(e))), "r")
    ['k', 'p']
    """
    found: dict[str, int] = {}
    for step in (
        lambda n: [e.target for e in index.out.get(n, ()) if e.relation == "implements"],
        lambda n: [e.source for e in index.inc.get(n, ()) if e.relation == "implements"],
    ):
        ring, depth = [doc], 0
        while ring:
            depth += 1
            ring = sorted({x for n in ring for x in step(n)} - found.keys() - {doc})
            found.update((x, depth) for x in ring)
    return sorted(found, key=lambda d: (found[d], _order(index.site.nodes[d])))


def agency_view(index: Index, agency: str, budget: int = NODE_BUDGET) -> View:
    """An agency, the tasks it leads or coordinates, documents it issued or answers for; then their plans."""
    first = index.neighbours(agency, (*DUTY, "issuedBy", "answersFor"))
    tasks = [t for t in first if index.site.nodes[t].kind == m.TASK]
    second = sorted({d for t in tasks for d in index.neighbours(t, ("taskOf",))} - set(first) - {agency})
    return _ego(index, "agency", agency, [first, second], budget)


def _ego(
    index: Index, name: str, focus: str, rings: list[list[str]], budget: int, drop: Sequence[str] = ()
) -> View:
    """``focus`` and its neighbours ring by ring, cut to the budget: what does not fit is counted in one
    "+N" node per ring (nearest ring first). Edges of the ``drop`` relations are left out (inferred
    shortcuts that would hide the stated edges)."""
    site = index.site
    room = budget - 1
    kept_rings: list[list[str]] = []
    extra: list[m.VNode] = []
    for ring in rings:
        take = ring[: max(room - 1, 0)] if len(ring) > room else ring
        if len(take) < len(ring):
            more = len(ring) - len(take)
            extra.append(m.VNode(f"more:{focus}:{len(kept_rings)}", m.MORE, f"+{more}", f"+{more}"))
            take = [*take, extra[-1].id]
        room -= len(take)
        kept_rings.append(take)
    ids = [focus, *(i for r in kept_rings for i in r if not i.startswith("more:"))]
    node = site.nodes[focus]
    nodes = tuple(sorted([*(site.nodes[i] for i in ids), *extra], key=lambda n: n.id))
    note = _cut_note(sum(map(len, rings)), len(nodes) - 1) if extra else (None, None)
    edges = tuple(e for e in index.edges_among(ids) if e.relation not in drop)
    placed = stacked(index, focus, nodes, edges)
    return View(name, node.label_vi, node.label_en, nodes, edges, placed.pos, focus, note[0], note[1],
                placed.bends, placed.layered)  # fmt: skip


def stacked(
    index: Index, focus: str | None, nodes: Sequence[m.VNode], edges: Sequence[m.VEdge]
) -> layout.Placement:
    """Layout of a page about one thing: documents (and lone agencies) as a tree by tier on top, then one
    block per plan below (its agencies | its tasks | the plan), so every label has a line of its own.

    An agency with no task on the page heads it; "+N" summary nodes close the rows.
    """
    ids = {n.id for n in nodes}
    docs = [n.id for n in nodes if is_document(n)]
    blocks = _plan_blocks(index, docs, within=ids)  # a focused agency joins the agency column
    in_blocks = {i for plan, tasks, agencies in blocks for i in (plan, *tasks, *agencies)}
    focus_tier = _tier(index.site.nodes[focus]) if focus in index.site.nodes else UNKNOWN_TIER
    tiers: dict[str, int] = {}
    for n in sorted(nodes, key=_order):
        if n.id in in_blocks:
            continue
        if is_document(n):
            tiers[n.id] = _tier(n)
        elif n.kind == m.MORE:
            tiers[n.id] = UNKNOWN_TIER + 1
        else:  # the focused agency on top; an issuer beside the documents of its focus's level
            tiers[n.id] = -1 if n.id == focus else focus_tier
    return layout.place(tiers, blocks, sizes(nodes, focus), _links(edges))


def _cut_note(total: int, shown: int) -> tuple[str, str]:
    return (
        f"Hiển thị {shown} trong {total} nút lân cận (ngưỡng {NODE_BUDGET}).",
        f"Showing {shown} of {total} neighbouring nodes (budget {NODE_BUDGET}).",
    )


def province_view(index: Index, province: str, budget: int = NODE_BUDGET) -> View:
    """A province's documents, what they implement, their tasks and agencies; tasks dropped over budget."""
    site = index.site
    node = site.nodes[province]
    own = [n.id for n in site.nodes.values() if is_document(n) and n.province == province]
    above = sorted({t for d in own for t in index.neighbours(d, LINEAGE)} - set(own))
    docs = sorted(set(own) | set(above), key=lambda d: _order(site.nodes[d]))
    ids = [*docs, *(i for p, t, a in _plan_blocks(index, own) for i in (*t, *a))]
    note: tuple[str | None, str | None] = (None, None)
    if len(ids) > budget:  # focus: documents only, tasks and agencies are on the documents' own pages
        ids = docs[:budget]
        note = _cut_note(len(docs), len(ids))
    nodes = tuple(sorted((site.nodes[i] for i in set(ids)), key=lambda n: n.id))
    # Stated edges only: inferred answersFor and issuer links would bury the chain under long lines.
    edges = tuple(e for e in index.edges_among(ids) if e.relation not in ("answersFor", "issuedBy"))
    placed = stacked(index, None, nodes, edges)
    return View("province", node.label_vi, node.label_en, nodes, edges, placed.pos, province, note[0],
                note[1], placed.bends, placed.layered)  # fmt: skip
