"""Search keys: what a node can be found by, typed with or without diacritics, in full or abbreviated.

Each key is normalised with ``norm`` (kg.text.strings.fold, then punctuation to spaces); the page's script
normalises the query the same way (viz.js ``norm``) and matches a key when the query is a substring of it,
either as typed or with spaces removed, so "so khoa hoc", "Sở KH&CN" and "so khcn" all find
"Sở Khoa học và Công nghệ" once its abbreviation or initialism is among its keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from kg.text.strings import fold, nfc

_NON_WORD = re.compile(r"[^a-z0-9]+")

# Connectives dropped when Vietnamese initialisms are formed ("Khoa học và Công nghệ" -> "KH&CN", "KHCN"):
# an orthographic rule of how abbreviations are made, not a fact about any agency.
_CONNECTIVES = frozenset({"va"})
MAX_INITIALISM_WORDS = 10


def norm(text: str) -> str:
    """Search form of a string: folded, punctuation as single spaces.

    >>> norm("Sở KH&CN")
    'so kh cn'
    >>> norm("  Ủy ban nhân dân tỉnh  Đắk Lắk ")
    'uy ban nhan dan tinh dak lak'
    """
    return _NON_WORD.sub(" ", fold(text)).strip()


def unaccent(text: str) -> str:
    """Vietnamese without diacritics, case kept (the English fallback of a label).

    >>> unaccent("Sở Khoa học và Công nghệ Đồng Nai")
    'So Khoa hoc va Cong nghe Dong Nai'
    """
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def initialisms(name: str) -> list[str]:
    """Abbreviated forms of a name: its head word kept whole, the rest as initials (connectives dropped).

    >>> initialisms("Sở Khoa học và Công nghệ")
    ['skhcn', 'so khcn']
    >>> initialisms("Ủy ban nhân dân")
    ['ubnd', 'uy bnd']
    """
    words = [w for w in norm(name).split() if w not in _CONNECTIVES]
    if not 2 <= len(words) <= MAX_INITIALISM_WORDS:  # sentences (task texts) have no initialism
        return []
    initials = "".join(w[0] for w in words)
    return [initials, f"{words[0]} {initials[1:]}"]


def search_keys(names: Iterable[str], abbreviations: Iterable[str] = ()) -> tuple[str, ...]:
    """Sorted, distinct search keys of a node from its names and known abbreviations.

    >>> search_keys(["Sở Khoa học và Công nghệ"], ["Sở KH&CN"])
    ('skhcn', 'so kh cn', 'so khcn', 'so khoa hoc va cong nghe')
    """
    keys: set[str] = set()
    for name in names:
        if name:
            keys.add(norm(name))
            keys.update(initialisms(name))
    keys.update(norm(a) for a in abbreviations if a)
    keys.discard("")
    return tuple(sorted(keys))


def matches(query: str, keys: Iterable[str]) -> bool:
    """The matching rule the page's script applies (kept here so tests pin it down).

    >>> keys = search_keys(["Sở Khoa học và Công nghệ"], ["Sở KH&CN"])
    >>> [matches(q, keys) for q in ("so khoa hoc", "Sở KH&CN", "SO KHCN", "so tai chinh")]
    [True, True, True, False]
    """
    q = norm(query)
    if not q:
        return False
    compact = q.replace(" ", "")
    return any(q in k or compact in k.replace(" ", "") for k in keys)
