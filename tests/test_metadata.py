# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Document metadata for the kinds of text researchers feed: UBND plans, decisions, party programmes, news."""

from __future__ import annotations

import pytest

from kg.extract import extract_text

CASES = [
    (
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n-------\n\nSố: 4655/KH-UBND\n\nLâm Đồng, ngày 10 tháng 6 năm 2024\n\nKẾ HOẠCH\n\n"
        "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW\n\nI. MỤC ĐÍCH\n\n1. Một.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nPhạm S",
        (
            "4655/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Lâm Đồng",
            "2024-06-10",
            "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW",
            "Phạm S",
        ),
    ),
    (
        "Số: /KH-UBND\n\nNam Định, ngày tháng 06 năm 2024\n\nKẾ HOẠCH\n\nThực hiện Chương trình số 47/CTr-TU\n\n"
        "Thực hiện Chương trình số 47/CTr-TU. Ủy ban nhân dân tỉnh Nam Định ban hành Kế hoạch thực hiện như sau:\n\nI. MỤC ĐÍCH",
        (
            None,
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Nam Định",
            "2024-06",
            "Thực hiện Chương trình số 47/CTr-TU",
            None,
        ),
    ),
    (
        "TỈNH ỦY NAM ĐỊNH\n*\nSố 47-CTr/TU\n\nNam Định, ngày 31 tháng 5 năm 2024\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
        "thực hiện Kết luận số 69-KL/TW\n\nI. MỤC TIÊU\n\n- Một.",
        (
            "47-CTr/TU",
            "Chương trình hành động",
            "Tỉnh ủy Nam Định",
            "2024-05-31",
            "thực hiện Kết luận số 69-KL/TW",
            None,
        ),
    ),
    (
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\n-------\n\nSố: 1234/KH-BKHCN\n\nHà Nội, ngày 02 tháng 7 năm 2024\n\nKẾ HOẠCH\n\n"
        "Triển khai Nghị quyết số 88/NQ-CP\n\nI. MỤC ĐÍCH\n\n1. Một.",
        (
            "1234/KH-BKHCN",
            "Kế hoạch",
            "Bộ Khoa học và Công nghệ",
            "2024-07-02",
            "Triển khai Nghị quyết số 88/NQ-CP",
            None,
        ),
    ),
    (
        "Ngày 03/12/2020, UBND tỉnh Kon Tum ban hành Kế hoạch số 4485/KH-UBND về việc phát triển khoa học và công nghệ "
        "giai đoạn 2021 – 2025. Theo đó, Kế hoạch nêu rõ.",
        (
            "4485/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Kon Tum",
            "2020-12-03",
            "Phát triển khoa học và công nghệ giai đoạn 2021 – 2025",
            None,
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_document_metadata(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date, d.title, d.signer) == expected


def test_metadata_spans_quote_the_original() -> None:
    text = CASES[0][0].replace(" ", "\u00a0", 3)
    d = extract_text(text).document
    assert d.spans["number"].quote == "4655/KH-UBND"
    assert text[d.spans["signer"].start : d.spans["signer"].end] == "Phạm S"


# Header layouts and date forms of documents the seeds lack (party resolutions, decrees, portal articles).
LAYOUTS = [
    (  # party layout: the issuing body under the type word, not the header's parent body; the title is the
        # words after the type word as printed, by-line included (real corpus, notes a.md)
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 22 tháng 12 năm 2024\n\n"
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đột phá phát triển khoa học, công nghệ\n-----\n\nI. TÌNH HÌNH\n1. Một.",
        (
            "57-NQ/TW",
            "Nghị quyết",
            "Bộ Chính trị",
            "2024-12-22",
            "CỦA BỘ CHÍNH TRỊ về đột phá phát triển khoa học, công nghệ",
        ),
    ),
    (  # both header columns on one line; "Số:" with the number on the next line, sharing it with the date
        "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:\n35/2025/NĐ-CP Hà Nội, ngày 25 tháng 02 năm 2025\n\n"
        "NGHỊ ĐỊNH\nQuy định cơ cấu tổ chức của Bộ Tài chính\n\nĐiều 1. Một.",
        ("35/2025/NĐ-CP", "Nghị định", "Chính phủ", "2025-02-25", "Quy định cơ cấu tổ chức của Bộ Tài chính"),
    ),
    (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH HÀ GIANG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 123/KH-UBND Hà Giang, ngày 5 tháng 3 năm 2025\n\nKẾ HOẠCH\nChuyển đổi số năm 2025\n\nI. MỤC ĐÍCH\n1. Một.",
        ("123/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Hà Giang", "2025-03-05", "Chuyển đổi số năm 2025"),
    ),
    (  # numeric date line of a letter
        "BỘ KHOA HỌC VÀ CÔNG NGHỆ\n-------\nSố: 1520/BKHCN-KHTC\nV/v triển khai Nghị quyết số 71/NQ-CP\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 5/5/2025\n\nKính gửi: Các bộ.\n\nThực hiện Nghị quyết.",
        (
            "1520/BKHCN-KHTC",
            "Công văn",
            "Bộ Khoa học và Công nghệ",
            "2025-05-05",
            "V/v triển khai Nghị quyết số 71/NQ-CP",
        ),
    ),
    (  # the day left blank
        "THỦ TƯỚNG CHÍNH PHỦ\n-------\nSố: 412/QĐ-TTg\n\nHà Nội, ngày      tháng 3 năm 2025\n\nQUYẾT ĐỊNH\nPhê duyệt Chiến lược\n\nĐiều 1. Một.",
        ("412/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "2025-03", "Phê duyệt Chiến lược"),
    ),
    (  # portal article: year of "Ngày 15/3" from the page's own dateline; title without "về"
        "Báo Gia Lai điện tử\nTrang chủ\nGia Lai triển khai kế hoạch\nThứ hai, 17/03/2025 | 08:15\nFacebook\n"
        "(GLO)- Ngày 15/3, UBND tỉnh Gia Lai ban hành Kế hoạch số 678/KH-UBND triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
        (
            "678/KH-UBND",
            "Kế hoạch",
            "Ủy ban nhân dân tỉnh Gia Lai",
            "2025-03-15",
            "Triển khai thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        ),
    ),
    (  # no dated dateline: a day and month alone give no date
        "Ngày 15/3, UBND tỉnh Gia Lai ban hành Kế hoạch số 678/KH-UBND về chuyển đổi số.",
        ("678/KH-UBND", "Kế hoạch", "Ủy ban nhân dân tỉnh Gia Lai", None, "Chuyển đổi số"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), LAYOUTS)
def test_header_layouts_and_date_forms(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date, d.title) == expected


def test_news_headline_is_not_the_opening() -> None:
    text = (
        "Tây Ninh ban hành kế hoạch phát triển kinh tế số\n\nCập nhật: 16/09/2024 08:15\n\n"
        "(TN) - Ngày 12/9/2024, UBND tỉnh Tây Ninh ban hành Kế hoạch số 3012/KH-UBND về phát triển kinh tế số.\n\n"
        "Kế hoạch nhằm triển khai thực hiện Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ."
    )
    rec = extract_text(text)
    assert (rec.document.number, rec.document.date) == ("3012/KH-UBND", "2024-09-12")
    assert {(e.source, e.relation, e.target) for e in rec.lineage} == {("SELF", "implements", "411/QĐ-TTg")}
