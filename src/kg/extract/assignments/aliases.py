"""Short names a text defines for a body: "Trung tâm chính trị xã, phường, đặc khu (sau đây gọi tắt là Trung
tâm)", "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)". Later sentences name the body by its short name
("Trung tâm chịu trách nhiệm ...", "phối hợp với VCCI"); a record shows the name the text defined it by (G6:
the name as written, here written once in full).

Only a short name that is the long name's own head ("Trung tâm" of "Trung tâm chính trị ...") or an acronym
in brackets right after a listed body's name counts: a short name of other words ("các tỉnh, thành phố" for
a list of provinces) names a class, not one body.
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


# an acronym in brackets right after a body's name: "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)"
_ACRONYM = re.compile(r"\(([A-ZĐ][A-ZĐ&]{1,9})\)")


def defined_aliases(full: str, province: str | None) -> dict[str, AgencyMatch]:
    """Folded short name → the body it stands for, for every short name ``full`` defines for a body: its
    head ("(sau đây gọi tắt là Trung tâm)") or an acronym in brackets after its name ("(VCCI)")."""
    out: dict[str, AgencyMatch] = {}
    if "gọi" in full:
        for m in _DEFINED.finditer(full):
            short = fold(m.group(1).strip())
            body = _named_before(full, m.start(), province)
            if body and fold(body.name).startswith(short + " "):
                out.setdefault(short, body)
    for m in _ACRONYM.finditer(full):
        body = _named_before(full, m.start(), province)
        if body and body.id and not body.is_group:
            out.setdefault(fold(m.group(1)), body)
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
