# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Normalization: NFC, Đ, odd spaces, hard line breaks, chrome — and spans that still point into the original."""

from __future__ import annotations

import unicodedata

import pytest

from kg.extract import extract_text
from kg.normalize import normalize
from kg.paths import RAW_DIR


def test_nfd_text_is_composed_and_spans_quote_the_original() -> None:
    raw = unicodedata.normalize("NFD", "Kế hoạch số 4655/KH-UBND của Ủy ban nhân dân")
    t = normalize(raw)
    assert t.text == "Kế hoạch số 4655/KH-UBND của Ủy ban nhân dân"
    i = t.text.index("Ủy")
    span = t.span(i, i + len("Ủy ban"))
    assert raw[span.start : span.end] == span.quote
    assert unicodedata.normalize("NFC", span.quote) == "Ủy ban"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\t"])
def test_odd_spaces_become_plain_spaces(space: str) -> None:
    assert normalize(f"Số:{space}4655/KH-UBND").text == "Số: 4655/KH-UBND"


def test_eth_becomes_d_with_stroke() -> None:
    assert normalize("1466/QÐ-UBND").text == "1466/QĐ-UBND"


def test_sentence_broken_over_lines_is_joined_but_labels_are_not() -> None:
    raw = "- Tổ chức tuyên truyền, phổ biến tài liệu\nhướng dẫn về hoạt động\n\na) Lĩnh vực nông nghiệp"
    assert (
        normalize(raw).text
        == "- Tổ chức tuyên truyền, phổ biến tài liệu hướng dẫn về hoạt động\n\na) Lĩnh vực nông nghiệp"
    )


def test_website_chrome_is_set_aside_and_recorded() -> None:
    raw = "Đăng nhập\n\nSố: 12/KH-UBND\n\nNội dung.\n\nDMCA.com Protection Status\nIP: 1.2.3.4"
    t = normalize(raw)
    assert "Đăng nhập" not in t.text and "DMCA" not in t.text
    assert [c.quote for c in t.chrome] == ["Đăng nhập", "DMCA.com Protection Status", "IP: 1.2.3.4"]


def test_footer_chrome_drops_the_rest_of_the_page() -> None:
    t = normalize("Điều 1. Nội dung.\n\nVideo liên quan\n\nTin khác 1\nTin khác 2")
    assert t.text == "Điều 1. Nội dung."


def test_every_normalized_character_maps_into_the_original() -> None:
    raw = "ỦY BAN\r\nSố:\u00a0 12/KH-UBND\n\n" + unicodedata.normalize("NFD", "Kế hoạch thực hiện")
    t = normalize(raw)
    assert len(t.offsets) == len(t.text) + 1
    assert all(0 <= o <= len(raw) for o in t.offsets)
    assert t.offsets == tuple(sorted(t.offsets))


def test_related_documents_list_is_chrome_only_after_the_document() -> None:
    """A legal-database page shows "Văn bản liên quan" as a tab above the document and as a list below it:
    the tab is one chrome line, the list after the signature block is the page footer."""
    raw = "Văn bản liên quan\nGhi chú\nSố: 1/KH-UBND\nNơi nhận:\n- Lưu.\nVăn bản liên quan\nNghị quyết 01/NQ-CP năm 2025\n"
    t = normalize(raw)
    assert "01/NQ-CP" not in t.text and t.text.startswith("Số: 1/KH-UBND")
    assert [c.quote.split("\n")[0] for c in t.chrome] == ["Văn bản liên quan", "Ghi chú", "Văn bản liên quan"]


def test_table_header_words_are_not_chrome_inside_a_document() -> None:
    t = normalize("PHỤ LỤC\nTT\nNội dung\nGhi chú\n1\nTuyên truyền\nHằng năm\n")
    assert "Ghi chú" in t.text.split("\n")


def test_removed_chrome_line_breaks_a_wrapped_paragraph() -> None:
    head = "Gia Lai triển khai kế hoạch phát triển khoa học, công nghệ và chuyển đổi số của tỉnh"
    t = normalize(
        head + "\nFacebook\n(GLO)- Ngày 15/3, UBND tỉnh Gia Lai ban hành Kế hoạch số 678/KH-UBND.\n"
    )
    assert t.text.split("\n\n")[0] == head


# --- news bylines ------------------------------------------------------------------------------------------

_NEWS = (
    "Ngày 15/3, UBND tỉnh Quảng Bình ban hành Kế hoạch số 77/KH-UBND về phát triển khoa học và công nghệ.\n"
    "Kế hoạch giao Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành triển khai thực hiện.\n"
)


@pytest.mark.parametrize(
    "byline",
    [
        "Minh Châu",
        "PV",
        "Theo Báo Tin tức",
        "Thu Hà (tổng hợp)",
        "hbnguyet",
        "Tin, ảnh: Hoàng Anh",
        "Nguồn: Báo Quảng Bình",
    ],
)
@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", ""),
        ("Xem chi tiết TẠI ĐÂY\n", "lên đầu trang\n"),
        ("\n", "Tin liên quan\nQuảng Bình tổng kết năm 2024\n"),
    ],
    ids=["last-line", "among-chrome", "before-footer"],
)
def test_news_byline_is_set_aside_as_chrome(byline: str, before: str, after: str) -> None:
    t = normalize(_NEWS + before + byline + "\n" + after)
    assert byline not in t.text
    assert t.text.endswith("triển khai thực hiện.")
    assert (byline, "byline") in [(c.quote, k) for c, k in zip(t.chrome, t.chrome_kinds, strict=True)]


@pytest.mark.parametrize(
    "raw",
    [
        # An official text ends with its signer's name: the signature block is document text.
        "Sở Tài chính chủ trì thực hiện.\n\nNơi nhận:\n- Như trên;\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Thành",
        # A short capitalised line after a heading or a table cell is no byline: no finished sentence before it.
        "III. TỔ CHỨC THỰC HIỆN\nSở Nội Vụ",
        # A byline-shaped line in the middle of a report stays.
        _NEWS + "Minh Châu\nSở Tài chính chủ trì, phối hợp với các sở, ngành thẩm định kinh phí thực hiện.",
    ],
    ids=["signer", "after-heading", "mid-text"],
)
def test_name_like_lines_that_are_no_bylines_stay(raw: str) -> None:
    t = normalize(raw)
    assert "byline" not in t.chrome_kinds
    assert t.text.split("\n")[-1] == raw.split("\n")[-1]


@pytest.mark.parametrize(
    "caption", ["Ảnh minh họa", "Ảnh: Minh Châu", "Ảnh minh họa (Nguồn ảnh: http://example.vn/)"]
)
def test_photo_captions_are_chrome(caption: str) -> None:
    t = normalize(_NEWS + caption + "\nSở Tài chính chủ trì, phối hợp với các sở, ngành thẩm định kinh phí.")
    assert caption not in t.text and len(t.chrome) == 1


def test_a_byline_never_becomes_a_task() -> None:
    from kg.extract import extract_text

    record = extract_text(_NEWS + "Phương Loan\n")
    assert record.tasks and all("Phương Loan" not in t.text for t in record.tasks)
    assert record.source.chrome[-1].quote == "Phương Loan"


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        # A symbol broken at its hyphen by PDF wrapping is one symbol again, with no space.
        ("Thực hiện Chương trình hành động số 47/CTr-\nTU ngày 31/5/2024 của Tỉnh ủy", "số 47/CTr-TU ngày"),
        ("triển khai Nghị quyết số 71/NQ-\nCP của Chính phủ", "số 71/NQ-CP của"),
        # A spaced dash at a line's end joins the two halves of a name, whatever the case after it.
        ("phối hợp với Văn phòng Bộ, Vụ Kế hoạch -\nTài chính tham mưu", "Vụ Kế hoạch - Tài chính tham mưu"),
    ],
)
def test_line_broken_at_a_hyphen_or_dash_is_joined(raw: str, joined: str) -> None:
    t = normalize(raw)
    assert joined in t.text
    i = t.text.index(joined)
    assert raw[t.span(i, i + len(joined)).start :].startswith(joined.split()[0])


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        # A line ending in a connective goes on, even where the next opens with a capital and the lines are
        # too few to show a wrap margin (issue 10: "của" / "Chính phủ ..." became a sentence of Chính phủ).
        (
            "Căn cứ Luật Quản lý thuế; Nghị định số 91/2022/NĐ-CP ngày 30/10/2022 của\n"
            "Chính phủ sửa đổi, bổ sung một số điều.\nBộ Tài chính đề nghị:",
            "30/10/2022 của Chính phủ sửa đổi",
        ),
        ("Ủy ban nhân dân xã phối hợp với các\nNgân hàng thương mại mở tài khoản.", "với các Ngân hàng"),
    ],
)
def test_line_ending_in_a_connective_is_joined(raw: str, joined: str) -> None:
    assert joined in normalize(raw).text


def test_list_dash_lines_are_not_joined_by_the_dash_rule() -> None:
    assert normalize("Nơi nhận:\n- Như trên;\n- Lưu: VT.").text == "Nơi nhận:\n- Như trên;\n- Lưu: VT."


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        # two bold blocks a converter glued: the letters on either side cannot be one syllable
        (
            "**KẾT LUẬN****CỦA BAN BÍ THƯ****về công tác văn thư**",
            ["KẾT LUẬN", "CỦA BAN BÍ THƯ", "về công tác văn thư"],
        ),
        ("**NGHỊ ĐỊNH**Quy định về phí", ["NGHỊ ĐỊNH", "Quy định về phí"]),
        # bold inside one word stays one word
        ("**Kính g****ửi****:** Các sở", ["Kính gửi: Các sở"]),
        # a heading's word cut inside one bold run is rejoined
        ("**TH****Ủ\nTƯỚNG CHÍNH PHỦ điện:**", ["THỦ TƯỚNG CHÍNH PHỦ điện:"]),
    ],
)
def test_markdown_bold_blocks(raw: str, lines: list[str]) -> None:
    assert [ln for ln in normalize(raw).text.split("\n") if ln] == lines


# --- invisible characters (issue 14) ----------------------------------------------------------------------

_SEED = RAW_DIR / "ubnd-lam-dong_4655-kh-ubnd_2024.txt"


@pytest.mark.parametrize(
    "written",
    [
        "chủ\u200btrì",
        "chủ \u200btrì",
        "ch\u200bủ trì",
        "ch\u00adủ trì",
        "chủ\u00adtrì",
        "chủ \ufefftrì",
        "c\u200dhủ t\u2060rì",
    ],
    ids=[
        "zwsp for the space",
        "zwsp beside it",
        "zwsp inside",
        "soft hyphen",
        "soft hyphen for the space",
        "bom mid-text",
        "zwj, joiner",
    ],
)
def test_invisible_characters_in_chu_tri_lose_no_task(written: str) -> None:
    raw = _SEED.read_text(encoding="utf-8")
    assert "chủ trì" in raw
    changed = raw.replace("chủ trì", written)
    plain, hidden = extract_text(raw), extract_text(changed)
    assert [(a.agency, a.role, a.task) for a in hidden.assignments] == [
        (a.agency, a.role, a.task) for a in plain.assignments
    ]
    for a in hidden.assignments:  # spans still point into the text as read, invisible characters and all
        for span in (a.span, a.task_span):
            assert span is None or changed[span.start : span.end] == span.quote


def test_a_zero_width_space_between_syllables_is_a_space_inside_a_syllable_nothing() -> None:
    raw = "Sở Tài chính chủ\u200btrì, ph\u200bối hợp"
    t = normalize(raw)
    assert t.text == "Sở Tài chính chủ trì, phối hợp"
    i = t.text.index("chủ trì")
    assert t.span(i, i + len("chủ trì")).quote == "chủ\u200btrì"
