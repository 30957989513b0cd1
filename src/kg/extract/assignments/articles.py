"""Articles of a decision ("Điều 2. Giao X ...", "Điều 3. Tổ chức thực hiện").

An article whose items are headed by agencies is read as an organisation section (kg.extract.assignments
.sections); any other is read paragraph by paragraph, each sentence with its own addressee.
"""

from __future__ import annotations

from kg.extract.assignments.addressees import addressees
from kg.extract.assignments.reading import sentence_units
from kg.extract.assignments.split import paragraphs
from kg.extract.assignments.subjects import subject_of
from kg.extract.assignments.units import Unit
from kg.normalize import Text
from kg.segment import parse_label
from kg.segment.outline import Node, Outline


def article_units(
    node: Node, text: Text, outline: Outline, province: str | None, apart: tuple[Node, ...] = ()
) -> list[Unit]:
    """ "Điều 2. Giao X ..." and its numbered clauses: paragraph by paragraph, labels set aside, each
    sentence with its own addressee (the article itself addresses no one); parts ``apart`` are read apart."""
    units: list[Unit] = []
    for base, para in paragraphs(text, outline):
        if not node.start <= base < node.end or (apart and any(n.start <= base < n.end for n in apart)):
            continue
        label = parse_label(para.strip())
        skip = len(para) - len(label[2]) if label else 0
        units += sentence_units(para[skip:], base + skip, node.section, province, carry=False, acts=True)
    return units


def children_name_their_own(node: Node, text: Text, province: str | None) -> bool:
    """Whether an item under ``node`` names its own addressee ("1. Bộ Y tế chủ trì ...", "2. Giao Sở X
    ...", "3. Bộ Công an:"): a duty heading over them ("Trách nhiệm của các bộ") then addresses none."""
    return addressed_children(node, text, province) or any(
        subject_of(text.text[c.heading_start : c.heading_end], c.heading_start, province, True)
        for c in node.children
    )


def addressed_children(node: Node, text: Text, province: str | None) -> bool:
    """ "Điều 2. Tổ chức thực hiện" whose items are headed by agencies ("1. Bộ Tài chính"): a section."""
    return any(
        addressees(text.text[c.heading_start : c.heading_end], c.heading_start, province)
        for c in node.children
    )
