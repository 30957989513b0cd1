"""The preamble and the opening: the authority line, "Căn cứ"/"Xét" items, and the first body paragraph
that says what the text implements (a letter's after its "Kính gửi:" list, a news report's "ban hành"
paragraph).

An item is a logical unit, not a physical line: a "Căn cứ" clause wrapped over lines ("Căn cứ Nghị định
số" / "39/2022/NĐ-CP ngày ...;") is joined until its closing ";" or "."; a line holding several ("Căn cứ
Luật A; Căn cứ Luật B;") is split at each "Căn cứ"; a bullet before it ("- Căn cứ") is no part of it.
``can_cu_block`` finds the "Căn cứ" list of a text whose front matter was not read (no type line found).
"""

from __future__ import annotations

import re
from functools import cache

from kg.lexicon.lines import classify, doc_type_words
from kg.segment.labels import parse_label
from kg.segment.outline import Line, PreambleItem
from kg.segment.patterns import ENACT, RULE
from kg.text.strings import fold

# A document number in running text (kg.extract.symbols has the full grammar; this only spots one)
_NEWS_SYMBOL = re.compile(
    r"\b\d{1,5}(?:/\d{4})?\s?[/-]\s?[A-ZĐ][A-Za-zĐđ]{0,7}(?:[/-][A-ZĐ][A-Za-zĐđ]{0,7})+"
)
_BULLET = re.compile(r"^[-–•+*]\s*")
# Where one line holds a second "Căn cứ" clause: after the ";" or "." that closes the one before.
_NEXT_CAN_CU = re.compile(r"(?<=[;.])\s+(?=(?:[-–•+]\s*)?Căn\s+cứ\b)", re.IGNORECASE)
# Trailing marks a layout leaves after a clause ("2025; *", "…;**").
_TRAILING_MARKS = re.compile(r"[\s*_|]+$")


def _kind(text: str) -> str | None:
    hit = classify(_BULLET.sub("", text), "preamble")
    return hit["preamble"] if hit else None


def _closed(text: str) -> bool:
    """Whether a line ends its clause (";", "." or ":"), so the next line starts a new one."""
    return _TRAILING_MARKS.sub("", text)[-1:] in (";", ".", ":", "!", "?", "")


def _starts_unit(text: str) -> bool:
    """Whether a line starts a unit of its own: a preamble item, enacting words, rule, label or closing."""
    return bool(
        _kind(text)
        or ENACT.match(text)
        or RULE.match(text)
        or parse_label(text)
        or classify(text, "closing")
        # "ỦY BAN NHÂN DÂN TỈNH X" is an authority line; "Chính phủ về việc ..." continues a clause
        or (text.isupper() and classify(text, "authority"))
    )


def _paragraph(lines: list[Line], j: int) -> int:
    """Index after the logical paragraph starting at ``j`` (wrapped lines joined up to its closing mark)."""
    k = j + 1
    while k < len(lines) and not _closed(lines[k - 1].text) and not _starts_unit(lines[k].text):
        k += 1
    return k


def _items(lines: list[Line], j: int, k: int, kind: str) -> list[PreambleItem]:
    """The items of lines ``j``..``k`` (one logical paragraph), split at each further "Căn cứ"."""
    start, end = lines[j].start, lines[k - 1].end
    text = " ".join(ln.text for ln in lines[j:k])
    if kind != "can_cu":
        return [PreambleItem(kind, text, start, end)]  # type: ignore[arg-type]
    out: list[PreambleItem] = []
    pieces = _NEXT_CAN_CU.split(text)
    # offsets: map each piece back through the lines (each piece is found in order in the joined span)
    cursor = 0
    for piece in pieces:
        at = text.index(piece, cursor)
        cursor = at + len(piece)
        a, b = _offset(lines[j:k], at), _offset(lines[j:k], cursor)
        out.append(PreambleItem("can_cu", piece, a, b))
    return out


def _offset(lines: list[Line], pos: int) -> int:
    """Offset in the normalized text of position ``pos`` of the lines' texts joined by single spaces."""
    for ln in lines:
        n = len(ln.text)
        if pos <= n:
            return ln.start + pos
        pos -= n + 1
    return lines[-1].end


def read_preamble(
    lines: list[Line], j: int, authority_ok: bool = True
) -> tuple[Line | None, list[PreambleItem], int]:
    """Authority line, "Căn cứ"/"Xét" items, and the index where the body starts (a letter has no authority
    line: its "Ủy ban nhân dân tỉnh nhận được ..." is the opening)."""
    authority = None
    items: list[PreambleItem] = []
    while j < len(lines):
        ln = lines[j]
        kind = _kind(ln.text)
        if kind:
            k = _paragraph(lines, j)
            items += _items(lines, j, k, kind)
            j = k
            continue
        if authority_ok and authority is None and not items and classify(ln.text, "authority"):
            authority = ln
        elif not (ENACT.match(ln.text) or RULE.match(ln.text)):
            break
        j += 1
    return authority, items, j


def can_cu_block(lines: list[Line]) -> list[PreambleItem]:
    """The first "Căn cứ" list of a text, read without its front matter: "Căn cứ"/"Xét" items standing
    before any outline label ("Điều 1", "I.") and before the closing ("Nơi nhận")."""
    for j, ln in enumerate(lines):
        recipients = fold(ln.text).startswith("kinh gui")  # a letter's "Căn cứ" list follows its recipients
        if RULE.match(ln.text):
            continue  # "--------" under the header is a rule, not a dash item
        if parse_label(ln.text) or (classify(ln.text, "closing") and not recipients):
            return []
        if _kind(ln.text) == "can_cu":
            return read_preamble(lines, j)[1]
    return []


def read_opening(
    lines: list[Line], body_start: int, type_idx: int | None, letter: bool
) -> list[PreambleItem]:
    """The opening: the first body paragraph before any outline label ("Thực hiện ... ban hành"), the
    paragraphs after it that also open with "Thực hiện"/"Triển khai", and the lead-in paragraph that ends
    with ":" just before the first label ("Để tiếp tục thực hiện X ..., Ủy ban nhân dân tỉnh yêu cầu:"). In a
    letter, the first paragraph after its "Kính gửi:" list and the "Căn cứ" items a letter may open with."""
    body_start = _after_recipients(lines, body_start)  # a Tờ trình has its "Kính gửi:" too
    if letter:
        type_idx = body_start
    if type_idx is None:
        return _news_opening(lines, body_start)
    # "Căn cứ" items the front matter left (a letter's, or a list the header reader ran past)
    _, items, body_start = read_preamble(lines, body_start, authority_ok=False)
    j = body_start
    if j >= len(lines) or parse_label(lines[j].text) or classify(lines[j].text, "closing"):
        return items
    k = _paragraph(lines, j)
    items += _items(lines, j, k, "opening")
    while k < len(lines) and _CUE_START.match(lines[k].text):
        j, k = k, _paragraph(lines, k)
        items += _items(lines, j, k, "opening")
    if not letter:
        items += _lead_in(lines, k)
    return items


# A paragraph of the opening that states what the text carries out.
_CUE_START = re.compile(r"^(?:Để\s+)?(?:Tiếp tục\s+)?(?:Thực hiện|Triển khai)\b", re.IGNORECASE)
# How far after the opening the first outline label is looked for.
_LEAD_IN_WINDOW = 12


def _lead_in(lines: list[Line], k: int) -> list[PreambleItem]:
    """The paragraph ending with ":" right before the first outline label, within a few lines of ``k``."""
    for end in range(k, min(k + _LEAD_IN_WINDOW, len(lines))):
        text = lines[end].text
        if classify(text, "closing"):
            return []
        if not parse_label(text):
            continue
        if end == k or not _TRAILING_MARKS.sub("", lines[end - 1].text).endswith(":"):
            return []
        start = end - 1
        while start > k and not _closed(lines[start - 1].text):
            start -= 1
        return [_last_sentence(lines[start:end])]
    return []


def _last_sentence(lines: list[Line]) -> PreambleItem:
    """The last sentence of a paragraph: a lead-in may follow a review ("Thời gian qua ... . Để ...:")."""
    text = " ".join(ln.text for ln in lines)
    cut = 0
    for m in re.finditer(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ])", text):
        cut = m.end()
    return PreambleItem("opening", text[cut:], _offset(lines, cut), lines[-1].end)


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
