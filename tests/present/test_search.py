"""Ranked search (kg.present.views.search) on the seed graph: the query a researcher types finds its target
first, accent- and order-insensitive, with the province among the keys. viz.js mirrors this ranking;
tests/present/test_search_browser.py types the same queries in Chromium and compares both."""

from __future__ import annotations

import json
from functools import cache

import pytest
from rdflib import Graph

from graph_seed import seed_graph
from kg.paths import FIELDS_FILE, ONTOLOGY_FILE
from kg.present.views import model as m
from kg.present.views import read_site_graph
from kg.present.views.pages import safe_json
from kg.present.views.search import (
    ALL_TOKENS,
    NUMBER,
    PREFIX,
    SUBSTRING,
    Entry,
    entry_of,
    rank_of,
    ranked,
)
from kg.present.views.search_index import GLOBAL_NAME, index_entries, index_script

# (query, the full Vietnamese label of the node that must come first)
FIRST_HITS = [
    ("ket luan 69", "69-KL/TW"),
    ("Kết luận 69", "69-KL/TW"),
    ("69 ket luan", "69-KL/TW"),
    ("nghi quyet 20", "20-NQ/TW"),
    ("qd 2245", "2245/QĐ-TTg"),
    ("quyet dinh 2245", "2245/QĐ-TTg"),
    ("QĐ 2245", "2245/QĐ-TTg"),
    ("so khcn lam dong", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
    ("lam dong so khcn", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
    ("Sở KH&CN Lâm Đồng", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
    ("department of science lam dong", "Sở Khoa học và Công nghệ (Lâm Đồng)"),
    ("so tai chinh ninh binh", "Sở Tài chính (Ninh Bình)"),
    ("4655", "4655/KH-UBND (Lâm Đồng)"),
    ("ke hoach 4655", "4655/KH-UBND (Lâm Đồng)"),
    ("kon tum", "Kon Tum"),  # the province itself, not its plans first (they are keyed by it too)
    ("lam dong", "Lâm Đồng"),
    ("Sở Tài chính (Kon Tum)", "Sở Tài chính (Kon Tum)"),
]


@cache
def seed_site() -> m.SiteGraph:
    """The seed graph as `kg viz` reads it: the built graph plus the ontology's and fields' labels."""
    g = Graph()
    for triple in seed_graph():
        g.add(triple)
    g.parse(ONTOLOGY_FILE)
    g.parse(FIELDS_FILE)
    return read_site_graph(g)


def seed_entries() -> list[Entry]:
    return [entry_of(n) for n in seed_site().nodes.values()]


@pytest.mark.parametrize(("query", "first"), FIRST_HITS)
def test_the_query_finds_its_target_first(query: str, first: str) -> None:
    hits = ranked(query, seed_entries())
    assert hits, f"{query!r} finds nothing"
    assert hits[0].name == first, (query, [h.name for h in hits[:5]])


def test_one_entry_per_node_and_the_province_tells_them_apart() -> None:
    hits = ranked("so khcn", seed_entries())
    names = [h.name for h in hits if h.name.startswith("Sở Khoa học và Công nghệ")]
    assert len(names) >= 4
    assert len(set(names)) == len(names), names  # four "Sở Khoa học và Công nghệ" no longer look alike
    assert "Sở Khoa học và Công nghệ (Lâm Đồng)" in names
    assert len({h.id for h in hits}) == len(hits)


def test_the_other_provinces_departments_do_not_match_a_province_query() -> None:
    names = [h.name for h in ranked("so khcn lam dong", seed_entries())]
    assert not [n for n in names if n.startswith("Sở Khoa học") and "Lâm Đồng" not in n], names


E = Entry("d", "69-KL/TW", ("69 kl tw", "ket luan", "conclusion", "bo chinh tri"), "69 kl tw", 0)


@pytest.mark.parametrize(
    ("query", "tier"),
    [
        ("69-KL/TW", NUMBER),  # the number as written
        ("kl 69", NUMBER),  # its digits and the type code
        ("ket luan 69", NUMBER),  # its digits and the type's name
        ("bo chinh tri ket luan", ALL_TOKENS),  # every word a word of the keys, in any order
        ("chinh bo", ALL_TOKENS),
        ("ket lu", PREFIX),  # every word the start of one
        ("uan", SUBSTRING),
        ("ket luan 70", None),
        ("", None),
    ],
)
def test_tiers(query: str, tier: int | None) -> None:
    assert rank_of(query, E) == tier


def test_ties_go_to_the_higher_tier_then_the_name() -> None:
    keys = ("20 nq tw", "nghi quyet")
    low = Entry("b", "20-NQ/TU (Lâm Đồng)", (*keys[1:], "20 nq tu"), "20 nq tu", 3)
    high = Entry("a", "20-NQ/TW", keys, "20 nq tw", 0)
    same = Entry("c", "20-NQ/TW bis", keys, "20 nq tw", 0)
    assert [e.id for e in ranked("nghi quyet 20", [low, same, high])] == ["a", "c", "b"]


# --- the site-wide index: a search on any page also finds what that page does not draw ---------------------


def index_entries_of_seeds() -> list[Entry]:
    return [
        Entry(e["id"], e["full_vi"], tuple(e["search"]), e["number"], e["search_tier"])
        for e in index_entries(seed_site())
    ]


@pytest.mark.parametrize(("query", "first"), FIRST_HITS)
def test_site_index_lists_the_target_first(query: str, first: str) -> None:
    hits = ranked(query, index_entries_of_seeds())
    assert hits and hits[0].name == first, (query, [h.name for h in hits[:5]])


def test_site_index_holds_every_page_and_no_task() -> None:
    site = seed_site()
    entries = index_entries(site)
    pages = {n.id: n.page for n in site.nodes.values() if n.page and n.kind != m.TASK}
    assert {e["id"]: e["page"] for e in entries} == pages
    assert {e["kind"] for e in entries} >= {"Agency", "Province", "Plan", "Resolution"}
    assert [e["id"] for e in entries] == sorted(e["id"] for e in entries)  # deterministic order


def test_site_index_script_sets_one_global_holding_json() -> None:
    text = index_script(seed_site(), safe_json)
    head, _, rest = text.partition(f"window.{GLOBAL_NAME} = ")
    assert head.startswith("/*") and rest.endswith(";\n")
    payload = json.loads(rest[: -len(";\n")])
    assert payload["entries"] == index_entries(seed_site())
    assert payload["kinds"]["Agency"] == {"vi": "cơ quan", "en": "agency"}  # as the graph pages name kinds
