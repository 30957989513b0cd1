"""Geometry of the computed layout (issue 12): no edge drawn through a node that is not one of its ends, no
two nodes drawn on top of each other, documents in rows by tier (central party at the top).

Checked on the views of the seed graph (the real pipeline's output) and of generated graphs: random DAGs of
documents across the seven tiers with skip-level and same-tier edges, plans with tasks and agencies. Boxes are
what the page draws (kg.present.views.boxes: label width in either language × the shape's height); an edge is
the polyline the page draws: its source, the bends of its route, its target.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from itertools import combinations, pairwise

import pytest

from graph_seed import seed_store
from kg.analysis.convert import to_networkx
from kg.present.views import model as m
from kg.present.views import route
from kg.present.views.boxes import Size
from kg.present.views.read import site_graph
from kg.present.views.views import (
    Index,
    View,
    agency_view,
    document_view,
    is_document,
    lineage_view,
    province_view,
    responsibilities_view,
    sizes,
)

Box = tuple[float, float, float, float]
TIERS = 7  # central party, central state, ministry, provincial party, provincial state, department, district


def crosses(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """Whether the segment a-b runs through the inside of ``box`` (touching its border does not count):
    Liang-Barsky clipping against the box shrunk by half a pixel."""
    left, top, right, bottom = box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5
    dx, dy = b[0] - a[0], b[1] - a[1]
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return lo < hi


@pytest.mark.parametrize(
    ("a", "b", "hit"),
    [
        ((0, 0), (100, 0), True),  # straight through
        ((0, -20), (100, -20), False),  # above
        ((0, -5), (50, -5), True),  # starts inside
        ((0, -10), (50, -10), False),  # along the border
        ((-50, 0), (-10, 0), False),  # stops short
        ((-20, -20), (20, 20), True),  # diagonal through a corner region
        ((-30, 0), (0, -30), False),  # cuts past the corner outside
    ],
)
def test_crossing_check_itself(a: tuple[int, int], b: tuple[int, int], hit: bool) -> None:
    assert crosses(a, b, (-10.0, -10.0, 10.0, 10.0)) is hit


def drawn_lines(view: View) -> Iterator[tuple[m.VEdge, list[tuple[int, int]]]]:
    """Each edge with the polyline the page draws for it."""
    for i, edge in enumerate(view.edges):
        bends = view.routes[i] if view.routes else ()
        yield edge, [view.positions[edge.source], *bends, view.positions[edge.target]]


def problems(view: View) -> list[str]:
    """Every edge through a node, every pair of overlapping nodes, every document above a higher tier."""
    size = sizes(view.nodes, view.focus)
    box = {n.id: size[n.id].box(*view.positions[n.id]) for n in view.nodes}
    name = {n.id: n.label_vi for n in view.nodes}
    found = []
    for edge, line in drawn_lines(view):
        for a, b in pairwise(line):
            for node, rect in box.items():
                if node not in (edge.source, edge.target) and crosses(a, b, rect):
                    edge_name = f"{name[edge.source]} → {name[edge.target]}"
                    found.append(f"{view.name}: {edge_name} through {name[node]}")
    for p, q in combinations(sorted(box), 2):
        (l1, t1, r1, b1), (l2, t2, r2, b2) = box[p], box[q]
        if l1 < r2 and l2 < r1 and t1 < b2 and t2 < b1:
            found.append(f"{view.name}: {name[p]} overlaps {name[q]}")
    return found + tier_order(view)


def tier_order(view: View) -> list[str]:
    """Documents of the tier rows (not the plan blocks below them) whose row is above a higher tier's."""
    docs = [n for n in view.nodes if is_document(n) and n.tier is not None and n.id in view.layered]
    found = []
    for a, b in combinations(docs, 2):
        upper, lower = (a, b) if a.tier < b.tier else (b, a)  # type: ignore[operator]
        if upper.tier != lower.tier and view.positions[upper.id][1] >= view.positions[lower.id][1]:
            found.append(f"{view.name}: {upper.label_vi} (tier {upper.tier}) not above {lower.label_vi}")
    return found


def every_view(site: m.SiteGraph) -> Iterator[View]:
    index = Index.of(site)
    yield lineage_view(index)
    yield responsibilities_view(index)
    for node in site.nodes.values():
        if is_document(node):
            yield document_view(index, node.id)
        elif node.kind == m.PROVINCE:
            yield province_view(index, node.id)
        elif node.kind == m.AGENCY:
            yield agency_view(index, node.id)


@pytest.fixture(scope="module")
def seed_site() -> m.SiteGraph:
    return site_graph(to_networkx(seed_store()))


def test_seed_lineage_has_no_edge_through_a_node(seed_site: m.SiteGraph) -> None:
    view = lineage_view(Index.of(seed_site))
    assert len(view.nodes) > 30 and len(view.edges) > 15  # the real lineage, not an empty drawing
    assert problems(view) == []


def test_seed_pages_have_no_edge_through_a_node(seed_site: m.SiteGraph) -> None:
    found = [p for view in every_view(seed_site) for p in problems(view)]
    assert found == []


def test_seed_lineage_has_the_seven_tiers_from_the_issuers(seed_site: m.SiteGraph) -> None:
    tier = {n.label_vi: n.tier for n in seed_site.nodes.values() if is_document(n)}
    assert tier["20-NQ/TW"] == tier["69-KL/TW"] == 0  # Ban Chấp hành Trung ương, Bộ Chính trị
    assert tier["2245/QĐ-TTg"] == 1  # Thủ tướng Chính phủ
    assert tier["101-KH/TU (Lâm Đồng)"] == 3  # provincial party committee
    assert tier["4655/KH-UBND (Lâm Đồng)"] == 4  # provincial people's committee
    assert tier["19/TTr-SKHCN (Bắc Kạn)"] == 5  # a department (Sở Khoa học và Công nghệ)


def random_site(seed: int, docs: int = 36) -> m.SiteGraph:
    """Documents spread over the seven tiers (provincial ones in three provinces) with lineage edges up any
    number of tiers and within a tier (cycles included), plans with tasks and agencies leading them."""
    rng = random.Random(seed)
    provinces = [f"urn:province:{i}" for i in range(3)]
    nodes = {p: m.VNode(p, m.PROVINCE, f"Tỉnh {p[-1]}", f"Province {p[-1]}", province=p) for p in provinces}
    for i in range(docs):
        tier = rng.randrange(TIERS)
        province = rng.choice(provinces) if tier >= 3 else None
        label = f"{rng.randrange(1, 99999)}/{rng.choice(['KH-UBND', 'NQ/TW', 'QĐ-TTg', 'KH/TU'])}"
        label += rng.choice(["", " (Lâm Đồng)", " về phát triển khoa học và công nghệ"])
        kind = rng.choice(["Plan", "Resolution", "Decision", "Conclusion"])
        doc = f"urn:doc:{i:02}"
        nodes[doc] = m.VNode(doc, kind, label, label, province=province, tier=tier)
    ids = sorted(nodes)[:docs]
    edges = set()
    for a in ids:
        above = [b for b in ids if b != a and nodes[b].tier <= nodes[a].tier]  # type: ignore[operator]
        for b in rng.sample(above, min(len(above), rng.randrange(0, 4))):
            edges.add(m.VEdge(a, b, rng.choice(["implements", "basedOn"])))
            if rng.random() < 0.1:  # both relations between the same two documents
                edges.add(m.VEdge(a, b, "basedOn"))
    edges |= _duties(rng, nodes, [d for d in ids if nodes[d].tier >= 3])  # type: ignore[operator]
    ordered = tuple(sorted(edges, key=lambda e: (e.source, e.relation, e.target)))
    return m.SiteGraph(dict(sorted(nodes.items())), ordered)


def _duties(rng: random.Random, nodes: dict[str, m.VNode], plans: list[str]) -> set[m.VEdge]:
    """Tasks of some plans, and agencies leading or coordinating tasks of one or more plans."""
    edges = set()
    tasks = []
    for plan in plans[: len(plans) // 2]:
        for j in range(rng.randrange(1, 6)):
            task = f"urn:task:{plan[-2:]}:{j}"
            nodes[task] = m.VNode(task, m.TASK, f"Nhiệm vụ {j} của kế hoạch", f"Task {j}", tier=None)
            edges.add(m.VEdge(task, plan, "taskOf"))
            tasks.append(task)
    for k in range(6):
        agency = f"urn:agency:{k}"
        nodes[agency] = m.VNode(agency, m.AGENCY, f"Sở số {k} của tỉnh", f"Department {k}")
        for task in rng.sample(tasks, min(len(tasks), rng.randrange(1, 5))):
            edges.add(m.VEdge(agency, task, rng.choice(["lead", "coordinate"])))
        if plans and rng.random() < 0.5:
            edges.add(m.VEdge(rng.choice(plans), agency, "issuedBy"))
    return edges


@pytest.mark.parametrize("seed", range(6))
def test_generated_graphs_have_no_edge_through_a_node(seed: int) -> None:
    site = random_site(seed)
    views = list(every_view(site))
    assert any(len(v.edges) > 10 for v in views)
    assert [p for view in views for p in problems(view)] == []


def test_a_segment_is_clear_exactly_when_it_misses_every_box_but_its_ends() -> None:
    """The grid finds boxes near a segment by the cells it passes (issue 15); what it says must be what
    testing every box says, for short and long, level, upright and slanted segments, on cell borders too."""
    rng = random.Random(15)
    pos = {f"n{i}": (rng.randrange(-3000, 3000), rng.randrange(-3000, 3000)) for i in range(300)}
    size = {n: Size(rng.randrange(20, 300), rng.randrange(5, 40), rng.randrange(5, 40)) for n in pos}
    boxes = route.Boxes(pos, size)
    corners = [(x, y) for x in (-512.0, 0.0, 256.0, 768.0) for y in (-256.0, 0.0, 512.0)]
    seen = set()
    for _ in range(3000):
        a = (
            rng.choice(corners)
            if rng.random() < 0.2
            else (rng.uniform(-3500, 3500), rng.uniform(-3500, 3500))
        )
        reach = rng.choice((300, 7000))  # short lines, and lines across the page
        dx, dy = rng.uniform(-reach, reach), rng.uniform(-reach, reach)
        b = rng.choice(((a[0] + dx, a[1]), (a[0], a[1] + dy), (a[0] + dx, a[1] + dy)))
        ends = tuple(rng.sample(sorted(pos), 2))
        every = not any(n not in ends and route.hits(a, b, r) for n, r in boxes.rect.items())
        assert boxes.clear(a, b, ends) is every, (a, b)
        seen.add(every)
    assert seen == {True, False}
