"""kg.present.views without a browser: search keys, escaping, reading the graph, views, node budget, pages,
CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from rdflib import Graph

from kg import paths
from kg.namespaces import ID
from kg.present.views import build_site, iter_site, layout, read_site_graph, write_site
from kg.present.views import model as m
from kg.present.views.boxes import Size
from kg.present.views.load import load_graph
from kg.present.views.pages import graph_payload, safe_json
from kg.present.views.parallel import write_pages
from kg.present.views.search import matches, search_keys
from kg.present.views.style import node_style
from kg.present.views.views import (
    Index,
    View,
    agency_view,
    document_view,
    implementation_chain,
    lineage_view,
    province_view,
    responsibilities_view,
    sizes,
)
from kg.store import ASSERTED_GRAPH, new_store
from kg.store import load_graph as store_load
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
    # no @en label: the Vietnamese verbatim, flagged as the original, never stripped of its accents
    assert (ubnd.label_en, ubnd.en_original) == ("Ủy ban nhân dân tỉnh ánh dương", True)
    sokh = site.nodes[str(ID["agency/tinh-a1/so-khoa-hoc-va-cong-nghe"])]
    english = "Department of Science and Technology (Tỉnh Ánh Dương)"  # the province, accents kept
    assert (sokh.label_en, sokh.en_original) == (english, False)


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


def test_the_site_written_page_by_page_is_the_site_built_whole(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    """`kg viz` writes each page as it is made (iter_site), never holding the site: the same files."""
    g, texts = small
    site = read_site_graph(g)
    by_iri = {s.id: texts[s.file_name] for s in site.sources.values()}
    (tmp_path / "agency").mkdir()
    (tmp_path / "agency" / "gone.html").write_text("old")
    written = write_site(iter_site(site, by_iri), tmp_path)
    whole = build_site(site, by_iri)
    assert written == sorted(tmp_path / rel for rel in whole)
    assert all((tmp_path / rel).read_bytes() == data for rel, data in whole.items())
    assert not (tmp_path / "agency" / "gone.html").exists()


@pytest.mark.parametrize("jobs", [1, 3])
def test_pages_written_by_several_processes_are_the_site_built_whole(
    tmp_path: Path, small: tuple[Graph, dict[str, str]], jobs: int
) -> None:
    """`kg viz` shares the pages out over processes (kg.present.views.parallel): the same files."""
    g, texts = small
    site = read_site_graph(g)
    by_iri = {s.id: texts[s.file_name] for s in site.sources.values()}
    written = write_pages(site, by_iri, tmp_path, jobs=jobs)
    whole = build_site(site, by_iri)
    assert written == sorted(tmp_path / rel for rel in whole)
    assert all((tmp_path / rel).read_bytes() == data for rel, data in whole.items())


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
    run = subprocess.run([KG, "viz", "--data", graph_file, "--out", out], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "pages" in run.stdout and (out / "lineage.html").exists()


def test_a_graph_file_read_through_oxigraph_gives_the_site_rdflib_gives(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    """`kg viz --data` reads the file (and the ontology beside it) into Oxigraph, not rdflib (issue 15): the
    views must not change with the reader."""
    graph_file = tmp_path / "kg.ttl"
    small[0].serialize(graph_file, format="turtle")
    read = load_graph(graph_file)
    assert not isinstance(read, Graph)
    parsed = Graph()
    for path in (graph_file, paths.ONTOLOGY_FILE, paths.FIELDS_FILE):
        parsed.parse(path, format="turtle")
    assert read_site_graph(read) == read_site_graph(parsed)


def test_kg_viz_reads_the_built_store_without_kg_ttl(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    (tmp_path / "data" / "current").mkdir(parents=True)
    store = new_store(tmp_path / "data" / "current" / "store")
    store_load(store, small[0].serialize(format="nt", encoding="utf-8"), str(ASSERTED_GRAPH))
    store.flush()
    del store
    out = tmp_path / "vis"
    env = {**os.environ, "KG_HOME": str(tmp_path)}
    run = subprocess.run([KG, "viz", "--out", out], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "data" / "kg.ttl").exists() and (out / "doc").is_dir()
    elsewhere = tmp_path / "data" / "current"  # --store names the store; one that is not stops with a message
    named = subprocess.run(
        [KG, "viz", "--store", elsewhere / "store", "--out", tmp_path / "v2"], capture_output=True, text=True
    )
    assert named.returncode == 0, named.stderr
    assert sorted(p.name for p in (tmp_path / "v2" / "doc").iterdir()) == sorted(
        p.name for p in (out / "doc").iterdir()
    )
    wrong = subprocess.run(
        [KG, "viz", "--store", elsewhere, "--out", tmp_path / "v3"], capture_output=True, text=True
    )
    assert wrong.returncode == 2 and "kg build" in wrong.stderr and "Traceback" not in wrong.stderr


def test_kg_viz_without_a_built_graph_says_what_to_do(tmp_path: Path) -> None:
    env = {**os.environ, "KG_HOME": str(tmp_path)}
    run = subprocess.run([KG, "viz"], capture_output=True, text=True, env=env)
    assert run.returncode == 2
    assert "kg build" in run.stderr and "Traceback" not in run.stderr


# --- readable at first sight (issue 6) ------------------------------------------------------------------


def _overlaps(view_positions: dict[str, tuple[int, int]], sizes: dict[str, int]) -> list[tuple[str, str]]:
    """Pairs of nodes on the same row whose drawn labels would overlap."""
    rows: dict[int, list[str]] = {}
    for node, (_, y) in view_positions.items():
        rows.setdefault(y, []).append(node)
    clashes = []
    for members in rows.values():
        members.sort(key=lambda n: view_positions[n][0])
        for a, b in pairwise(members):
            if view_positions[b][0] - view_positions[a][0] < (sizes[a] + sizes[b]) / 2:
                clashes.append((a, b))
    return clashes


def test_lineage_rows_give_every_label_its_width(small: tuple[Graph, dict[str, str]]) -> None:
    index = Index.of(read_site_graph(small[0]))
    view = lineage_view(index)
    assert _overlaps(view.positions, {k: s.width for k, s in sizes(view.nodes).items()}) == []
    xs = [x for x, _ in view.positions.values()]
    assert max(xs) - min(xs) <= layout.ROW_WIDTH  # wraps instead of running off the screen


def test_long_tiers_wrap_and_never_overlap() -> None:
    tiers = {f"d{i}": 3 for i in range(40)}
    widths = {f"d{i}": 120 + 9 * i for i in range(40)}
    pos = layout.place(tiers, [], {n: Size(w, 18, 18) for n, w in widths.items()}, []).pos
    assert len({y for _, y in pos.values()}) > 1
    assert _overlaps(pos, widths) == []


def test_barycentre_order_puts_a_node_under_what_it_implements() -> None:
    tiers = {"left": 0, "right": 0, "b": 1, "a": 1}
    box = dict.fromkeys(tiers, Size(100, 18, 18))
    pos = layout.place(tiers, [], box, [("a", "left"), ("b", "right")]).pos
    assert pos["a"][0] < pos["b"][0]  # given in the order b, a, drawn a under left and b under right


@pytest.mark.parametrize(
    ("label", "drawn"),
    [
        ("69-KL/TW", "69-KL/TW"),
        (
            "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030",
            "Chiến lược phát triển khoa học…",
        ),
    ],
)
def test_long_labels_are_cut_on_the_canvas_only(label: str, drawn: str) -> None:
    node = m.VNode("urn:d", "Strategy", label, label)
    view = View("t", "t", "t", (node,), (), {"urn:d": (0, 0)})
    (payload,) = graph_payload(view, m.SiteGraph({"urn:d": node}, ()), {})["nodes"]
    assert payload["label"] == payload["label_vi"] == drawn
    assert payload["full_vi"] == label  # tooltip and details panel show the whole label


def test_parallel_lineage_edges_are_drawn_apart() -> None:
    a, b = m.VNode("urn:a", "Plan", "a", "a"), m.VNode("urn:b", "Resolution", "b", "b")
    edges = (m.VEdge("urn:a", "urn:b", "basedOn"), m.VEdge("urn:a", "urn:b", "implements"))
    view = View("t", "t", "t", (a, b), edges, {"urn:a": (0, 100), "urn:b": (0, 0)})
    drawn = graph_payload(view, m.SiteGraph({"urn:a": a, "urn:b": b}, edges), {})["edges"]
    curves = [e["smooth"] if e["smooth"] else None for e in drawn]
    assert curves[0] is None and curves[1]["roundness"] > 0
    assert {e["dashes"] for e in drawn} == {True, False}  # basedOn dashed, implements solid


def test_clusters_are_labelled_with_their_size_and_drawn_bigger(big: Index) -> None:
    view = lineage_view(big, 100)
    clusters = [n for n in view.nodes if n.kind == m.CLUSTER]
    assert clusters and all(n.label_vi.endswith(f"({n.members})") for n in clusters)
    payload = {n["id"]: n for n in graph_payload(view, big.site, {})["nodes"]}
    small_one, big_one = sorted(clusters, key=lambda n: n.members)[0], max(clusters, key=lambda n: n.members)
    assert payload[big_one.id]["size"] >= payload[small_one.id]["size"] > node_style(m.AGENCY).size


def test_index_shows_the_chains_at_a_glance_and_counts_by_class(small: tuple[Graph, dict[str, str]]) -> None:
    html = _site_files(small)["index.html"].decode("utf-8")
    assert 'id="chain-map"' in html and 'class="chip head"' in html
    assert 'id="counts-by-class"' in html
    assert 'href="lineage.html"' in html and 'href="responsibilities.html"' in html
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", html)  # no build timestamp: output is deterministic


def test_page_chrome_has_both_languages(small: tuple[Graph, dict[str, str]]) -> None:
    html = _site_files(small)["lineage.html"].decode("utf-8")
    assert re.search(r'<title data-vi="[^"]+" data-en="Policy lineage', html)
    assert 'data-aria-label-en="Close"' in html and 'data-en="Filters"' in html


def test_a_broken_graph_file_is_named_with_its_line_and_nothing_is_written(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix x: <urn:x#> .\nx:a x:b "unterminated .\n', encoding="utf-8")
    out = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "viz", "--data", str(broken), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert (
        proc.stderr.strip() == f"kg: error: {broken}:2: not readable as RDF: newline found in string literal"
    )
    assert not out.exists()


def test_a_directive_page_draws_its_whole_implementation_chain() -> None:
    """20-NQ/TW's page draws what `kg trace 20-NQ/TW` prints: the provincial plans that carry it out through
    69-KL/TW and the provincial party programmes, not only the documents one edge away (issue 12)."""
    from test_search import seed_site

    index = Index.of(seed_site())
    labels = {n.id: n.label_vi for n in index.site.nodes.values()}
    root = next(i for i, label in labels.items() if label == "20-NQ/TW")
    drawn = {labels[n.id] for n in document_view(index, root).nodes}
    assert {"69-KL/TW", "116-KH/TU (Lâm Đồng)", "4655/KH-UBND (Lâm Đồng)", "47/CTr-TU (Nam Định)",
            "Kế hoạch 2024-06 (Nam Định)"} <= drawn  # fmt: skip
    plan = next(i for i, label in labels.items() if label == "4655/KH-UBND (Lâm Đồng)")
    up = {labels[d] for d in implementation_chain(index, plan)}
    assert {"116-KH/TU (Lâm Đồng)", "69-KL/TW", "20-NQ/TW"} <= up and "47/CTr-TU (Nam Định)" not in up


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_while_rendering_leaves_the_previous_site_as_it_was(
    tmp_path: Path, small: tuple[Graph, dict[str, str]], monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """Pages are staged and moved in only when all are made: a render failing halfway changes nothing."""
    import kg.present.views.parallel as parallel

    g, texts = small
    site = read_site_graph(g)
    by_iri = {s.id: texts[s.file_name] for s in site.sources.values()}
    write_pages(site, by_iri, tmp_path, jobs=1)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    real = parallel.iter_pages

    def failing(*args: object, **kwargs: object) -> object:
        for n, (rel, html) in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if n == 3:
                raise RuntimeError("render failed")
            yield rel, html.replace("</body>", "<!-- changed --></body>")

    monkeypatch.setattr(parallel, "iter_pages", failing)
    with pytest.raises(Exception, match="render failed"):
        write_pages(site, by_iri, tmp_path, jobs=jobs)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before
    assert not list(tmp_path.glob(".kg-viz-*"))


def test_a_staging_folder_left_by_a_killed_run_is_removed(
    tmp_path: Path, small: tuple[Graph, dict[str, str]]
) -> None:
    g, texts = small
    site = read_site_graph(g)
    (tmp_path / ".kg-viz-dead" / "doc").mkdir(parents=True)
    (tmp_path / ".kg-viz-dead" / "doc" / "x.html").write_text("half")
    write_pages(site, {s.id: texts[s.file_name] for s in site.sources.values()}, tmp_path, jobs=1)
    assert not (tmp_path / ".kg-viz-dead").exists()
    assert not (tmp_path / "doc" / "x.html").exists()


def test_shortened_labels_end_at_a_word_boundary() -> None:
    """A label shortened for tooltips, search results and lists ends with a whole word: 'Tổ chức quán triệt
    đầy đủ đến cán bộ, c…' read as a cut word (40 task labels of the seed graph did; issue 12)."""
    from test_search import seed_site

    cut = []
    for n in seed_site().nodes.values():
        full = next((f.vi for f in n.facts if f.key in ("task", "title")), None)
        stem = n.label_vi.removesuffix("…")
        whole_word = not full or not full.startswith(stem) or not full[len(stem) : len(stem) + 1].isalnum()
        if stem != n.label_vi and stem[-1:].isalnum() and not whole_word:
            cut.append(n.label_vi)
    assert cut == []


def test_task_labels_drawn_on_a_page_are_told_apart() -> None:
    """Two tasks of a page are not drawn with the same label ('Phối hợp với Sở Khoa học và Công…' twice on
    4655/KH-UBND's page): a shared start is drawn on until the labels differ (issue 12)."""
    from test_search import seed_site

    index = Index.of(seed_site())
    plan = next(n.id for n in index.site.nodes.values() if n.label_vi == "4655/KH-UBND (Lâm Đồng)")
    payload = graph_payload(document_view(index, plan), index.site, {})
    drawn = [n["label_vi"] for n in payload["nodes"] if n["kind"] == m.TASK]
    assert len(drawn) > 30
    assert len(set(drawn)) == len(drawn), sorted(d for d in drawn if drawn.count(d) > 1)
