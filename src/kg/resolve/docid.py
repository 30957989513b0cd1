"""Document identity across a corpus: which mentions (a record's own document, its references) are one
document.

A document is identified by (symbol or title, scope, year), where scope is the issuer's province or
``central``. Texts often leave the issuer or year out ("Nghị quyết số 20-NQ/TW" with no date), so mentions
are reconciled corpus-wide: fully specified mentions define documents; a mention missing its scope or year
joins the one document it is compatible with, or starts its own when there is none. A mention compatible
with several documents stays apart (scope ``unknown``) rather than being merged with a guess. The same
symbol in two provinces, or 20-NQ/TW and 20-NQ/TU, are different documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rdflib import URIRef

from kg import iri
from kg.lexicon.doctypes import doc_class
from kg.models import SELF, Record
from kg.resolve.scope import document_province, issuer_info
from kg.text.strings import fold, slug


@dataclass(frozen=True)
class Mention:
    """What one text says about one document."""

    record: int  # index of the record that states it
    label: str  # SELF, or the reference's number/title as lineage edges name it
    number: str | None
    title: str | None
    doc_type: str | None
    issuer: str | None
    date: str | None
    scope: str | None  # province slug, "central", or None when unknown
    key: str = ""  # Reference.key from resolve, when given

    @property
    def base(self) -> str:
        """The name part of the identity: folded symbol, or 't:' + folded title."""
        return fold(self.number) if self.number else "t:" + fold(self.title or "")

    @property
    def year(self) -> str | None:
        """The year of the date, if any."""
        return self.date[:4] if self.date and self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Identity:
    """One document: its name part, scope and year (None = unknown)."""

    base: str
    scope: str | None
    year: str | None

    def compatible(self, m: Mention) -> bool:
        """A mention fits when it names the same thing and agrees wherever both sides are known."""
        return (
            self.base == m.base
            and (self.scope is None or m.scope is None or self.scope == m.scope)
            and (self.year is None or m.year is None or self.year == m.year)
        )


def mention_scope(issuer: str | None, doc_type: str | None, province: str | None = None) -> str | None:
    """Scope slug of a document from what a text says: stated province, central issuer or type, else None."""
    if province:
        return slug(province)
    if issuer:
        info = issuer_info(issuer)
        return slug(info.province) if info.province else iri.CENTRAL
    return iri.CENTRAL if doc_class(doc_type).central else None


def record_mentions(records: Sequence[Record]) -> list[Mention]:
    """Every document mention of the corpus: each record's own document, then its references."""
    out: list[Mention] = []
    for i, rec in enumerate(records):
        d = rec.document
        province = document_province(d.province, d.issuer)
        scope = mention_scope(d.issuer, d.doc_type, province)
        # a document with neither number nor title is named by its source text, so two never merge
        title = d.title or (None if d.number else f"source {rec.source.sha256 or rec.source.path or i}")
        out.append(Mention(i, SELF, d.number, title, d.doc_type, d.issuer, d.date, scope))
        for r in rec.references:
            scope = mention_scope(r.issuer, r.doc_type)
            out.append(Mention(i, r.label, r.number, r.title, r.doc_type, r.issuer, r.date, scope, r.key))
    return out


def _specificity(m: Mention) -> tuple[int, str, str, int]:
    """Fully specified mentions first, then scope-only, year-only, neither; ties broken deterministically."""
    rank = (m.scope is None) * 2 + (m.year is None)
    return (rank, m.scope or "", m.year or "", m.record)


def reconcile(mentions: Sequence[Mention]) -> list[Identity]:
    """The identity of each mention (same order), merging underspecified mentions where unambiguous."""
    groups: list[Identity] = []
    by_base: dict[str, list[int]] = {}
    by_key: dict[str, int] = {}
    assigned: dict[int, int] = {}
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].base, _specificity(mentions[i])))
    for i in order:
        m = mentions[i]
        if m.key and m.key in by_key:
            assigned[i] = by_key[m.key]
            continue
        fits = [g for g in by_base.get(m.base, ()) if groups[g].compatible(m)]
        if len(fits) == 1:
            g = fits[0]
            groups[g] = replace(groups[g], scope=groups[g].scope or m.scope, year=groups[g].year or m.year)
        else:
            # none fits, or several do: a new document rather than a guess between candidates
            groups.append(Identity(m.base, m.scope if fits == [] else m.scope or iri.UNKNOWN, m.year))
            g = len(groups) - 1
            by_base.setdefault(m.base, []).append(g)
        assigned[i] = g
        if m.key:
            by_key[m.key] = g
    return [groups[assigned[i]] for i in range(len(mentions))]


def identity_iri(ident: Identity, mention: Mention) -> URIRef:
    """The document IRI of an identity (the mention gives the symbol/title as printed)."""
    scope = ident.scope or iri.UNKNOWN
    if mention.number:
        return iri.doc_iri(scope, ident.year, mention.number)
    return iri.untitled_doc_iri(scope, ident.year, mention.title or mention.label or str(mention.record))
