"""Agency-like noun phrases the gazetteer does not list, read by head word (data/vocab/agency_heads.yaml).

A text names bodies no list can hold in full: a ministry's own units ("Vụ Kế hoạch - Tài chính", "Cục
Chuyển đổi số"), party bodies ("Ban cán sự đảng Ủy ban nhân dân tỉnh"), district offices ("Phòng Kinh tế").
Vietnamese capitalises only the first word of a name's proper part ("Cục Chuyển đổi số"), so case
alone cannot say where a name ends; it ends at the first word that starts the predicate ("chủ trì",
"theo dõi") or a function word, both printed in lower case, or at punctuation. Words and heads are data;
this module is the reading rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from kg.lexicon import vocab
from kg.text.aligned import modern_tones

MAX_WORDS = 15
_ROMAN = re.compile(r"[IVXL]+")
# A word of a name (or "-", ","), after spaces or one line break (a layout wraps a long name), or right
# after a spaced dash typed against the next word ("Sở Lao động -Thương binh và Xã hội").
_TOKEN = re.compile(r"(?:[ \t]*(?=,)|[ \t]+|[ \t]*\n[ \t]*|(?<=\s[-–]))([-–,]|[^\W_][\w&'’]*(?:[-/][\w&]+)*)")


@dataclass(frozen=True)
class Head:
    """A head word of agency names and what a body so named usually is."""

    form: str
    level: str
    branch: str
    open: bool = False  # a whole noun ("Ban Chỉ đạo", "Tổ công tác"): lower-case words may follow it

    @property
    def multiword(self) -> bool:
        return " " in self.form


@lru_cache(maxsize=64)
def _lower(text: str) -> str:
    """Lower case with old-style tones ("uỷ") in the modern form, same length as ``text`` (cached: callers
    pass the whole text at every position they examine)."""
    return modern_tones(text).lower()


def _alternation(forms: list[str]) -> re.Pattern[str]:
    parts = sorted({f.lower() for f in forms}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + r")(?![\w])")


@cache
def _heads() -> tuple[dict[str, Head], re.Pattern[str]]:
    table: dict[str, Head] = {}
    for e in vocab.load("agency_heads"):
        if e["kind"] == "head":
            for form in e["forms"]:
                table.setdefault(
                    form.lower(), Head(form.lower(), e["level"], e["branch"], bool(e.get("open")))
                )
    return table, _alternation(list(table))


@cache
def _words(*kinds: str) -> re.Pattern[str]:
    return _alternation([f for e in vocab.load("agency_heads") if e["kind"] in kinds for f in e["forms"]])


def _stops() -> re.Pattern[str]:
    return _words("verb", "stop")


def starts_predicate(text: str, pos: int) -> bool:
    """Whether a task verb printed in lower case ("chủ trì", "theo dõi", "lãnh đạo") starts at ``pos``.

    >>> starts_predicate("Văn phòng Tỉnh ủy theo dõi, đôn đốc", 18)
    True
    """
    return text[pos : pos + 1].islower() and bool(_words("verb").match(_lower(text), pos))


def is_task_verb(text: str, pos: int) -> bool:
    """Whether a task verb starts at ``pos``, in any case ("Chỉ đạo" opening a line after a heading).

    >>> is_task_verb("Công an tỉnh. Chỉ đạo các đơn vị", 14)
    True
    """
    return bool(_words("verb").match(_lower(text), pos))


_SHARED_OPEN = re.compile(r"[Cc]ác\s+")
_COLON = re.compile(r"\s*:\s*(?=[^\W\d_])")


def shared_head_at(text: str, pos: int) -> tuple[str, int] | None:
    """A head printed once for the names after its colon ("các Bộ: Tài chính, Xây dựng", "các Tập đoàn:
    Bưu chính Viễn thông Việt Nam, ..."): the head as printed, and where the first name starts.

    >>> shared_head_at("các Tập đoàn: Bưu chính Viễn thông Việt Nam", 0)
    ('Tập đoàn', 14)
    >>> shared_head_at("các đơn vị: A", 0), shared_head_at("các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá", 0)
    (None, None)
    """
    opening = _SHARED_OPEN.match(text, pos)  # before lower-casing the text: most positions open no list
    if not opening:
        return None
    at = opening.end()
    window = text[at : at + 40]  # a head is a few words: lower-case only them, not the whole text
    head = _heads()[1].match(_lower(window))
    colon = _COLON.match(text, at + head.end()) if head else None
    if not head or not colon:
        return None
    own = head_at(text, colon.end())
    if own and own[0].form.endswith(head.group(0)):
        return None  # "các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá": each name carries its own head
    return window[: head.end()], colon.end()


def head_at(text: str, pos: int) -> tuple[Head, int] | None:
    """The head word printed with a capital at ``pos`` of ``text``, and where it ends.

    >>> head_at("Cục Chuyển đổi số chủ trì", 0)[1]
    3
    """
    if not text[pos : pos + 1].isupper():
        return None
    table, pattern = _heads()
    m = pattern.match(_lower(text), pos)
    if not m:
        return None
    return table[re.sub(r"\s+", " ", m.group(0))], m.end()


def head_starts(text: str) -> list[int]:
    """Every word start of ``text`` where ``head_at`` finds a head word, by one scan of the text.

    >>> text = "Giao Cục Chuyển đổi số và Sở Y tế"
    >>> [text[p : p + 3] for p in head_starts(text)]
    ['Cục', 'Sở ']
    """
    return [m.start() for m in _head_starts().finditer(_lower(text)) if text[m.start()].isupper()]


@cache
def _head_starts() -> re.Pattern[str]:
    """Matches (empty) where a head word starts; a head's first word is checked first (in C, fast), the
    whole alternation of heads only where one stands."""
    table, pattern = _heads()
    firsts = {m.group(0) for form in table if (m := re.match(r"\w+", form))}
    first = "|".join(sorted(firsts, key=lambda w: (-len(w), w)))
    return re.compile(f"(?<!\\w)(?=(?:{first})(?!\\w))(?={pattern.pattern})")


def _tokens(text: str, end: int) -> list[tuple[int, int, str]]:
    """Words from ``end`` up to the first punctuation or line break (at most MAX_WORDS)."""
    out: list[tuple[int, int, str]] = []
    while len(out) < MAX_WORDS:
        m = _TOKEN.match(text, end)
        if not m or ("\n" in m.group(0) and not _wrapped_on(text, m.start(1))):
            break
        out.append((m.start(1), m.end(1), m.group(1)))
        end = m.end()
    return out


def _wrapped_on(text: str, pos: int) -> bool:
    """Whether a word on the next line goes on with a name: not a task verb, not a new name's head."""
    return text[pos] not in ",-–" and not is_task_verb(text, pos) and not head_at(text, pos)


def _is_proper(word: str) -> bool:
    return word[:1].isupper()


def _is_abbreviation(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def read_phrase(text: str, pos: int, listed: Callable[[str], bool] | None = None) -> tuple[int, Head] | None:
    """End of an agency-like name printed at ``pos`` (head + name words up to a stop), and its head.

    ``listed`` tells a name the gazetteer lists (such a name ends at its comma); the gazetteer passes it, so
    this module does not import the gazetteer that imports it.

    >>> text = "Ban cán sự đảng Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh"
    >>> end, head = read_phrase(text, 0)
    >>> text[:end], head.branch
    ('Ban cán sự đảng Ủy ban nhân dân tỉnh', 'party')
    >>> read_phrase("Hội nghị Trung ương", 0) is None
    True
    """
    found = head_at(text, pos)
    if not found:
        return None
    head, end = found
    low = _lower(text)
    tokens = _tokens(text, end)
    first = tokens[0] if tokens else None
    opens = head.open and first is not None and first[2][:1].isalpha() and not _stops().match(low, first[0])
    if first is None or not (_is_proper(first[2]) or _words("scope").match(low, first[0]) or opens):
        alone = head.multiword and (first is None or _stops().match(low, first[0]))
        return (end, head) if alone else None
    return _name_end(text, low, tokens, listed), head


def _name_end(
    text: str, low: str, tokens: list[tuple[int, int, str]], listed: Callable[[str], bool] | None = None
) -> int:
    """End of the name whose words after the head are ``tokens`` (the first is taken)."""
    end = tokens[0][1]
    i = 1
    while i < len(tokens):
        start, stop, word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in "-–," or word.lower() == "và":
            if not nxt or not _continues(text, nxt, after_and=word not in ","):
                break
            if word == "," and listed is not None and listed(text[tokens[0][0] : end]):
                break  # "Đảng ủy Bộ Y tế, Giáo dục ...": a listed name ends at its comma
            end, i = nxt[1], i + 2
            continue
        if word[:1].isdigit() or _ROMAN.fullmatch(word):
            if not _numbered(low, tokens, i):
                break
            end, i = stop, i + 1  # "Ngân hàng Nhà nước chi nhánh khu vực 14", "Kho bạc Nhà nước khu vực XV"
            continue
        if not _is_proper(word) and _stops().match(low, start):
            through = _compound_end(low, tokens, i)
            if through is None:
                break
            end = through  # "Đào tạo", "Công nghệ thông tin": a compound, not a verb after the name
            while i < len(tokens) and tokens[i][0] < through:
                i += 1
            continue
        end, i = stop, i + 1
    return end


def _numbered(low: str, tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether word ``i`` numbers a region ("khu vực 14"): a number right after "khu vực"."""
    return i >= 2 and low[tokens[i - 2][0] : tokens[i - 1][1]] == "khu vực"


def _compound_end(low: str, tokens: list[tuple[int, int, str]], i: int) -> int | None:
    """End of a compound (agency_heads.yaml ``compound``) that begins at word ``i`` or one of the two words
    before it and runs through it, or None."""
    for j in (i - 2, i - 1, i):
        if j < 0:
            continue
        m = _words("compound").match(low, tokens[j][0])
        if m and m.end() >= tokens[i][1]:
            return m.end()
    return None


def _continues(text: str, token: tuple[int, int, str], after_and: bool) -> bool:
    """After "-" or "và": a capitalised word goes on with the name; a new head or "UBND" starts a new item."""
    start, _end, word = token
    if word in "-–,":
        return False
    if _words("stop").match(_lower(text), start):
        return False  # "... Khoáng sản - Các đơn vị khác": a new item
    if not _is_proper(word):
        # "Vụ Pháp luật hình sự - hành chính", "Vụ Phổ biến, giáo dục pháp luật": a name's words go on
        low = _lower(text)
        return not _stops().match(low, start) and not _words("scope").match(low, start)
    return not (_is_abbreviation(word) or head_at(text, start))
