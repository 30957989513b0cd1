"""Quantitative targets: value or range, comparator, unit, target year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.extract import extract_file
from kg.extract.targets import extract_targets
from kg.models import Target
from kg.normalize import normalize
from kg.paths import ROOT
from kg.segment import segment
from kg.text.strings import fold


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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("a) Thu ngân sách đạt ít nhất 4.500 tỷ đồng.", (">=", 4500.0, None, None, "tỷ đồng", 2025)),
        ("b) Tốc độ tăng trưởng GRDP năm 2026 đạt 8% trở lên.", (">=", 8.0, None, None, "%", 2026)),
        (
            "c) Xây dựng từ 03-05 vùng sản xuất ứng dụng công nghệ cao.",
            ("range", None, 3.0, 5.0, "vùng", 2025),
        ),
        ("d) Tỷ lệ hộ nghèo giảm 1,5% so với năm 2024.", ("=", 1.5, None, None, "%", 2025)),
    ],
)
def test_target_sentence_round3(sentence: str, expected: tuple[object, ...]) -> None:
    assert expected in _targets(sentence)


@pytest.mark.parametrize(
    ("why", "sentence"),
    [
        ("a budget allocation is no goal", "a) Kinh phí thực hiện 500 triệu đồng từ ngân sách tỉnh."),
        ("a rating qualifies a noun", "b) Sản phẩm OCOP đạt từ 4 sao."),
        (
            "a count of another document's content",
            "c) Phục vụ 04 nhiệm vụ trọng tâm theo Nghị quyết Đảng bộ.",
        ),
        ("a time span", "d) Hoàn thành trong 5 năm."),
    ],
)
def test_not_targets(why: str, sentence: str) -> None:
    assert _targets(sentence) == []


def test_indicator_is_the_measured_phrase() -> None:
    text = normalize(
        "KẾ HOẠCH\n\nII. MỤC TIÊU\n\n- Đến năm 2030, tỷ trọng kinh tế số đạt 20% GRDP, "
        "trong đó kinh phí từ xã hội chiếm hơn 60%.\n"
        "- Phấn đấu có 70% kết quả nghiên cứu khoa học được chuyển giao vào năm 2030.\n"
    )
    got = {t.indicator: (t.value, t.year) for t in extract_targets(text, segment(text))}
    assert got == {
        "tỷ trọng kinh tế số": (20.0, 2030),
        "kinh phí từ xã hội": (60.0, 2030),
        "kết quả nghiên cứu khoa học được chuyển giao": (70.0, 2030),
    }


# ---------------------------------------------------------- hand-labelled gold (tests/fixtures/targets)
GOLD = sorted((Path(__file__).parents[1] / "fixtures" / "targets").glob("*.json"))


def _matches(t: Target, g: dict[str, Any]) -> bool:
    """Same numbers, comparator, unit and year, and the gold's head words inside the predicted indicator."""
    return (
        (t.value, t.min_value, t.max_value) == (g["value"], g["min_value"], g["max_value"])
        and t.comparator == g["comparator"]
        and fold(t.unit or "") == fold(g["unit"])
        and t.year == g["year"]
        and fold(g["indicator"]) in fold(t.indicator)
    )


def _counts() -> tuple[int, int, int, list[str]]:
    tp = n_pred = n_gold = 0
    misses: list[str] = []
    for path in GOLD:
        gold = json.loads(path.read_text(encoding="utf-8"))
        pred = extract_file(ROOT / gold["source"]).targets
        free = list(pred)
        for g in gold["targets"]:
            hit = next((t for t in free if _matches(t, g)), None)
            if hit:
                free.remove(hit)
                tp += 1
            else:
                misses.append(f"{path.stem}: missed {g}")
        misses += [
            f"{path.stem}: extra {t.indicator!r} {t.value or (t.min_value, t.max_value)}" for t in free
        ]
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold["targets"])
    return tp, n_pred, n_gold, misses


def test_targets_match_hand_labelled_gold() -> None:
    """Precision and recall >= 0.9 over the hand-labelled texts (every field of a target must match)."""
    assert len(GOLD) >= 4
    tp, n_pred, n_gold, misses = _counts()
    assert tp / n_pred >= 0.9 and tp / n_gold >= 0.9, f"P={tp}/{n_pred} R={tp}/{n_gold}\n" + "\n".join(misses)


@pytest.mark.parametrize(
    ("why", "sentence", "expected"),
    [
        (
            "'ít nhất' before a list's first number reaches the next item after a comma",
            "c) Có ít nhất 5 ý tưởng, dự án khởi nghiệp, 02 doanh nghiệp nhỏ và vừa được hỗ trợ.",
            [(">=", 5.0, None, None, "ý tưởng", 2025), (">=", 2.0, None, None, "doanh nghiệp", 2025)],
        ),
        (
            "a new measuring verb states its own comparator",
            "a) Tỷ lệ xã đạt chuẩn trên 50%, tỷ lệ hộ dùng internet đạt 30%.",
            [(">", 50.0, None, None, "%", 2025), ("=", 30.0, None, None, "%", 2025)],
        ),
        (
            "a ';' ends the list",
            "b) Có ít nhất 3 vùng sản xuất; 02 sản phẩm được đăng ký.",
            [(">=", 3.0, None, None, "vùng", 2025), ("=", 2.0, None, None, "sản phẩm", 2025)],
        ),
    ],
)
def test_comparator_of_a_list(why: str, sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert _targets(sentence) == expected, why


def test_news_headline_restating_the_body_is_not_a_second_target() -> None:
    """The page headline words a body target its own way (no comparator, other indicator tail): the
    body's statement is the target, once."""
    text = normalize(
        "Tin tức\n\nTây Ninh phấn đấu 80% doanh nghiệp dùng hợp đồng điện tử vào năm 2030\n\n"
        "Ngày 5/3, UBND tỉnh Tây Ninh ban hành Kế hoạch số 30/KH-UBND về phát triển kinh tế số. "
        "Theo kế hoạch, đến năm 2030, tỉnh phấn đấu có trên 80% doanh nghiệp nhỏ và vừa sử dụng hợp đồng "
        "điện tử; 100% xã có điểm phục vụ.\n"
    )
    got = [(t.comparator, t.value, t.year) for t in extract_targets(text, segment(text))]
    assert got == [(">", 80.0, 2030), ("=", 100.0, 2030)]


def test_a_headline_stating_its_own_target_is_kept() -> None:
    text = normalize(
        "Tin tức\n\nGia Lai phấn đấu 100% cơ quan kết nối dữ liệu vào năm 2030\n\n"
        "Theo kế hoạch, đến năm 2030, tỷ trọng kinh tế số đạt 20% GRDP.\n"
    )
    assert sorted(t.value or 0 for t in extract_targets(text, segment(text))) == [20.0, 100.0]
