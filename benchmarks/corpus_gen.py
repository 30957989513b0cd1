"""A deterministic synthetic corpus of Vietnamese policy texts for the scale benchmarks, with its truth.

The texts recombine the structures the real corpus shows (tests/corpus/real, data/raw): party headers
per Hướng dẫn 36-HD/VPTW (party organisation and committee, star, "Số 116-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
place-date) and state headers per Nghị định 30/2020/NĐ-CP Phụ lục I (issuer under its parent, motto,
"Số: 4655/KH-UBND", place-date, type and trích yếu); preambles "Căn cứ…" / "Thực hiện…" citing the document
above; "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. NHIỆM VỤ VÀ GIẢI PHÁP" with fields ("1. Lĩnh vực …")
and sentences naming a lead body ("X chủ trì, phối hợp với Y …"); an organisation section ("TỔ CHỨC THỰC
HIỆN") of numbered per-agency blocks ("1. Sở Tài chính: Chủ trì …"); task tables ("| STT | Nội dung nhiệm
vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |") or "- Đơn vị chủ trì: …" lines; and the
layouts researchers get them in (kg.text.variants: plain, hard-wrapped, tabbed header, web chrome, one cell
per line, double-spaced, CRLF).

Documents form chains up to depth 5, as a directive reaches the provinces: a central resolution (Nghị quyết,
Bộ Chính trị or Ban Chấp hành Trung ương) → a conclusion continuing it (Kết luận, Bộ Chính trị) → in each
province a party plan (Kế hoạch, Tỉnh ủy) → the people's committee's plan (Kế hoạch, Ủy ban nhân dân tỉnh) →
departments' plans (Kế hoạch, a Sở). Provinces are the 63 before the 2025 merger or the 34 after it
(kg.lexicon.changes); agency names are the gazetteer's (data/vocab/agencies.yaml). Everything is drawn from
one ``random.Random(seed)``: the same seed and size give the same bytes.

The ground truth (``truth.json`` beside the texts): per document its file, number, type, issuer, province,
date, lineage edges (``implements`` the number of the document above) and assignments (agency as written,
role lead/coordinate, task id). Run:
  .venv/bin/python benchmarks/corpus_gen.py OUT_DIR --documents 1000 [--seed 15] [--provinces 63]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import yaml

from kg.lexicon.changes import changes, provinces_today, provinces_unchanged
from kg.paths import VOCAB_DIR
from kg.text.variants import VARIANTS

# Layouts and how often each is drawn: most texts arrive plain, the rest as PDF copies, web pages, exports.
LAYOUTS = (("plain", 6), ("wrapped", 2), ("web", 2), ("tabbed", 1), ("cells", 1), ("double", 1), ("crlf", 1))
DEPARTMENT_PLANS = 4  # departments' plans under each people's committee plan (depth 5)
# Departments that write their own plans, with the issuer code of their symbols (as real Sở symbols read).
DEPARTMENTS = {
    "Sở Khoa học và Công nghệ": "SKHCN",
    "Sở Tài chính": "STC",
    "Sở Y tế": "SYT",
    "Sở Giáo dục và Đào tạo": "SGDĐT",
    "Sở Nội vụ": "SNV",
    "Sở Công Thương": "SCT",
    "Sở Xây dựng": "SXD",
    "Sở Tư pháp": "STP",
}
# Party bodies of a province that the party plans give work to (gazetteer names).
PARTY_BODIES = (
    "Ban Tuyên giáo Tỉnh ủy",
    "Ban Tổ chức Tỉnh ủy",
    "Ban Dân vận Tỉnh ủy",
    "Ủy ban Kiểm tra Tỉnh ủy",
    "Văn phòng Tỉnh ủy",
    "Ban cán sự đảng Ủy ban nhân dân tỉnh",
)
SUBJECTS = (
    ("phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", "khoa học và công nghệ"),
    ("đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị", "chuyển đổi số"),
    ("tăng cường công tác bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân", "y tế"),
    ("đổi mới căn bản, toàn diện giáo dục và đào tạo", "giáo dục và đào tạo"),
    ("phát triển kinh tế tư nhân", "phát triển doanh nghiệp"),
    ("đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân", "cải cách hành chính"),
    ("bảo vệ môi trường, ứng phó với biến đổi khí hậu", "tài nguyên và môi trường"),
    ("phát triển nguồn nhân lực chất lượng cao", "phát triển nguồn nhân lực"),
)
# Task sentences (verb phrase, object): recombined per field; the lead and partners are named around them.
TASKS = (
    "tổ chức quán triệt, tuyên truyền sâu rộng nội dung {doc} đến cán bộ, đảng viên và nhân dân",
    "rà soát, tham mưu sửa đổi, bổ sung cơ chế, chính sách về {topic} trên địa bàn tỉnh",
    "xây dựng cơ sở dữ liệu dùng chung về {topic}, kết nối với cơ sở dữ liệu quốc gia",
    "bố trí kinh phí từ ngân sách địa phương để thực hiện các nhiệm vụ về {topic}",
    "kiểm tra, đôn đốc việc thực hiện {doc}, định kỳ báo cáo kết quả",
    "đào tạo, bồi dưỡng đội ngũ cán bộ, công chức làm công tác {topic}",
    "huy động các nguồn lực xã hội đầu tư cho {topic}, ưu tiên doanh nghiệp",
    "sơ kết, đánh giá kết quả thực hiện {doc}, đề xuất giải pháp cho giai đoạn tiếp theo",
    "hướng dẫn các cơ quan, đơn vị triển khai các mô hình điểm về {topic}",
    "đẩy mạnh hợp tác trong nước và quốc tế về {topic}",
)
DEADLINES = ("Năm 2025", "Quý IV/2025", "Thường xuyên", "Năm 2025-2026", "Trước ngày 30/6/2026", "Năm 2026")


@dataclass
class Truth:
    """What the generator wrote into one document: the facts an extractor should read back."""

    file: str
    number: str
    doc_type: str
    issuer: str
    province: str | None
    date: str
    level: int  # 1 resolution … 5 department plan
    implements: list[str] = field(default_factory=list)  # numbers of the documents it implements
    assignments: list[dict[str, str]] = field(default_factory=list)  # agency, role, task


@dataclass
class Doc:
    truth: Truth
    text: str


@cache
def gazetteer_names() -> frozenset[str]:
    """Every official name in the agency gazetteer, to check the generator names only real bodies."""
    data = yaml.safe_load((VOCAB_DIR / "agencies.yaml").read_text(encoding="utf-8"))
    return frozenset(str(e["name_vi"]) for e in data["entries"])


def provinces(count: int) -> tuple[str, ...]:
    """The 63 provinces before 1/7/2025 or the 34 after (kg.lexicon.changes)."""
    if count == 34:
        return provinces_today()
    before = [p for c in changes() if c.scope == "province" for p in c.predecessors]
    names = tuple(dict.fromkeys([*before, *provinces_unchanged()]))
    if count != 63 or len(names) != 63:
        raise ValueError(f"provinces: 34 or 63, not {count} (vocabulary gives {len(names)})")
    return names


CITIES = frozenset({"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"})


def unit(province: str) -> str:
    """ "tỉnh" or "thành phố" (the centrally governed cities)."""
    return "thành phố" if province in CITIES else "tỉnh"


def party_committee(province: str) -> str:
    return f"{'Thành ủy' if province in CITIES else 'Tỉnh ủy'} {province}"


def vn_date(rng: random.Random, year: int) -> tuple[str, str, str]:
    """(ISO date, "ngày 10 tháng 6 năm 2024", "10/6/2024") for a random day of ``year``."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return (
        f"{year}-{month:02d}-{day:02d}",
        f"ngày {day} tháng {month} năm {year}",
        f"{day:02d}/{month:02d}/{year}",
    )


class Generator:
    """One corpus: counters for document numbers (unique corpus-wide) and the seeded random source."""

    def __init__(self, seed: int, province_count: int) -> None:
        self.rng = random.Random(seed)
        self.provinces = provinces(province_count)
        self.counter = 0

    def number(self) -> int:
        self.counter += 1
        return self.counter

    # --- building blocks ----------------------------------------------------------------------------------

    def task_lines(self, doc: str, topic: str, bodies: list[str], truth: Truth, style: str) -> list[str]:
        """The tasks of one document in one of the real corpus's forms, recording who leads and who helps."""
        rng = self.rng
        count = rng.randint(4, 9)
        lines: list[str] = []
        if style == "table":
            lines += [
                "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
                "| --- | --- | --- | --- | --- |",
            ]
        for i in range(count):
            task_id = f"t{i + 1}"
            text = rng.choice(TASKS).format(doc=doc, topic=topic)
            lead, *partners = rng.sample(bodies, k=min(len(bodies), rng.randint(2, 3)))
            deadline = rng.choice(DEADLINES)
            truth.assignments.append({"agency": lead, "role": "lead", "task": task_id})
            truth.assignments += [{"agency": p, "role": "coordinate", "task": task_id} for p in partners]
            joined = ", ".join(partners)
            if style == "table":
                lines.append(f"| {i + 1} | {text[0].upper()}{text[1:]} | {lead} | {joined} | {deadline} |")
            elif style == "units":
                lines += [
                    f"{'abcdeghik'[i]}) {text[0].upper()}{text[1:]}.",
                    f"- Đơn vị chủ trì: {lead}.",
                    f"- Đơn vị phối hợp: {joined}.",
                    f"- Thời gian thực hiện: {deadline}.",
                ]
            else:
                lines.append(f"{i + 1}. {lead} chủ trì, phối hợp với {joined} {text}. Thời gian: {deadline}.")
        return lines

    def blocks(self, doc: str, topic: str, bodies: list[str], truth: Truth) -> list[str]:
        """An organisation section: numbered per-agency blocks, each body's own duties."""
        lines = ["TỔ CHỨC THỰC HIỆN", ""]
        for i, body in enumerate(self.rng.sample(bodies, k=min(4, len(bodies)))):
            task_id = f"o{i + 1}"
            text = self.rng.choice(TASKS).format(doc=doc, topic=topic)
            truth.assignments.append({"agency": body, "role": "lead", "task": task_id})
            lines += [f"{i + 1}. {body}: Chủ trì {text}; định kỳ báo cáo kết quả thực hiện.", ""]
        return lines

    def header_party(self, issuer_lines: list[str], number: str, place: str, date: str) -> list[str]:
        """Hướng dẫn 36-HD/VPTW: issuer, star, number on the left; party name, place-date on the right."""
        return [*issuer_lines, "*", f"Số {number}", "", "ĐẢNG CỘNG SẢN VIỆT NAM", f"{place}, {date}", ""]

    def header_state(self, issuer_lines: list[str], number: str, place: str, date: str) -> list[str]:
        """Nghị định 30/2020/NĐ-CP Phụ lục I: issuer (under its parent), motto, number, place-date."""
        return [
            *issuer_lines,
            "-------",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "---------------",
            "",
            f"Số: {number}",
            "",
            f"{place}, {date}",
            "",
        ]

    def layout(self, lines: list[str]) -> tuple[str, str]:
        names, weights = zip(*LAYOUTS, strict=True)
        name = self.rng.choices(names, weights)[0]
        return name, VARIANTS[name]("\n".join(lines) + "\n")

    # --- the five levels ----------------------------------------------------------------------------------

    def resolution(self, year: int, subject: str) -> Doc:
        number = f"{self.number()}-NQ/TW"
        iso, long, _ = vn_date(self.rng, year)
        issuer = self.rng.choice(("Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"))
        truth = Truth(
            f"tw_{number.replace('/', '-').lower()}.txt", number, "Nghị quyết", issuer, None, iso, 1
        )
        lines = self.header_party(["BAN CHẤP HÀNH TRUNG ƯƠNG"], number, "Hà Nội", long)
        lines += ["NGHỊ QUYẾT", f"CỦA {issuer.upper()}", f"về {subject}", ""]
        lines += [
            "I. TÌNH HÌNH VÀ NGUYÊN NHÂN",
            "",
            f"Công tác {subject} thời gian qua đạt nhiều kết quả.",
            "",
        ]
        lines += ["II. MỤC TIÊU", "", f"Đến năm {year + 5}, hoàn thành các mục tiêu về {subject}.", ""]
        ministries = [
            "Bộ Khoa học và Công nghệ",
            "Bộ Tài chính",
            "Bộ Nội vụ",
            "Bộ Giáo dục và Đào tạo",
            "Bộ Y tế",
        ]
        lines += ["III. NHIỆM VỤ VÀ GIẢI PHÁP", ""]
        lines += [*self.task_lines(f"Nghị quyết số {number}", subject, ministries, truth, "prose"), ""]
        lines += [
            "IV. TỔ CHỨC THỰC HIỆN",
            "",
            "Các tỉnh ủy, thành ủy xây dựng kế hoạch thực hiện Nghị quyết.",
            "",
        ]
        lines += ["T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ"]
        return self.finish(truth, lines)

    def conclusion(self, year: int, subject: str, parent: Truth) -> Doc:
        number = f"{self.number()}-KL/TW"
        iso, long, _ = vn_date(self.rng, year)
        name = f"tw_{number.replace('/', '-').lower()}.txt"
        truth = Truth(name, number, "Kết luận", "Bộ Chính trị", None, iso, 2, [parent.number])
        lines = self.header_party(["BAN CHẤP HÀNH TRUNG ƯƠNG"], number, "Hà Nội", long)
        cite = f"Nghị quyết số {parent.number} ngày {slash(parent.date)} của {parent.issuer}"
        lines += ["KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ", f"về việc tiếp tục thực hiện {cite} về {subject}", ""]
        lines += [f"Bộ Chính trị kết luận về việc tiếp tục thực hiện {cite} như sau:", ""]
        ministries = ["Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Bộ Công Thương", "Bộ Nội vụ", "Bộ Tư pháp"]
        lines += [*self.task_lines(f"Kết luận số {number}", subject, ministries, truth, "prose"), ""]
        lines += ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương tổ chức thực hiện Kết luận này.", ""]
        lines += ["T/M BỘ CHÍNH TRỊ"]
        return self.finish(truth, lines)

    def party_plan(self, year: int, province: str, subject: str, parent: Truth) -> Doc:
        number = f"{self.number()}-KH/TU"
        iso, long, _ = vn_date(self.rng, year)
        issuer = party_committee(province)
        name = f"tu_{slugish(province)}_{number.replace('/', '-').lower()}.txt"
        truth = Truth(name, number, "Kế hoạch", issuer, province, iso, 3, [parent.number])
        # Hướng dẫn 36: the party organisation above, then the committee ("ĐẢNG BỘ TỈNH X" / "TỈNH ỦY")
        top = f"ĐẢNG BỘ {unit(province).upper()} {province.upper()}"
        lines = self.header_party([top, issuer.split()[0].upper() + " ỦY"], number, province, long)
        cite = f"Kết luận số {parent.number} ngày {slash(parent.date)} của Bộ Chính trị"
        lines += ["KẾ HOẠCH", f"thực hiện {cite} về {subject}", ""]
        lines += [f"Thực hiện {cite}, Ban Thường vụ {issuer} ban hành Kế hoạch thực hiện như sau:", ""]
        lines += ["I. MỤC ĐÍCH, YÊU CẦU", "", f"Quán triệt sâu sắc nội dung Kết luận số {parent.number}.", ""]
        lines += ["II. NHIỆM VỤ TRỌNG TÂM", ""]
        lines += self.task_lines(f"Kết luận số {parent.number}", subject, list(PARTY_BODIES), truth, "prose")
        lines += ["", "III. ", *self.blocks(f"Kế hoạch số {number}", subject, list(PARTY_BODIES), truth)]
        lines += ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]
        return self.finish(truth, fix_heading(lines))

    def committee_plan(self, year: int, province: str, subject: str, topic: str, parent: Truth) -> Doc:
        number = f"{self.number()}/KH-UBND"
        iso, long, _ = vn_date(self.rng, year)
        issuer = f"Ủy ban nhân dân {unit(province)} {province}"
        name = f"ubnd_{slugish(province)}_{number.replace('/', '-').lower()}.txt"
        truth = Truth(name, number, "Kế hoạch", issuer, province, iso, 4, [parent.number])
        lines = self.header_state(["ỦY BAN NHÂN DÂN", f"{unit(province).upper()} {province.upper()}"], number,
                                  province, long)  # fmt: skip
        cite = f"Kế hoạch số {parent.number} ngày {slash(parent.date)} của Ban Thường vụ {parent.issuer}"
        lines += ["KẾ HOẠCH", f"Triển khai {cite} về {subject}".upper(), ""]
        lines += [
            f"Căn cứ {cite}, Ủy ban nhân dân {unit(province)} ban hành Kế hoạch triển khai như sau:",
            "",
        ]
        aim = f"1. Triển khai đầy đủ các nhiệm vụ của Kế hoạch số {parent.number}."
        lines += ["I. MỤC ĐÍCH, YÊU CẦU", "", aim, ""]
        lines += [
            "II. MỤC TIÊU",
            "",
            f"Đến năm {year + 2}, 100% cơ quan, đơn vị triển khai nhiệm vụ về {topic}.",
            "",
        ]
        lines += ["III. NHIỆM VỤ VÀ GIẢI PHÁP", "", f"1. Lĩnh vực {topic}", ""]
        bodies = [
            *self.rng.sample(sorted(DEPARTMENTS), k=6),
            "Công an tỉnh",
            "Đài Phát thanh và Truyền hình tỉnh",
        ]
        style = self.rng.choice(("prose", "table", "units"))
        lines += [*self.task_lines(f"Kế hoạch số {parent.number}", topic, bodies, truth, style), ""]
        lines += ["IV. ", *self.blocks(f"Kế hoạch số {number}", topic, bodies, truth)]
        lines += ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        return self.finish(truth, fix_heading(lines))

    def department_plan(self, year: int, province: str, topic: str, parent: Truth, department: str) -> Doc:
        number = f"{self.number()}/KH-{DEPARTMENTS[department]}"
        iso, long, _ = vn_date(self.rng, year)
        name = f"so_{slugish(province)}_{slugish(number)}.txt"
        truth = Truth(name, number, "Kế hoạch", department, province, iso, 5, [parent.number])
        top = f"UBND {unit(province).upper()} {province.upper()}"
        lines = self.header_state([top, department.upper()], number, province, long)
        cite = f"Kế hoạch số {parent.number} ngày {slash(parent.date)} của Ủy ban nhân dân {unit(province)}"
        lines += ["KẾ HOẠCH", f"Thực hiện {cite} về {topic}", ""]
        lines += [f"Thực hiện {cite}, {department} xây dựng Kế hoạch thực hiện như sau:", ""]
        lines += ["I. NHIỆM VỤ", ""]
        bodies = [department, *self.rng.sample(sorted(set(DEPARTMENTS) - {department}), k=3)]
        lines += [*self.task_lines(f"Kế hoạch số {parent.number}", topic, bodies, truth, "prose"), ""]
        lines += ["GIÁM ĐỐC"]
        return self.finish(truth, lines)

    def finish(self, truth: Truth, lines: list[str]) -> Doc:
        _, text = self.layout(lines)
        return Doc(truth, text)

    # --- the corpus ---------------------------------------------------------------------------------------

    def chains(self) -> Iterator[Doc]:
        """Directive after directive, each down through every province to its departments."""
        while True:
            subject, topic = self.rng.choice(SUBJECTS)
            year = self.rng.randint(2012, 2022)
            res = self.resolution(year, subject)
            yield res
            con = self.conclusion(year + 2, subject, res.truth)
            yield con
            for province in self.provinces:
                party = self.party_plan(year + 2, province, subject, con.truth)
                yield party
                plan = self.committee_plan(year + 3, province, subject, topic, party.truth)
                yield plan
                for dep in self.rng.sample(sorted(DEPARTMENTS), k=DEPARTMENT_PLANS):
                    yield self.department_plan(year + 3, province, topic, plan.truth, dep)


def slash(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def slugish(text: str) -> str:
    from kg.text import slug

    return slug(text)


def fix_heading(lines: list[str]) -> list[str]:
    """Join a bare Roman numeral ("III. ") with the heading that follows it."""
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith(". ") and out[-1].rstrip(". ").isupper():
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return out


def generate(documents: int, seed: int = 15, province_count: int = 63) -> list[Doc]:
    """``documents`` texts and their truth; the same arguments give the same texts."""
    gen = Generator(seed, province_count)
    out: list[Doc] = []
    for doc in gen.chains():
        if len(out) == documents:
            break
        out.append(doc)
    return out


def write_corpus(out_dir: Path, documents: int, seed: int = 15, province_count: int = 63) -> list[Truth]:
    """The texts under ``out_dir``/texts and ``out_dir``/truth.json; returns the truth."""
    docs = generate(documents, seed, province_count)
    texts = out_dir / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        (texts / doc.truth.file).write_bytes(doc.text.encode("utf-8"))
    truth = [d.truth for d in docs]
    payload = {"seed": seed, "documents": documents, "provinces": province_count,
               "truth": [asdict(t) for t in truth]}  # fmt: skip
    (out_dir / "truth.json").write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--provinces", type=int, choices=(34, 63), default=63)
    args = ap.parse_args(argv)
    truth = write_corpus(args.out_dir, args.documents, args.seed, args.provinces)
    print(f"{len(truth)} documents in {args.out_dir / 'texts'}, truth in {args.out_dir / 'truth.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
