"""Small text helpers shared by every stage that compares Vietnamese strings."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
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
_OLD_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONES) + r")(?![\wÀ-ỹ])", re.IGNORECASE)


def nfc(text: str) -> str:
    """NFC with the look-alike Ð (U+00D0, Icelandic eth) mapped to Đ (U+0110).

    >>> nfc("QÐ-UBND") == "QĐ-UBND"
    True
    """
    return unicodedata.normalize("NFC", text).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


def fold(text: str) -> str:
    """Lower-case ASCII key for matching without diacritics; đ→d is explicit because NFD keeps it whole.

    >>> fold("Sở Khoa học và Công nghệ")
    'so khoa hoc va cong nghe'
    >>> fold("ĐỒNG  Nai")
    'dong nai'
    """
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return _SPACES.sub(" ", stripped.lower()).strip()


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


@lru_cache(maxsize=8192)
def fold_keep_length(text: str) -> str:
    """Lower case without diacritics, one output character per input character (so offsets carry over).

    >>> fold_keep_length("Sở KH&CN tỉnh Đắk Lắk")
    'so kh&cn tinh dak lak'
    """
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = base.replace("Đ", "D").replace("đ", "d").lower()
        out.append(base if len(base) == 1 else ch.lower()[:1] or ch)
    return "".join(out)


def modern_tones(text: str) -> str:
    """Old-style tone placement on open syllables in the modern form, same length ("Uỷ ban" → "Ủy ban").

    >>> modern_tones("Uỷ ban nhân dân, hoá chất")
    'Ủy ban nhân dân, hóa chất'
    """
    return _OLD_TONE_RE.sub(lambda m: _match_case(m.group(0), _OLD_TONES[m.group(0).lower()]), text)


def _match_case(old: str, new: str) -> str:
    return new[0].upper() + new[1:] if old[0].isupper() else new
