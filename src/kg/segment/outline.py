"""The shape of a document as ``kg.segment`` finds it: header, title, preamble, section tree, tables.

All offsets are into the NORMALIZED text (``kg.normalize.Text.text``); ``Text.span(start, end)`` turns them
into
spans of the original. Types are frozen: segment builds them once, later stages only read them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

ColumnKind = Literal["no", "task", "lead", "coordinate", "deadline", "output", "note"]
PreambleKind = Literal["can_cu", "xet", "opening"]


@dataclass(frozen=True)
class Line:
    """One line of the normalized text with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Node:
    """One unit of the outline: a labelled item with its heading, own body and children.

    ``label`` is "V", "2", "b", "-", "+", "Điều 2" (empty for the root and attached parts); ``heading`` is the
    text on the label's line (for "Điều 2. Giao ..." the whole sentence); ``body`` the following paragraphs
    that belong to this node and not to a child. ``path`` holds the labels from the top, e.g. ("V", "2", "b").
    """

    label: str
    kind: str  # "root", "part", "roman", "upper", "article", "number1", "number2", "letter", "dash", "plus"
    heading: str
    body: str
    start: int  # start of the label line
    end: int  # end of the last line of the node, children included
    heading_start: int
    heading_end: int
    body_start: int
    body_end: int
    path: tuple[str, ...] = ()
    children: tuple[Node, ...] = ()

    @property
    def section(self) -> str:
        """The outline path as one string, e.g. "V.2.b" (dash items numbered by position)."""
        return ".".join(p for p in self.path if p)

    @property
    def text(self) -> str:
        """Heading and body joined (children excluded)."""
        return (self.heading + "\n" + self.body).strip() if self.body else self.heading

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, in document order (a stack, not recursion: the depth is the
        text's)."""
        todo = [self]
        while todo:
            node = todo.pop()
            yield node
            todo.extend(reversed(node.children))


@dataclass(frozen=True)
class Cell:
    """One table cell: its text and offsets in the normalized text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """One table row; ``cells`` keyed by column kind; ``group`` is the heading row above it ("I", text)."""

    cells: dict[str, Cell]
    group: str | None = None
    group_label: str | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Table:
    """An appendix or inline task table rebuilt into rows, whatever its flattening."""

    title: str
    columns: tuple[str, ...]  # header names as printed
    kinds: tuple[str, ...]  # column kind of each header
    rows: tuple[Row, ...]
    start: int
    end: int


@dataclass(frozen=True)
class PreambleItem:
    """A "Căn cứ ..." / "Xét đề nghị ..." line, or the opening paragraph."""

    kind: PreambleKind
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Header:
    """The header block: issuer lines, "Số: ..." line and the place/date line (each may be missing)."""

    issuer_lines: tuple[Line, ...] = ()
    number_line: Line | None = None
    date_line: Line | None = None
    type_line: Line | None = None
    title_lines: tuple[Line, ...] = ()
    authority_line: Line | None = None  # "ỦY BAN NHÂN DÂN TỈNH X" before the preamble of a Quyết định
    by_line: Line | None = None  # "CỦA BỘ CHÍNH TRỊ" under (or after) the type word: the issuing body
    recipients: tuple[Line, ...] = ()  # "Kính gửi:" (công văn) and "Nơi nhận:" lines
    signature: tuple[Line, ...] = ()  # "TM. ...", "KT. CHỦ TỊCH", position and name lines


@dataclass(frozen=True)
class Outline:
    """Everything segment finds in a text."""

    header: Header = field(default_factory=Header)
    doc_type_word: str | None = None  # the type word as printed, e.g. "KẾ HOẠCH"
    title: str | None = None  # the subject line, on one line
    title_start: int | None = None
    title_end: int | None = None
    preamble: tuple[PreambleItem, ...] = ()
    root: Node | None = None
    org_sections: tuple[Node, ...] = ()
    tables: tuple[Table, ...] = ()
    province: str | None = None  # "Lâm Đồng" when the header names the province
    province_unit: str | None = None  # "tỉnh" or "thành phố"
    signer: str | None = None
    signer_start: int | None = None
    signer_end: int | None = None
    is_news: bool = False

    def nodes(self) -> Iterator[Node]:
        """Every node of the tree in document order (root excluded)."""
        if self.root is not None:
            for child in self.root.children:
                yield from child.walk()
