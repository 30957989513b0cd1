"""Issuer names as records show them: full names, abbreviations expanded, the province added (NOTES.md G3).

Names are resolved against the agency gazetteer (kg.lexicon.gazetteer) for their official form; a provincial
body
named without its province ("Tỉnh ủy", "UBND tỉnh", "Sở Khoa học và Công nghệ") gets the document's province.
"""

from __future__ import annotations

import re

from kg.lexicon.gazetteer import expand_abbreviations, resolve_agency
from kg.segment.patterns import UNIT_HEAD
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
            return match.official or match.name, match.level
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


# --- the issuer block of a header ---------------------------------------------------------------------------

# A unit under the body named above it ("UBND TỈNH X" / "SỞ Y"; "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC").
# "BAN NHÂN DÂN" and "BAN CHẤP HÀNH" are the wrapped tails of "ỦY BAN NHÂN DÂN" and the committee itself.
_CHILD_HEAD = re.compile("^" + UNIT_HEAD)
# The standing body of a committee signs for it: "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ ... XÃ X", "T/M BAN
# THƯỜNG VỤ" under "TỈNH ỦY X"; its name is the standing body's followed by the committee's.
_STANDING = re.compile(r"(?:^|\s)((?:BAN\s+)?THƯỜNG\s+(?:TRỰC|VỤ))$", re.IGNORECASE)
# Words a wrapped name opens with: a line ending in one is cut inside a name ("ỦY" / "BAN NHÂN DÂN").
_OPENERS = frozenset({"ỦY", "UỶ", "BAN", "ĐẢNG", "SỞ", "CỤC", "VĂN", "HỘI", "TRUNG", "TỔNG", "CHI"})
_CENTRAL_COMMITTEE = "ban chap hanh trung uong"


def split_issuer_block(lines: list[str]) -> tuple[str, str | None]:
    """(parent, unit) of an issuer block: the unit is the last line that opens a new body's name under a
    complete parent name (a one-word line such as "ỦY" is a wrapped piece, not a parent).

    >>> split_issuer_block(["UBND THÀNH PHỐ HÀ", "NỘI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"])
    ('UBND THÀNH PHỐ HÀ NỘI', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO')
    >>> split_issuer_block(["ỦY", "BAN NHÂN DÂN", "TỈNH AN GIANG"])
    ('ỦY BAN NHÂN DÂN TỈNH AN GIANG', None)
    >>> split_issuer_block(["ỦY BAN MTTQ VIỆT NAM XÃ AN BÌNH BAN THƯỜNG TRỰC"])
    ('ỦY BAN MTTQ VIỆT NAM XÃ AN BÌNH', 'BAN THƯỜNG TRỰC')
    """
    for k in range(len(lines) - 1, 0, -1):
        if _CHILD_HEAD.match(lines[k]) and lines[k - 1].split()[-1] not in _OPENERS:
            return collapse(" ".join(lines[:k])), collapse(" ".join(lines[k:]))
    whole = collapse(" ".join(lines))
    m = _STANDING.search(whole)
    if m and m.start(1) > 0:
        return whole[: m.start(1)].strip(), m.group(1)
    return whole, None


def is_central_committee(name: str) -> bool:
    """Whether ``name`` is the party's Central Committee, the header of Politburo and Secretariat texts."""
    return fold(name).rstrip(" *") in (_CENTRAL_COMMITTEE, _CENTRAL_COMMITTEE + " dang")


def is_standing_body(name: str) -> bool:
    """ "Ban Thường trực", "Ban Thường vụ", "Thường trực": a standing body acting for its committee."""
    return bool(_STANDING.fullmatch(" " + collapse(name)))


def block_issuer_name(parent: str, unit: str | None, signed_for: str | None) -> str:
    """The issuer's name (still as written, upper case) from the header's parent and unit and the body
    named in a "TM."/"T/M" signature line.

    The party's central organs print "BAN CHẤP HÀNH TRUNG ƯƠNG" over their own name ("BAN TỔ CHỨC" is the
    Ban Tổ chức Trung ương); the Politburo and the Secretariat print the Committee alone and sign "T/M BỘ
    CHÍNH TRỊ" / "T/M BAN BÍ THƯ". A standing body named as the unit ("BAN THƯỜNG TRỰC") issues in the
    committee's name; one that only signs ("T/M BAN THƯỜNG VỤ" under "TỈNH ỦY") leaves the header's body.

    >>> block_issuer_name("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TỔ CHỨC", None)
    'BAN TỔ CHỨC Trung ương'
    >>> block_issuer_name("BAN CHẤP HÀNH TRUNG ƯƠNG", None, "BAN BÍ THƯ")
    'BAN BÍ THƯ'
    >>> block_issuer_name("ỦY BAN MTTQ XÃ AN BÌNH", "BAN THƯỜNG TRỰC", None)
    'BAN THƯỜNG TRỰC ỦY BAN MTTQ XÃ AN BÌNH'
    >>> block_issuer_name("ĐẢNG BỘ TỈNH AN GIANG", "TỈNH ỦY", "BAN THƯỜNG VỤ")
    'TỈNH ỦY'
    """
    if unit and is_standing_body(unit):
        return f"{unit} {parent}"
    if is_central_committee(parent):
        if unit:
            return f"{unit} Trung ương"
        return signed_for or parent
    if unit and fold(unit) == "van phong":
        return f"{unit} {parent}"  # an office is named after the body it serves: "Văn phòng UBND tỉnh X"
    return unit or parent
