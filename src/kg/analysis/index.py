"""The part of the RDF graph the analysis reads, fetched with two SELECT queries and indexed by subject.

``fetch`` asks for every triple whose predicate is one the analysis uses, plus every evidence quote; the
``Index`` answers "values of p on s" and "subjects with p = o" on plain strings. Keeping this one step apart
means a remote endpoint needs to answer only two simple queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, SKOS, URIRef

from kg.analysis.rows import select_values
from kg.analysis.scan import evidence_rows, is_oxigraph
from kg.namespaces import ORG, VPO

# Document classes of the ontology's term list (the graph's ontology may add subclasses).
DOCUMENT_TERMS: tuple[URIRef, ...] = (
    VPO.Document, VPO.Directive, VPO.Resolution, VPO.Conclusion, VPO.Decision, VPO.Instruction, VPO.Law,
    VPO.Decree, VPO.Circular, VPO.Strategy, VPO.Programme, VPO.Scheme, VPO.Notice, VPO.Guidance,
    VPO.ImplementingDocument, VPO.Plan, VPO.ActionProgramme, VPO.OfficialLetter, VPO.Submission,
    VPO.Report,
)  # fmt: skip
# Classes the converter asks about: only rdf:type triples naming one of these (or a subclass) are fetched.
# Evidence, selectors and assignments are most of the rdf:type triples of a built graph and are not needed.
CLASSES: tuple[URIRef, ...] = (
    *DOCUMENT_TERMS, VPO.Task, VPO.Agency, VPO.AgencyGroup, VPO.Province, VPO.Mention, SKOS.Concept,
)  # fmt: skip

# Predicates the converter reads; nothing else is fetched.
PREDICATES: tuple[URIRef, ...] = (
    RDF.type,
    VPO.successor,
    VPO.changeKind,
    VPO.effectiveDate,
    VPO.legalBasis,
    ORG.originalOrganization,
    ORG.resultingOrganization,
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
# Read for the views (kg.present.views) on top of PREDICATES: agency hierarchy, inferred answersFor,
# source files, signers.
VIEW_PREDICATES: tuple[URIRef, ...] = (
    VPO.parentAgency,
    VPO.signedBy,
    VPO.answersFor,
    VPO.fileName,
    VPO.describes,
    VPO.reportsOn,
)

_TRIPLES_QUERY = """
SELECT ?s ?p ?o ?lang WHERE {{
  ?s ?p ?o .
  VALUES ?p {{ {predicates} }}
  BIND(IF(isLiteral(?o), LANG(?o), "") AS ?lang)
}}"""

_TYPES_QUERY = """
SELECT ?s ?o WHERE {{
  ?s a ?o .
  VALUES ?o {{ {classes} }}
}}"""

_SUBCLASS_QUERY = """
SELECT DISTINCT ?c WHERE {{ ?c rdfs:subClassOf+ ?root . VALUES ?root {{ {classes} }} }}"""

# The quote is required (a row without one is of no use); the file and the offsets are optional.
_EVIDENCE_QUERY = """
SELECT ?s ?quote ?file ?start ?end ?src WHERE {
  ?s vpo:evidence ?ev .
  ?ev oa:hasSelector ?q . ?q oa:exact ?quote .
  OPTIONAL { ?ev vpo:source ?src . OPTIONAL { ?src vpo:fileName ?file } }
  OPTIONAL { ?ev oa:hasSelector ?pos . ?pos oa:start ?start ; oa:end ?end }
}"""


@dataclass(frozen=True)
class Quote:
    """Words of a source text that state a fact: the quote, the file, and its character span."""

    text: str
    file: str | None = None
    start: int | None = None
    end: int | None = None
    # IRI of the source text (the views link to its page); not compared, so readers that do not fetch it
    # (kg.analysis.subgraph) give equal quotes.
    source: str | None = field(default=None, compare=False)


@dataclass
class Index:
    """Triples by subject and by (predicate, object), plus evidence quotes by subject."""

    by_subject: dict[str, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    by_object: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)
    by_predicate: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

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

    def text_in(self, s: str, lang: str, *predicates: URIRef) -> str | None:
        """The smallest literal in ``lang`` ("vi" also takes untagged) of the first predicate having one."""
        wanted = ("vi", "") if lang == "vi" else (lang,)
        for p in predicates:
            hits = sorted(o for o, tag in self.by_subject.get(s, {}).get(str(p), ()) if tag in wanted)
            if hits:
                return hits[0]
        return None

    def subjects(self, p: URIRef, o: str) -> list[str]:
        """Sorted subjects having ``p`` = ``o``."""
        return sorted(set(self.by_object.get((str(p), o), ())))

    def pairs(self, p: URIRef) -> list[tuple[str, str]]:
        """Sorted (subject, object) pairs of ``p``."""
        return list(self.by_predicate.get(str(p), ()))

    def described(self, s: str) -> bool:
        """True when the graph says anything about ``s`` (it is not a dangling reference)."""
        return bool(self.by_subject.get(s))


def fetch(
    source: Any, quotes: bool = True, predicates: Sequence[URIRef] = (*PREDICATES, *VIEW_PREDICATES)
) -> Index:
    """Query ``source`` (rdflib graph, Oxigraph store or query callable) and index what analysis needs.

    Four queries: the triples of ``predicates`` but rdf:type, the rdf:type triples naming CLASSES (and
    subclasses), the subclasses, and (unless not ``quotes``: they are half the cost) the quotes.
    kg.analysis.focus reads a part of the graph instead; kg.analysis.metrics_read fewer predicates.
    """
    values = " ".join(f"<{p}>" for p in predicates if p != RDF.type)
    names, rows = select_values(source, _TRIPLES_QUERY.format(predicates=values))
    rows += _type_rows(source, names)
    return index_rows(names, rows, _evidence(source) if quotes else ((), ()))


def _evidence(source: Any) -> tuple[list[str], list[tuple[str | None, ...]]]:
    """The evidence rows: by predicate scans on an Oxigraph store (kg.analysis.scan), else the query."""
    return evidence_rows(source) if is_oxigraph(source) else select_values(source, _EVIDENCE_QUERY)


def _type_rows(source: Any, names: Sequence[str]) -> list[tuple[str | None, ...]]:
    """rdf:type rows naming one of CLASSES or a subclass the graph declares, shaped like ``names``."""
    roots = " ".join(f"<{c}>" for c in CLASSES)
    _, subclasses = select_values(source, _SUBCLASS_QUERY.format(classes=roots))
    classes = roots + "".join(f" <{c}>" for (c,) in subclasses if c)
    type_names, found = select_values(source, _TYPES_QUERY.format(classes=classes))
    s_at, o_at = type_names.index("s"), type_names.index("o")
    fill = {"p": str(RDF.type), "lang": ""}
    return [
        tuple(row[s_at] if n == "s" else row[o_at] if n == "o" else fill.get(n) for n in names)
        for row in found
    ]


def index_rows(
    names: Sequence[str],
    rows: Iterable[Sequence[str | None]],
    quotes: tuple[Sequence[str], Iterable[Sequence[str | None]]] = ((), ()),
) -> Index:
    """The Index of (s, p, o, lang) rows and (s, quote, file, start, end) evidence rows, by column name."""
    at = _columns(names, ("s", "p", "o", "lang"))
    by_subject: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
    for row in rows:
        s, p, o, lang = (row[i] if i is not None else None for i in at)
        if s is not None and p is not None and o is not None:
            by_subject[s][p].add((o, lang or ""))
    by_object: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_predicate: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for s, props in by_subject.items():
        for p, objects in props.items():
            for o, _ in objects:
                by_object[(p, o)].add(s)
                by_predicate[p].append((s, o))
    return Index(
        by_subject={s: {p: sorted(v) for p, v in props.items()} for s, props in by_subject.items()},
        by_object={k: sorted(v) for k, v in by_object.items()},
        quotes=_quotes(*quotes),
        by_predicate={p: sorted(set(pairs)) for p, pairs in by_predicate.items()},
    )


def _columns(names: Sequence[str], wanted: Sequence[str]) -> list[int | None]:
    """Position of each wanted variable in a result's columns (None when the result lacks it)."""
    return [names.index(w) if w in names else None for w in wanted]


def _quotes(names: Sequence[str], rows: Iterable[Sequence[str | None]]) -> dict[str, list[Quote]]:
    at = _columns(names, ("s", "quote", "file", "start", "end", "src"))
    found: dict[str, set[Quote]] = defaultdict(set)
    for row in rows:
        s, quote, file, start, end, src = (row[i] if i is not None else None for i in at)
        if s is not None and quote is not None:
            found[s].add(Quote(quote, file, _int(start), _int(end), src))
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
