"""Find the nodes a researcher names: documents in the lineage graph, agencies in the responsibility graph.

Unknown names raise kg.errors.UnknownDocument / UnknownAgency carrying the closest names as suggestions.
"""

from __future__ import annotations

import networkx as nx

from kg.analysis.matching import closest, doc_key, match_names, same_place
from kg.errors import UnknownAgency, UnknownDocument


def find_documents(lineage: nx.DiGraph, query: str) -> list[str]:
    """Documents named by ``query``: an IRI, a symbol (separators and case ignored), a label or a title.

    A symbol several provinces use (e.g. "N/KH-UBND") may name several documents; all are returned.

    >>> g = nx.DiGraph()
    >>> g.add_node("urn:a", identifier="12-KL/TW", label="12-KL/TW", title=None)
    >>> g.add_node("urn:b", identifier="5/KH-UBND", label="5/KH-UBND (Hà Nam)", title=None)
    >>> find_documents(g, "12/kl-tw")
    ['urn:a']
    >>> find_documents(g, "12-KL/TU")
    Traceback (most recent call last):
    ...
    kg.errors.UnknownDocument: unknown document '12-KL/TU'. Did you mean: 12-KL/TW?
    """
    if query in lineage:
        return [query]
    key = doc_key(query)
    for attr in ("identifier", "label", "title"):
        hits = sorted(n for n, value in lineage.nodes(data=attr) if value and doc_key(value) == key)
        if hits:
            return hits
    names = [v for _, v in lineage.nodes(data="identifier") if v] or [
        v for _, v in lineage.nodes(data="label")
    ]
    raise UnknownDocument(query, closest(query, names, cutoff=0.6))


def agencies(responsibility: nx.DiGraph, province: str | None = None) -> list[str]:
    """Agency nodes, optionally only those of ``province`` (diacritics ignored)."""
    found = [n for n, kind in responsibility.nodes(data="kind") if kind == "agency"]
    if province:
        found = [n for n in found if same_place(province, responsibility.nodes[n].get("province_label"))]
    return sorted(found)


def find_agencies(responsibility: nx.DiGraph, query: str, province: str | None = None) -> list[str]:
    """Agencies named by ``query`` (an IRI, a full name, a name without diacritics, or an abbreviation).

    >>> g = nx.DiGraph()
    >>> g.add_node("urn:s", kind="agency", label="Sở Khoa học và Công nghệ tỉnh Hà Nam",
    ...            names=["Sở Khoa học và Công nghệ tỉnh Hà Nam", "Sở KH&CN"], province_label="Hà Nam")
    >>> find_agencies(g, "so khcn", province="Ha Nam")
    ['urn:s']
    >>> try:
    ...     find_agencies(g, "So Khoa hoc Cong nge")
    ... except UnknownAgency as err:
    ...     print(err.suggestions)
    ['Sở Khoa học và Công nghệ tỉnh Hà Nam']
    """
    pool = agencies(responsibility, province)
    if query in pool:
        return [query]
    nodes = responsibility.nodes
    names = {n: [nodes[n].get("label") or n, *(nodes[n].get("names") or [])] for n in pool}
    suffixes = {n: nodes[n].get("province_label") or "" for n in pool}
    hits = match_names(query, names, suffixes)
    if hits:
        return hits
    every = agencies(responsibility)  # suggest across provinces: the province may be the mistake
    raise UnknownAgency(query, closest(query, [nodes[n].get("label") or n for n in every]))
