"""Hard line breaks: which breaks of a text fall inside a sentence, whatever layout the text came in.

A text reaches the extractor as typed, hard-wrapped at some column (PDF copies: anything from about 50 to
120 characters), double-spaced (PDF and Word exports that put a blank line after every line), or both. This
module reads the layout off the whole text (``layout``) and then decides each break (``joins``): a wrapped
sentence is joined, a header line, an outline label, a table row or a new paragraph never is.

Line lengths are measured two ways, in the text's own characters and in composed (NFC) letters, because a
wrapping tool counts whichever it was given: a decomposed (NFD) text wrapped by code points has lines that
look ragged once composed. The layout keeps whichever measure shows the sharper margin.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.lexicon.gazetteer import find_agency_at, is_listed
from kg.lexicon.lines import classify, type_word_of
from kg.lexicon.phrases import head_at

__all__ = ["Break", "Layout", "cut_in_bold", "header_line", "joins", "layout", "wrap_width"]

# A line that starts a new unit: outline labels, bullets, "Điều N", a table row's or cell's number ("1 | ...",
# "1"; a wrapped "5 ý tưởng" is no label). Never joined upward.
_LABEL_START = re.compile(
    r"^(?:[IVXLC]{1,6}[.)]\s|\d{1,2}(?:\.\d{1,2})*(?:[.)/]?$|[.)/]\s|\s+\|)|[a-zđ][)\]]\s|[a-zđ]\.\s|[-+•*–—○▪·]\s?"
    r"|Điều\s+\d+|Chương\s+[IVXLC\d]+|Mục\s+\d+|Phần\s+[IVXLC\d]+)"
)
# Label-like starts that a wrap also produces: a dash before a lower-case word or a number ("- xã hội",
# "- 2030"), "Điều N" with no full stop (a reference: "Điều 1 Nghị quyết này").
_WEAK_LABEL = re.compile(r"^(?:[-–—]\s?[a-zđà-ỹ\d]|Điều\s+\d+\s+[^\W\d])")
_TERMINAL = ".:;!?…"
# A line opening with a number that goes on in words ("100% việc cập nhật", "30 tháng 6"), not a label.
_NUMBER_WORD = re.compile(r"\d[\d.,]*(?:%|\s+[a-zà-ỹđ])")
# Lines of a header block: number ("Số: 12/KH-UBND", "Số 57-NQ/TW"), place and date, national or party
# motto, a rule under a column. Each is a line of its own however long the line before it is.
_HEADER_LINE = re.compile(
    r"^(?:Số\s*:|Số\s+\d+\s*[/-]|[^\W\d][^,\d]{1,40},\s*ngày\s*(?:\d|[.…_]|tháng)"
    r"|CỘNG H(?:ÒA|OÀ) XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|[-_=*.·•\s]+$)"
)
_RULE = re.compile(r"^[-_=*.·•\s]+$")
# A table row joined with " | " (three cells or more); a news dateline "Thứ tư, 01/05/2024 | 23:47" has two.
_PIPE_ROW = re.compile(r"^[^|]*\|[^|]*\|")
_DASH_END = re.compile(r"\w\s[-–—]$")
# A document symbol broken at its hyphen ("số 47/CTr-" / "TU ngày ..."): Vietnamese never hyphenates words.
_HYPHEN_END = re.compile(r"[\w/][-–]$")

_MIN_WIDTH, _MAX_WIDTH = 40, 160  # plausible wrap columns; a longer "margin" is just the longest paragraph
_MIN_FIRST = 20  # the shortest plausible column of an indented first line
# first lines forced at that column before a text counts as indented: a few agency headings followed by
# their task on the next line ("2. Sở Tài chính" / "Chủ trì ...") may look forced by chance
_MIN_FIRST_FORCED = 8
_MIN_FORCED = 3  # breaks that must show the margin before a text counts as wrapped


@dataclass(frozen=True)
class Break:
    """One line break between two non-blank lines.

    Attributes:
        prev: the line before the break (trimmed).
        nxt: the line after it (trimmed).
        blanks: blank lines between them, already corrected for double spacing.
        widths: length of ``prev`` in each measure (own characters, composed letters).
        words: length of ``nxt``'s first word in the same measures.
        head: the first line of the unit ``prev`` belongs to (``prev`` itself unless lines were joined).
    """

    prev: str
    nxt: str
    blanks: int
    widths: tuple[int, int]
    words: tuple[int, int]
    head: str = ""
    opens: bool = False  # ``prev`` opens a paragraph: a blank line (or nothing) stands before it


@dataclass(frozen=True)
class Layout:
    """How a text was laid out: the wrap column (None: not hard-wrapped), in which measure, double spacing."""

    wrap: int | None
    measure: int = 0
    double: bool = False
    first: int | None = None  # the shorter column of a paragraph's first line (an indent), if any

    def forced(self, br: Break) -> bool:
        """Whether the wrap forced this break: the next line's first word would not have fitted."""
        if self.wrap is None:
            return False
        return br.widths[self.measure] + 1 + br.words[self.measure] > self.wrap

    def at_margin(self, br: Break) -> bool:
        """Whether ``br.prev`` reaches the wrap margin (within the longest word a wrap leaves behind)."""
        if self.wrap is None:
            return False
        return br.widths[self.measure] >= self.wrap - max(12, self.wrap // 6)


def double_spaced(gaps: Sequence[int]) -> bool:
    """Whether most lines are followed by exactly one blank line (a double-spaced export).

    ``gaps`` holds the number of blank lines between each two consecutive non-blank lines.

    >>> double_spaced([1, 1, 1, 3, 1, 1, 1, 1])
    True
    >>> double_spaced([1, 3, 1, 1, 3, 1, 3, 1])
    True
    >>> double_spaced([0, 0, 1, 0, 0, 1, 0, 0])
    False
    """
    if len(gaps) < 6:
        return False
    # Paragraph breaks become two or three blank lines, so ones need only be the most common gap; lines
    # that follow each other directly must be rare.
    ones, zeros = sum(1 for g in gaps if g == 1), sum(1 for g in gaps if g == 0)
    return ones >= 0.5 * len(gaps) and zeros <= 0.1 * len(gaps)


def paragraph_blanks(blanks: int, double: bool) -> int:
    """Blank lines that separate paragraphs: in a double-spaced text the one after every line does not.

    >>> paragraph_blanks(1, True), paragraph_blanks(3, True), paragraph_blanks(1, False)
    (0, 1, 1)
    """
    if not double:
        return blanks
    return 1 if blanks > 1 else 0


def wrap_width(breaks: Sequence[Break], measure: int) -> tuple[int, int] | None:
    """(column, forced breaks) of a hard-wrapped text in ``measure``, or None if it does not look wrapped.

    The column is a high percentile of the line lengths (a few lines may overrun: a table row, a line the PDF
    did not wrap). The text counts as wrapped when the lines that reach that margin were broken because the
    next word would not have fitted, as a wrapping tool breaks them; in a text typed line by line they mostly
    end short of it for no such reason.
    """
    widths = sorted((b.widths[measure] for b in breaks), reverse=True)
    if not widths:
        return None
    for width in dict.fromkeys(widths[: max(1, len(widths) // 33) + 1]):
        if not _MIN_WIDTH <= width <= _MAX_WIDTH:
            continue
        trial = Layout(width, measure)
        margin = [b for b in breaks if not b.blanks and not _starts_unit(b.nxt) and trial.at_margin(b)]
        forced = sum(1 for b in margin if trial.forced(b))
        if forced >= _MIN_FORCED and forced >= 0.6 * len(margin):
            return width, forced
    return None


def layout(breaks: Sequence[Break], gaps: Sequence[int]) -> Layout:
    """The layout of a text from its breaks (blank lines not yet corrected) and its blank-line gaps."""
    double = double_spaced(gaps)
    if double:
        breaks = [_replace_blanks(b, paragraph_blanks(b.blanks, True)) for b in breaks]
    found = [(w, m) for m in (0, 1) if (w := wrap_width(breaks, m)) is not None]
    if not found:
        return Layout(None, 0, double)
    (width, _), measure = max(found, key=lambda f: (f[0][1], -f[1]))
    return Layout(width, measure, double, None if double else first_line_wrap(breaks, measure))


def first_line_wrap(breaks: Sequence[Break], measure: int) -> int | None:
    """The column at which the first line of a paragraph was wrapped, when it is shorter than the others.

    A page copied as wrapped text with paragraphs set apart by blank lines often wraps each paragraph's
    first line short (it was indented): "a) Ủy ban nhân dân các tỉnh," / "thành phố tiếp tục ...". Those
    breaks are forced at their own, shorter column, as the wrap forces the others at the long one; a text
    whose short first lines end where their sentence ends ("2. Sở Tài chính" / "Chủ trì ...") has none.
    """
    openers = [
        b
        for i, b in enumerate(breaks)
        if (i == 0 or breaks[i - 1].blanks) and not b.blanks and not _starts_unit(b.nxt)
    ]
    widths = sorted((w for b in openers if _MIN_FIRST <= (w := b.widths[measure]) < _MIN_WIDTH), reverse=True)
    for width in dict.fromkeys(widths[: max(1, len(widths) // 10) + 1]):
        trial = Layout(width, measure)
        margin = [b for b in openers if trial.at_margin(b)]
        forced = sum(1 for b in margin if trial.forced(b))
        if forced >= _MIN_FIRST_FORCED and forced >= 0.6 * len(margin) and len(margin) >= 0.5 * len(openers):
            return width
    return None


def _replace_blanks(br: Break, blanks: int) -> Break:
    return Break(br.prev, br.nxt, blanks, br.widths, br.words, br.head)


def _starts_unit(line: str) -> bool:
    """Whether ``line`` opens a unit of its own: an outline label, a header line, a preamble item ("Căn cứ",
    "Xét đề nghị"), a closing block ("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN").

    A table row starts with its number cell (a label); a row's wrapped rest may hold " | " anywhere.
    """
    return bool(
        _LABEL_START.match(line)
        or _HEADER_LINE.match(line)
        or classify(line, "preamble")
        or classify(line, "closing")
    )


def header_line(line: str) -> bool:
    """Whether ``line`` is a header-block line (number, place and date, motto, rule) that stands alone.

    >>> header_line("Số: 12/KH-UBND"), header_line("Hà Nội, ngày 05 tháng 3 năm 2025"), header_line("Số liệu")
    (True, True, False)
    """
    return bool(_HEADER_LINE.match(line))


def joins(br: Break, lay: Layout) -> bool:
    """Whether the break ``br`` falls inside a sentence (a hard line break to be joined with a space)."""
    prev, nxt = br.prev, br.nxt
    if not prev or not nxt or _RULE.match(prev):
        return False
    if _starts_unit(nxt):
        # "chính trị" / "- xã hội", "tại" / "Điều 1 Nghị quyết này": the wrap put a dash or an article
        # reference first on a line; only a forced break after unfinished text makes them no label.
        weak = bool(_WEAK_LABEL.match(nxt)) and prev[-1] not in _TERMINAL
        return weak and not br.blanks and lay.at_margin(br) and lay.forced(br)
    if _upper(nxt) and " " in nxt and not _upper(prev):
        return False  # running text never goes on in a whole upper-case line: that is a heading
    if lay.first and br.opens and not br.blanks and _paragraph_line(prev, nxt):
        return True  # paragraphs' first lines wrap at their own, shorter column (an indent): this one too
    if _PIPE_ROW.match(nxt) and "|" not in br.head + prev:
        return False  # a table's first row after its caption (a wrapped row's rest follows a partial row)
    if _PIPE_ROW.match(prev):
        # A table row goes on only where the wrap cut one of its cells ("| Sở Nông" / "nghiệp và ...").
        return not br.blanks and lay.at_margin(br) and (lay.forced(br) or nxt[0].islower())
    if _upper(prev):
        # An upper-case heading ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "ỦY BAN NHÂN DÂN") is a line of its own, unless
        # the wrap cut it: then it goes on in upper case ("... CHỦ NGHĨA VIỆT" / "NAM").
        return not br.blanks and _upper(nxt) and lay.at_margin(br) and lay.forced(br)
    if nxt[0].islower() and prev[-1] not in ".!?":
        return True  # a sentence continues in lower case (also across a PDF page break)
    if br.blanks:
        return False
    if classify(prev, "unfinished"):
        return True  # "... của" / "Chính phủ sửa đổi ...": no unit ends in a connective, whatever the margin
    if _DASH_END.search(prev) or (_HYPHEN_END.search(prev) and nxt[0].isalnum()):
        return True  # "Vụ Kế hoạch -" / "Tài chính": a spaced dash joins two words, never ends a line's unit
    if _name_cut(prev, nxt) or (
        prev[-1] == "," and nxt[0].isupper() and lay.wrap and len(prev) >= _MIN_WIDTH
    ):
        # "Hiệp hội" / "Nước mắm Phan Thiết", "4.6. Văn phòng" / "Trung ương Đảng"; a wrapped list of bodies
        # ("..., Phát triển nông thôn," / "Thông tin và Truyền thông, ..."): a long line's comma never ends
        # its unit, even short of the margin (a PDF copy's lines end where the page did).
        return True
    if _NUMBER_WORD.match(nxt) and prev[-1] not in _TERMINAL and len(prev) >= _MIN_WIDTH:
        return True  # "... và hoàn thành" / "100% việc cập nhật ...": a wrapped sentence goes on at a number
    # Only a break the wrap forced (the next word would not have fitted on the line) goes on: a sentence
    # or a list item ("Công Thương;" / "Y tế; ...") may end there without ending its paragraph, but a line
    # that stops short of the margin ends its unit.
    if prev[-1] == ";" and classify(br.head or prev, "preamble"):
        return False  # a "Căn cứ ...;" item ends here; a list in running text ("A; B;" / "C; D") goes on
    return lay.at_margin(br) and lay.forced(br)


def cut_in_bold(prev: str, nxt: str) -> bool:
    """Whether a break inside one bold run of Markdown cut a heading's word off ("**TH****Ủ" / "TƯỚNG CHÍNH
    PHỦ điện:**"): one upper-case word, not a type word, before a line that goes on in upper case.

    >>> cut_in_bold("THỦ", "TƯỚNG CHÍNH PHỦ điện:"), cut_in_bold("LUẬT", "BẢO VỆ")
    (True, False)
    >>> cut_in_bold("STT", "Nội dung"), cut_in_bold("I.", "NÂNG CAO NHẬN THỨC"), cut_in_bold("II", "MỤC TIÊU")
    (False, False, False)
    """
    first = nxt.split(" ", 1)[0]
    return (
        prev.isalpha()  # a word, not a label ("I.", "1") or a table cell's number
        and not re.fullmatch(r"[IVXLC]+", prev)
        and _upper(prev)
        and _upper(first)
        and len(first) > 1
        and type_word_of(prev) is None
    )


def _paragraph_line(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` goes on with the first line ``prev`` of a body paragraph: ``prev`` opens with an
    outline label ("II. CÁC NHIỆM" / "VỤ, GIẢI PHÁP") or is running text in mixed case; header lines,
    upper-case blocks (issuer, signature) and table cells are lines of their own."""
    if "|" in prev or "|" in nxt or _HEADER_LINE.match(prev):
        return False
    return bool(_LABEL_START.match(prev)) or not _upper(prev)


def broken_symbol(prev: str) -> bool:
    """Whether ``prev`` ends inside a document symbol broken at its hyphen (joined without a space).

    >>> broken_symbol("Chương trình số 47/CTr-"), broken_symbol("Vụ Kế hoạch -")
    (True, False)
    """
    return bool(_HYPHEN_END.search(prev))


def _name_cut(prev: str, nxt: str) -> bool:
    """Whether the break cut an agency name after its bare head word ("Hiệp hội" / "Nước mắm Phan Thiết",
    "4.6. Văn phòng" / "Trung ương Đảng"). A short line (a heading) joins only when the joined name is one the
    gazetteer lists, as does a one-word head ("trực thuộc Bộ" / "Cục Quản lý ..." are two table cells); a line
    ending in a complete name ("2. Sở Tài chính" / "Chủ trì ...") never joins.
    """
    if prev[-1] in _TERMINAL + "," or not nxt[0].isupper():
        return False
    joined = f"{prev} {nxt}"
    for m in re.finditer(r"(?:^|(?<=\s))[^\W\d_]", prev):
        tail = prev[m.start() :].split()
        if not m.group().isupper() or len(tail) > 3 or any(not w.islower() for w in tail[1:]):
            continue
        if is_listed(" ".join(tail)):
            return False
        found = find_agency_at(joined, m.start())
        if found is None and _listed_across(tail, nxt):
            return True  # "... cho Chủ tịch" / "UBND tỉnh trong tháng 12": an office and its body, listed
        if found is None or found.end <= len(prev) + 1:
            continue
        # a one-word head alone ("trực thuộc Bộ", a table cell) is a reference to a body named before
        return (len(prev) >= _MIN_WIDTH and len(tail) > 1) or is_listed(joined[m.start() : found.end])
    return False


def _listed_across(tail: list[str], nxt: str) -> bool:
    """Whether the words ``tail`` ending a line and the first words of ``nxt`` make a name the gazetteer
    lists (up to four words of ``nxt``): an office-holder's title and its body ("Chủ tịch" / "UBND tỉnh")."""
    words = nxt.split()[:4]
    if not words or not (words[0].isupper() or head_at(nxt, 0)):
        return False  # the next line opens with no body's name ("UBND", "Ủy ban ...")
    return any(is_listed(" ".join([*tail, *words[:k]])) for k in range(len(words), 0, -1))


def _upper(line: str) -> bool:
    return line == line.upper() and any(c.isalpha() for c in line)
