"""kg.normalize.chars cleans a text as the per-cluster loop does (issue 15), or leaves it to that loop."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kg.normalize.chars import clean, tidy_lines
from kg.normalize.text import _clean_chars, _tidy
from kg.text.aligned import _OLD_TONE_RE, _OLD_TONES
from kg.text.variants import VARIANTS

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")
)


def _old_tidy_lines(text: str, offsets: list[int]) -> list[tuple[str, list[int]]]:
    """Lines tidied one character at a time (what ``tidy_lines`` replaced)."""
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append(_tidy(list(line), offsets[at : at + len(line)]))
        at += len(line) + 1
    return lines


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_clean_equals_the_per_cluster_loop_on_the_corpus(variant: str) -> None:
    for path in TEXTS:
        raw = VARIANTS[variant](path.read_text(encoding="utf-8"))
        fast = clean(raw)
        if fast is not None:
            assert fast == _clean_chars(raw), path.name
            assert tidy_lines(*fast) == _old_tidy_lines(*fast), path.name


def test_clean_equals_the_per_cluster_loop_on_odd_characters() -> None:
    odd = "ab Sở\n\r\t\u00a0ĐÐð\u2028\ufeff\u212b\u2000\x0b*|"
    pieces = [*odd, "  ", "\r\n", "\u200b", "\u0301", "с"]
    rng = random.Random(15)
    for _ in range(3000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        fast = clean(raw)
        if fast is not None:
            assert fast == _clean_chars(raw), repr(raw)
            assert tidy_lines(*fast) == _old_tidy_lines(*fast), repr(raw)


def test_marks_breaks_and_lookalikes_are_left_to_the_loop() -> None:
    assert clean("to\u0301") is None and clean("chủ\u200btrì") is None and clean("Căn сứ") is None


def test_old_tones_are_found_where_the_old_alternation_found_them() -> None:
    old = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONES) + r")(?![\wÀ-ỹ])", re.IGNORECASE)
    letters = "qQoOuUàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ x\n"
    rng = random.Random(15)
    for _ in range(20000):
        s = "".join(rng.choice(letters) for _ in range(rng.randint(0, 8)))
        assert [m.span() for m in _OLD_TONE_RE.finditer(s)] == [m.span() for m in old.finditer(s)], repr(s)
