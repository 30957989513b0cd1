"""What stands before the body, read top-down: header block, type line (or a letter's subject line),
title, "CỦA <BODY>" line, authority line and "Căn cứ"/"Xét" preamble."""

from __future__ import annotations

from dataclasses import dataclass

from kg.segment.header import after_header, find_subject_line, find_type_line, read_header
from kg.segment.outline import Header, Line, PreambleItem
from kg.segment.preamble import read_preamble
from kg.segment.title import by_line_of, read_title


@dataclass(frozen=True)
class Front:
    """The front matter of a document; ``body_start`` is the index of the first body line."""

    header: Header
    type_idx: int | None
    subject_idx: int | None  # a letter's "V/v" line, looked for only when there is no type line
    title_lines: tuple[Line, ...]
    by_line: Line | None
    authority: Line | None
    preamble: tuple[PreambleItem, ...]
    body_start: int


def read_front(lines: list[Line], text: str = "") -> Front:
    """The front matter of ``lines`` (header columns already split; ``text`` the normalized text)."""
    type_idx = find_type_line(lines)
    subject_idx = find_subject_line(lines) if type_idx is None else None
    header = read_header(lines, type_idx, text)
    title_lines, after_title = read_title(lines, type_idx if subject_idx is None else subject_idx - 1)
    by_line = by_line_of(lines, type_idx, title_lines)
    if subject_idx is not None:
        after_title = max(after_title, after_header(lines, after_title))
    authority, preamble, body_start = read_preamble(lines, after_title)
    return Front(
        header, type_idx, subject_idx, tuple(title_lines), by_line, authority, tuple(preamble), body_start
    )
