"""The header's two columns put on one line by PDF extraction, split back into one line per column.

The left column holds the issuer, the number and the subject; the right one the motto and the place and
date. A line is cut where the right-hand text begins.
"""

from __future__ import annotations

import re

from kg.outline import Line
from kg.segment.patterns import NUMBER_LINE, SUBJECT

# A motto printed in the right-hand header column; PDF extraction often puts it on the left column's line.
_MOTTO_IN_LINE = re.compile(
    r"(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
    r"|ĐẢNG CỘNG SẢN VIỆT NAM)",
    re.IGNORECASE,
)
# "Số: 123/KH-UBND Hà Giang, ngày ..." (number and place/date columns on one line); the number may be blank.
_NUMBER_AND_DATE = re.compile(
    r"^(?P<num>(?:Số\b\s*:?\s*)?\S*[/-]\S*)\s+(?P<date>[^\s\d,][^,]{0,40},\s*ngày\b.*)$"
)


def split_columns(lines: list[Line], end: int) -> list[Line]:
    """Header lines whose two columns PDF extraction put on one line, split into one line per column.

    >>> head = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    >>> [ln.text for ln in split_columns([Line(head, 0, len(head))], 1)]
    ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
    >>> [ln.text for ln in split_columns([Line("Số: 5/KH-UBND Hà Giang, ngày 5 tháng 3 năm 2025", 0, 47)], 1)]
    ['Số: 5/KH-UBND', 'Hà Giang, ngày 5 tháng 3 năm 2025']
    """
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if i >= end:
            out.extend(lines[i:])
            break
        for cell in _split_cells(ln):
            out.extend(_split_line(cell, numbered=bool(out and NUMBER_LINE.match(out[-1].text))))
    return out


def _split_cells(ln: Line) -> list[Line]:
    """A header table flattened into one row ("| Số: 20-NQ/TW | Hà Nội, ngày 01 tháng 11 năm 2012 |", or
    " | " between the cells of a docx export), one line per non-empty cell.

    >>> [c.text for c in _split_cells(Line("| Số: 20-NQ/TW | Hà Nội, ngày 1/11/2012 |", 0, 41))]
    ['Số: 20-NQ/TW', 'Hà Nội, ngày 1/11/2012']
    """
    if "|" not in ln.text:
        return [ln]
    cells = []
    pos = 0
    for part in ln.text.split("|"):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        if text:
            start = ln.start + pos + lead
            cells.append(Line(text, start, start + len(text)))
        pos += len(part) + 1
    return cells or [ln]


def _split_line(ln: Line, numbered: bool) -> list[Line]:
    """One header line cut where its right-hand column (motto, place/date) begins."""
    m = _MOTTO_IN_LINE.search(ln.text)
    cut = m.start() if m and m.start() > 0 else None
    if cut is None and (numbered or NUMBER_LINE.match(ln.text)):
        nd = _NUMBER_AND_DATE.match(ln.text)
        cut = nd.start("date") if nd else None
    if cut is None and SUBJECT.match(ln.text):
        cut = _place_date_cut(ln.text)
    if m and m.start() == 0 and m.end() < len(ln.text) and ln.text[m.end() :].strip():
        cut = m.end()  # motto first, then the left column's text
    if not cut:
        return [ln]
    left, right = ln.text[:cut], ln.text[cut:]
    lstrip = len(right) - len(right.lstrip())
    first = Line(left.rstrip(), ln.start, ln.start + len(left.rstrip()))
    second = Line(right.strip(), ln.start + cut + lstrip, ln.end)
    return [first, *_split_line(second, numbered=False)] if first.text else [second]


def _place_date_cut(text: str) -> int | None:
    """Where a place and date ("Hà Nội, ngày 5/5/2025") begins after other text on a header line (a
    subject line with the right-hand column beside it), or None.

    >>> t = "V/v triển khai Nghị quyết số 71/NQ-CP Hà Nội, ngày 5/5/2025"
    >>> t[_place_date_cut(t) :]
    'Hà Nội, ngày 5/5/2025'
    """
    m = re.search(r",\s*ngày\s*(?:\d|[.…_]|tháng)", text)
    if not m:
        return None
    words = text[: m.start()].split(" ")
    place = 0
    while place < min(len(words) - 1, 4) and words[-1 - place][:1].isupper() and words[-1 - place].isalpha():
        place += 1
    if not place:
        return None
    return len(" ".join(words[: len(words) - place])) + 1
