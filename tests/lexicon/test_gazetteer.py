"""Agency names as printed → gazetteer identity and the name records show (NOTES.md G6)."""

from __future__ import annotations

import pytest

from kg.lexicon.gazetteer import (
    canonical_agency_name,
    expand_abbreviations,
    find_agency_at,
    parse_agency_list,
    resolve_agency,
)

# (as printed, gazetteer id, name in records, is_group)
RESOLVE = [
    ("Sở KH&CN", "so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", False),
    (
        "Sở Nông nghiệp - Phát triển nông thôn",
        "so-nong-nghiep-va-phat-trien-nong-thon",
        "Sở Nông nghiệp và Phát triển nông thôn",
        False,
    ),
    ("Sở Công thương", "so-cong-thuong", "Sở Công Thương", False),
    ("Ban Tuyên giáo tỉnh uỷ", "ban-tuyen-giao-tinh-uy", "Ban Tuyên giáo Tỉnh ủy", False),
    (
        "Đài Phát thanh và Truyền hình tỉnh",
        "dai-phat-thanh-va-truyen-hinh-tinh",
        "Đài Phát thanh và Truyền hình tỉnh",
        False,
    ),
    ("Cục Thống kê tỉnh", "cuc-thong-ke-tinh", "Cục Thống kê tỉnh", False),
    ("Báo Quảng Ninh", "bao-tinh--bao-quang-ninh", "Báo Quảng Ninh", False),
    ("Sở Nông nghiệp và Môi trường", "so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường", False),
    ("Bộ Công Thương", "bo-cong-thuong", "Bộ Công Thương", False),
    ("UBND tỉnh Nghệ An", "ubnd-tinh", "Ủy ban nhân dân tỉnh Nghệ An", False),
    ("Bộ CHQS tỉnh", "bo-chi-huy-quan-su-tinh", "Bộ Chỉ huy Quân sự tỉnh", False),
    ("UBND các huyện, thành phố", "group-ubnd-cap-huyen", "Ủy ban nhân dân các huyện, thành phố", True),
    (
        "các sở, ban, ngành, địa phương",
        "group-so-ban-nganh-dia-phuong",
        "Các sở, ban, ngành, địa phương",
        True,
    ),
    (
        "Các Sở, ban ngành và địa phương",
        "group-so-ban-nganh-dia-phuong",
        "Các Sở, ban ngành và địa phương",
        True,
    ),
    (
        "Ủy ban Trung ương Mặt trận Tổ quốc tỉnh",
        "uy-ban-mttq-tinh",
        "Ủy ban Trung ương Mặt trận Tổ quốc tỉnh",
        False,
    ),
]


@pytest.mark.parametrize(("written", "agency_id", "name", "is_group"), RESOLVE)
def test_resolve_gives_identity_and_record_name(
    written: str, agency_id: str, name: str, is_group: bool
) -> None:
    match = resolve_agency(written, "Nghệ An")
    assert match is not None
    assert (match.id, match.name, match.is_group) == (agency_id, name, is_group)


def test_2025_mergers_are_recorded() -> None:
    old = resolve_agency("Sở Kế hoạch và Đầu tư")
    assert old is not None and old.merged_into == "so-tai-chinh"


def test_province_scopes_provincial_bodies_only() -> None:
    provincial, central = resolve_agency("Sở Tài chính", "Huế"), resolve_agency("Bộ Tài chính", "Huế")
    assert provincial is not None and provincial.province == "Huế"
    assert central is not None and central.province is None


def test_unknown_name_is_none_but_canonical_name_keeps_it() -> None:
    assert resolve_agency("Hợp tác xã Hoa Sen") is None
    assert canonical_agency_name("hợp tác xã Hoa Sen") == "Hợp tác xã Hoa Sen"


def test_abbreviations_expand_whole_tokens_only() -> None:
    assert (
        expand_abbreviations("Sở TT&TT, VP UBND tỉnh")
        == "Sở Thông tin và Truyền thông, Văn phòng Ủy ban nhân dân tỉnh"
    )


# (sentence, agency names read from its start, what follows the list)
LISTS = [
    (
        "Sở Tài chính, Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh",
        ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
        " tham mưu",
    ),
    (
        "các sở, ngành liên quan, UBND các huyện, thành phố, các đơn vị liên quan tổ chức",
        ["Các sở, ngành liên quan", "Ủy ban nhân dân các huyện, thành phố", "Các đơn vị liên quan"],
        " tổ chức",
    ),
    (
        "các Sở, Ngành có liên quan; Ủy ban nhân dân các huyện, thành phố tổ chức triển khai",
        ["Các Sở, Ngành có liên quan", "Ủy ban nhân dân các huyện, thành phố"],
        " tổ chức",
    ),
    (
        "Các sở, ban, ngành và UBND các huyện, thành phố tổ chức nghiên cứu",
        ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố"],
        " tổ chức",
    ),
    (
        "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh bảo đảm an ninh",
        ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"],
        " bảo đảm",
    ),
    ("các bộ, ngành liên quan triển khai", ["Các bộ, ngành liên quan"], " triển khai"),
]


@pytest.mark.parametrize(("sentence", "names", "rest"), LISTS)
def test_agency_lists_are_read_whole_and_split(sentence: str, names: list[str], rest: str) -> None:
    found, end = parse_agency_list(sentence)
    assert [m.match.name for m in found] == names
    assert sentence[end:].startswith(rest)


# Names the gazetteer does not list, read by their head word up to the task verb (kg.lexicon.phrases).
UNLISTED = [
    ("Vụ Kế hoạch - Tài chính tham mưu bố trí kinh phí", "Vụ Kế hoạch - Tài chính", "central"),
    ("Cục Chuyển đổi số chủ trì xây dựng cơ sở dữ liệu", "Cục Chuyển đổi số", "central"),
    ("Phòng Tài chính - Kế hoạch thẩm định dự toán", "Phòng Tài chính - Kế hoạch", "district"),
    (
        "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ",
        "Trung tâm Phục vụ hành chính công tỉnh",
        "provincial",
    ),
    ("Đảng ủy Khối Doanh nghiệp tỉnh quán triệt Nghị quyết", "Đảng ủy Khối Doanh nghiệp tỉnh", "provincial"),
]


@pytest.mark.parametrize(("sentence", "name", "level"), UNLISTED)
def test_unlisted_agency_is_read_up_to_its_verb(sentence: str, name: str, level: str) -> None:
    found = find_agency_at(sentence, 0, "Nghệ An")
    assert found is not None and (found.written, found.match.level) == (name, level)


@pytest.mark.parametrize(
    "sentence", ["Hội nghị Trung ương 6 khóa XI", "Báo cáo kết quả thực hiện", "Số 35-CTr/TU"]
)
def test_words_that_only_look_like_heads_are_not_agencies(sentence: str) -> None:
    assert find_agency_at(sentence, 0) is None


def test_two_members_of_a_family_are_two_agencies() -> None:
    a, b = resolve_agency("Vụ Pháp chế"), resolve_agency("Vụ Kế hoạch - Tài chính")
    assert a is not None and b is not None and a.id != b.id


@pytest.mark.parametrize(
    ("sentence", "pos", "name"),
    [
        (
            "phối hợp với Đảng đoàn Liên hiệp các hội khoa học và kỹ thuật Việt Nam hướng dẫn",
            13,
            "Đảng đoàn Liên hiệp các hội khoa học và kỹ thuật Việt Nam",
        ),
        ("Đảng đoàn HĐND tỉnh lãnh đạo", 0, "Đảng đoàn Hội đồng nhân dân tỉnh"),
        (
            "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương tổ chức",
            0,
            "Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
        ),
        ("Các ban xây dựng Đảng Tỉnh ủy hướng dẫn", 0, "Các ban xây dựng Đảng Tỉnh ủy"),
    ],
)
def test_party_bodies_of_named_agencies_and_party_groups_are_read_whole(
    sentence: str, pos: int, name: str
) -> None:
    found = find_agency_at(sentence, pos)
    assert found is not None and found.match.name == name
