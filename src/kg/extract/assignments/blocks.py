"""Task blocks: a task table written as text. An item followed by labelled lines —

    a) Rà soát văn bản quy phạm pháp luật ...
    - Đơn vị chủ trì: Vụ Pháp luật hình sự - hành chính.
    - Đơn vị phối hợp: Vụ Pháp luật quốc tế, Cục Kiểm tra văn bản.
    - Thời gian thực hiện: Cả năm 2015.

or one paragraph "Nội dung: ... Cơ quan chủ trì: ... Cơ quan phối hợp: ... Thời gian: ...". The labels are
the table column names of sections.yaml (``column_kind``): the lead field's names lead the item, the
coordinate field's names coordinate, the time field is its deadline; the task is the "Nội dung" field when
there is one, else the item's own heading. Blocks are read wherever they stand in the outline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.assignments.mentions import partners
from kg.extract.assignments.tables import cell_agencies
from kg.extract.assignments.units import Unit
from kg.lexicon.gazetteer import AgencyMention
from kg.lexicon.lines import column_kind
from kg.normalize import Text
from kg.segment import parse_label
from kg.segment.outline import Node, Outline
from kg.segment.tables import TIME_CELL

# A field label: a few words at the start of a line or after a full stop / ";", then ":". One to five words,
# one space apart: "(?:[^\W\d_]+\s?){1,5}" could also cut one long word into pieces in every way, which
# takes minutes on a line of letters with no ":" (found by tests/extract/test_fuzz_extract.py).
_FIELD = re.compile(r"(?:^|(?<=[.;]\s)|(?<=[.;]))\s*([^\W\d_]+(?:\s[^\W\d_]+){0,4})\s*:")


@dataclass(frozen=True)
class Field:
    """One labelled field: its column kind and the offsets of its value in the normalized text."""

    kind: str
    start: int
    end: int


def fields_in(s: str, base: int) -> list[Field]:
    """The labelled fields of one line ``s`` (at offset ``base``), each value running to the next label.

    >>> [f.kind for f in fields_in("Cơ quan chủ trì: Bộ Công an. Thời gian: năm 2025", 0)]
    ['lead', 'deadline']
    """
    hits = [(m, kind) for m in _FIELD.finditer(s) if (kind := column_kind(m.group(1))) and kind != "no"]
    out = []
    for i, (m, kind) in enumerate(hits):
        end = hits[i + 1][0].start(1) if i + 1 < len(hits) else len(s)
        value = s[m.end() : end]
        a = m.end() + len(value) - len(value.lstrip())
        b = m.end() + len(value.rstrip(" .;"))
        if b > a:
            out.append(Field(kind, base + a, base + b))
    return out


def block_units(
    outline: Outline, text: Text, province: str | None
) -> tuple[list[Unit], list[tuple[int, int]]]:
    """Units of every task block in the outline, and the spans of the field lines (read by no one else)."""
    units: list[Unit] = []
    spans: list[tuple[int, int]] = []
    if outline.root is None:
        return [], []
    for node in outline.root.walk():
        found = _node_fields(node, text)
        if not found:
            continue
        lines, fields, items = found
        if items:  # "a) Nhiệm vụ:" with its items, "b) Cơ quan thực hiện:", "c) Thời gian thực hiện: ..."
            made = [_unit(item, fields, text, province, own=True) for item in items]
        else:
            made = [_unit(node, fields, text, province)]
        if any(made):
            units += [u for u in made if u is not None]
            spans += [*lines, (node.heading_start, node.heading_end)]  # the item is the block's own
            spans += [(i.start, i.end) for i in items]
    return units, spans


def _node_fields(node: Node, text: Text) -> tuple[list[tuple[int, int]], list[Field], list[Node]] | None:
    """The field lines of ``node`` (its own heading, body lines and children's headings, and the items
    under a child that is a bare field label such as "b) Cơ quan thực hiện:"), their fields, and the task
    items under a bare "Nhiệm vụ:" child; None when they name no lead."""
    lines: list[tuple[int, int]] = []
    fields: list[Field] = []
    items: list[Node] = []
    spans = list(_own_lines(node, text))
    for child in node.children:
        label = _bare_label(text.text[child.heading_start : child.heading_end])
        if label == "task":
            items += child.children
        elif label:
            spans += [(c.heading_start, c.heading_end) for c in child.children]
    for a, b in spans:
        here = fields_in(text.text[a:b], a)
        if here:
            lines.append((a, b))
            fields += [*here[:-1], _continued(here[-1], text.text)]
    if not any(f.kind == "lead" for f in fields):
        return None
    return lines, fields, items


def _bare_label(heading: str) -> str | None:
    """The column kind of a heading that is only a field label ("Nhiệm vụ:", "Cơ quan thực hiện:")."""
    m = re.fullmatch(r"\s*([^\W\d_]+(?:\s[^\W\d_]+){0,4})\s*:\s*", heading)  # no nested repeat: see _FIELD
    return column_kind(m.group(1)) if m else None


def _continued(f: Field, full: str) -> Field:
    """A field whose value a hard line break cut ("Thời gian thực hiện: năm" / "2025 và các năm tiếp
    theo") runs on over the next line when that line opens with a digit or a lower-case letter."""
    if not full.startswith("\n", f.end):
        return f
    end = full.find("\n", f.end + 1)
    end = len(full) if end < 0 else end
    nxt = full[f.end + 1 : end]
    opens_lower = nxt[:1].isdigit() or nxt[:1].islower()
    if opens_lower and not parse_label(nxt) and not fields_in(nxt, 0):
        return Field(f.kind, f.start, f.end + 1 + len(nxt.rstrip(" .;")))
    return f


def _own_lines(node: Node, text: Text) -> Iterator[tuple[int, int]]:
    """The heading, the body lines and the bullet children's headings of ``node``."""
    yield node.heading_start, node.heading_end
    pos = node.body_start
    for line in text.text[node.body_start : node.body_end].split("\n"):
        yield pos, pos + len(line)
        pos += len(line) + 1
    for child in node.children:
        yield child.heading_start, child.heading_end


def _unit(
    node: Node, fields: list[Field], text: Text, province: str | None, own: bool = False
) -> Unit | None:
    """The unit of one block: the "Nội dung" field or the item's heading (``own``: the item is one of
    the block's task items, its heading the task), its leads, partners, deadline."""
    full = text.text
    by_kind: dict[str, list[Field]] = {}
    for f in fields:
        by_kind.setdefault(f.kind, []).append(f)
    task = None if own else by_kind.get("task", [None])[0]
    if own:
        start, end = node.heading_start, max(node.heading_end, node.body_end)
    elif task is not None:
        start, end = task.start, task.end
    else:
        start, end = node.heading_start, node.heading_end
        if fields and fields[0].start < end:  # the heading is itself a field line: no task of its own
            return None
        if _bare_label(full[start:end]):  # "b) Cơ quan thực hiện:" is a part of its parent's block
            return None
    leads = [m for f in by_kind["lead"] for m in cell_agencies(full[f.start : f.end], f.start, province)]
    coords = [
        m
        for f in by_kind.get("coordinate", [])
        for m in cell_agencies(full[f.start : f.end], f.start, province)
    ]
    # "Cơ quan thực hiện: Sở A chủ trì, phối hợp với Sở B, Sở C": the partners coordinate
    coords += [m for f in by_kind["lead"] for m in partners(full[f.start : f.end], f.start, province)]
    # "Nhiệm vụ: Tham mưu UBND Thành phố phối hợp với Bộ Công an rà soát ...": the task's own partners too
    coords += partners(full[start:end], start, province)
    when = by_kind.get("deadline")
    # "Thời gian thực hiện: Triển khai theo lộ trình, hướng dẫn của Bộ" states no timeframe
    timed = bool(when and TIME_CELL.search(full[when[0].start : when[0].end]))
    deadline = (when[0].start, when[0].end) if when and timed else None
    if not leads or not full[start:end].strip():
        return None
    return Unit(start, end, node.section, leads, coords, deadline)


def _agencies(fields: list[Field], full: str, province: str | None) -> list[AgencyMention]:
    """The agencies the values of ``fields`` name, read as table cells."""
    return [m for f in fields for m in cell_agencies(full[f.start : f.end], f.start, province)]
