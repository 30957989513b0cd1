"""English names of agencies, composed from their Vietnamese names with data/vocab/english.yaml.

The gazetteer (data/vocab/agencies.yaml) gives the English name of every body it lists; a name a text writes
otherwise ("Tỉnh ủy Lâm Đồng", "Các ngành, huyện/thành phố") gets one composed here, so the English views
never fall back to Vietnamese stripped of its accents. The data has three kinds of entry:

- ``name``: a whole name ("Bộ Chính trị" → "Politburo"), tried first;
- ``head``: a word that begins a name and frames the rest ("Sở" → "Department of {}");
- ``tail``: a word that ends a name and frames the rest ("tỉnh" → "Provincial {}");
- ``word``: a word or phrase translated where it stands ("Khoa học" → "Science", "và" → "and").

Deadlines as printed ("trước ngày 15/11", "Thường xuyên hàng năm") are read with the patterns of
data/vocab/deadlines.yaml (the extractor's) and written with the ``deadline`` entry of the same ``id``
("by {d} {month}{year}{every}"); ``period`` entries give recurrences and halves ("hàng năm" → "every year").

Vietnamese puts the head first and qualifiers last, so a name is read outside in: a whole name, else its last
tail, else its first head, else word by word (longest phrase first). Words are matched folded (no case, no
diacritics); punctuation is kept. A name with any word the data does not know gets no English name (None):
the views then show the Vietnamese, marked as such, rather than a half translation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.errors import VocabularyError
from kg.lexicon import vocab
from kg.text.strings import fold, nfc

KINDS = ("name", "head", "tail", "word", "period")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_READ_WHERE = ("anywhere", "start", "whole")  # deadlines.yaml entries that read a deadline (not lead-ins)
_TOKEN = re.compile(r"[^\W_]+|[,/\-–]")
# Punctuation kept between translated words, written as English writes it.
_GLUE = {",": ",", "/": "/", "-": " -", "–": " –"}


@dataclass(frozen=True)
class Table:
    """The entries of english.yaml by kind: folded Vietnamese words → English (with "{}" for heads/tails)."""

    name: dict[tuple[str, ...], str]
    head: dict[tuple[str, ...], str]
    tail: dict[tuple[str, ...], str]
    word: dict[tuple[str, ...], str]
    period: dict[tuple[str, ...], str]
    deadline: dict[str, str]  # deadlines.yaml id -> English template
    longest: int


def words(text: str) -> tuple[str, ...]:
    """Folded words and punctuation of ``text``.

    >>> words("Ủy ban nhân dân các huyện, thành phố")
    ('uy', 'ban', 'nhan', 'dan', 'cac', 'huyen', ',', 'thanh', 'pho')
    """
    return tuple(fold(t) for t in _TOKEN.findall(nfc(text)))


@cache
def table() -> Table:
    """english.yaml read into lookup tables (cached per process)."""
    kinds: dict[str, dict[tuple[str, ...], str]] = {k: {} for k in KINDS}
    deadline: dict[str, str] = {}
    for entry in vocab.load("english"):
        kind, vi, en = entry.get("kind"), entry.get("vi"), entry.get("en")
        if kind == "deadline" and isinstance(entry.get("id"), str) and isinstance(en, str):
            deadline[entry["id"]] = en
            continue
        if kind not in KINDS or not isinstance(vi, str) or not isinstance(en, str):
            raise VocabularyError(f"english: an entry needs kind ({', '.join(KINDS)}), vi and en: {entry!r}")
        if kind in ("head", "tail") and "{}" not in en:
            raise VocabularyError(f"english: the {kind} {vi!r} needs '{{}}' where the rest goes: {en!r}")
        kinds[kind][words(vi)] = en
    longest = max((len(k) for d in kinds.values() for k in d), default=1)
    return Table(**kinds, deadline=deadline, longest=longest)


def english_name(name_vi: str) -> str | None:
    """The English name composed for ``name_vi``; None when a word of it is not in the data.

    >>> english_name("Sở Khoa học và Công nghệ")
    'Department of Science and Technology'
    >>> english_name("Ban Thường vụ Tỉnh ủy")
    'Standing Committee of the Provincial Party Committee'
    >>> english_name("Sở Xyz") is None
    True
    """
    composed = _compose(words(name_vi), table())
    return _tidy(composed) if composed else None


def _compose(ws: tuple[str, ...], t: Table) -> str | None:
    if not ws:
        return None
    if ws in t.name:
        return t.name[ws]
    for n in range(min(len(ws) - 1, t.longest), 0, -1):  # the widest tail, then the widest head
        if ws[-n:] in t.tail and (rest := _compose(ws[:-n], t)):
            return t.tail[ws[-n:]].format(rest)
    for n in range(min(len(ws) - 1, t.longest), 0, -1):
        if ws[:n] in t.head and (rest := _compose(ws[n:], t)):
            return t.head[ws[:n]].format(rest)
    return _word_by_word(ws, t)


def _word_by_word(ws: tuple[str, ...], t: Table) -> str | None:
    """Longest phrase first at each place; punctuation kept; None at the first unknown word."""
    out, i = [], 0
    while i < len(ws):
        if ws[i] in _GLUE:
            out.append(_GLUE[ws[i]])
            i += 1
            continue
        for n in range(min(len(ws) - i, t.longest), 0, -1):
            phrase = ws[i : i + n]
            hit = t.word.get(phrase) or t.name.get(phrase)
            if hit is not None:
                out.append(" " + hit if out and out[-1] != "/" else hit)
                i += n
                break
        else:
            return None
    return "".join(out)


def _tidy(text: str) -> str:
    """Single spaces, a capital first letter (heads and tails may leave "the ..." in front)."""
    text = re.sub(r"\s+", " ", text).strip()
    return text[:1].upper() + text[1:]


def english_deadline(text: str) -> str | None:
    """English of a deadline as printed; None when no deadline pattern reads all of it.

    >>> [english_deadline(t) for t in ("trước ngày 15/11", "Hàng năm, vào tháng 11", "Năm 2024-2025")]
    ['By 15 November', 'Every year, in November', '2024–2025']
    >>> english_deadline("Theo kế hoạch riêng") is None
    True
    """
    t = table()
    for entry in vocab.load("deadlines"):
        template = t.deadline.get(str(entry.get("id")))
        if template is None or entry.get("where") not in _READ_WHERE:
            continue
        found = _read(entry, nfc(text).strip())
        if found is not None and (fields := _fields(found, t)) is not None:
            return _tidy(template.format(**fields))
    return None


def _read(entry: dict[str, object], text: str) -> re.Match[str] | None:
    """The entry's match when it reads the whole text (a leftover word would be lost in English)."""
    pattern = re.compile(str(entry["pattern"]), re.IGNORECASE)
    found = pattern.fullmatch(text) if entry["where"] == "whole" else pattern.search(text)
    if found is None or re.search(r"\w", text[: found.start()] + text[found.end() :]):
        return None
    return found


def _fields(found: re.Match[str], t: Table) -> dict[str, str] | None:
    """The template's fields from the named groups; None when a recurrence or half is not in the data."""
    g = {k: v for k, v in found.groupdict().items() if v}
    month = MONTHS[int(g["m"]) - 1] if "m" in g and 1 <= int(g["m"]) <= 12 else ""
    periods = {k: t.period.get(tuple(w for w in words(g[k]) if w.isalnum())) for k in ("rec", "h") if k in g}
    if None in periods.values():
        return None
    return {
        "d": str(int(g["d"])) if "d" in g else "",
        "month": month,
        "q": _ROMAN.get(g.get("q", "").lower(), g.get("q", "")),
        "y1": g.get("y1", ""),
        "y2": g.get("y2", ""),
        "year": f" {g['y1']}" if "y1" in g else "",
        "rec": periods.get("rec") or "",
        "every": f", {periods['rec']}" if periods.get("rec") else "",
        "h": periods.get("h") or "",
    }
