"""'Lĩnh vực ...' headings map to the SKOS field notations; tasks under them get the field."""

from __future__ import annotations

import pytest

from kg.extract.assignments import extract_assignments
from kg.extract.fields import extract_fields, field_at, field_of_heading, field_of_phrase
from kg.normalize import normalize
from kg.segment import segment


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("a) Lĩnh vực nông nghiệp", "agriculture"),
        ("Lĩnh vực y - dược", "health"),
        ("Lĩnh vực y dược", "health"),
        ("Lĩnh vực khoa học xã hội và nhân văn", "social-sciences-humanities"),
        ("Lĩnh vực xã hội nhân văn và quản lý", "social-sciences-humanities"),
        ("Lĩnh vực tài nguyên môi trường", "natural-resources-environment"),
        ("Lĩnh vực khoa học kỹ thuật và công nghệ", "engineering-technology"),
        ("Tăng cường tiềm lực khoa học", None),
    ],
)
def test_heading_maps_to_field(heading: str, field: str | None) -> None:
    assert field_of_heading(heading) == field


def test_tasks_under_a_field_heading_get_that_field() -> None:
    doc = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Lĩnh vực công nghiệp\n\n- Nghiên cứu công nghệ vật liệu mới.\n\n"
        "2. Hợp tác\n\n- Tăng cường hợp tác.\n"
    )
    text = normalize(doc)
    outline = segment(text)
    assert [f.field for f in extract_fields(text, outline)] == ["industry"]
    assert field_at(outline, text.text.index("Nghiên cứu")) == "industry"
    assert field_at(outline, text.text.index("Tăng cường")) is None


@pytest.mark.parametrize(
    ("task", "field"),
    [
        ("Ứng dụng trí tuệ nhân tạo trong lĩnh vực y tế, giáo dục", "health"),
        (
            "Gắn kết với kế hoạch thực hiện đề án tái cơ cấu ngành nông nghiệp đã được UBND tỉnh phê duyệt",
            "agriculture",
        ),
        ("Đẩy mạnh chuyển đổi số trong lĩnh vực giáo dục và đào tạo", "education-training"),
        ("Hỗ trợ doanh nghiệp ngành công thương đổi mới công nghệ", "trade"),
        ("Các sở, ngành phối hợp triển khai thực hiện Kế hoạch", None),
        ("Tập trung vào một số lĩnh vực ưu tiên, có thế mạnh của tỉnh", None),
        ("Lồng ghép trong các chương trình của ngành, lĩnh vực", None),
    ],
)
def test_task_that_names_its_field_gets_it(task: str, field: str | None) -> None:
    assert field_of_phrase(task) == field


def test_own_mention_wins_and_purpose_heading_gives_no_field() -> None:
    doc = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Lĩnh vực công nghiệp\n\n"
        "- Ứng dụng công nghệ trong lĩnh vực năng lượng.\n\n"
        "2. Phát triển KH&CN phục vụ nông nghiệp\n\n- Chuyển giao giống cây trồng mới.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Sở Công Thương: Ứng dụng công nghệ trong lĩnh vực năng lượng.\n\n"
        "2. Sở Nông nghiệp và Môi trường: Chuyển giao giống cây trồng mới.\n"
    )
    text = normalize(doc)
    outline = segment(text)
    assert field_of_heading("2. Phát triển KH&CN phục vụ nông nghiệp") is None
    _, assignments, _ = extract_assignments(text, outline, outline.province)
    assert {a.task: a.field for a in assignments} == {
        "Ứng dụng công nghệ trong lĩnh vực năng lượng": "energy",
        "Chuyển giao giống cây trồng mới": None,
    }


def test_bracket_labels_of_a_news_copy_are_items_and_their_field_headings_count() -> None:
    # Kon Tum 4485's news copy writes "a]" for "a)": after a line ending in ":" the label must still open a
    # line of its own (not be joined to the sentence above) and the heading give its field.
    text = normalize(
        "Ứng dụng KH&CN trên một số lĩnh vực:\n\na]  Lĩnh vực nông nghiệp:\n\nNghiên cứu giống cây trồng.\n\n"
        "b] Lĩnh vực y - dược\n\nỨng dụng kỹ thuật mới.\n"
    )
    outline = segment(text)
    assert [f.field for f in extract_fields(text, outline)] == ["agriculture", "health"]
    assert field_at(outline, text.text.index("Nghiên cứu")) == "agriculture"


def test_a_heading_naming_two_fields_gives_both() -> None:
    text = normalize("d) Lĩnh vực Giáo dục - Y tế và chăm sóc sức khỏe nhân dân\n\nNâng cao chất lượng.\n")
    outline = segment(text)
    assert [f.field for f in extract_fields(text, outline)] == ["education-training", "health"]
    assert field_at(outline, text.text.index("Nâng cao")) == "education-training"  # a task keeps one field
