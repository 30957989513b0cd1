"""Small text helpers shared by every stage that compares Vietnamese strings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def nfc(text: str) -> str:
    """NFC with the look-alike Ð (U+00D0, Icelandic eth) mapped to Đ (U+0110).

    >>> nfc("QÐ-UBND") == "QĐ-UBND"
    True
    """
    return unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case ASCII key for matching without diacritics; đ→d is explicit because NFD keeps it whole.

    >>> fold("Sở Khoa học và Công nghệ")
    'so khoa hoc va cong nghe'
    >>> fold("ĐỒNG  Nai")
    'dong nai'
    """
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    return _SPACES.sub(" ", text.translate(_BARE).lower()).strip()


class _BareTable(dict[int, str]):
    """Code point → its canonical decomposition without nonspacing marks, filled on first sight, so
    ``str.translate`` strips a text's marks in C (issue 15: ``fold`` ran a Python loop per character). Per
    character equals the whole text's NFD here: decompositions hold only nonspacing marks (all dropped), and
    canonical reordering moves only marks, which the NFC text before it already has in canonical order."""

    def __missing__(self, code: int) -> str:
        bare = "".join(c for c in unicodedata.normalize("NFD", chr(code)) if unicodedata.category(c) != "Mn")
        self[code] = bare
        return bare


_BARE = _BareTable()


def slug(text: str) -> str:
    """IRI-safe slug of a Vietnamese string.

    >>> slug("Sở Khoa học & Công nghệ")
    'so-khoa-hoc-cong-nghe'
    >>> slug("4655/KH-UBND")
    '4655-kh-ubnd'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def search_key(text: str) -> str:
    """Exact-match key of a name for indexed lookup: folded, punctuation as single spaces.

    >>> search_key("Sở Tài chính (Lâm Đồng)")
    'so tai chinh lam dong'
    >>> search_key("Sở KH&CN") == search_key("sở kh & cn")
    True
    """
    return " ".join(slug(text).split("-"))


def collapse(text: str) -> str:
    """Whitespace runs to one space, trimmed.

    >>> collapse("  a \\n b ")
    'a b'
    """
    return _SPACES.sub(" ", text).strip()
