# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""References: one per distinct document, with type, date and issuer as the sentence states them."""

from __future__ import annotations

import pytest

from kg.extract import extract_text
from kg.extract.references import find_mentions

CASES = [
    (
        "Căn cứ Kế hoạch số 116-KH/TU ngày 23/4/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận",
        ("116-KH/TU", "Kế hoạch", "2024-04-23", "Ban Thường vụ Tỉnh ủy Lâm Đồng"),
    ),
    (
        "thực hiện Kết luận số 50/KL-TW ngày 30/5/2019 của Ban Bí Thư Trung ương Đảng Khóa XII “Tiếp tục",
        ("50-KL/TW", "Kết luận", "2019-05-30", "Ban Bí thư"),
    ),
    (
        "Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5 năm 2016,",
        ("19/TTr-SKHCN", "Tờ trình", "2016-05-04", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"),
    ),
    (
        "Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của BCHTW khóa XI về phát triển",
        ("20-NQ/TW", "Nghị quyết", "2012-11-01", "Ban Chấp hành Trung ương Đảng"),
    ),
    (
        "Nghị quyết số 88/NQ-CP ngày 5/6/2024 của Chính phủ ban hành Chương trình hành động",
        ("88/NQ-CP", "Nghị quyết", "2024-06-05", "Chính phủ"),
    ),
    (
        "Quyết định số 1068/QĐ-TTg ngày 22/8/2019 của Thủ tướng chính phủ gắn liền",
        ("1068/QĐ-TTg", "Quyết định", "2019-08-22", "Thủ tướng Chính phủ"),
    ),
    (
        "Nghị quyết 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về",
        ("52-NQ/TW", "Nghị quyết", "2019-09-27", "Bộ Chính trị"),
    ),
    ("Công văn số 2449-CV/ĐU về việc", ("2449-CV/ĐU", "Công văn", None, None)),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_numbered_mention_is_read_from_its_sentence(sentence: str, expected: tuple) -> None:  # type: ignore[type-arg]
    m = next(x for x in find_mentions(sentence, None, "Lâm Đồng") if x.number)
    assert (m.number, m.doc_type, m.date, m.issuer) == expected


TITLED = [
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;", "Luật Tổ chức chính quyền địa phương"),
    ("văn bản quản lý về KH&CN, Luật KH&CN và các văn bản", "Luật Khoa học và Công nghệ"),
    ("theo đúng quy định của Luật Ngân sách nhà nước và các văn bản hướng dẫn", "Luật Ngân sách nhà nước"),
    (
        "thực hiện Chiến lược phát triển KH,CN&ĐMST đến năm 2030. Chú trọng",
        "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030",
    ),
    (
        "về thực hiện Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030 trên địa bàn",
        "Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030",
    ),
    # a comma before a lower-case word goes on with the name
    ("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;", "Luật Phòng, chống thiên tai"),
    ("Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025;", "Luật Cán bộ, công chức"),
    # a name written in lower case gets its capital; a long name is read whole
    (
        "Căn cứ Luật tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Luật Tổ chức chính quyền địa phương",
    ),
    (
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 25/6/2015;",
        "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân",
    ),
    # an amending law is one title, the laws it amends are not listed apart
    (
        "Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;",
        "Luật Sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều",
    ),
    # an upper-case title line
    ("KẾ HOẠCH\nTRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ", "Luật Việc làm"),
    ("ưu tiên Luật An ninh mạng 2025 với việc xây dựng thể chế", "Luật An ninh mạng"),
    ("V/v hướng dẫn Luật hải quan 2014\nHà Nội, ngày 23 tháng 10 năm 2014", "Luật Hải quan"),
]


def test_a_law_with_several_editions_keeps_its_year() -> None:
    text = (
        "Luật Hải quan năm 2014 thay thế Luật Hải quan số 29/2001/QH10. Hướng dẫn Luật hải quan. "
        "Căn cứ Luật Cán bộ, công chức ngày 24 tháng 6 năm 2025; Luật Cán bộ, công chức năm 2008 được sửa đổi."
    )
    titles = [m.title for m in find_mentions(text) if not m.number]
    assert titles == [
        "Luật Hải quan năm 2014",
        "Luật Hải quan năm 2014",
        "Luật Cán bộ, công chức",
        "Luật Cán bộ, công chức năm 2008",
    ]


@pytest.mark.parametrize(("sentence", "title"), TITLED)
def test_unnumbered_laws_and_strategies_are_named_by_title(sentence: str, title: str) -> None:
    assert [m.title for m in find_mentions(sentence) if not m.number] == [title]


@pytest.mark.parametrize(
    "sentence",
    [
        "tổ chức thực hiện tốt các văn bản Luật, Nghị định, văn bản hướng dẫn",
        "gắn liền với Chiến lược phát triển KH&CN tại địa phương.",
        "Thực hiện có hiệu quả Chiến lược Sở hữu trí tuệ đến năm 2030 theo Quyết định số 1068/QĐ-TTg ngày 22/8/2019",
    ],
)
def test_generic_or_decision_named_strategies_are_not_extra_references(sentence: str) -> None:
    assert [m.title for m in find_mentions(sentence) if not m.number] == []


def test_spelling_variants_are_one_reference_and_different_issuers_two() -> None:
    text = (
        "KẾ HOẠCH\n\nThực hiện Kết luận số 50/KL-TW\n\nI. NỘI DUNG\n\n1. Quán triệt Kết luận số 50-KL/TW, "
        "Nghị quyết số 20-NQ/TW và Nghị quyết số 20-NQ/TU; Chương trình 47/Ctr-TU và 47/CTr-TU."
    )
    numbers = sorted(r.number or "" for r in extract_text(text).references)
    assert numbers == ["20-NQ/TU", "20-NQ/TW", "47/CTr-TU", "50-KL/TW"]


def test_the_document_itself_is_not_a_reference() -> None:
    text = (
        "Số: 12/KH-UBND\n\nKẾ HOẠCH\n\nVề việc A\n\nI. X\n\n(Kèm theo Kế hoạch số 12/KH-UBND của UBND tỉnh)"
    )
    assert extract_text(text).references == ()


def test_a_titled_law_keeps_one_title_across_its_mentions() -> None:
    text = "KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT BẢO VỆ DỮ\nLIỆU CÁ NHÂN\nCăn cứ Luật Bảo vệ dữ liệu cá nhân ngày 26/6/2025;"
    assert {m.title for m in find_mentions(text)} == {"Luật Bảo vệ dữ liệu cá nhân"}


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Hội đồng Chính phủ đã ra Quyết định số 169-CP về công tác", "169-CP"),  # an old central symbol
        ("Hội Cựu giáo chức tỉnh có Văn bản số 16/CGC.BT ngày 19/8/2024", "16/CGC.BT"),
        ("Hội Làm vườn có Văn bản số 01/HLV ngày 30/7/2024", "01/HLV"),
        ("tại Công văn số 3980/C04-P6 ngày 28/8/2025 của Cục", "3980/C04-P6"),
        ("được hướng dẫn bởi Công văn 4530/NHCS-TDNN năm 2024", "4530/NHCS-TDNN"),  # after "Công văn"
        ("Nghị định số 65/2010/NĐCP ngày 11/6/2010", "65/2010/NĐ-CP"),  # type code glued to the issuer's
        ("Nghị quyết số 66.4/2025/NQ-CP ngày 10/9/2025", "66.4/2025/NQ-CP"),  # a numbered sub-resolution
    ],
)
def test_letters_and_old_symbols_are_references(sentence: str, number: str) -> None:
    assert [m.number for m in find_mentions(sentence) if m.number] == [number]
