"""The forms in which researchers get the same text: transforms used by the variant tests and the benchmark.

A document reaches the extractor as typed (plain), decomposed with non-breaking spaces (PDF and some web
pages), hard-wrapped at 80 columns (PDF extraction), wrapped in legal-database page chrome, with Windows line
ends, or with its " | "-joined task tables flattened one cell per line (copying a table out of a PDF or a Word
file). PDF copies are also wrapped at other widths (60 and 100 columns here), Word and PDF exports
double-spaced (a blank line after every line), and some exports lay the header's two columns side by
side, separated by tabs, with body lines indented. The extractor must read the same facts from every
form; ``VARIANTS`` maps each form's name to its transform (``plain`` is the identity).
"""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from collections.abc import Callable

__all__ = ["VARIANTS", "applies", "cells", "crlf", "double", "nfd", "tabbed", "web", "wrap_at", "wrapped"]

_TOP_LINES = ("Đăng nhập", "Mục lục", "Văn bản gốc", "Văn bản liên quan", "Lưu trữ", "Ghi chú", "Ý kiến")
CHROME_TOP = "\n".join((*_TOP_LINES, "Facebook", "Email", "In", "Tải về", ""))
CHROME_END = "\nVăn bản liên quan\nNghị quyết 01/NQ-CP năm 2025\nDMCA.com Protection Status\n"
# A table row joined with " | " has three cells or more; a news dateline ("Thứ tư, 01/05/2024 | 23:47") two.
_PIPE_ROW = re.compile(r"^[^|\n]*\|[^|\n]*\|")
# The right-hand header column starts with a motto; the left one holds the issuer, rules, number, subject.
_MOTTO = re.compile(r"^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)\s*$")
_LEFT = re.compile(r"^(?:Số\b|V/v\b)")


def nfd(text: str) -> str:
    """Decomposed letters and the first twenty spaces as NBSP.

    >>> nfd("Sở Y tế") == "So\\u031b\\u0309\\u00a0Y\\u00a0te\\u0302\\u0301"
    True
    """
    return unicodedata.normalize("NFD", text).replace(" ", "\u00a0", 20)


def wrap_at(width: int) -> Callable[[str], str]:
    """The transform that breaks every line longer than ``width`` characters at ``width`` columns.

    >>> wrap_at(12)("Sở Tài chính chủ trì").split("\\n")
    ['Sở Tài chính', 'chủ trì']
    """

    def wrap(text: str) -> str:
        return "\n".join(textwrap.fill(p, width) if len(p) > width else p for p in text.split("\n"))

    return wrap


def wrapped(text: str) -> str:
    """Every line longer than 80 characters broken at 80 columns, as PDF extraction leaves it."""
    return wrap_at(80)(text)


def double(text: str) -> str:
    """A blank line after every line, as some PDF and Word exports give.

    >>> double("KẾ HOẠCH\\nThực hiện").split("\\n")
    ['KẾ HOẠCH', '', 'Thực hiện']
    """
    return "\n\n".join(text.split("\n"))


def tabbed(text: str) -> str:
    """The header's two columns side by side separated by tabs, and every body line indented.

    >>> head = "BỘ Y TẾ\\nSố: 7/KH-BYT\\n\\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\nHà Nội, ngày 1/6/2025"
    >>> for line in tabbed(head + "\\n\\nNội dung").split("\\n"):
    ...     print(line.replace("\\t", "<tab>"))
    BỘ Y TẾ<tab><tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    Số: 7/KH-BYT<tab><tab>Hà Nội, ngày 1/6/2025
    <BLANKLINE>
        Nội dung
    """
    lines = text.split("\n")
    at = next((i for i, ln in enumerate(lines[:40]) if _MOTTO.match(ln)), None)
    if at is None:
        return "\n".join("    " + ln if ln else ln for ln in lines)
    left_start = at
    while left_start > 0 and (
        (not lines[left_start - 1] and left_start == at) or _left_column(lines[left_start - 1])
    ):
        left_start -= 1
    right_end = at
    while right_end < len(lines) and lines[right_end]:
        right_end += 1
    left = [ln for ln in lines[left_start:at] if ln]
    right = lines[at:right_end]
    paired = [f"{a}\t\t{b}".strip("\t") for a, b in itertools.zip_longest(left, right, fillvalue="")]
    body = ["    " + ln if ln else ln for ln in lines[right_end:]]
    return "\n".join([*lines[:left_start], *paired, *body])


def _left_column(line: str) -> bool:
    """An issuer line (upper case), a rule, the number or the subject: the header's left column."""
    return bool(line) and (line == line.upper() or bool(_LEFT.match(line)))


def web(text: str) -> str:
    """The text inside a legal-database page: menu and tabs above, related documents and DMCA below."""
    return CHROME_TOP + text + CHROME_END


def crlf(text: str) -> str:
    """Windows line ends.

    >>> crlf("a\\nb")
    'a\\r\\nb'
    """
    return text.replace("\n", "\r\n")


def cells(text: str) -> str:
    """Tables joined with " | " flattened one cell per line (other lines unchanged).

    >>> cells("STT | Nhiệm vụ | Chủ trì\\nThứ tư, 01/05/2024 | 23:47")
    'STT\\nNhiệm vụ\\nChủ trì\\nThứ tư, 01/05/2024 | 23:47'
    """
    out: list[str] = []
    for line in text.split("\n"):
        if _PIPE_ROW.match(line):
            out.extend(c.strip() for c in line.split("|"))
        else:
            out.append(line)
    return "\n".join(out)


VARIANTS: dict[str, Callable[[str], str]] = {
    "plain": str,
    "nfd": nfd,
    "wrapped": wrapped,
    "wrapped60": wrap_at(60),
    "wrapped100": wrap_at(100),
    "double": double,
    "tabbed": tabbed,
    "web": web,
    "crlf": crlf,
    "cells": cells,
}


def applies(name: str, text: str) -> bool:
    """Whether variant ``name`` changes ``text`` (a text without tables has no one-cell-per-line form)."""
    return VARIANTS[name](text) != text
