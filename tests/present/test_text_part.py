"""The readable text part of the pages, read back from the generated HTML (html.parser) and checked against
the seed graph, `kg status` and `kg trace`: facts of a known document, its tasks table, a province's plans by
directive, the index's chain strips."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser

import pytest
from rdflib import Graph

from graph_seed import PREFIXES, seed_graph, seed_store
from kg import paths
from kg.analysis.convert import to_networkx
from kg.analysis.trace import trace
from kg.namespaces import ID
from kg.present.status import chain_iris
from kg.present.views import build_site, read_site_graph
from kg.present.views.load import load_texts
from kg.store import select
from viz_fixtures import small_graph

PLAN_4655 = str(ID["doc/lam-dong/2024/4655-kh-ubnd"])
NQ_20 = str(ID["doc/central/2012/20-nq-tw"])
KL_69 = str(ID["doc/central/2024/69-kl-tw"])
NAM_DINH_PLAN = "Kế hoạch 2024-06 (Nam Định)"
GENE_BANK_TASK = "Đầu tư trang thiết bị phòng thí nghiệm để phục vụ công tác lưu trữ bảo tồn nguồn gen"


class Tree(HTMLParser):
    """The page as nested (tag, attrs, children) lists; text as strings."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr"})

    def __init__(self, html: str) -> None:
        super().__init__()
        self.root: list = ["#root", {}, []]
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node: list = [tag, dict(attrs), []]
        self.stack[-1][2].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        while len(self.stack) > 1 and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.stack[-1][2].append(data)


def find(node: list, pred) -> list[list]:  # type: ignore[no-untyped-def]
    """Every element under ``node`` (document order) for which ``pred(tag, attrs)`` holds."""
    out = []
    for child in node[2]:
        if isinstance(child, list):
            if pred(child[0], child[1]):
                out.append(child)
            out.extend(find(child, pred))
    return out


def by_id(node: list, ident: str) -> list:
    (found,) = find(node, lambda t, a: a.get("id") == ident)
    return found


def text(node: list | str) -> str:
    """The element's text as a reader sees it, whitespace squeezed."""
    if isinstance(node, str):
        return node
    return " ".join("".join(text(c) if isinstance(c, list) else c + " " for c in node[2]).split())


@cache
def seed_site() -> dict[str, Tree]:
    """Every HTML page of the site `kg viz` makes of the seed graph (with the ontology), parsed."""
    g = Graph()
    g += seed_graph()
    g.parse(paths.ONTOLOGY_FILE)
    site = read_site_graph(g)
    files = build_site(site, load_texts(site))
    pages = {rel: Tree(data.decode("utf-8")) for rel, data in files.items() if rel.endswith(".html")}
    for node in site.nodes.values():
        if node.page:
            pages[node.id] = pages[node.page]
    return pages


def page(iri: str) -> list:
    return seed_site()[iri].root


def about(iri: str) -> dict[str, str]:
    """The <dl> of facts: key → the value's text."""
    dl = by_id(page(iri), "about")
    keys = [a["data-key"] for t, a, _ in find(dl, lambda t, a: t == "dt")]
    return dict(zip(keys, (text(dd) for dd in find(dl, lambda t, a: t == "dd")), strict=True))


def rows(iri: str) -> list[dict[str, str]]:
    """The tasks table as dicts: column key → the cell's text."""
    table = by_id(page(iri), "tasks")
    cols = [a["data-col"] for _, a, _ in find(table, lambda t, a: t == "th" and "data-col" in a)]
    (body,) = find(table, lambda t, a: t == "tbody")
    out = []
    for tr in find(body, lambda t, a: t == "tr"):
        cells = [c for c in tr[2] if isinstance(c, list) and c[0] in ("td", "th")]
        out.append(dict(zip(cols, (text(c) for c in cells), strict=True)))
    return out


def test_document_text_part_states_title_type_issuer_date_signer() -> None:
    facts = about(PLAN_4655)
    assert facts["number"] == "4655/KH-UBND"
    assert facts["date"] == "2024-06-10"  # "Lâm Đồng, ngày 10 tháng 6 năm 2024"
    assert facts["issuer"] == "Ủy ban nhân dân tỉnh"
    assert facts["signer"] == "Phạm S"
    assert facts["type"].lower() == "kế hoạch"
    title = text(find(page(PLAN_4655), lambda t, a: "doc-title" in a.get("class", ""))[0])
    assert title.startswith("TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW NGÀY 11/01/2024")


def test_tasks_table_has_one_row_per_task_of_the_plan_with_the_whole_text() -> None:
    q = PREFIXES + f"SELECT ?t ?x WHERE {{ ?t vpo:taskOf <{PLAN_4655}> ; vpo:taskText ?x }}"
    _, found = select(seed_store(), q)
    table = rows(PLAN_4655)
    assert len(table) == len(found) > 30
    assert sorted(r["task"] for r in table) == sorted(r["x"].value for r in found)  # verbatim, not cut


def test_a_known_task_row_names_its_lead_and_deadline() -> None:
    (row,) = [r for r in rows(PLAN_4655) if r["task"].startswith(GENE_BANK_TASK)]
    assert row["lead"] == "Sở Khoa học và Công nghệ (Lâm Đồng)"  # "Sở KH&CN" in the table; with its province
    assert row["deadline"] == "Năm 2026-2030"
    links = find(page(PLAN_4655), lambda t, a: t == "a" and "source-link" in a.get("class", ""))
    assert any(a[1]["href"].startswith("../sources/") and "#q=" in a[1]["href"] for a in links)


def test_lineage_lists_are_grouped_by_relation_with_their_quotes() -> None:
    ups = find(page(PLAN_4655), lambda t, a: t == "ul" and "lineage-up" in a.get("class", ""))
    by_rel = {u[1]["data-relation"]: text(u) for u in ups}
    assert set(by_rel) == {"implements", "basedOn", "cites"}
    assert "116-KH/TU (Lâm Đồng)" in by_rel["basedOn"] and "Căn cứ Kế hoạch số 116-KH/TU" in by_rel["basedOn"]
    assert "69-KL/TW" in by_rel["implements"]


def _below(iri: str) -> set[str]:
    return {text(li).rsplit(" ", 2)[0] for li in find(by_id(page(iri), "below"), lambda t, a: t == "li")}


@pytest.mark.parametrize("doc", [NQ_20, KL_69])
def test_what_carries_a_directive_out_is_what_kg_trace_finds(doc: str) -> None:
    pg = to_networkx(seed_graph())
    found = trace(pg.lineage, doc)
    expected = {n.label for n in found.nodes if n.distance < 0}
    assert _below(doc) == expected
    assert NAM_DINH_PLAN in _below(doc) and "4655/KH-UBND (Lâm Đồng)" in _below(doc)


def test_province_page_lists_its_plans_under_the_directive_they_implement() -> None:
    province = by_id(page(str(ID["province/lam-dong"])), "province-chains")
    heads = [text(h) for h in find(province, lambda t, a: t == "h4")]
    lists = [
        [text(li) for li in find(ul, lambda t, a: t == "li")] for ul in find(province, lambda t, a: t == "ul")
    ]
    chains = dict(zip(heads, lists, strict=True))
    assert chains["20-NQ/TW"] == ["20-NQ/TW → 69-KL/TW → 116-KH/TU (Lâm Đồng) → 4655/KH-UBND (Lâm Đồng)"]
    index = seed_site()["index.html"].root
    assert any(a.get("href") == "province/lam-dong.html" for _, a, _ in find(index, lambda t, a: t == "a"))


def test_index_chain_strips_are_the_chains_kg_status_prints() -> None:
    strips = set()
    for chain in find(
        by_id(seed_site()["index.html"].root, "chain-map"), lambda t, a: a.get("class") == "chain"
    ):
        (head,) = find(chain, lambda t, a: "head" in a.get("class", "").split())
        for path in find(chain, lambda t, a: a.get("class") == "path"):
            chips = [a["data-iri"] for _, a, _ in find(path, lambda t, a: "data-iri" in a)]
            strips.add((head[1]["data-iri"], *chips))
    assert strips == set(chain_iris(seed_store()))
    assert (NQ_20, KL_69, str(ID["doc/lam-dong/2024/116-kh-tu"]), PLAN_4655) in strips
    assert any(c[-1].endswith("3549-kh-ubnd") for c in strips)


def test_agency_page_table_gives_the_agency_role_and_its_partners() -> None:
    g, texts = small_graph()
    site = read_site_graph(g)
    files = build_site(site, {s.id: texts[s.file_name] for s in site.sources.values()})
    agency = site.nodes[str(ID["agency/tinh-a1/so-khoa-hoc-va-cong-nghe"])]
    tree = Tree(files[agency.page or ""].decode("utf-8"))
    table = by_id(tree.root, "tasks")
    (body,) = find(table, lambda t, a: t == "tbody")
    cells = [text(tr) for tr in find(body, lambda t, a: t == "tr")]
    assert len(cells) == 3
    assert all("chủ trì" in c and "Sở Tài chính (phối hợp)" in c for c in cells)
    assert "Năm 2024-2025" in cells[1]


def test_citations_are_listed_both_ways_but_not_drawn() -> None:
    plan = str(ID["doc/kon-tum/2020/4485-kh-ubnd"])
    up = find(page(plan), lambda t, a: t == "ul" and a.get("data-relation") == "cites")
    assert "20-NQ/TW" in [text(li) for li in find(up[0], lambda t, a: t == "li")]
    down = find(page(NQ_20), lambda t, a: t == "ul" and "lineage-down" in a.get("class", "").split())
    cited_by = [text(u) for u in down if u[1]["data-relation"] == "cites"]
    assert cited_by and "4485/KH-UBND (Kon Tum)" in cited_by[0]
    scripts = "".join(text(s) for s in find(page(NQ_20), lambda t, a: t == "script"))
    assert '"relation": "cites"' not in scripts


def _cell(iri: str, col: str, task_start: str) -> list:
    """The <td>/<th> of column ``col`` in the row whose task text starts with ``task_start``."""
    table = by_id(page(iri), "tasks")
    cols = [a["data-col"] for _, a, _ in find(table, lambda t, a: t == "th" and "data-col" in a)]
    (body,) = find(table, lambda t, a: t == "tbody")
    for tr in find(body, lambda t, a: t == "tr"):
        cells = [c for c in tr[2] if isinstance(c, list) and c[0] in ("td", "th")]
        row = dict(zip(cols, cells, strict=True))
        if text(row["task"]).startswith(task_start):
            return row[col]
    raise AssertionError(task_start)


def test_deadlines_in_the_table_read_in_english_in_english_mode() -> None:
    # "Thường xuyên hàng năm" read by data/vocab/deadlines.yaml; the table showed it in Vietnamese only
    cell = _cell(PLAN_4655, "deadline", GENE_BANK_TASK)
    (span,) = find(cell, lambda t, a: "data-en" in a)
    assert span[1]["data-vi"] == "Năm 2026-2030"
    assert span[1]["data-en"] != span[1]["data-vi"] and "2026" in span[1]["data-en"]


def test_vietnamese_originals_in_the_text_part_are_marked_for_english_mode() -> None:
    # task texts, the title, quotes and document numbers stay verbatim: lang="vi" and the "VI" mark (viz.css)
    def marked(node: list) -> bool:
        return node[1].get("lang") == "vi" and node[1].get("data-original") == "vi"

    assert marked(_cell(PLAN_4655, "task", GENE_BANK_TASK))
    (title,) = find(page(PLAN_4655), lambda t, a: "doc-title" in a.get("class", ""))
    assert marked(title)
    quotes = find(page(PLAN_4655), lambda t, a: t == "blockquote")
    assert quotes and all(marked(q) for q in quotes)
    number = find(by_id(page(PLAN_4655), "about"), lambda t, a: a.get("data-vi") == "4655/KH-UBND")
    assert number and all(marked(n) for n in number)
    up = find(page(PLAN_4655), lambda t, a: t == "ul" and a.get("data-relation") == "implements")
    (link,) = find(up[0], lambda t, a: t == "a" and a.get("data-vi") == "69-KL/TW")
    assert marked(link)


def test_an_agency_page_says_how_the_texts_wrote_its_name() -> None:
    # vpo:abbreviation and vpo:nameAsWritten together: "Viết tắt: Sở Khoa học và Công nghệ" misnamed them
    agency = by_id(page(str(ID["agency/lam-dong/so-khoa-hoc-va-cong-nghe"])), "about")
    (dt,) = find(agency, lambda t, a: t == "dt" and a.get("data-key") == "abbreviation")
    (span,) = find(dt, lambda t, a: "data-en" in a)
    assert (span[1]["data-vi"], span[1]["data-en"]) == ("Tên trong văn bản", "Written in the texts as")
