"""The header block: the type line ("KẾ HOẠCH") or a letter's "V/v" subject line that ends it, and its
issuer, number and date lines."""

from __future__ import annotations

import re

from kg.outline import Header, Line
from kg.sections import type_word_line
from kg.segment.headroles import issuer_block, motto_lines, place_date
from kg.segment.labels import parse_label
from kg.segment.patterns import DATE_LINE, MOTTO, NUMBER_LINE, RULE, SUBJECT
from kg.textutil import fold


def find_type_line(lines: list[Line]) -> int | None:
    """Index of the first upper-case type line near the top (before any outline label), else a "V/v" line."""
    for i, ln in enumerate(lines[:80]):
        if type_word_line(ln):
            return i
        kind = parse_label(ln.text)
        if kind and kind[0] in ("roman", "article"):
            break
    return None


def find_subject_line(lines: list[Line]) -> int | None:
    """Index of the "V/v ..." subject line of an official letter (công văn), which has no type line."""
    for i, ln in enumerate(lines[:40]):
        if SUBJECT.match(ln.text):
            return i
    return None


def read_header(lines: list[Line], type_idx: int | None, text: str = "") -> Header:
    """Issuer, number and date lines of the header block (before the type line, or the first 25 lines),
    each found by its role (kg.segment.headroles); ``text`` is the normalized text the lines come from."""
    end = type_idx if type_idx is not None else _letter_end(lines)
    number = _number_line(lines, end)
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
