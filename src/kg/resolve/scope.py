"""Where an agency or issuer sits: its province, the central level, or — for a ministry's own units — its
parent body.

Uses the agency gazetteer (``kg.lexicon.gazetteer.resolve_agency``) when it is installed; without it, falls
back to the province named in the issuer ("Ủy ban nhân dân tỉnh X", "Tỉnh ủy X"), and to central when a
stated issuer names no province (Bộ Chính trị, Thủ tướng Chính phủ, ministries). Units whose names repeat
from one ministry to the next ("Vụ Khoa học và Công nghệ", "Văn phòng Bộ": the families listed in
data/vocab/agency_units.yaml) are scoped by the central body that issued the document assigning them tasks,
so two ministries' "Vụ Khoa học và Công nghệ" are two agencies."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.lexicon import vocab
from kg.lexicon.gazetteer import resolve_agency
from kg.text.strings import collapse, nfc, slug

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
    parent: AgencyInfo | None = None  # the body a ministry's unit belongs to (agency_units.yaml)


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


@cache
def _unit_families() -> frozenset[str]:
    return frozenset(str(e["family"]) for e in vocab.load("agency_units"))


def parent_scoped(agency_id: str) -> bool:
    """True for a gazetteer id (or open-family member id "<family>--<slug>") of a ministry's own unit.

    >>> parent_scoped("vu-thuoc-bo--vu-phap-che"), parent_scoped("bo-y-te")
    (True, False)
    """
    return agency_id.split("--", 1)[0] in _unit_families()


def can_be_parent(info: AgencyInfo | None) -> bool:
    """A document issuer that can own units: a resolved central body that is not itself a unit or a group."""
    return bool(
        info
        and info.resolved
        and info.level == "central"
        and not info.is_group
        and not parent_scoped(info.id)
    )


def document_province(province: str | None, issuer: str | None) -> str | None:
    """The province a document's tasks belong to: none for a central issuer (a ministry's plan printed "Hà
    Nội, ngày ..." is not a Hà Nội plan), else the record's province or the one its issuer names.

    >>> document_province("Hà Nội", "Bộ Y tế") is None
    True
    >>> document_province(None, "Ủy ban nhân dân tỉnh Lâm Đồng")
    'Lâm Đồng'
    """
    stated = province_in_name(issuer)
    if issuer and not stated and can_be_parent(agency_info(issuer, None)):
        return None
    return province or stated


def agency_info(
    name: str, province: str | None, is_group: bool = False, parent: AgencyInfo | None = None
) -> AgencyInfo:
    """Resolve an agency name as written in a document of ``province`` issued by ``parent``.

    A gazetteer hit decides the level (a central body is central everywhere); otherwise the agency belongs to
    the province its name states, else to the document's province. A ministry's unit is scoped by ``parent``
    (the document's issuer) when that is a central body.
    """
    info = _agency_info(name, province, is_group)
    if can_be_parent(parent) and info.province is None and parent_scoped(info.id):
        return replace(info, parent=parent)
    return info


def _agency_info(name: str, province: str | None, is_group: bool) -> AgencyInfo:
    name = collapse(nfc(name))
    match = resolve_agency(name, province)
    if match is not None:
        central = match.level == "central"
        return AgencyInfo(
            id=match.id,
            province=None if central else (province_in_name(name) or province),
            name_vi=name,  # as the record writes it (extraction already wrote the gazetteer's name there)
            name_en=match.name_en,
            level=match.level,
            branch=match.branch,
            is_group=match.is_group,
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
