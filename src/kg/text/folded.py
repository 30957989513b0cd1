"""A text folded once, with a squeezed key for phrase automata and the map from the key back to the text.

Matchers that look for many phrases in one text (the gazetteer's names) used to fold the text at every call
and try a regex alternation of every phrase at every position (issue 15). They now fold it once here and run
one automaton pass over ``key``: the folded text with each whitespace run as one space and the spaces around
"&" dropped, the two things a printed name may vary in ("Ủy ban nhân dân\\ntỉnh", "KH & CN"). The offset map
carries a phrase found in the key back to offsets of the text as written.

>>> ft = fold_text("Sở  KH & CN\\ntỉnh")
>>> ft.key
'so kh&cn tinh'
>>> ft.text_start(ft.key.index("kh")), ft.text_end(ft.key.index("cn") + 2)
(4, 11)
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache

from kg.text.aligned import fold_keep_length

# What the key squeezes: spaces around "&" go, any other whitespace run becomes one space. A lone space is
# its own key, and so is a bare "&" (copied, not squeezed): a one-line sentence maps one to one.
_SQUEEZE = re.compile(r"\s*&\s*|\s+")
_IRREGULAR = re.compile(r"\s+&\s*|&\s+|\s{2,}|[^\S ]")


def squeeze(folded: str) -> str:
    """The key of an already folded string (phrases are squeezed as the texts they are looked for in).

    >>> squeeze("so nong nghiep & ptnt")
    'so nong nghiep&ptnt'
    """
    return _SQUEEZE.sub(lambda m: "&" if "&" in m.group(0) else " ", folded)


class FoldedText:
    """``text``, its length-keeping fold ``folded`` (same offsets) and its squeezed ``key``.

    The key is a run of segments, each copied from ``folded`` or standing for a squeezed run (one character
    placed at the run's "&", or at its first whitespace); ``_key_starts`` / ``_text_starts`` hold where each
    segment starts in the key and in the text.
    """

    __slots__ = ("_key_starts", "_text_starts", "folded", "key", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold_keep_length(text)
        parts: list[str] = []
        key_starts, text_starts = array("q"), array("q")
        size = done = 0
        for m in _IRREGULAR.finditer(self.folded):
            if m.start() > done:  # the characters before the run, copied
                key_starts.append(size)
                text_starts.append(done)
                parts.append(self.folded[done : m.start()])
                size += m.start() - done
            amp = m.group(0).find("&")
            key_starts.append(size)
            text_starts.append(m.start() + max(amp, 0))
            parts.append("&" if amp >= 0 else " ")
            size += 1
            done = m.end()
        if done < len(self.folded):
            key_starts.append(size)
            text_starts.append(done)
            parts.append(self.folded[done:])
        self.key = "".join(parts)
        self._key_starts, self._text_starts = key_starts, text_starts

    def key_at(self, pos: int) -> int | None:
        """The key offset of the text's character at ``pos``; None when that character was squeezed away
        (inside a whitespace run, or a space beside "&") or is out of range."""
        k = bisect_right(self._text_starts, pos) - 1
        if k < 0 or pos >= len(self.text):
            return None
        offset = pos - self._text_starts[k]
        return self._key_starts[k] + offset if offset < self._segment_length(k) else None

    def text_start(self, key_pos: int) -> int:
        """The text offset of the key's character at ``key_pos``."""
        k = bisect_right(self._key_starts, key_pos) - 1
        return self._text_starts[k] + key_pos - self._key_starts[k]

    def text_end(self, key_end: int) -> int:
        """The text offset just after the key's character before ``key_end`` (an end, exclusive)."""
        return self.text_start(key_end - 1) + 1

    def _segment_length(self, k: int) -> int:
        end = self._key_starts[k + 1] if k + 1 < len(self._key_starts) else len(self.key)
        return end - self._key_starts[k]


@lru_cache(maxsize=512)
def fold_text(text: str) -> FoldedText:
    """``text`` folded once (cached: the matchers of one sentence share it)."""
    return FoldedText(text)
