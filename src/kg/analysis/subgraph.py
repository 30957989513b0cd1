"""Read a part of the graph: the subjects a SPARQL pattern names, every triple about them, and their quotes.

kg.analysis.index.fetch reads the whole graph with a few predicate-bound SELECTs. A question about one
document or agency needs a few hundred subjects out of millions, so here the subjects come first (one
SELECT DISTINCT ?s over the pattern), then their triples by ``VALUES ?s`` in batches, then the evidence
nodes, selectors and sources the same way, joined into quotes in Python. Each step is an index lookup on the
subject; Oxigraph evaluates a join of ``VALUES ?s`` with ``VALUES ?p`` by scanning every listed predicate
instead, so predicates are filtered here, not in the query (benchmarks/RESULTS.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from itertools import product
from typing import Any

from rdflib import URIRef

from kg.analysis.index import PREDICATES, Index, index_rows
from kg.analysis.rows import select_values
from kg.analysis.scan import is_oxigraph
from kg.namespaces import OA, VPO

BATCH = 1000  # IRIs per VALUES block: keeps each query text small for remote endpoints

_DESCRIBE = """
SELECT ?s ?p ?o ?lang WHERE {{
  VALUES ?s {{ {subjects} }}
  ?s ?p ?o .
  {only}
  BIND(IF(isLiteral(?o), LANG(?o), "") AS ?lang)
}}"""

Triple = tuple[str, str, str, str]  # subject, predicate, object (lexical), language tag or ""


def subjects(source: Any, pattern: str) -> list[str]:
    """Sorted IRIs that ``pattern`` (a SPARQL group pattern) binds to ``?s``; blank nodes are left out."""
    _, rows = select_values(source, f"SELECT DISTINCT ?s WHERE {{ {pattern} FILTER(isIRI(?s)) }}")
    return sorted({s for (s,) in rows if s})


def describe(source: Any, iris: Iterable[str], predicates: Iterable[URIRef] | None = None) -> list[Triple]:
    """Every triple about one of ``iris`` (with a predicate among ``predicates``), as (s, p, o, lang).

    Predicates are a FILTER, not a ``VALUES ?p`` join, which Oxigraph evaluates by scanning each predicate.
    """
    wanted = sorted(set(iris))
    if is_oxigraph(source):
        return _scan(source, wanted, predicates)
    only = f"FILTER(?p IN ({', '.join(f'<{p}>' for p in sorted(set(predicates)))}))" if predicates else ""
    found: list[Triple] = []
    for start in range(0, len(wanted), BATCH):
        block = " ".join(f"<{i}>" for i in wanted[start : start + BATCH])
        names, rows = select_values(source, _DESCRIBE.format(subjects=block, only=only))
        at = [names.index(n) for n in ("s", "p", "o", "lang")]
        for row in rows:
            s, p, o, lang = (row[i] for i in at)
            if s is not None and p is not None and o is not None:
                found.append((s, p, o, lang or ""))
    return found


# Up to this many predicates a subject's triples are looked up predicate by predicate; above it, all its
# triples are read and filtered. A document or an issuer of a national corpus has thousands of triples (its
# tasks, assignments, evidence, answersFor) of which a name lookup wants five: reading them all took 3.2 CPU s
# for 10,000 documents, five lookups each 0.7 s (SPARQL: 0.8 s). Whole conversions (48 predicates, of tasks
# and assignments with a dozen triples each) read each subject at once.
_BY_PREDICATE = 40


def _scan(store: Any, iris: list[str], predicates: Iterable[URIRef] | None) -> list[Triple]:
    """``describe`` on a pyoxigraph Store by index lookups over every graph (as the store's union of named
    graphs answers a query), without evaluating SPARQL: the query's VALUES join and FILTER cost 50-60 % of
    `kg compare --implementing` and `kg who` at 1,000 generated documents (issue 15)."""
    import pyoxigraph as ox  # only called with a pyoxigraph store

    keep = sorted({str(p) for p in predicates}) if predicates else []
    each = [ox.NamedNode(p) for p in keep] if len(keep) <= _BY_PREDICATE else [None]
    wanted = set(keep)
    found: set[Triple] = set()
    for iri in iris:
        try:
            subject = ox.NamedNode(iri)
        except ValueError:  # not an IRI (a blank node's label): the query's <…> would match nothing either
            continue
        for predicate in each if keep else [None]:
            for quad in store.quads_for_pattern(subject, predicate, None):
                p = quad.predicate.value
                if not keep or p in wanted:
                    o = quad.object
                    found.add((iri, p, o.value, getattr(o, "language", None) or ""))
    return sorted(found)


def fetch_subjects(
    source: Any,
    iris: Iterable[str],
    predicates: Sequence[URIRef] = PREDICATES,
    quotes: bool = True,
    follow: Sequence[URIRef] = (),
    depth: int = 0,
    lean: tuple[Collection[str], Sequence[URIRef]] | None = None,
    extra: Iterable[Triple] = (),
) -> Index:
    """The Index of ``iris``: their triples of ``predicates`` and (when ``quotes``) their evidence quotes.

    ``follow``: predicates whose objects are read too, up to ``depth`` steps away (a document's issuer,
    then the issuer's province). Expanding in Python, one ``VALUES`` query a step, keeps every query an
    index lookup: a nested pattern (``{ path to ?d } ?d vpo:inField ?s``) made Oxigraph scan every triple
    of the predicate first, 70 s instead of milliseconds at a million triples.

    ``lean``: (the subjects read whole, fewer predicates for every other subject), so an agency's thousands of
    tasks elsewhere in the corpus are not read; ``extra``: triples added as read (the few of those wanted).
    """
    needed = [*predicates, *follow, *((VPO.evidence,) if quotes else ())]
    less = [p for p in needed if p in lean[1] or p in follow or p == VPO.evidence] if lean else needed

    def read(subjects: set[str]) -> list[Triple]:
        whole = {s for s in subjects if s in lean[0]} if lean else subjects
        found = describe(source, whole, needed) if whole else []
        return found + (describe(source, subjects - whole, less) if subjects - whole else [])

    seen = set(iris)
    triples = read(seen) + list(extra)
    wanted = {str(p) for p in follow}
    for _ in range(depth):
        frontier = {o for _, p, o, _ in triples if p in wanted} - seen
        if not frontier:
            break
        seen |= frontier
        triples += read(frontier)
    keep = {str(p) for p in predicates}
    rows = [t for t in triples if t[1] in keep]
    evidence = [(s, o) for s, p, o, _ in triples if p == str(VPO.evidence)] if quotes else []
    quote_rows = _quote_rows(source, evidence)
    return index_rows(("s", "p", "o", "lang"), rows, (("s", "quote", "file", "start", "end"), quote_rows))


def _quote_rows(source: Any, evidence: list[tuple[str, str]]) -> list[tuple[str | None, ...]]:
    """(subject, quote, file, start, end) rows, as kg.analysis.index's evidence query gives them."""
    if not evidence:
        return []
    ev = _by_subject(describe(source, {e for _, e in evidence}))
    parts = {o for props in ev.values() for p in (OA.hasSelector, VPO.source) for o in props.get(str(p), ())}
    part = _by_subject(describe(source, parts))
    rows: list[tuple[str | None, ...]] = []
    for subject, node in evidence:
        props = ev.get(node, {})
        selectors = [part.get(sel, {}) for sel in props.get(str(OA.hasSelector), ())]
        texts = [q for sel in selectors for q in sel.get(str(OA.exact), ())]
        spans: list[tuple[str | None, str | None]] = [
            (start, end)
            for sel in selectors
            for start in sel.get(str(OA.start), ())
            for end in sel.get(str(OA.end), ())
        ] or [(None, None)]
        files: list[str | None] = [
            f for src in props.get(str(VPO.source), ()) for f in part.get(src, {}).get(str(VPO.fileName), ())
        ]
        for text, file, (start, end) in product(texts, files or [None], spans):
            rows.append((subject, text, file, start, end))
    return rows


def _by_subject(triples: Iterable[Triple]) -> dict[str, dict[str, list[str]]]:
    found: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o, _ in triples:
        found[s][p].append(o)
    return found
