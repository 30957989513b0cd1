"""Stage 4, the corpus door: every identity the graph needs, resolved once before a triple is written.

Documents: which mentions (each record's own document, its references, lineage endpoints that name no
reference) are one document (kg.resolve.docid), its IRI, the province it belongs to and its issuer. Agencies:
each record's province and issuer and the agency every assignment names, against the gazetteer
(kg.resolve.scope). The RDF mapping (kg.rdf) writes these identities and resolves no name again (issue 11:
the mapping used to resolve every agency name itself).

Provinces are collected in the order the graph is written (the documents, then each record's assignments),
keeping the first spelling met for a province, so a document's jurisdiction is the one the mapping gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import URIRef

from kg import iri
from kg.models import SELF, Record
from kg.resolve.docid import Identity, Mention, identity_iri, reconcile, record_mentions
from kg.resolve.scope import AgencyInfo, agency_info, document_province, issuer_info
from kg.text.strings import fold, slug


@dataclass(frozen=True)
class Document:
    """One document of the corpus: what the texts say of it (its own record's mention first), its identity,
    province and issuer."""

    mentions: tuple[Mention, ...]
    identity: Identity
    province: str | None
    issuer: AgencyInfo | None


@dataclass(frozen=True)
class RecordAgencies:
    """The agencies of one record: the province its tasks belong to, its issuer, and the agency of each
    assignment (same order as ``Record.assignments``)."""

    province: str | None
    issuer: AgencyInfo | None
    assignments: tuple[AgencyInfo, ...]


@dataclass
class Corpus:
    """The identities of a corpus of records (``resolve_corpus``)."""

    records: Sequence[Record]
    documents: dict[URIRef, Document]  # in the order first mentioned
    agencies: list[RecordAgencies]  # one per record
    provinces: dict[str, str]  # scope slug → province name
    labels: dict[tuple[int, str], URIRef] = field(default_factory=dict)  # (record, folded label) → document

    def doc(self, record: int, label: str) -> URIRef:
        """The document a record's lineage endpoint or reference label (or SELF) names."""
        return self.labels[(record, fold(label))]


def resolve_corpus(records: Sequence[Record]) -> Corpus:
    """Resolve every document and agency identity of ``records`` (deterministic for a given input)."""
    mentions = record_mentions(records) + dangling_endpoints(records)
    identities = reconcile(mentions)
    corpus = Corpus(records, {}, [], {})
    for m, ident in zip(mentions, identities, strict=True):
        corpus.labels.setdefault((m.record, fold(m.label)), identity_iri(ident, m))
        own = records[m.record].document.province if m.label == SELF else None
        province = document_province(own, m.issuer)
        if ident.scope and ident.scope != iri.CENTRAL and province:
            corpus.provinces.setdefault(ident.scope, province)
    _resolve_documents(corpus, mentions, identities)
    for rec in records:
        corpus.agencies.append(_resolve_agencies(corpus, rec))
    return corpus


def dangling_endpoints(records: Sequence[Record]) -> list[Mention]:
    """Lineage endpoints that name no listed reference become references of their own (number or title)."""
    out = []
    for i, rec in enumerate(records):
        known = {fold(r.label) for r in rec.references} | {fold(SELF)}
        for label in sorted({e.source for e in rec.lineage} | {e.target for e in rec.lineage}):
            if fold(label) not in known:
                numbered = "/" in label and any(c.isdigit() for c in label)
                number, title = (label, None) if numbered else (None, label)
                out.append(Mention(i, label, number, title, None, None, None, None))
    return out


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _resolve_documents(corpus: Corpus, mentions: list[Mention], identities: list[Identity]) -> None:
    by_doc: dict[URIRef, list[Mention]] = {}
    idents: dict[URIRef, Identity] = {}
    for m, ident in zip(mentions, identities, strict=True):
        doc = identity_iri(ident, m)
        by_doc.setdefault(doc, []).append(m)
        idents[doc] = ident
    for doc, found in by_doc.items():
        ms = sorted(found, key=lambda m: (m.label != SELF, m.record))
        province = corpus.provinces.get(idents[doc].scope or "")
        ingested = ms[0].label == SELF
        issuer = (
            _first([m.issuer for m in ms if m.label == SELF]) if ingested else _first([m.issuer for m in ms])
        )
        info = issuer_info(issuer, province) if issuer else None
        if info:
            _note_provinces(corpus, info)
        corpus.documents[doc] = Document(tuple(ms), idents[doc], province, info)


def _resolve_agencies(corpus: Corpus, rec: Record) -> RecordAgencies:
    d = rec.document
    province = document_province(d.province, d.issuer)
    issuer = issuer_info(d.issuer, province) if d.issuer else None
    found = []
    for a in rec.assignments:
        info = agency_info(a.agency, province, a.is_group, parent=issuer)
        _note_provinces(corpus, info)
        found.append(info)
    return RecordAgencies(province, issuer, tuple(found))


def _note_provinces(corpus: Corpus, info: AgencyInfo) -> None:
    """Remember the province of an agency (its parent's first), keeping the first spelling met."""
    if info.parent:
        _note_provinces(corpus, info.parent)
    if info.province:
        corpus.provinces.setdefault(slug(info.province), info.province)
