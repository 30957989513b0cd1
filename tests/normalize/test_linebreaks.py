# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Hard line breaks in every layout: wrap width read off the text, double spacing, which breaks join."""

from __future__ import annotations

import unicodedata

import pytest

from kg.normalize import normalize
from kg.normalize.linebreaks import Break, Layout, joins
from kg.text.variants import double, wrap_at

# A body paragraph long enough to wrap several times, with capitalised agency names mid-sentence.
PARAGRAPH = (
    "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ, Sở Giáo dục và Đào tạo, "
    "Ủy ban nhân dân các huyện, thành phố tổ chức triển khai thực hiện Kế hoạch này; định kỳ hằng năm "
    "tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trước ngày 15 tháng 12. Các tổ chức chính trị - xã hội "
    "phối hợp tuyên truyền Nghị quyết số 57-NQ/TW và Kế hoạch số 45-KH/TU đến cán bộ, đảng viên."
)
HEADER = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nSố: 12/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nHà Tĩnh, ngày 20 tháng 5 năm 2025"
DOC = (
    f"{HEADER}\n\nKẾ HOẠCH\nThực hiện Chương trình hành động số 45-CTr/TU\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và các văn bản hướng dẫn thi hành;\n"
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ;\n"
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n\nI. TỔ CHỨC THỰC HIỆN\n"
    f"1. {PARAGRAPH}\n2. {PARAGRAPH}\n3. Sở Tài chính\nBố trí kinh phí thực hiện Kế hoạch.\n"
    f"4. {PARAGRAPH}\n5. {PARAGRAPH}"
)


def _lines(text: str) -> list[str]:
    return [ln for ln in normalize(text).text.split("\n") if ln]


@pytest.mark.parametrize("width", [50, 60, 72, 80, 100, 120])
def test_any_wrap_width_gives_back_the_typed_lines(width: int) -> None:
    """A PDF copy wrapped at any usual width reads as the typed text: paragraphs whole, header lines apart."""
    assert _lines(wrap_at(width)(DOC)) == _lines(DOC)


@pytest.mark.parametrize("width", [60, 100])
def test_decomposed_text_wrapped_by_code_points_is_joined(width: int) -> None:
    """NFD letters make each line longer in code points; the wrap is still found and undone."""
    nfd = unicodedata.normalize("NFD", DOC)
    assert _lines(wrap_at(width)(nfd)) == _lines(DOC)


def test_double_spaced_export_reads_as_single_spaced() -> None:
    """A blank line after every line (PDF/Word export): the title's lines stay one title."""
    assert normalize(double(DOC)).text.replace("\n\n", "\n") == normalize(DOC).text.replace("\n\n", "\n")
    title = "KẾ HOẠCH\n\nThực hiện Chương trình hành động số 45-CTr/TU\n\nngày 10/3/2025 của Tỉnh ủy"
    assert "số 45-CTr/TU ngày 10/3/2025" in normalize(double(title) + "\n\n" + double(DOC)).text


def test_tab_separated_and_indented_lines_read_as_typed() -> None:
    tabbed = "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n    Sở Tài chính chủ trì."
    assert (
        normalize(tabbed).text == "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSở Tài chính chủ trì."
    )


# (text wrapped at 60 columns, whether its first break is joined): the rules a wrap must not override.
BREAKS = [
    ("Các tổ chức chính trị - xã hội phối hợp tuyên truyền Kế hoạch\nnày đến cán bộ.", True),
    (
        "Phối hợp với các sở, ban, ngành, địa phương và những tổ chức\n- xã hội đẩy mạnh tuyên truyền các nội dung của Kết luận.",
        True,
    ),
    (
        "Hướng dẫn thực hiện cơ chế khoán chi quy định tại Điều 1 và\nĐiều 2 Nghị quyết này; hoàn thành trong Quý III/2025 nhé.",
        True,
    ),
    (
        "Các Sở: Nông nghiệp và Phát triển nông thôn; Công Thương;\nNgoại vụ; Tài nguyên và Môi trường phối hợp thực hiện.",
        True,
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nThực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ.",
        False,
    ),
    (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nCăn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ.",
        False,
    ),
    (
        "Tổ chức triển khai thực hiện Kế hoạch này trên địa bàn tỉnh\n1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch hằng năm.",
        False,
    ),
    ("V/v triển khai thí điểm cơ chế khoán chi theo Nghị quyết\nHà Nội, ngày 05 tháng 5 năm 2025", False),
    (
        "DANH MỤC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN\nSTT | Nội dung | Cơ quan chủ trì | Thời gian",
        False,
    ),
]


@pytest.mark.parametrize(("text", "joined"), BREAKS)
def test_wrapped_break_is_joined_only_inside_a_sentence(text: str, joined: bool) -> None:
    # Wrapped paragraphs around the pair give the text its 60-column margin.
    wrapped = wrap_at(60)(PARAGRAPH) + "\n\n" + text + "\n\n" + wrap_at(60)(PARAGRAPH)
    first, second = text.split("\n")
    got = normalize(wrapped).text
    assert (f"{first} {second}" in got) is joined, got


def _indented(paragraphs: list[str], first: int = 30, width: int = 80) -> str:
    """Paragraphs wrapped as a web page copied to text leaves them: the first line of each at a shorter
    column (it was indented), the others at ``width``, a blank line between paragraphs."""
    import textwrap

    out = []
    for p in paragraphs:
        head = textwrap.wrap(p, first)[0]
        rest = p[len(head) :].strip()
        out.append("\n".join([head, *textwrap.wrap(rest, width)]) if rest else head)
    return "\n\n".join(out)


def test_indented_first_lines_are_joined() -> None:
    items = [
        f"{c}) Ủy ban nhân dân các tỉnh, thành phố tiếp tục rà soát, bằng mọi biện pháp cứu trợ lương thực, "
        f"thực phẩm, nước uống cho các hộ có nguy cơ thiếu đói số {i}."
        for i, c in enumerate("abcdeghiklmn")
    ]
    text = normalize(_indented(["II. CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", *items])).text
    assert text.split("\n\n") == ["II. CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", *items]


def test_short_agency_headings_before_their_task_stay_lines_of_their_own() -> None:
    body = "\n\n".join(
        f"{i}. Sở {name}\nChủ trì, phối hợp với các sở, ngành tham mưu Ủy ban nhân dân tỉnh triển khai "
        "thực hiện Kế hoạch này."
        for i, name in enumerate(["Tài chính", "Nội vụ", "Xây dựng", "Y tế", "Công Thương"], 1)
    )
    assert normalize(wrap_at(80)(body)).text.count("\nChủ trì") == 5


@pytest.mark.parametrize(
    ("prev", "nxt", "joined"),
    [
        ("THỦ", "TƯỚNG CHÍNH PHỦ điện:", True),  # a heading's word cut inside one bold run
        ("ỦY", "BAN NHÂN DÂN TỈNH", True),
        ("LUẬT", "BẢO VỆ DỮ LIỆU", False),  # a type word stands alone
        ("I.", "NÂNG CAO NHẬN THỨC", False),  # a label, a table's group row
        ("II", "MỤC TIÊU", False),
        ("STT", "Nội dung", False),
    ],
)
def test_a_word_cut_inside_a_bold_run(prev: str, nxt: str, joined: bool) -> None:
    from kg.normalize.linebreaks import cut_in_bold

    assert cut_in_bold(prev, nxt) is joined


# (line, next line, joined) in a text wrapped at 100 columns whose lines here stop well short of the margin
# (a PDF copy whose lines end where the page did): only a cut name or a comma-ended list goes on.
NAME_BREAKS = [
    (
        "a) Văn bản yêu cầu các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá, Hiệp hội",
        "Nước mắm Phan Thiết, Hội Tin",
        True,
    ),
    (
        "Giao các sở: Giao thông vận tải, Nông nghiệp và Phát triển nông thôn,",
        "Thông tin và Truyền thông, Xây",
        True,
    ),
    ("4.6. Văn phòng", "Trung ương Đảng phối hợp theo dõi, đôn đốc, báo cáo.", True),
    (
        "2. Sở Tài chính",
        "Chủ trì, phối hợp với các sở, ngành liên quan.",
        False,
    ),  # a complete name: a heading
    ("3. Ủy ban nhân dân", "Các huyện, thị xã, thành phố chủ động triển khai.", False),
    (
        "4. Văn phòng",
        "Chủ trì tổng hợp, báo cáo kết quả thực hiện.",
        False,
    ),  # no listed name joined: a heading
    ("Hà Nội,", "Ngày 05 tháng 5 năm 2025", False),
    ("Các cơ quan, đơn vị báo cáo kết quả về Sở Nội vụ.", "Văn phòng Ủy ban nhân dân tỉnh theo dõi.", False),
    # a one-word head alone refers to a body named before (a table's cells, one per line)
    ("Triển khai bệnh án điện tử tại các bệnh viện trực thuộc Bộ", "Cục Quản lý Khám, chữa bệnh", False),
    ("Các trường đại học y, dược trực thuộc Bộ", "Năm 2025", False),
]


@pytest.mark.parametrize(("prev", "nxt", "joined"), NAME_BREAKS)
def test_a_name_cut_by_the_line_end_is_joined(prev: str, nxt: str, joined: bool) -> None:
    br = Break(prev, nxt, 0, (len(prev), len(prev)), (len(nxt.split()[0]),) * 2)
    assert joins(br, Layout(100)) is joined


def test_a_sentence_that_goes_on_at_a_number_is_joined_in_an_unwrapped_text() -> None:
    # issue 10: a page copied as typed (no wrap column) still breaks a sentence before "100% việc ...": a
    # long line with no end punctuation goes on at a number followed by words; a label ("1. Sở ...") does not
    text = (
        "- Tiếp tục triển khai việc cập nhật cơ sở dữ liệu của toàn bộ cán bộ, công chức và hoàn thành\n"
        "100% việc cập nhật lý lịch cán bộ, công chức trước ngày 06 tháng 12 năm 2025.\n"
        "Tổ chức triển khai thực hiện Kế hoạch này trên địa bàn toàn tỉnh đến các xã\n"
        "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch hằng năm.\n"
    )
    got = normalize(text).text
    assert "và hoàn thành 100% việc cập nhật" in got
    assert "đến các xã\n1. Sở Tài chính" in got


def test_a_centred_page_number_inside_a_sentence_is_set_aside() -> None:
    # issue 10: pdftotext -layout prints a page's number centred between two lines of one sentence; the
    # sentence is read whole across it, the number kept aside as chrome ("page-number")
    text = (
        "1. Giao Sở Lao động - Thương binh và Xã hội chủ trì kiểm tra, giám sát việc tổ chức đào tạo nghề trình độ\n"
        "                                           3\n\n\n"
        "sơ cấp trên địa bàn Thành phố; tổng hợp báo cáo Ủy ban nhân dân Thành phố.\n"
        "2. Giao Ủy ban nhân dân các quận, huyện tổ chức triển khai thực hiện.\n"
    )
    got = normalize(text)
    assert "nghề trình độ sơ cấp trên địa bàn" in got.text
    assert got.chrome_kinds == ("page-number",)


def test_an_office_and_its_body_cut_by_the_line_end_are_joined() -> None:
    # issue 10: "... báo cáo kết quả cho Chủ tịch" / "UBND tỉnh trong tháng 12/2023." is one sentence
    text = (
        "Giao UBND thành phố tổ chức kiểm tra, rà soát; báo cáo kết quả cho Chủ tịch\n"
        "UBND tỉnh trong tháng 12/2023.\n"
    )
    assert "cho Chủ tịch UBND tỉnh trong tháng 12/2023." in normalize(text).text
