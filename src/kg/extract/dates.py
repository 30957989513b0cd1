"""Dates as Vietnamese texts print them → ISO strings ("YYYY-MM-DD", "YYYY-MM" or "YYYY").

A day the month does not have ("ngày 31 tháng 2 năm 2025") is still read as written ("2025-02-31"): the
text says it, so the record keeps it; ``kg.models.real_date`` tells it apart, the metadata reader warns,
and the graph keeps it as text, never as an xsd:date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = re.compile(
    r"ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>(?:19|20)\d{2})", re.IGNORECASE
)
_NUMERIC = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})\s?[/.-]\s?(?P<y>(?:19|20)\d{2})(?![\d/])"
)
_MONTH = re.compile(r"tháng\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>(?:19|20)\d{2})", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date found in a text: ISO value and offsets of the printed form."""

    iso: str
    start: int
    end: int


def _iso(y: str, m: str | None, d: str | None) -> str | None:
    year = int(y)
    if m is None or not m:
        return f"{year:04d}"
    month = int(m)
    if not 1 <= month <= 12:
        return None
    if d is None or not d:
        return f"{year:04d}-{month:02d}"
    day = int(d)
    if not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str) -> list[FoundDate]:
    """Every date in ``text`` in order of appearance.

    >>> [d.iso for d in find_dates("ngày 10 tháng 6 năm 2024; ngày 31/5/2024 và ngày   tháng 06 năm 2024")]
    ['2024-06-10', '2024-05-31', '2024-06']
    >>> [d.iso for d in find_dates("ngày 31 tháng 2 năm 2025")]  # as printed, though February has no 31st
    ['2025-02-31']
    """
    out: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_WORDS, _NUMERIC, _MONTH):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            groups = m.groupdict()
            iso = _iso(groups["y"], groups.get("m"), groups.get("d"))
            if iso:
                out.append(FoundDate(iso, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    return sorted(out, key=lambda d: d.start)


def date_after(text: str, pos: int, window: int = 30) -> FoundDate | None:
    """The date that starts within ``window`` characters after ``pos`` (e.g. "số X ngày 10/6/2024")."""
    for d in find_dates(text[pos : pos + window + 40]):
        if d.start <= window:
            return FoundDate(d.iso, d.start + pos, d.end + pos)
    return None
