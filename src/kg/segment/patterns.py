"""Regular expressions for header lines that several readers of the front matter share (number, date,
subject, motto, rules, enacting words)."""

from __future__ import annotations

import re

NUMBER_LINE = re.compile(r"^Số\b\s*:?\s*(.*)$", re.IGNORECASE)
DATE_LINE = re.compile(
    r"(?:^|,\s*)ngày\s*(?:[\d\s.]*\s*tháng\s*[\d\s.]*\s*năm\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})",
    re.IGNORECASE,
)
SUBJECT = re.compile(r"^V/v\b\s*:?\s*", re.IGNORECASE)
MOTTO = re.compile(
    r"^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam)$"
)
# A piece of the motto when a narrow column wrapped it ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM").
MOTTO_PART = re.compile(r"^(cong hoa xa hoi|chu nghia viet nam|cong hoa|xa hoi chu nghia viet nam)$")
RULE = re.compile(r"^[-_=*.·•—–¯\s]+$")
ENACT = re.compile(r"^(QUYẾT ĐỊNH|NGHỊ QUYẾT|QUYẾT NGHỊ|BAN HÀNH|CHỈ THỊ)\s*:\s*$")
# The head word of a unit named under its parent in an issuer block ("UBND TỈNH X" / "SỞ Y", "BAN CHẤP HÀNH
# TRUNG ƯƠNG" / "BAN TỔ CHỨC", "ĐẢNG BỘ TỈNH X" / "TỈNH ỦY"). "BAN NHÂN DÂN" and "BAN CHẤP HÀNH" are the
# wrapped tail of "ỦY BAN NHÂN DÂN" and a committee itself, not units.
UNIT_HEAD = (
    r"(?:SỞ|BAN(?!\s+(?:NHÂN DÂN|CHẤP HÀNH|MTTQ|MẶT TRẬN))|VĂN PHÒNG|CỤC|CHI CỤC|TỔNG CỤC|VỤ|TRƯỜNG|HỘI ĐỒNG|"
    r"(?:ĐẢNG|TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|XÃ|PHƯỜNG) [ỦU]Y|[ỦU]Y BAN KIỂM TRA|TRUNG TÂM|PHÒNG|THANH TRA|ĐOÀN|"
    r"HỌC VIỆN|VIỆN|BỘ CHỈ HUY)\b"
)
