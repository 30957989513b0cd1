"""The lineage tier of a document from its issuer: level, branch, parent agency and name as the graph states
them, matched against data/vocab/tiers.yaml (the rules are data; this module only applies them).

The file is read here with yaml rather than through kg.lexicon.vocab: present may import only the floors below
it (tests/test_architecture.py), and the tiers are a presentation rule, not a lexicon of the texts."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import yaml

from kg.errors import VocabularyError
from kg.paths import VOCAB_DIR
from kg.text import fold

CENTRAL_PARTY, CENTRAL_STATE, MINISTRY, PROVINCIAL_PARTY, PROVINCIAL_STATE, DEPARTMENT, DISTRICT = range(7)


@cache
def _rules() -> tuple[tuple[dict[str, Any], tuple[re.Pattern[str], ...]], ...]:
    path = VOCAB_DIR / "tiers.yaml"
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]
        return tuple((e, tuple(re.compile(p) for p in e.get("names", ()))) for e in entries)
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
        raise VocabularyError(f"{path}: cannot read the lineage tiers: {exc}") from exc


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
