"""Whole-string character cleaning for normalize: the common case done by ``str.translate`` and slices.

``kg.normalize.text`` cleans a text one character cluster at a time (NFC per cluster, odd spaces, line
ends, invisible characters, look-alike letters), keeping each output character's origin. Per character in
Python that was a fifth of extraction (issue 15). Most texts hold no combining mark, no zero-width break
and no Cyrillic look-alike: every character is then its own cluster and maps to at most one character, so
the same output comes from one translate over the text, its offset map from ranges between the few dropped
characters. Texts with any of those are left to the per-cluster loop (``clean`` returns None).
"""

from __future__ import annotations

import re
import unicodedata

# Spaces that PDF copies and web pages carry: NBSP, en/em/thin spaces, narrow NBSP, ideographic space, tabs.
ODD_SPACES = frozenset(
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"
)
# Invisible characters that only break matching: dropped (their origin stays in the offset map's gaps, so a
# span across one still quotes the original as it is). ZWSP (U+200B) first marks a word break: between two
# syllables written together ("chủ\u200btrì") it stands for the space a copy lost; so does a soft hyphen
# (U+00AD), since Vietnamese is hyphenated only between syllables, where a space stood.
BREAKS = frozenset("\u200b\u00ad")
INVISIBLE = frozenset("\u200c\u200d\u2060\ufeff")
# Cyrillic letters that look Latin, as OCR or copy-paste leave them inside Vietnamese words ("Căn сứ" with a
# Cyrillic "с"): read as the Latin letter when a Latin letter stands beside them.
CYRILLIC_LOOKALIKE = dict(zip("аеорсхуіАВЕКМНОРСТХ", "aeopcxyiABEKMHOPCTX", strict=True))

# What the fast path drops: the LF of a CRLF (the CR stands for the line end) and the invisible characters.
_DROPPED = re.compile("(?<=\r)\n|[" + "".join(sorted(INVISIBLE)) + "]")
# Spaces a line loses: leading, trailing, and all but the first of a run.
_LOOSE_SPACES = re.compile(r"^ +| +$|(?<= ) +")
_UNTIDY = re.compile(r"^ | $|  ")


def map_char(ch: str) -> str:
    """One NFC character as the normalized text holds it ("" when dropped)."""
    if ch in INVISIBLE:
        return ""
    if ch in ODD_SPACES:
        return " "
    if ch in "\r\u2028\u2029\x85":
        return "\n"
    if ch == "\u00d0":
        return "\u0110"
    if ch == "\u00f0":
        return "\u0111"
    return ch


# character → what it becomes alone (NFC, then ``map_char``), or None when the per-cluster loop must read it
_ALONE: dict[str, str | None] = {}


def _alone(ch: str) -> str | None:
    if ch not in _ALONE:
        mapped = "".join(map_char(c) for c in unicodedata.normalize("NFC", ch))
        special = unicodedata.combining(ch) or ch in BREAKS or ch in CYRILLIC_LOOKALIKE or len(mapped) > 1
        _ALONE[ch] = None if special else mapped
    return _ALONE[ch]


def clean(raw: str) -> tuple[str, list[int]] | None:
    """``raw`` cleaned as the per-cluster loop cleans it, with each output character's origin; None when
    ``raw`` holds a character only that loop reads right (a combining mark, a zero-width break, a Cyrillic
    look-alike, a character NFC expands).

    >>> clean("Sở\\u00a0Y tế\\r\\nx\\ufeff")
    ('Sở Y tế\\nx', [0, 1, 2, 3, 4, 5, 6, 7, 9])
    """
    table: dict[str, str] = {}
    for ch in set(raw):
        out = _alone(ch)
        if out is None:
            return None
        if out != ch and out:
            table[ch] = out
    parts: list[str] = []
    offsets: list[int] = []
    done = 0
    for m in _DROPPED.finditer(raw):
        parts.append(raw[done : m.start()])
        offsets.extend(range(done, m.start()))
        done = m.end()
    parts.append(raw[done:])
    offsets.extend(range(done, len(raw)))
    text = "".join(parts)
    # one replace per mapped character (a few: odd spaces, CR, Ð), faster than translate over non-ASCII
    # text; what a character maps to is never mapped again (a space, a line end, Đ/đ, an NFC character)
    for ch, out in sorted(table.items()):
        text = text.replace(ch, out)
    return text, offsets


def tidy_lines(text: str, offsets: list[int]) -> list[tuple[str, list[int]]]:
    """``text`` cut at its line ends, each line with its leading and trailing spaces dropped and its inner
    space runs collapsed to their first space, with the origin of each kept character.

    >>> tidy_lines("  a  b \\nc", list(range(9)))
    [('a b', [2, 3, 5]), ('c', [8])]
    """
    lines = []
    base = 0
    for line in text.split("\n"):
        lines.append(_tidy(line, offsets, base))
        base += len(line) + 1
    return lines


def _tidy(line: str, offsets: list[int], base: int) -> tuple[str, list[int]]:
    if not _UNTIDY.search(line):
        return line, offsets[base : base + len(line)]
    parts: list[str] = []
    kept: list[int] = []
    done = 0
    for m in _LOOSE_SPACES.finditer(line):
        parts.append(line[done : m.start()])
        kept.extend(offsets[base + done : base + m.start()])
        done = m.end()
    parts.append(line[done:])
    kept.extend(offsets[base + done : base + len(line)])
    return "".join(parts), kept
