"""Every named query against answers computed by hand from the seed texts and their gold records (issue 12).

The expected rows below were worked out by reading data/raw/*.txt and tests/corpus/seeds/*.gold.json (who
leads and who coordinates which task, which document implements which), not by running the queries; where a
query's full table is long, its counts and a hand-checked slice are asserted. Parameters are given with
spaces, diacritics and in other cases, and left out where a query takes none.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph_seed import seed_graph, seed_store
from kg.cli import cli
from kg.query.sparql import bind, discover, format_table, resolve, run_local
from kg.rdf.serialize import to_ntriples
from kg.store import new_store

LD, ND, KT, BK = "(Lâm Đồng)", "(Nam Định)", "(Kon Tum)", "(Bắc Kạn)"
P4655, PND = f"4655/KH-UBND {LD}", f"Kế hoạch 2024-06 {ND}"


def rows(name: str, **params: str) -> list[dict[str, str]]:
    return run_local(seed_store(), bind(resolve(name), params)).records()


def cols(name: str, *columns: str, **params: str) -> list[tuple[str, ...]]:
    return [tuple(r[c] for c in columns) for r in rows(name, **params)]


def test_lineage_up_of_the_lam_dong_plan() -> None:
    # 4655 implements 116-KH/TU and 69-KL/TW (its title and preamble); 69-KL/TW continues 20-NQ/TW
    assert sorted(cols("lineage-up", "ancestor", "link", "ingested", doc="4655/KH-UBND")) == [
        (f"116-KH/TU {LD}", "direct", "false"),
        ("20-NQ/TW", "through others", "false"),
        ("69-KL/TW", "direct", "false"),
    ]


def test_lineage_up_by_a_label_with_spaces_and_diacritics() -> None:
    # the unnumbered Nam Định plan implements 47/CTr-TU, which implements 69-KL/TW, which continues 20-NQ/TW
    assert sorted(cols("lineage-up", "document", "ancestor", "link", doc=PND)) == [
        (PND, "20-NQ/TW", "through others"),
        (PND, f"47/CTr-TU {ND}", "direct"),
        (PND, "69-KL/TW", "through others"),
    ]


def test_lineage_down_of_69() -> None:
    assert sorted(cols("lineage-down", "descendant", "link", "ingested", doc="69-KL/TW")) == [
        (f"116-KH/TU {LD}", "direct", "false"),
        (P4655, "direct", "true"),
        (f"47/CTr-TU {ND}", "direct", "false"),
        (PND, "through others", "true"),
    ]


def test_an_unknown_document_gives_no_rows() -> None:
    assert rows("lineage-down", doc="69 KL TW") == []  # not a symbol the texts print: no guessing


def test_directive_chain_of_20_lists_every_assignment_of_both_plans() -> None:
    found = rows("directive-chain", doc="20-NQ/TW")
    assert {(r["province"], r["plan"]) for r in found} == {("Lâm Đồng", P4655), ("Nam Định", PND)}
    lead_or_coordinate = [r for r in found if r["role"] in ("lead", "coordinate")]
    # the gold records: 57 assignments in 4655, 22 in the Nam Định plan (Kon Tum's 4485 names 20-NQ/TW only
    # as background, Bắc Kạn's 684 implements 2245/QĐ-TTg)
    assert sum(r["province"] == "Lâm Đồng" for r in lead_or_coordinate) == 57
    assert sum(r["province"] == "Nam Định" for r in lead_or_coordinate) == 22
    assert len(found) == len({tuple(r.values()) for r in found}), "duplicate rows"


def test_agencies_for_69_with_their_task_counts() -> None:
    # tasks each agency leads in 4655 and in the Nam Định plan (both implement 69-KL/TW), counted in the gold
    expected = {
        ("Lâm Đồng", "Báo Lâm Đồng", "1"),
        ("Lâm Đồng", f"Các sở, ban, ngành {LD}", "2"),
        ("Lâm Đồng", f"Các sở, ban, ngành, địa phương {LD}", "6"),
        ("Lâm Đồng", f"Cục Thống kê tỉnh {LD}", "1"),
        ("Lâm Đồng", f"Sở Công Thương {LD}", "6"),
        ("Lâm Đồng", f"Sở Khoa học và Công nghệ {LD}", "10"),
        ("Lâm Đồng", f"Sở Nông nghiệp và Phát triển nông thôn {LD}", "4"),
        ("Lâm Đồng", f"Sở Nội vụ {LD}", "1"),
        ("Lâm Đồng", f"Sở Thông tin và Truyền thông {LD}", "1"),
        ("Lâm Đồng", f"Sở Tài chính {LD}", "1"),
        ("Lâm Đồng", f"Sở Tài nguyên và Môi trường {LD}", "4"),
        ("Lâm Đồng", f"Sở Y tế {LD}", "4"),
        ("Lâm Đồng", f"Đài Phát thanh và Truyền hình tỉnh {LD}", "1"),
        ("Lâm Đồng", f"Ủy ban nhân dân các huyện, thành phố {LD}", "6"),
        ("Nam Định", f"Các sở, ban, ngành {ND}", "3"),
        ("Nam Định", f"Sở Khoa học và Công nghệ {ND}", "3"),
        ("Nam Định", f"Sở Kế hoạch và Đầu tư {ND}", "1"),
        ("Nam Định", f"Sở Thông tin và Truyền thông {ND}", "1"),
        ("Nam Định", f"Sở Tài chính {ND}", "1"),
        ("Nam Định", f"Ủy ban nhân dân các huyện, thành phố {ND}", "3"),
    }
    found = cols("agencies-for-directive", "province", "agency", "tasks", doc="69-KL/TW")
    assert len(found) == len(expected)
    assert set(found) == expected


def test_what_the_lam_dong_finance_department_answers_for() -> None:
    # it leads one task of 4655 ("Chủ trì, phối hợp ... căn cứ khả năng cân đối ngân sách ...")
    found = cols("agency-answers-for", "answersFor", "how", "plan", agency="Sở Tài chính (Lâm Đồng)")
    assert sorted(found) == [
        (f"116-KH/TU {LD}", "through the chain", P4655),
        ("20-NQ/TW", "through the chain", P4655),
        (P4655, "directly (leads a task of it)", P4655),
        ("69-KL/TW", "through the chain", P4655),
    ]


def test_agency_answers_for_without_diacritics_finds_each_province_that_leads() -> None:
    # Sở Tài chính leads in Bắc Kạn (2 tasks), Lâm Đồng (1), Nam Định (1); in Kon Tum it only coordinates
    found = rows("agency-answers-for", agency="so tai chinh")
    assert {r["agency"] for r in found} == {f"Sở Tài chính {p}" for p in (BK, LD, ND)}
    nam_dinh = {r["answersFor"] for r in found if r["agency"].endswith(ND)}
    assert nam_dinh == {PND, f"47/CTr-TU {ND}", "69-KL/TW", "20-NQ/TW"}
    assert len(found) == len({tuple(r.values()) for r in found}), "duplicate rows"


def test_provinces_implementing_69() -> None:
    assert cols("provinces-implementing", "province", "document", "through", doc="69-KL/TW") == [
        ("Lâm Đồng", f"116-KH/TU {LD}", ""),
        ("Lâm Đồng", P4655, f"116-KH/TU {LD}"),
        ("Nam Định", f"47/CTr-TU {ND}", ""),
        ("Nam Định", PND, f"47/CTr-TU {ND}"),
    ]


def test_plans_side_by_side_for_69() -> None:
    # tasks and distinct lead agencies per plan, counted in the gold records (35/14 and 9/6)
    assert cols("plans-side-by-side", "province", "plan", "through", "tasks", "leads", doc="69-KL/TW") == [
        ("Lâm Đồng", P4655, f"116-KH/TU {LD}", "35", "14"),
        ("Nam Định", PND, f"47/CTr-TU {ND}", "9", "6"),
    ]


def test_cited_not_ingested_counts_the_texts_citing_each() -> None:
    found = dict(cols("cited-not-ingested", "document", "citedBy"))
    # 30 distinct references across the five gold records, none of them one of the five
    assert len(found) == 30
    assert found["20-NQ/TW"] == "3"  # 4485, 4655, Nam Định
    assert found["69-KL/TW"] == "2" and found["50-KL/TW"] == "2"
    assert found["Chiến lược sở hữu trí tuệ đến năm 2030"] == "2"
    assert found[f"47/CTr-TU {ND}"] == "1"
    assert not {P4655, PND, f"684/QĐ-UBND {BK}"} & set(found)


def test_coordinate_only_agencies_are_keyed_by_province() -> None:
    # from the gold: each agency named only after "phối hợp (với)" in its province's plans
    expected = {
        (f"Các Sở, Ngành và địa phương {BK}", "1"),
        (f"Các sở, ngành, địa phương {KT}", "2"),  # 3549 and 4485
        (f"Sở Kế hoạch và Đầu tư {KT}", "1"),
        (f"Sở Tài chính {KT}", "1"),
        (f"Các cơ quan, đơn vị có liên quan {LD}", "2"),
        (f"Các tổ chức chính trị - xã hội {LD}", "1"),
        (f"Các sở, ngành liên quan {ND}", "1"),
        (f"Các đơn vị liên quan {ND}", "2"),
        (f"Ban Tuyên giáo Tỉnh ủy {ND}", "1"),
        (f"Ủy ban Trung ương Mặt trận Tổ quốc tỉnh {ND}", "1"),
        (f"Các ngành, huyện/thành phố {ND}", "1"),
    }
    found = cols("coordinate-only-agencies", "agency", "tasks")
    assert len(found) == len(expected) and set(found) == expected
    assert f"Sở Tài chính {LD}" not in {a for a, _ in found}  # it leads there


def test_coordination_pairs_in_kon_tum() -> None:
    found = {r for r in cols("coordination-pairs", "lead", "coordinator", "tasks") if r[0].endswith(KT)}
    assert found == {
        (f"Sở Khoa học và Công nghệ {KT}", f"Các sở, ngành, địa phương {KT}", "1"),
        (f"Sở Khoa học và Công nghệ {KT}", f"Sở Kế hoạch và Đầu tư {KT}", "1"),
        (f"Sở Khoa học và Công nghệ {KT}", f"Sở Tài chính {KT}", "1"),
        (f"Sở Thông tin và Truyền thông {KT}", f"Các sở, ngành, địa phương {KT}", "1"),
    }


def test_deadlines_in_2024_2025() -> None:
    # 4655's appendix: "Năm 2024-2025" on five tasks; "Thường xuyên hàng năm" and "Hàng năm" have no years
    found = cols("deadlines-in-period", "agency", "deadline", **{"from": "2024", "to": "2025"})
    assert sorted(found) == sorted(
        [(f"Các sở, ban, ngành {LD}", "Năm 2024-2025")] * 2
        + [(f"Sở Công Thương {LD}", "Năm 2024-2025")] * 2
        + [(f"Sở Khoa học và Công nghệ {LD}", "Năm 2024-2025")]
    )
    later = cols("deadlines-in-period", "agency", "deadline", **{"from": "2026", "to": "2030"})
    assert later == [(f"Sở Khoa học và Công nghệ {LD}", "Năm 2026-2030")]


def test_documents_read_in_full_are_the_five_seeds() -> None:
    found = rows("documents")
    read = {r["document"] for r in found if r["ingested"] == "true"}
    assert read == {f"3549/KH-UBND {KT}", f"4485/KH-UBND {KT}", P4655, f"684/QĐ-UBND {BK}", PND}
    assert len(found) == 35  # the five and the 30 they cite


def test_news_sources_one_per_seed_file() -> None:
    # data/raw/SOURCES.yaml: two news reports, two legal-database pages, one official text
    assert cols("news-sources", "source", "kind", "relation") == [
        ("ubnd-bac-kan_684-qd-ubnd_2016.txt", "WebPage", "describes"),
        ("ubnd-kon-tum_3549-kh-ubnd_2022_news.txt", "NewsReport", "reportsOn"),
        ("ubnd-kon-tum_4485-kh-ubnd_2020_news.txt", "NewsReport", "reportsOn"),
        ("ubnd-lam-dong_4655-kh-ubnd_2024.txt", "WebPage", "describes"),
        ("ubnd-nam-dinh_unnumbered-kh-ubnd_2024-06.txt", "OfficialText", "describes"),
    ]


@pytest.mark.parametrize(
    "field",
    ["nông nghiệp", "Nông nghiệp", "NÔNG NGHIỆP", "Nông nghiệp và phát triển nông thôn", "Agriculture"],
)
def test_tasks_by_field_by_a_label_gives_the_rows_of_the_notation(field: str) -> None:
    by_label = rows("tasks-by-field", field=field)
    assert by_label == rows("tasks-by-field", field="agriculture")
    assert {r["field"] for r in by_label} == {"agriculture"}, "a row outside the field"
    # 4655 "a) Lĩnh vực nông nghiệp", Nam Định "a) Lĩnh vực sản xuất nông nghiệp" and 4485's news copy "a]
    # Lĩnh vực nông nghiệp:" (document level); 684's task "Gắn kết, lồng ghép với kế hoạch ... tái cơ cấu
    # ngành nông nghiệp" (task level)
    assert {(r["level"], r["document"]) for r in by_label} == {
        ("document", P4655),
        ("document", PND),
        ("document", f"4485/KH-UBND {KT}"),
        ("task", f"684/QĐ-UBND {BK}"),
    }


def test_tasks_by_field_with_an_unknown_label_gives_nothing() -> None:
    # the old query built an IRI from the value; a value with a space left the field unbound and listed
    # every task of every plan
    assert rows("tasks-by-field", field="lâm sản quý hiếm") == []


def test_tasks_without_lead_is_empty() -> None:
    assert rows("tasks-without-lead") == []  # every seed task has a lead in the gold records


def test_targets_by_year_only_gives_that_year() -> None:
    found = rows("targets-by-year", year="2030")
    assert found and {r["year"] for r in found} == {"2030"}
    assert f"3549/KH-UBND {KT}" in {r["document"] for r in found}


def test_json_keeps_booleans_and_numbers_typed() -> None:
    table = run_local(seed_store(), bind(resolve("documents"), {}))
    records = json.loads(format_table(table, "json"))
    assert {type(r["ingested"]) for r in records} == {bool}
    counted = json.loads(
        format_table(run_local(seed_store(), bind(resolve("coordinate-only-agencies"), {})), "json")
    )
    assert all(isinstance(r["tasks"], int) for r in counted)
    assert isinstance(records[0]["document"], str)
    undated = [r for r in records if r["document"] == "3549/KH-UBND (Kon Tum)"]
    assert undated and undated[0]["date"] is None  # unbound (no vpo:dateIssued): null, not "" (issue 12)
    assert all(r["date"] is None or r["date"] for r in records)


def test_query_csv_with_bom_for_excel(tmp_path: Path) -> None:
    store = new_store(tmp_path / "store")
    store.flush()
    del store
    args = ["query", "news-sources", "--format", "csv", "--store", str(tmp_path / "store")]
    plain = CliRunner().invoke(cli, args).stdout_bytes
    marked = CliRunner().invoke(cli, [*args, "--bom"]).stdout_bytes
    assert plain.startswith(b"source,kind,relation,document")
    assert marked == b"\xef\xbb\xbf" + plain


@pytest.mark.parametrize("field", ["nong nghiep", "NONG NGHIEP", "Nong nghiep, nong thon", "nông  nghiệp"])
def test_tasks_by_field_without_diacritics_finds_the_field(field: str) -> None:
    assert rows("tasks-by-field", field=field) == rows("tasks-by-field", field="agriculture")


def test_tasks_by_field_matches_a_whole_label_not_a_word_of_it() -> None:
    assert rows("tasks-by-field", field="nong") == []


_EXAMPLES = {
    "agencies-for-directive": {"doc": "69-KL/TW"},
    "agency-answers-for": {"agency": "so tai chinh"},
    "body-inherited": {"agency": "Sở Khoa học và Công nghệ (Ninh Bình)"},
    "task-holder-now": {"agency": "Sở Thông tin và Truyền thông (Lâm Đồng)"},
    "deadlines-in-period": {"from": "2024", "to": "2030"},
    "directive-chain": {"doc": "69-KL/TW"},
    "lineage-down": {"doc": "69-KL/TW"},
    "lineage-up": {"doc": "4655/KH-UBND"},
    "plans-side-by-side": {"doc": "69-KL/TW"},
    "provinces-implementing": {"doc": "69-KL/TW"},
    "targets-by-year": {"year": "2030"},
    "tasks-by-field": {"field": "nông nghiệp"},
}


@pytest.mark.parametrize("name", [q.name for q in discover()])
def test_iri_columns_join_back_to_the_rdf(name: str) -> None:
    # each ?xIri column names the node the row's ?x column is read from: a label, notation or file name of it
    found = rows(name, **_EXAMPLES.get(name, {}))
    iri_columns = [c for c in (found[0] if found else {}) if c.endswith("Iri")]
    if name != "tasks-without-lead":  # no seed task lacks a lead: no row to look at
        assert iri_columns, f"{name}: no IRI column to join on"
    store = seed_store()
    for row in found:
        for column in iri_columns:
            iri, shown = row[column], row.get(column[: -len("Iri")], "")
            if not iri:
                continue
            words = {q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), None, None)}
            assert words, f"{name}: {iri} is in no triple"
            if shown and column[: -len("Iri")] not in ("field",):
                assert shown in words, f"{name}: {column} {iri} is not the {shown!r} of its row"


def test_analysis_csv_carries_iris_and_the_bom(tmp_path: Path) -> None:
    data = tmp_path / "seed.nt"
    data.write_bytes(to_ntriples(seed_graph()))
    args = ["who", "Sở Tài chính", "--province", "Lâm Đồng", "--data", str(data), "--csv"]
    plain = CliRunner().invoke(cli, args)
    assert plain.exit_code == 0, plain.output
    (row,) = list(csv.DictReader(io.StringIO(plain.stdout)))
    assert row["agency_iri"].startswith("https://w3id.org/vn-policy-kg/id/")
    assert row["plan_iri"] and row["task_iri"]
    marked = CliRunner().invoke(cli, [*args, "--bom"]).stdout_bytes
    assert marked == b"\xef\xbb\xbf" + plain.stdout_bytes
    depth = CliRunner().invoke(cli, ["metrics", "--only", "depth", "--csv", "--data", str(data)]).stdout
    assert depth.splitlines()[0] == "label,province,depth,iri"
