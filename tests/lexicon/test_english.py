"""English names composed from Vietnamese agency names (kg.lexicon.english, data/vocab/english.yaml)."""

from __future__ import annotations

import re

import pytest

from kg.lexicon import vocab
from kg.lexicon.english import english_name

# A letter of Vietnamese that English does not write: any Latin letter with a diacritic, and đ/Đ.
VIETNAMESE_LETTER = re.compile(r"[À-ỹĐđ]")


@pytest.mark.parametrize("entry", vocab.load("agencies"), ids=lambda e: str(e["id"]))
def test_every_gazetteer_name_gets_an_english_name(entry: dict[str, str]) -> None:
    en = english_name(entry["name_vi"])
    assert en, f"{entry['name_vi']!r}: a word of it is not in data/vocab/english.yaml"
    assert not VIETNAMESE_LETTER.search(en), (entry["name_vi"], en)
    assert not re.search(r"\b(va|cua|tinh|huyen|so|bo|uy ban)\b", en.lower()), (entry["name_vi"], en)


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("Sở Khoa học và Công nghệ", "Department of Science and Technology"),
        ("Bộ Khoa học và Công nghệ", "Ministry of Science and Technology"),
        ("Ủy ban nhân dân tỉnh", "Provincial People's Committee"),
        ("Tỉnh ủy", "Provincial Party Committee"),
        ("Ban Thường vụ Tỉnh ủy", "Standing Committee of the Provincial Party Committee"),
        ("SỞ TÀI CHÍNH", "Department of Finance"),  # case and diacritics do not matter
        ("Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"),
    ],
)
def test_names_compose_head_and_domain(vi: str, en: str) -> None:
    assert english_name(vi) == en


def test_a_name_with_an_unknown_word_gets_none_not_half_a_translation() -> None:
    assert english_name("Sở Khoa học và Xyz") is None
    assert english_name("") is None
