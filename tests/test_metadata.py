# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Document metadata for the kinds of text researchers feed: UBND plans, decisions, party programmes, news."""

from __future__ import annotations

import pytest

from kg.extract import extract_text

CASES = [
    (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n-------\n\nSố: 4655/KH-UBND\n\nLâm Đồng, ngày 10 tháng 6 năm 2024\n\nKẾ HOẠCH\n\n"
        "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW\n\nI. MỤC ĐÍCH\n\n1. Một.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhạm S",
        (
            "4655/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
            "2024-06-10",
            "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW",
            "Phạm S",
        ),
    ),
    (
        "Số: /KH-UBND\n\nNam Định, ngày tháng 06 năm 2024\n\nKẾ HOẠCH\n\nThực hiện Chương trình số 47/CTr-TU\n\n"
        "Thực hiện Chương trình số 47/CTr-TU. Ủy ban nhân dân tỉnh Nam Định ban hành Kế hoạch thực hiện như sau:\n\nI. MỤC ĐÍCH",
        (
            None,
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Nam Định",
            "2024-06",
            "Thực hiện Chương trình số 47/CTr-TU",
            None,
        ),
    ),
    (
        "TỈNH ỦY NAM ĐỊNH\n*\nSố 47-CTr/TU\n\nNam Định, ngày 31 tháng 5 năm 2024\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Kết luận số 69-KL/TW\n\nI. MỤC TIÊU\n\n- Một.",
        (
            "47-CTr/TU",
            "Chương trình hành động",
            "Tỉnh ủy Nam Định",
            "2024-05-31",
            "thực hiện Kết luận số 69-KL/TW",
            None,
        ),
    ),
    (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\n-------\n\nSố: 1234/KH-BKHCN\n\nHà Nội, ngày 02 tháng 7 năm 2024\n\nKẾ HOẠCH\n\n"
        "Triển khai Nghị quyết số 88/NQ-CP\n\nI. MỤC ĐÍCH\n\n1. Một.",
        (
            "1234/KH-BKHCN",
            "Kế hoạch",
            "Bộ Khoa học và Công nghệ",
            "2024-07-02",
            "Triển khai Nghị quyết số 88/NQ-CP",
            None,
        ),
    ),
    (
        "Ngày 03/12/2020, UBND tỉnh Kon Tum ban hành Kế hoạch số 4485/KH-UBND về việc phát triển khoa học và công nghệ "
        "giai đoạn 2021 – 2025. Theo đó, Kế hoạch nêu rõ.",
        (
            "4485/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Kon Tum",
            "2020-12-03",
            "Phát triển khoa học và công nghệ giai đoạn 2021 – 2025",
            None,
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_document_metadata(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date, d.title, d.signer) == expected


def test_metadata_spans_quote_the_original() -> None:
    text = CASES[0][0].replace(" ", "\u00a0", 3)
    d = extract_text(text).document
    assert d.spans["number"].quote == "4655/KH-UBND"
    assert text[d.spans["signer"].start : d.spans["signer"].end] == "Phạm S"
