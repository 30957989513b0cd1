# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Segment: header, type word, title, preamble, outline tree, organisation sections, tables."""

from __future__ import annotations

from kg.normalize import normalize
from kg.segment import segment

QD = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
-------

Số: 684/QĐ-UBND

Bắc Kạn, ngày 16 tháng 5 năm 2016

QUYẾT ĐỊNH

VỀ VIỆC BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG
THỰC HIỆN ĐỀ ÁN TÁI CƠ CẤU

ỦY BAN NHÂN DÂN TỈNH BẮC KẠN

Căn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;

Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5 năm 2016,

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch hành động.

Điều 2. Giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các Sở, Ngành có liên quan tổ chức triển khai.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Đỗ Thị Minh Hoa

KẾ HOẠCH

HÀNH ĐỘNG THỰC HIỆN ĐỀ ÁN

I. MỤC TIÊU

- Mục tiêu một.

II. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính:

- Bố trí kinh phí.

2. Các Sở, Ngành liên quan

a) Phối hợp xây dựng kế hoạch.
"""


def test_decision_header_title_preamble_and_signer() -> None:
    o = segment(normalize(QD))
    assert o.doc_type_word == "QUYẾT ĐỊNH"
    assert o.title == "VỀ VIỆC BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG THỰC HIỆN ĐỀ ÁN TÁI CƠ CẤU"
    assert o.header.number_line is not None and o.header.number_line.text == "Số: 684/QĐ-UBND"
    assert [p.kind for p in o.preamble] == ["can_cu", "xet"]
    assert o.signer == "Đỗ Thị Minh Hoa"
    assert (o.province, o.province_unit) == ("Bắc Kạn", "tỉnh")


def test_outline_tree_and_organisation_sections() -> None:
    o = segment(normalize(QD))
    sections = [n.section for n in o.nodes() if n.kind not in ("dash", "plus", "part")]
    assert sections == ["Điều 1", "Điều 2", "I", "II", "II.1", "II.2", "II.2.a"]
    org = [n.section for n in o.org_sections]
    assert org == ["Điều 2", "II"]


def test_party_programme_header() -> None:
    raw = (
        "ĐẢNG BỘ TỈNH NAM ĐỊNH\nTỈNH ỦY\n*\nSố 47-CTr/TU\n\nNam Định, ngày 31 tháng 5 năm 2024\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Kết luận số 69-KL/TW của Bộ Chính trị\n\nI. MỤC TIÊU\n\n- Một."
    )
    o = segment(normalize(raw))
    assert o.doc_type_word == "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    assert o.title == "thực hiện Kết luận số 69-KL/TW của Bộ Chính trị"
    assert o.province == "Nam Định"


def test_official_letter_subject_line() -> None:
    raw = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 9387/UBND-KT\nV/v triển khai Kết luận số 69-KL/TW\n\nLâm Đồng, ngày 5 tháng 11 năm 2024\n\nKính gửi: Các sở, ban, ngành\n\nNội dung."
    o = segment(normalize(raw))
    assert o.title == "V/v triển khai Kết luận số 69-KL/TW"  # the subject line as printed


TABLE_LINES = "PHỤ LỤC\n\nTT\n\nNội dung\n\nCơ quan chủ trì\n\nCơ quan phối hợp\n\nThời gian\n\nI\n\nTuyên truyền\n\n1\n\nĐẩy mạnh tuyên truyền.\n\nSở KH&CN\n\nSở Tài chính\n\nThường xuyên hàng năm\n\n2\n\nBiểu dương tập thể.\n\nCác sở, ban, ngành\n\nNăm 2024-2025\n"
TABLE_PIPES = "PHỤ LỤC\n\nTT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\nI | Tuyên truyền | | |\n1 | Đẩy mạnh tuyên truyền. | Sở KH&CN | Sở Tài chính | Thường xuyên hàng năm\n2 | Biểu dương tập thể. | Các sở, ban, ngành | | Năm 2024-2025\n"


def _rows(raw: str) -> list[dict[str, str]]:
    o = segment(normalize(raw))
    assert len(o.tables) == 1
    return [{k: c.text for k, c in r.cells.items() if k != "no"} for r in o.tables[0].rows]


def test_tables_are_rebuilt_whatever_their_flattening() -> None:
    expected = [
        {
            "task": "Đẩy mạnh tuyên truyền.",
            "lead": "Sở KH&CN",
            "coordinate": "Sở Tài chính",
            "deadline": "Thường xuyên hàng năm",
        },
        {"task": "Biểu dương tập thể.", "lead": "Các sở, ban, ngành", "deadline": "Năm 2024-2025"},
    ]
    assert _rows(TABLE_LINES) == expected
    assert _rows(TABLE_PIPES) == expected


def test_table_rows_keep_their_group() -> None:
    o = segment(normalize(TABLE_PIPES))
    assert [r.group_label for r in o.tables[0].rows] == ["I", "I"]


def _lines(*texts: str) -> list:  # type: ignore[type-arg]
    from kg.segment.outline import Line

    return [Line(t, 0, len(t)) for t in texts]


def test_header_roles_motto_issuer_and_place_date() -> None:
    from kg.segment.headroles import issuer_block, motto_lines, place_date

    ls = _lines(
        "THƯ VIỆN PHÁP LUẬT",  # a page's chrome, above a metadata block
        "Đã biết",
        "ỦY",
        "BAN NHÂN DÂN",
        "TỈNH LÀO CAI",
        "--------",
        "CỘNG",
        "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 305/UBND-KT",
        "Lào Cai, ngày",
        "4 tháng 12 năm 2025",
    )
    motto = motto_lines(ls, len(ls))
    assert sorted(motto) == [6, 7, 8]
    assert [ln.text for ln in issuer_block(ls, len(ls), motto)] == ["ỦY", "BAN NHÂN DÂN", "TỈNH LÀO CAI"]
    date = place_date(ls, len(ls), "")
    assert date is not None and date.text == "Lào Cai, ngày 4 tháng 12 năm 2025"


def test_party_motto_after_the_number_and_the_star() -> None:
    from kg.segment.headroles import issuer_block, motto_lines

    ls = _lines("BAN CHẤP HÀNH TRUNG ƯƠNG", "*", "Số 118-KL/TW", "ĐẢNG CỘNG SẢN VIỆT NAM")
    motto = motto_lines(ls, len(ls))
    assert motto == {3}
    assert [ln.text for ln in issuer_block(ls, len(ls), motto)] == ["BAN CHẤP HÀNH TRUNG ƯƠNG"]


def test_numbering_a_thousand_levels_deep_nests_no_deeper_than_the_cap() -> None:
    """Hostile numbering ("1.1.1.…" a thousand levels) builds a tree without recursion, capped in depth so
    every reader of the tree stays shallow; each item is still in it, in document order."""
    from kg.segment.tree import MAX_DEPTH

    body = "\n".join(".".join(["1"] * (k + 1)) + f". Mục {k}" for k in range(1000))
    outline = segment(normalize("KẾ HOẠCH\nI. NHIỆM VỤ\n" + body))
    nodes = list(outline.nodes())
    assert max(len(n.path) for n in nodes) <= MAX_DEPTH
    items = [n.heading for n in nodes if n.heading.startswith("Mục")]
    assert items == [f"Mục {k}" for k in range(1000)]


def test_an_underlined_noi_nhan_opens_the_recipients() -> None:
    """A markdown page keeps the label underlined ("__Nơi nhận__:"): its list is recipients, not body."""
    from kg.normalize import normalize
    from kg.segment import segment

    body = (
        "KẾ HOẠCH\n\nThực hiện chuyển đổi số\n\nI. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Tỉnh ủy theo dõi.\n\n"
        "__Nơi nhận__:\n- Văn phòng Trung ương Đảng,\n- Lưu Văn phòng Tỉnh ủy.\n"
    )
    outline = segment(normalize(body))
    assert [ln.text for ln in outline.header.recipients] == [
        "__Nơi nhận__:",
        "- Văn phòng Trung ương Đảng,",
        "- Lưu Văn phòng Tỉnh ủy.",
    ]


def test_a_numbered_item_never_sits_inside_a_bullet() -> None:
    # issue 10: a converter dropped the "1." of a notice's first item, leaving its "- ..." bullets open; the
    # "2." and "3." after them are items of the document, and the bullets after "3." are its own
    raw = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 12/TB-UBND\n\nLâm Đồng, ngày 3 tháng 4 năm 2026\n\nTHÔNG BÁO\n\n"
        "Kết luận của Phó Chủ tịch UBND tỉnh\n\n"
        "Thống nhất tổ chức Hội nghị gặp mặt doanh nghiệp. Giao Sở Tài chính:\n"
        "- Nghiên cứu nội dung Hội nghị.\n- Chuẩn bị thông tin về chính sách mới.\n\n"
        "2. Đối với tiến độ thu hút đầu tư\na) Giao Sở Xây dựng\n- Rà soát danh mục dự án.\n"
        "3. Về dự thảo Kế hoạch, giao Sở Nội vụ:\n- Rà soát nội dung thỏa thuận.\n"
    )
    text = normalize(raw)
    o = segment(text)
    sections = [n.section for n in o.nodes() if n.kind not in ("dash", "plus", "part")]
    assert sections == ["2", "2.a", "3"]
    three = next(n for n in o.nodes() if n.section == "3")
    assert [c.kind for c in three.children] == ["dash"]
