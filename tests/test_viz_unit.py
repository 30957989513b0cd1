"""kg.viz without a browser: search keys, escaping, reading the graph, views, node budget, pages, CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from kg.namespaces import ID
from kg.viz import build_site, read_site_graph, write_site
from kg.viz.pages import safe_json
from kg.viz.search import matches, search_keys
from kg.viz.views import Index, agency_view, lineage_view, province_view, responsibilities_view
from viz_fixtures import big_graph, small_graph

KG = Path(sys.executable).with_name("kg")
SKHCN = search_keys(["Sở Khoa học và Công nghệ"], ["Sở KH&CN"])


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("so khoa hoc", True),  # typed without diacritics
        ("Sở KH&CN", True),  # the abbreviation as printed
        ("so kh&cn", True),
        ("SO KHCN", True),  # initialism without the ampersand
        ("Khoa học và Công nghệ", True),
        ("khoa hoc cong nghe", False),  # words must be contiguous: "và" is part of the name
        ("so tai chinh", False),
        ("", False),
    ],
)
def test_search_finds_agency_without_diacritics_or_by_abbreviation(query: str, found: bool) -> None:
    assert matches(query, SKHCN) is found


def test_safe_json_cannot_close_the_script_element() -> None:
    text = safe_json({"title": '</script><script>alert(1)</script> " onmouseover='})
    assert "<" not in text and ">" not in text
    assert json.loads(text)["title"].startswith("</script>")


@pytest.fixture(scope="module")
def small() -> tuple[Graph, dict[str, str]]:
    return small_graph(crafted=True)


def test_read_gives_labels_in_both_languages_with_fallback(small: tuple[Graph, dict[str, str]]) -> None:
    site = read_site_graph(small[0])
    ubnd = site.nodes[str(ID["agency/tinh-a1/ubnd-tinh"])]
    assert ubnd.label_vi == "Ủy ban nhân dân tỉnh ánh dương"
    assert ubnd.label_en == "Uy ban nhan dan tinh anh duong"  # no @en label: Vietnamese without diacritics
    sokh = site.nodes[str(ID["agency/tinh-a1/so-khoa-hoc-va-cong-nghe"])]
    assert sokh.label_en == "Department of Science and Technology"


def test_read_keeps_evidence_offsets_into_the_source(small: tuple[Graph, dict[str, str]]) -> None:
    g, texts = small
    site = read_site_graph(g)
    task = site.nodes[str(ID["task/tinh-a1/t2"])]
    (ev,) = task.evidence
    text = texts[site.sources[ev.source].file_name]
    assert text[ev.start : ev.end] == ev.quote
    assert ("deadline", "Năm 2024-2025") in [(f.key, f.vi) for f in task.facts]


def test_lineage_view_puts_central_documents_above_provincial_plans(
    small: tuple[Graph, dict[str, str]],
) -> None:
    view = lineage_view(Index.of(read_site_graph(small[0])))
    y = {n.label_vi: view.positions[n.id][1] for n in view.nodes}
    assert y["9-KL/TW"] < y["101/KH-UBND (Ánh Dương)"]
    assert y["8-NQ/TW"] <= y["9-KL/TW"]  # tier of an issuer-less directive comes from what implements it
    assert {e.relation for e in view.edges} == {"implements", "basedOn"}


@pytest.fixture(scope="module")
def big() -> Index:
    return Index.of(read_site_graph(big_graph(provinces=60)))


def test_big_graph_views_stay_within_the_node_budget(big: Index) -> None:
    assert len(big.site.nodes) > 3000
    for view in (lineage_view(big, 1500), responsibilities_view(big, 1500), lineage_view(big, 100)):
        assert len(view.nodes) <= 1500, view.name
        assert set(view.positions) >= {n.id for n in view.nodes}  # precomputed layout for every node
    clustered = responsibilities_view(big, 1500)
    assert clustered.note_en and "budget" in clustered.note_en
    assert any(n.id.startswith("cluster:") and n.page for n in clustered.nodes)  # clusters link to provinces
    assert len(lineage_view(big, 100).nodes) < 100


def test_focused_views_cut_at_the_budget_and_say_so(big: Index) -> None:
    agency = str(ID["agency/p0/a0"])
    view = agency_view(big, agency, budget=10)
    assert len(view.nodes) <= 10
    assert any(n.id.startswith("more:") for n in view.nodes)
    assert view.note_en and "Showing" in view.note_en
    province = province_view(big, str(ID["province/p0"]), budget=30)
    assert len(province.nodes) <= 30


def _site_files(small: tuple[Graph, dict[str, str]]) -> dict[str, bytes]:
    g, texts = small
    site = read_site_graph(g)
    by_iri = {s.id: texts[s.file_name] for s in site.sources.values()}
    return build_site(site, by_iri)


def test_site_has_every_view_and_is_deterministic(small: tuple[Graph, dict[str, str]]) -> None:
    files = _site_files(small)
    assert files == _site_files(small)
    for page in ("index.html", "lineage.html", "responsibilities.html", "lib/vis-network.min.js"):
        assert page in files
    assert any(p.startswith("doc/") for p in files) and any(p.startswith("agency/") for p in files)
    assert any(p.startswith("province/") for p in files) and any(p.startswith("sources/") for p in files)


def test_pages_load_nothing_from_the_network(small: tuple[Graph, dict[str, str]]) -> None:
    for path, data in _site_files(small).items():
        if path.endswith(".html"):
            html = data.decode("utf-8")
            assert not re.search(r"(src|href)=\"(https?:)?//", html), path


def test_document_text_never_appears_as_markup(small: tuple[Graph, dict[str, str]]) -> None:
    for path, data in _site_files(small).items():
        if path.endswith(".html"):
            html = data.decode("utf-8")
            assert "window.__pwned" not in html or "<script>window.__pwned" not in html, path
            assert "<img src=x onerror" not in html, path
            assert '" onmouseover="' not in html, path


def test_write_site_removes_stale_pages_and_keeps_the_report(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    (tmp_path / "doc").mkdir()
    (tmp_path / "doc" / "gone.html").write_text("old")
    (tmp_path / "report.html").write_text("report")
    write_site(_site_files(small), tmp_path)
    assert not (tmp_path / "doc" / "gone.html").exists()
    assert (tmp_path / "report.html").read_text() == "report"
    assert (tmp_path / "index.html").exists()


def test_kg_viz_writes_the_site_from_a_graph_file(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    graph_file = tmp_path / "kg.ttl"
    small[0].serialize(graph_file, format="turtle")
    out = tmp_path / "vis"
    run = subprocess.run([KG, "viz", "--graph", graph_file, "--out", out], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "pages" in run.stdout and (out / "lineage.html").exists()


def test_kg_viz_without_a_built_graph_says_what_to_do(tmp_path: Path) -> None:
    env = {**os.environ, "KG_HOME": str(tmp_path)}
    run = subprocess.run([KG, "viz"], capture_output=True, text=True, env=env)
    assert run.returncode == 2
    assert "kg build" in run.stderr and "Traceback" not in run.stderr
