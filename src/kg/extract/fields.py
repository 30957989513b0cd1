"""Fields: "Lĩnh vực ..." headings → SKOS field notations (data/vocab/fields.yaml), and the field of a task.

A task under a "Lĩnh vực nông nghiệp" heading belongs to that field; ``field_at`` gives the field of an
offset.
"""

from __future__ import annotations

import re
from functools import cache

from kg import vocab
from kg.models import FieldMention
from kg.normalize import Text
from kg.outline import Node, Outline
from kg.textutil import fold

_HEADING = re.compile(
    r"^\s*(?:[a-zđ0-9IVX]{1,4}[.)]\s*)?(?:các\s+)?lĩnh vực\s+(?P<name>.+?)\s*:?\s*$", re.IGNORECASE
)


@cache
def _terms() -> tuple[tuple[str, str], ...]:
    """(folded term, field), longest terms first so "khoa học kỹ thuật" beats "kỹ thuật"."""
    pairs = [(fold(t), e["field"]) for e in vocab.load("fields") for t in e["terms"]]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def field_of_heading(heading: str) -> str | None:
    """The field a "Lĩnh vực ..." heading names, or None when it is not one.

    >>> field_of_heading("c) Lĩnh vực y dược")
    'health'
    """
    m = _HEADING.match(heading.replace("kĩ", "kỹ"))
    if not m:
        return None
    name = fold(m["name"]).replace(" - ", " ")
    for term, notation in _terms():
        t = term.replace(" - ", " ")
        if name == t or name.startswith(t + " ") or name.startswith(t + ","):
            return notation
    for term, notation in _terms():
        if re.search(rf"\b{re.escape(term.replace(' - ', ' '))}\b", name):
            return notation
    return None


def _field_nodes(outline: Outline) -> list[tuple[Node, str]]:
    return [(n, f) for n in outline.nodes() if (f := field_of_heading(n.heading)) is not None]


def extract_fields(text: Text, outline: Outline) -> list[FieldMention]:
    """Every "Lĩnh vực ..." heading of the outline, with its field and span."""
    return [
        FieldMention(field, node.heading, text.span(node.heading_start, node.heading_end))
        for node, field in _field_nodes(outline)
    ]


def field_at(outline: Outline, offset: int) -> str | None:
    """The field of the innermost "Lĩnh vực ..." section containing normalized ``offset`` (None outside)."""
    best: tuple[int, str] | None = None
    for node, field in _field_nodes(outline):
        if node.start <= offset < node.end and (best is None or node.start > best[0]):
            best = (node.start, field)
    return best[1] if best else None
