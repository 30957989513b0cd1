"""Shared helpers of the analysis tests: the hand-made fixture graphs and the seed graph."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

from kg.analysis.convert import PolicyGraphs, to_networkx

FIXTURES = Path(__file__).parent / "fixtures" / "analysis"
MINI = FIXTURES / "mini.ttl"
CYCLE = FIXTURES / "cycle.ttl"
ID = "https://w3id.org/vn-policy-kg/id/"


@cache
def mini_rdf() -> Graph:
    """The two-province fixture as an rdflib Graph (parsed once)."""
    return Graph().parse(MINI, format="turtle")


@cache
def mini() -> PolicyGraphs:
    """The two-province fixture converted (once)."""
    return to_networkx(mini_rdf())


def cycle() -> PolicyGraphs:
    """Two plans implementing each other."""
    return to_networkx(Graph().parse(CYCLE, format="turtle"))
