"""The header block: the type line ("KẾ HOẠCH") or a letter's "V/v" subject line that ends it, and its
issuer, number and date lines."""

from __future__ import annotations

import re

from kg.outline import Header, Line
from kg.sections import type_word_line
from kg.segment.labels import parse_label
from kg.segment.patterns import DATE_LINE, MOTTO, MOTTO_PART, NUMBER_LINE, RULE, SUBJECT
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


def read_header(lines: list[Line], type_idx: int | None) -> Header:
    """Issuer, number and date lines of the header block (before the type line, or the first 25 lines)."""
    end = type_idx if type_idx is not None else min(len(lines), 25)
    issuer: list[Line] = []
    number = date = None
    for i, ln in enumerate(lines[:end]):
        found = NUMBER_LINE.match(ln.text)
        if number is None and found and len(ln.text) < 60:
            number = ln
            nxt = _at(lines, i + 1)
            if not found.group(1).strip() and nxt and re.match(r"^\S*\d\S*[/-]\S+$", nxt.text):
                number = nxt  # "Số:" with the number on the next line
        elif number is not None and ln is number:
            continue
        elif date is None and DATE_LINE.search(ln.text) and len(ln.text) < 80:
            date = ln
        elif _is_issuer_line(ln) and number is None:
            issuer.append(ln)
    return Header(
        issuer_lines=tuple(issuer), number_line=number, date_line=date, type_line=_at(lines, type_idx)
    )


def _at(lines: list[Line], i: int | None) -> Line | None:
    """Line ``i`` of ``lines``, or None when ``i`` is None or out of range."""
    return lines[i] if i is not None and 0 <= i < len(lines) else None


def _is_issuer_line(ln: Line) -> bool:
    """An upper-case header line that is not the motto: part of the issuer's name."""
    t = ln.text
    motto = MOTTO.match(fold(t)) or MOTTO_PART.match(fold(t))
    return bool(t == t.upper() and any(c.isalpha() for c in t) and not motto and len(t) < 90)


def after_header(lines: list[Line], j: int) -> int:
    """Skip the rest of a letter's header block (motto, rules, place/date line) after its subject line."""
    while j < len(lines) and (
        MOTTO.match(fold(lines[j].text)) or RULE.match(lines[j].text) or DATE_LINE.search(lines[j].text)
    ):
        j += 1
    return j
