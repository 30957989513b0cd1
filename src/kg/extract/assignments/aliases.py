"""Short names a text defines for a body: "Trung tâm chính trị xã, phường, đặc khu (sau đây gọi tắt là Trung
tâm)". Later sentences name the body by its short name ("Trung tâm chịu trách nhiệm ..."); a record shows the
name the text defined it by (G6: the name as written, here written once in full).

Only a short name that is the long name's own head ("Trung tâm" of "Trung tâm chính trị ...") counts: a short
name of other words ("các tỉnh, thành phố" for a list of provinces) names a class, not one body.
"""

from __future__ import annotations

import re

from kg.lexicon.gazetteer import AgencyMatch, find_agency_at
from kg.text import fold

# "(sau đây gọi tắt là X)", "(sau đây gọi là X)", "(gọi tắt là X)"; the short name may be in quotes
_DEFINED = re.compile(
    r"\(\s*(?:sau đây\s+|dưới đây\s+)?gọi\s+(?:tắt\s+)?là\s+[“\"]?([^()“”\"]{2,40}?)[”\"]?\s*\)"
)
_WORD_START = re.compile(r"(?:^|(?<=\s))[^\W\d_]")


def defined_aliases(full: str, province: str | None) -> dict[str, AgencyMatch]:
    """Folded short name → the body it stands for, for every short name ``full`` defines for a body."""
    if "gọi" not in full:
        return {}
    out: dict[str, AgencyMatch] = {}
    for m in _DEFINED.finditer(full):
        short = fold(m.group(1).strip())
        body = _named_before(full, m.start(), province)
        if body and fold(body.name).startswith(short + " "):
            out.setdefault(short, body)
    return out


def _named_before(full: str, at: int, province: str | None) -> AgencyMatch | None:
    """The body whose name ends right before ``at`` (the bracket): the longest name ending there, read from
    the earliest word of the 120 characters before it."""
    end = len(full[:at].rstrip())
    window = max(0, end - 120)
    for w in _WORD_START.finditer(full, window, end):
        found = find_agency_at(full, w.start(), province)
        if found and found.end == end:
            return found.match
    return None
