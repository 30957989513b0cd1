# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Lineage: typed edges from titles, Căn cứ lines, openings, and chains inside one sentence."""

from __future__ import annotations

import pytest

from kg.extract import extract_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 9/KH-UBND\n\nLâm Đồng, ngày 10 tháng 6 năm 2024\n\nKẾ HOẠCH\n\n"


def edges(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.relation, e.target) for e in extract_text(text).lineage}


CASES = [
    (
        HEAD
        + "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW NGÀY 11/01/2024 CỦA BỘ CHÍNH TRỊ VỀ VIỆC TIẾP TỤC THỰC HIỆN NGHỊ QUYẾT SỐ 20-NQ/TW\n\nI. MỤC ĐÍCH",
        {("SELF", "implements", "69-KL/TW"), ("69-KL/TW", "implements", "20-NQ/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nCăn cứ Kế hoạch số 116-KH/TU ngày 23/4/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 69-KL/TW. "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh như sau:\n\nI. MỤC ĐÍCH",
        {
            ("SELF", "based_on", "116-KH/TU"),
            ("SELF", "implements", "116-KH/TU"),
            ("116-KH/TU", "implements", "69-KL/TW"),
        },
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n- Kế hoạch số 7886/KH-UBND ngày 03/12/2019 thực hiện Kế hoạch số 101-KH/TU ngày 03/9/2019 "
        "của Tỉnh ủy thực hiện Kết luận số 50/KL-TW ngày 30/5/2019 của Ban Bí thư.",
        {("7886/KH-UBND", "implements", "101-KH/TU"), ("101-KH/TU", "implements", "50-KL/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n- Kế hoạch số 1819/KH-UBND ngày 02/4/2019 thực hiện Đề án “Thúc đẩy chuyển giao”.\n"
        "- Quyết định số 892/QĐ-UBND ngày 24/5/2022 phê duyệt Chương trình phát triển tài sản trí tuệ.",
        set(),
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n1. Quyết định số 1466/QĐ-UBND ban hành Kế hoạch triển khai thực hiện Kết luận số 50-KL/TW.",
        {("1466/QĐ-UBND", "implements", "50-KL/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n1. Tiếp tục thực hiện Nghị quyết số 20-NQ/TU ngày 25/7/2022 của Tỉnh ủy.",
        set(),  # G10: "tiếp tục thực hiện" in a task list is no SELF edge
    ),
    (
        "QUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH\n\nCăn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n\n"
        "Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5 năm 2016,\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành.",
        {("SELF", "based_on", "Luật Khoa học và Công nghệ")},  # G11: "Xét đề nghị" is no basis
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_lineage_edges(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


def test_news_report_self_implements_the_strategy_it_carries_out() -> None:
    text = (
        "Tin KHCN\n\nMới đây, UBND tỉnh Kon Tum đã ban hành Kế hoạch số 3549/KH-UBND về thực hiện Chiến lược quốc gia "
        "phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030 trên địa bàn tỉnh Kon Tum (Kế hoạch)."
    )
    title = "Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030"
    assert edges(text) == {("SELF", "implements", title)}
