"""Quantitative targets: value or range, comparator, unit, target year."""

from __future__ import annotations

import pytest

from kg.extract.targets import extract_targets
from kg.normalize import normalize
from kg.segment import segment


def _targets(body: str) -> list[tuple[object, ...]]:
    text = normalize("KẾ HOẠCH\n\nII. MỤC TIÊU\n\n1. Đến năm 2025\n\n" + body + "\n")
    return [
        (t.comparator, t.value, t.min_value, t.max_value, t.unit, t.year)
        for t in extract_targets(text, segment(text))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("a) Trên 60% nhiệm vụ KH&CN ứng dụng vào thực tiễn.", (">", 60.0, None, None, "%", 2025)),
        (
            "b) Thành lập 02-03 doanh nghiệp khoa học và công nghệ.",
            ("range", None, 2.0, 3.0, "doanh nghiệp", 2025),
        ),
        ("c) Có ít nhất 5 ý tưởng khởi nghiệp được hỗ trợ.", (">=", 5.0, None, None, "ý tưởng", 2025)),
        ("d) Tỷ trọng đóng góp đạt 1,5% GRDP.", ("=", 1.5, None, None, "%", 2025)),
        (
            "đ) Chuyển giao 70% kết quả nghiên cứu cho doanh nghiệp vào năm 2030.",
            ("=", 70.0, None, None, "%", 2030),
        ),
        ("e) Số doanh nghiệp đổi mới công nghệ tăng 10%/năm.", ("=", 10.0, None, None, "%/năm", 2025)),
    ],
)
def test_target_sentence(sentence: str, expected: tuple[object, ...]) -> None:
    assert expected in _targets(sentence)


def test_dates_and_symbols_are_not_targets() -> None:
    assert _targets("a) Thực hiện Kết luận số 69-KL/TW ngày 11/01/2024 trong năm 2025.") == []
