"""The title: the lines after the type line up to the preamble or the body, and the "CỦA <BODY>" line
that names a party document's issuer."""

from __future__ import annotations

import re

from kg.lexicon.lines import classify, type_word_line
from kg.normalize.linebreaks import header_line
from kg.segment.labels import parse_label
from kg.segment.outline import Line
from kg.segment.patterns import ENACT, RULE
from kg.text.strings import fold

# "NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ": the issuing body named under the type word (party documents)
_BY_LINE = re.compile(r"^CỦA\s+\S.{2,80}$")


# A title line that cannot end the title: a list or phrase still open ("V/v" / "Chỉ thị của ...").
# An office at a line's end waits for its body's name ("... CỦA THỦ TƯỚNG" / "CHÍNH PHỦ BAN HÀNH ...").
_OPEN_END = re.compile(
    r"(?:[,\-–]|^V/v|\b(?:về|của|và|việc|thủ tướng|chủ tịch|bộ trưởng|giám đốc|trưởng ban))$",
    re.IGNORECASE,
)


def read_title(lines: list[Line], type_idx: int | None) -> tuple[list[Line], int]:
    """Title lines after the type line; returns them and the index of the first line after."""
    if type_idx is None:
        return [], 0
    out: list[Line] = []
    j = type_idx + 1
    while j < len(lines):
        ln = lines[j]
        if _ends_title(ln, out) or _place_start(ln, lines[j + 1] if j + 1 < len(lines) else None):
            break
        parts = authority_cut(ln)
        out.append(parts[0])
        j += 1
        if len(parts) > 1:
            break  # the rest of the line names the enacting authority: the preamble follows
    return out, j


# Where an enacting authority printed on the title's line begins ("... NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP"); after
# a connective ("CỦA ỦY BAN NHÂN DÂN TỈNH") the body belongs to the title.
_AUTHORITY_AT = re.compile(
    r"(?<!CỦA)(?<!VÀ)(?<!VỚI)(?<!GIỮA)(?<!CHO)(?<!TẠI)\s"
    r"(?=(?:BỘ TRƯỞNG BỘ|THỦ TƯỚNG CHÍNH PHỦ|CHỦ TỊCH ỦY BAN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN"
    r"|GIÁM ĐỐC SỞ|CHÍNH PHỦ$))"
)


def authority_cut(ln: Line) -> list[Line]:
    """``ln``, or the title's part of it and the enacting authority a flattened page printed at its end.

    >>> [x.text for x in authority_cut(Line("BAN HÀNH KẾ HOẠCH NĂM 2015 BỘ TRƯỞNG BỘ TƯ PHÁP", 0, 46))]
    ['BAN HÀNH KẾ HOẠCH NĂM 2015', 'BỘ TRƯỞNG BỘ TƯ PHÁP']
    """
    for m in _AUTHORITY_AT.finditer(ln.text):
        rest = ln.text[m.end() :]
        if classify(rest, "authority"):
            first = ln.text[: m.start()]
            return [Line(first, ln.start, ln.start + len(first)), Line(rest, ln.start + m.end(), ln.end)]
    return [ln]


def _place_start(ln: Line, nxt: Line | None) -> bool:
    """Whether ``ln`` is the first words of a place the column wrapped before ", ngày" ("Lào" / "Cai, ngày
    4 tháng 12 năm 2025"): a subject never ends in a line of capitalised words just above the date."""
    words = ln.text.split()
    return (
        nxt is not None
        and len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and bool(re.match(r"^[^\d,]{1,30},\s*ngày\b", nxt.text))
    )


def by_line_of(lines: list[Line], type_idx: int | None, title: list[Line]) -> Line | None:
    """The "CỦA <BODY>" naming the issuer, on the type line ("NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ") or just below."""
    if type_idx is None:
        return None
    t = lines[type_idx]
    word = type_word_line(Line(t.text.split(" CỦA ")[0], t.start, t.end)) if " CỦA " in t.text else None
    m = re.search(r"\sCỦA\s", t.text) if word and fold(t.text).startswith(fold(word) + " cua ") else None
    if m:
        return Line(t.text[m.start() + 1 :], t.start + m.start() + 1, t.end)
    if len(title) > 1 and _BY_LINE.match(title[0].text) and title[0].text == title[0].text.upper():
        return title[0]
    return None


def _ends_title(ln: Line, so_far: list[Line]) -> bool:
    """Whether ``ln`` is past the title: a preamble, authority, enacting or labelled line, or a new
    paragraph after the title lines ``so_far`` (an upper-case title may run over several)."""
    t = ln.text
    label = parse_label(t)
    if label and label[0] in ("roman", "article", "number1"):
        return True
    if so_far and _OPEN_END.search(so_far[-1].text) and not classify(t, "preamble") and not header_line(t):
        return False  # "CỦA BỘ CHÍNH TRỊ," / "BAN BÍ THƯ": a list of bodies, a phrase runs on
    if (
        t.startswith("(")
        or RULE.match(t)
        or header_line(t)
        or ENACT.match(t)
        or classify(t, "preamble")
        or classify(t, "authority")
    ):
        return True
    if classify(t, "closing"):
        return True
    if not so_far:
        return False
    prev = so_far[-1]
    if prev.text.endswith(":") or t.endswith(":"):
        return True  # "... ban hành Kế hoạch thực hiện như sau:" leads into the body; no title does
    upper_title = all(x.text == x.text.upper() for x in so_far)
    closed = upper_title or prev.text[-1:].isdigit() or prev.text.endswith((".", ";", ")"))
    if t != t.upper() and t[:1].isupper() and closed and not _OPEN_END.search(prev.text):
        return True  # a sentence after the title opens the body ("Thực hiện Quyết định số ...")
    if upper_title and t[:1].islower():
        return False  # "CỦA BỘ CHÍNH TRỊ" / "về ...": the subject under a party by-line
    same_paragraph = ln.start - prev.end == 1
    return not (same_paragraph or (upper_title and t == t.upper()))
