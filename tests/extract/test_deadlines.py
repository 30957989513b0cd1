"""Deadlines that govern a task (NOTES.md G9), and their parsed form."""

from __future__ import annotations

import pytest

from kg.extract.deadlines import deadline_clause, find_deadline, parse_deadline

FOUND = [
    ("Năm 2024-2025", "Năm 2024-2025"),
    ("Thường xuyên hàng năm", "Thường xuyên hàng năm"),
    (
        "hàng năm báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/11 để tổng hợp",
        "trước ngày 15/11",
    ),
    ("Hàng năm, vào tháng 11, các Sở, Ngành có trách nhiệm báo cáo", "Hàng năm, vào tháng 11"),
    ("Đôn đốc, kiểm tra, định kỳ hàng năm báo cáo UBND tỉnh", "định kỳ hàng năm"),
    ("Hoàn thành trước 31/12/2025", "trước 31/12/2025"),
    # the quarter itself is the timeframe ("trong" is the clause's, as in the held-out gold records)
    ("Tổ chức sơ kết trong Quý III/2026", "Quý III/2026"),
    ("xây dựng cơ sở dữ liệu của tỉnh, hoàn thành trong năm 2025", "trong năm 2025"),
    ("theo dõi, tổng hợp, báo cáo Bộ trưởng trước ngày 15/12 hằng năm", "trước ngày 15/12 hằng năm"),
    ("Hàng năm tổng hợp, báo cáo kết quả thực hiện theo quy định", "Hàng năm"),
]
NOT_FOUND = [
    "tham mưu UBND tỉnh cân đối và bố trí ngân sách hàng năm cho hoạt động KH&CN",
    "lồng ghép vào kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức hàng năm",
    "định kỳ báo cáo UBND tỉnh về tình hình thực hiện",
    "báo cáo Bộ Khoa học và Công nghệ định kỳ hoặc đột xuất theo yêu cầu",
    "xây dựng chương trình hỗ trợ các sản phẩm chủ lực giai đoạn 2021-2025",
]


@pytest.mark.parametrize(("task", "phrase"), FOUND)
def test_governing_time_expression_is_found_verbatim(task: str, phrase: str) -> None:
    found = find_deadline(task)
    assert found is not None and found[0] == phrase
    assert task[found[1] : found[2]] == phrase


@pytest.mark.parametrize("task", NOT_FOUND)
def test_hang_nam_qualifying_a_noun_is_no_deadline(task: str) -> None:
    assert find_deadline(task) is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Năm 2024-2025", {"start": "2024", "end": "2025"}),
        ("Quý III/2026", {"start": "2026-07-01", "end": "2026-09-30"}),
        ("trước 31/12/2025", {"end": "2025-12-31"}),
        ("6 tháng đầu năm 2025", {"start": "2025-01-01", "end": "2025-06-30"}),
        ("Thường xuyên hàng năm", {"recurrence": "annual"}),
    ],
)
def test_parse_deadline_gives_dates_for_the_graph(phrase: str, expected: dict[str, str]) -> None:
    parsed = parse_deadline(phrase)
    assert {k: parsed.get(k) for k in expected} == expected


# A clause cut off by ";" that holds only a timeframe belongs to the task before it.
CLAUSES = [
    (" hoàn thành trong Quý I/2025.", "Quý I/2025"),
    (" thời gian thực hiện: 2025-2026", "2025-2026"),
    (" hoàn thành trước ngày 30/11/2024.", "trước ngày 30/11/2024"),
    ("thời hạn hoàn thành: trước ngày 15/12/2025", "trước ngày 15/12/2025"),
    ("hoàn thành trong năm 2025", "trong năm 2025"),
    ("xong trong tháng 9/2025", "trong tháng 9/2025"),
]
NOT_CLAUSES = [
    "hoàn thành các mục tiêu của Kế hoạch trong năm 2025",
    "tổng hợp, báo cáo kết quả trước ngày 15/11",
    "tổ chức sơ kết 6 tháng đầu năm 2025",
]


@pytest.mark.parametrize(("clause", "phrase"), CLAUSES)
def test_deadline_only_clause_gives_its_phrase(clause: str, phrase: str) -> None:
    found = deadline_clause(clause)
    assert found is not None and found[0] == phrase
    assert clause[found[1] : found[2]] == phrase


@pytest.mark.parametrize("clause", NOT_CLAUSES)
def test_clause_with_a_task_is_not_a_deadline_clause(clause: str) -> None:
    assert deadline_clause(clause) is None
