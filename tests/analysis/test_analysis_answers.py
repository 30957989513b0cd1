"""Every analysis (trace, who, compare, each metric) against answers computed by hand from the seed texts and
their gold records (issue 12).

The expected values were worked out by reading data/raw/*.txt and tests/corpus/seeds/*.gold.json (the lineage
edges of each gold record, who leads and who coordinates which task, the deadlines printed beside the tasks,
the "Lĩnh vực ..." headings), not by running the analyses. Parameters are given with spaces and diacritics,
without diacritics, loosely typed, and left out where an analysis takes none.
"""

from __future__ import annotations

from functools import cache

import pytest

from graph_seed import seed_store
from kg.analysis.compare import compare_implementing
from kg.analysis.convert import PolicyGraphs, to_networkx
from kg.analysis.metrics import brokers, communities, gaps, lineage_depth, workload
from kg.analysis.trace import Trace, trace
from kg.analysis.who import who

LD_NAME, ND_NAME, KT_NAME, BK_NAME = "Lâm Đồng", "Nam Định", "Kon Tum", "Bắc Kạn"
LD, ND, KT, BK = (f"({p})" for p in (LD_NAME, ND_NAME, KT_NAME, BK_NAME))
P4655, PND, P116, P47 = f"4655/KH-UBND {LD}", f"Kế hoạch 2024-06 {ND}", f"116-KH/TU {LD}", f"47/CTr-TU {ND}"
TC_LD_TASK = "Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan căn cứ"  # 4655 V, Sở Tài chính


@cache
def seed() -> PolicyGraphs:
    """The seed graph (the real pipeline's, tests/graph_seed.py) as NetworkX graphs."""
    return to_networkx(seed_store())


def _placed(t: Trace) -> dict[str, int]:
    """Each document's label with its distance from the focus (> 0 above, < 0 below)."""
    return {n.label: n.distance for n in t.nodes}


def _edges(t: Trace) -> set[tuple[str, str]]:
    return {(link.source_label, link.target_label) for link in t.links}


def _named(t: Trace, iris: tuple[str, ...]) -> set[str]:
    labels = {n.iri: n.label for n in t.nodes}
    return {labels[i] for i in iris}


# --- trace --------------------------------------------------------------------------------------------------


def test_trace_up_from_the_lam_dong_plan() -> None:
    # gold 4655: SELF implements 69-KL/TW and 116-KH/TU (also based on it); 116-KH/TU implements 69-KL/TW;
    # 69-KL/TW implements 20-NQ/TW. Nothing implements 4655.
    t = trace(seed().lineage, "4655/KH-UBND")
    assert _placed(t) == {"20-NQ/TW": 2, "69-KL/TW": 1, P116: 1, P4655: 0}
    assert _edges(t) == {(P4655, P116), (P4655, "69-KL/TW"), (P116, "69-KL/TW"), ("69-KL/TW", "20-NQ/TW")}
    assert _named(t, t.roots) == {"20-NQ/TW"} and t.leaves == ()
    relations = {(x.source_label, x.target_label): set(x.relations) for x in t.links}
    assert relations[P4655, P116] == {"implements", "based_on"}  # "Căn cứ" and "triển khai" both name it


def test_trace_down_from_20_reaches_both_provinces() -> None:
    # 69-KL/TW continues 20-NQ/TW; 4655 and 116-KH/TU (Lâm Đồng), 47/CTr-TU (Nam Định) implement 69-KL/TW;
    # the Nam Định plan implements 47/CTr-TU. 47/CTr-TU is "thực hiện Kết luận số 69-KL/TW ... về tiếp tục
    # thực hiện Nghị quyết số 20-NQ/TW" (Nam Định, line 9): the gold accepts 47/CTr-TU → 20-NQ/TW too
    # (acceptable_lineage), and the graph has it, so 47/CTr-TU sits one step below 20-NQ/TW. Kon Tum's 4485
    # only "continues to carry out" 20-NQ/TW: no edge.
    t = trace(seed().lineage, "20-NQ/TW")
    assert _placed(t) == {"20-NQ/TW": 0, "69-KL/TW": -1, P116: -2, P4655: -2, P47: -1, PND: -2}
    assert _named(t, t.leaves) == {P4655, PND} and t.roots == ()
    groups = {(g.level, g.province): set(g.documents) for g in t.groups if g.province}
    assert groups == {("provincial", "Lâm Đồng"): {P116, P4655}, ("provincial", "Nam Định"): {P47, PND}}


@pytest.mark.parametrize("document", [PND, "kế hoạch 2024-06 (nam định)"])
def test_trace_of_the_unnumbered_plan_by_its_label(document: str) -> None:
    t = trace(seed().lineage, document)
    # Nam Định → 47/CTr-TU → 69-KL/TW → 20-NQ/TW, and 47/CTr-TU → 20-NQ/TW (two steps up)
    assert _placed(t) == {"20-NQ/TW": 2, "69-KL/TW": 2, P47: 1, PND: 0}


def test_trace_of_69_typed_loosely_sees_up_and_down() -> None:
    t = trace(seed().lineage, "69-kl/tw")
    assert _placed(t) == {"20-NQ/TW": 1, "69-KL/TW": 0, P116: -1, P4655: -1, P47: -1, PND: -2}
    assert len(t.links) == 7  # 69→20, 116→69, 4655→69, 4655→116, 47→69, 47→20, Nam Định→47


# --- who ----------------------------------------------------------------------------------------------------


def test_who_with_a_province_given_with_diacritics() -> None:
    # gold 4655: Sở Tài chính leads one task and coordinates none
    result = who(seed(), "Sở Tài chính", province="Lâm Đồng")
    (duty,) = result.duties
    assert (duty.role, duty.plan_label, duty.deadline) == ("lead", P4655, None)
    assert duty.task_text.startswith(TC_LD_TASK)
    # the one chain from the plan up: 4655 → 116-KH/TU → 69-KL/TW → 20-NQ/TW (4655 → 69-KL/TW is a shortcut)
    assert [[x.target_label for x in chain] for chain in duty.chains] == [[P116, "69-KL/TW", "20-NQ/TW"]]


def test_who_without_a_province_and_without_diacritics() -> None:
    # gold: Bắc Kạn 684 two leads; Kon Tum 4485 one coordinate ("Phối hợp với Sở Tài chính, ..."); Lâm Đồng
    # one lead; Nam Định one lead and one coordinate ("Chủ trì, phối hợp với Sở Tài chính, Sở KH&CN ...")
    result = who(seed(), "so tai chinh")
    by_province = sorted((d.province, d.role) for d in result.duties)
    assert by_province == [
        ("Bắc Kạn", "lead"),
        ("Bắc Kạn", "lead"),
        ("Kon Tum", "coordinate"),
        ("Lâm Đồng", "lead"),
        ("Nam Định", "coordinate"),
        ("Nam Định", "lead"),
    ]
    assert len(result.agencies) == 4  # one agency per province
    chains = {d.province: {tuple(x.target_label for x in c) for c in d.chains} for d in result.duties}
    assert chains["Nam Định"] == {(P47, "69-KL/TW", "20-NQ/TW")}
    assert chains["Bắc Kạn"] == {("2245/QĐ-TTg",)}  # 684 implements 2245/QĐ-TTg, the national programme
    assert chains["Kon Tum"] == set()  # the news item on 4485 states no basis for it


# --- compare ------------------------------------------------------------------------------------------------


def test_compare_the_plans_implementing_69() -> None:
    result = compare_implementing(seed(), "69-KL/TW")
    # 116-KH/TU and 47/CTr-TU implement it too, but their texts were not read: the two plans that were
    assert [(p.province, p.label, p.task_count) for p in result.plans] == [
        ("Lâm Đồng", P4655, 35),
        ("Nam Định", PND, 9),
    ]
    lam_dong, nam_dinh = result.plans
    assert lam_dong.tasks_without_lead == () and nam_dinh.tasks_without_lead == ()
    # tasks each agency leads, counted in the gold records
    assert [(x.label, x.tasks) for x in nam_dinh.leads] == [
        ("Các sở, ban, ngành", 3),
        ("Sở Khoa học và Công nghệ", 3),
        ("Ủy ban nhân dân các huyện, thành phố", 3),
        ("Sở Kế hoạch và Đầu tư", 1),
        ("Sở Tài chính", 1),
        ("Sở Thông tin và Truyền thông", 1),
    ]
    assert (lam_dong.leads[0].label, lam_dong.leads[0].tasks) == ("Sở Khoa học và Công nghệ", 10)
    assert len(lam_dong.leads) == 14
    # deadlines printed beside the tasks: 4655's appendix and its closing paragraph; Nam Định's "Hàng năm"
    assert dict(lam_dong.deadlines) == {
        "Thường xuyên hàng năm": 8,
        "Năm 2024-2025": 5,
        "Năm 2026-2030": 1,
        "trước ngày 15/11": 1,
    }
    assert dict(nam_dinh.deadlines) == {"Hàng năm": 1}
    # the "Lĩnh vực ..." headings, every field each names (data/vocab/fields.yaml): 4655 a)–đ) nông nghiệp,
    # công nghiệp, y dược, tài nguyên môi trường, xã hội nhân văn và quản lý; Nam Định a) sản xuất nông
    # nghiệp, b) công nghiệp và dịch vụ (industry, and "dịch vụ" under trade), c) công nghệ thông tin và
    # truyền thông, d) Giáo dục - Y tế và chăm sóc sức khỏe (two fields), đ) bảo vệ môi trường …, e) kinh tế
    # biển (no field of the vocabulary), g) khoa học xã hội và nhân văn, h) quốc phòng - an ninh
    assert set(lam_dong.fields_covered) == {
        "Nông nghiệp",
        "Công nghiệp",
        "Y tế",
        "Tài nguyên và môi trường",
        "Khoa học xã hội và nhân văn",
    }
    assert set(nam_dinh.fields_covered) == {
        "Nông nghiệp",
        "Công nghiệp",
        "Thương mại",
        "Thông tin và truyền thông",
        "Giáo dục và đào tạo",
        "Y tế",
        "Tài nguyên và môi trường",
        "Khoa học xã hội và nhân văn",
        "Quốc phòng, an ninh",
    }
    # missing: what the other plan covers and this one does not
    assert set(lam_dong.fields_missing) == set(nam_dinh.fields_covered) - set(lam_dong.fields_covered)
    assert nam_dinh.fields_missing == ()


# --- metrics (they take no parameter) -----------------------------------------------------------------------


def test_workload_counts_each_provinces_agency_apart() -> None:
    rows = {(w.label, w.province): (w.lead, w.coordinate, w.other) for w in workload(seed().responsibility)}
    # gold: Sở Tài chính per province; Sở Khoa học và Công nghệ in each plan. "other" is the reports-to role
    # of data/vocab/roles.yaml: 4655's closing "hàng năm báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ
    # trước ngày 15/11" and 684's "8. Công tác báo cáo" ("... báo cáo ... về Sở Khoa học và Công nghệ")
    assert rows["Sở Tài chính", BK_NAME] == (2, 0, 0)
    assert rows["Sở Tài chính", KT_NAME] == (0, 1, 0)
    assert rows["Sở Tài chính", LD_NAME] == (1, 0, 0)
    assert rows["Sở Tài chính", ND_NAME] == (1, 1, 0)
    assert rows["Sở Khoa học và Công nghệ", LD_NAME] == (10, 3, 1)
    assert rows["Sở Khoa học và Công nghệ", BK_NAME] == (4, 3, 1)
    assert rows["Sở Khoa học và Công nghệ", KT_NAME] == (4, 0, 0)  # 4485's four tasks
    assert rows["Sở Khoa học và Công nghệ", ND_NAME] == (3, 2, 0)
    busiest = workload(seed().responsibility)[0]
    assert (busiest.label, busiest.province, busiest.total) == ("Sở Khoa học và Công nghệ", "Lâm Đồng", 14)


def test_brokers_in_kon_tum() -> None:
    # Kon Tum's coordination network (agencies sharing a task), from the gold and data/vocab/roles.yaml:
    # Sở KH&CN (K) shares tasks with "Các sở, ngành, địa phương" (C), Sở Tài chính (F) and Sở Kế hoạch và Đầu
    # tư (P), the last two on one task ("Phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư ...", so F–P too);
    # Sở TT&TT (T) shares one with C; "báo cáo UBND tỉnh" gives Ủy ban nhân dân tỉnh (U) the reports-to role
    # on one task of K (4485) and one of T (3549). Shortest paths: K lies on F–C, F–U, P–C, P–U, on F–T and
    # P–T (with C or U: 1 each), and on half of C–U: 6.5; C on half of F–T, P–T, K–T: 1.5; U likewise 1.5;
    # T on half of C–U: 0.5. F and P bridge nobody.
    found = {b.label: b for b in brokers(seed().responsibility) if b.province == KT_NAME}
    k, c = found["Sở Khoa học và Công nghệ"], found["Các sở, ngành, địa phương"]
    u, t = found["Ủy ban nhân dân tỉnh"], found["Sở Thông tin và Truyền thông"]
    assert len(found) == 4
    assert (k.partners, c.partners, u.partners, t.partners) == (4, 2, 2, 2)
    ratios = [x.betweenness / t.betweenness for x in (k, c, u)]
    assert ratios == pytest.approx([13, 3, 3], rel=1e-3)  # the centralities are rounded to 6 places


def test_lineage_depth_of_each_text_read() -> None:
    # implements steps up to the furthest root: 4655 → 116 → 69 → 20; Nam Định → 47 → 69 → 20;
    # 684 → 2245/QĐ-TTg; 3549 → the national digital-economy strategy; 4485 states none
    depth = {d.label: d.depth for d in lineage_depth(seed())}
    assert depth == {
        P4655: 3,
        PND: 3,
        f"684/QĐ-UBND {BK}": 1,
        f"3549/KH-UBND {KT}": 1,
        f"4485/KH-UBND {KT}": 0,
    }


def test_gaps_coordinate_only_by_agency_and_province() -> None:
    found = gaps(seed())
    assert found.tasks_without_lead == ()  # every gold task has a lead
    only = {(a.name, a.tasks) for a in found.coordinate_only}
    # Sở Tài chính only coordinates in Kon Tum; it leads in the three other provinces
    assert (f"Sở Tài chính {KT}", 1) in only and (f"Sở Kế hoạch và Đầu tư {KT}", 1) in only
    assert not {f"Sở Tài chính {p}" for p in (BK, LD, ND)} & {name for name, _ in only}
    assert (f"Ban Tuyên giáo Tỉnh ủy {ND}", 1) in only
    assert len(only) == 11  # as the coordinate-only-agencies query (tests/query/test_answers.py)


def test_gaps_directives_the_texts_cite_that_no_document_of_the_graph_carries_out() -> None:
    # Cited, never implemented by anything: Nam Định's "Quyết định số 1068/QĐ-TTg" (intellectual-property
    # strategy) and "Chiến lược phát triển KH,CN&ĐMST đến năm 2030"; 684's "Quyết định 1534/QĐ-UBND" and its
    # "Căn cứ Luật Khoa học và Công nghệ", "Căn cứ Luật Tổ chức chính quyền địa phương"; 4655's "Nghị quyết số
    # 20-NQ/TU … của Tỉnh ủy", "Quyết định số 892/QĐ-UBND" and "Luật Ngân sách nhà nước". Left out: 20-NQ/TW,
    # 69-KL/TW, 2245/QĐ-TTg, 52-NQ/TW, 50-KL/TW (each implemented by a document of the graph) and Kon Tum's
    # 1466/QĐ-UBND, which itself carries out 50-KL/TW ("ban hành Kế hoạch triển khai thực hiện Kết luận số
    # 50-KL/TW"): the end of a chain, not a directive waiting for plans.
    assert gaps(seed()).directives_without_plan == (
        "1068/QĐ-TTg",
        f"1534/QĐ-UBND {BK}",
        f"20-NQ/TU {LD}",
        f"892/QĐ-UBND {LD}",
        "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030",
        "Luật Khoa học và Công nghệ",
        "Luật Ngân sách nhà nước",
        "Luật Tổ chức chính quyền địa phương",
    )


def test_communities_put_each_heading_field_with_an_agency() -> None:
    groups = communities(seed())
    fields = [f for c in groups for f in c.fields]
    agencies = [a for c in groups for a in c.agency_iris]
    # a partition: every field and every agency of the agency–field graph in exactly one community
    assert len(fields) == len(set(fields)), "a field in two communities"
    assert len(agencies) == len(set(agencies)), "an agency in two communities"
    # 684's task "... tái cơ cấu ngành nông nghiệp" is the only task the texts put in a field by its own
    # words; the other tasks take their plan's "Lĩnh vực ..." headings only when no task states a field.
    # So the agency–field graph is one edge: Nông nghiệp with the agency leading that task, Bắc Kạn's Sở
    # Nông nghiệp và Phát triển nông thôn (gold 684), alone.
    assert [(c.fields, c.agencies) for c in groups] == [
        (("Nông nghiệp",), (f"Sở Nông nghiệp và Phát triển nông thôn {BK}",))
    ]
    assert all(len(c.agency_iris) == len(c.agencies) for c in groups)
