"""Load the domain vocabulary kept as data under data/vocab/.

Every vocabulary file is YAML with a top-level ``entries`` list; every entry carries ``examples`` (strings
that the entry must match or produce) which tests/lexicon/test_vocab.py checks. Code holds mechanisms;
facts live there.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from kg.errors import VocabularyError
from kg.paths import VOCAB_DIR


@cache
def load(name: str) -> tuple[dict[str, Any], ...]:
    """Entries of data/vocab/<name>.yaml, validated to have ``examples``; cached per process."""
    path = VOCAB_DIR / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise VocabularyError(f"{path}: vocabulary file is missing") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}") from exc
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise VocabularyError(f"{path}: expected a mapping with an 'entries' list")
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or "examples" not in entry:
            raise VocabularyError(f"{path}: entry {i} has no 'examples'")
    return tuple(entries)


def names() -> list[str]:
    """The vocabulary files present, by stem."""
    return sorted(p.stem for p in VOCAB_DIR.glob("*.yaml"))
