"""The preamble and the opening: the authority line, "Căn cứ"/"Xét" items, and the first body paragraph
that says what the text implements (a letter's after its "Kính gửi:" list, a news report's "ban hành"
paragraph)."""

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


def read_preamble(lines: list[Line], j: int) -> tuple[Line | None, list[PreambleItem], int]:
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
        elif ENACT.match(ln.text) or RULE.match(ln.text):
            pass
        else:
            break
        j += 1
    return authority, items, j


def read_opening(
    lines: list[Line], body_start: int, type_idx: int | None, letter: bool
) -> list[PreambleItem]:
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
