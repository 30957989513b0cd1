"""The header block: the type line ("KẾ HOẠCH") or a letter's "V/v" subject line that ends it, and its
issuer, number and date lines."""

from __future__ import annotations

import re

from kg.lexicon.lines import doc_type_words, type_word_line
from kg.segment.headroles import issuer_block, motto_lines, place_date
from kg.segment.labels import parse_label
from kg.segment.outline import Header, Line
from kg.segment.patterns import DATE_LINE, MOTTO, NUMBER_LINE, RULE, SUBJECT
from kg.text.strings import fold


def find_type_line(lines: list[Line]) -> int | None:
    """Index of the first upper-case type line near the top (before any outline label), else a "V/v" line."""
    for i, ln in enumerate(lines[:80]):
        if type_word_line(ln):
            return i
        kind = parse_label(ln.text)
        if kind and kind[0] in ("roman", "article"):
            break
    return None


# The end of a place and date line, or of its second half when the column wrapped it ("26 tháng 11 năm 2025").
_DATE_END = re.compile(r"(?:năm\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\W*$")


def split_type_word(lines: list[Line], end: int) -> list[Line]:
    """The line under the place and date that opens with a type word and goes on with the title ("THÔNG BÁO
    KẾT LUẬN CỦA ĐỒNG CHÍ ..."), cut after the type word; other lines as they are.

    >>> ls = [Line("Hà Nội, ngày 26 tháng 11 năm 2025", 0, 33), Line("THÔNG BÁO KẾT LUẬN", 34, 52)]
    >>> [ln.text for ln in split_type_word(ls, 2)]
    ['Hà Nội, ngày 26 tháng 11 năm 2025', 'THÔNG BÁO', 'KẾT LUẬN']
    """
    for i in range(1, min(len(lines), end + 1)):
        ln = lines[i]
        prev = lines[i - 1].text
        if not _DATE_END.search(prev) or not (DATE_LINE.search(prev) or re.match(r"^\d{1,2}\s*tháng", prev)):
            continue
        key = fold(ln.text)
        if any(key == fold(w) for w, _cls, _codes in doc_type_words()):
            break  # the type word stands alone
        for word, _cls, _codes in doc_type_words():
            n = len(word)
            if key.startswith(fold(word) + " ") and ln.text[:n] == ln.text[:n].upper():
                head = Line(ln.text[:n], ln.start, ln.start + n)
                return [*lines[:i], head, *_upper_then_sentence(_rest(ln, n)), *lines[i + 1 :]]
    return lines


def _rest(ln: Line, n: int) -> Line:
    rest = ln.text[n:].lstrip()
    return Line(rest, ln.end - len(rest), ln.end)


def _upper_then_sentence(ln: Line) -> list[Line]:
    """An upper-case title and the body's first sentence a flattened page put after it on one line ("... THU
    HỒI Căn cứ Luật ..."), cut where the first word with lower-case letters begins a sentence."""
    words = ln.text.split(" ")
    k = next((i for i, w in enumerate(words) if i and w[:1].isupper() and w != w.upper()), None)
    if k is None or " ".join(words[:k]) != " ".join(words[:k]).upper():
        return [ln]
    first = " ".join(words[:k])
    return [Line(first, ln.start, ln.start + len(first)), _rest(ln, len(first) + 1)]


def find_subject_line(lines: list[Line]) -> int | None:
    """Index of the "V/v ..." subject line of an official letter (công văn), which has no type line."""
    for i, ln in enumerate(lines[:40]):
        if SUBJECT.match(ln.text):
            return i
        if i and NUMBER_LINE.match(lines[i - 1].text) and re.match(r"^Về\s+\w", ln.text):
            return i  # "Về hướng dẫn ...": the subject printed under the number without "V/v"
    return None


def read_header(lines: list[Line], type_idx: int | None, text: str = "") -> Header:
    """Issuer, number and date lines of the header block (before the type line, or the first 25 lines),
    each found by its role (kg.segment.headroles); ``text`` is the normalized text the lines come from."""
    end = type_idx if type_idx is not None else _letter_end(lines)
    number = _number_line(lines, end) or _heading_number(lines, type_idx)
    motto = motto_lines(lines, end)
    issuer = issuer_block(lines, end, motto)
    date = place_date(lines, end, text)
    return Header(
        issuer_lines=tuple(issuer), number_line=number, date_line=date, type_line=_at(lines, type_idx)
    )


def _letter_end(lines: list[Line]) -> int:
    """Where the header of a text without a type line ends: 25 lines, or a few lines past its number line
    when a page's chrome stands above the header."""
    num = next((i for i, ln in enumerate(lines[:80]) if NUMBER_LINE.match(ln.text) and len(ln.text) < 60), 0)
    return min(len(lines), max(25, num + 8))


def _number_line(lines: list[Line], end: int) -> Line | None:
    """The "Số: 123/KH-UBND" line ("Số 20-NQ/TW" in the party format), or the next line when "Số:" stands
    alone and its number was put under it."""
    for i, ln in enumerate(lines[:end]):
        found = NUMBER_LINE.match(ln.text)
        if not found or len(ln.text) >= 60:
            continue
        nxt = _at(lines, i + 1)
        if not found.group(1).strip() and nxt and re.match(r"^\S*\d\S*[/-]\S+$", nxt.text):
            return nxt
        return ln
    return None


# A document symbol in a heading line: "155-KL/TW", "12/KH-UBND", "09/2025/NĐ-CP".
_SYMBOL = re.compile(r"\b\d{1,5}(?:/\d{4})?[-/](?P<code>[A-ZĐ]{1,6})[-/][A-ZĐ][A-ZĐ\-]{0,20}\b")


def _heading_number(lines: list[Line], type_idx: int | None) -> Line | None:
    """The number of a text printed without a "Số" line, from a heading above its type line that names it
    ("TOÀN VĂN: KẾT LUẬN 155-KL/TW CỦA ..." over "KẾT LUẬN"): a symbol whose type code is the type word's. A
    symbol of another type (a decision the header cites) is not the text's number."""
    word = type_word_line(lines[type_idx]) if type_idx is not None else None
    if word is None or type_idx is None:
        return None
    codes = next((c for w, _cls, c in doc_type_words() if w == word), ())
    for ln in lines[:type_idx]:
        for m in _SYMBOL.finditer(ln.text):
            if m.group("code") in codes:
                return Line(m.group(), ln.start + m.start(), ln.start + m.end())
    return None


def _at(lines: list[Line], i: int | None) -> Line | None:
    """Line ``i`` of ``lines``, or None when ``i`` is None or out of range."""
    return lines[i] if i is not None and 0 <= i < len(lines) else None


def after_header(lines: list[Line], j: int) -> int:
    """Skip the rest of a letter's header block (motto, rules, place/date line) after its subject line."""
    while j < len(lines) and (
        MOTTO.match(fold(lines[j].text)) or RULE.match(lines[j].text) or DATE_LINE.search(lines[j].text)
    ):
        j += 1
    return j
