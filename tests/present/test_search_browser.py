"""Search and English on the seed site, as a reader gets them: `kg build`, `kg report` and `kg viz` into a
temporary folder, pages opened in headless Chromium from file:// (tests/viz_browser.py).

The page's ranking (viz.js) is compared with kg.present.views.search.ranked on the same queries and the
same nodes; the English output is checked for Vietnamese stripped of its accents.
Screenshots go to tests/artifacts/search_*.png.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.namespaces import ID
from kg.present.views import read_site_graph
from kg.present.views.load import load_graph
from kg.present.views.search import entry_of, ranked
from kg.present.views.search_index import index_entries
from kg.text.strings import fold
from viz_browser import Watched

SKHCN_LAM_DONG = str(ID["agency/lam-dong/so-khoa-hoc-va-cong-nghe"])
DOC_684 = "684/QĐ-UBND (Bắc Kạn)"

# (page, query typed, what the first result reads)
FIRST_HITS = [
    ("lineage.html", "ket luan 69", "69-KL/TW"),
    ("lineage.html", "nghi quyet 20", "20-NQ/TW"),
    ("lineage.html", "qd 2245", "2245/QĐ-TTg"),
    ("lineage.html", "quyet dinh 2245", "2245/QĐ-TTg"),
    ("responsibilities.html", "so khcn lam dong", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
    ("responsibilities.html", "Sở KH&CN Lâm Đồng", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
]
QUERIES = ["ket luan 69", "nghi quyet 20", "qd 2245", "so khcn", "so khcn lam dong", "lam dong",
           "so tai chinh", "ke hoach", "kh", "phoi hop", "20", "Sở KH&CN", "department of",
           "ubnd tinh"]  # fmt: skip

# Vietnamese with its accents stripped, as the English output used to show it (issue 12): none may appear.
STRIPPED = ["Dau tu", "Khoa hoc", "Cong nghe", "QD-UBND", "Lam Dong", "Bac Kan", "Nam Dinh", "Ninh Binh",
            "Uy ban nhan dan", "Tinh uy", "So Tai chinh", "Ke hoach", "Nghi quyet", "Ket luan", "Quyet dinh",
            "nhiem vu", "Thuong xuyen", "Hang nam", "phoi hop", "chu tri", "trien khai"]  # fmt: skip


def _kg(*args: Any) -> None:
    kg = Path(sys.executable).with_name("kg")
    done = subprocess.run([kg, *map(str, args)], capture_output=True, text=True)
    assert done.returncode == 0, f"kg {args[0]} failed: {done.stderr[-2000:]}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built, reported on and drawn: the folder holding kg.ttl and vis/ (with report.html)."""
    out = tmp_path_factory.mktemp("seed-search")
    _kg("build", "--out-dir", out, "--store", out / "store")
    _kg("report", "--data", out / "kg.ttl", "--out", out / "vis" / "report.html")
    _kg("viz", "--data", out / "kg.ttl", "--out", out / "vis")
    return out


def _payload(html: Path) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html.read_text(), re.S)
    assert found, html
    return dict(json.loads(found.group(1)))


def _type(page: Watched, query: str) -> list[str]:
    """Type ``query`` into the search box as a reader does; the result list's texts, best first."""
    page.page.fill("#search", "")
    page.page.focus("#search")
    page.page.keyboard.type(query)
    return list(page.page.locator("#search-results li button.result").all_inner_texts())


@pytest.mark.browser
@pytest.mark.parametrize(("html", "query", "first"), FIRST_HITS)
def test_typed_query_lists_its_target_first(
    offline_page: Watched, built: Path, html: str, query: str, first: str
) -> None:
    page = offline_page
    page.open((built / "vis" / html).as_uri())
    results = _type(page, query)
    assert results and results[0] == first, (query, results[:5])
    assert len(results) == len(set(results)), results  # one entry per node, told apart by province
    page.shot("search_" + re.sub(r"\W+", "_", fold(query)))
    assert page.errors == [] and page.blocked == []


@pytest.mark.browser
def test_page_ranking_is_the_python_ranking(offline_page: Watched, built: Path) -> None:
    site = read_site_graph(load_graph(built / "kg.ttl"))
    page = offline_page
    for html in ("lineage.html", "responsibilities.html"):
        ids = [n["id"] for n in _payload(built / "vis" / html)["nodes"]]
        entries = [entry_of(site.nodes[i]) for i in ids]
        page.open((built / "vis" / html).as_uri())
        for query in QUERIES:
            in_page = [i for i, _ in page.page.evaluate("q => kgViz.ranked(q)", query)]
            assert in_page == [e.id for e in ranked(query, entries)], (html, query)
    assert page.errors == [] and page.blocked == []


@pytest.mark.browser
def test_english_names_agencies_and_keeps_numbers_and_texts_verbatim(
    offline_page: Watched, built: Path
) -> None:
    page = offline_page
    page.open((built / "vis" / "lineage.html").as_uri())
    doc = next(n["id"] for n in _payload(built / "vis" / "lineage.html")["nodes"] if n["full_vi"] == DOC_684)
    page.page.click("#lang-toggle")
    assert page.page.evaluate("kgViz.lang()") == "en"
    assert page.page.evaluate("id => kgViz.labelOf(id)", doc) == DOC_684  # the number as issued
    fields = page.page.locator("#filter-field option").all_inner_texts()
    assert "Health" in fields and "Y tế" not in fields  # the field filter in English too
    page.open((built / "vis" / "responsibilities.html").as_uri())  # the choice carries over
    results = _type(page, "so khcn lam dong")
    assert results[0] == "Department of Science and Technology (Lâm Đồng)"
    page.page.keyboard.press("Enter")  # opens the first hit's details
    page.page.locator("#details").wait_for(state="visible")
    assert page.page.locator("#details-body h2").inner_text() == results[0]
    task = page.page.evaluate("kgViz.network.body.nodeIndices.find(id => id.includes('/task/'))")
    page.page.evaluate("id => kgViz.focusOn([id])", task)
    box = page.page.locator("#graph canvas").bounding_box()
    pos = page.page.evaluate("id => kgViz.canvasPosition(id)", task)
    page.page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    body = page.page.locator("#details-body")
    body.locator("h2").wait_for(state="visible")
    # the task's text stays Vietnamese, marked as the original language
    assert body.locator("h2").get_attribute("lang") == "vi"
    assert body.locator("h2 abbr.orig").inner_text() == "VI"
    assert body.locator('td[lang="vi"] abbr.orig').count() >= 1
    assert body.locator('blockquote[lang="vi"]').count() >= 1
    page.shot("search_english_details")
    page.open((built / "vis" / "index.html").as_uri())  # the index marks its Vietnamese names too
    link = page.page.locator('#chains a[href*="69-kl-tw"]').first
    assert (link.inner_text(), link.get_attribute("lang")) == ("69-KL/TW", "vi")
    assert page.page.evaluate("e => getComputedStyle(e, '::after').content", link.element_handle()) == '"VI"'
    assert page.errors == [] and page.blocked == []


def _english_strings(built: Path) -> Iterator[tuple[str, str]]:
    """(Vietnamese, English) of every label, fact and page text the site and the report give both of."""
    for html in sorted((built / "vis").glob("**/*.html")):
        text = html.read_text(encoding="utf-8")
        yield from re.findall(r'data-vi="([^"]*)" data-en="([^"]*)"', text)
        if 'id="kg-data"' in text:
            data = _payload(html)
            for n in data["nodes"]:
                yield n["full_vi"], n["full_en"]
                yield n["label_vi"], n["label_en"]
            for item in [*data["nodes"], *data["edges"]]:
                yield from ((f[1], f[2]) for f in item["facts"])
            yield from ((k["vi"], k["en"]) for k in [*data["kinds"].values(), *data["relations"].values()])


def test_no_vietnamese_stripped_of_its_accents_in_english(built: Path) -> None:
    pairs = list(_english_strings(built))
    assert len(pairs) > 1000
    stripped = [(vi, en) for vi, en in pairs if en != vi and fold(en) == fold(vi)]
    assert stripped == [], stripped[:5]  # English is English or the Vietnamese verbatim, never in between
    english = "\n".join(en for _, en in pairs)
    assert [s for s in STRIPPED if s in english] == []


@pytest.mark.browser
def test_report_toggle_switches_page_text_and_names(offline_page: Watched, built: Path) -> None:
    page = offline_page
    page.page.goto((built / "vis" / "report.html").as_uri())  # no graph: no kgViz to wait for
    page.page.wait_for_function("window.kgReport !== undefined")
    h1, workload = (
        page.page.locator("h1"),
        page.page.locator("#workload + img + img + table, #workload + table"),
    )
    assert page.page.evaluate("kgReport.lang()") == "en"
    assert h1.inner_text() == "Policy lineage and responsibility"
    assert "Department of Science and Technology" in workload.inner_text()
    assert "Lâm Đồng" in workload.inner_text()  # a province keeps its Vietnamese name
    number = page.page.locator('#depth ~ table span.vi-original[lang="vi"]').first
    assert "/" in number.inner_text()  # a document number, as issued
    mark = page.page.evaluate("e => getComputedStyle(e, '::after').content", number.element_handle())
    assert mark == '"VI"'  # the original-language mark in English mode
    plots = page.page.locator("#workload + img[data-plot-lang]")
    assert plots.get_attribute("data-plot-lang") == "en" and plots.is_visible()  # the plot drawn in English
    assert page.page.locator('#workload + img + img[data-plot-lang="vi"]').is_hidden()
    page.shot("search_report_en")
    page.page.click("#lang-toggle")
    assert plots.is_hidden() and page.page.locator('#workload + img + img[data-plot-lang="vi"]').is_visible()
    assert page.page.evaluate("document.documentElement.lang") == "vi"
    assert h1.inner_text() == "Dòng chảy chính sách và trách nhiệm thực hiện"
    assert "Sở Khoa học và Công nghệ" in workload.inner_text()
    assert "Department of" not in workload.inner_text()
    assert (
        page.page.evaluate("e => getComputedStyle(e, '::after').content", number.element_handle()) == "none"
    )
    page.shot("search_report_vi")
    page.open((built / "vis" / "lineage.html").as_uri())  # one choice for the report and the views
    assert page.page.evaluate("kgViz.lang()") == "vi"
    assert page.errors == [] and page.blocked == []


def _site_links(page: Watched, query: str) -> list[tuple[str, str]]:
    """Type ``query``; the "on other pages" links listed, as (text, href), best first."""
    page.page.fill("#search", "")
    page.page.focus("#search")
    page.page.keyboard.type(query)
    links = page.page.locator("#search-results li a.result")
    return [
        (links.nth(i).inner_text(), links.nth(i).get_attribute("href") or "") for i in range(links.count())
    ]


@pytest.mark.browser
@pytest.mark.parametrize("html", ["lineage.html", "index.html", "doc/central--2012--20-nq-tw.html"])
def test_a_search_finds_what_the_page_does_not_draw(offline_page: Watched, built: Path, html: str) -> None:
    """The lineage page draws no agency and the index draws nothing: "so khcn lam dong" still lists the
    agency first, as a link to its page, and Enter opens it."""
    page = offline_page
    page.open((built / "vis" / html).as_uri())
    links = _site_links(page, "so khcn lam dong")
    assert links and links[0][0] == "Sở Khoa học và Công nghệ (Lâm Đồng)", links[:3]
    target = (built / "vis" / html).parent / links[0][1]
    assert target.resolve() == (built / "vis" / "agency" / "lam-dong--so-khoa-hoc-va-cong-nghe.html")
    page.shot("search_site_" + re.sub(r"\W+", "_", html))
    if not page.page.locator("#search-results li button.result").count():  # nothing on the page matched
        page.page.focus("#search")
        page.page.keyboard.press("Enter")
        page.page.wait_for_url("**/agency/lam-dong--so-khoa-hoc-va-cong-nghe.html")
    assert page.errors == [] and page.blocked == []


@pytest.mark.browser
def test_site_ranking_is_the_python_ranking(offline_page: Watched, built: Path) -> None:
    site = read_site_graph(load_graph(built / "kg.ttl"))
    entries = [entry_of(site.nodes[e["id"]]) for e in index_entries(site)]
    page = offline_page
    page.open((built / "vis" / "index.html").as_uri())
    for query in QUERIES:
        in_page = [i for i, _ in page.page.evaluate("q => kgViz.siteRanked(q)", query)]
        assert in_page == [e.id for e in ranked(query, entries)], query
    assert page.errors == [] and page.blocked == []
