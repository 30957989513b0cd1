"""The signer: the person's name at the foot of the signature block.

The block reads "TM./KT./T/M <body>", the office ("PHÓ CHỦ TỊCH"), then the name. In a layout text the block
stands in a column beside "Nơi nhận", so its lines carry a recipient before them ("- Như Điều 3; CHỦ TỊCH",
"Trung tâm TTĐT Thành phố; Vũ Thu Hà"); a narrow column wraps the name ("Lê Tấn" / "Cận"); an appendix may
follow the block. So the name is looked for forward from the office, as the trailing run of capitalised words
on a line after a column boundary, joined with the wrapped rest.
"""

from __future__ import annotations

import re

from kg.lexicon.lines import classify
from kg.segment.labels import parse_label
from kg.segment.outline import Line

_POSITION = re.compile(
    r"^(?:(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỨ TRƯỞNG|"
    r"TỔNG BÍ THƯ|THƯỜNG TRỰC|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG)|\(?Đã ký.*\)?|"
    r"\(Ký.*\)|\(ký.*\)|\(đã ký.*\))"
)
# How far after the line that opens it a signature block's name may stand (a layout block beside a long
# "Nơi nhận" list puts it under the list).
_BLOCK_LINES = 25
# An office followed by a name on one line ("BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng").
_OFFICE_IN = re.compile(
    r"(?:^|\s)(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHỦ NHIỆM|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG)"
    r"\s+(?P<name>\w+)\s+\w"
)
# Capitalised office words that are no name ("Phó Trưởng Ban", "Chủ tịch").
_OFFICE_WORDS = re.compile(
    r"^(?:Phó|Trưởng|Chủ Tịch|Giám Đốc|Bộ Trưởng|Thứ Trưởng|Chánh|Thủ Tướng|Nơi|Kính)\b", re.IGNORECASE
)
# What opens a signature block, anywhere on a line (a layout text puts it after a recipient): the mark of
# the signer's standing and an upper-case office or body ("KT. CHỦ TỊCH", "T/M BAN BÍ THƯ").
_AUTHORITY = re.compile(r"(?:^|[\s;|.])(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q)\.?\s+(\S+)(?:\s+(\S+))?")
_OFFICE_END = re.compile(
    r"(?:^|\s)(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
    r"THỨ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG PHÒNG|THƯỜNG TRỰC)$"
)


def signer_of(lines: list[Line], start: int = 0) -> Line | None:
    """The signer's name: the first name within the lines that follow a line opening the signature block
    ("TM. ...", "KT. ...", an office, "Nơi nhận"), from ``start`` (the body) on."""
    for i in range(start, len(lines)):
        if not _opens_block(lines[i].text):
            continue
        for j in range(i, min(len(lines), i + _BLOCK_LINES)):
            name = _trailing_name(lines[j]) or _lone_name_word(lines[j])
            if name is None:
                continue
            name = _with_wrapped_rest(name, lines[j + 1 : j + 2])
            if len(name.text.split()) >= 2:
                return name
    return None


def _name_word(w: str) -> bool:
    """A word of a person's name: a capital, then lower-case letters ("Thị", "Vân", "Sỹ")."""
    return w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower()


def _authority(text: str) -> bool:
    """Whether ``text`` holds a signature mark followed by upper-case words ("TM. ỦY BAN NHÂN DÂN"), not an
    abbreviation in running text ("phát triển KT XH nhanh")."""
    for m in _AUTHORITY.finditer(text):
        first, second = m.group(1), m.group(2)
        if _caps(first.rstrip(",")) and (second is None or _caps(second.rstrip(","))):
            return True
    return False


def _opens_block(text: str) -> bool:
    """A line of the closing block: "TM./KT./TL." and the body, an office ("PHÓ CHỦ TỊCH", also after a
    recipient in a layout text), or "Nơi nhận"."""
    if text.startswith("Kính gửi"):
        return False
    return bool(
        _authority(text)
        or (_POSITION.match(text) and len(text) < 60)
        or (_OFFICE_END.search(text) and len(text) < 60 and parse_label(text) is None)
        or any(_name_word(m.group("name")) for m in _OFFICE_IN.finditer(text))
        or text.startswith("Nơi nhận")
        or classify(text, "closing")
    )


def _trailing_name(ln: Line) -> Line | None:
    """A person's name on ``ln``: a run of two to six capitalised words that stands alone, or after a column
    boundary (";", ".", ",", "|" or an upper-case office) and before the line's end or upper-case text (an
    appendix title a flattened page put on the same line), else None.

    >>> _trailing_name(Line("Trung tâm TTĐT Thành phố; Vũ Thu Hà", 0, 35)).text
    'Vũ Thu Hà'
    >>> _trailing_name(Line("BỘ TRƯỞNG Đặng Văn An CHƯƠNG TRÌNH HÀNH ĐỘNG", 0, 43)).text
    'Đặng Văn An'
    >>> _trailing_name(Line("- Đài PTTH Hà Nội", 0, 17)), _trailing_name(Line("Phó Trưởng Ban", 0, 14))
    (None, None)
    >>> _trailing_name(Line("- Như Điều 3;", 0, 13))
    >>> _trailing_name(Line("- Lưu: VT. Trung An BỘ TRƯỞNG Lê Hà", 0, 35)).text
    'Lê Hà'
    """
    words = ln.text.split(" ")
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(words):
        end = k
        while end < len(words) and _name_word(words[end]):
            end += 1
        if end > k and _is_name(words, k, end):
            runs.append((k, end))
        k = max(end, k + 1)
    after_office = [r for r in runs if r[0] and _caps(words[r[0] - 1])]
    if not (after_office or runs):
        return None
    k, end = (after_office or runs)[-1]
    offset = len(" ".join(words[:k])) + (1 if k else 0)
    length = len(" ".join(words[k:end]))
    return Line(ln.text[offset : offset + length], ln.start + offset, ln.start + offset + length)


def _lone_name_word(ln: Line) -> Line | None:
    """A line holding one capitalised word, the first of a name a narrow column wrapped ("Bùi" / "Xuân
    Cường")."""
    return ln if " " not in ln.text and _name_word(ln.text) and not _OFFICE_WORDS.search(ln.text) else None


def _caps(word: str) -> bool:
    """An upper-case word of two letters or more (an office, an appendix title)."""
    return len(word) > 1 and word.isalpha() and word == word.upper()


def _is_name(words: list[str], k: int, end: int) -> bool:
    """Whether ``words[k:end]`` (capitalised words) is a name standing between column boundaries: alone, at
    the line's end after a boundary (";", ".", ",", "|", an office), or between an office and upper-case
    text."""
    before = words[k - 1] if k else ""
    after = words[end] if end < len(words) else ""
    run = " ".join(words[k:end])
    if not 2 <= end - k <= 6 or _OFFICE_WORDS.search(run):
        return False
    # on a recipient's line ("- Đài PTTH Hà Nội") only an office ends the recipient ("- Như trên; CHỦ TỊCH")
    item = words[0] in ("-", "–", "+") or words[0][:1] in "-–+"
    office = _OFFICE_END.search(" ".join(words[:k]).rstrip(",")) if item else _caps(before.rstrip(",:"))
    if not after:
        return not before or before[-1] in ";.,|:)" or bool(office)
    return bool(office) and (_caps(after) or after.startswith("("))


def _with_wrapped_rest(name: Line, following: list[Line]) -> Line:
    """The name joined with the next line when a narrow column wrapped it ("Lê Tấn" / "Cận")."""
    for nxt in following[:1]:
        words = nxt.text.split()
        whole = len(name.text.split()) + len(words)
        if words and all(_name_word(w) for w in words) and whole <= 5 and nxt.start - name.end <= 2:
            return Line(f"{name.text} {nxt.text}", name.start, nxt.end)
    return name
