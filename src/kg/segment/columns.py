"""The header's two columns put on one line by PDF extraction, split back into one line per column.

The left column holds the issuer, the number and the subject; the right one the motto and the place and
date. A line is cut where the right-hand text begins.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from kg.lexicon.lines import type_word_line
from kg.segment.outline import Line
from kg.segment.patterns import NUMBER_LINE, SUBJECT
from kg.text.strings import fold

# A motto printed in the right-hand header column; PDF extraction often puts it on the left column's line.
_MOTTO_IN_LINE = re.compile(
    r"(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
    r"|ĐẢNG CỘNG SẢN VIỆT NAM)",
    re.IGNORECASE,
)
# "Số: 123/KH-UBND Hà Giang, ngày ..." (number and place/date columns on one line); the number may be blank
# or hand-filled ("Số: 32 /2025/QĐ-UBND", "Số: /HD-MTTQ").
_NUMBER_AND_DATE = re.compile(
    r"^(?P<num>(?:Số\b\s*:?\s*)?\d*\s*[/-]?\S*[/-]\S*)\s+(?P<date>[^\s\d,][^,]{0,40},\s*ngày\b.*)$"
)
# A rule printed under a column ("-------", "_______", "¯¯¯¯¯"), glued to the text beside it by converters.
_RULE_RUN = re.compile(r"[-_¯—–=]{3,}")
# "... BAN THƯỜNG TRỰC Số: 16/KH-MTTQ", "CHÍNH PHỦ Số: 171/2025/NĐ-CP": the number column after the issuer.
_NUMBER_AFTER_NAME = re.compile(r"(?P<last>\w|\))\s+(?P<num>Số\b\s*:?\s*\d*\s*[/-]?\S*[/-])")
# Cells an HTML page put on one line with the number or the date: "Số: 19046/BTC-TCHQ V/v hướng dẫn ...",
# "Hà Nội, ngày 29 tháng 12 năm 2014 Kính gửi: ...", "... năm 2015 QUYẾT ĐỊNH BAN HÀNH ...".
_AFTER_NUMBER = re.compile(r"^Số\b\s*:?\s*\S+\s+(?P<next>V/v\b|Về\s+việc\b|Kính gửi\b)")
_AFTER_DATE = re.compile(
    r",\s*ngày\s*[\d\s.…_]*tháng\s*[\d\s.…_]*năm\s*\d{4}\s+(?P<next>Kính gửi\b|(?P<word>\w\w+)\s+\w)"
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
    cut = _cut_wrapped_mottos(lines, end)
    lines, end = cut, end + len(cut) - len(lines)
    for i, ln in enumerate(lines):
        if i >= end:
            out.extend(lines[i:])
            break
        for cell in _split_cells(ln):
            out.extend(_split_line(cell, numbered=bool(out and NUMBER_LINE.match(out[-1].text))))
    return out


_MOTTO_WORDS = (
    ("cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam"),
    ("doc", "lap", "tu", "do", "hanh", "phuc"),
    ("dang", "cong", "san", "viet", "nam"),
)
_GAP = r"[\s\-–—]+"


def _cut_wrapped_mottos(lines: list[Line], end: int) -> list[Line]:
    """Header lines where a wrap cut the motto in two beside the issuer's column ("BỘ NỘI VỤ CỘNG HÒA XÃ" /
    "HỘI CHỦ NGHĨA VIỆT NAM"): the motto's head cut off the end of one line, its tail off the start of the
    next, so the two pieces stand as lines of their own.

    >>> ls = [Line("BỘ NỘI VỤ CỘNG HÒA XÃ", 0, 21), Line("HỘI CHỦ NGHĨA VIỆT NAM Số: 5/BNV", 22, 53)]
    >>> [x.text for x in _cut_wrapped_mottos(ls, 2)]
    ['BỘ NỘI VỤ', 'CỘNG HÒA XÃ', 'HỘI CHỦ NGHĨA VIỆT NAM', 'Số: 5/BNV']
    """
    out = list(lines)
    i = 0
    while i + 1 < min(len(out), end):
        cut = _motto_cut(out[i].text, out[i + 1].text)
        if cut is None:
            i += 1
            continue
        head_at, tail_end = cut
        a, b = out[i], out[i + 1]
        pieces = [*_pieces(a, [0, head_at, len(a.text)]), *_pieces(b, [0, tail_end, len(b.text)])]
        out[i : i + 2] = pieces
        i += len(pieces) - 1
    return out


def _motto_cut(first: str, second: str) -> tuple[int, int] | None:
    """(where the motto's head begins in ``first``, where its tail ends in ``second``) when a motto was cut
    between them with text beside either piece, else None."""
    f, g = fold(first), fold(second)
    if len(f) != len(first) or len(g) != len(second):
        return None
    for head_re, tail_re in _motto_cuts():
        head = head_re.search(f)
        tail = tail_re.match(g)
        if head and tail and (head.start(1) > 0 or tail.end() < len(g)):
            return head.start(1), tail.end()
    return None


@cache
def _motto_cuts() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(head, tail) patterns of each way to cut each motto in two, in order: compiled once, not per line."""
    return tuple(
        (
            re.compile(r"(?:^|\s)(" + _GAP.join(words[:k]) + r")\s*$"),
            re.compile(r"^[\s\-–—]*" + _GAP.join(words[k:]) + r"\b"),
        )
        for words in _MOTTO_WORDS
        for k in range(1, len(words))
    )


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
    """One header line cut where each of its pieces begins: the motto, a rule under a column, the number
    after the issuer's name, the place and date after the number, the motto or the subject."""
    text = ln.text
    cuts = {0, len(text)}
    for m in _MOTTO_IN_LINE.finditer(text):
        cuts.update((m.start(), m.end()))
    for m in _RULE_RUN.finditer(text):
        cuts.update((m.start(), m.end()))
    for m in _NUMBER_AFTER_NAME.finditer(text):
        if m.group("last") == m.group("last").upper():  # after an upper-case name, not running text
            cuts.add(m.start("num"))
    for piece_start in sorted(cuts):
        piece = text[piece_start:]
        if numbered or NUMBER_LINE.match(piece):
            nd = _NUMBER_AND_DATE.match(piece)
            if nd:
                cuts.add(piece_start + nd.start("date"))
    if SUBJECT.match(text):
        cut = _place_date_cut(text)
        if cut:
            cuts.add(cut)
    for m in _AFTER_NUMBER.finditer(text):
        cuts.add(m.start("next"))
    if NUMBER_LINE.match(text):
        cuts.update(_type_word_at_end(text))
    place = _place_after_upper(text)
    if place:
        cuts.add(place)
    for m in _AFTER_DATE.finditer(text):
        if m.group("word") is None or m.group("word") == m.group("word").upper():
            cuts.add(m.start("next"))  # "Kính gửi", or an upper-case type word ("QUYẾT ĐỊNH")
    return [p for p in _pieces(ln, sorted(cuts)) if p.text and not _RULE_RUN.fullmatch(p.text)] or [ln]


def _pieces(ln: Line, cuts: list[int]) -> list[Line]:
    """The stripped pieces of ``ln`` between consecutive cut points, with their offsets."""
    out: list[Line] = []
    for a, b in itertools.pairwise(cuts):
        raw = ln.text[a:b]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.append(Line(body, ln.start + a + lead, ln.start + a + lead + len(body)))
    return out


def _type_word_at_end(text: str) -> list[int]:
    """Where a type word the other column put after the number begins ("Số: 892/QĐ-TTg QUYẾT ĐỊNH").

    >>> _type_word_at_end("Số: 892/QĐ-TTg QUYẾT ĐỊNH")
    [15]
    """
    # Only the last four words can start a type word (the rest after the cut holds fewer than four spaces,
    # and each later word start adds one). Trying every word instead copied the rest of the line at each:
    # quadratic on a line of megabytes.
    starts = [m.end() for m in re.finditer(r"\s(?=\S)", text)]
    for start in starts[-4:]:
        rest = text[start:]
        if type_word_line(Line(rest, 0, len(rest))) and fold(rest).count(" ") < 4:
            return [start]
    return []


def _place_after_upper(text: str) -> int | None:
    """Where "<Place>, ngày ..." begins after an upper-case issuer's name on one line ("THỦ TƯỚNG CHÍNH PHỦ Hà
    Nội, ngày 20 tháng 5 năm 2026"), or None.

    >>> t = "THỦ TƯỚNG CHÍNH PHỦ Hà Nội, ngày 20 tháng 5 năm 2026"
    >>> t[_place_after_upper(t) :]
    'Hà Nội, ngày 20 tháng 5 năm 2026'
    """
    m = re.search(r",\s*ngày\b", text)
    if not m:
        return None
    words = text[: m.start()].split(" ")
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and words[k - 1][1:] == words[k - 1][1:].lower():
        k -= 1
    head = " ".join(words[:k])
    if not k or k == len(words) or head != head.upper() or not any(c.isalpha() for c in head):
        return None
    return len(head) + 1


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
