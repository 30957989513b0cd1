"""The extractor on held-out texts it was not developed on (tests/fixtures/unseen, see its README).

A provincial party action programme, a ministry plan in NFD with hard line breaks and NBSPs, and a People's
Committee official letter: the same thresholds as the gold test, so the rules must be general.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.extract import extract_file
from kg.quality.evaluate import Scores, score

UNSEEN = Path(__file__).parents[1] / "fixtures" / "unseen"
CASES = sorted(UNSEEN.glob("*.txt"))


def _score(text: Path) -> Scores:
    gold = json.loads(text.with_suffix(".gold.json").read_text(encoding="utf-8"))
    return score(extract_file(text).to_json(), gold)


@pytest.fixture(scope="module")
def total() -> Scores:
    acc = Scores()
    for case in CASES:
        acc.add(_score(case))
    return acc


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_each_unseen_text_gets_its_identity(case: Path) -> None:
    s = _score(case)
    assert s.metadata >= 5 / 6, s.meta_wrong


def test_unseen_references(total: Scores) -> None:
    assert total.references.f1 >= 0.95, total.references


def test_unseen_lineage(total: Scores) -> None:
    assert total.lineage.f1 >= 0.90, total.lineage


def test_unseen_agency_roles(total: Scores) -> None:
    assert total.agency_roles.f1 >= 0.90, total.agency_roles


def test_unseen_metadata(total: Scores) -> None:
    assert total.metadata >= 0.95, total.meta_wrong
