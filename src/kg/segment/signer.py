"""The signer: the person's name at the foot of the signature block.

The block reads "TM./KT./T/M <body>", the office ("PHÓ CHỦ TỊCH"), then the name. In a layout text the block
stands in a column beside "Nơi nhận", so its lines carry a recipient before them ("- Như Điều 3; CHỦ TỊCH",
"Trung tâm TTĐT Thành phố; Vũ Thu Hà"); a narrow column wraps the name ("Lê Tấn" / "Cận"); an appendix may
follow the block. So the name is looked for forward from the office, as the trailing run of capitalised words
on a line after a column boundary, joined with the wrapped rest.
"""

from __future__ import annotations

import re

from kg.outline import Line
from kg.sections import classify

_POSITION = re.compile(
    r"^(?:(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỨ TRƯỞNG|"
    r"TỔNG BÍ THƯ|THƯỜNG TRỰC|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG)|\(?Đã ký.*\)?|"
    r"\(Ký.*\))",
    re.IGNORECASE,
)
# What opens a signature block, anywhere on a line (a layout text puts it after a recipient).
_AUTHORITY = re.compile(r"(?:^|[\s;|.])(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q)\.?\s+[A-ZĐÀ-Ỹ]")
_OFFICE_END = re.compile(
    r"(?:^|\s)(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
    r"THỨ TRƯỞNG|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG PHÒNG|THƯỜNG TRỰC)$"
)


def signer_of(signature: list[Line], recipients: tuple[Line, ...] | list[Line] = ()) -> Line | None:
    """The signer's name: the first name after the block's office, in document order over the signature
    and recipient lines (a layout text puts the block beside "Nơi nhận")."""
    block = sorted([*signature, *recipients], key=lambda ln: ln.start)
    start = next((i for i, ln in enumerate(block) if _opens_block(ln.text)), None)
    if start is None:
        return None
    for i in range(start, len(block)):
        name = _trailing_name(block[i])
        if name is None:
            continue
        name = _with_wrapped_rest(name, block[i + 1 : i + 3])
        if len(name.text.split()) >= 2:
            return name
    return None


def _name_word(w: str) -> bool:
    """A word of a person's name: a capital, then lower-case letters ("Thị", "Vân", "Sỹ")."""
    return w.isalpha() and w[0].isupper() and w[1:] == w[1:].lower()


def _opens_block(text: str) -> bool:
    return bool(
        _AUTHORITY.search(text)
        or _POSITION.match(text)
        or _OFFICE_END.search(text)
        or (classify(text, "closing") and not text.startswith(("Nơi nhận", "Kính gửi")))
    )


def _trailing_name(ln: Line) -> Line | None:
    """The run of name words that ends ``ln``, when it stands alone or after a column boundary (";", ".",
    ",", "|" or an upper-case office), else None.

    >>> _trailing_name(Line("Trung tâm TTĐT Thành phố; Vũ Thu Hà", 0, 35)).text
    'Vũ Thu Hà'
    >>> _trailing_name(Line("- Đài PTTH Hà Nội", 0, 17)) is None
    True
    """
    words = ln.text.split(" ")
    k = len(words)
    while k > 0 and _name_word(words[k - 1]):
        k -= 1
    if k == len(words) or len(words) - k > 6:
        return None
    before = " ".join(words[:k])
    boundary = not before or before[-1] in ";.,|:)" or _OFFICE_END.search(before) or before == before.upper()
    if not boundary:
        return None
    offset = len(before) + (1 if before else 0)
    return Line(ln.text[offset:], ln.start + offset, ln.end)


def _with_wrapped_rest(name: Line, following: list[Line]) -> Line:
    """The name joined with the next line when a narrow column wrapped it ("Lê Tấn" / "Cận")."""
    for nxt in following[:1]:
        words = nxt.text.split()
        whole = len(name.text.split()) + len(words)
        if words and all(_name_word(w) for w in words) and whole <= 5 and nxt.start - name.end <= 2:
            return Line(f"{name.text} {nxt.text}", name.start, nxt.end)
    return name
