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


# The header read by role: each case is a short header modelled on a real layout (not a copied text), with the
# fields it must give: (number, doc_type, issuer, date, title, signer).
ROLE_CASES = [
    (  # issuer and motto wrapped line by line, the motto split mid-phrase; signer wrapped in a narrow column
        "BỘ XÂY DỰNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
        "Số: 812/BXD-KHTC\nV/v rà soát kế hoạch vốn năm 2026\nHà Nội, ngày 3 tháng 12 năm 2025\n\n"
        "Kính gửi: Các sở, ngành.\n\nBộ Xây dựng đề nghị các đơn vị rà soát, báo cáo./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn\nSơn",
        (
            "812/BXD-KHTC",
            "Công văn",
            "Bộ Xây dựng",
            "2025-12-03",
            "V/v rà soát kế hoạch vốn năm 2026",
            "Trần Văn Sơn",
        ),
    ),
    (  # a unit under its province's committee, the province wrapped; subject "Về ..." without "V/v"
        "UBND TỈNH AN\nGIANG\nSỞ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 77/SYT-NV\nVề tiêm chủng mở rộng năm 2026\nAn Giang, ngày 2 tháng 12 năm 2025\n\n"
        "Kính gửi: Ủy ban nhân dân các xã.\n\nSở Y tế đề nghị các xã triển khai./.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nGIÁM ĐỐC\nLê Thị Hoa",
        (
            "77/SYT-NV",
            "Công văn",
            "Sở Y tế tỉnh An Giang",
            "2025-12-02",
            "Về tiêm chủng mở rộng năm 2026",
            "Lê Thị Hoa",
        ),
    ),
    (  # party format: the central organ under the Central Committee, "*" under it, number without colon,
        # the place-date wrapped after "ngày", a title line that opens with the type word
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nVĂN PHÒNG\n*\nĐẢNG CỘNG\nSẢN VIỆT NAM\n---------------\nSố 512-TB/VPTW\n"
        "Hà Nội, ngày\n3 tháng 12 năm 2025\nTHÔNG BÁO KẾT LUẬN\nCỦA ĐỒNG CHÍ THƯỜNG TRỰC BAN BÍ THƯ VỀ CÔNG TÁC VĂN THƯ\n"
        "-----\nNgày 1/12/2025, đồng chí Thường trực Ban Bí thư đã làm việc và kết luận như sau:\n"
        "1. Các cơ quan thực hiện nghiêm.\n\nK/T CHÁNH\nVĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\nĐinh Văn Toàn",
        (
            "512-TB/VPTW",
            "Thông báo",
            "Văn phòng Trung ương Đảng",
            "2025-12-03",
            "KẾT LUẬN CỦA ĐỒNG CHÍ THƯỜNG TRỰC BAN BÍ THƯ VỀ CÔNG TÁC VĂN THƯ",
            "Đinh Văn Toàn",
        ),
    ),
    (  # the Secretariat signs for the Central Committee of the header ("T/M" wrapped)
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 390-QĐ/TW\nHà Nội, ngày 1 tháng 12 năm 2025\n\n"
        "QUY ĐỊNH\nVỀ CÔNG TÁC LƯU TRỮ\n-----\nĐiều 1. Phạm vi\nQuy định này áp dụng chung.\n\n"
        "Nơi nhận:\n- Các tỉnh ủy,\n- Lưu Văn phòng Trung ương.\nT/M BAN BÍ\nTHƯ\nNguyễn Văn Bình",
        ("390-QĐ/TW", "Quy định", "Ban Bí thư", "2025-12-01", "VỀ CÔNG TÁC LƯU TRỮ", "Nguyễn Văn Bình"),
    ),
    (  # one line of flattened cells: issuer, its standing body and the number; the motto and place-date
        "ỦY BAN MTTQ VIỆT NAM XÃ AN PHÚ BAN THƯỜNG TRỰC Số: /KH-MTTQ-BTT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc An Phú, ngày tháng 11 năm 2025\nKẾ HOẠCH\nTổ chức Ngày hội đại đoàn kết\n"
        "I. MỤC ĐÍCH\n1. Phát huy.\nNơi nhận: - Như trên; - Lưu: MTTQ | TM. BAN THƯỜNG TRỰC CHỦ TỊCH Hà Thị Lan",
        (
            None,
            "Kế hoạch",
            "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã An Phú",
            "2025-11",
            "Tổ chức Ngày hội đại đoàn kết",
            "Hà Thị Lan",
        ),
    ),
    (  # HTML text with cells joined by spaces: date, type word, title and authority on one line; no "Số" colon gap
        "Quyết định 44/QĐ-BTP\nBỘ TƯ PHÁP --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 44/QĐ-BTP\nHà Nội, ngày 9 tháng 1 năm 2025 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2025 "
        "BỘ TRƯỞNG BỘ TƯ PHÁP\nCăn cứ Nghị định số 98/2022/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. BỘ TRƯỞNG THỨ TRƯỞNG Phan Văn Hải KẾ HOẠCH CÔNG TÁC NĂM 2025",
        (
            "44/QĐ-BTP",
            "Quyết định",
            "Bộ Tư pháp",
            "2025-01-09",
            "BAN HÀNH KẾ HOẠCH CÔNG TÁC NĂM 2025",
            "Phan Văn Hải",
        ),
    ),
    (  # pdftotext -layout: columns side by side, a hand-filled number, signer at the foot beside "Nơi nhận"
        "ỦY BAN NHÂN DÂN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NINH BÌNH              Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15   /2025/QĐ-UBND         Ninh Bình, ngày 7 tháng 5 năm 2025\n\n                 QUYẾT ĐỊNH\n"
        "Ban hành quy chế phối hợp\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\n"
        "Nơi nhận:                                    TM. ỦY BAN NHÂN DÂN\n- Như Điều 3;                                      CHỦ TỊCH\n"
        "- Lưu: VT, NC.                                     Phạm Quang Ngọc\n",
        (
            "15/2025/QĐ-UBND",
            "Quyết định",
            "Ủy ban nhân dân tỉnh Ninh Bình",
            "2025-05-07",
            "Ban hành quy chế phối hợp",
            "Phạm Quang Ngọc",
        ),
    ),
    (  # a legal-library page: upper-case chrome and a metadata block above the header are not the issuer
        "THƯ VIỆN PHÁP LUẬT\nCÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN\n#\n305/UBND-KT\nCông văn\nĐã biết\n"
        "ỦY\nBAN NHÂN DÂN\nTỈNH LÀO CAI\n--------\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 305/UBND-KT\nV/v rà soát dữ liệu đất đai\nLào\nCai, ngày 4 tháng 12 năm 2025\nKính gửi: Sở Nông nghiệp và Môi trường.\n"
        "Ủy ban nhân dân tỉnh giao Sở rà soát./.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nVũ Đức Anh",
        (
            "305/UBND-KT",
            "Công văn",
            "Ủy ban nhân dân tỉnh Lào Cai",
            "2025-12-04",
            "V/v rà soát dữ liệu đất đai",
            "Vũ Đức Anh",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_CASES)
def test_header_fields_found_by_role(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date, d.title, d.signer) == expected


def test_a_number_cited_above_the_header_is_not_the_texts_number() -> None:
    """ "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ ..., NGÀY ..." over a plan cites the decision that set up the team:
    neither its number nor its date is the plan's."""
    text = (
        "SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT, NGÀY 01/12/2025\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nBình Định, ngày 2 tháng 12 năm 2025\n\nKẾ HOẠCH\nKiểm tra an toàn thực phẩm\n\n"
        "I. MỤC ĐÍCH\n1. Bảo đảm."
    )
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.date) == (None, "Kế hoạch", "2025-12-02")
    assert d.issuer is not None and "1050" not in d.issuer


def test_docx_rows_signature_beside_recipients_and_a_heading_office_is_no_block() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 5/KH-UBND | An Giang, ngày 2 tháng 12 năm 2025\n\nKẾ HOẠCH\nPhát triển du lịch\n\nI. MỤC ĐÍCH\n"
        "1. Bảo đảm.\nIII. TRÁCH NHIỆM CỦA GIÁM ĐỐC\nPhú Quốc\nCác sở thực hiện.\n"
        "Nơi nhận: | TM. ỦY BAN NHÂN DÂN\n- Như trên; | KT. CHỦ TỊCH\n- Lưu: VT. | PHÓ CHỦ TỊCH\n | Nguyễn Thanh Bình"
    )
    d = extract_text(text).document
    assert (d.number, d.issuer, d.signer) == (
        "5/KH-UBND",
        "Ủy ban nhân dân tỉnh An Giang",
        "Nguyễn Thanh Bình",
    )


OPENINGS = [
    # an introductory line before the header names the text; the header still gives it
    "Thay mặt Bộ Chính trị, Tổng Bí thư Nguyễn Văn A đã ký ban hành Nghị quyết số 66-NQ/TW ngày 30/4/2025 về "
    "đổi mới công tác pháp luật.\n",
    # the full title as the first line (a page heading)
    "NGHỊ QUYẾT 66-NQ/TW VỀ ĐỔI MỚI CÔNG TÁC PHÁP LUẬT\n",
]


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_line_above_the_header_does_not_replace_it(opening: str) -> None:
    text = opening + (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 66-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 30 tháng 4 năm 2025\n\n"
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề đổi mới công tác pháp luật\n-----\nI. TÌNH HÌNH\n1. Một."
    )
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date) == (
        "66-NQ/TW",
        "Nghị quyết",
        "Bộ Chính trị",
        "2025-04-30",
    )
    assert d.title == "CỦA BỘ CHÍNH TRỊ về đổi mới công tác pháp luật"


def test_number_beside_the_place_date_with_a_blank_day() -> None:
    text = (
        "UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\n-------\nSố: 9387 /SNV-TCBM    Hà Tĩnh, ngày   tháng 11 năm 2025\n"
        "V/v báo cáo biên chế\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Kính gửi: Các cơ quan.\nSở Nội vụ đề nghị báo cáo./."
    )
    d = extract_text(text).document
    assert (d.number, d.issuer, d.date, d.title) == (
        "9387/SNV-TCBM",
        "Sở Nội vụ tỉnh Hà Tĩnh",
        "2025-11",
        "V/v báo cáo biên chế",
    )


COLUMN_CASES = [
    (  # docx text with the columns side by side: issuer beside the place-date, number beside the type word
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHỦ TƯỚNG CHÍNH PHỦ\tHà Nội, ngày 2 tháng 3 "
        "năm 2026\n____________\nSố: 120/QĐ-TTg\tQUYẾT ĐỊNH\nPhê duyệt Đề án đào tạo cán bộ đối ngoại\n____________\n"
        "THỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án.",
        (
            "120/QĐ-TTg",
            "Quyết định",
            "Thủ tướng Chính phủ",
            "2026-03-02",
            "Phê duyệt Đề án đào tạo cán bộ đối ngoại",
        ),
    ),
    (  # a wrap cut the motto beside the issuer ("... CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM")
        "BỘ Y TẾ CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 45/BYT-KH Hà\nNội, ngày 5 tháng "
        "1 năm 2026\nV/v báo cáo kế hoạch năm 2026\nKính gửi: Các sở y tế.\nBộ Y tế đề nghị báo cáo./.",
        ("45/BYT-KH", "Công văn", "Bộ Y tế", "2026-01-05", "V/v báo cáo kế hoạch năm 2026"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), COLUMN_CASES)
def test_header_columns_side_by_side(text: str, expected: tuple) -> None:  # type: ignore[type-arg]
    d = extract_text(text).document
    assert (d.number, d.doc_type, d.issuer, d.date, d.title) == expected
