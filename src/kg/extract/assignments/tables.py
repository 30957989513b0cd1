"""Task tables: rows with "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp" and "Thời gian" columns.

kg.segment.tables rebuilds the rows; here each row with a task and a lead becomes a unit, its cells read as
lists of agency names (a cell holds names only, so a part the gazetteer cannot read is one name as printed).
"""

from __future__ import annotations

import re

from kg.extract.assignments.mentions import agencies_at, resolve_or_keep
from kg.extract.assignments.units import Unit
from kg.lexicon.gazetteer import AgencyMention
from kg.normalize import Text
from kg.segment.outline import Table


def table_units(table: Table, text: Text, province: str | None) -> list[Unit]:
    """One unit per row that has a task and a lead; its "Thời gian" cell is the unit's deadline."""
    units: list[Unit] = []
    for i, row in enumerate(table.rows, 1):
        task, lead = row.cells.get("task"), row.cells.get("lead")
        if not task or not lead:
            continue
        leads = _cell_agencies(lead.text, lead.start, province)
        coord = row.cells.get("coordinate")
        coords = _cell_agencies(coord.text, coord.start, province) if coord else []
        deadline = row.cells.get("deadline")
        span = (deadline.start, deadline.end) if deadline and deadline.text.strip(" -–") else None
        section = f"{table.title or 'Bảng'}/{row.group_label + '.' if row.group_label else ''}{i}"
        units.append(Unit(task.start, task.end, section, leads, coords, span))
    return units


def _cell_agencies(cell: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies of a table cell: its parts (split at ";", line breaks, and "," before a capital),
    each read as a list of names; a part not read whole is one name kept as printed ("Cục Quản lý
    Khám, chữa bệnh", "Các đơn vị thuộc, trực thuộc Bộ": a cell holds names only)."""
    found: list[AgencyMention] = []
    for start, end in _cell_parts(cell):
        part = cell[start:end]
        names, stop = agencies_at(part, 0, base + start, province)
        if names and not part[stop:].strip(" .,;"):
            found += names
            continue
        name = part.strip(" .,;")
        match = resolve_or_keep(name, province, name.lower().startswith("các"))
        found.append(AgencyMention(base + start, base + start + len(name), name, match))
    return found


def _cell_parts(cell: str) -> list[tuple[int, int]]:
    """[start, end) of the parts of a cell that each hold one name or one list of names."""
    cuts = [m for m in re.finditer(r"\s*(?:[;\n+]|,(?=\s*[^\W\d_]))\s*", cell)]
    parts, pos = [], 0
    for m in cuts:
        if m.group(0).strip() == "," and not cell[m.end() : m.end() + 1].isupper():
            continue  # "Các sở, ban, ngành", "Khám, chữa bệnh": a comma inside one name or group
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(cell)))
    out = []
    for a, b in parts:
        lead = len(cell[a:b]) - len(cell[a:b].lstrip(" -–.,;"))
        if cell[a + lead : b].strip(" .,;"):
            out.append((a + lead, b))
    return out
