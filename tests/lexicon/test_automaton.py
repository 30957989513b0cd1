"""One automaton pass (kg.lexicon.automaton) answers what a regex alternation of the phrases answered."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from kg.lexicon.automaton import PhraseSet
from kg.lexicon.gazetteer import all_entries
from kg.text.aligned import fold_keep_length, modern_tones
from kg.text.strings import nfc

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"


def _pattern(form: str) -> str:
    body = re.escape(form).replace(r"\ ", r"\s+").replace(r"\&", r"\s*&\s*")
    return rf"(?<![\w&])(?:{body})(?![\w&])"


@cache
def _forms() -> tuple[str, ...]:
    """Every printed agency name of the gazetteer, folded (old and modern tone placement)."""
    names = [
        str(n)
        for e in all_entries()
        if e.get("kind") != "group"
        for n in (e["name_vi"], *(e.get("variants") or ()), *(e.get("aliases") or ()))
    ]
    forms = {fold_keep_length(nfc(n)) for n in names} | {
        fold_keep_length(modern_tones(nfc(n))) for n in names
    }
    return tuple(f for f in forms if len(f) > 2)


def test_longest_name_wins_over_spaces_and_line_breaks() -> None:
    names = PhraseSet(["so tai chinh", "so tai chinh tinh", "bo kh&cn"], _pattern)
    text = "Giao Sở Tài   chính\ntỉnh Lâm Đồng và Bộ KH & CN"
    m = names.match(text, 5)
    assert m is not None and text[5 : m.end()] == "Sở Tài   chính\ntỉnh"
    m = names.match(text, text.index("Bộ"))
    assert m is not None and text[m.start() : m.end()] == "Bộ KH & CN"
    assert names.match(text, 6) is None  # not at a word's start
    assert names.match("Sở Tài chínhx", 0) is None  # not a whole word


@pytest.mark.parametrize("name", ["cp_chinh-phu_380-nq-cp_2025", "ttg_thu-tuong-chinh-phu_2597-qd-ttg_2025"])
def test_same_match_as_the_alternation_at_every_position_of_a_real_text(name: str) -> None:
    forms = _forms()
    alternation = re.compile("|".join(_pattern(f) for f in sorted(forms, key=lambda f: (-len(f), f))))
    names = PhraseSet(forms, _pattern)
    text = (REAL / f"{name}.txt").read_text(encoding="utf-8")[:20000]
    folded = fold_keep_length(text)
    found = 0
    for pos in range(len(text)):
        expected = alternation.match(folded, pos)
        got = names.match(text, pos)
        assert (got and got.span()) == (expected and expected.span()), (pos, text[pos : pos + 40])
        found += bool(got)
    assert found > 10
