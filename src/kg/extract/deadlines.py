"""Deadlines and periods that govern a task ("Năm 2024-2025", "trước ngày 15/11", "Quý III/2026").

The phrases are data (data/vocab/deadlines.yaml, tried in order); this module finds the first that applies and
parses it into years/dates/recurrence for the graph. "hàng năm" that only qualifies a noun is not a deadline
(NOTES.md G9): such entries only count at the start of a clause or as a whole table cell.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.lexicon import vocab
from kg.text.strings import nfc

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}


@cache
def _all_entries() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple(
        (e["id"], e.get("where", "anywhere"), re.compile(e["pattern"], re.IGNORECASE))
        for e in vocab.load("deadlines")
    )


def _entries() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple(e for e in _all_entries() if e[1] not in ("lead-in", "not-cell"))


def is_deadline_cell(cell: str) -> bool:
    """Whether a table's "Thời gian" cell states a time: not empty, not only another plan's schedule
    ("Theo Kế hoạch riêng": data/vocab/deadlines.yaml, ``not-cell``).

    >>> is_deadline_cell("Quý IV/2025"), is_deadline_cell("Theo kế hoạch"), is_deadline_cell(" – ")
    (True, False, False)
    """
    bare = cell.strip(" -–.;:,")
    no_time = (p for _id, where, p in _all_entries() if where == "not-cell")
    return bool(bare) and not any(p.fullmatch(bare) for p in no_time)


def _lead_ins() -> tuple[re.Pattern[str], ...]:
    return tuple(p for _id, where, p in _all_entries() if where == "lead-in")


def _search(where: str, pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    if where == "whole":
        return pattern.fullmatch(text.strip(" .;:,"))
    if where == "start":
        return pattern.match(text, len(text) - len(text.lstrip(" -–+•")))
    return pattern.search(text)


def find_deadline(s: str) -> tuple[str, int, int] | None:
    """The time expression governing ``s``: (verbatim phrase, start, end) in ``s``, or None.

    >>> find_deadline("hàng năm báo cáo kết quả về Sở trước ngày 15/11 để tổng hợp")
    ('trước ngày 15/11', 31, 47)
    >>> find_deadline("bố trí ngân sách hàng năm cho hoạt động KH&CN") is None
    True
    """
    text = nfc(s)
    for _id, where, pattern in _entries():
        m = _search(where, pattern, text)
        if m and m.group(0).strip():
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
            if where == "whole":
                start, end = _whole_bounds(s)
            return s[start:end], start, end
    return None


def deadline_clause(s: str) -> tuple[str, int, int] | None:
    """The deadline when clause ``s`` holds nothing else ("hoàn thành trong Quý I/2025"), else None.

    Such a clause, cut off by a semicolon, is the timeframe of the task before it, not a task of its own.

    >>> deadline_clause(" hoàn thành trước ngày 30/11/2024.")
    ('trước ngày 30/11/2024', 12, 33)
    >>> deadline_clause("tổng hợp, báo cáo kết quả trước ngày 15/11") is None
    True
    """
    text = nfc(s)
    start = len(text) - len(text.lstrip(" ,;:-–"))
    for lead in (None, *_lead_ins()):
        at = start if lead is None else _after(lead, text, start)
        for skip in ("", "trong ", "vào "):
            pos = at + len(skip) if text[at:].lower().startswith(skip) else -1
            found = find_deadline(s[pos:]) if pos >= 0 else None
            if found and found[1] == 0 and not s[pos + found[2] :].strip(" .;,:"):
                return found[0], pos + found[1], pos + found[2]
    return None


def _after(lead: re.Pattern[str], text: str, start: int) -> int:
    m = lead.match(text, start)
    return m.end() if m and m.end() > start else -1


def _whole_bounds(s: str) -> tuple[int, int]:
    stripped = s.strip(" .;:,")
    start = s.find(stripped)
    return start, start + len(stripped)


def _entry_match(phrase: str) -> tuple[str, re.Match[str]] | None:
    for entry_id, where, pattern in _entries():
        m = _search(where, pattern, nfc(phrase)) or pattern.search(nfc(phrase))
        if m:
            return entry_id, m
    return None


def parse_deadline(phrase: str) -> dict[str, Any]:
    """Years, dates and recurrence of a deadline phrase, for the graph.

    Keys (present when known): ``start``/``end`` ("YYYY" or "YYYY-MM-DD" or "--MM-DD" when the year is not
    printed), ``recurrence`` ("annual", "regular", ...), ``kind`` (the vocabulary entry id).

    >>> parse_deadline("Năm 2024-2025")
    {'kind': 'year-range', 'start': '2024', 'end': '2025'}
    >>> parse_deadline("Quý III/2026")
    {'kind': 'quarter', 'start': '2026-07-01', 'end': '2026-09-30'}
    """
    found = _entry_match(phrase)
    if not found:
        return {}
    entry_id, m = found
    groups = {k: v for k, v in m.groupdict().items() if v}
    out: dict[str, Any] = {"kind": entry_id}
    out.update(_dates(entry_id, groups))
    if "rec" in groups:
        out["recurrence"] = _recurrence(groups["rec"].lower())
    return out


def _recurrence(rec: str) -> str:
    """ "định kỳ 6 tháng, hằng năm" → semiannual, "hằng quý" → quarterly, "hằng tháng" → monthly,
    "hàng năm" → annual, else regular."""
    for word, name in (
        ("6 tháng", "semiannual"),
        ("quý", "quarterly"),
        ("tháng", "monthly"),
        ("năm", "annual"),
    ):
        if word in rec:
            return name
    return "regular"


def _dates(entry_id: str, g: dict[str, str]) -> dict[str, str]:
    y1, y2 = g.get("y1"), g.get("y2")
    if "q" in g and y1:
        q = _ROMAN.get(g["q"].upper()) or int(g["q"])
        first_month = 3 * (q - 1) + 1
        return {"start": f"{y1}-{first_month:02d}-01", "end": f"{y1}-{_QUARTER_END[q]}"}
    if "h" in g and y1:
        first = "đầu" in g["h"]
        return {"start": f"{y1}-{'01' if first else '07'}-01", "end": f"{y1}-{'06-30' if first else '12-31'}"}
    if "d" in g and "m" in g:
        day = f"{int(g['m']):02d}-{int(g['d']):02d}"
        return {"end": f"{y1}-{day}" if y1 else f"--{day}"}
    if "m" in g and y1:
        return {"end": f"{y1}-{int(g['m']):02d}"}
    if y1 and y2:
        return {"start": y1, "end": y2}
    if y1:
        return {"end": y1} if entry_id == "in-year" else {"start": y1, "end": y1}
    return {}
