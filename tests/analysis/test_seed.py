"""Acceptance on the seed graph (issue 5): trace, who and compare on the five seed texts.

The graph is what `kg build` makes of data/raw (the real extraction pipeline), built in a temporary directory.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.analysis.compare import compare_implementing
from kg.analysis.convert import PolicyGraphs
from kg.analysis.load import load_graphs
from kg.analysis.trace import trace
from kg.analysis.who import who
from kg.cli import cli
from kg.paths import RAW_DIR


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kg.build import build

    out = tmp_path_factory.mktemp("seed")
    build([RAW_DIR], out_dir=out, store_dir=out / "store", jobs=1)
    return str(out / "store")


@pytest.fixture(scope="module")
def seed(built: str) -> PolicyGraphs:
    from pathlib import Path

    return load_graphs((), Path(built))


def _province_of(graphs: PolicyGraphs, iris: tuple[str, ...]) -> set[str]:
    return {graphs.lineage.nodes[i].get("province_label") for i in iris}


def test_trace_69_reaches_both_provinces_plans(seed: PolicyGraphs) -> None:
    t = trace(seed.lineage, "69-KL/TW")
    assert {"Lâm Đồng", "Nam Định"} <= _province_of(seed, t.leaves)
    assert "4655/KH-UBND" in {n.identifier for n in t.nodes}
    assert "20-NQ/TW" in {n.identifier for n in t.nodes if n.distance > 0}
    assert all(link.quotes for link in t.links), "every lineage step must quote the words that state it"


def test_who_lam_dong_science_department(seed: PolicyGraphs) -> None:
    result = who(seed, "Sở Khoa học và Công nghệ", province="Lâm Đồng")
    appendix = [d for d in result.duties if d.deadline in ("Năm 2024-2025", "Năm 2026-2030")]
    assert {d.deadline for d in appendix} == {"Năm 2024-2025", "Năm 2026-2030"}
    for duty in appendix:
        ends = {chain[-1].target_label for chain in duty.chains}
        assert any(label.startswith("20-NQ/TW") for label in ends), ends
        assert all(link.quotes for chain in duty.chains for link in chain), "a chain step without its quote"
        # the assignment's own evidence: the agency as printed and the deadline, in the plan's text
        assert duty.deadline in {q.text for q in duty.assignment_quotes}
        assert all(q.file and q.start is not None for q in duty.assignment_quotes)


def test_who_cli_shows_quotes_and_chain(built: str) -> None:
    args = ["who", "Sở Khoa học và Công nghệ", "--province", "Lâm Đồng", "--store", built]
    table = CliRunner().invoke(cli, args)
    assert table.exit_code == 0, table.output
    assert "“Năm 2026-2030”" in table.output and "20-NQ/TW" in table.output
    rows = CliRunner().invoke(cli, [*args, "--csv"]).output
    assert "assignment_quote" in rows.splitlines()[0] and "“Năm 2024-2025”" in rows


def test_who_accepts_abbreviations_without_diacritics(seed: PolicyGraphs) -> None:
    full = who(seed, "Sở Khoa học và Công nghệ", province="Lâm Đồng").agencies
    assert who(seed, "so khcn", province="lam dong").agencies == full
    assert who(seed, "Sở KH&CN", province="Lâm Đồng").agencies == full


def test_compare_69_shows_both_provinces_with_their_fields(seed: PolicyGraphs) -> None:
    plans = {p.province: p for p in compare_implementing(seed, "69-KL/TW").plans}
    assert {"Lâm Đồng", "Nam Định"} <= set(plans)
    assert all(p.task_count > 0 and p.leads for p in plans.values())
    lam_dong, nam_dinh = plans["Lâm Đồng"], plans["Nam Định"]
    # the "Lĩnh vực ..." headings each plan states (field labels of ontology/fields.ttl)
    assert {"Nông nghiệp", "Công nghiệp", "Y tế"} <= set(lam_dong.fields_covered)
    assert {"Nông nghiệp", "Giáo dục và đào tạo"} <= set(nam_dinh.fields_covered)
    # covered / not covered are complementary over the fields of the plans compared
    for p in plans.values():
        assert not set(p.fields_covered) & set(p.fields_missing)
    # Nam Định's "d) Lĩnh vực Giáo dục - Y tế và chăm sóc sức khỏe nhân dân" names both fields
    assert "Y tế" in nam_dinh.fields_covered and "Giáo dục và đào tạo" in lam_dong.fields_missing
