"""Rebuild task tables from flattened text: one cell per line, or a row per line joined with " | "."""

from __future__ import annotations

import itertools
import re

from kg.lexicon.gazetteer import find_agency_at, is_listed
from kg.lexicon.lines import classify, column_kind, type_word_line
from kg.segment.outline import Cell, Line, Row, Table

_NO_CELL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.?)$")
_CONTINUES = (",", ";", " -", " –", " và")
_ROMAN = re.compile(r"^[IVXLC]{1,6}\.?$")
# a table cell or block field that states a timeframe (a year, a period, a date)
TIME_CELL = re.compile(
    r"(?:\b(?:19|20)\d{2}\b|thường xuyên|hàng năm|hằng năm|hàng quý|định kỳ|quý\s+[IV1-4]|tháng\s+\d"
    r"|trước ngày)",
    re.IGNORECASE,
)


def find_tables(lines: list[Line]) -> list[tuple[int, int, Table]]:
    """Tables found in ``lines`` as (first line index, end line index exclusive, table)."""
    out: list[tuple[int, int, Table]] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, i)
        if found is None:
            i += 1
            continue
        end, table = found
        out.append((i, end, table))
        i = end
    return out


def _title_before(lines: list[Line], i: int) -> str:
    for j in range(i - 1, max(-1, i - 4), -1):
        if classify(lines[j].text, "appendix"):
            return lines[j].text
    return ""


def _table_at(lines: list[Line], i: int) -> tuple[int, Table] | None:
    if "|" in lines[i].text:
        return _pipe_table(lines, i)
    header: list[Line] = []
    j = i
    while j < len(lines) and column_kind(lines[j].text):
        header.append(lines[j])
        j += 1
    kinds = [column_kind(h.text) or "note" for h in header]
    if len(header) < 2 or "task" not in kinds:
        return None
    if all(b.start - a.end > 1 for a, b in itertools.pairwise(header)):
        # cells set apart by blank lines: a cell broken over several lines ("Trước ngày" / "30/11/2025")
        # is one cell
        cells, ends = _paragraph_cells(lines, j)
        stop, rows = _cell_rows(cells, 0, kinds)
        end = ends[stop - 1] if stop else j
    else:
        end, rows = _cell_rows(lines, j, kinds)
    table = Table(
        title=_title_before(lines, i),
        columns=tuple(h.text for h in header),
        kinds=tuple(kinds),
        rows=tuple(rows),
        start=lines[i].start,
        end=lines[end - 1].end,
    )
    return end, table


def _paragraph_cells(lines: list[Line], j: int) -> tuple[list[Line], list[int]]:
    """The lines from ``j`` with those that follow each other directly (no blank line) joined into one,
    and for each joined line the index just past its last original line."""
    cells: list[Line] = []
    ends: list[int] = []
    for k in range(j, len(lines)):
        ln = lines[k]
        joins = cells and ln.start - cells[-1].end == 1 and not _is_table_end(ln)
        if joins and not _NO_CELL.match(cells[-1].text) and not _NO_CELL.match(ln.text):
            last = cells[-1]
            cells[-1] = Line(f"{last.text} {ln.text}", last.start, ln.end)
            ends[-1] = k + 1
        else:
            cells.append(ln)
            ends.append(k + 1)
    return cells, ends


def _is_table_end(line: Line) -> bool:
    return bool(classify(line.text, "appendix") or classify(line.text, "closing") or type_word_line(line))


def _cell_rows(lines: list[Line], j: int, kinds: list[str]) -> tuple[int, list[Row]]:
    """Rows of a one-cell-per-line table starting at line ``j``; returns (end index, rows)."""
    rows: list[Row] = []
    group: tuple[str, str] | None = None
    while j < len(lines) and _NO_CELL.match(lines[j].text) and not _is_table_end(lines[j]):
        no = lines[j]
        k = j + 1
        while k < len(lines) and not _NO_CELL.match(lines[k].text) and not _is_table_end(lines[k]):
            k += 1
        cells = lines[j + 1 : k]
        if _ROMAN.match(no.text) and len(cells) <= 1:
            group = (no.text.rstrip("."), cells[0].text if cells else "")
        elif cells:
            rows.append(_row(no, cells, kinds, group))
        j = k
    return j, rows


def _row(no: Line, cells: list[Line], kinds: list[str], group: tuple[str, str] | None) -> Row:
    """Assign the cells after the number cell to the remaining columns."""
    data_kinds = [k for k in kinds if k != "no"]
    assigned = _assign(cells, data_kinds)
    mapped = {"no": Cell(no.text, no.start, no.end)} | assigned
    return Row(
        cells=mapped,
        group=group[1] if group else None,
        group_label=group[0] if group else None,
        start=no.start,
        end=cells[-1].end,
    )


def _assign(cells: list[Line], kinds: list[str]) -> dict[str, Cell]:
    """Map cells to column kinds; missing cells drop from the right, a time cell goes to the deadline."""
    cells = _merge_continued(list(cells), len(kinds))
    while len(cells) > len(kinds) and not any(ch.isalpha() for ch in cells[-1].text):
        cells.pop()  # a dot leader after the last cell ("…...........") is no cell
    if len(cells) > len(kinds) and len(kinds) > 1 and kinds[:2] == ["task", "lead"] and _names_one(cells[1]):
        # the lead cell is where it should be, so the task is whole: the lines past the last column are
        # no part of the row (a page's caption after the table)
        cells = cells[: len(kinds)]
    if len(cells) > len(kinds) and kinds and kinds[0] == "task":
        extra = len(cells) - len(kinds) + 1  # a long task cell broken over several lines
        first, last = cells[0], cells[extra - 1]
        joined = " ".join(c.text for c in cells[:extra])
        cells = [Line(joined, first.start, last.end), *cells[extra:]]
    out: dict[str, Cell] = {}
    remaining = list(kinds)
    if len(cells) < len(kinds) and "deadline" in kinds and TIME_CELL.search(cells[-1].text):
        last = cells.pop()
        out["deadline"] = Cell(last.text, last.start, last.end)
        remaining.remove("deadline")
    for kind, cell in zip(remaining, cells, strict=False):
        out.setdefault(kind, Cell(cell.text, cell.start, cell.end))
    return out


def _names_one(cell: Line) -> bool:
    """Whether a cell holds one agency name the gazetteer lists, whole ("Sở Xây dựng")."""
    text = cell.text.strip(" .;,")
    found = find_agency_at(text, 0)
    return found is not None and found.end == len(text) and is_listed(text)


def _merge_continued(cells: list[Line], width: int) -> list[Line]:
    """While a row has more cells than columns, join a cell that ends mid-list ("Vụ Tổ chức cán bộ,") with
    the line after it: one cell broken over two lines when the table was flattened one cell per line."""
    while len(cells) > width:
        i = next((i for i, c in enumerate(cells[:-1]) if c.text.endswith(_CONTINUES)), None)
        if i is None:
            break
        cells = _join_cells(cells[: i + 1], cells[i + 1 :])
    return cells


def _split_pipe(line: Line) -> list[Line]:
    parts: list[Line] = []
    pos = 0
    for piece in line.text.split("|"):
        stripped = piece.strip()
        lead = len(piece) - len(piece.lstrip())
        parts.append(Line(stripped, line.start + pos + lead, line.start + pos + lead + len(stripped)))
        pos += len(piece) + 1
    if parts and not parts[0].text:
        parts = parts[1:]
    if parts and not parts[-1].text:
        parts = parts[:-1]
    return parts


def _continues_row(line: Line, missing: int) -> bool:
    """A line that carries on the row before it: no number cell, at most the cells that row lacks."""
    parts = _split_pipe(line) if "|" in line.text else [line]
    return bool(parts) and not _NO_CELL.match(parts[0].text) and len(parts) <= missing + 1


def _join_cells(cells: list[Line], more: list[Line]) -> list[Line]:
    """The row's last cell and the next line's first piece as one cell (offsets kept: the gap is blank)."""
    last, first = cells[-1], more[0]
    gap = first.start - last.end
    joined = Line(last.text + "\n" + " " * max(gap - 1, 0) + first.text, last.start, first.end)
    return [*cells[:-1], joined, *more[1:]]


def _sub_header(cells: list[Line], kinds: list[str], header: list[Line]) -> bool:
    """A second header row naming the sub-columns of a spanning one ("Chủ trì | Phối hợp" under "Đơn vị
    thực hiện"): their kinds replace those of the columns they stand in (``kinds`` is updated). A row
    shorter than the header holds the spanning column's sub-columns only (a converter drops the cells
    under the other columns): its names stand in from the spanning column on."""
    named = {k: kind for k, c in enumerate(cells) if c.text and (kind := column_kind(c.text))}
    if not named or any(_NO_CELL.match(c.text) for c in cells if c.text):
        return False
    if len(cells) < len(header) and (span := _spanning(header)) is not None:
        names = [kind for c in cells if c.text and (kind := column_kind(c.text))]
        named = {span + k: kind for k, kind in enumerate(names)}
    for k, kind in named.items():
        if k < len(kinds) and kind != "no":
            kinds[k] = kind
    return True


def _spanning(header: list[Line]) -> int | None:
    """The first header cell followed by an empty one (a cell spanning the columns under it), or None."""
    return next(
        (k for k in range(1, len(header) - 1) if header[k].text and not header[k + 1].text),
        None,
    )


def _pipe_table(lines: list[Line], i: int) -> tuple[int, Table] | None:
    header = _split_pipe(lines[i])
    kinds = [column_kind(h.text) or "note" for h in header]
    if sum(1 for h in header if column_kind(h.text)) < 2 or "task" not in kinds:
        return None
    rows: list[Row] = []
    group: tuple[str, str] | None = None
    j = i + 1
    while j < len(lines) and "|" in lines[j].text:
        cells = _split_pipe(lines[j])
        j += 1
        while (
            len(cells) < len(header) and j < len(lines) and _continues_row(lines[j], len(header) - len(cells))
        ):
            cells, j = _join_cells(cells, _split_pipe(lines[j])), j + 1  # a cell broken over two lines
        if set("".join(c.text for c in cells)) <= set("-: "):
            continue  # a Markdown rule line
        if not rows and _sub_header(cells, kinds, header):
            continue  # "Đơn vị thực hiện" split into "Chủ trì | Phối hợp" on a second header row
        filled = [c for c in cells if c.text]
        if filled and _ROMAN.match(filled[0].text) and len(filled) <= 2:
            group = (filled[0].text.rstrip("."), filled[1].text if len(filled) > 1 else "")
            continue
        mapped = {k: Cell(c.text, c.start, c.end) for k, c in zip(kinds, cells, strict=False) if c.text}
        if "task" in mapped:
            rows.append(
                Row(
                    mapped,
                    group[1] if group else None,
                    group[0] if group else None,
                    lines[j - 1].start,
                    lines[j - 1].end,
                )
            )
    table = Table(
        _title_before(lines, i),
        tuple(h.text for h in header),
        tuple(kinds),
        tuple(rows),
        lines[i].start,
        lines[j - 1].end,
    )
    return j, table
