"""Evidence rows of an Oxigraph store by predicate scans joined in Python: the rows kg.analysis.index's
evidence SELECT gives, without the query.

Why: Oxigraph evaluates that SELECT (a selector join with two OPTIONALs) at 70 µs a row, 3.2 of the 7.2 s
kg.analysis.index.fetch takes at 1,000 generated documents, and worse than linearly above (issue 15); seven
scans of one predicate each and dictionary joins give the same rows in a fraction of it. Other sources (rdflib
graphs, remote endpoints) keep the query.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from kg.namespaces import OA, VPO

EVIDENCE_COLUMNS = ("s", "quote", "file", "start", "end", "src")
Row = tuple[str | None, ...]


def is_oxigraph(source: Any) -> bool:
    """Whether ``source`` is a pyoxigraph Store (checked by module, so nothing imports pyoxigraph here)."""
    return type(source).__module__.startswith("pyoxigraph")


def evidence_rows(store: Any) -> tuple[list[str], list[Row]]:
    """(columns, rows) of every (subject, quote, file, start, end, source) the evidence SELECT returns:
    ``?s vpo:evidence ?ev . ?ev oa:hasSelector ?q . ?q oa:exact ?quote``, the source (and its file name)
    and a selector's start and end when there are; None where the query leaves a variable unbound."""
    pairs = {p: _pairs(store, str(p)) for p in (VPO.evidence, OA.hasSelector, OA.exact, VPO.source,
                                                    VPO.fileName, OA.start, OA.end)}  # fmt: skip
    selectors, exact = pairs[OA.hasSelector], pairs[OA.exact]
    files = pairs[VPO.fileName]
    starts, ends = pairs[OA.start], pairs[OA.end]
    rows: list[Row] = []
    for s, evs in pairs[VPO.evidence].items():
        for ev in evs:
            sources = [(f, src) for src in pairs[VPO.source].get(ev, ()) for f in _or_none(files.get(src))]
            spans = [
                (a, b)
                for pos in selectors.get(ev, ())
                for a in starts.get(pos, ())
                for b in ends.get(pos, ())
            ]
            for q in selectors.get(ev, ()):
                for quote in exact.get(q, ()):
                    for file, src in sources or [(None, None)]:
                        rows.extend((s.value, quote.value, _value(file), _value(a), _value(b), _value(src))
                                    for a, b in spans or [(None, None)])  # fmt: skip
    return list(EVIDENCE_COLUMNS), rows


def _pairs(store: Any, predicate: str) -> dict[Any, list[Any]]:
    """subject term → its distinct object terms for ``predicate``, over every graph of the store."""
    import pyoxigraph as ox  # only called with a pyoxigraph store

    found: dict[Any, set[Any]] = defaultdict(set)
    for quad in store.quads_for_pattern(None, ox.NamedNode(predicate), None):
        found[quad.subject].add(quad.object)
    return {s: list(objects) for s, objects in found.items()}


def _or_none(values: list[Any] | None) -> Iterator[Any]:
    """The values, or one None when there are none (an OPTIONAL left unbound)."""
    yield from values or [None]


def _value(term: Any) -> str | None:
    return None if term is None else term.value
