"""Find agencies and documents by the names researchers type: without diacritics, abbreviated, misspelt.

Agency names are compared token by token on folded text (kg.text.strings.fold). A typed token matches one word
of the name, or the initials of several words ("khcn" = "khoa học và công nghệ", where a "và" may be left out
of the initials, as Vietnamese abbreviations do: KH&CN). When nothing matches, difflib proposes the closest
names. When the extraction area's gazetteer is installed, its abbreviation expansion is tried too.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from kg.lexicon.gazetteer import expand_abbreviations
from kg.text.strings import fold

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Vietnamese abbreviations drop the conjunction: KH&CN for "khoa học và công nghệ".
_CONJUNCTIONS = frozenset({"va"})


def tokens(text: str) -> list[str]:
    """Folded word tokens; punctuation (including '&') separates words.

    >>> tokens("Sở KH&CN")
    ['so', 'kh', 'cn']
    >>> tokens("Ủy ban nhân dân tỉnh Đồng Nai")
    ['uy', 'ban', 'nhan', 'dan', 'tinh', 'dong', 'nai']
    """
    return [t for t in _NON_WORD.split(fold(text)) if t]


def doc_key(text: str) -> str:
    """Key of a document symbol or label: folded, letters and digits only (so typos of separators agree).

    >>> doc_key("69-KL/TW") == doc_key("69/kl-tw") == doc_key("69 KL TW")
    True
    """
    return _NON_WORD.sub("", fold(text))


def _initials(words: Sequence[str]) -> set[str]:
    letters = "".join(w[0] for w in words)
    without = "".join(w[0] for w in words if w not in _CONJUNCTIONS)
    return {letters, without}


def prefix_length(query: Sequence[str], name: Sequence[str]) -> int | None:
    """How many words of ``name`` the whole ``query`` covers from the start, or None if it does not.

    >>> prefix_length(tokens("so khcn"), tokens("Sở Khoa học và Công nghệ tỉnh Hà Nam"))
    6
    >>> prefix_length(tokens("UBND"), tokens("Ủy ban nhân dân tỉnh"))
    4
    >>> prefix_length(tokens("so tai chinh"), tokens("Sở Khoa học và Công nghệ")) is None
    True
    """
    return _cover(tuple(query), tuple(name))


@cache
def _cover(query: tuple[str, ...], name: tuple[str, ...]) -> int | None:
    if not query:
        return 0
    head, rest = query[0], query[1:]
    best: int | None = None
    for j in range(1, len(name) + 1):
        span = name[:j]
        if (j == 1 and head == name[0]) or (j > 1 and head in _initials(span)):
            tail = _cover(rest, name[j:])
            if tail is not None and (best is None or j + tail > best):
                best = j + tail
    return best


def _expansions(query: str) -> list[str]:
    """The query, plus its expansion by the gazetteer's abbreviations when that differs."""
    expanded = expand_abbreviations(query)
    return [query] if expanded == query else [query, expanded]


def place_marked(words: list[str], place: list[str]) -> list[str]:
    """``words`` with each run of the place name's words made one token that no initial can match.

    Initials must not reach into a province name: "khcnn" is a typo of "khcn", not "Khoa học và Công nghệ
    Nam (Định)".

    >>> place_marked(tokens("Sở Khoa học và Công nghệ Nam Định"), tokens("Nam Định"))
    ['so', 'khoa', 'hoc', 'va', 'cong', 'nghe', '@namdinh']
    """
    if not place:
        return words
    marked: list[str] = []
    i = 0
    while i < len(words):
        if words[i : i + len(place)] == place:
            marked.append("@" + "".join(place))
            i += len(place)
        else:
            marked.append(words[i])
            i += 1
    return marked


def _score(query: list[str], name: list[str], suffix: list[str]) -> int | None:
    """0 exact, 1 exact but for a trailing place name, 2 prefix, 3 all query words inside; None: no match."""
    query, name = place_marked(query, suffix), place_marked(name, suffix)
    suffix = place_marked(suffix, suffix)
    covered = prefix_length(query, name)
    if covered == len(name):
        return 0
    if covered is not None:
        left = name[covered:]
        near = bool(suffix) and left[-len(suffix) :] == suffix and len(left) <= len(suffix) + 2
        return 1 if near else 2
    return 3 if query and set(query) <= set(name) else None


def match_names(
    query: str, candidates: Mapping[str, Iterable[str]], suffixes: Mapping[str, str] | None = None
) -> list[str]:
    """Keys of ``candidates`` (key → names) whose names best match ``query``; [] when none does.

    ``suffixes`` gives, per key, a place name that may trail its names (the province of a provincial body).

    >>> names = {"a": ["Sở Khoa học và Công nghệ tỉnh Hà Nam"], "b": ["Sở Tài chính tỉnh Hà Nam"],
    ...          "c": ["Các sở, ban, ngành"]}
    >>> match_names("so khcn", names, {"a": "Hà Nam", "b": "Hà Nam"})
    ['a']
    >>> match_names("Sở KH&CN", names, {"a": "Hà Nam"})
    ['a']
    >>> match_names("ban nganh", names)
    ['c']
    >>> match_names("Sở Nội vụ", names)
    []
    """
    suffixes = suffixes or {}
    best: dict[int, set[str]] = {}
    for variant in _expansions(query):
        words = tokens(variant)
        for key, names in candidates.items():
            suffix = tokens(suffixes.get(key) or "")
            scores = [s for s in (_score(words, tokens(n), suffix) for n in names) if s is not None]
            if scores:
                # a name as printed ("Sở KH&CN") and a full name with its province are equally exact
                best.setdefault(max(min(scores), 1), set()).add(key)
    return sorted(best[min(best)]) if best else []


def closest(query: str, names: Iterable[str], n: int = 5, cutoff: float = 0.4) -> list[str]:
    """The names most like ``query`` (diacritics ignored), best first, for "did you mean" hints.

    A name is compared whole and by its first words (as many as the query has), so a short query is not
    penalised for the province a full name ends with.

    >>> closest("so khoa hoc cong nge", ["Sở Khoa học và Công nghệ tỉnh Hà Nam", "Sở Y tế tỉnh Hà Nam"])
    ['Sở Khoa học và Công nghệ tỉnh Hà Nam']
    >>> closest("so khcnn", ["Sở Công Thương", "Sở Khoa học và Công nghệ"])[0]
    'Sở Khoa học và Công nghệ'
    >>> closest("xyz", ["Sở Y tế"])
    []
    """
    want = " ".join(tokens(query))
    scored = []
    for name in sorted(set(names)):
        words = tokens(name)
        head = " ".join(words[: len(want.split())])
        ratio = max(_ratio(want, " ".join(words)), _ratio(want, head), *_abbreviated_ratios(want, words))
        if ratio >= cutoff:
            scored.append((-ratio, fold(name), name))
    return [name for _, _, name in sorted(scored)[:n]]


def _abbreviated_ratios(want: str, words: list[str]) -> list[float]:
    """Similarity of ``want`` to the abbreviated forms of the name's leading words ("so khcn" for "Sở Khoa
    học và Công nghệ ..."), so a mistyped abbreviation is still matched to the name it shortens."""
    return [
        _ratio(want, f"{words[0]} {letters}")
        for k in range(2, len(words) + 1)
        for letters in sorted(_initials(words[1:k]))
    ]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def same_place(a: str | None, b: str | None) -> bool:
    """True when two place names agree without diacritics, or one contains the other.

    >>> same_place("Lam Dong", "Lâm Đồng"), same_place("tỉnh Lâm Đồng", "Lâm Đồng")
    (True, True)
    >>> same_place("Hà Nam", None)
    False
    """
    if not a or not b:
        return False
    x, y = " ".join(tokens(a)), " ".join(tokens(b))
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "
