"""Issuer names as records show them: full names, abbreviations expanded, the province added (NOTES.md G3).

Names are resolved against the agency gazetteer (kg.lexicon.gazetteer) for their official form; a provincial
body
named without its province ("Tỉnh ủy", "UBND tỉnh", "Sở Khoa học và Công nghệ") gets the document's province.
"""

from __future__ import annotations

import re

from kg.lexicon.gazetteer import expand_abbreviations, resolve_agency
from kg.text.strings import collapse, fold

# Words after which a provincial body's name takes the province directly ("Tỉnh ủy Lâm Đồng").
_PARTY_TAIL = re.compile(
    r"(?:tỉnh|thành|huyện|quận|thị)\s+ủy$|(?:tỉnh|thành|huyện|quận|thị)\s+uỷ$", re.IGNORECASE
)
_TERM = re.compile(r"\s*\(?\s*(?:khóa|khoá|nhiệm kỳ)\s+[IVXLC\d]+.*$", re.IGNORECASE)


def _official(name: str, province: str | None) -> tuple[str, str | None]:
    """(official name, level) from the gazetteer, or the expanded name with a capital first letter."""
    expanded = collapse(expand_abbreviations(name))
    if resolve_agency is not None:
        try:
            match = resolve_agency(expanded, province)
        except Exception:
            match = None
        if match is not None:
            return match.name, match.level
    return expanded[:1].upper() + expanded[1:], None


def issuer_full_name(raw: str, province: str | None, unit: str | None = None) -> str:
    """The issuer's full name, with the province when the text names a provincial body without it.

    >>> issuer_full_name("Thủ tướng chính phủ", "Lâm Đồng")
    'Thủ tướng Chính phủ'
    >>> issuer_full_name("Tỉnh ủy", "Lâm Đồng")
    'Tỉnh ủy Lâm Đồng'
    >>> issuer_full_name("UBND tỉnh", "Bắc Kạn")
    'Ủy ban nhân dân tỉnh Bắc Kạn'
    """
    name = _TERM.sub("", collapse(raw)).strip(" ,;:")
    written_has_province = bool(province) and fold(province or "") in fold(name)
    official, level = _official(name, province)
    if not province or written_has_province or fold(province) in fold(official):
        return official if not written_has_province else _keep_province(official, name, province or "")
    unit = unit or "tỉnh"
    if _PARTY_TAIL.search(official):
        return f"{official} {province}"
    if re.search(r"\s(?:tỉnh|thành phố)$", official):
        return f"{official} {province}"
    if level == "provincial" or (level is None and fold(official).startswith(("so ", "ban ", "van phong "))):
        return f"{official} {unit} {province}"
    return official


def _keep_province(official: str, written: str, province: str) -> str:
    """When the text names the province, keep it (the gazetteer's name has none)."""
    if fold(province) in fold(official):
        return official
    expanded = collapse(expand_abbreviations(written))
    return expanded[:1].upper() + expanded[1:]
