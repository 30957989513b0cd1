#!/usr/bin/env python3
"""html_to_text.py -- convert an HTML page (notably Word "save as web page" .htm) to plain UTF-8 text
for the real corpus.

Usage:
    python3 scripts/corpus/html_to_text.py INPUT.htm > OUTPUT.txt
    python3 scripts/corpus/html_to_text.py INPUT.htm -o OUTPUT.txt
    python3 scripts/corpus/html_to_text.py --encoding cp1252 INPUT.htm > OUTPUT.txt

Standard library only (html.parser); deterministic: the same input bytes always give the same output bytes.

Decoding
--------
* The byte encoding is taken from --encoding if given, else from the first
  <meta ... charset=XXX> in the first 4096 bytes, else UTF-8.
* "windows-1252"/"cp1252" is decoded as cp1252; the five bytes that cp1252 leaves
  undefined (0x81 0x8D 0x8F 0x90 0x9D) are mapped to the same code point (as latin-1).
* Character references (&#7871; &amp; &nbsp; ...) are then resolved exactly as
  html.unescape does (HTMLParser with convert_charrefs=True). Word stores most
  Vietnamese letters as numeric references, so this step restores them.

What it outputs
---------------
* Nothing inside <head>, <style>, <script>, <title>, <xml>, comments, or
  conditional-comment / marked-section declarations (<![if ...]>) is output;
  text between <![if !supportLists]> and <![endif]> IS output (Word writes typed-
  looking list bullets/numbers there and a browser shows them).
* Block elements (p, div, h1-h6, li, blockquote, pre, center, address, dt, dd,
  ul, ol, dl, table, body) and <br> end the current line.
* A table row <tr> becomes ONE line: the text of each cell <td>/<th> (its blocks
  joined with one space) with cells joined by " | ". Nested tables are flattened
  into the enclosing cell's text in the same way.
* Within a line, every run of whitespace (space, tab, CR, LF, and U+00A0 no-break
  space) becomes one space; lines are stripped; empty lines are dropped
  (a row whose cells are all empty is dropped too).
* No other change: no Unicode normalisation, no case change.
  Output ends with a single newline.
"""

import argparse
import re
import sys
from html.parser import HTMLParser

BLOCK = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "center",
    "address",
    "dt",
    "dd",
    "ul",
    "ol",
    "dl",
    "table",
    "body",
    "hr",
}
SKIP = {"head", "style", "script", "title", "xml"}
WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")


def decode(raw, encoding=None):
    if encoding is None:
        m = re.search(rb"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", raw[:4096])
        encoding = m.group(1).decode("ascii").lower() if m else "utf-8"
    enc = encoding.lower()
    if enc in ("windows-1252", "cp1252", "x-cp1252"):
        out = []
        for b in raw:
            if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
                out.append(chr(b))
            else:
                out.append(bytes([b]).decode("cp1252"))
        return "".join(out)
    return raw.decode(enc)


class Conv(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines = []
        self.cur = []  # text pieces of the current (non-table) line
        self.skip = 0
        self.tables = []  # stack of tables; each: {"row": [cells] or None}
        self.cell = None  # stack of cell buffers (list of line-lists) per table level

    # --- helpers
    def _flush_line(self):
        t = WS.sub(" ", "".join(self.cur)).strip()
        self.cur = []
        if not t:
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"].append(t)
        else:
            self.lines.append(t)

    def _emit(self, text):
        """text produced by a finished nested structure (a table row)"""
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"].append(text)
        else:
            self.lines.append(text)

    # --- parser callbacks
    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "br" or tag in BLOCK:
            self._flush_line()
        if tag == "table":
            self.tables.append({"row": None, "cell": None})
        elif tag == "tr" and self.tables:
            self._flush_line()
            self.tables[-1]["row"] = []
        elif tag in ("td", "th") and self.tables:
            self._flush_line()
            if self.tables[-1]["row"] is None:
                self.tables[-1]["row"] = []
            self.tables[-1]["cell"] = []

    def handle_startendtag(self, tag, attrs):
        tag = tag.lower()
        if self.skip:
            return
        if tag == "br" or tag == "hr":
            self._flush_line()

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in SKIP:
            if self.skip:
                self.skip -= 1
            return
        if self.skip:
            return
        if tag in ("td", "th") and self.tables:
            self._flush_line()
            t = self.tables[-1]
            if t["cell"] is not None:
                if t["row"] is None:
                    t["row"] = []
                t["row"].append(" ".join(t["cell"]))
                t["cell"] = None
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag == "table" and self.tables:
            self._flush_line()
            t = self.tables[-1]
            if t["cell"] is not None:
                if t["row"] is None:
                    t["row"] = []
                t["row"].append(" ".join(t["cell"]))
                t["cell"] = None
            self._end_row()
            self.tables.pop()
        elif tag in BLOCK:
            self._flush_line()

    def _end_row(self):
        self._flush_line()
        t = self.tables[-1]
        if t["cell"] is not None:
            if t["row"] is None:
                t["row"] = []
            t["row"].append(" ".join(t["cell"]))
            t["cell"] = None
        row = t["row"]
        t["row"] = None
        if row is None:
            return
        cells = [WS.sub(" ", c).strip() for c in row]
        if any(cells):
            self.tables.pop()
            self._emit(" | ".join(cells))
            self.tables.append(t)

    def handle_data(self, data):
        if self.skip:
            return
        self.cur.append(data)

    def handle_comment(self, data):
        pass

    def unknown_decl(self, data):
        pass

    def close(self):
        super().close()
        self._flush_line()
        while self.tables:
            self.handle_endtag("table")


def convert(raw, encoding=None):
    p = Conv()
    p.feed(decode(raw, encoding))
    p.close()
    return "\n".join(p.lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input")
    ap.add_argument("-o", "--output")
    ap.add_argument("--encoding")
    a = ap.parse_args()
    with open(a.input, "rb") as f:
        raw = f.read()
    text = convert(raw, a.encoding)
    if a.output:
        with open(a.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
