"""Organisation sections (TỔ CHỨC THỰC HIỆN, Điều 2 ...): their sub-sections, items and body paragraphs.

A sub-section headed by agencies ("1. Sở Tài chính:") addresses every task under it, its addressees
``lead`` (G4); a sub-section that names no one is read sentence by sentence. An item's sentences stay one
task unless one names new parties or a timeframe (G5); a closing formula inside an item ends it.
"""

from __future__ import annotations

from kg.extract.assignments.addressees import addressees, duty_of
from kg.extract.assignments.articles import children_name_their_own
from kg.extract.assignments.cues import find_cue, is_closing, is_office_holder
from kg.extract.assignments.mentions import partners
from kg.extract.assignments.reading import sentence_units
from kg.extract.assignments.split import sentences
from kg.extract.assignments.units import Unit, make_unit, run_units, splits
from kg.lexicon.gazetteer import AgencyMention
from kg.normalize import Text
from kg.segment.outline import Node


def section_units(node: Node, text: Text, province: str | None) -> list[Unit]:
    """Units of an organisation section: per-addressee sub-sections, else sentence by sentence."""
    units: list[Unit] = []
    full = text.text
    own = full[node.heading_start : node.heading_end]
    if node.kind == "article" or node.children == ():
        units += sentence_units(own, node.heading_start, node.section, province, carry=False, acts=True)
    units += _body_units(node, text, [], [], province)
    for child in node.children:
        units += child_units(child, text, province)
    return units


def child_units(node: Node, text: Text, province: str | None) -> list[Unit]:
    """A sub-section: addressed to the agencies its heading names, else read as a section of its own."""
    heading = text.text[node.heading_start : node.heading_end]
    found = addressees(heading, node.heading_start, province)
    if not found or (duty_of(heading) and children_name_their_own(node, text, province)):
        # "Điều 8. Trách nhiệm của các bộ, cơ quan ngang bộ" over "1. Bộ Tài chính: ..." items: each its own
        return section_units(node, text, province)
    leads, task_at = found
    units: list[Unit] = []
    rest = heading[task_at:]
    if rest.strip():
        units.append(
            make_unit(heading, task_at, len(heading), node.heading_start, node.section, leads, province)
        )
    # "Bộ Tài chính chủ trì, phối hợp với các bộ, cơ quan liên quan:": the partners reach every item
    inherited = partners(heading, node.heading_start, province) if heading.rstrip().endswith(":") else []
    units += _body_units(node, text, leads, inherited, province)
    for child in node.children:
        units += addressed_units(child, text, leads, inherited, province)
    return units


def addressed_units(
    node: Node, text: Text, leads: list[AgencyMention], inherited: list[AgencyMention], province: str | None
) -> list[Unit]:
    """A task item under an addressee: own text is a unit; partners of an intro ending ':' pass down."""
    full = text.text
    heading = full[node.heading_start : node.heading_end]
    if is_office_holder(heading.lstrip(" -–•+*")):
        return []  # "1. Ban Thường trực ...: - Đồng chí Chủ tịch ... chỉ đạo chung": a person's duty (G7)
    units: list[Unit] = []
    intro_partners: list[AgencyMention] = []
    run: list[tuple[int, int]] = []  # sentences of the item's own task, kept together (G5)
    for a, b in sentences(heading):
        sent = heading[a:b]
        if sent.rstrip().endswith(":") and node.children:
            intro_partners += partners(sent, node.heading_start + a, province)
            continue
        if (
            sub := sentence_units(sent, node.heading_start + a, node.section, province, carry=False)
        ) and find_cue(sent, "address"):
            units += run_units(heading, run, node, leads, inherited, province) + sub
            run = []
            continue
        if splits(heading, run, a, b, province):
            units += run_units(heading, run, node, leads, inherited, province)
            run = []
        run.append((a, b))
    units += run_units(heading, run, node, leads, inherited, province)
    units += _body_units(node, text, leads, inherited, province)
    for child in node.children:
        if _own_heading(child, text, province):
            units += child_units(child, text, province)  # "2.2 ... a) Sở Xây dựng": its own addressee
        else:
            units += addressed_units(child, text, leads, inherited + intro_partners, province)
    return units


def _own_heading(node: Node, text: Text, province: str | None) -> bool:
    """Whether ``node``'s heading is an addressee heading of its own ("a) Sở Xây dựng", "Bộ Y tế:")."""
    found = addressees(text.text[node.heading_start : node.heading_end], node.heading_start, province)
    return bool(found and found[1] > 0)


def _body_units(
    node: Node, text: Text, leads: list[AgencyMention], inherited: list[AgencyMention], province: str | None
) -> list[Unit]:
    """Paragraphs of a node's body: addressed to ``leads`` unless a paragraph names its own addressee."""
    units: list[Unit] = []
    body = text.text[node.body_start : node.body_end]
    pos = 0
    for para in body.split("\n"):
        base = node.body_start + pos
        pos += len(para) + 1
        if not para.strip():
            continue
        own = sentence_units(para, base, node.section, province, carry=True, acts=not leads)
        if is_closing(para):
            # a closing formula ends the last addressee's item: what follows is no task of theirs
            leads, inherited = [], []
        if own or not leads:
            units += own
            continue
        found, closed = _paragraph_units(para, base, node.section, leads, inherited, province)
        units += found
        if closed:
            leads, inherited = [], []
    return units


def _paragraph_units(
    para: str,
    base: int,
    section: str | None,
    leads: list[AgencyMention],
    inherited: list[AgencyMention],
    province: str | None,
) -> tuple[list[Unit], bool]:
    """A body paragraph addressed to ``leads``: runs of its sentences, one task each (G5), up to a closing
    formula; returns the units and whether a closing formula ended the item."""
    units: list[Unit] = []
    run: list[tuple[int, int]] = []
    closed = False
    for a, b in sentences(para):
        # "...; bố trí nhân lực. Yêu cầu Trưởng các phòng ...": the item ends before the formula
        closed = is_closing(para[a:b])
        if closed or splits(para, run, a, b, province):
            units += run_units(para, run, None, leads, inherited, province, base, section)
            run = []
        if closed:
            break
        run.append((a, b))
    units += run_units(para, run, None, leads, inherited, province, base, section)
    return units, closed
