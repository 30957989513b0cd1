"""Task tables: rows with "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp" and "Thời gian" columns.

kg.segment.tables rebuilds the rows; here each row with a task and a lead becomes a unit, its cells read as
lists of agency names (a cell holds names only, so a part the gazetteer cannot read is one name as printed).
"""

from __future__ import annotations

import re

from kg.extract.assignments.cues import find_cue, is_office_holder
from kg.extract.assignments.mentions import agencies_at, resolve_or_keep
from kg.extract.assignments.units import Unit
from kg.extract.deadlines import is_deadline_cell
from kg.lexicon.gazetteer import AgencyMention, fold_keep_length, match_group, parse_agency_list
from kg.lexicon.phrases import head_at, starts_predicate
from kg.normalize import Text
from kg.segment.outline import Table


def table_units(table: Table, text: Text, province: str | None) -> list[Unit]:
    """One unit per row that has a task and a lead; its "Thời gian" cell is the unit's deadline."""
    units: list[Unit] = []
    for i, row in enumerate(table.rows, 1):
        task, lead = row.cells.get("task"), row.cells.get("lead")
        if not task or not lead:
            continue
        leads = cell_agencies(lead.text, lead.start, province)
        coord = row.cells.get("coordinate")
        coords = cell_agencies(coord.text, coord.start, province) if coord else []
        deadline = row.cells.get("deadline")
        span = (deadline.start, deadline.end) if deadline and is_deadline_cell(deadline.text) else None
        section = f"{table.title or 'Bảng'}/{row.group_label + '.' if row.group_label else ''}{i}"
        units.append(Unit(task.start, task.end, section, leads, coords, span))
    return units


def cell_agencies(cell: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies of a table cell or a block's field, read left to right: a list the gazetteer reads
    ("Bộ Văn hóa, Thể thao và Du lịch, Bộ Y tế"), else one name kept as printed up to the next cut (";",
    a line break, "," or "và" before a capital or "các": "Vụ Pháp luật quốc tế và các đơn vị có liên quan").
    A cell holds names only, so a part the gazetteer cannot read is still a name ("Cục Quản lý Khám, chữa
    bệnh"); a cell that goes on with a sentence ("Bộ Công an tiến hành rà soát ...") keeps the names before
    it."""
    found: list[AgencyMention] = []
    pos = _skip_cut(cell, 0)
    while pos < len(cell):
        names, stop = agencies_at(cell, pos, base, province)
        if any(_next_cut(m.written, 0) and not _listed(m) and not _whole_group(m) for m in names):
            names, stop = [], pos  # "Vụ Đất đai - Các đơn vị khác" read as one name: two names
        verb = starts_predicate(cell, stop + len(cell[stop:]) - len(cell[stop:].lstrip(" ,")))
        if names and not verb and not _ends_at(cell, names[-1], base):
            # keep the names that end where a name may end; the rest is read again from there
            while names and not _ends_at(cell, names[-1], base):
                names.pop()
            stop = names[-1].end - base if names else stop
        if names and (verb or _ends_at(cell, names[-1], base)):
            found += names
            if verb:  # "Sở Nội vụ chủ trì tham mưu ...; Sở Tư pháp ... chủ động triển khai ...": next clause
                clause = cell.find(";", stop)
                if clause < 0 or find_cue(cell[stop:clause], "coordinate"):
                    break  # "X chủ trì, phối hợp với A; B": A and B are partners (read as such)
                pos = _skip_cut(cell, clause + 1)
                continue
            pos = _skip_cut(cell, stop)
            continue
        cut = _next_cut(cell, pos)
        end, resume = _name_end(cell, pos, cut[0] if cut else len(cell))
        name = cell[pos:end].strip(" .,;")
        if name and not is_office_holder(name):  # "Đồng chí Phó chủ tịch Thường trực": a person (G7)
            match = resolve_or_keep(name, province, name.lower().startswith("các"))
            found.append(AgencyMention(base + pos, base + pos + len(name), name, match))
        pos = _skip_cut(cell, resume)
    return found


# Where one name of a cell may end: ";", "+", a line break, or "," / "và" / "hoặc" (before a capital or
# "các", checked in ``_cut_at``).
_SEP = re.compile(r"\s*(?:[;\n+]|,|\s(?:và|hoặc|-)\s)\s*")


def _cut_at(cell: str, m: re.Match[str]) -> bool:
    """Whether separator ``m`` ends a name: always for ";", "+" and line breaks; for ",", "và", "hoặc"
    and a spaced dash only before a head word or "các" ("Sở Lao động - Thương binh và Xã hội" is one name;
    "khám, chữa bệnh" too)."""
    if m.group(0).strip() in (";", "+", ""):
        return True
    # "Vụ Đất đai - Cục Quy hoạch và Phát triển tài nguyên đất, Viện Chiến lược, Chính sách TN&MT": a
    # name ends only before a body's head word ("Cục", "Viện", "Sở") or a group ("các ...")
    at = m.end()
    return (
        head_at(cell, at) is not None
        or cell[at : at + 4].lower() == "các "
        or bool(cell[at : at + 1].isupper() and parse_agency_list(cell, at)[0])
    )


# A body's parent in brackets after its name: "Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)".
_PARENT = re.compile(r"\s*\([^()]{2,80}\)")


def _name_end(cell: str, pos: int, end: int) -> tuple[int, int]:
    """Where a name kept as printed ends short of the cut at ``end``, and where reading goes on: a name
    ends before its parent in brackets ("Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)") or its remit
    ("các sở, ban, ngành Thành phố trong phạm vi chức năng, nhiệm vụ của mình"), both skipped."""
    folded = fold_keep_length(cell)
    for m in re.finditer(r"\s+|(?=\()", cell[pos:end]):
        at = pos + m.start()
        if at == pos:
            continue
        if parent := _PARENT.match(cell, at):
            return at, parent.end()
        if remit := find_cue(cell[at:end], "adverbial", folded[at:end]):
            return at, at + remit.end()
    return end, end


def _ends_at(cell: str, m: AgencyMention, base: int) -> bool:
    """Whether the name ``m`` (read from ``cell`` at offset ``base``) ends a name of the cell: where any
    name may end, or before a comma when the gazetteer lists it whole ("Đài Phát thanh và Truyền hình
    Thành phố, cơ quan thông tấn báo chí": the next name need not open with a capital)."""
    end = m.end - base
    if _ends_name(cell, end):
        return True
    return _listed(m) and cell[end:].lstrip(" ").startswith(",")


def _listed(m: AgencyMention) -> bool:
    """Whether the gazetteer lists the body ``m`` names (not a group, not only a member of an open family):
    its name is whole even where a cut could fall inside it ("Đài Phát thanh và Truyền hình Thành phố")."""
    return bool(m.match.id) and "--" not in m.match.id and not m.match.is_group


def _whole_group(m: AgencyMention) -> bool:
    """Whether ``m`` is one collective group the grammar reads whole, opened by "các": a list of kinds goes
    on over ", các" and a wrapped line ("Các sở, ban,\nngành, các tổ chức chính trị - xã hội")."""
    return m.match.is_group and m.written[:4].lower() == "các " and match_group(m.written) == len(m.written)


def _ends_name(cell: str, pos: int) -> bool:
    """Whether a name read up to ``pos`` ends there: the cell ends or a separator that ends names follows
    (the gazetteer reads "Vụ Pháp luật hình sự" out of "Vụ Pháp luật hình sự - hành chính")."""
    if not cell[pos:].strip(" .,;"):
        return True
    m = _SEP.match(cell, pos)
    return bool(m and m.end() > pos and _cut_at(cell, m))


def _next_cut(cell: str, pos: int) -> tuple[int, int] | None:
    """[start, end) of the first separator after ``pos`` that ends a name."""
    for m in _SEP.finditer(cell, pos):
        if m.end() > m.start() and _cut_at(cell, m):
            return m.start(), m.end()
    return None


def _skip_cut(cell: str, pos: int) -> int:
    """``pos`` moved past separators and stray punctuation."""
    while pos < len(cell):
        m = _SEP.match(cell, pos)
        if m and m.end() > pos:
            pos = m.end()
        elif cell[pos] in " .,;-–\t":
            pos += 1
        else:
            break
    return pos
