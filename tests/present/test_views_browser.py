"""The views in a real browser (headless Chromium from file://): no console errors, no network, search,
details with the source quote, language toggle, escaping of document text, and a graph over the node budget.

Screenshots go to tests/artifacts/viz_*.png.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.namespaces import ID
from kg.present.views import build_site, read_site_graph, write_site
from viz_browser import Watched
from viz_fixtures import big_graph, small_graph

pytestmark = pytest.mark.browser

SKHCN_A1 = str(ID["agency/tinh-a1/so-khoa-hoc-va-cong-nghe"])
SKHCN_B2 = str(ID["agency/tinh-b2/so-khoa-hoc-va-cong-nghe"])
TASK = str(ID["task/tinh-a1/t2"])
CRAFTED_DOC = str(ID["doc/ubnd-tinh-b2/2024/102-kh-ubnd"])


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small fixture graph (with a crafted document full of HTML) written as a site."""
    g, texts = small_graph(crafted=True)
    site = read_site_graph(g)
    out = tmp_path_factory.mktemp("site")
    write_site(build_site(site, {s.id: texts[s.file_name] for s in site.sources.values()}), out)
    return out


@pytest.fixture(scope="module")
def big_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("big")
    write_site(build_site(read_site_graph(big_graph(provinces=70)), {}), out)
    return out


def _clean(page: Watched) -> None:
    assert page.blocked == [], f"requests left the page: {page.blocked}"
    assert page.errors == [], f"console errors: {page.errors}"


def test_every_page_opens_offline_without_errors(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    pages = sorted(site_dir.glob("**/*.html"))
    assert len(pages) > 10
    for html in pages:
        page.open(html.as_uri())
    _clean(page)


def test_search_without_diacritics_finds_and_highlights_the_agency(
    offline_page: Watched, site_dir: Path
) -> None:
    page = offline_page
    page.open((site_dir / "responsibilities.html").as_uri())
    for query in ("so khoa hoc", "Sở KH&CN"):
        page.page.fill("#search", query)
        results = page.page.locator("#search-results li").all_inner_texts()
        assert any("Sở Khoa học và Công nghệ" in r for r in results), (query, results)
        highlighted = page.page.evaluate("kgViz.highlighted()")
        assert {SKHCN_A1, SKHCN_B2} <= set(highlighted), query
    page.shot("viz_search")
    _clean(page)


def _click_node(page: Watched, node: str) -> None:
    box = page.page.locator("#graph canvas").bounding_box()
    pos = page.page.evaluate("id => kgViz.canvasPosition(id)", node)
    page.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def test_click_on_a_task_shows_its_source_quote(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    page.open((site_dir / "responsibilities.html").as_uri())
    page.page.evaluate("id => kgViz.focusOn([id])", TASK)
    _click_node(page, TASK)
    details = page.page.locator("#details")
    details.wait_for(state="visible")
    quote = page.page.locator("#details mark").first.inner_text()
    assert quote == "Nhiệm vụ 2 của Tỉnh Ánh Dương: tổ chức tuyên truyền, phổ biến kết quả khoa học số 2"
    assert "Năm 2024-2025" in details.inner_text()  # the deadline is in the panel too
    page.shot("viz_task_details")
    page.page.locator("#details a.source-link").first.click()  # the quote highlighted in the source page
    page.page.wait_for_selector("#source-text mark")
    assert page.page.locator("#source-text mark").inner_text() == quote
    page.shot("viz_source_highlight")
    _clean(page)


def test_language_toggle_switches_labels(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    page.open((site_dir / "lineage.html").as_uri())
    doc = str(ID["doc/ubnd-tinh-a1/2024/101-kh-ubnd"])
    assert page.page.evaluate("id => kgViz.labelOf(id)", doc) == "101/KH-UBND (Ánh Dương)"
    page.page.click("#lang-toggle")
    assert page.page.evaluate("kgViz.lang()") == "en"
    # a document number stays as issued, accents and all
    assert page.page.evaluate("id => kgViz.labelOf(id)", doc) == "101/KH-UBND (Ánh Dương)"
    assert "Lineage" in page.page.locator("header nav").inner_text()
    page.shot("viz_english")
    page.page.click("#lang-toggle")
    assert page.page.evaluate("id => kgViz.labelOf(id)", doc) == "101/KH-UBND (Ánh Dương)"
    page.open((site_dir / "responsibilities.html").as_uri())
    page.page.click("#lang-toggle")  # an agency takes its English name, with its province
    # drawn on past "Department of Science and…" until it differs from the other province's department
    english = "Department of Science and Technology (Tỉnh Ánh…"
    assert page.page.evaluate("id => kgViz.labelOf(id)", SKHCN_A1) == english
    page.page.click("#lang-toggle")
    _clean(page)


def test_html_in_a_document_renders_as_text(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    doc_page = next((site_dir / "doc").glob("*102-kh-ubnd.html"))
    page.open(doc_page.as_uri())
    _click_node(page, CRAFTED_DOC)
    page.page.locator("#details").wait_for(state="visible")
    body = page.page.locator("#details-body")
    assert "<script>window.__pwned=1</script>" in body.inner_text()
    assert page.page.locator("#details-body script, #details-body img, #details-body b").count() == 0
    for node in page.page.evaluate("kgViz.network.body.nodeIndices"):  # hover every node: tooltips too
        pos = page.page.evaluate("id => kgViz.canvasPosition(id)", node)
        box = page.page.locator("#graph canvas").bounding_box()
        page.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
    page.page.wait_for_timeout(300)
    page.shot("viz_crafted_document")
    source = next((site_dir / "sources").glob("*.html"), None)
    for src in sorted((site_dir / "sources").glob("*.html")):
        page.open(src.as_uri())
        if "__pwned=4" in page.page.locator("#source-text").inner_text():
            source = src
    assert source is not None
    assert page.page.locator("#source-text script").count() == 0
    assert page.page.evaluate("window.__pwned") is None
    _clean(page)


def test_graph_over_the_budget_opens_clustered(offline_page: Watched, big_dir: Path) -> None:
    page = offline_page
    page.open((big_dir / "responsibilities.html").as_uri())
    drawn = page.page.evaluate("kgViz.network.body.nodeIndices.length")
    assert 0 < drawn <= 1500
    assert "vượt ngưỡng" in page.page.locator("#budget-note").inner_text()
    page.shot("viz_big_clustered")
    page.open((big_dir / "lineage.html").as_uri())
    page.open(next((big_dir / "province").glob("*.html")).as_uri())
    _clean(page)


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built by `kg build` into a temporary folder, then drawn by `kg viz`."""
    out = tmp_path_factory.mktemp("seed")
    kg = Path(sys.executable).with_name("kg")
    build = subprocess.run(
        [kg, "build", "--out-dir", out, "--store", out / "store"], capture_output=True, text=True
    )
    if build.returncode != 0:
        pytest.fail(f"kg build failed: {build.stderr[-2000:]}")
    viz = subprocess.run(
        [kg, "viz", "--data", out / "kg.ttl", "--out", out / "vis"], capture_output=True, text=True
    )
    assert viz.returncode == 0, viz.stderr
    return out / "vis"


def test_seed_graph_pages_search_and_quotes(offline_page: Watched, seed_dir: Path) -> None:
    page = offline_page
    page.open((seed_dir / "index.html").as_uri())
    assert page.page.locator("#chains > li").count() > 0
    for kind in ("doc", "agency", "province"):
        for html in sorted((seed_dir / kind).glob("*.html"))[:3]:
            page.open(html.as_uri())
    page.open((seed_dir / "responsibilities.html").as_uri())
    page.page.fill("#search", "so khoa hoc")
    results = page.page.locator("#search-results li").all_inner_texts()
    assert any("Sở Khoa học và Công nghệ" in r for r in results), results
    page.page.fill("#search", "Sở KH&CN")
    assert page.page.evaluate("kgViz.highlighted().length") > 0
    page.shot("viz_seed_search")
    task = page.page.evaluate("kgViz.network.body.nodeIndices.find(id => id.includes('/task/'))")
    page.page.evaluate("id => kgViz.focusOn([id])", task)
    _click_node(page, task)
    page.page.locator("#details mark").first.wait_for(state="visible")
    quote = page.page.locator("#details mark").first.inner_text()
    page.page.locator("#details a.source-link").first.click()
    page.page.wait_for_selector("#source-text mark")
    assert page.page.locator("#source-text mark").inner_text() == quote
    page.shot("viz_seed_source")
    _clean(page)


def test_pages_open_readable_at_first_sight(offline_page: Watched, seed_dir: Path) -> None:
    """At 1400×1000 every whole-graph and province page opens at a zoom where 14 px labels stay ≥ 11 px."""
    page = offline_page
    page.page.set_viewport_size({"width": 1400, "height": 1000})
    pages = ["lineage.html", "responsibilities.html", *sorted(p.relative_to(seed_dir).as_posix()
             for p in (seed_dir / "province").glob("*.html"))]  # fmt: skip
    for rel in pages:
        page.open((seed_dir / rel).as_uri())
        assert page.page.evaluate("kgViz.scale()") >= 0.79, rel
        page.shot("viz_first_sight_" + rel.replace("/", "_").removesuffix(".html"))
    _clean(page)


def test_search_works_from_the_keyboard(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    page.open((site_dir / "responsibilities.html").as_uri())
    page.page.focus("#search")
    page.page.keyboard.type("so khoa hoc")
    page.page.keyboard.press("Enter")  # opens the first match
    page.page.locator("#details").wait_for(state="visible")
    assert "Sở Khoa học và Công nghệ" in page.page.locator("#details-body h2").inner_text()
    page.page.focus("#search")
    page.page.keyboard.press("ArrowDown")  # walks into the result list
    focused = page.page.evaluate("document.activeElement.className")
    assert "result" in focused
    page.page.keyboard.press("ArrowDown")
    page.page.keyboard.press("Enter")  # a focused result opens like a click
    page.shot("viz_keyboard_search")
    page.page.keyboard.press("Escape")
    page.page.keyboard.press("Escape")  # back in the box, then the details close
    assert page.page.locator("#details").is_hidden()
    _clean(page)


def test_english_toggle_covers_the_page_chrome(offline_page: Watched, site_dir: Path) -> None:
    page = offline_page
    page.open((site_dir / "index.html").as_uri())
    page.page.click("#lang-toggle")
    assert page.page.title().startswith("Policy knowledge graph")
    assert "The chains at a glance" in page.page.locator("main").inner_text()
    page.open((site_dir / "lineage.html").as_uri())  # the choice is remembered across pages
    assert page.page.evaluate("kgViz.lang()") == "en"
    assert page.page.title().startswith("Policy lineage")
    side = page.page.locator(".side").inner_text()
    assert "Filters" in side and "Legend" in side and "Bộ lọc" not in side
    assert page.page.get_attribute("#details-close", "aria-label") == "Close"
    page.shot("viz_english_chrome")
    page.page.click("#lang-toggle")
    _clean(page)


def test_chain_strips_show_their_labels_whole(offline_page: Watched, seed_dir: Path) -> None:
    """The index's chain boxes were clipped by CSS ("Chiến lược quốc gia phát tri…", the VI mark hidden in
    English): each box shows its label whole, wrapping if it must (issue 12)."""
    page = offline_page
    page.open((seed_dir / "index.html").as_uri())
    clipped = page.page.evaluate(
        "[...document.querySelectorAll('#chain-map .chip')]"
        ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)"
    )
    assert page.page.locator("#chain-map .chip").count() > 5
    assert clipped == []
    _clean(page)


CUT_AT_EDGE = """() => {
  const net = kgViz.network, out = [];
  for (const id of net.body.nodeIndices) {
    const b = net.getBoundingBox(id);
    const tl = net.canvasToDOM({x: b.left, y: b.top}), br = net.canvasToDOM({x: b.right, y: b.bottom});
    if ((tl.x < 0 && br.x > 0) || (tl.y < 0 && br.y > 0)) { out.push(id); }
  }
  return out;
}"""


def test_a_page_too_big_to_fit_opens_with_no_node_cut_at_its_top_left(
    offline_page: Watched, seed_dir: Path
) -> None:
    """lineage.html at 1440×900 opened at the readable zoom with its leftmost box cut by the canvas edge
    ("Đ-UBND (Bắc Kạn)"): the first view counted node centres, not their widths (issue 12)."""
    page = offline_page
    page.page.set_viewport_size({"width": 1440, "height": 900})
    page.open((seed_dir / "lineage.html").as_uri())
    page.page.wait_for_timeout(200)
    assert page.page.evaluate(CUT_AT_EDGE) == []
    _clean(page)
