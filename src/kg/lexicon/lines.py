"""Recognisers for lines segment cares about, driven by data/vocab/sections.yaml and doc_types.yaml."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Protocol

from kg.lexicon import vocab
from kg.text.strings import fold


@cache
def _section_entries() -> tuple[tuple[str, re.Pattern[str], dict[str, str]], ...]:
    out = []
    for e in vocab.load("sections"):
        extra = {k: str(v) for k, v in e.items() if k in ("kind", "column", "preamble")}
        out.append((str(e["kind"]), re.compile(e["pattern"]), extra))
    return tuple(out)


def heading_key(text: str) -> str:
    """Folded heading text with a leading outline label and trailing colon removed.

    >>> heading_key("V. TỔ CHỨC THỰC HIỆN:")
    'to chuc thuc hien'
    """
    key = fold(text)
    key = re.sub(r"^(?:[ivxlc]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-z])[.)]\s+", "", key)
    return key.rstrip(" :.")


@lru_cache(maxsize=16384)  # segment and normalize ask about the same lines for several kinds
def classify(text: str, kind: str) -> dict[str, str] | None:
    """The sections.yaml entry of ``kind`` that ``text`` matches (its extra keys), or None."""
    key = heading_key(text) if kind in ("org", "appendix") else fold(text).rstrip(" :.")
    for k, pattern, extra in _section_entries():
        if k == kind and pattern.search(key):
            return extra
    return None


def column_kind(cell: str) -> str | None:
    """Column kind of a table header cell, e.g. "Cơ quan chủ trì" → "lead".

    >>> column_kind("Cơ quan chủ trì")
    'lead'
    """
    hit = classify(cell.strip(), "column")
    return hit["column"] if hit else None


@cache
def doc_type_words() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(word, class, codes) of every document type, longest word first."""
    rows = [
        (str(e["word"]), str(e["class"]), tuple(str(c) for c in e.get("codes") or ()))
        for e in vocab.load("doc_types")
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


class TextLine(Protocol):
    """Anything with the text of one line (``kg.segment.outline.Line``); the lexicon sits below segment."""

    @property
    def text(self) -> str: ...


def type_word_line(line: TextLine) -> str | None:
    """The type word (canonical form) when ``line`` is an upper-case type line ("KẾ HOẠCH", "NGHỊ QUYẾT").

    >>> from kg.segment.outline import Line
    >>> type_word_line(Line("QUYẾT ĐỊNH", 0, 10))
    'Quyết định'
    >>> type_word_line(Line("QUYẾT ĐỊNH:", 0, 11)) is None
    True
    """
    return type_word_of(line.text)


def type_word_of(text: str) -> str | None:
    """``type_word_line`` of a line's text.

    >>> type_word_of("KẾ HOẠCH"), type_word_of("Kế hoạch")
    ('Kế hoạch', None)
    """
    text = text.strip()
    if not text or text != text.upper() or text.endswith(":"):
        return None
    key = fold(text)
    for word, _cls, _codes in doc_type_words():
        w = fold(word)
        if key == w or key.startswith(w + " cua ") or key.startswith(w + " ve "):
            return word
    return None
