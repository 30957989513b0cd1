"""Every data/vocab/*.yaml entry's examples behave as the entry says (checker named by the file)."""

from __future__ import annotations

import pytest

from kg import vocab
from kg.vocab_checks import check_examples


@pytest.mark.parametrize("name", vocab.names())
def test_vocabulary_examples_hold(name: str) -> None:
    problems = check_examples(name)
    assert not problems, "\n".join(problems)
