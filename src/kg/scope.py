"""Where an agency or issuer sits: its province, or the central level.

Uses the agency gazetteer (``kg.resolve.agencies.resolve_agency``) when it is installed; without it, falls
back to the province named in the issuer ("Ủy ban nhân dân tỉnh X", "Tỉnh ủy X"), and to central when a
stated issuer names no province (Bộ Chính trị, Thủ tướng Chính phủ, ministries)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kg.textutil import collapse, nfc, slug

# The province is the capitalised name after the last "tỉnh" / "thành phố" / "Tỉnh ủy" / "Thành ủy" of a name.
_PROVINCE = re.compile(r"\b(?:tỉnh ủy|thành ủy|tỉnh|thành phố)\s+(\S.*?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class AgencyInfo:
    """An agency as the graph needs it: a stable id, its scope and what the gazetteer knows."""

    id: str  # gazetteer id, or slug of the name as written
    province: str | None  # None = central
    name_vi: str
    name_en: str | None = None
    level: str | None = None  # central | provincial | district | commune
    branch: str | None = None  # party | state | massOrganisation
    is_group: bool = False
    resolved: bool = False


def province_in_name(name: str | None) -> str | None:
    """The province a name states, if any.

    >>> province_in_name("Ủy ban nhân dân tỉnh Lâm Đồng")
    'Lâm Đồng'
    >>> province_in_name("Ban Thường vụ Tỉnh ủy Nam Định")
    'Nam Định'
    >>> province_in_name("Bộ Chính trị") is None
    True
    >>> province_in_name("Ban Tuyên giáo Tỉnh ủy") is None
    True
    """
    if not name:
        return None
    text = collapse(nfc(name))
    # every keyword position, last first; "Tỉnh ủy" alone (no name after it) is not a province
    starts = [m.start() for m in re.finditer(r"\b(?:tỉnh|thành)\b", text, re.IGNORECASE)]
    for start in reversed(starts):
        match = _PROVINCE.match(text, start)
        if match and match.group(1)[0].isupper():
            return match.group(1)
    return None


def _resolver() -> Any:
    """The gazetteer's ``resolve_agency`` or None while that module is missing."""
    try:
        from kg.resolve.agencies import resolve_agency
    except ImportError:
        return None
    return resolve_agency


def agency_info(name: str, province: str | None, is_group: bool = False) -> AgencyInfo:
    """Resolve an agency name as written in a document of ``province``.

    A gazetteer hit decides the level (a central body is central everywhere); otherwise the agency belongs to
    the province its name states, else to the document's province.
    """
    name = collapse(nfc(name))
    resolve = _resolver()
    match = resolve(name, province) if resolve else None
    if match is not None:
        level = getattr(match, "level", None)
        central = level == "central"
        return AgencyInfo(
            id=str(match.id),
            province=None if central else (province_in_name(name) or province),
            name_vi=getattr(match, "name_vi", None) or name,
            name_en=getattr(match, "name_en", None),
            level=level,
            branch=getattr(match, "branch", None),
            is_group=bool(getattr(match, "is_group", is_group)),
            resolved=True,
        )
    return AgencyInfo(
        id=slug(name) or "agency",
        province=province_in_name(name) or province,
        name_vi=name,
        is_group=is_group,
    )


def issuer_info(issuer: str, province: str | None = None) -> AgencyInfo:
    """An issuer named in full: its own province wins; a stated issuer naming no province is central."""
    stated = province_in_name(issuer)
    info = agency_info(issuer, stated or province)
    if info.resolved or stated:
        return info
    return AgencyInfo(id=info.id, province=None, name_vi=info.name_vi, level="central")
