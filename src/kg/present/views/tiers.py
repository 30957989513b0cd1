"""The lineage tier of a document from its issuer: level, branch, parent agency and name as the graph states
them, matched against data/vocab/tiers.yaml (the rules are data; this module only applies them)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from kg.lexicon.vocab import load
from kg.text import fold

CENTRAL_PARTY, CENTRAL_STATE, MINISTRY, PROVINCIAL_PARTY, PROVINCIAL_STATE, DEPARTMENT, DISTRICT = range(7)


@cache
def _rules() -> tuple[tuple[dict[str, Any], tuple[re.Pattern[str], ...]], ...]:
    return tuple((e, tuple(re.compile(p) for p in e.get("names", ()))) for e in load("tiers"))


def tier_of(level: str | None, branch: str | None, names: Iterable[str], parent: bool = False) -> int | None:
    """The tier of an issuer (level and branch as local names: "central", "party", ...); None when no rule
    fits (no level in the graph).

    >>> tier_of("central", "state", ["Bộ Khoa học và Công nghệ"]), tier_of("provincial", "state", ["Sở Y tế"])
    (2, 5)
    """
    folded = [fold(n) for n in names]
    for entry, patterns in _rules():
        if entry["level"] != level or entry["branch"] not in ("any", branch):
            continue
        if entry.get("parent") and not parent:
            continue
        if patterns and not any(p.search(n) for p in patterns for n in folded):
            continue
        return int(entry["tier"])
    return None
