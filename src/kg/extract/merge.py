"""One identity per document across spelling variants, different documents kept apart.

Within one text, mentions merge by identity number ("50/KL-TW" = "50-KL/TW", "47/Ctr-TU" = "47-CTr/TU").
Across texts the key also carries what the symbol alone cannot tell: a provincial symbol ("N/KH-UBND",
"N-NQ/TU") is scoped by issuer and year, so two provinces' plans with one number stay two documents; an
unnumbered law or strategy is keyed by its folded title (and issuer/date when the text gives them).
"""

from __future__ import annotations

from kg.extract.references import Mention
from kg.extract.symbols import identity_number
from kg.models import Reference
from kg.normalize import Text
from kg.text.strings import fold, slug

# Issuer codes whose documents are unique nationwide by symbol alone (central bodies).
_CENTRAL = ("TW", "TTg", "CP", "QH", "VPCP", "UBTVQH")


def document_key(number: str | None, issuer: str | None, date: str | None, title: str | None = None) -> str:
    """Identity key of a document for the graph.

    >>> document_key("50/KL-TW", None, None) == document_key("50-KL/TW", "Ban Bí thư", "2019-05-30")
    True
    >>> document_key("12/KH-UBND", "Ủy ban nhân dân tỉnh Lâm Đồng", "2024") != document_key(
    ...     "12/KH-UBND", "Ủy ban nhân dân tỉnh Nam Định", "2024")
    True
    """
    if number:
        ident = identity_number(number)
        code = ident.replace("/", "-").split("-")[-1]
        if code in _CENTRAL or "/20" in ident or "/19" in ident:
            return "num:" + slug(ident)
        scope = slug(issuer) if issuer else "unknown"
        year = (date or "")[:4] or "unknown"
        return f"num:{slug(ident)}@{scope}/{year}"
    return f"title:{slug(title or '')}@{slug(issuer or '')}/{(date or '')[:4]}"


def merge_mentions(text: Text, mentions: list[Mention], self_key: str | None) -> list[Reference]:
    """Distinct references (the document's own mentions left out), each from its fullest mention."""
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        if self_key and m.key == self_key:
            continue
        groups.setdefault(m.key, []).append(m)
    refs: list[Reference] = []
    for group in groups.values():
        refs.append(_reference(text, group))
    return refs


def _first(values: list[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _reference(text: Text, group: list[Mention]) -> Reference:
    best = max(group, key=lambda m: (bool(m.issuer) + bool(m.date) + bool(m.doc_type), -m.start))
    number = group[0].number
    doc_type = _first([m.doc_type for m in group])
    issuer = _first([m.issuer for m in group])
    date = _first([m.date for m in group])
    title = None if number else max((m.title or "" for m in group), key=len) or None
    return Reference(
        number=number,
        doc_type=doc_type,
        issuer=issuer,
        date=date,
        title=title,
        span=text.span(best.start, best.end),
        key=document_key(number, issuer, date, title),
    )


def same_title(a: str, b: str) -> bool:
    """Whether two titles name one document (folded comparison)."""
    return fold(a) == fold(b)
