"""The part of the RDF graph the analysis reads, fetched with two SELECT queries and indexed by subject.

``fetch`` asks for every triple whose predicate is one the analysis uses, plus every evidence quote; the
``Index`` answers "values of p on s" and "subjects with p = o" on plain strings. Keeping this one step apart
means a remote endpoint needs to answer only two simple queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, SKOS, URIRef

from kg.analysis.rows import select
from kg.namespaces import VPO

# Predicates the converter reads; nothing else is fetched.
PREDICATES: tuple[URIRef, ...] = (
    RDF.type,
    RDFS.label,
    RDFS.subClassOf,
    SKOS.prefLabel,
    SKOS.notation,
    VPO.identifier,
    VPO.title,
    VPO.dateIssued,
    VPO.ingested,
    VPO.issuedBy,
    VPO.jurisdiction,
    VPO.inField,
    VPO.level,
    VPO.branch,
    VPO.nameAsWritten,
    VPO.abbreviation,
    VPO.implements,
    VPO.basedOn,
    VPO.cites,
    VPO.lineageStatement,
    VPO.lineageRelation,
    VPO.lineageTarget,
    VPO.mentionedDocument,
    VPO.hasTask,
    VPO.taskOf,
    VPO.taskText,
    VPO.deadlineText,
    VPO.hasAssignment,
    VPO.assignedTask,
    VPO.assignedAgency,
    VPO.role,
    VPO.leads,
    VPO.coordinates,
    VPO.hasTarget,
    VPO.indicator,
    VPO.targetValue,
    VPO.minValue,
    VPO.maxValue,
    VPO.unit,
    VPO.targetYear,
    VPO.comparator,
)

_TRIPLES_QUERY = """
SELECT ?s ?p ?o ?lang WHERE {{
  ?s ?p ?o .
  VALUES ?p {{ {predicates} }}
  BIND(IF(isLiteral(?o), LANG(?o), "") AS ?lang)
}}"""

_EVIDENCE_QUERY = """
SELECT ?s ?quote ?file ?start ?end WHERE {
  ?s vpo:evidence ?ev .
  OPTIONAL { ?ev oa:hasSelector ?q . ?q oa:exact ?quote }
  OPTIONAL { ?ev vpo:source ?src . ?src vpo:fileName ?file }
  OPTIONAL { ?ev oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }
}"""


@dataclass(frozen=True)
class Quote:
    """Words of a source text that state a fact: the quote, the file, and its character span."""

    text: str
    file: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Index:
    """Triples by subject and by (predicate, object), plus evidence quotes by subject."""

    by_subject: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    by_object: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)

    def values(self, s: str, p: URIRef) -> list[str]:
        """Sorted distinct values of ``p`` on ``s``."""
        return sorted({o for o, _ in self.by_subject.get(s, {}).get(str(p), ())})

    def first(self, s: str, p: URIRef) -> str | None:
        """The smallest value of ``p`` on ``s`` (deterministic when there are several), or None."""
        found = self.values(s, p)
        return found[0] if found else None

    def text(self, s: str, *predicates: URIRef) -> str | None:
        """The first literal found, trying predicates in order and preferring Vietnamese or untagged."""
        for p in predicates:
            pairs = sorted(self.by_subject.get(s, {}).get(str(p), ()))
            for wanted in ("vi", ""):
                hits = [o for o, lang in pairs if lang == wanted]
                if hits:
                    return hits[0]
            if pairs:
                return pairs[0][0]
        return None

    def subjects(self, p: URIRef, o: str) -> list[str]:
        """Sorted subjects having ``p`` = ``o``."""
        return sorted(set(self.by_object.get((str(p), o), ())))

    def pairs(self, p: URIRef) -> list[tuple[str, str]]:
        """Sorted (subject, object) pairs of ``p``."""
        key = str(p)
        return sorted((s, o) for s, props in self.by_subject.items() for o, _ in props.get(key, ()))

    def described(self, s: str) -> bool:
        """True when the graph says anything about ``s`` (it is not a dangling reference)."""
        return bool(self.by_subject.get(s))


def fetch(source: Any) -> Index:
    """Query ``source`` (rdflib graph, Oxigraph store or query callable) and index what analysis needs."""
    predicates = " ".join(f"<{p}>" for p in PREDICATES)
    rows = select(source, _TRIPLES_QUERY.format(predicates=predicates))
    by_subject: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    by_object: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        by_subject[row["s"]][row["p"]].add((row["o"], row.get("lang", "")))
        by_object[(row["p"], row["o"])].add(row["s"])
    return Index(
        by_subject={s: {p: sorted(v) for p, v in props.items()} for s, props in by_subject.items()},
        by_object={k: sorted(v) for k, v in by_object.items()},
        quotes=_quotes(select(source, _EVIDENCE_QUERY)),
    )


def _quotes(rows: list[dict[str, str]]) -> dict[str, list[Quote]]:
    found: dict[str, set[Quote]] = defaultdict(set)
    for row in rows:
        if "quote" in row:
            found[row["s"]].add(
                Quote(row["quote"], row.get("file"), _int(row.get("start")), _int(row.get("end")))
            )
    return {s: sorted_quotes(q) for s, q in found.items()}


def sorted_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """Distinct quotes in file and text order."""
    return sorted(set(quotes), key=lambda q: (q.file or "", q.start if q.start is not None else -1, q.text))


def _int(value: str | None) -> int | None:
    return int(value) if value is not None and value.lstrip("-").isdigit() else None


def local_name(iri: str) -> str:
    """The last segment of an IRI, after '#' or '/'.

    >>> local_name("https://w3id.org/vn-policy-kg/ontology#implements")
    'implements'
    >>> local_name("https://w3id.org/vn-policy-kg/field/agriculture")
    'agriculture'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
