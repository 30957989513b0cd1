"""The routed layout as Chromium draws it (issue 12): every node fits in the box the layout kept edges out of,
the routed edges are drawn through their bends, and the seed graph's lineage page is kept as a screenshot
(tests/artifacts/viz_lineage_layered.png)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_seed import seed_store
from kg.analysis.convert import to_networkx
from kg.present.views import build_site, write_site
from kg.present.views.read import site_graph
from kg.present.views.views import Index, lineage_view, province_view, sizes
from viz_browser import Watched

pytestmark = pytest.mark.browser

DRAWN = """() => { const net = kgViz.network;
  return Object.fromEntries(net.body.nodeIndices.map(id => { const b = net.getBoundingBox(id);
    return [id, [b.left, b.top, b.right, b.bottom]]; })); }"""


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-site")
    write_site(build_site(site_graph(to_networkx(seed_store())), {}), out)
    return out


def _fits(page: Watched, view_nodes: dict[str, tuple[float, float, float, float]]) -> list[str]:
    """Nodes Chromium draws outside the box the layout gave them (1 px of rounding allowed)."""
    drawn = page.page.evaluate(DRAWN)
    too_big = []
    for node, (left, top, right, bottom) in view_nodes.items():
        d = drawn[node]
        if d[0] < left - 1 or d[1] < top - 1 or d[2] > right + 1 or d[3] > bottom + 1:
            kept = [round(v) for v in (left, top, right, bottom)]
            too_big.append(f"{node}: drawn {[round(v) for v in d]}, kept {kept}")
    return too_big


def test_seed_lineage_is_drawn_inside_its_boxes_with_routed_edges(
    offline_page: Watched, seed_dir: Path
) -> None:
    site = site_graph(to_networkx(seed_store()))
    view = lineage_view(Index.of(site))
    size = sizes(view.nodes, view.focus)
    boxes = {n.id: size[n.id].box(*view.positions[n.id]) for n in view.nodes}
    page = offline_page
    page.open((seed_dir / "lineage.html").as_uri())
    assert _fits(page, boxes) == []
    waypoints = page.page.evaluate(
        "() => kgViz.network.body.nodeIndices.filter(id => id.includes('~')).length"
    )
    assert waypoints == sum(len(r) for r in view.routes) > 0  # the bends are drawn, one waypoint each
    page.shot("viz_lineage_layered")
    assert page.errors == [] and page.blocked == []


def test_a_province_page_is_drawn_inside_its_boxes(offline_page: Watched, seed_dir: Path) -> None:
    site = site_graph(to_networkx(seed_store()))
    province = next(n for n in site.nodes.values() if n.kind == "Province" and n.label_vi == "Lâm Đồng")
    view = province_view(Index.of(site), province.id)
    size = sizes(view.nodes, view.focus)
    boxes = {n.id: size[n.id].box(*view.positions[n.id]) for n in view.nodes}
    page = offline_page
    page.open((seed_dir / str(province.page)).as_uri())
    assert _fits(page, boxes) == []
    page.shot("viz_province_layered")
    assert page.errors == [] and page.blocked == []
