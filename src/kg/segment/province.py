"""The province (or city) of the issuer: from the header's issuer lines, the authority line, an "UBND tỉnh
X" line near the top, or the place of the date line."""

from __future__ import annotations

import re

from kg.segment.outline import Header, Line
from kg.segment.patterns import UNIT_HEAD
from kg.text.strings import collapse

# A unit named under the province's body in the issuer block ("UBND THÀNH PHỐ HÀ NỘI SỞ GIÁO DỤC ...").
_UNIT = re.compile(r"\s" + UNIT_HEAD)
_PROVINCE = re.compile(r"\b(TỈNH|THÀNH PHỐ|tỉnh|thành phố)\s+(\S.*)$")


def province_of(header: Header, lines: list[Line]) -> tuple[str | None, str | None]:
    """Province named in the header issuer lines, authority line, or the place of the date line."""
    # the issuer block's lines as one (a narrow column wraps a name: "UBND THÀNH PHỐ HÀ" / "NỘI")
    block = header.issuer_lines
    candidates = [Line(" ".join(ln.text for ln in block), block[0].start, block[-1].end)] if block else []
    if header.authority_line:
        candidates.append(header.authority_line)
    for ln in candidates:
        m = _PROVINCE.search(_UNIT.split(ln.text)[0])
        if m and proper_name(m.group(2)):
            return _title_case(proper_name(m.group(2))), m.group(1).lower()
    for ln in lines[:12]:
        m = re.search(r"(?:UBND|Ủy ban nhân dân|Tỉnh ủy)\s+(tỉnh|thành phố)\s+(\S.*)$", ln.text)
        if m and proper_name(m.group(2)):
            return proper_name(m.group(2)), m.group(1)
    if header.date_line:
        m = re.match(r"^([^,]{2,30}),\s*ngày", header.date_line.text)
        if m:
            return m.group(1).strip(), None
    return None, None


def proper_name(s: str) -> str:
    """The leading run of capitalised words of ``s`` (a place name), joined hyphens kept.

    >>> proper_name("Kon Tum đã ban hành")
    'Kon Tum'
    >>> proper_name("Bà Rịa - Vũng Tàu ban hành")
    'Bà Rịa - Vũng Tàu'
    """
    words: list[str] = []
    for w in s.split():
        w = w.strip(".,;:()")
        if w == "-" or (w[:1].isupper() and w[:1].isalpha()):
            words.append(w)
        else:
            break
    while words and words[-1] == "-":
        words.pop()
    return " ".join(words)


def _title_case(name: str) -> str:
    """ "LÂM ĐỒNG" → "Lâm Đồng"; hyphenated names keep their hyphen."""
    return " ".join(w[:1].upper() + w[1:].lower() if w != "-" else w for w in collapse(name).split())
