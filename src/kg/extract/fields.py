"""Fields: "Lĩnh vực ..." headings → SKOS field notations (data/vocab/fields.yaml), and the field of a task.

What gives a task its field — what the text states, nothing inferred from topic words:
- its own words: a task that says "trong lĩnh vực y tế" or "ngành nông nghiệp" belongs to that field
  (``field_of_phrase``; the first such mention naming a listed field). "lĩnh vực"/"ngành" must be followed by
  the field's name: "các sở, ngành", "các lĩnh vực ưu tiên", "ngành, lĩnh vực" name none;
- else the heading it stands under: a "Lĩnh vực nông nghiệp" heading (``field_at`` gives the field of an
  offset). Only headings that open with "Lĩnh vực" are field headings: "Phát triển KH&CN phục vụ nông
  nghiệp" names a purpose, not the field its tasks belong to, and gives no field.
The task's own mention wins over the heading: it is the more specific statement.
"""

from __future__ import annotations

import re
from functools import cache

from kg.lexicon import vocab
from kg.models import FieldMention
from kg.normalize import Text
from kg.segment.outline import Node, Outline
from kg.text.strings import fold

_HEADING = re.compile(
    r"^\s*(?:[a-zđ0-9IVX]{1,4}[.)\]]\s*)?(?:các\s+)?lĩnh vực\s+(?P<name>.+?)\s*:?\s*$", re.IGNORECASE
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
    for pattern, notation in _term_patterns():
        if pattern.search(name):
            return notation
    return None


def fields_of_heading(heading: str) -> tuple[str, ...]:
    """Every field a "Lĩnh vực ..." heading names, its main one (``field_of_heading``) first: a heading may
    join two ("Lĩnh vực Giáo dục - Y tế và chăm sóc sức khỏe nhân dân"). Terms are read left to right, the
    longest at each word, so "khoa học và công nghệ" stays one field.

    >>> fields_of_heading("d) Lĩnh vực Giáo dục - Y tế và chăm sóc sức khỏe nhân dân")
    ('education-training', 'health')
    >>> fields_of_heading("Lĩnh vực khoa học và công nghệ")
    ('science-technology',)
    """
    first = field_of_heading(heading)
    if first is None:
        return ()
    m = _HEADING.match(heading.replace("kĩ", "kỹ"))
    words = fold(m["name"] if m else "").replace(" - ", " ").replace(",", " ").split()
    found = [first]
    i = 0
    while i < len(words):
        hit = _longest_term(words, i)
        if hit:
            found.append(hit[1])
            i += hit[0]
        else:
            i += 1
    return tuple(dict.fromkeys(found))


def _longest_term(words: list[str], i: int) -> tuple[int, str] | None:
    """(number of words, field) of the longest term starting at word ``i``."""
    for term, notation in _terms():  # longest first
        t = term.replace(" - ", " ").replace(",", " ").split()
        if words[i : i + len(t)] == t:
            return len(t), notation
    return None


@cache
def _term_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each term as a whole-word pattern, compiled once (issue 15: no regex compiled in a loop)."""
    return tuple(
        (re.compile(rf"\b{re.escape(t.replace(' - ', ' '))}\b"), notation) for t, notation in _terms()
    )


_MENTION = re.compile(r"(?:^|[^\w])(?:lĩnh vực|ngành)\s+(?=[^\W\d_])", re.IGNORECASE)


def _term_at(name: str) -> str | None:
    """The field whose term ``name`` (folded) opens with, longest term first."""
    for term, notation in _terms():
        t = term.replace(" - ", " ")
        if name == t or name.startswith((t + " ", t + ",", t + ";", t + ".", t + ")")):
            return notation
    return None


def field_of_phrase(text: str) -> str | None:
    """The field a task's own words name ("trong lĩnh vực y tế", "ngành nông nghiệp"), or None.

    >>> field_of_phrase("Ứng dụng trí tuệ nhân tạo trong lĩnh vực y tế, giáo dục")
    'health'
    >>> field_of_phrase("Các sở, ngành phối hợp triển khai") is None
    True
    """
    for m in _MENTION.finditer(text.replace("kĩ", "kỹ")):
        notation = _term_at(fold(text[m.end() : m.end() + 80]).replace(" - ", " "))
        if notation:
            return notation
    return None


# The last outline's field headings: ``field_at`` is asked once per task, and walking the whole outline each
# time made extraction quadratic in a document's size (issue 15). Keyed by identity (an Outline is immutable).
_LAST: list[tuple[Outline, tuple[tuple[Node, tuple[str, ...]], ...]]] = []


def _field_nodes(outline: Outline) -> tuple[tuple[Node, tuple[str, ...]], ...]:
    if _LAST and _LAST[0][0] is outline:
        return _LAST[0][1]
    found = tuple((n, f) for n in outline.nodes() if (f := fields_of_heading(n.heading)))
    _LAST[:] = [(outline, found)]
    return found


def extract_fields(text: Text, outline: Outline) -> list[FieldMention]:
    """Every field each "Lĩnh vực ..." heading of the outline names, with the heading's span."""
    return [
        FieldMention(field, node.heading, text.span(node.heading_start, node.heading_end))
        for node, fields in _field_nodes(outline)
        for field in fields
    ]


def field_at(outline: Outline, offset: int) -> str | None:
    """The field of the innermost "Lĩnh vực ..." section containing normalized ``offset`` (None outside)."""
    best: tuple[int, str] | None = None
    for node, fields in _field_nodes(outline):
        if node.start <= offset < node.end and (best is None or node.start > best[0]):
            best = (node.start, fields[0])  # a task carries one field: the heading's main one
    return best[1] if best else None
