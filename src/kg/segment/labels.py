"""Lines and outline labels: the units every other reader of a document works on.

``lines_of`` cuts the normalized text into non-empty lines with offsets; ``parse_label`` recognises the
labels (I., A., 1., 1.2., a), -, +, Điều N) whose lines form the outline tree.
"""

from __future__ import annotations

import re

from kg.segment.outline import Line

# Outline labels, tried in order. Roman numerals need a dot or parenthesis: a lone "I" is a table cell.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*(.*)$")),
    ("roman", re.compile(r"^([IVXLC]{1,6})\s*[.)]\s*(.*)$")),
    ("upper", re.compile(r"^([A-H])\.\s+(.*)$")),
    ("number", re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(.*)$")),
    ("letter", re.compile(r"^([a-zđ])\s*[)\]]\s*(.*)$")),  # "a]": a news copy's ")" as "]"
    ("dash", re.compile(r"^([-–—•·▪○])\s*(.*)$")),
    ("plus", re.compile(r"^(\+)\s*(.*)$")),
)


def lines_of(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with their offsets.

    >>> [ln.text for ln in lines_of("a\\n\\nb c")]
    ['a', 'b c']
    """
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(raw.strip(), pos + lead, pos + lead + len(raw.strip())))
        pos += len(raw) + 1
    return out


def parse_label(text: str) -> tuple[str, str, str] | None:
    """(kind, label, rest) when ``text`` starts with an outline label.

    >>> parse_label("V. TỔ CHỨC THỰC HIỆN")
    ('roman', 'V', 'TỔ CHỨC THỰC HIỆN')
    >>> parse_label("2.1. Nhiệm vụ")
    ('number2', '2.1', 'Nhiệm vụ')
    >>> parse_label("Điều 2. Giao Sở Tài chính")
    ('article', 'Điều 2', 'Giao Sở Tài chính')
    """
    for kind, pattern in _LABELS:
        m = pattern.match(text)
        if not m:
            continue
        label, rest = m.group(1), m.group(2)
        if kind == "number":
            if re.match(r"\d{1,2}/\d", text):  # a date "10/6" or a symbol "19/TTr", not a label
                return None
            kind = f"number{label.count('.') + 1}"
        if kind in ("roman", "upper", "letter", "number1") and not rest:
            return None
        return kind, label, rest
    return None
