"""The word starts the subject readers skip (issue 15) are ones where no agency list can start.

``mentions.list_starts`` lists, once per sentence, the word starts where ``parse_agency_list`` or
``agencies_at`` may find agencies; the readers try only those. Tried at every word start of every sentence
of the seed texts, as the readers did before, every list found starts at a listed start.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.extract.assignments.mentions import agencies_at, list_starts
from kg.extract.assignments.split import sentences
from kg.lexicon.gazetteer import parse_agency_list
from kg.normalize import normalize

SEEDS = sorted((Path(__file__).resolve().parents[2] / "data" / "raw").glob("*.txt"))
_WORD_START = re.compile(r"(?:^|(?<=[\s,;(]))[^\W\d_]")


def _sentences(path: Path) -> list[str]:
    text = normalize(path.read_text(encoding="utf-8")).text
    return [para[a:b] for para in text.split("\n") for a, b in sentences(para)]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_list_starts_at_a_listed_start(path: Path) -> None:
    missed = []
    for s in _sentences(path):
        starts = set(list_starts(s))
        for m in _WORD_START.finditer(s):
            found = parse_agency_list(s, m.start())[0] or agencies_at(s, m.start(), 0, None)[0]
            if found and m.start() not in starts:
                missed.append(s[m.start() : m.start() + 40])
    assert not missed, f"lists found where list_starts skips: {missed[:5]}"


def test_most_word_starts_are_skipped() -> None:
    s = "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan tổ chức thực hiện kế hoạch này"
    # the body, the group with "các", and the group without it ("sở, ngành liên quan"); 18 words skipped
    assert [s[p : p + 6] for p in list_starts(s)] == ["Sở Tài", "các sở", "sở, ng"]
