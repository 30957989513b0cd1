"""'Lĩnh vực ...' headings map to the SKOS field notations; tasks under them get the field."""

from __future__ import annotations

import pytest

from kg.extract.fields import extract_fields, field_at, field_of_heading
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
