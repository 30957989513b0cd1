"""All units of a document, from every source in turn: organisation sections (and articles), then text
outside them (a letter's items, "Giao X ..." sentences, or the whole text when it has no organisation
section), then task tables."""

from __future__ import annotations

from kg.extract.assignments.articles import addressed_children, article_units
from kg.extract.assignments.blocks import block_units
from kg.extract.assignments.lists import list_units
from kg.extract.assignments.open_text import cue_units, giao_units, is_letter, open_units
from kg.extract.assignments.sections import section_units
from kg.extract.assignments.tables import table_units
from kg.extract.assignments.units import Unit
from kg.normalize import Text
from kg.segment.outline import Outline


def collect_units(text: Text, outline: Outline, province: str | None) -> list[Unit]:
    """Every unit of work in the document, in the order above."""
    units: list[Unit] = []
    org = list(outline.org_sections)
    for node in org:
        units += (
            section_units(node, text, province)
            if node.kind != "article" or addressed_children(node, text, province)
            else article_units(node, text, outline, province)
        )
    if not org:
        units += open_units(text, outline, province, acts=is_letter(outline))
    else:
        units += _outside(text, outline, province, [(n.start, n.end) for n in org])
    listed, items = list_units(outline, text, province, [(n.start, n.end) for n in org])
    # an item of a per-agency list is read as addressed to its agencies, not sentence by sentence
    units = [u for u in units if not any(a <= u.start < b for a, b in items)] + listed
    for table in outline.tables:
        units += table_units(table, text, province)
    blocks, field_lines = block_units(outline, text, province)
    # a block's field lines ("Cơ quan chủ trì: Bộ Công an.") are read by the block only
    units = [u for u in units if not any(a <= u.start < b for a, b in field_lines)]
    return units + blocks


def _outside(text: Text, outline: Outline, province: str | None, inside: list[tuple[int, int]]) -> list[Unit]:
    """Units outside the organisation sections (spans ``inside``), each range once."""
    # a letter's numbered items are all directives, whichever of them segment took for a section
    found = open_units(text, outline, province, True) if is_letter(outline) else []
    found += giao_units(text, outline, province) + cue_units(text, outline, province)
    units: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    for u in found:
        if not any(a <= u.start < b for a, b in inside) and (u.start, u.end) not in seen:
            seen.add((u.start, u.end))
            units.append(u)
    return units
