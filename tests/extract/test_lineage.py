# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""Lineage: typed edges from titles, Căn cứ lines, openings, and chains inside one sentence."""

from __future__ import annotations

import pytest

from kg.extract import extract_text

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n\nSố: 9/KH-UBND\n\nLâm Đồng, ngày 10 tháng 6 năm 2024\n\nKẾ HOẠCH\n\n"


def edges(text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.relation, e.target) for e in extract_text(text).lineage}


CASES = [
    (
        HEAD
        + "TRIỂN KHAI KẾT LUẬN SỐ 69-KL/TW NGÀY 11/01/2024 CỦA BỘ CHÍNH TRỊ VỀ VIỆC TIẾP TỤC THỰC HIỆN NGHỊ QUYẾT SỐ 20-NQ/TW\n\nI. MỤC ĐÍCH",
        {("SELF", "implements", "69-KL/TW"), ("69-KL/TW", "implements", "20-NQ/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nCăn cứ Kế hoạch số 116-KH/TU ngày 23/4/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 69-KL/TW. "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện trên địa bàn tỉnh như sau:\n\nI. MỤC ĐÍCH",
        {
            ("SELF", "based_on", "116-KH/TU"),
            ("SELF", "implements", "116-KH/TU"),
            ("116-KH/TU", "implements", "69-KL/TW"),
        },
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n- Kế hoạch số 7886/KH-UBND ngày 03/12/2019 thực hiện Kế hoạch số 101-KH/TU ngày 03/9/2019 "
        "của Tỉnh ủy thực hiện Kết luận số 50/KL-TW ngày 30/5/2019 của Ban Bí thư.",
        {("7886/KH-UBND", "implements", "101-KH/TU"), ("101-KH/TU", "implements", "50-KL/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n- Kế hoạch số 1819/KH-UBND ngày 02/4/2019 thực hiện Đề án “Thúc đẩy chuyển giao”.\n"
        "- Quyết định số 892/QĐ-UBND ngày 24/5/2022 phê duyệt Chương trình phát triển tài sản trí tuệ.",
        set(),
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n1. Quyết định số 1466/QĐ-UBND ban hành Kế hoạch triển khai thực hiện Kết luận số 50-KL/TW.",
        {("1466/QĐ-UBND", "implements", "50-KL/TW")},
    ),
    (
        HEAD
        + "Về khoa học\n\nI. NỘI DUNG\n\n1. Tiếp tục thực hiện Nghị quyết số 20-NQ/TU ngày 25/7/2022 của Tỉnh ủy.",
        set(),  # G10: "tiếp tục thực hiện" in a task list is no SELF edge
    ),
    (
        "QUYẾT ĐỊNH\n\nVỀ VIỆC BAN HÀNH\n\nCăn cứ Luật Khoa học và Công nghệ ngày 18/6/2013;\n\n"
        "Xét đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số: 19/TTr-SKHCN ngày 04 tháng 5 năm 2016,\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành.",
        {("SELF", "based_on", "Luật Khoa học và Công nghệ")},  # G11: "Xét đề nghị" is no basis
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_lineage_edges(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


def test_news_report_self_implements_the_strategy_it_carries_out() -> None:
    text = (
        "Tin KHCN\n\nMới đây, UBND tỉnh Kon Tum đã ban hành Kế hoạch số 3549/KH-UBND về thực hiện Chiến lược quốc gia "
        "phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030 trên địa bàn tỉnh Kon Tum (Kế hoạch)."
    )
    title = "Chiến lược quốc gia phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030"
    assert edges(text) == {("SELF", "implements", title)}


MORE = [
    (  # targets joined by "và" after "Thực hiện" in a letter's opening
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 45/UBND-VX\nV/v phòng, chống dịch\n\nNghệ An, ngày 03 tháng 6 năm 2025\n\n"
        "Kính gửi:\n- Các sở, ban, ngành.\n\nThực hiện Công điện số 61/CĐ-TTg ngày 20/5/2025 của Thủ tướng Chính phủ về phòng, chống dịch "
        "và Công văn số 2874/BYT-DP ngày 23/5/2025 của Bộ Y tế, Chủ tịch UBND tỉnh chỉ đạo như sau:\n\n1. Các sở tăng cường.",
        {("SELF", "implements", "61/CĐ-TTg"), ("SELF", "implements", "2874/BYT-DP")},
    ),
    (  # a "; thực hiện" clause of a Căn cứ line: SELF implements it, and no chain from the basis
        HEAD
        + "Về khoa học\n\nCăn cứ Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng; "
        "thực hiện Kết luận số 123-KL/TW ngày 24/01/2025 của Ban Chấp hành Trung ương Đảng, Ban Thường vụ xây dựng Kế hoạch:\n\nI. MỤC ĐÍCH",
        {("SELF", "based_on", "232-QĐ/TW"), ("SELF", "implements", "123-KL/TW")},
    ),
    (  # "và" after a chain target stays with the chain (45 implements both, as the real gold reads such
        # lists: "Kế hoạch 283 ... về thực hiện Nghị quyết 71/NQ-CP ... và Chương trình hành động 10-CTr/TU"),
        # not with this document
        HEAD
        + "Về khoa học\n\nThực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy thực hiện Kết luận số 69-KL/TW và Nghị quyết số 57-NQ/TW, "
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH",
        {
            ("SELF", "implements", "45-KH/TU"),
            ("45-KH/TU", "implements", "69-KL/TW"),
            ("45-KH/TU", "implements", "57-NQ/TW"),
        },
    ),
    (  # a law named with its number is one reference, by number
        "CHÍNH PHỦ\nSố: 35/2025/NĐ-CP\n\nHà Nội, ngày 25 tháng 02 năm 2025\n\nNGHỊ ĐỊNH\nQuy định\n\n"
        "Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13;\nTheo đề nghị của Bộ trưởng Bộ Tài chính;\n\nĐiều 1. Một.",
        {("SELF", "based_on", "29/2013/QH13")},
    ),
    (  # "Thời gian qua, thực hiện X" in a body section is a review of the past, not a SELF edge (G10)
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 57-NQ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 22 tháng 12 năm 2024\n\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\n"
        "về đột phá\n-----\n\nI. TÌNH HÌNH\nThời gian qua, thực hiện Nghị quyết số 20-NQ/TW, ngày 01/11/2012 của Ban Chấp hành Trung ương Đảng "
        "và Kết luận số 69-KL/TW, ngày 11/01/2024 của Ban Bí thư về tiếp tục thực hiện Nghị quyết số 20-NQ/TW, khoa học đã phát triển.",
        {("69-KL/TW", "implements", "20-NQ/TW")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_lineage_in_other_document_kinds(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


def test_law_with_number_is_listed_once_as_a_law() -> None:
    text = MORE[3][0] + "\n\nĐiều 2. Luật Khoa học và Công nghệ quy định."
    refs = extract_text(text).references
    assert [(r.number, r.doc_type, r.title) for r in refs] == [("29/2013/QH13", "Luật", None)]


DECREE = "CHÍNH PHỦ\nSố: 12/2025/NĐ-CP\n\nHà Nội, ngày 05 tháng 3 năm 2025\n\nNGHỊ ĐỊNH\nQuy định về thuế\n\n"
LETTER = "BỘ TÀI CHÍNH\nSố: 123/BTC-CT\nV/v phổ biến cẩm nang\n\nHà Nội, ngày 19 tháng 11 năm 2025\n\nKính gửi: Ủy ban nhân dân các tỉnh\n"
PREAMBLES = [
    (  # a Căn cứ clause wrapped over lines is one item, up to its ";"
        DECREE
        + "Căn cứ Nghị định số\n39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của\nChính phủ ban hành Quy chế làm việc;\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm\n2025;\nTheo đề nghị của Bộ trưởng Bộ Tài chính;\n\nĐiều 1. Một.",
        {("SELF", "based_on", "39/2022/NĐ-CP"), ("SELF", "based_on", "Luật Tổ chức Chính phủ")},
    ),
    (  # a letter's Căn cứ list in one paragraph after Kính gửi; a document named in another's description is no basis
        LETTER
        + "Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019; Căn cứ Nghị định số 126/2020/NĐ-CP ngày 19/10/2020 "
        "của Chính phủ quy định chi tiết một số điều của Luật Thuế giá trị gia tăng; Nghị định số 91/2022/NĐ-CP ngày 30/10/2022 của\n"
        "Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 126/2020/NĐ-CP; trên cơ sở định hướng phối hợp.\n"
        "Để bảo đảm thống nhất, Bộ Tài chính đề nghị như sau.",
        {
            ("SELF", "based_on", "Luật Quản lý thuế"),
            ("SELF", "based_on", "126/2020/NĐ-CP"),
            ("SELF", "based_on", "91/2022/NĐ-CP"),
        },
    ),
    (  # a Cyrillic look-alike letter inside "Căn cứ" (copy-paste) does not stop the list
        DECREE
        + "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn \u0441ứ Nghị định số 39/2022/NĐ-CP ngày 18/6/2022 "
        "của Chính phủ;\nTheo đề nghị của Bộ trưởng Bộ Tài chính;\n\nĐiều 1. Một.",
        {("SELF", "based_on", "Luật Tổ chức Chính phủ"), ("SELF", "based_on", "39/2022/NĐ-CP")},
    ),
    (  # bulleted Căn cứ items of a party text; a list of laws after ":"; the amending act is part of the basis
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 390-QĐ/TW\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Nội, ngày 19 tháng 11 năm 2025\n\nQUY ĐỊNH\nVỀ DỮ LIỆU\n-----\n"
        "- Căn cứ Điều lệ Đảng;\n- Căn cứ các Luật của Quốc hội: Luật Giao dịch điện tử số 20/2023/QH15, ngày 22/6/2023; "
        "Luật An ninh mạng số 24/2018/QH14 và được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15;\n"
        "- Căn cứ Nghị định số 53/2022/NĐ-CP, ngày 15/8/2022 của Chính phủ quy định chi tiết một số điều của Luật số 86/2015/QH13;\n"
        "- Xét đề nghị của Văn phòng Trung ương Đảng,\nBan Bí thư quy định như sau:\n\nChương I\nĐiều 1. Một.",
        {
            ("SELF", "based_on", "20/2023/QH15"),
            ("SELF", "based_on", "24/2018/QH14"),
            ("SELF", "based_on", "83/2025/QH15"),
            ("SELF", "based_on", "53/2022/NĐ-CP"),
        },
    ),
    (  # "Thực hiện A; B; C ... thực hiện A": SELF implements the three, and C implements A (no edge from a mere mention)
        HEAD
        + "Về sinh hoạt chi bộ\n\nThực hiện Chỉ thị số 50-CT/TW, ngày 23/7/2025 của Ban Bí thư; Quy định số 339-QĐ/TW, "
        "ngày 10/7/2025 của Ban Bí thư; Hướng dẫn số 42-HD/BTCTW, ngày 28/10/2025 của Ban Tổ chức Trung ương thực hiện "
        "Chỉ thị số 50-CT/TW, Ban Tuyên giáo hướng dẫn như sau:\n\n1. Mục đích",
        {
            ("SELF", "implements", "50-CT/TW"),
            ("SELF", "implements", "339-QĐ/TW"),
            ("SELF", "implements", "42-HD/BTCTW"),
            ("42-HD/BTCTW", "implements", "50-CT/TW"),
        },
    ),
    (  # "Thực hiện <an unnumbered guide>; Kế hoạch số X": the list after the cue goes on past the ";"
        HEAD
        + "Về bầu cử\n\nThực hiện Hướng dẫn Mặt trận Tổ quốc Việt Nam tham gia công tác bầu cử; Kế hoạch số 33/KH-MTTQ-BTT "
        "ngày 14/11/2025 của Ban Thường trực, Ban Thường trực hướng dẫn như sau:\n\n1. Mục đích",
        {("SELF", "implements", "33/KH-MTTQ-BTT")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PREAMBLES)
def test_lineage_from_real_preamble_layouts(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


DIRECTIVE = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\nSố: 7/CT-UBND\n\nQuảng Trị, ngày 25 tháng 11 năm 2025\n\nCHỈ THỊ\nVề bảo vệ rừng\n\n"
OPENINGS = [
    (  # a directive's lead-in before its first item: "Để tiếp tục thực hiện nghiêm A; B, C của X; D, E ..., UBND yêu cầu:"
        DIRECTIVE
        + "Trong những năm qua, công tác bảo vệ rừng đạt kết quả nhất định. Tuy nhiên, vi phạm còn nhiều.\n"
        "Để tiếp tục thực hiện nghiêm Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ; Chỉ thị số 31-CT/TU ngày 06/6/2023,\n"
        "Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy; Phương án số 728/PA-UBND ngày 28/02/2025 của UBND tỉnh,\n"
        "Ủy ban nhân dân tỉnh yêu cầu:\n1. Các sở tăng cường kiểm tra.",
        {
            ("SELF", "implements", "05/CT-TTg"),
            ("SELF", "implements", "31-CT/TU"),
            ("SELF", "implements", "134-KH/TU"),
            ("SELF", "implements", "728/PA-UBND"),
        },
    ),
    (  # an opening paragraph that reviews the past first: its later sentence states what the text carries out
        HEAD
        + "Về khoa học\n\nThời gian qua, kết quả thực hiện Nghị quyết số 05-NQ/TU đạt nhiều kết quả. Để tiếp tục thực hiện "
        "hiệu quả Kết luận số 69-KL/TW ngày 11/01/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH",
        {("SELF", "implements", "69-KL/TW")},
    ),
    (  # two opening paragraphs, each "Thực hiện X"
        HEAD
        + "Phát động phong trào thi đua\n\nThực hiện Chỉ thị số 21/CT-TTg ngày 25 tháng 11 năm 2022 của Thủ tướng Chính phủ;\n"
        "Thực hiện Thông báo số\n552/TB-VPCP ngày 13 tháng 10 năm 2025 của Văn phòng Chính phủ.\n"
        "Thời gian qua, chính sách được bảo đảm.\n\nI. MỤC ĐÍCH",
        {("SELF", "implements", "21/CT-TTg"), ("SELF", "implements", "552/TB-VPCP")},
    ),
    (  # a title "TRIỂN KHAI THI HÀNH LUẬT X"; a decision "ban hành Kế hoạch triển khai thi hành Luật X" implements it
        HEAD
        + "TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM\n\nThực hiện Quyết định số 1850/QĐ-TTg ngày 27 tháng 8 năm 2025 của "
        "Thủ tướng Chính phủ về ban hành Kế hoạch triển khai thi hành Luật Việc làm;\n\nI. MỤC ĐÍCH",
        {
            ("SELF", "implements", "Luật Việc làm"),
            ("SELF", "implements", "1850/QĐ-TTg"),
            ("1850/QĐ-TTg", "implements", "Luật Việc làm"),
        },
    ),
    (  # a mere mention: difficulties in implementing a decree, a task "gắn với thực hiện" a directive
        "VĂN PHÒNG CHÍNH PHỦ\nSố: 11/VPCP-NN\nV/v tháo gỡ khó khăn trong việc triển khai Nghị định 136/2025/NĐ-CP\n\n"
        "Hà Nội, ngày 5 tháng 11 năm 2025\n\nKính gửi: Bộ Nông nghiệp và Môi trường.\n"
        "Văn phòng Chính phủ nhận văn bản số 16/CV-HHTACN của Hội Chăn nuôi về việc đề xuất giải pháp tháo gỡ khó khăn trong\n"
        "việc triển khai Nghị định số 136/2025/NĐ-CP, Phó Thủ tướng có ý kiến như sau:\n"
        "1. Nâng cao hiệu quả thực hiện Kết luận số 21-KL/TW về xây dựng Đảng gắn với thực hiện\nChỉ thị số 05-CT/TW về học tập.",
        set(),
    ),
    (  # "thực hiện các Nghị quyết của Chính phủ: số A ...; số B": the plural announces the list
        HEAD
        + "THỰC HIỆN CÁC NGHỊ QUYẾT CỦA CHÍNH PHỦ: SỐ 01/NQ-CP NGÀY 05/01/2024 VỀ NHIỆM VỤ; SỐ 02/NQ-CP NGÀY 05/01/2024 VỀ MÔI TRƯỜNG\n\nI. MỤC ĐÍCH",
        {("SELF", "implements", "01/NQ-CP"), ("SELF", "implements", "02/NQ-CP")},
    ),
    (  # a letter guiding how the provisions of a law are carried out implements it
        "BỘ TÀI CHÍNH\nSố: 19/BTC-TCHQ\nV/v hướng dẫn thực hiện các quy định của Luật hải quan 2014\n\n"
        "Hà Nội, ngày 23 tháng 10 năm 2014\n\nKính gửi: Cục Hải quan các tỉnh.\nLuật hải quan có hiệu lực từ ngày 01/01/2015.",
        {("SELF", "implements", "Luật Hải quan")},
    ),
    (  # no type line found: the Căn cứ list is still read
        "Quyết định 173/QĐ-BTP\nBỘ TƯ PHÁP --------\nSố: 173/QĐ-BTP\nHà Nội, ngày 29 tháng 01 năm 2015 QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH\n"
        "Căn cứ Nghị định số 22/2013/NĐ-CP ngày 13/3/2013 của Chính phủ quy định chức năng của Bộ Tư pháp;\n"
        "Căn cứ Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp;\nĐiều 1.\nBan hành Kế hoạch.",
        {("SELF", "based_on", "22/2013/NĐ-CP"), ("SELF", "based_on", "1249a/CTPH-UBDT-BTP")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPENINGS)
def test_lineage_from_real_openings(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


MINISTRY = "BỘ TƯ PHÁP\nSố: 17/QĐ-BTP\n\nHà Nội, ngày 29 tháng 01 năm 2015\n\nQUYẾT ĐỊNH\n"
COMPOSED = [
    (  # the title carries out a Quy hoạch that the Căn cứ decisions approve: SELF implements each of them
        MINISTRY
        + "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030\n\n"
        "Căn cứ Quyết định số 991/QĐ-TTg ngày 16/9/2024 của Thủ tướng Chính phủ phê duyệt Quy hoạch mạng lưới cơ sở văn hóa "
        "và thể thao thời kỳ 2021-2030; các Quyết định của Bộ trưởng phê duyệt điều chỉnh Quy hoạch mạng lưới cơ sở văn hóa "
        "và thể thao thời kỳ 2021-2030 (Số 1226/QĐ-BVHTTDL ngày 29/4/2025 và số 2657/QĐ-BVHTTDL ngày 12/8/2025);\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.",
        {
            ("SELF", "based_on", "991/QĐ-TTg"),
            ("SELF", "based_on", "1226/QĐ-BVHTTDL"),
            ("SELF", "based_on", "2657/QĐ-BVHTTDL"),
            ("SELF", "implements", "991/QĐ-TTg"),
            ("SELF", "implements", "1226/QĐ-BVHTTDL"),
            ("SELF", "implements", "2657/QĐ-BVHTTDL"),
        },
    ),
    (  # the title carries out a Chương trình that the Căn cứ names by its number
        MINISTRY
        + "BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH PHỐI HỢP CÔNG TÁC GIỮA ỦY BAN DÂN TỘC VÀ BỘ TƯ PHÁP NĂM 2015\n\n"
        "Căn cứ Chương trình số 1249a/CTPH-UBDT-BTP ngày 13/11/2014 của Ủy ban Dân tộc và Bộ Tư pháp về phối hợp công tác "
        "giữa Ủy ban Dân tộc và Bộ Tư pháp giai đoạn 2014 - 2020;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.",
        {("SELF", "based_on", "1249a/CTPH-UBDT-BTP"), ("SELF", "implements", "1249a/CTPH-UBDT-BTP")},
    ),
    (  # a Tờ trình "Thực hiện ý kiến chỉ đạo ... tại Công văn số X" after its "Kính gửi:" implements X
        "SỞ NỘI VỤ\nSố: 33/TTr-SNV\n\nBình Thuận, ngày 28 tháng 11 năm 2024\n\nTỜ TRÌNH\nĐề xuất phương án xử lý các hội\n\n"
        "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n\nNgày 24/7/2024, Chủ tịch Ủy ban nhân dân tỉnh có Công văn số 2769/UBND-NC về đại hội.\n"
        "Thực hiện ý kiến chỉ đạo của Chủ tịch Ủy ban nhân dân tỉnh tại Công văn số 2769/UBND-NC, Sở Nội vụ đề xuất như sau:\n"
        "1. Căn cứ pháp lý",
        {("SELF", "implements", "2769/UBND-NC")},
    ),
    (  # a decision approving a titled strategy that carries out another decision: the decision carries the edge
        HEAD
        + "Về dữ liệu\n\nThực hiện Quyết định số 142/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ; Quyết định số "
        "1229/QĐ-UBND ngày 07/3/2025 của UBND Thành phố phê duyệt “Chiến lược dữ liệu thành phố Hà Nội đến năm 2030” "
        "triển khai thực hiện Quyết định số 142/QĐ-TTg, UBND Thành phố ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH",
        {
            ("SELF", "implements", "142/QĐ-TTg"),
            ("SELF", "implements", "1229/QĐ-UBND"),
            ("1229/QĐ-UBND", "implements", "142/QĐ-TTg"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPOSED)
def test_composed_and_instruction_edges(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected


NO_EDGE_FROM_MENTION = [
    (  # an enumeration of documents, each with its own description: the comma does not extend the chain
        HEAD
        + "Về khoa học\n\nI. KẾT QUẢ\n\n- Kế hoạch số 12/KH-UBND ngày 03/3/2024 thực hiện Nghị quyết số 05-NQ/TU, "
        "Quyết định số 34/QĐ-UBND ngày 05/4/2024 phê duyệt Đề án chuyển đổi số.",
        {("12/KH-UBND", "implements", "05-NQ/TU")},
    ),
    (  # table rows are not one sentence: a row's task does not attach to the document of the row above
        HEAD + "Về khoa học\n\nI. NHIỆM VỤ\n\n1 | Rà soát Quyết định số 123/QĐ-UBND | Sở Tài chính\n"
        "2 | Triển khai Nghị quyết số 57-NQ/TW | Sở Khoa học và Công nghệ",
        set(),
    ),
    (  # a lower-case clause after ";" is no document of the Căn cứ list
        DECREE
        + "Căn cứ Nghị định số 12/2024/NĐ-CP ngày 05/01/2024 của Chính phủ; đồng thời tại văn bản số 45/BTC-CT "
        "Bộ Tài chính đã hướng dẫn;\nTheo đề nghị của Bộ trưởng Bộ Tài chính;\n\nĐiều 1. Một.",
        {("SELF", "based_on", "12/2024/NĐ-CP")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), NO_EDGE_FROM_MENTION)
def test_no_edge_from_a_mere_mention(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert edges(text) == expected
