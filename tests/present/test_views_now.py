"""The "now" column of the views' task tables: the body holding a changed agency's work today, with the legal
basis, beside the name as written (issue 13); drawn from the seed graph."""

from __future__ import annotations

import pytest

from graph_seed import seed_store
from kg.analysis.convert import to_networkx
from kg.present.views import model as m
from kg.present.views.pages import graph_payload
from kg.present.views.read import site_graph
from kg.present.views.views import Index, document_view

WRITTEN = "Sở Thông tin và Truyền thông"
TODAY = "Sở Khoa học và Công nghệ (Lâm Đồng)"
BASIS = "Nghị định 45/2025/NĐ-CP"


@pytest.fixture(scope="module")
def site() -> m.SiteGraph:
    return site_graph(to_networkx(seed_store()))


def _facts(node: m.VNode, key: str) -> list[m.Fact]:
    return [f for f in node.facts if f.key == key]


def test_a_lam_dong_task_says_who_holds_it_now_and_keeps_the_name_as_written(site: m.SiteGraph) -> None:
    plan = next(n for n in site.nodes.values() if n.label_vi.startswith("4655/KH-UBND"))
    tasks = [e.source for e in site.edges if e.relation == "taskOf" and e.target == plan.id]
    nows = [f.vi for t in tasks for f in _facts(site.nodes[t], "now")]
    assert any(f.startswith(f"{WRITTEN} → {TODAY} — {BASIS}") for f in nows), nows
    roles = [f.vi for t in tasks for f in _facts(site.nodes[t], "role")]
    assert any(WRITTEN in r for r in roles) and not any(TODAY in r for r in roles)
    page = graph_payload(document_view(Index.of(site), plan.id), site, {})
    shown = [f for n in page["nodes"] for f in n["facts"] if f[0] == "now"]
    assert any(TODAY in f[1] and BASIS in f[1] for f in shown)


def test_a_task_of_an_unchanged_body_has_no_now_row(site: m.SiteGraph) -> None:
    tasks = [n for n in site.nodes.values() if n.kind == m.TASK]
    assert any(not _facts(n, "now") for n in tasks)
    assert all(" → " in f.vi and " — " in f.vi for n in tasks for f in _facts(n, "now"))


def test_the_now_row_in_english_names_the_body_in_english_and_cites_the_basis_verbatim(
    site: m.SiteGraph,
) -> None:
    nows = [f.en for n in site.nodes.values() for f in _facts(n, "now")]
    assert any(f"→ Department of Science and Technology (Lâm Đồng) — {BASIS}" in f for f in nows), nows[:3]


def test_views_as_of_a_date_before_the_changes_have_no_now_rows() -> None:
    before = site_graph(to_networkx(seed_store()), as_of="2025-02-01")
    assert not any(_facts(n, "now") for n in before.nodes.values())
    march = site_graph(to_networkx(seed_store()), as_of="2025-04-01")
    nows = [f.vi for n in march.nodes.values() for f in _facts(n, "now")]
    # Lâm Đồng's departments merged on 1/3/2025; Nam Định went into Ninh Bình only on 1/7/2025
    assert any(f.startswith(f"{WRITTEN} → {TODAY}") for f in nows)
    assert not any("(Ninh Bình)" in f for f in nows)
