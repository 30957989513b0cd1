"""Stage 1: raw text → ``Text`` (NFC, clean spaces, joined hard line breaks, chrome set aside).

Every character of the normalized text remembers where it came from, so spans found later point into the
ORIGINAL text (the file as read) and quote it verbatim. Chrome (website menus, login prompts, DMCA lines,
news-site date stamps) is matched by the patterns of data/vocab/chrome.yaml: those lines are removed from the
normalized text and kept in ``Text.chrome`` so nothing is lost silently.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from kg.lexicon import vocab
from kg.models import Span
from kg.normalize import linebreaks
from kg.normalize.chars import BREAKS, CYRILLIC_LOOKALIKE, clean, map_char, tidy_lines
from kg.text.strings import fold


@dataclass(frozen=True)
class Text:
    """A normalized text with a map back to the original.

    Attributes:
        original: the text as read from the file.
        text: the normalized text every later stage works on.
        offsets: ``offsets[i]`` is the original offset of ``text[i]``; one extra entry maps ``len(text)``.
        chrome: website chrome removed from ``text``, as spans of the original.
        chrome_kinds: what each chrome span is: its data/vocab/chrome.yaml entry id ("dmca", "login", ...),
            or "byline" for a news report's closing credit line.
    """

    original: str
    text: str
    offsets: tuple[int, ...]
    chrome: tuple[Span, ...] = field(default=())
    chrome_kinds: tuple[str, ...] = field(default=())

    def to_original(self, i: int) -> int:
        """Original offset of normalized offset ``i`` (clamped to the text)."""
        i = max(0, min(i, len(self.text)))
        return self.offsets[i]

    def span(self, start: int, end: int) -> Span:
        """The span [start, end) of the normalized text as a Span of the ORIGINAL text (verbatim quote)."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            o = self.to_original(start)
            return Span(o, o, "")
        o_start = self.offsets[start]
        # The end is just after the last character: map the last character, then step over it in the original.
        o_end = self.offsets[end - 1] + 1
        while o_end < len(self.original) and unicodedata.combining(self.original[o_end]):
            o_end += 1
        return Span(o_start, o_end, self.original[o_start:o_end])


def normalize(raw: str) -> Text:
    """Normalize ``raw`` for extraction, keeping an offset map to it.

    Steps: NFC per cluster (so NFD input maps back), Ð→Đ, odd spaces → space, invisible characters dropped,
    CR/CRLF → LF, Markdown markup left by converters dropped (``_strip_markup``), chrome lines (and a news
    report's trailing byline) removed, hard line breaks inside sentences joined, space runs collapsed.

    >>> t = normalize("Số:\\u00a04655/KH-UBND\\nngày 10")
    >>> t.text  # the NBSP is a space; the line break inside the sentence is joined
    'Số: 4655/KH-UBND ngày 10'
    >>> t.span(4, 16).quote
    '4655/KH-UBND'
    """
    cleaned = clean(raw) or _clean_chars(raw)
    lines = [_strip_markup(part) for ln in tidy_lines(*cleaned) for part in _split_glued_blocks(ln)]
    lines, chrome = _drop_chrome(lines, raw)
    out_chars, out_offs = _join_lines(lines, raw, _bold_breaks(raw))
    return Text(
        original=raw,
        text="".join(out_chars),
        offsets=(*out_offs, len(raw)),
        chrome=tuple(span for span, _ in chrome),
        chrome_kinds=tuple(kind for _, kind in chrome),
    )


# --- character level -------------------------------------------------------------------------------------


def _clusters(raw: str) -> list[tuple[int, str]]:
    """Split into (start, base + combining marks) clusters so NFC can be applied with a known origin."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(raw):
        if out and unicodedata.combining(ch) and out[-1][1][-1:] != "\n":
            start, s = out[-1]
            out[-1] = (start, s + ch)
        else:
            out.append((i, ch))
    return out


def _clean_chars(raw: str) -> tuple[str, list[int]]:
    """NFC, look-alike letters, spaces and line ends, one output character at a time with its origin (the
    texts ``kg.normalize.chars.clean`` leaves: combining marks, zero-width breaks, Cyrillic look-alikes)."""
    chars: list[str] = []
    offs: list[int] = []
    prev_cr = False
    for start, cluster in _clusters(raw):
        if cluster == "\n" and prev_cr:
            prev_cr = False
            continue
        prev_cr = cluster == "\r"
        for ch in unicodedata.normalize("NFC", cluster):
            mapped = map_char(ch)
            if mapped:
                chars.append(mapped)
                offs.append(start)
    chars, offs = _zero_width_breaks(chars, offs)
    return "".join(_latin_lookalikes(chars)), offs


def _zero_width_breaks(chars: list[str], offs: list[int]) -> tuple[list[str], list[int]]:
    """Each zero-width space (or soft hyphen) as a space where it parts two syllables written together
    ("chủ\u200btrì" → "chủ trì"), else dropped ("ch\u200bủ", "chủ \u200btrì"). Texts copied from web pages
    carry them in place of spaces; a syllable ends where a second vowel group would begin.

    >>> "".join(_zero_width_breaks(list("chủ\u200btrì ch\u200bủ"), list(range(12)))[0])
    'chủ trì chủ'
    >>> "".join(_zero_width_breaks(list("chủ\u00adtrì ch\u00adủ"), list(range(12)))[0])
    'chủ trì chủ'
    """
    if not BREAKS.intersection(chars):
        return chars, offs
    out: list[str] = []
    out_o: list[int] = []
    for i, ch in enumerate(chars):
        if ch not in BREAKS:
            out.append(ch)
            out_o.append(offs[i])
        elif _parts_syllables(out, chars, i):
            out.append(" ")
            out_o.append(offs[i])
    return out, out_o


def _parts_syllables(before: list[str], chars: list[str], i: int) -> bool:
    """Whether the letters just before position ``i`` (as already written to ``before``) and just after it
    in ``chars`` make more than one syllable."""
    left = ""
    for ch in reversed(before[-8:]):  # a Vietnamese syllable has at most seven letters
        if not ch.isalpha():
            break
        left = ch + left
    right = ""
    for ch in chars[i + 1 : i + 9]:
        if not ch.isalpha():
            break
        right += ch
    return bool(left and right) and len(_VOWELS.findall(fold(left + right))) > 1


def _latin_lookalikes(chars: list[str]) -> list[str]:
    """Cyrillic look-alike letters next to a Latin letter, as the Latin letter (one for one)."""
    out = list(chars)
    for i, ch in enumerate(chars):
        if ch in CYRILLIC_LOOKALIKE:
            near = chars[i - 1 : i] + chars[i + 1 : i + 2]
            if any(unicodedata.name(c, "").startswith("LATIN") for c in near):
                out[i] = CYRILLIC_LOOKALIKE[ch]
    return out


# --- line level --------------------------------------------------------------------------------------------

_Line = tuple[str, list[int]]  # (text without the newline, origin of each character)


def _tidy(chars: list[str], offs: list[int]) -> _Line:
    out: list[str] = []
    out_o: list[int] = []
    for ch, o in zip(chars, offs, strict=True):
        if ch == " " and (not out or out[-1] == " "):
            continue
        out.append(ch)
        out_o.append(o)
    while out and out[-1] == " ":
        out.pop()
        out_o.pop()
    return "".join(out), out_o


# Markdown that web-page and docx converters leave around the words: emphasis runs ("**KẾ HOẠCH**",
# "*Hà Nội, ngày 5*"), heading marks ("# Điều 1"), table rules ("|:---:|") and the lone "|" lines that stand
# between the cells of a flattened header table. The party format's lone "*" under the issuer is kept.
_EMPHASIS = re.compile(r"\*\*+|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_HEADING_MARK = re.compile(r"^#{1,6} +")
_MARKUP_ONLY = re.compile(r"^(?:\|\s*)+$|^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*$")


def _strip_markup(line: _Line) -> _Line:
    """The line without Markdown markup, each kept character still mapped to its origin.

    >>> _strip_markup(("**KẾ HOẠCH**", list(range(12))))[0]
    'KẾ HOẠCH'
    >>> _strip_markup(("*Hà Nội, ngày 19", list(range(16))))[0], _strip_markup(("*", [0]))[0]
    ('Hà Nội, ngày 19', '*')
    >>> _strip_markup(("|", [0]))[0], _strip_markup(("|:---:|:---:|", list(range(13))))[0]
    ('', '')
    """
    s, o = line
    if not s or s == "*" or ("*" not in s and "|" not in s and s[0] != "#"):  # no markup (most lines)
        return line
    if _MARKUP_ONLY.match(s):
        return "", []
    drop: set[int] = set()
    heading = _HEADING_MARK.match(s)
    if heading:
        drop.update(range(heading.end()))
    for m in _EMPHASIS.finditer(s):
        drop.update(range(m.start(), m.end()))
    if not drop:
        return line
    kept = [k for k in range(len(s)) if k not in drop]
    return _tidy([s[k] for k in kept], [o[k] for k in kept])


_BOLD_JOIN = re.compile(r"(?<=\w)\*{2,}(?=\w)")
_VOWELS = re.compile(r"[aeiouy]+")


def _split_glued_blocks(line: _Line) -> list[_Line]:
    """A line where a converter glued two bold blocks ("**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ**", "**NGHỊ
    ĐỊNH**Quy định ...") cut into paragraphs (an empty line between), where the letters on either side of
    the markup cannot be one syllable; bold inside one word ("**Kính g****ửi**") is left whole.

    >>> [s for s, _ in _split_glued_blocks(("**KẾT LUẬN****CỦA BAN**", list(range(23))))]
    ['**KẾT LUẬN', '', '****CỦA BAN**']
    >>> [s for s, _ in _split_glued_blocks(("**Kính g****ửi**", list(range(16))))]
    ['**Kính g****ửi**']
    """
    s, o = line
    cuts = [m.start() for m in _BOLD_JOIN.finditer(s) if not _one_syllable(s, m.start(), m.end())]
    if not cuts:
        return [line]
    out: list[_Line] = []
    prev = 0
    for c in cuts:
        out.extend([(s[prev:c], o[prev:c]), ("", [])])
        prev = c
    out.append((s[prev:], o[prev:]))
    return out


def _one_syllable(s: str, a: int, b: int) -> bool:
    """Whether the letters that end before ``a`` and start at ``b`` spell one syllable (one vowel group)."""
    left = re.search(r"\w+$", s[:a])
    right = re.match(r"\w+", s[b:])
    word = (left.group() if left else "") + (right.group() if right else "")
    return len(_VOWELS.findall(fold(word))) <= 1


_CLOSING = re.compile(r"^(Nơi nhận|TM\.?\s|T/M\s|KT\.?\s|TL\.?\s|TUQ\.?\s)")
# A paragraph of running text that ends a sentence: at least six words, closed by a full stop or the like.
_SENTENCE_END = re.compile(r"(?:\S+\s+){5,}\S*[.…!?][\"”»)]?$")


@cache
def _chrome_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(regex, scope, id) triples from data/vocab/chrome.yaml; scope "line", "rest" (this line and all
    after), "tail" ("rest" after the document's closing block, else "line"), "head" ("line" in the page's top
    block) or "byline" ("line" when it is a news report's trailing credit line, else document text)."""
    return tuple(
        (re.compile(e["pattern"], re.IGNORECASE), e.get("scope", "line"), e["id"])
        for e in vocab.load("chrome")
    )


def chrome_match(line: str) -> tuple[str, str] | None:
    """(scope, entry id) of the first chrome.yaml entry matching ``line``, or None for document text.

    >>> chrome_match("DMCA.com Protection Status")
    ('line', 'dmca')
    """
    for pattern, scope, entry in _chrome_patterns():
        if pattern.search(line):
            return scope, entry
    return None


def chrome_scope(line: str) -> str | None:
    """The chrome scope a line matches ("line", "rest", "tail", "head", "byline"), or None for document text.

    >>> chrome_scope("DMCA.com Protection Status")
    'line'
    >>> chrome_scope("Sở Tài chính") is None
    True
    """
    found = chrome_match(line)
    return found[0] if found else None


_Chrome = list[tuple[Span, str]]  # chrome spans of the original with their kind (chrome.yaml id)


def _drop_chrome(lines: list[_Line], raw: str) -> tuple[list[_Line], _Chrome]:
    """Remove chrome lines; a "rest" match removes everything after it too (site footers); a news report's
    trailing byline is set aside last (``_drop_bylines``)."""
    kept: list[_Line] = []
    chrome: _Chrome = []
    closed = False  # the document's closing block (recipients, signature) has been read
    for n, (s, o) in enumerate(lines):
        found = chrome_match(s) if s else None
        scope: str | None = found[0] if found else None
        kind = found[1] if found else ""
        if scope == "tail":
            scope = "rest" if closed or _page_tail(kept, lines[n + 1 :]) else "line"
        elif scope == "head":
            scope = "line" if not any(k for k, _ in kept) else None
        closed = closed or bool(_CLOSING.match(s))
        if scope is None and _page_number(s, o, raw, lines, n + 1):
            # a PDF page's number between two lines of one sentence ("... trình độ" / "3" / "sơ cấp, ..."):
            # set aside with no paragraph break, so the sentence is read whole across the page
            chrome.append((Span(o[0], o[-1] + 1, raw[o[0] : o[-1] + 1]), "page-number"))
            continue
        if scope == "rest":
            tail = [ln for ln in lines[n:] if ln[1]]
            if tail:
                start, end = tail[0][1][0], tail[-1][1][-1] + 1
                chrome.append((Span(start, end, raw[start:end]), kind))
            break
        if scope == "line":
            chrome.append((Span(o[0], o[-1] + 1, raw[o[0] : o[-1] + 1]), kind))
            kept.append(("", []))  # a paragraph break: text on either side is not one wrapped sentence
            continue
        kept.append((s, o))
    if not closed:
        kept, chrome = _drop_bylines(kept, chrome, raw)
    return kept, chrome


_PAGE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_PAGE_INDENT = 20  # a page number stands centred (pdftotext -layout), far from any column of text


def _page_number(s: str, o: list[int], raw: str, lines: list[_Line], after: int) -> bool:
    """Whether line ``s`` is a page number printed between two lines of one sentence: a number alone, indented
    far (centred), and the next text line (from ``lines[after]``) goes on in lower case (a table's row
    numbers are not indented so; a number before a new item or heading is left alone)."""
    if not o or not _PAGE_NUMBER.fullmatch(s):
        return False
    line_start = raw.rfind("\n", 0, o[0]) + 1
    if o[0] - line_start < _PAGE_INDENT or raw[line_start : o[0]].strip():
        return False
    nxt = next((t for t, _ in itertools.islice(lines, after, None) if t.strip()), "")
    return nxt.lstrip()[:1].islower()


def _drop_bylines(kept: list[_Line], chrome: _Chrome, raw: str) -> tuple[list[_Line], _Chrome]:
    """Set aside the credit lines that close a news report ("Minh Châu", "PV", "Theo Báo X", a username):
    "byline" chrome.yaml lines that come last, after a finished sentence. Only for a text with no closing
    block: an official text ends with its signer's name, which is no byline."""
    last = [i for i, (s, _) in enumerate(kept) if s]
    found: list[int] = []
    while last and len(found) < 3 and chrome_scope(kept[last[-1]][0]) == "byline":
        found.append(last.pop())
    if not found or not last or not _SENTENCE_END.search(kept[last[-1]][0]):
        return kept, chrome
    kept = list(kept)
    extra: _Chrome = []
    for i in found:
        o = kept[i][1]
        extra.append((Span(o[0], o[-1] + 1, raw[o[0] : o[-1] + 1]), "byline"))
        kept[i] = ("", [])
    return kept, sorted([*chrome, *extra], key=lambda c: c[0].start)


def _page_tail(kept: list[_Line], after: list[_Line]) -> bool:
    """Whether a "tail" line closes a text that has no closing block (a news item): document text came
    before it, and only a short list follows (related titles), no paragraph and no signature block."""
    if not any(k for k, _ in kept):
        return False  # a tab of the page's top block, above the document
    rest = [s for s, _ in after if s]
    return len(rest) <= 40 and not any(len(s) > 250 or _CLOSING.match(s) for s in rest)


def _bold_breaks(raw: str) -> list[int]:
    """Offsets of the line breaks of ``raw`` that fall inside a Markdown bold run ("**TH****Ủ" / "TƯỚNG
    CHÍNH PHỦ điện:**"): one paragraph the converter wrapped. A blank line closes any run.

    >>> _bold_breaks("**THỦ\\nTƯỚNG**\\nx")
    [5]
    """
    out: list[int] = []
    inside = False
    pos = 0
    for line in raw.split("\n"):
        inside = bool(line.strip()) and inside ^ (len(re.findall(r"\*\*", line)) % 2 == 1)
        pos += len(line)
        if inside:
            out.append(pos)
        pos += 1
    return out


def _join_lines(lines: list[_Line], raw: str, bold: list[int]) -> tuple[list[str], list[int]]:
    """Rebuild the text: keep paragraph breaks, join hard-wrapped lines with one space
    (kg.normalize.linebreaks);
    ``bold`` holds the breaks inside a bold run (``_bold_breaks``)."""
    breaks, gaps = _breaks(lines, raw)
    lay = linebreaks.layout(breaks, gaps)
    out: list[str] = []
    out_o: list[int] = []
    kept = [ln for ln in lines if ln[0]]
    head = ""  # the first line of the unit being rebuilt
    for n, (s, o) in enumerate(kept):
        if not n:
            head = s
        else:
            br = breaks[n - 1]
            blanks = linebreaks.paragraph_blanks(br.blanks, lay.double)
            in_bold = not blanks and _between(bold, kept[n - 1][1][-1], o[0])
            opens = head == br.prev and (
                n < 2 or linebreaks.paragraph_blanks(breaks[n - 2].blanks, lay.double) > 0
            )
            if linebreaks.joins(replace(br, blanks=blanks, head=head, opens=opens), lay) or (
                in_bold and linebreaks.cut_in_bold(br.prev, s)
            ):
                if not linebreaks.broken_symbol(br.prev):  # a broken symbol is joined without a space
                    out.append(" ")
                    out_o.append(o[0] - 1 if o[0] > 0 else 0)
            else:
                head = s
                sep = "\n\n" if blanks else "\n"
                out.extend(sep)
                out_o.extend([o[0] - 1 if o[0] > 0 else 0] * len(sep))
        out.extend(s)
        out_o.extend(o)
    return out, out_o


def _between(points: list[int], a: int, b: int) -> bool:
    """Whether a sorted offset of ``points`` lies strictly between ``a`` and ``b``."""
    i = bisect.bisect_right(points, a)
    return i < len(points) and points[i] < b


def _breaks(lines: list[_Line], raw: str) -> tuple[list[linebreaks.Break], list[int]]:
    """Every break between two non-blank lines, and the blank-line gaps between them."""
    breaks: list[linebreaks.Break] = []
    gaps: list[int] = []
    prev: _Line | None = None
    blanks = 0
    for ln in lines:
        if not ln[0]:
            blanks += 1
            continue
        if prev is not None:
            word = _widths(_first_word(ln, raw), raw)
            breaks.append(linebreaks.Break(prev[0], ln[0], blanks, _widths(prev, raw), word))
            gaps.append(blanks)
        prev, blanks = ln, 0
    return breaks, gaps


def _first_word(line: _Line, raw: str) -> _Line:
    """The line's first word up to a breakable space (a wrap never breaks at a no-break space)."""
    s, o = line
    for k, ch in enumerate(s):
        if ch == " " and raw[o[k]] in " \t":
            return s[:k], o[:k]
    return s, o


def _widths(line: _Line, raw: str) -> tuple[int, int]:
    """Length of a line in the original's characters (decomposed letters count each mark) and composed."""
    s, o = line
    end = o[-1] + 1
    while end < len(raw) and unicodedata.combining(raw[end]):
        end += 1
    return end - o[0], len(s)
