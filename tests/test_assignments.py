"""Assignments from real document phrasing: who is lead, who is coordinate, which sentences count (G4-G9)."""

from __future__ import annotations

import pytest

from kg.extract.assignments import extract_assignments
from kg.normalize import normalize
from kg.segment import segment

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 12/KH-UBND\n\nNghệ An, ngày 3 tháng 4 năm 2025\n\n"
    "KẾ HOẠCH\n\nThực hiện chuyển đổi số\n\n"
)


def _run(body: str) -> list[tuple[str, str, str, str | None]]:
    text = normalize(HEAD + body)
    outline = segment(text)
    _, assignments, _ = extract_assignments(text, outline, outline.province)
    return [(a.agency, a.role, a.task, a.deadline) for a in assignments]


def _pairs(body: str) -> set[tuple[str, str]]:
    return {(a, r) for a, r, _, _ in _run(body)}


ORG = "I. NHIỆM VỤ\n\n1. Tuyên truyền về chuyển đổi số.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"

CASES = [
    (
        "heading addressee with partner",
        ORG
        + "1. Sở Tài chính: Chủ trì, phối hợp với Sở Nội vụ tham mưu UBND tỉnh bố trí kinh phí thực hiện.\n",
        {("Sở Tài chính", "lead"), ("Sở Nội vụ", "coordinate")},
    ),
    (
        "shared head list: every named Sở is lead; phối hợp partner is coordinate (G4)",
        ORG + "2. Các Sở: Y tế; Giáo dục và Đào tạo; Văn hóa, Thể thao và Du lịch\n\n"
        "a) Phối hợp với Sở KH&CN xây dựng cơ sở dữ liệu ngành.\n\n"
        "b) Tổ chức quán triệt đến cán bộ, công chức.\n",
        {
            ("Sở Y tế", "lead"),
            ("Sở Giáo dục và Đào tạo", "lead"),
            ("Sở Văn hóa, Thể thao và Du lịch", "lead"),
            ("Sở Khoa học và Công nghệ", "coordinate"),
        },
    ),
    (
        "addressee whose only verb is phối hợp is still lead",
        ORG + "3. Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh: Phối hợp với Sở Thông tin và Truyền thông "
        "bảo đảm an toàn thông tin mạng.\n",
        {
            ("Công an tỉnh", "lead"),
            ("Bộ Chỉ huy Quân sự tỉnh", "lead"),
            ("Sở Thông tin và Truyền thông", "coordinate"),
        },
    ),
    (
        "group joined with 'và UBND các huyện' is split (G6)",
        ORG + "4. Các sở, ban, ngành và UBND các huyện, thị xã, thành phố\n\n"
        "Hàng năm tổng hợp, báo cáo kết quả thực hiện.\n",
        {("Các sở, ban, ngành", "lead"), ("Ủy ban nhân dân các huyện, thị xã, thành phố", "lead")},
    ),
    (
        "intro 'Chủ trì, phối hợp với X:' gives X to every bullet under it",
        ORG
        + "1. Sở Nông nghiệp và Môi trường\n\na) Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan:\n\n"
        "- Rà soát quy hoạch vùng sản xuất.\n\n- Xây dựng bản đồ số đất đai.\n",
        {("Sở Nông nghiệp và Môi trường", "lead"), ("Các cơ quan, đơn vị có liên quan", "coordinate")},
    ),
    (
        "subject sentence under a non-agency heading",
        ORG + "5. Công tác báo cáo\n\n"
        "Định kỳ 6 tháng, các sở, ngành, địa phương có trách nhiệm báo cáo kết quả về Sở Nội vụ.\n",
        {("Các sở, ngành, địa phương", "lead")},
    ),
    (
        "closing addressed to agencies counts; office-holders do not (G7)",
        ORG + "1. Sở Y tế\n\nTổ chức triển khai Kế hoạch.\n\n"
        "Yêu cầu các sở, ban, ngành, địa phương triển khai thực hiện Kế hoạch này. "
        "Giám đốc các Sở, Chủ tịch UBND các huyện chịu trách nhiệm thi hành Kế hoạch này./.\n",
        {("Sở Y tế", "lead"), ("Các sở, ban, ngành, địa phương", "lead")},
    ),
    (
        "ministry subject with central group partner",
        "I. TỔ CHỨC THỰC HIỆN\n\n1. Bộ Công Thương chủ trì, phối hợp với các bộ, ngành liên quan xây dựng "
        "chương trình xúc tiến thương mại.\n",
        {("Bộ Công Thương", "lead"), ("Các bộ, ngành liên quan", "coordinate")},
    ),
]


@pytest.mark.parametrize(("why", "body", "pairs"), CASES, ids=[c[0] for c in CASES])
def test_agency_role_pairs(why: str, body: str, pairs: set[tuple[str, str]]) -> None:
    assert _pairs(body) == pairs, why


def test_assignment_sentences_outside_organisation_section_are_excluded() -> None:
    body = (
        "I. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
        "1. Các sở, ban, ngành và UBND các huyện tổ chức nghiên cứu, quán triệt Kế hoạch.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tư pháp: Chủ trì thẩm định văn bản.\n"
    )
    assert _pairs(body) == {("Sở Tư pháp", "lead")}


def test_giao_sentence_counts_anywhere_and_in_decision_article() -> None:
    body = (
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
        "Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các Sở, Ngành có liên quan; "
        "Ủy ban nhân dân các huyện, thành phố tổ chức triển khai.\n\n"
        "Điều 3. Các ông, bà: Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành./.\n"
    )
    assert _pairs(body) == {
        ("Sở Khoa học và Công nghệ", "lead"),
        ("Các Sở, Ngành có liên quan", "coordinate"),
        ("Ủy ban nhân dân các huyện, thành phố", "coordinate"),
    }


def test_news_run_on_sentence_is_split_at_semicolons() -> None:
    body = (
        "Kế hoạch giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện; "
        "định kỳ hàng năm báo cáo UBND tỉnh; phối hợp với Sở Tài chính tham mưu bố trí ngân sách "
        "hàng năm./.\n"
    )
    rows = _run(body)
    tasks = {t for _, _, t, _ in rows}
    assert len(tasks) == 3
    assert ("Sở Tài chính", "coordinate") in {(a, r) for a, r, _, _ in rows}
    assert {d for a, _, t, d in rows if t.startswith("định kỳ")} == {"định kỳ hàng năm"}
    assert all(d is None for _, _, t, d in rows if "ngân sách hàng năm" in t)


def test_table_rows_give_lead_coordinate_and_deadline() -> None:
    body = (
        "PHỤ LỤC\n\nTT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
        "1 | Xây dựng nền tảng dữ liệu dùng chung | Sở KH&CN | Sở Tài chính; Công an tỉnh | Quý III/2026\n"
    )
    rows = _run(body)
    assert ("Sở Khoa học và Công nghệ", "lead") in {(a, r) for a, r, _, _ in rows}
    assert {(a, r) for a, r, _, _ in rows} >= {("Sở Tài chính", "coordinate"), ("Công an tỉnh", "coordinate")}
    assert {d for *_, d in rows} == {"Quý III/2026"}


def test_task_text_is_verbatim_and_short() -> None:
    long_task = "Rà soát, " + "hoàn thiện cơ chế chính sách hỗ trợ doanh nghiệp, " * 10 + "báo cáo UBND tỉnh."
    rows = _run(ORG + f"1. Sở Tài chính: {long_task}\n")
    assert rows and all(len(t) <= 200 and long_task.startswith(t) for _, _, t, _ in rows)
