"""Document symbols: found in running text in every printed shape, canonicalized per SCHEMA.md."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.symbols import canonical_number, find_symbols, identity_number

FOUND = [
    ("Kết luận số 69-KL/TW ngày 11/01/2024", ["69-KL/TW"]),
    ("Kế hoạch số 116-KH/TU của Ban Thường vụ", ["116-KH/TU"]),
    ("Chương trình hành động số 104-CTr/TU", ["104-CTr/TU"]),
    ("Công văn số 2449-CV/ĐU của Đảng ủy", ["2449-CV/ĐU"]),
    ("Kế hoạch số 4655/KH-UBND ngày 10/6/2024", ["4655/KH-UBND"]),
    ("Quyết định số: 2245/QĐ-TTg ngày 11/12/2015", ["2245/QĐ-TTg"]),
    ("Nghị quyết số 88/NQ-CP của Chính phủ", ["88/NQ-CP"]),
    ("Công văn số 9387/UBND-KT ngày 5/11", ["9387/UBND-KT"]),
    ("tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5", ["19/TTr-SKHCN"]),
    ("Nghị định số 08/2014/NĐ-CP và Luật số 29/2013/QH13", ["08/2014/NĐ-CP", "29/2013/QH13"]),
    ("Quyết định số 1466/QÐ-UBND", ["1466/QĐ-UBND"]),  # Icelandic eth
    ("thực hiện 02-03 nhiệm vụ, 15-20 nhiệm vụ, ngày 10/06/2024", []),
    ("Công văn số 2874/SYT-NVY ngày 23/5/2025 của Sở Y tế", ["2874/SYT-NVY"]),  # issuer code not listed
    ("Công điện số 61/CĐ-TTg ngày 20/5/2025", ["61/CĐ-TTg"]),
    ("Thông tư số 05/2024/TT-BKHCN và Kế hoạch số 12/kh-ubnd", ["05/2024/TT-BKHCN", "12/KH-UBND"]),
    ("tuyến 12/QL-HCM và mã 3/AB-CD", []),  # slash-and-dash strings not after "số" are not symbols
    ("Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014", ["1249a/CTPH-UBDT-BTP"]),  # number with a letter
    (  # a joint resolution's long issuer code (13 letters) is read whole
        "Nghị quyết liên tịch số 102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN ngày 18/7/2025",
        ["102/2025/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN"],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), FOUND)
def test_symbols_are_found_in_real_sentences(sentence: str, expected: list[str]) -> None:
    assert [s.number for s in find_symbols(sentence.replace("Ð", "Đ"))] == expected


CANONICAL = [
    ("50/KL-TW", "50-KL/TW"),  # central party symbol misprinted in the state shape
    ("47/Ctr-TU", "47/CTr-TU"),
    ("104-CTr/Tu", "104-CTr/TU"),
    ("1466/QÐ-UBND", "1466/QĐ-UBND"),
    ("19/ttr-SKHCN", "19/TTr-SKHCN"),
    ("2245/QĐ-TTG", "2245/QĐ-TTg"),
    ("69-KL/TW", "69-KL/TW"),
]


@pytest.mark.parametrize(("printed", "canonical"), CANONICAL)
def test_canonical_number_fixes_obvious_typos(printed: str, canonical: str) -> None:
    assert canonical_number(printed) == canonical


def test_party_symbols_in_either_shape_are_one_document() -> None:
    assert identity_number("47/CTr-TU") == identity_number("47-CTr/TU")
    assert identity_number("20-NQ/TW") != identity_number("20-NQ/TU")


@given(st.text(max_size=40))
def test_canonicalization_is_idempotent(s: str) -> None:
    once = canonical_number(s)
    assert canonical_number(once) == once


@given(st.from_regex(r"\d{1,4}[-/](KH|NQ|KL|QĐ|CTr|Ctr|TTr)[-/](TW|TU|UBND|TTg|CP)", fullmatch=True))
def test_canonicalization_is_idempotent_on_symbols(s: str) -> None:
    once = canonical_number(s)
    assert canonical_number(once) == once
    assert identity_number(once) == identity_number(s)
