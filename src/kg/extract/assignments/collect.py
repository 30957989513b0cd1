"""All units of a document, from every source in turn: organisation sections (and articles), then text
outside them (a letter's items, "Giao X ..." sentences, or the whole text when it has no organisation
section), then task tables."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate

from kg.extract.assignments.addressees import addressees
from kg.extract.assignments.articles import addressed_children, article_units
from kg.extract.assignments.blocks import block_units
from kg.extract.assignments.lists import list_units
from kg.extract.assignments.open_text import cue_units, giao_units, heads_units, is_letter, open_units
from kg.extract.assignments.sections import child_units, section_units
from kg.extract.assignments.tables import table_units
from kg.extract.assignments.units import Unit
from kg.lexicon.doctypes import directs
from kg.normalize import Text
from kg.segment.org import nested_org_sections
from kg.segment.outline import Outline


def collect_units(text: Text, outline: Outline, province: str | None) -> list[Unit]:
    """Every unit of work in the document, in the order above."""
    units: list[Unit] = []
    org = list(outline.org_sections)
    for node in org:
        if node.kind != "article" or addressed_children(node, text, province):
            units += section_units(node, text, province)
        elif addressees(text.text[node.heading_start : node.heading_end], 0, province):
            units += child_units(node, text, province)  # "Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ"
        else:
            # a plan attached under the article has its own TỔ CHỨC THỰC HIỆN: read as a section, the
            # rest of the article paragraph by paragraph
            inner = nested_org_sections(node)
            units += article_units(node, text, outline, province, tuple(inner))
            for n in inner:
                units += section_units(n, text, province)
    if not org:
        # a letter's items, and a news page restating a plan ("Sở Nội vụ lập danh sách ..."), hand tasks to
        # the agencies that open their sentences before a task verb
        # a directive, dispatch or conclusion (doc_types.yaml ``directs``) gives directions throughout
        acts = is_letter(outline) or outline.is_news or directs(outline.doc_type_word)
        units += open_units(text, outline, province, acts=acts)
    else:
        units += _outside(text, outline, province, [(n.start, n.end) for n in org])
    listed, items = list_units(outline, text, province, [(n.start, n.end) for n in org])
    # a letter's items addressed to the heads of its recipients: those bodies lead them
    headed, head_items = heads_units(text, outline, province)
    listed += headed
    items += head_items
    # an item of a per-agency list is read as addressed to its agencies, not sentence by sentence
    in_items = _within(items)
    units = [u for u in units if not in_items(u.start)] + listed
    for table in outline.tables:
        units += table_units(table, text, province)
    blocks, field_lines = block_units(outline, text, province)
    # a block's field lines ("Cơ quan chủ trì: Bộ Công an.") are read by the block only
    in_field_lines = _within(field_lines)
    units = [u for u in units if not in_field_lines(u.start)]
    return units + blocks


def _outside(text: Text, outline: Outline, province: str | None, inside: list[tuple[int, int]]) -> list[Unit]:
    """Units outside the organisation sections (spans ``inside``), each range once."""
    # a letter's numbered items are all directives, whichever of them segment took for a section
    found = open_units(text, outline, province, True) if is_letter(outline) else []
    found += giao_units(text, outline, province) + cue_units(text, outline, province)
    units: list[Unit] = []
    seen: set[tuple[int, int]] = set()
    in_sections = _within(inside)
    for u in found:
        if not in_sections(u.start) and (u.start, u.end) not in seen:
            seen.add((u.start, u.end))
            units.append(u)
    return units


def _within(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in one of ``spans`` ([start, end), overlapping or not): sorted once, then one
    bisection per offset instead of a scan of every span (issue 15: units × spans grew with the square of a
    document's size). Some span holds ``x`` exactly when the farthest end among spans starting at or before
    ``x`` lies past it."""
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach = list(accumulate((b for _, b in ordered), max))

    def inside(x: int) -> bool:
        i = bisect_right(starts, x)
        return i > 0 and reach[i - 1] > x

    return inside
