"""The NetworkX graphs as GraphML or GEXF for Gephi: every attribute flattened to a string or number."""

from __future__ import annotations

import io
import re
from dataclasses import asdict, is_dataclass
from typing import Any

import networkx as nx

_MODIFIED = re.compile(r' lastmodifieddate="[^"]*"')

FORMATS = ("graphml", "gexf")


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items() if v is not None)
    if isinstance(value, list | tuple | set):
        return " | ".join(str(_scalar(v)) for v in value)
    return str(value)


def flatten(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose node and edge attributes are scalars (None dropped); nodes in sorted order.

    >>> g = nx.DiGraph()
    >>> g.add_edge("a", "b", relations=["implements", "based_on"], note=None)
    >>> dict(flatten(g).edges["a", "b"])
    {'relations': 'implements | based_on'}
    """
    flat = graph.__class__()
    for node in sorted(graph.nodes):
        flat.add_node(node, **{k: _scalar(v) for k, v in graph.nodes[node].items() if v is not None})
    for u, v in sorted(graph.edges()):
        flat.add_edge(u, v, **{k: _scalar(x) for k, x in graph.edges[u, v].items() if x is not None})
    return flat


def serialize(graph: nx.Graph, fmt: str) -> str:
    """``graph`` as GraphML or GEXF text (deterministic for the same graph)."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    buffer = io.BytesIO()
    writers[fmt](flatten(graph), buffer, encoding="utf-8")  # UTF-8 text, not &#...; character references
    # GEXF stamps today's date; drop it so the same graph gives the same bytes
    return _MODIFIED.sub("", buffer.getvalue().decode("utf-8"))
