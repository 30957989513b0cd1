"""Quantitative targets: "trên 60% nhiệm vụ KH&CN ứng dụng", "02-03 doanh nghiệp", "tăng 10%/năm".

Read clause by clause in the objective sections (MỤC TIÊU, CHỈ TIÊU) and in sentences that state an aim
("phấn đấu", "đạt", "đến năm 2030"). A target is a value or range with its unit (%, or the counted noun), a
comparator from the words before it ("trên" >, "ít nhất" >=), the clause as indicator, and the target year
from the clause ("vào năm 2030") or the enclosing heading ("2. Đến năm 2030").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.models import Target
from kg.normalize import Text
from kg.outline import Node, Outline
from kg.textutil import collapse, fold

_NUM = r"\d+(?:[.,]\d+)?"
_VALUE = re.compile(
    r"(?<![\w/.,-])(?P<cmp>trên|hơn|ít nhất|tối thiểu|không dưới|dưới|tối đa|không quá|khoảng|từ|đạt|"
    r"tăng|giảm)?\s*"
    rf"(?P<a>{_NUM})(?:\s*[-–]\s*(?P<b>{_NUM}))?\s*(?P<unit>%(?:\s*/\s*năm)?|lần)?"
    r"(?![\w/-])(?P<noun>\s+[^\W\d_][\w]*(?:\s+[^\W\d_][\w]*)?)?",
    re.IGNORECASE,
)
_COMPARATOR = {
    "trên": ">",
    "hơn": ">",
    "ít nhất": ">=",
    "tối thiểu": ">=",
    "không dưới": ">=",
    "dưới": "<",
    "tối đa": "<=",
    "không quá": "<=",
    "khoảng": "=",
    "đạt": "=",
    "từ": ">=",
    "tăng": "=",
    "giảm": "=",
}
_YEAR = re.compile(r"(?:đến|vào|trong|tới)\s+năm\s+(?P<y>(?:19|20)\d{2})", re.IGNORECASE)
_AIM = re.compile(r"phấn đấu|chỉ tiêu|mục tiêu|đạt|đến năm|vào năm", re.IGNORECASE)
# Numbers that are not quantities: years, dates, time units, ordinal labels.
_NOT_UNIT = {"nam", "ngay", "thang", "quy", "gio", "phut", "sao", "khoa", "ky", "lan thu"}


def _clauses(s: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"[;.](?=\s|$)|\n", s):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(s)


def _objective_ranges(outline: Outline) -> list[tuple[int, int, int | None]]:
    """(start, end, year) of objective sections and their "Đến năm N" sub-sections."""
    out = []
    for node in outline.nodes():
        key = fold(node.heading)
        if "muc tieu" in key or "chi tieu" in key or key.startswith("den nam"):
            out.append((node.start, node.end, _year_of(node)))
    return out


def _year_of(node: Node) -> int | None:
    m = _YEAR.search(node.heading) or re.match(
        r"^\s*(?:đến|năm)\s+(?:năm\s+)?((?:19|20)\d{2})", node.heading, re.I
    )
    return int(m.group(m.lastindex or 1)) if m else None


def _number(s: str) -> float:
    """Vietnamese numbers: decimal comma ("1,5"), leading zeros ("02")."""
    return float(s.replace(".", "").replace(",", ".")) if "," in s else float(s)


def _targets_in(text: Text, a: int, b: int, year: int | None) -> Iterator[Target]:
    clause = text.text[a:b]
    year = int(m["y"]) if (m := _YEAR.search(clause)) else year
    for m in _VALUE.finditer(clause):
        unit = m["unit"] or (collapse(m["noun"]) if m["noun"] else None)
        if (
            not unit
            or fold(unit).split(" ")[0] in _NOT_UNIT
            or (not m["unit"] and int(_number(m["a"])) > 1000)
        ):
            continue
        low, high = _number(m["a"]), _number(m["b"]) if m["b"] else None
        comparator = _COMPARATOR.get((m["cmp"] or "").lower(), "=")
        start = a + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        yield Target(
            indicator=collapse(clause)[:200],
            value=None if high is not None else low,
            min_value=low if high is not None else None,
            max_value=high,
            comparator="range" if high is not None and comparator == "=" else comparator,
            unit=re.sub(r"\s+", "", m["unit"]) if m["unit"] else unit,
            year=year,
            span=text.span(start, a + m.end()),
        )


def extract_targets(text: Text, outline: Outline) -> list[Target]:
    """Quantitative targets stated in objective sections or in sentences that state an aim."""
    ranges = _objective_ranges(outline)
    out: list[Target] = []
    for a, b in _clauses(text.text):
        inside = [r for r in ranges if r[0] <= a < r[1]]
        clause = text.text[a:b]
        if not inside and not _AIM.search(clause):
            continue
        year = next((y for _, _, y in sorted(inside, key=lambda r: -r[0]) if y), None)
        out.extend(_targets_in(text, a, b, year))
    return out
