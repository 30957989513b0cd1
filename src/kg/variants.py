"""The forms in which researchers get the same text: transforms used by the variant tests and the benchmark.

A document reaches the extractor as typed (plain), decomposed with non-breaking spaces (PDF and some web
pages), hard-wrapped at 80 columns (PDF extraction), wrapped in legal-database page chrome, with Windows line
ends, or with its " | "-joined task tables flattened one cell per line (copying a table out of a PDF or a Word
file). The extractor must read the same facts from every form; ``VARIANTS`` maps each form's name to its
transform (``plain`` is the identity).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Callable

__all__ = ["VARIANTS", "applies", "cells", "crlf", "nfd", "web", "wrapped"]

_TOP_LINES = ("Đăng nhập", "Mục lục", "Văn bản gốc", "Văn bản liên quan", "Lưu trữ", "Ghi chú", "Ý kiến")
CHROME_TOP = "\n".join((*_TOP_LINES, "Facebook", "Email", "In", "Tải về", ""))
CHROME_END = "\nVăn bản liên quan\nNghị quyết 01/NQ-CP năm 2025\nDMCA.com Protection Status\n"
# A table row joined with " | " has three cells or more; a news dateline ("Thứ tư, 01/05/2024 | 23:47") two.
_PIPE_ROW = re.compile(r"^[^|\n]*\|[^|\n]*\|")


def nfd(text: str) -> str:
    """Decomposed letters and the first twenty spaces as NBSP.

    >>> nfd("Sở Y tế") == "So\\u031b\\u0309\\u00a0Y\\u00a0te\\u0302\\u0301"
    True
    """
    return unicodedata.normalize("NFD", text).replace(" ", "\u00a0", 20)


def wrapped(text: str) -> str:
    """Every line longer than 80 characters broken at 80 columns, as PDF extraction leaves it."""
    return "\n".join(textwrap.fill(p, 80) if len(p) > 80 else p for p in text.split("\n"))


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
    "web": web,
    "crlf": crlf,
    "cells": cells,
}


def applies(name: str, text: str) -> bool:
    """Whether variant ``name`` changes ``text`` (a text without tables has no one-cell-per-line form)."""
    return VARIANTS[name](text) != text
