"""Folding a text once (kg.text.folded): the squeezed key and its map back to the text's offsets."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.text.aligned import fold_keep_length
from kg.text.folded import FoldedText, squeeze
from kg.text.strings import fold, nfc


def _fold_keep_length_by_character(text: str) -> str:
    """The definition the translate table implements: each character on its own, NFD without marks."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = base.replace("Đ", "D").replace("đ", "d").lower()
        out.append(base if len(base) == 1 else ch.lower()[:1] or ch)
    return "".join(out)


def _fold_whole_text(text: str) -> str:
    """``fold`` as defined on the whole text (NFC, đ→d, NFD without nonspacing marks, lower, spaces)."""
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", bare.lower()).strip()


TEXTS = ["Sở KH&CN tỉnh Đắk Lắk", "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG", "Ðồng Nai ﬁ ẞ İ ǅ", "hoá, uỷ ban"]
# Vietnamese letters, marks given apart, look-alikes, whitespace of several kinds and "&"
ALPHABET = st.sampled_from(list("aăâeêioôơuưyđĐẠỆỪỹ\u0300\u0301\u0323 \n\t\u00a0&-ﬁİΣ"))


@pytest.mark.parametrize("text", TEXTS)
def test_folds_agree_with_their_definitions(text: str) -> None:
    assert fold_keep_length(text) == _fold_keep_length_by_character(text)
    assert fold(text) == _fold_whole_text(text)


@given(st.text(ALPHABET, max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_a_slice_folds_to_the_slice_of_the_fold(text: str, i: int, j: int) -> None:
    assert fold_keep_length(text) == _fold_keep_length_by_character(text)
    assert fold_keep_length(text[i:j]) == fold_keep_length(text)[i:j]
    assert fold(text) == _fold_whole_text(text)


def test_key_squeezes_whitespace_runs_and_spaces_around_ampersand() -> None:
    ft = FoldedText("Sở  KH & CN\ntỉnh Lâm Đồng")
    assert ft.key == "so kh&cn tinh lam dong"
    at = ft.key.index("tinh")
    assert ft.text[ft.text_start(at) : ft.text_end(at + len("tinh"))] == "tỉnh"
    assert ft.key_at(ft.text.index("tỉnh")) == at
    assert ft.key_at(2) == 2 and ft.key_at(3) is None  # the second space of "Sở  KH" was squeezed away


@given(st.text(ALPHABET, max_size=30))
def test_every_key_character_maps_back_to_its_text_character(text: str) -> None:
    ft = FoldedText(text)
    assert ft.key == squeeze(fold_keep_length(text))
    for k, ch in enumerate(ft.key):
        at = ft.text_start(k)
        assert ft.key_at(at) == k
        assert ft.folded[at] == ch or (ch == " " and ft.folded[at].isspace())
