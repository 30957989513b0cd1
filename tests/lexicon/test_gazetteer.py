"""Agency names as printed → gazetteer identity and the name records show (NOTES.md G6)."""

from __future__ import annotations

import pytest

from kg.lexicon.gazetteer import (
    canonical_agency_name,
    expand_abbreviations,
    find_agency_at,
    match_group,
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


# Names are kept as written (G6): a spelling of the official name is made official, another name is not
# rewritten — least of all into a successor body (the 2025 mergers).
AS_WRITTEN = [
    ("Ban cán sự đảng Chính phủ", "Ban cán sự đảng Chính phủ", "dang-uy-chinh-phu"),
    ("Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội", "dang-uy-quoc-hoi"),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "so-tai-chinh"),
    ("Cục Thuế tỉnh", "Cục Thuế tỉnh", "chi-cuc-thue-khu-vuc"),  # 1/3/2025; then Thuế tỉnh from 1/7/2025
    ("Chi cục Thuế khu vực XIII", "Chi cục Thuế khu vực XIII", "thue-tinh"),
    ("Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Trung ương", "ban-tuyen-giao-va-dan-van-trung-uong"),
    ("Thống kê tỉnh", "Thống kê tỉnh", None),
    ("Công an Thành phố", "Công an Thành phố", None),
    ("Bộ Tư lệnh Thành phố", "Bộ Tư lệnh Thành phố", None),
    ("Thành ủy", "Thành ủy", None),
    ("Sở Công thương", "Sở Công Thương", None),
    ("Sở Lao động Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội", None),
    ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư", "bo-tai-chinh"),
    ("Sở NN&MT", "Sở Nông nghiệp và Môi trường", None),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh", None),
    ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", None),
    ("BCH Đảng bộ tỉnh", "Ban Chấp hành Đảng bộ tỉnh", None),
    ("BCH Quân sự huyện", "Ban Chỉ huy Quân sự huyện", None),
]


@pytest.mark.parametrize(("written", "shown", "merged_into"), AS_WRITTEN)
def test_names_are_kept_as_written_and_successors_recorded(
    written: str, shown: str, merged_into: str | None
) -> None:
    match = resolve_agency(written)
    assert match is not None and match.name == shown
    assert merged_into is None or match.merged_into == merged_into


def test_issuers_keep_the_official_name_of_the_same_body() -> None:
    match = resolve_agency("Ban Bí Thư Trung ương Đảng")
    assert match is not None and (match.name, match.official) == ("Ban Bí Thư Trung ương Đảng", "Ban Bí thư")


# (sentence, name read at its start, is a group)
READ_AT_START = [
    ("Ủy ban nhân dân xã, phường tổ chức tuyên truyền", "Ủy ban nhân dân xã, phường", True),
    ("Ủy ban nhân dân các phường, xã, đặc khu chủ trì", "Ủy ban nhân dân các phường, xã, đặc khu", True),
    ("Ủy ban nhân dân cấp tỉnh bố trí kinh phí", "Ủy ban nhân dân cấp tỉnh", True),
    ("Thường trực Hội đồng nhân dân cùng cấp giám sát", "Thường trực Hội đồng nhân dân cùng cấp", True),
    ("Công an phường, xã, đặc khu bảo đảm an ninh", "Công an phường, xã, đặc khu", True),
    ("Ban Thường vụ Tỉnh ủy, Thành ủy lãnh đạo", "Ban Thường vụ Tỉnh ủy, Thành ủy", True),
    ("Ủy ban nhân dân tỉnh Lào Cai chịu trách nhiệm", "Ủy ban nhân dân tỉnh Lào Cai", False),
    ("Ủy ban nhân dân thành phố Hà\nNội hỗ trợ lương thực", "Ủy ban nhân dân thành phố Hà Nội", False),
    ("Hội Nông dân xã Yên Bình vận động hội viên", "Hội Nông dân xã Yên Bình", False),
    ("Thuế tỉnh Đắk Lắk hướng dẫn người nộp thuế", "Thuế tỉnh Đắk Lắk", False),
    ("Cơ quan, địa phương liên quan phối hợp", "Cơ quan, địa phương liên quan", True),
    ("Các đơn vị thuộc Bộ Tư pháp thực hiện", "Các đơn vị thuộc Bộ Tư pháp", True),
    (
        "Các sở, ban, ngành, các tổ chức chính trị - xã hội tuyên truyền",
        "Các sở, ban, ngành, các tổ chức chính trị - xã hội",
        True,
    ),
    ("Vụ Phổ biến, giáo dục pháp luật chủ trì", "Vụ Phổ biến, giáo dục pháp luật", False),
    ("Vụ Pháp luật hình sự - hành chính thẩm định", "Vụ Pháp luật hình sự - hành chính", False),
    ("Cục Lâm nghiệp và\nKiểm lâm hướng dẫn các địa phương", "Cục Lâm nghiệp và Kiểm lâm", False),
    ("Ban quản lý Khu kinh tế Vân Phong cấp phép", "Ban quản lý Khu kinh tế Vân Phong", False),
    ("Tập đoàn Điện lực Việt Nam bảo đảm cung cấp điện", "Tập đoàn Điện lực Việt Nam", False),
    ("Ngân hàng Nhà nước chi nhánh khu vực 9 chỉ đạo", "Ngân hàng Nhà nước chi nhánh khu vực 9", False),
    ("Ban Chỉ đạo phòng, chống tham nhũng tỉnh theo dõi", "Ban Chỉ đạo phòng, chống tham nhũng tỉnh", False),
]


@pytest.mark.parametrize(("sentence", "name", "is_group"), READ_AT_START)
def test_names_are_read_whole_at_their_start(sentence: str, name: str, is_group: bool) -> None:
    found = find_agency_at(sentence, 0)
    assert found is not None and (found.match.name, found.match.is_group) == (name, is_group)


@pytest.mark.parametrize(
    "sentence",
    ["Công an tỉnh\n\nChỉ đạo các đơn vị trực thuộc", "Công an tỉnh\nChỉ đạo các đơn vị trực thuộc"],
)
def test_a_place_name_does_not_run_into_the_next_paragraph_or_verb(sentence: str) -> None:
    found = find_agency_at(sentence, 0)
    assert found is not None and found.match.name == "Công an tỉnh"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Ủy ban nhân dân các tỉnh: Lào Cai, Đồng Nai và Thái Nguyên chịu trách nhiệm",
            [
                "Ủy ban nhân dân tỉnh Lào Cai",
                "Ủy ban nhân dân tỉnh Đồng Nai",
                "Ủy ban nhân dân tỉnh Thái Nguyên",
            ],
        ),
        (
            "Ủy ban nhân dân thành phố Hải Phòng và tỉnh Quảng Ninh hỗ trợ",
            ["Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh"],
        ),
        (
            "Các Bộ: Tài chính, Xây dựng, Nông nghiệp và Môi trường theo chức năng",
            ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường"],
        ),
        ("các Bộ: Công an, Quốc phòng, Sở Y tế chủ trì", ["Bộ Công an", "Bộ Quốc phòng", "Sở Y tế"]),
    ],
)
def test_lists_sharing_a_head_are_expanded(sentence: str, names: list[str]) -> None:
    found, _ = parse_agency_list(sentence)
    assert [m.match.name for m in found] == names


def test_a_typo_between_two_common_nouns_is_no_group() -> None:
    assert match_group("giao Bộ , trưởng Bộ Xây dựng", 5) is None


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Đảng ủy các Bộ: Y tế, Giáo dục và Đào tạo lãnh đạo",
            ["Đảng ủy Bộ Y tế", "Đảng ủy Bộ Giáo dục và Đào tạo"],
        ),
        (
            "Hiệp hội Nhà thầu xây dựng, Hội Tin học tham gia",
            ["Hiệp hội Nhà thầu xây dựng", "Hội Tin học"],
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố chủ trì",
            ["Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố"],
        ),
        (
            "Vụ Pháp chế, các đơn vị xây dựng pháp luật có liên quan phối hợp",
            ["Vụ Pháp chế", "Các đơn vị xây dựng pháp luật có liên quan"],
        ),
        (
            "Ủy ban nhân dân các phường, xã, đặc khu cùng các đơn vị có liên quan",
            ["Ủy ban nhân dân các phường, xã, đặc khu", "Các đơn vị có liên quan"],
        ),
    ],
)
def test_lists_of_named_bodies_and_groups(sentence: str, names: list[str]) -> None:
    found, _ = parse_agency_list(sentence)
    assert [m.match.name for m in found] == names


# Groups and lists of bodies as the real corpus prints them: where one item ends and the next begins, and
# whether each is a collective group (name, is_group); the list is read from the words ``at``.
GROUP_LISTS = [
    (
        "MTTQ xã phối hợp với các tổ chức thành viên, các cơ quan tuyên truyền, báo chí trên địa bàn tổ chức",
        "các tổ chức",
        [("Các tổ chức thành viên", True), ("Các cơ quan tuyên truyền, báo chí trên địa bàn", True)],
    ),
    (
        "Các sở, ban, ngành, các tổ chức chính trị - xã hội tham gia",
        "",
        [("Các sở, ban, ngành, các tổ chức chính trị - xã hội", True)],
    ),
    (
        "Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan thực hiện",
        "",
        [("Văn phòng Ban Chỉ huy", False), ("Cơ quan, địa phương liên quan", True)],
    ),
    (
        "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã chủ trì",
        "",
        [("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh", True), ("Ban Chỉ huy Phòng thủ dân sự cấp xã", True)],
    ),
    (
        "Ủy ban nhân dân cấp tỉnh, cấp xã thực hiện",
        "",
        [("Ủy ban nhân dân cấp tỉnh", True), ("Ủy ban nhân dân cấp xã", True)],
    ),
    (
        "Bộ Tài chính yêu cầu các Cục Hải quan tỉnh, thành phố triển khai",
        "các Cục",
        [("Các Cục Hải quan tỉnh, thành phố", True)],
    ),
    ("các tổ chức cung cấp dịch vụ chi trả", "", [("Các tổ chức", True)]),
    (
        "Các cơ quan, tổ chức khác trong hệ thống chính trị phối hợp",
        "",
        [("Các cơ quan, tổ chức khác trong hệ thống chính trị", True)],
    ),
    (
        "các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá và Hội Tin học hoàn thành",
        "",
        [("Hiệp hội Vận tải ô tô", False), ("Hội Nghề cá", False), ("Hội Tin học", False)],
    ),
    (
        "các sở: Thông tin và Truyền thông, Giao thông vận\ntải, Xây dựng có ý kiến",
        "",
        [("Sở Thông tin và Truyền thông", False), ("Sở Giao thông vận tải", False), ("Sở Xây dựng", False)],
    ),
    ("Các trường hợp khác thực hiện theo quy định", "", []),
    (
        # issue 10: two groups, then a named body: each item its own
        "các tổ chức thành viên, các tổ chức chính trị xã hội, Hội Chữ thập đỏ Việt Nam, theo nhiệm vụ",
        "",
        [
            ("Các tổ chức thành viên", True),
            ("Các tổ chức chính trị xã hội", True),
            ("Hội Chữ thập đỏ Việt Nam", False),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "at", "found"), GROUP_LISTS)
def test_groups_end_where_the_next_item_begins(sentence: str, at: str, found: list[tuple[str, bool]]) -> None:
    mentions, _ = parse_agency_list(sentence, sentence.index(at))
    assert [(m.match.name, m.match.is_group) for m in mentions] == found


def test_a_level_of_an_unlisted_body_is_one_body_in_its_own_province() -> None:
    mentions, _ = parse_agency_list("Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã chủ trì", 0, "Nghệ An")
    assert [m.match.is_group for m in mentions] == [False, True]
