"""Transformations that keep one output character per input character, so offsets found in the result are
offsets in the input: the length-keeping fold and the modern tone placement the gazetteer matches against."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style tone placement on open syllables ("uỷ", "hoá") → the modern form the gazetteer uses ("ủy", "hóa").
_OLD_TONES = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}


def _old_tone_pattern() -> re.Pattern[str]:
    """An old-style pair ("oà", "UỶ") not after "q" and ending its word. Written as a class per first letter,
    case spelled out, so the regex engine skips to an "o"/"u" in C (issue 15: the alternation under
    IGNORECASE was tried at every character of every text, 8× slower)."""
    pairs = {first: "".join(k[1] for k in _OLD_TONES if k[0] == first) for first in "ou"}
    both = {first: "".join(sorted(set(rest + rest.upper()))) for first, rest in pairs.items()}
    alternatives = "|".join(f"[{first}{first.upper()}][{rest}]" for first, rest in both.items())
    return re.compile(rf"(?:{alternatives})(?<![qQ]..)(?![\wÀ-ỹ])")


_OLD_TONE_RE = _old_tone_pattern()


class _FoldTable(dict[int, str]):
    """Code point → its length-keeping fold, filled on first sight: ``str.translate`` then folds a text in C,
    one dictionary look-up a character, instead of normalizing every character in Python (issue 15)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = base.replace("Đ", "D").replace("đ", "d").lower()
        folded = base if len(base) == 1 else ch.lower()[:1] or ch
        self[code] = folded
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=8192)
def fold_keep_length(text: str) -> str:
    """Lower case without diacritics, one output character per input character (so offsets carry over).

    The fold is character by character, so folding a slice is slicing the fold:
    ``fold_keep_length(s)[i:j] == fold_keep_length(s[i:j])`` (kg.text.folded folds a text once on that).

    >>> fold_keep_length("Sở KH&CN tỉnh Đắk Lắk")
    'so kh&cn tinh dak lak'
    """
    return text.translate(_FOLD)


def modern_tones(text: str) -> str:
    """Old-style tone placement on open syllables in the modern form, same length ("Uỷ ban" → "Ủy ban").

    >>> modern_tones("Uỷ ban nhân dân, hoá chất")
    'Ủy ban nhân dân, hóa chất'
    """
    return _OLD_TONE_RE.sub(lambda m: _match_case(m.group(0), _OLD_TONES[m.group(0).lower()]), text)


def _match_case(old: str, new: str) -> str:
    return new[0].upper() + new[1:] if old[0].isupper() else new
