"""The NetworkX graphs as GraphML or GEXF for Gephi: every node labelled (Vietnamese and English) with its
type, province and tier, every attribute a string, number or boolean a reader can use (quotes as their words
and place in the source, never a Python repr)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

import networkx as nx

from kg.analysis.convert import Names
from kg.analysis.metrics import place_name

_MODIFIED = re.compile(r' lastmodifieddate="[^"]*"')

FORMATS = ("graphml", "gexf")

# internal bookkeeping of the views (RDF triples behind an edge, quotes per relation, lookup names): no use in
# Gephi, and their nested values would only read as reprs; the attributes they feed are exported instead
_INTERNAL = frozenset(
    {"triples", "stated_quotes", "names", "types", "title_vi", "level_iri", "province_label"}
)


def _quote_text(value: Any) -> str | None:
    """A quote as a reader cites it: “words” (file:start-end)."""
    text, file = getattr(value, "text", None), getattr(value, "file", None)
    if not isinstance(text, str) or file is None:
        return None
    start, end = getattr(value, "start", None), getattr(value, "end", None)
    where = f"{file}:{start}-{end}" if start is not None and end is not None else str(file)
    return f"“{text}” ({where})"


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    quoted = _quote_text(value)
    if quoted is not None:
        return quoted
    if is_dataclass(value) and not isinstance(value, type):
        # field by field (asdict would turn nested quotes into dicts and then into reprs)
        value = {f.name: getattr(value, f.name) for f in fields(value)}
    if isinstance(value, dict):
        return "; ".join(
            f"{k}={_scalar(v)}" for k, v in value.items() if v is not None and v != [] and v != ()
        )
    if isinstance(value, list | tuple | set):
        return " | ".join(str(_scalar(v)) for v in value)
    return str(value)


def _english(node: str, data: Mapping[str, Any], names: Mapping[str, Names]) -> str | None:
    """The node's English label (rdfs:label or skos:prefLabel @en), with its province for an agency."""
    known = names.get(node)
    english = known.first("en") if known else None
    if english is None and data.get("kind") == "agency":
        english = next((n for n in data.get("names") or () if n.isascii()), None)  # the gazetteer's English
    if english is None:
        return None
    return place_name(english, data.get("province_label")) if data.get("kind") == "agency" else english


def described(graph: nx.Graph, names: Mapping[str, Names]) -> nx.Graph:
    """A copy of ``graph`` whose nodes carry what a reader of the export needs: ``label`` and ``label_vi``
    (Vietnamese, an agency with its province), ``label_en`` (English where the graph has it, else the
    Vietnamese: document numbers and task texts have no translation), ``type``, ``province`` and ``tier``.

    >>> g = nx.Graph()
    >>> g.add_node("a", kind="agency", label="Sở Y tế", province_label="Kon Tum", level="provincial",
    ...            names=["Sở Y tế", "Department of Health"], triples=[("s", "p", "o")])
    >>> dict(described(g, {}).nodes["a"])["label_en"], sorted(described(g, {}).nodes["a"])
    ('Department of Health (Kon Tum)', ['kind', 'label', 'label_en', 'label_vi', 'province', 'tier', 'type'])
    """
    out = graph.__class__()
    for node, data in graph.nodes(data=True):
        label = str(data.get("label") or node)
        if data.get("kind") == "agency":
            label = place_name(label, data.get("province_label"))
        extra = {
            "label": label,
            "label_vi": label,
            "label_en": _english(node, data, names) or label,
            "type": data.get("type") or data.get("kind"),
            "province": data.get("province_label"),
            "tier": data.get("level"),
        }
        kept = {k: v for k, v in data.items() if k not in _INTERNAL and k not in extra and k != "level"}
        out.add_node(node, **kept, **extra)
    out.add_edges_from(
        (u, v, {k: x for k, x in d.items() if k not in _INTERNAL}) for u, v, d in graph.edges(data=True)
    )
    return out


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


def serialize(graph: nx.Graph, fmt: str, names: Mapping[str, Names] | None = None) -> str:
    """``graph`` as GraphML or GEXF text (deterministic for the same graph); its nodes ``described`` with
    ``names`` (PolicyGraphs.names, the bilingual labels)."""
    writers = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    buffer = io.BytesIO()
    writers[fmt](
        flatten(described(graph, names or {})), buffer, encoding="utf-8"
    )  # UTF-8 text, not &#...; character references
    # GEXF stamps today's date; drop it so the same graph gives the same bytes
    return _MODIFIED.sub("", buffer.getvalue().decode("utf-8"))
