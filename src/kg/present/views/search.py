"""Search: what a node can be found by (its keys) and how hits are ranked.

Each key is normalised with ``norm`` (kg.text.strings.fold, then punctuation to spaces); the page's script
normalises the query the same way (viz.js ``norm``). A node's keys are its names (with abbreviations and
initialisms), its document number, the name of its document type and its province, so "so khoa hoc",
"Sở KH&CN", "so khcn lam dong" and "ket luan 69" find what a reader means. Hits are ranked (``ranked``): the
document number > the whole name > every word a word of the keys > every word the start of one > a
substring; ties go to the higher lineage tier, then the name. viz.js mirrors ``rank_of`` and ``ranked``;
tests check both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.present.views.model import AGENCY, AGENCY_GROUP, PROVINCE, TASK, VNode
from kg.text.strings import fold

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


# --- ranking ---------------------------------------------------------------------------------------------
# Tiers of a hit, best first. viz.js (rankOf) applies the same rule to the same keys; tests pin both.
NUMBER, NAME, ALL_TOKENS, PREFIX, SUBSTRING = range(5)
# Ties go to the higher tier: documents by lineage tier (0 central party … 5 unknown), then provinces, then
# agencies, then tasks (a task's text names many things; the thing itself should come first).
DOCUMENT_TIER_END, PROVINCE_TIER, AGENCY_TIER, TASK_TIER = 5, 6, 7, 8


@dataclass(frozen=True)
class Entry:
    """What a node is searched by: its search keys, its document number's key ("" when it has none), its
    search tier (ties go to the higher one, ``search_tier``) and the name shown in the result list."""

    id: str
    name: str
    keys: tuple[str, ...]
    number: str = ""
    tier: int = TASK_TIER


def tokens(keys: Iterable[str]) -> frozenset[str]:
    """Every word of every key (keys are already normalised)."""
    return frozenset(w for k in keys for w in k.split())


def rank_of(query: str, entry: Entry) -> int | None:
    """The tier of ``entry`` for ``query`` (NUMBER … SUBSTRING), None when it does not match.

    The query that is the entry's whole name ranks next after a document number: "kon tum" is the province
    Kon Tum before the plans keyed by their province. Other words are compared in any order, so
    "so khcn lam dong" finds the entry keyed "so khcn" and "lam dong"; a type word typed in full ("ket luan")
    matches the type's name among the keys, its code ("kl") the document number.

    >>> e = Entry("x", "69-KL/TW", ("69 kl tw", "ket luan", "conclusion"), "69 kl tw", 0)
    >>> [rank_of(q, e) for q in ("ket luan 69", "69-KL/TW", "ket luan", "ket lu", "uan", "ket luan 70")]
    [0, 0, 2, 3, 4, None]
    >>> rank_of("kon tum", Entry("p", "Kon Tum", ("kon tum", "tinh")))
    1
    """
    q = norm(query)
    if not q:
        return None
    have = tokens(entry.keys)
    words = joined(q.split(), have)
    if entry.number and _number_hit(q, words, entry.number, have):
        return NUMBER
    compact = q.replace(" ", "")
    if compact == norm(entry.name).replace(" ", ""):
        return NAME
    if all(w in have for w in words) or any(compact == k.replace(" ", "") for k in entry.keys):
        return ALL_TOKENS
    if all(any(t.startswith(w) for t in have) for w in words):
        return PREFIX
    return SUBSTRING if matches(q, entry.keys) else None


def joined(words: list[str], have: frozenset[str]) -> list[str]:
    """``words`` with a word the keys lack joined to the next when together they are a word of the keys:
    "Sở KH&CN" is typed as "so kh cn" and keyed "so khcn".

    >>> joined(["so", "kh", "cn"], frozenset({"so", "khcn"}))
    ['so', 'khcn']
    """
    out, i = [], 0
    while i < len(words):
        if words[i] not in have and i + 1 < len(words) and words[i] + words[i + 1] in have:
            out.append(words[i] + words[i + 1])
            i += 2
        else:
            out.append(words[i])
            i += 1
    return out


def _number_hit(q: str, words: list[str], number: str, have: frozenset[str]) -> bool:
    """The query is the number, or names its leading digits and otherwise only words of the entry."""
    if q.replace(" ", "") == number.replace(" ", ""):
        return True
    lead = number.split()[0]
    return lead.isdigit() and lead in words and all(w in have for w in words)


def ranked(query: str, entries: Iterable[Entry]) -> list[Entry]:
    """Entries matching ``query``, best first: tier of the hit, then lineage tier, then name, then id.

    >>> a = Entry("a", "20-NQ/TU (Lâm Đồng)", ("20 nq tu", "nghi quyet", "lam dong"), "20 nq tu", 3)
    >>> b = Entry("b", "20-NQ/TW", ("20 nq tw", "nghi quyet"), "20 nq tw", 0)
    >>> [e.name for e in ranked("nghi quyet 20", [a, b])]
    ['20-NQ/TW', '20-NQ/TU (Lâm Đồng)']
    """
    hits = [(r, e) for e in entries if (r := rank_of(query, e)) is not None]
    hits.sort(key=lambda h: (h[0], h[1].tier, norm(h[1].name), h[1].name, h[1].id))
    return [e for _, e in hits]


def entry_of(node: VNode) -> Entry:
    """The search entry of a view node (the page script ranks the same fields of its JSON)."""
    return Entry(node.id, node.label_vi, node.search, node.number, search_tier(node))


def search_tier(node: VNode) -> int:
    """Where ``node`` goes among hits of the same rank: documents by lineage tier, then provinces, agencies,
    tasks."""
    if node.kind == PROVINCE:
        return PROVINCE_TIER
    if node.kind in (AGENCY, AGENCY_GROUP):
        return AGENCY_TIER
    if node.kind == TASK:
        return TASK_TIER
    return DOCUMENT_TIER_END if node.tier is None else min(node.tier, DOCUMENT_TIER_END)
