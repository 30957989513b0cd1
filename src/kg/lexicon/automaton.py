"""Many fixed phrases found in a text by one Aho-Corasick pass (pyahocorasick) over its folded key.

A ``PhraseSet`` answers what a regex alternation of its phrases, longest first, answered with ``match(folded,
pos)`` — the same re.Match, from the phrase's own pattern — without trying every phrase at every position:
one pass over a text's squeezed key (kg.text.folded) lists which phrases occur where, and only those are
tried at ``pos`` (issue 15: the gazetteer's names were tried at every position of every sentence).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import ahocorasick

from kg.text.folded import fold_text, squeeze


class PhraseSet:
    """Folded phrases, each matched by the regex ``pattern(phrase)``; the longest phrase wins at a position.

    >>> spaced = lambda p: re.escape(p).replace(r"\\ ", r"\\s+")
    >>> names = PhraseSet(["so tai chinh", "so tai chinh tinh"], spaced)
    >>> names.match("Sở Tài   chính tỉnh Lâm Đồng", 0).end()
    19
    """

    def __init__(self, phrases: Iterable[str], pattern: Callable[[str], str]) -> None:
        # longest first (the regex alternation's order), then by text so ties are decided the same every run
        self._phrases = sorted(set(phrases), key=lambda p: (-len(p), p))
        self._pattern = pattern
        # compiled on first use: a process meets a few hundred names, and ~1,000 compiles cost a second
        self._patterns: list[re.Pattern[str] | None] = [None] * len(self._phrases)
        self._key_lengths = [len(squeeze(p)) for p in self._phrases]
        self._automaton = ahocorasick.Automaton()
        for rank, phrase in enumerate(self._phrases):
            key = squeeze(phrase)
            # two phrases with one key (spaced differently around "&") are both tried, in rank order
            found = self._automaton.get(key, ())
            self._automaton.add_word(key, (*found, rank))
        self._automaton.make_automaton()
        self._starts = lru_cache(maxsize=512)(self._scan)

    def starts(self, text: str, pos: int) -> bool:
        """Whether some phrase's key starts at ``pos`` (``match`` may still refuse it: word boundaries)."""
        return pos in self._starts(text)

    def positions(self, text: str) -> set[int]:
        """Every offset of ``text`` where some phrase's key starts (as ``starts`` answers for each)."""
        return set(self._starts(text))

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """The longest phrase whose pattern matches folded ``text`` at ``pos``, as that pattern's match."""
        ranks = self._starts(text).get(pos)
        if not ranks:
            return None
        folded = fold_text(text).folded
        for rank in ranks:
            if m := self._compiled(rank).match(folded, pos):
                return m
        return None

    def _compiled(self, rank: int) -> re.Pattern[str]:
        compiled = self._patterns[rank]
        if compiled is None:
            compiled = self._patterns[rank] = re.compile(self._pattern(self._phrases[rank]))
        return compiled

    def _scan(self, text: str) -> dict[int, tuple[int, ...]]:
        """Text offset → the ranks of the phrases whose key starts there, best first (one automaton pass)."""
        ft = fold_text(text)
        starts: dict[int, list[int]] = {}
        for key_end, ranks in self._automaton.iter(ft.key):
            start = ft.text_start(key_end + 1 - self._key_lengths[ranks[0]])
            starts.setdefault(start, []).extend(ranks)
        return {pos: tuple(sorted(ranks)) for pos, ranks in starts.items()}
