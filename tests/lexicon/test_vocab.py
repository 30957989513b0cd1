"""Every data/vocab/*.yaml entry's examples behave as the entry says (checker named by the file)."""

from __future__ import annotations

import pytest
from vocab_checks import check_examples

from kg.lexicon import vocab


@pytest.mark.parametrize("name", vocab.names())
def test_vocabulary_examples_hold(name: str) -> None:
    problems = check_examples(name)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", vocab.names())
def test_vocabulary_ids_are_unique(name: str) -> None:
    """An id names one entry: a second entry with the same id would silently shadow the first."""
    ids = [e["id"] for e in vocab.load(name) if "id" in e]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []
