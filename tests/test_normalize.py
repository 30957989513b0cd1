# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Normalization: NFC, Đ, odd spaces, hard line breaks, chrome — and spans that still point into the original."""

from __future__ import annotations

import unicodedata

import pytest

from kg.normalize import normalize


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
