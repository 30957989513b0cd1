"""Exports a reader can open in Gephi (issue 12): labelled nodes (vi, en), type, province, tier; no reprs."""

from __future__ import annotations

import io
from functools import cache

import networkx as nx
import pytest

from graph_seed import seed_graph
from kg.analysis.convert import PolicyGraphs, to_networkx
from kg.analysis.export import serialize
from kg.analysis.metrics import coordination_network

ID = "https://w3id.org/vn-policy-kg/id/"


@cache
def seed() -> PolicyGraphs:
    return to_networkx(seed_graph())


def _graphs() -> dict[str, nx.Graph]:
    return {
        "lineage": seed().lineage,
        "responsibility": seed().responsibility,
        "coordination": coordination_network(seed().responsibility),
    }


def _read(text: str, fmt: str) -> nx.Graph:
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    return reader(io.BytesIO(text.encode("utf-8")))


@pytest.mark.parametrize("which", ["lineage", "responsibility", "coordination"])
@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_no_python_reprs_in_any_export(which: str, fmt: str) -> None:
    text = serialize(_graphs()[which], fmt, seed().names)
    for repr_mark in ("Quote(", "['", "{'", "('", "=None"):
        assert repr_mark not in text, f"{which}.{fmt} holds a Python repr ({repr_mark})"


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_coordination_nodes_are_labelled_agencies_of_a_province(fmt: str) -> None:
    graph = _read(serialize(_graphs()["coordination"], fmt, seed().names), fmt)
    node = graph.nodes[f"{ID}agency/kon-tum/so-tai-chinh"]
    assert node["label"] == "Sở Tài chính (Kon Tum)"  # GEXF's own label and a GraphML attribute alike
    assert node["label_vi"] == "Sở Tài chính (Kon Tum)"
    assert node["label_en"] == "Department of Finance (Kon Tum)"
    assert (node["type"], node["province"], node["tier"]) == ("agency", "Kon Tum", "provincial")
    assert all(graph.nodes[n].get("label_en") for n in graph), "a node without an English label"


def test_lineage_nodes_keep_types_and_quotes_as_words() -> None:
    graph = _read(serialize(seed().lineage, "graphml", seed().names), "graphml")
    plan = graph.nodes[f"{ID}doc/lam-dong/2024/4655-kh-ubnd"]
    assert (plan["label_vi"], plan["type"], plan["province"], plan["tier"]) == (
        "4655/KH-UBND (Lâm Đồng)",
        "Plan",
        "Lâm Đồng",
        "provincial",
    )
    assert plan["ingested"] is True  # a GraphML boolean, not the string "True"
    assert "“4655/KH-UBND” (ubnd-lam-dong_4655-kh-ubnd_2024.txt:" in plan["quotes"]
