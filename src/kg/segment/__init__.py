"""Stage 2: ``Text`` → ``Outline`` (header, type word, title, preamble, section tree, organisation sections,
tables, signer, province).

Works on lines of the normalized text. The document is read top-down: header block up to the upper-case type
word ("KẾ HOẠCH", "QUYẾT ĐỊNH"); title lines; "Căn cứ"/"Xét" preamble; then the body, whose labelled lines
(I., 1., a), -, +, Điều N) form a tree. Recipients and signature blocks are set aside; an attached document
("KẾ HOẠCH" after the signature of a Quyết định) and appendix tables continue the body.

How the modules fit (``segment`` runs them in this order):
- ``labels``: lines with offsets and outline labels; ``columns``: header columns PDF put on one line, split;
- ``front``: the front matter, from ``header`` (type/subject line, issuer, number, date), ``title`` and
  ``preamble`` (authority line, "Căn cứ"/"Xét", and the opening paragraph), over shared ``patterns``;
- kg.segment.tables finds the task tables; ``tree`` builds the outline of the rest, setting recipients and the
  signature block aside; ``org`` picks the organisation sections;
- ``signer`` and ``province`` read the signature block and the issuer's place.
Line recognisers driven by vocabulary (type words, section headings) live in kg.lexicon.lines.
"""

from __future__ import annotations

from dataclasses import replace

from kg.normalize import Text
from kg.segment.columns import split_columns
from kg.segment.front import Front, read_front
from kg.segment.header import find_type_line, split_type_word
from kg.segment.labels import lines_of, parse_label
from kg.segment.org import org_sections
from kg.segment.outline import Header, Line, Node, Outline, PreambleItem, Table
from kg.segment.preamble import can_cu_block, read_opening
from kg.segment.province import proper_name, province_of
from kg.segment.signer import signer_of
from kg.segment.tables import find_tables
from kg.segment.tree import Tree
from kg.text.strings import collapse

__all__ = ["lines_of", "parse_label", "proper_name", "segment", "split_columns", "tables_of"]


def segment(text: Text) -> Outline:
    """Find the parts of a document in its normalized text."""
    lines = lines_of(text.text)
    head_end = find_type_line(lines)  # before the split: where the header ends
    lines = split_columns(lines, head_end if head_end is not None else 25)
    lines = split_type_word(lines, head_end if head_end is not None else 25)
    front = read_front(lines, text.text)
    table_spans = find_tables(lines)
    tree = Tree(lines, {i for a, b, _ in table_spans for i in range(a, b)})
    root = tree.build(front.body_start)
    letter = front.subject_idx is not None
    opening = read_opening(lines, front.body_start, front.subject_idx if letter else front.type_idx, letter)
    header = replace(
        front.header,
        title_lines=front.title_lines,
        authority_line=front.authority,
        by_line=front.by_line,
        recipients=tuple(tree.recipients),
        signature=tuple(tree.signature),
    )
    tables = tuple(t for _, _, t in table_spans)
    preamble = (*front.preamble, *opening)
    if not any(p.kind == "can_cu" for p in preamble):  # the front matter was not read: find the Căn cứ list
        preamble = (*can_cu_block(lines), *preamble)
    return _outline(lines, front, header, root, preamble, tables, signer_of(lines, front.body_start))


def _outline(
    lines: list[Line],
    front: Front,
    header: Header,
    root: Node,
    preamble: tuple[PreambleItem, ...],
    tables: tuple[Table, ...],
    signer: Line | None,
) -> Outline:
    """The ``Outline`` of the parts found (the title joined into one string, the province read)."""
    province, unit = province_of(header, lines)
    title_lines = front.title_lines
    title = collapse(" ".join(ln.text for ln in title_lines)) if title_lines else None
    return Outline(
        header=header,
        doc_type_word=lines[front.type_idx].text if front.type_idx is not None else None,
        title=title,
        title_start=title_lines[0].start if title_lines else None,
        title_end=title_lines[-1].end if title_lines else None,
        preamble=preamble,
        root=root,
        org_sections=tuple(org_sections(root)),
        tables=tables,
        province=province,
        province_unit=unit,
        signer=signer.text if signer else None,
        signer_start=signer.start if signer else None,
        signer_end=signer.end if signer else None,
        is_news=front.type_idx is None and front.subject_idx is None and header.number_line is None,
    )


def tables_of(outline: Outline) -> tuple[Table, ...]:
    """The outline's tables (convenience for callers that only need tables)."""
    return outline.tables
