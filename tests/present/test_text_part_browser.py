"""The tasks table of the text part in a real browser (headless Chromium from file://): a click on a column
heading sorts the rows, a second click reverses them, and the page stays offline and error-free."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.namespaces import ID
from kg.present.views import build_site, read_site_graph, write_site
from viz_browser import Watched
from viz_fixtures import small_graph

pytestmark = pytest.mark.browser

PLAN = str(ID["doc/ubnd-tinh-a1/2024/101-kh-ubnd"])


@pytest.fixture(scope="module")
def plan_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    g, texts = small_graph()
    site = read_site_graph(g)
    out = tmp_path_factory.mktemp("text-part")
    write_site(build_site(site, {s.id: texts[s.file_name] for s in site.sources.values()}), out)
    return out / (site.nodes[PLAN].page or "")


def _column(page: Watched, n: int) -> list[str]:
    return page.page.locator(f"#tasks tbody tr > :nth-child({n})").all_inner_texts()


def test_clicking_a_column_heading_sorts_the_tasks(offline_page: Watched, plan_page: Path) -> None:
    page = offline_page
    page.open(plan_page.as_uri())
    assert _column(page, 1) == ["1", "2", "3"]  # text order
    task = page.page.locator('#tasks th[data-col="task"] button')
    task.click()
    assert [t[:11] for t in _column(page, 2)] == ["Nhiệm vụ 1 ", "Nhiệm vụ 2 ", "Nhiệm vụ 3 "]
    task.click()  # again: the other way round
    assert _column(page, 1) == ["3", "2", "1"]
    assert page.page.get_attribute('#tasks th[data-col="task"]', "aria-sort") == "descending"
    page.page.locator('#tasks th[data-col="deadline"] button').click()
    assert _column(page, 5)[0] == "Năm 2024-2025"  # the one task with a deadline first, empty cells last
    assert page.page.get_attribute('#tasks th[data-col="task"]', "aria-sort") is None
    page.page.locator('#tasks th[data-col="number"] button').click()
    assert _column(page, 1) == ["1", "2", "3"]
    page.shot("viz_tasks_sorted")
    assert page.blocked == [] and page.errors == []


def test_text_part_prints_without_the_graph_and_keeps_task_text_in_english_mode(
    offline_page: Watched, plan_page: Path
) -> None:
    page = offline_page
    page.open(plan_page.as_uri())
    page.page.emulate_media(media="print")
    assert page.page.locator("#graph").is_hidden() and page.page.locator("#tasks").is_visible()
    page.page.emulate_media(media="screen")
    task = page.page.locator("#tasks tbody tr:first-child > :nth-child(2)").inner_text()
    page.page.click("#lang-toggle")
    assert page.page.locator('#tasks th[data-col="task"]').inner_text() == "Task"
    assert page.page.locator("#tasks tbody tr:first-child > :nth-child(2)").inner_text() == task  # verbatim
    assert "Date" in page.page.locator("#about").inner_text()
    page.page.click("#lang-toggle")
    assert page.blocked == [] and page.errors == []
