"""Issue 13 on the seed graph (built by the real pipeline): names stay as written, and every answer says which
body holds the task now, with the change and its legal basis."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_seed import seed_graph, seed_store
from kg.analysis.compare import Comparison, compare_documents, compare_implementing
from kg.analysis.convert import PolicyGraphs, to_networkx
from kg.analysis.focus import compare_in, trace_in, who_in
from kg.analysis.successors import holders
from kg.analysis.trace import trace
from kg.analysis.trace_now import with_now
from kg.analysis.who import who
from kg.cli import cli
from kg.extract import extract_text
from kg.rdf.mapping import records_to_graph


def _graphs() -> PolicyGraphs:
    return to_networkx(seed_store())


def _now(graphs: PolicyGraphs, agency: str, province: str | None) -> set[str]:
    result = who(graphs, agency, province)
    assert result.duties, f"{agency} ({province}) has no task in the seed graph"
    return {h.name for d in result.duties for h in d.now}


def test_lam_dong_information_department_is_now_its_science_department() -> None:
    graphs = _graphs()
    assert _now(graphs, "Sở Thông tin và Truyền thông", "Lâm Đồng") == {"Sở Khoa học và Công nghệ (Lâm Đồng)"}
    duty = who(graphs, "Sở Thông tin và Truyền thông", "Lâm Đồng").duties[0]
    assert duty.agency_label == "Sở Thông tin và Truyền thông"  # the name as written stays
    assert "Nghị định 45/2025/NĐ-CP của Chính phủ, 28/2/2025" in duty.now[0].text()


def test_nam_dinh_science_department_is_now_ninh_binhs() -> None:
    assert _now(_graphs(), "Sở Khoa học và Công nghệ", "Nam Định") == {"Sở Khoa học và Công nghệ (Ninh Bình)"}


def test_bac_kan_district_committees_are_now_the_communes_and_wards_of_thai_nguyen() -> None:
    graphs = _graphs()
    got = _now(graphs, "Ủy ban nhân dân các huyện, thành phố", "Bắc Kạn")
    assert got == {"Ủy ban nhân dân các xã, phường (Thái Nguyên)"}
    (holder,) = holders(graphs, who(graphs, "UBND các huyện, thành phố", "Bắc Kạn").agencies[0][0])
    assert holder.steps[0].kinds == ("abolition", "merger")  # the district tier ended as the provinces merged


def test_as_of_a_date_a_body_answers_for_what_it_had_taken_over() -> None:
    result = who_in(seed_store(), "Sở Khoa học và Công nghệ", "Ninh Bình", as_of="2025-08-01")
    assert {label for _, label in result.agencies} >= {
        "Sở Khoa học và Công nghệ",
        "Sở Thông tin và Truyền thông",
    }
    assert {d.province for d in result.duties} == {"Nam Định"}
    before = who(_graphs(), "Sở Thông tin và Truyền thông", "Nam Định", as_of="2025-05-01")
    assert {h.name for d in before.duties for h in d.now} == {"Sở Khoa học và Công nghệ (Nam Định)"}


def test_without_a_date_a_body_no_text_names_answers_with_what_it_holds_today() -> None:
    # No seed task names Ninh Bình's Sở Khoa học và Công nghệ: it holds Nam Định's (and Nam Định's Sở Thông
    # tin và Truyền thông's, merged into that one first) since 1/7/2025.
    result = who_in(seed_store(), "Sở KH&CN", "Ninh Bình")
    assert result.held_now and result.as_of is None
    assert {(label, d.province) for _, label in result.agencies for d in result.duties} >= {
        ("Sở Khoa học và Công nghệ", "Nam Định"),
    }
    assert {h.name for d in result.duties for h in d.now} == {"Sở Khoa học và Công nghệ (Ninh Bình)"}
    as_written = who_in(seed_store(), "Sở Khoa học và Công nghệ", "Nam Định")
    assert not as_written.held_now  # a name the texts use answers as written


def test_who_says_when_it_answers_with_what_a_body_holds_today(seed_file: Path) -> None:
    args = ["who", "so khcn", "-p", "Ninh Binh", "--data", str(seed_file), "--no-quotes"]
    out = CliRunner().invoke(cli, args)
    assert out.exit_code == 0, out.output
    assert "No task names 'so khcn' as written; these are the tasks it holds now" in out.output
    missing = CliRunner().invoke(cli, ["who", "Bộ Không Có", "--data", str(seed_file)])
    assert missing.exit_code != 0 and "unknown agency 'Bộ Không Có'" in str(missing.exception)
    # a body the vocabulary knows, but no seed task is held by it or by a body it took over
    known = CliRunner().invoke(cli, ["who", "Bộ NN&MT", "--data", str(seed_file)])
    assert "no task in the graph names 'Bộ Nông nghiệp và Môi trường'" in str(known.exception)


def test_plans_of_69_kl_tw_compared_across_todays_34_provinces() -> None:
    result = compare_implementing(_graphs(), "69-KL/TW", as_merged=True)
    assert len(result.merged) == 34
    merged = dict(result.merged)
    assert [p for p in merged["Ninh Bình"] if "Nam Định" in p] and merged["Tuyên Quang"] == ()
    assert {(p.province, p.province_now) for p in result.plans} >= {("Nam Định", "Ninh Bình")}


def test_compare_as_of_a_date_names_the_leads_of_that_day() -> None:
    def leads(result: Comparison, province: str) -> dict[str, str | None]:
        (plan,) = [p for p in result.plans if p.province == province]
        return {lc.label: lc.now for lc in plan.leads}

    spring = compare_in(seed_store(), "69-KL/TW", as_of="2025-04-01")
    assert spring.as_of == "2025-04-01"
    # the departments had merged (1/3/2025), the provinces not yet (1/7/2025)
    assert leads(spring, "Nam Định")["Sở Thông tin và Truyền thông"] == "Sở Khoa học và Công nghệ (Nam Định)"
    assert leads(spring, "Nam Định")["Sở Khoa học và Công nghệ"] is None  # unchanged on that day
    assert {p.province_now for p in spring.plans} == {"Lâm Đồng", "Nam Định"}
    winter = compare_in(seed_store(), "69-KL/TW", as_of="2025-02-01")
    assert not any(lc.now for p in winter.plans for lc in p.leads)  # nothing had changed yet
    today = compare_in(seed_store(), "69-KL/TW")
    assert leads(today, "Nam Định")["Sở Thông tin và Truyền thông"] == "Sở Khoa học và Công nghệ (Ninh Bình)"
    # reading the neighbourhood only gives the answer of the whole graph, on any day
    whole = compare_implementing(_graphs(), "69-KL/TW", as_of="2025-04-01")
    assert whole.to_records() == spring.to_records()


def test_compare_as_merged_as_of_a_date_lists_the_provinces_of_that_day() -> None:
    before = compare_implementing(_graphs(), "69-KL/TW", as_merged=True, as_of="2025-06-30")
    assert len(before.merged) == 63
    provinces = dict(before.merged)
    assert provinces["Nam Định"] == ("Kế hoạch 2024-06 (Nam Định)",) and provinces["Ninh Bình"] == ()
    after = compare_implementing(_graphs(), "69-KL/TW", as_merged=True, as_of="2025-07-01")
    assert len(after.merged) == 34 and dict(after.merged)["Ninh Bình"] == ("Kế hoạch 2024-06 (Nam Định)",)
    assert compare_implementing(_graphs(), "69-KL/TW", as_merged=True).merged == after.merged


def test_compare_documents_as_of_a_date() -> None:
    result = compare_documents(_graphs(), ["4655/KH-UBND", "Kế hoạch 2024-06 (Nam Định)"], as_of="2025-04-01")
    assert [p.province_now for p in result.plans] == ["Lâm Đồng", "Nam Định"]
    (info,) = [lc for lc in result.plans[0].leads if lc.label == "Sở Thông tin và Truyền thông"]
    assert info.now == "Sở Khoa học và Công nghệ (Lâm Đồng)"


TEXT_2024 = """ĐẢNG CỘNG SẢN VIỆT NAM
BAN CÁN SỰ ĐẢNG CHÍNH PHỦ
Số: 12-KH/BCSĐCP
Hà Nội, ngày 10 tháng 6 năm 2024

KẾ HOẠCH
Thực hiện Kết luận số 69-KL/TW

IV. TỔ CHỨC THỰC HIỆN
1. Bộ Khoa học và Công nghệ chủ trì xây dựng cơ chế thí điểm, báo cáo kết quả trước ngày 31/12/2024.
"""


def test_a_2024_text_naming_the_government_party_committee_keeps_the_name_and_answers_now() -> None:
    # no seed text names it: a 2024 plan it issued (Hướng dẫn 36-HD/VPTW header), through the real pipeline
    graphs = to_networkx(records_to_graph([extract_text(TEXT_2024)]))
    pool = {d["label"] for _, d in graphs.successors.nodes(data=True)}
    assert "Ban cán sự đảng Chính phủ" in pool  # as written: never rewritten into its successor
    old = next(n for n, d in graphs.successors.nodes(data=True) if d["label"] == "Ban cán sự đảng Chính phủ")
    assert [h.name for h in holders(graphs, old)] == ["Đảng ủy Chính phủ"]
    assert holders(graphs, old, as_of="2025-01-31")[0].name == "Ban cán sự đảng Chính phủ"


def test_trace_names_the_body_holding_each_changed_agencys_work_now() -> None:
    result = trace_in(seed_store(), "4655/KH-UBND")
    moved = {(b.document_label, b.agency_label): b for b in result.now}
    info = moved["4655/KH-UBND (Lâm Đồng)", "Sở Thông tin và Truyền thông"]
    assert [h.name for h in info.now] == ["Sở Khoa học và Công nghệ (Lâm Đồng)"]
    assert "Nghị định 45/2025/NĐ-CP" in info.now[0].text() and info.role == "tasks"
    assert all(any(h.steps for h in b.now) for b in result.now)  # unchanged bodies are not listed
    graphs = _graphs()  # reading the neighbourhood only gives the answer of the whole graph
    assert with_now(graphs, trace(graphs.lineage, "4655/KH-UBND")).now_records() == result.now_records()


def test_trace_as_of_a_date_names_the_holders_of_that_day() -> None:
    before = trace_in(seed_store(), "4655/KH-UBND", as_of="2025-02-01")
    assert before.now == () and before.as_of == "2025-02-01"
    after = trace_in(seed_store(), "47/CTr-TU", as_of="2025-04-01")
    holders_then = {h.name for b in after.now for h in b.now}
    assert "Sở Khoa học và Công nghệ (Nam Định)" in holders_then  # merged departments, not yet Ninh Bình
    assert not any("Ninh Bình" in name for name in holders_then)


def test_holder_in_english_names_the_body_in_english_and_keeps_the_citation() -> None:
    duty = who(_graphs(), "Sở Thông tin và Truyền thông", "Lâm Đồng").duties[0]
    (holder,) = duty.now
    assert holder.text("en").startswith("Department of Science and Technology (Lâm Đồng) — Nghị định 45/2025")
    assert holder.text() == holder.text("vi")


def test_trace_names_an_issuer_that_changed() -> None:
    graphs = to_networkx(records_to_graph([extract_text(TEXT_2024)]))
    result = with_now(graphs, trace(graphs.lineage, "12-KH/BCSĐCP"))
    assert [(b.agency_label, b.role, [h.name for h in b.now]) for b in result.now] == [
        ("Ban cán sự đảng Chính phủ", "issuer", ["Đảng ủy Chính phủ"])
    ]


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "seed.ttl"
    seed_graph().serialize(path, format="turtle")
    return path


def _run(seed_file: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--data", str(seed_file)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_trace_table_json_and_csv_say_who_holds_the_work_now(seed_file: Path) -> None:
    table = _run(seed_file, "trace", "4655/KH-UBND")
    assert "Sở Khoa học và Công nghệ (Lâm Đồng)" in table and "45/2025/NĐ-CP" in table
    data = json.loads(_run(seed_file, "trace", "4655/KH-UBND", "--json"))
    names = {(b["agency_label"], h["label"]) for b in data["now"] for h in b["now"]}
    assert ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ") in names
    rows = list(csv.DictReader(io.StringIO(_run(seed_file, "trace", "4655/KH-UBND", "--csv"))))
    own = {r["source_now"] for r in rows if r["source"].startswith("4655/KH-UBND")}
    assert any(
        "Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ (Lâm Đồng) — Nghị định 45" in c for c in own
    )


def test_trace_cli_as_of_titles_its_table_with_the_date(seed_file: Path) -> None:
    out = _run(seed_file, "trace", "4655/KH-UBND", "--as-of", "2025-04-01")
    assert "who holds their work on 2025-04-01" in out
    assert "who holds their work" not in _run(seed_file, "trace", "4655/KH-UBND", "--as-of", "2025-01-01")


def test_compare_cli_as_of_answers_for_that_day(seed_file: Path) -> None:
    out = _run(seed_file, "compare", "-i", "69-KL/TW", "--as-merged", "--as-of", "2025-04-01")
    assert "province on 2025-04-01" in out and "province today" not in out
    assert "→ on 2025-04-01: Sở Khoa học và Công nghệ (Nam Định)" in " ".join(out.split())
    assert "The 63 provinces on 2025-04-01 (before the mergers of 1/7/2025" in " ".join(out.split())
    today = _run(seed_file, "compare", "-i", "69-KL/TW", "--as-merged")
    assert "Today's 34 provinces" in today and "→ now: Sở Khoa học và Công nghệ (Ninh Bình)" in today
    data = json.loads(_run(seed_file, "compare", "-i", "69-KL/TW", "--as-of", "2025-04-01", "--json"))
    assert data["as_of"] == "2025-04-01"
    table = _run(seed_file, "compare", "-i", "69-KL/TW", "--as-of", "2025-08-01", "--csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    assert {(r["province"], r["province_now"]) for r in rows} == {
        ("Lâm Đồng", "Lâm Đồng"),
        ("Nam Định", "Ninh Bình"),
    }
    help_text = CliRunner().invoke(cli, ["compare", "--help"], terminal_width=200).output
    assert "--as-of" in help_text and "the 63 before 1/7/2025" in " ".join(help_text.split())
