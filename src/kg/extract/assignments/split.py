"""Cutting text into the pieces tasks are read from: paragraphs of the body, sentences, ";" clauses.

All three yield offsets, never copies alone, so every unit keeps its place in the normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.assignments.mentions import partner_ranges
from kg.normalize import Text
from kg.segment.outline import Outline

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_])|\./\.\s*")


def sentences(s: str) -> Iterator[tuple[int, int]]:
    """[start, end) of the sentences of ``s``: a stop before a capital letter ends one ("./." always does)."""
    pos = 0
    for m in _SENTENCE_END.finditer(s):
        if m.end() < len(s) and not s[m.end()].isupper() and "/" not in m.group(0):
            continue
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(s.rstrip()):
        yield pos, len(s.rstrip())


def clauses(s: str, after: int, province: str | None) -> Iterator[tuple[int, int]]:
    """``s`` split at its semicolons, except inside the addressee list (before ``after``) or partner lists."""
    inside = [(0, after), *partner_ranges(s, province)]
    start = 0
    for m in re.finditer(r";", s):
        if not any(a <= m.start() < b for a, b in inside):
            yield start, m.start()
            start = m.end()
    yield start, len(s)


def paragraphs(text: Text, outline: Outline) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) of the text's lines, without the recipients ("Kính gửi", "Nơi nhận") and
    signature blocks segment set aside: the body of every document ends where those begin."""
    closing = {ln.start for ln in (*outline.header.recipients, *outline.header.signature)}
    pos = 0
    for para in text.text.split("\n"):
        base, pos = pos, pos + len(para) + 1
        lead = len(para) - len(para.lstrip())
        if para.strip() and base + lead not in closing:
            yield base, para
