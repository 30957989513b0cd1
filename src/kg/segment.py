"""Stage 2: ``Text`` → ``Outline`` (header, type word, title, preamble, section tree, organisation sections,
tables, signer, province).

Works on lines of the normalized text. The document is read top-down: header block up to the upper-case type
word ("KẾ HOẠCH", "QUYẾT ĐỊNH"); title lines; "Căn cứ"/"Xét" preamble; then the body, whose labelled lines
(I., 1., a), -, +, Điều N) form a tree. Recipients and signature blocks are set aside; an attached document
("KẾ HOẠCH" after the signature of a Quyết định) and appendix tables continue the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from kg.linebreaks import header_line
from kg.normalize import Text
from kg.outline import Header, Line, Node, Outline, PreambleItem, Table
from kg.sections import classify, doc_type_words, type_word_line
from kg.tables import find_tables
from kg.textutil import collapse, fold

_NUMBER_LINE = re.compile(r"^Số\b\s*:?\s*(.*)$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?:^|,\s*)ngày\s*(?:[\d\s.]*\s*tháng\s*[\d\s.]*\s*năm\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})",
    re.IGNORECASE,
)
# A motto printed in the right-hand header column; PDF extraction often puts it on the left column's line.
_MOTTO_IN_LINE = re.compile(
    r"(CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc"
    r"|ĐẢNG CỘNG SẢN VIỆT NAM)",
    re.IGNORECASE,
)
# "Số: 123/KH-UBND Hà Giang, ngày ..." (number and place/date columns on one line); the number may be blank.
_NUMBER_AND_DATE = re.compile(
    r"^(?P<num>(?:Số\b\s*:?\s*)?\S*[/-]\S*)\s+(?P<date>[^\s\d,][^,]{0,40},\s*ngày\b.*)$"
)
# A document number in running text (kg.extract.symbols has the full grammar; this only spots one)
_NEWS_SYMBOL = re.compile(
    r"\b\d{1,5}(?:/\d{4})?\s?[/-]\s?[A-ZĐ][A-Za-zĐđ]{0,7}(?:[/-][A-ZĐ][A-Za-zĐđ]{0,7})+"
)
# "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the issuing body named under the type word (party documents)
_BY_LINE = re.compile(r"^CỦA\s+\S.{2,80}$")
_SUBJECT = re.compile(r"^V/v\b\s*:?\s*", re.IGNORECASE)
_MOTTO = re.compile(
    r"^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam)$"
)
_RULE = re.compile(r"^[-_=*.·•\s]+$")
_ENACT = re.compile(r"^(QUYẾT ĐỊNH|NGHỊ QUYẾT|QUYẾT NGHỊ|BAN HÀNH|CHỈ THỊ)\s*:\s*$")
_POSITION = re.compile(
    r"^(?:(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỨ TRƯỞNG|"
    r"TỔNG BÍ THƯ|THƯỜNG TRỰC|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG)|\(?Đã ký.*\)?|"
    r"\(Ký.*\))",
    re.IGNORECASE,
)
_PROVINCE = re.compile(r"\b(TỈNH|THÀNH PHỐ|tỉnh|thành phố)\s+(\S.*)$")

# Outline labels, tried in order. Roman numerals need a dot or parenthesis: a lone "I" is a table cell.
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article", re.compile(r"^(Điều\s+\d+)\s*[.:]?\s*(.*)$")),
    ("roman", re.compile(r"^([IVXLC]{1,6})\s*[.)]\s*(.*)$")),
    ("upper", re.compile(r"^([A-H])\.\s+(.*)$")),
    ("number", re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(.*)$")),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*(.*)$")),
    ("dash", re.compile(r"^([-–—•·▪○])\s*(.*)$")),
    ("plus", re.compile(r"^(\+)\s*(.*)$")),
)


def lines_of(text: str) -> list[Line]:
    """Non-empty lines of ``text`` with their offsets.

    >>> [ln.text for ln in lines_of("a\\n\\nb c")]
    ['a', 'b c']
    """
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(raw.strip(), pos + lead, pos + lead + len(raw.strip())))
        pos += len(raw) + 1
    return out


def parse_label(text: str) -> tuple[str, str, str] | None:
    """(kind, label, rest) when ``text`` starts with an outline label.

    >>> parse_label("V. TỔ CHỨC THỰC HIỆN")
    ('roman', 'V', 'TỔ CHỨC THỰC HIỆN')
    >>> parse_label("2.1. Nhiệm vụ")
    ('number2', '2.1', 'Nhiệm vụ')
    >>> parse_label("Điều 2. Giao Sở Tài chính")
    ('article', 'Điều 2', 'Giao Sở Tài chính')
    """
    for kind, pattern in _LABELS:
        m = pattern.match(text)
        if not m:
            continue
        label, rest = m.group(1), m.group(2)
        if kind == "number":
            if re.match(r"\d{1,2}/\d", text):  # a date "10/6" or a symbol "19/TTr", not a label
                return None
            kind = f"number{label.count('.') + 1}"
        if kind in ("roman", "upper", "letter", "number1") and not rest:
            return None
        return kind, label, rest
    return None


def segment(text: Text) -> Outline:
    """Find the parts of a document in its normalized text."""
    lines = lines_of(text.text)
    head_end = _find_type_line(lines)
    lines = split_columns(lines, head_end if head_end is not None else 25)
    type_idx = _find_type_line(lines)
    subject_idx = _find_subject_line(lines) if type_idx is None else None
    header = _header(lines, type_idx)
    title_lines, after_title = _title(lines, type_idx if subject_idx is None else subject_idx - 1)
    by_line = _by_line(lines, type_idx, title_lines)
    if by_line is not None and title_lines and title_lines[0] is by_line:
        title_lines = title_lines[1:]
    if subject_idx is not None:
        after_title = max(after_title, _after_header(lines, after_title))
    authority, preamble, body_start = _preamble(lines, after_title)
    table_spans = find_tables(lines)
    skip = {i for a, b, _ in table_spans for i in range(a, b)}
    tree = _Tree(lines, skip)
    root = tree.build(body_start)
    opening = _opening(
        lines, body_start, type_idx if subject_idx is None else subject_idx, letter=subject_idx is not None
    )
    signer = _signer(tree.signature)
    header = replace(
        header,
        title_lines=tuple(title_lines),
        authority_line=authority,
        by_line=by_line,
        recipients=tuple(tree.recipients),
        signature=tuple(tree.signature),
    )
    province, unit = _province(header, lines)
    title = collapse(" ".join(ln.text for ln in title_lines)) if title_lines else None
    return Outline(
        header=header,
        doc_type_word=lines[type_idx].text if type_idx is not None else None,
        title=title,
        title_start=title_lines[0].start if title_lines else None,
        title_end=title_lines[-1].end if title_lines else None,
        preamble=tuple(preamble + opening),
        root=root,
        org_sections=tuple(_org_sections(root)),
        tables=tuple(t for _, _, t in table_spans),
        province=province,
        province_unit=unit,
        signer=signer.text if signer else None,
        signer_start=signer.start if signer else None,
        signer_end=signer.end if signer else None,
        is_news=type_idx is None and subject_idx is None and header.number_line is None,
    )


# --- header, title, preamble ------------------------------------------------------------------------------


def split_columns(lines: list[Line], end: int) -> list[Line]:
    """Header lines whose two columns PDF extraction put on one line, split into one line per column.

    >>> head = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    >>> [ln.text for ln in split_columns([Line(head, 0, len(head))], 1)]
    ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']
    >>> [ln.text for ln in split_columns([Line("Số: 5/KH-UBND Hà Giang, ngày 5 tháng 3 năm 2025", 0, 47)], 1)]
    ['Số: 5/KH-UBND', 'Hà Giang, ngày 5 tháng 3 năm 2025']
    """
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if i >= end:
            out.extend(lines[i:])
            break
        out.extend(_split_line(ln, numbered=bool(out and _NUMBER_LINE.match(out[-1].text))))
    return out


def _split_line(ln: Line, numbered: bool) -> list[Line]:
    """One header line cut where its right-hand column (motto, place/date) begins."""
    m = _MOTTO_IN_LINE.search(ln.text)
    cut = m.start() if m and m.start() > 0 else None
    if cut is None and (numbered or _NUMBER_LINE.match(ln.text)):
        nd = _NUMBER_AND_DATE.match(ln.text)
        cut = nd.start("date") if nd else None
    if cut is None and _SUBJECT.match(ln.text):
        cut = _place_date_cut(ln.text)
    if m and m.start() == 0 and m.end() < len(ln.text) and ln.text[m.end() :].strip():
        cut = m.end()  # motto first, then the left column's text
    if not cut:
        return [ln]
    left, right = ln.text[:cut], ln.text[cut:]
    lstrip = len(right) - len(right.lstrip())
    first = Line(left.rstrip(), ln.start, ln.start + len(left.rstrip()))
    second = Line(right.strip(), ln.start + cut + lstrip, ln.end)
    return [first, *_split_line(second, numbered=False)] if first.text else [second]


def _place_date_cut(text: str) -> int | None:
    """Where a place and date ("Hà Nội, ngày 5/5/2025") begins after other text on a header line (a
    subject line with the right-hand column beside it), or None.

    >>> t = "V/v triển khai Nghị quyết số 71/NQ-CP Hà Nội, ngày 5/5/2025"
    >>> t[_place_date_cut(t) :]
    'Hà Nội, ngày 5/5/2025'
    """
    m = re.search(r",\s*ngày\s*(?:\d|[.…_]|tháng)", text)
    if not m:
        return None
    words = text[: m.start()].split(" ")
    place = 0
    while place < min(len(words) - 1, 4) and words[-1 - place][:1].isupper() and words[-1 - place].isalpha():
        place += 1
    if not place:
        return None
    return len(" ".join(words[: len(words) - place])) + 1


def _find_type_line(lines: list[Line]) -> int | None:
    """Index of the first upper-case type line near the top (before any outline label), else a "V/v" line."""
    for i, ln in enumerate(lines[:80]):
        if type_word_line(ln):
            return i
        kind = parse_label(ln.text)
        if kind and kind[0] in ("roman", "article"):
            break
    return None


def _find_subject_line(lines: list[Line]) -> int | None:
    """Index of the "V/v ..." subject line of an official letter (công văn), which has no type line."""
    for i, ln in enumerate(lines[:40]):
        if _SUBJECT.match(ln.text):
            return i
    return None


def _header(lines: list[Line], type_idx: int | None) -> Header:
    """Issuer, number and date lines of the header block (before the type line, or the first 25 lines)."""
    end = type_idx if type_idx is not None else min(len(lines), 25)
    issuer: list[Line] = []
    number = date = None
    for i, ln in enumerate(lines[:end]):
        found = _NUMBER_LINE.match(ln.text)
        if number is None and found and len(ln.text) < 60:
            number = ln
            nxt = _at(lines, i + 1)
            if not found.group(1).strip() and nxt and re.match(r"^\S*\d\S*[/-]\S+$", nxt.text):
                number = nxt  # "Số:" with the number on the next line
        elif number is not None and ln is number:
            continue
        elif date is None and _DATE_LINE.search(ln.text) and len(ln.text) < 80:
            date = ln
        elif _is_issuer_line(ln) and number is None:
            issuer.append(ln)
    return Header(
        issuer_lines=tuple(issuer), number_line=number, date_line=date, type_line=_at(lines, type_idx)
    )


def _at(lines: list[Line], i: int | None) -> Line | None:
    return lines[i] if i is not None and 0 <= i < len(lines) else None


def _is_issuer_line(ln: Line) -> bool:
    t = ln.text
    return bool(t == t.upper() and any(c.isalpha() for c in t) and not _MOTTO.match(fold(t)) and len(t) < 90)


def _title(lines: list[Line], type_idx: int | None) -> tuple[list[Line], int]:
    """Title lines after the type line; returns them and the index of the first line after."""
    if type_idx is None:
        return [], 0
    out: list[Line] = []
    j = type_idx + 1
    while j < len(lines):
        ln = lines[j]
        if _ends_title(ln, out):
            break
        out.append(ln)
        j += 1
    return out, j


def _by_line(lines: list[Line], type_idx: int | None, title: list[Line]) -> Line | None:
    """The "CỦA <BODY>" naming the issuer, on the type line ("NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ") or just below."""
    if type_idx is None:
        return None
    t = lines[type_idx]
    m = re.search(r"\sCỦA\s", t.text)
    if m:
        return Line(t.text[m.start() + 1 :], t.start + m.start() + 1, t.end)
    if len(title) > 1 and _BY_LINE.match(title[0].text) and title[0].text == title[0].text.upper():
        return title[0]
    return None


def _after_header(lines: list[Line], j: int) -> int:
    """Skip the rest of a letter's header block (motto, rules, place/date line) after its subject line."""
    while j < len(lines) and (
        _MOTTO.match(fold(lines[j].text)) or _RULE.match(lines[j].text) or _DATE_LINE.search(lines[j].text)
    ):
        j += 1
    return j


def _ends_title(ln: Line, so_far: list[Line]) -> bool:
    t = ln.text
    if (
        t.startswith("(")
        or _RULE.match(t)
        or header_line(t)
        or _ENACT.match(t)
        or classify(t, "preamble")
        or classify(t, "authority")
    ):
        return True
    if classify(t, "closing") or (parse_label(t) and parse_label(t)[0] in ("roman", "article", "number1")):  # type: ignore[index]
        return True
    if not so_far:
        return False
    prev = so_far[-1]
    if prev.text.endswith(":") or t.endswith(":"):
        return True  # "... ban hành Kế hoạch thực hiện như sau:" leads into the body; no title does
    same_paragraph = ln.start - prev.end == 1
    all_upper = all(x.text == x.text.upper() for x in so_far) and t == t.upper()
    return not (same_paragraph or all_upper)


def _preamble(lines: list[Line], j: int) -> tuple[Line | None, list[PreambleItem], int]:
    """Authority line, "Căn cứ"/"Xét" items, and the index where the body starts."""
    authority = None
    items: list[PreambleItem] = []
    while j < len(lines):
        ln = lines[j]
        hit = classify(ln.text, "preamble")
        if hit:
            items.append(PreambleItem(hit["preamble"], ln.text, ln.start, ln.end))  # type: ignore[arg-type]
        elif authority is None and not items and classify(ln.text, "authority"):
            authority = ln
        elif _ENACT.match(ln.text) or _RULE.match(ln.text):
            pass
        else:
            break
        j += 1
    return authority, items, j


def _opening(lines: list[Line], body_start: int, type_idx: int | None, letter: bool) -> list[PreambleItem]:
    """The opening: the first body paragraph before any outline label ("Thực hiện ... ban hành"); in a
    letter, the first paragraph after its "Kính gửi:" list ("Thực hiện X, Bộ ... đề nghị ...")."""
    if letter:
        body_start = _after_recipients(lines, body_start)
        type_idx = body_start
    if type_idx is None:
        return _news_opening(lines, body_start)
    for ln in lines[body_start : body_start + 2]:
        if parse_label(ln.text) or classify(ln.text, "closing"):
            return []
        return [PreambleItem("opening", ln.text, ln.start, ln.end)]
    return []


def _news_opening(lines: list[Line], start: int) -> list[PreambleItem]:
    """A news report's opening: the first paragraph reporting an issuing ("ban hành") with a document number,
    else the first with "ban hành" (a headline "X ban hành kế hoạch ..." has no number)."""
    window = [ln for ln in lines[start : start + 15] if not classify(ln.text, "closing")]
    issued = [ln for ln in window if re.search(r"\bban hành\b", ln.text) and not parse_label(ln.text)]
    numbered = [ln for ln in issued if _NEWS_SYMBOL.search(ln.text)]
    best = numbered[:1] or [ln for ln in issued[:1] if ln in window[:8]]
    if not best:
        return []
    at = lines.index(best[0])
    # "Kế hoạch nhằm triển khai thực hiện X": the report goes on about the reported document's purpose
    purpose = [ln for ln in lines[at + 1 : at + 4] if _purpose().match(ln.text)][:1]
    return [PreambleItem("opening", ln.text, ln.start, ln.end) for ln in best + purpose]


@cache
def _purpose() -> re.Pattern[str]:
    """A report's sentence on the reported document's purpose ("Kế hoạch (này) nhằm / được ban hành để")."""
    words = "|".join(re.escape(w) for w, _c, _codes in doc_type_words())
    return re.compile(
        rf"^(?:Bản\s+)?(?:{words})(?:\s+này)?\s+(?:được ban hành\s+)?(?:nhằm|để|là để|với mục đích)\b",
        re.IGNORECASE,
    )


def _after_recipients(lines: list[Line], j: int) -> int:
    """Index of the first line after a letter's "Kính gửi:" block (its "- ..." items included)."""
    if j < len(lines) and fold(lines[j].text).startswith("kinh gui"):
        j += 1
        while j < len(lines) and lines[j].text[:1] in "-–•+":
            j += 1
    return j


def _signer(signature: list[Line]) -> Line | None:
    """The signer: the last signature line that is neither a "TM./KT." line nor a position."""
    for ln in reversed(signature):
        t = ln.text
        words = t.split()
        if classify(t, "closing") or _POSITION.match(t) or not 2 <= len(words) <= 6:
            continue
        if all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in t) and ":" not in t:
            return ln
    return None


def _province(header: Header, lines: list[Line]) -> tuple[str | None, str | None]:
    """Province named in the header issuer lines, authority line, or the place of the date line."""
    candidates = [*header.issuer_lines]
    if header.authority_line:
        candidates.append(header.authority_line)
    for ln in candidates:
        m = _PROVINCE.search(ln.text)
        if m and proper_name(m.group(2)):
            return _title_case(proper_name(m.group(2))), m.group(1).lower()
    for ln in lines[:12]:
        m = re.search(r"(?:UBND|Ủy ban nhân dân|Tỉnh ủy)\s+(tỉnh|thành phố)\s+(\S.*)$", ln.text)
        if m and proper_name(m.group(2)):
            return proper_name(m.group(2)), m.group(1)
    if header.date_line:
        m = re.match(r"^([^,]{2,30}),\s*ngày", header.date_line.text)
        if m:
            return m.group(1).strip(), None
    return None, None


def proper_name(s: str) -> str:
    """The leading run of capitalised words of ``s`` (a place name), joined hyphens kept.

    >>> proper_name("Kon Tum đã ban hành")
    'Kon Tum'
    >>> proper_name("Bà Rịa - Vũng Tàu ban hành")
    'Bà Rịa - Vũng Tàu'
    """
    words: list[str] = []
    for w in s.split():
        w = w.strip(".,;:()")
        if w == "-" or (w[:1].isupper() and w[:1].isalpha()):
            words.append(w)
        else:
            break
    while words and words[-1] == "-":
        words.pop()
    return " ".join(words)


def _title_case(name: str) -> str:
    """ "LÂM ĐỒNG" → "Lâm Đồng"; hyphenated names keep their hyphen."""
    return " ".join(w[:1].upper() + w[1:].lower() if w != "-" else w for w in collapse(name).split())


# --- the tree ---------------------------------------------------------------------------------------------


@dataclass
class _Draft:
    label: str
    kind: str
    heading: Line
    body: list[Line] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)


class _Tree:
    """Builds the outline tree over body lines, setting recipients and signature blocks aside."""

    def __init__(self, lines: list[Line], skip: set[int]) -> None:
        self.lines = lines
        self.skip = skip
        self.recipients: list[Line] = []
        self.signature: list[Line] = []
        self._last: Line | None = None

    def build(self, start: int) -> Node:
        root = _Draft("", "root", Line("", 0, 0))
        stack: list[_Draft] = [root]
        closing = False
        for i in range(start, len(self.lines)):
            if i in self.skip:
                continue
            ln = self.lines[i]
            closing = self._closing_state(ln, closing)
            if closing:
                continue
            self._place(ln, stack, root)
        return _freeze(root, ())

    def _closing_state(self, ln: Line, closing: bool) -> bool:
        """Whether ``ln`` belongs to a recipients/signature block (recorded), updating the state."""
        t = ln.text
        if classify(t, "closing"):
            (self.recipients if fold(t).startswith(("noi nhan", "kinh gui")) else self.signature).append(ln)
            self._last = ln
            return True
        if not closing:
            return False
        if type_word_line(ln) or classify(t, "appendix"):
            return False
        if (
            self.recipients
            and self.recipients[-1] is self._last
            and not self.signature
            and t[:1] not in "-–•+"
            and fold(self.recipients[0].text).startswith("kinh gui")
        ):
            return False  # the "Kính gửi:" list of a letter ends; its body follows
        if t[:1] in "-–•+" or t.startswith("Lưu"):
            self.recipients.append(ln)
            self._last = ln
        else:
            self.signature.append(ln)
        return True

    def _place(self, ln: Line, stack: list[_Draft], root: _Draft) -> None:
        if type_word_line(ln) or classify(ln.text, "appendix"):
            del stack[1:]
            part = _Draft("", "part", ln)
            root.children.append(part)
            stack.append(part)
            return
        parsed = parse_label(ln.text)
        if parsed is None:
            while stack[-1].kind in ("dash", "plus") and len(stack) > 1:
                stack.pop()  # a paragraph after a bullet belongs to the bullet's parent
            stack[-1].body.append(ln)
            return
        kind, label, _rest = parsed
        node = _Draft(label, kind, ln)
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].kind == kind:
                del stack[depth:]
                break
        stack[-1].children.append(node)
        stack.append(node)


def _freeze(d: _Draft, parent_path: tuple[str, ...]) -> Node:
    path = (*parent_path, d.label) if d.kind != "root" else ()
    children = tuple(_freeze(c, path) for c in d.children)
    body = "\n".join(ln.text for ln in d.body)
    body_start = d.body[0].start if d.body else d.heading.end
    body_end = d.body[-1].end if d.body else d.heading.end
    end = max([body_end, d.heading.end, *(c.end for c in children)])
    heading_text = d.heading.text
    parsed = parse_label(heading_text)
    h_start = d.heading.start
    if parsed and d.kind not in ("article", "part"):
        rest = parsed[2]
        h_start = d.heading.end - len(rest)
        heading_text = rest
    return Node(
        label=d.label,
        kind=d.kind,
        heading=heading_text,
        body=body,
        start=d.heading.start,
        end=end,
        heading_start=h_start,
        heading_end=d.heading.end,
        body_start=body_start,
        body_end=body_end,
        path=path,
        children=children,
    )


def _org_sections(root: Node) -> list[Node]:
    """Organisation sections: headings like TỔ CHỨC THỰC HIỆN, and articles other than Điều 1 that assign."""
    out: list[Node] = []
    for node in root.walk():
        if node.kind == "root":
            continue
        if node.kind == "article":
            # "Điều 2. Tổ chức thực hiện" whose numbered clauses assign: the heading or a clause says so
            if node.label.split()[-1] != "1" and (
                any(re.search(r"\b(giao|chủ trì|trách nhiệm)\b", n.text, re.I) for n in node.walk())
                or classify(node.heading.removeprefix(node.label).lstrip(" .:"), "org")
            ):
                out.append(node)
        elif (
            node.kind not in ("dash", "plus")
            and classify(node.heading, "org")
            and not any(node.start >= o.start and node.end <= o.end for o in out)
        ):
            out.append(node)
    return out


def tables_of(outline: Outline) -> tuple[Table, ...]:
    """The outline's tables (convenience for callers that only need tables)."""
    return outline.tables
