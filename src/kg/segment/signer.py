"""The signer: the person's name in the signature block."""

from __future__ import annotations

import re

from kg.lexicon.lines import classify
from kg.segment.outline import Line

_POSITION = re.compile(
    r"^(?:(?:PHÓ\s+)?(?:CHỦ TỊCH|BÍ THƯ|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỨ TRƯỞNG|"
    r"TỔNG BÍ THƯ|THƯỜNG TRỰC|CHỦ NHIỆM|VIỆN TRƯỞNG|CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|TRƯỞNG PHÒNG)|\(?Đã ký.*\)?|"
    r"\(Ký.*\))",
    re.IGNORECASE,
)


def signer_of(signature: list[Line]) -> Line | None:
    """The signer: the last signature line that is neither a "TM./KT." line nor a position."""
    for ln in reversed(signature):
        t = ln.text
        words = t.split()
        if classify(t, "closing") or _POSITION.match(t) or not 2 <= len(words) <= 6:
            continue
        if all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in t) and ":" not in t:
            return ln
    return None
