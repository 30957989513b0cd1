"""The header block read by role (Nghị định 30/2020/NĐ-CP Phụ lục I; Hướng dẫn 36-HD/VPTW), not by line order.

Both national formats put the issuer block top-left and the motto top-right; converters flatten the two
columns in any order (issuer then motto, cell by cell, interleaved line by line) and wrap narrow columns
anywhere ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "ỦY" / "BAN NHÂN DÂN", "Hà Nội, ngày" / "26 tháng 11
năm 2025"). So each line of the header is given a role by what it says:

- ``motto_lines``: the lines that together spell a motto ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự
  do - Hạnh phúc", the party's "Đảng Cộng sản Việt Nam"), however wrapped;
- ``issuer_block``: the upper-case lines of the issuer block: the run that ends at the motto or the number,
  walked back from there so a legal-library page's upper-case chrome above it stays out;
- ``place_date``: the place and date line, joined when the column wrapped it.
"""

from __future__ import annotations

import re

from kg.segment.outline import Line
from kg.segment.patterns import DATE_LINE, NUMBER_LINE, RULE, UNIT_HEAD
from kg.text.strings import fold

# The mottos, folded, with dashes and spaces made uniform (see ``_key``).
_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc", "dang cong san viet nam")
# The party format's lone "*" (or "* *") under the issuer, and rules under either column.
_MARK = re.compile(r"^[-_=*.·•¯—–\s]+$")
# A document symbol cited on a line ("1050/QĐ-SCT", "4085/UBND-ĐT").
_CITES = re.compile(r"\d+\s*[/-]\s*[A-ZĐ]")
# A place and date line: "Hà Nội, ngày ..." or its first half "Quảng Trị, ngày" when the column wrapped.
_PLACE_DATE = re.compile(r"^[^\d,;:]{2,40},\s*ngày\b", re.IGNORECASE)


def _key(text: str) -> str:
    """Folded text with dashes and punctuation dropped, for comparing with a motto."""
    return " ".join(re.sub(r"[-–—_.,:*]", " ", fold(text)).split())


def _is_upper(text: str) -> bool:
    return text == text.upper() and any(c.isalpha() for c in text)


def motto_lines(lines: list[Line], end: int) -> set[int]:
    """Indices (below ``end``) of the lines that spell a motto, alone or as consecutive pieces.

    >>> head = ("BỘ TÀI CHÍNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do")
    >>> ls = [Line(t, 0, 0) for t in head]
    >>> sorted(motto_lines(ls, 4))
    [1, 2]
    """
    found: set[int] = set()
    i = 0
    while i < end:
        run = _motto_run(lines, i, end)
        if run:
            found.update(range(i, i + run))
            i += run
        else:
            i += 1
    return found


def _motto_run(lines: list[Line], i: int, end: int) -> int:
    """How many lines from ``i`` spell one whole motto (0 when they do not)."""
    joined = ""
    for n in range(i, min(end, i + 4)):
        piece = _key(lines[n].text)
        if not piece:
            return 0
        joined = f"{joined} {piece}".strip()
        if joined in _MOTTOS:
            return n - i + 1
        if not any(m.startswith(joined + " ") for m in _MOTTOS):
            return 0
    return 0


def issuer_block(lines: list[Line], end: int, motto: set[int]) -> list[Line]:
    """The issuer block's lines: upper-case lines above the number line (or ``end``), motto lines and rules
    left out, starting where the run of header lines that reaches the first motto or number line begins."""
    stop = next((i for i in range(end) if NUMBER_LINE.match(lines[i].text)), end)
    anchors = [i for i in sorted(motto) if i < stop] or ([stop] if stop < end else [])
    if not anchors:
        return [ln for ln in lines[:stop] if _issuer_like(ln.text)]
    first = anchors[0]
    start = first
    while start > 0 and _header_like(lines[start - 1].text):
        start -= 1
    return [lines[i] for i in range(start, stop) if i not in motto and _issuer_like(lines[i].text)]


def _header_like(text: str) -> bool:
    """A line that can stand in the issuer block: upper case, a rule or the party's "*". A line citing a
    document stands there only as a unit's name ("ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT"); a page's
    metadata ("4085/UBND-ĐT") or heading ("QUYẾT ĐỊNH 12/QĐ-UBND ...") does not."""
    if _MARK.match(text):
        return True
    if not _is_upper(text) or len(text) >= 90:
        return False
    return not _CITES.search(text) or bool(re.match(UNIT_HEAD, text))


def _issuer_like(text: str) -> bool:
    """An issuer block line that names the issuer (a unit set up by a cited decision is named by its parent:
    its number is not the issuer's name)."""
    return _is_upper(text) and not _MARK.match(text) and len(text) < 90 and not _CITES.search(text)


def place_date(lines: list[Line], end: int, text: str) -> Line | None:
    """The place and date line of the header (before ``end``), joined with the next line when the column
    wrapped it after "ngày"; ``text`` is the normalized text the lines were cut from."""
    for i, ln in enumerate(lines[:end]):
        if not _PLACE_DATE.match(_trim(ln).text):
            continue
        if DATE_LINE.search(ln.text) and len(ln.text) < 80:
            return _trim(ln)
        if i + 1 < len(lines):
            joined = _join(ln, lines[i + 1], text)
            if DATE_LINE.search(joined.text):
                return joined
    # no "<place>, ngày": any short dated line ("Ngày 5/5/2025") but one that cites a document's date
    for ln in lines[:end]:
        if (
            DATE_LINE.search(ln.text)
            and len(ln.text) < 80
            and not RULE.match(ln.text)
            and not _CITES.search(ln.text)
        ):
            return _trim(ln)
    return None


def _trim(ln: Line) -> Line:
    """The line without rule characters or a stray "*" around it."""
    t = ln.text
    lead = len(t) - len(t.lstrip("-_=*¯—– "))
    body = t[lead:].rstrip("-_=*¯—– ")
    return Line(body, ln.start + lead, ln.start + lead + len(body)) if body else ln


def _join(a: Line, b: Line, text: str) -> Line:
    """Lines ``a`` and ``b`` as one line spanning both (the gap's whitespace shown as spaces)."""
    if not text or b.end > len(text):
        return Line(f"{a.text} {b.text}", a.start, b.end)
    return Line(re.sub(r"\s", " ", text[a.start : b.end]), a.start, b.end)
