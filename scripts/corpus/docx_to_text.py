#!/usr/bin/env python3
"""docx_to_text.py -- convert a .docx file to plain UTF-8 text for the real corpus.

Usage:
    python3 scripts/corpus/docx_to_text.py INPUT.docx > OUTPUT.txt
    python3 scripts/corpus/docx_to_text.py INPUT.docx -o OUTPUT.txt

Standard library only (zipfile + xml.etree.ElementTree); deterministic: the same
input bytes always give the same output bytes.

What it does
------------
* Reads word/document.xml only (headers, footers, footnotes, comments and text
  boxes outside the body flow are not read).
* Walks the children of <w:body> in document order:
  - a paragraph <w:p> becomes one output line: the concatenation of its text
    runs (<w:t>), with <w:tab/> -> one TAB character and <w:br/> / <w:cr/> ->
    one space (a manual line break inside a paragraph does not split it);
    <w:noBreakHyphen/> -> "-", <w:softHyphen/> -> nothing;
    deleted text (<w:del>, <w:delText>) is skipped; inserted text (<w:ins>) is kept;
    text inside <w:txbxContent> (text boxes) is skipped; field instruction text
    (<w:instrText>) is skipped, field results are kept.
  - a table <w:tbl> becomes one output line per row <w:tr>: the text of each cell
    <w:tc> (its paragraphs joined with one space, nested tables flattened the same
    way), cells joined with " | ". A cell merged vertically into the one above
    (<w:vMerge/> without w:val="restart") is output as an empty cell; a cell
    spanning several grid columns (<w:gridSpan>) is output once.
  - <w:sdt> content controls are entered transparently.
* Automatic list numbering (<w:numPr>) is NOT rendered: numbers that Word
  generates are not part of the stored text; only numbers typed in the text are.
* Empty paragraphs give empty lines (kept, so line ranges are stable).
* Within a line, characters are kept exactly as stored (no whitespace collapsing,
  no Unicode normalisation); trailing whitespace of each line is stripped.
  Output ends with a single newline.
"""

import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_text(el, out):
    """Append the text of element `el` (a paragraph or part of it) to list `out`."""
    tag = el.tag
    if tag in (W + "del", W + "delText", W + "instrText", W + "txbxContent"):
        return
    if tag == W + "t":
        out.append(el.text or "")
        return
    if tag == W + "tab":
        out.append("\t")
        return
    if tag in (W + "br", W + "cr"):
        out.append(" ")
        return
    if tag == W + "noBreakHyphen":
        out.append("-")
        return
    if tag == W + "softHyphen":
        return
    if tag == W + "pPr" or tag == W + "rPr":
        return
    for child in el:
        _run_text(child, out)


def paragraph_text(p):
    out = []
    for child in p:
        _run_text(child, out)
    return "".join(out)


def cell_text(tc):
    parts = []
    for child in tc:
        if child.tag == W + "p":
            parts.append(paragraph_text(child))
        elif child.tag == W + "tbl":
            for row_line in table_lines(child):
                parts.append(row_line)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                parts.append(cell_text(content))
    return " ".join(x.strip() for x in parts if x.strip())


def _is_vmerge_continue(tc):
    tcpr = tc.find(W + "tcPr")
    if tcpr is None:
        return False
    vm = tcpr.find(W + "vMerge")
    if vm is None:
        return False
    return vm.get(W + "val") != "restart"


def _row_cells(tr):
    cells = []
    for child in tr:
        if child.tag == W + "tc":
            cells.append(child)
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                cells.extend(c for c in content if c.tag == W + "tc")
    return cells


def table_lines(tbl):
    lines = []
    for tr in tbl:
        if tr.tag != W + "tr":
            continue
        texts = []
        for tc in _row_cells(tr):
            texts.append("" if _is_vmerge_continue(tc) else cell_text(tc))
        lines.append(" | ".join(texts))
    return lines


def block_lines(container):
    lines = []
    for child in container:
        if child.tag == W + "p":
            lines.append(paragraph_text(child))
        elif child.tag == W + "tbl":
            lines.extend(table_lines(child))
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                lines.extend(block_lines(content))
    return lines


def convert(path):
    with zipfile.ZipFile(path) as z:
        data = z.read("word/document.xml")
    root = ET.fromstring(data)
    body = root.find(W + "body")
    lines = block_lines(body) if body is not None else []
    return "\n".join(line.rstrip() for line in lines) + "\n"


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "-o"):
        sys.stderr.write("usage: docx_to_text.py INPUT.docx [-o OUTPUT.txt]\n")
        return 2
    text = convert(argv[1])
    if len(argv) == 4:
        with open(argv[3], "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
