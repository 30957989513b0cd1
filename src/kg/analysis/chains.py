"""Implementation chains: every path of ``implements`` edges from a root down to a chosen leaf.

One function for every place that lists chains (`kg status`, the index's chain strips, the province pages),
so they cannot disagree: callers differ only in the edges and leaves they pass in.
"""

from __future__ import annotations

from collections.abc import Iterable

Chain = tuple[str, ...]


def implementation_chains(implements: Iterable[tuple[str, str]], leaves: Iterable[str]) -> list[Chain]:
    """Chains root first, one per path up from each leaf, shortcuts dropped, in no particular order.

    ``implements`` holds (a, b) for "a implements b"; a chain of one document (a leaf that implements
    nothing) is left out. A shortcut is a chain with the same ends as a longer one that runs through all its
    documents (4655 → 69 beside 4655 → 116 → 69): the longer one says more.

    >>> sorted(implementation_chains([("p", "c"), ("c", "r"), ("p", "r")], ["p"]))
    [('r', 'c', 'p')]
    >>> implementation_chains([("a", "b"), ("b", "a")], ["a"])  # a cycle ends the walk
    [('b', 'a')]
    """
    up: dict[str, list[str]] = {}
    for a, b in implements:
        up.setdefault(a, []).append(b)
    found = [
        tuple(reversed(path))
        for leaf in sorted(set(leaves))
        for path in _paths_up(leaf, up, ())
        if len(path) > 1
    ]
    return _drop_shortcuts(found)


def _paths_up(node: str, up: dict[str, list[str]], seen: Chain) -> list[Chain]:
    here = (*seen, node)
    parents = [p for p in sorted(set(up.get(node, []))) if p not in here]  # a cycle ends the walk
    if not parents:
        return [here]
    return [path for p in parents for path in _paths_up(p, up, here)]


def _drop_shortcuts(paths: list[Chain]) -> list[Chain]:
    def inside(short: Chain, long: Chain) -> bool:
        it = iter(long)
        return all(x in it for x in short)

    return [
        p
        for p in paths
        if not any(len(q) > len(p) and q[0] == p[0] and q[-1] == p[-1] and inside(p, q) for q in paths)
    ]
