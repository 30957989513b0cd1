"""`kg compare`: implementing plans side by side."""

from __future__ import annotations

import pytest

from analysis_support import mini
from kg.analysis.compare import compare_documents, compare_implementing
from kg.errors import UnknownDocument


def _by_province():  # type: ignore[no-untyped-def]
    return {p.province: p for p in compare_implementing(mini(), "12-KL/TW").plans}


def test_every_province_implementing_the_directive_is_compared() -> None:
    plans = compare_implementing(mini(), "12-KL/TW").plans
    assert [(p.province, p.label) for p in plans] == [
        ("Đồng Nai", "100/KH-UBND (Đồng Nai)"),
        ("Hải Dương", "55/KH-UBND (Hải Dương)"),
    ]  # the party plan 30-KH/TU was only cited, not read, so it is not compared


def test_the_central_resolution_reaches_the_same_plans_through_the_conclusion() -> None:
    assert len(compare_implementing(mini(), "7-NQ/TW").plans) == 2


@pytest.mark.parametrize(
    ("province", "covered", "missing"),
    [
        ("Đồng Nai", ("Công nghiệp", "Khoa học và công nghệ"), ("Nông nghiệp",)),
        ("Hải Dương", ("Khoa học và công nghệ", "Nông nghiệp"), ("Công nghiệp",)),
    ],
)
def test_fields_covered_and_not_covered(
    province: str, covered: tuple[str, ...], missing: tuple[str, ...]
) -> None:
    plan = _by_province()[province]
    assert (plan.fields_covered, plan.fields_missing) == (covered, missing)


def test_leads_tasks_without_lead_deadlines_and_targets() -> None:
    plan = _by_province()["Đồng Nai"]
    assert {(lc.label, lc.tasks) for lc in plan.leads} == {
        ("Sở Công Thương tỉnh Đồng Nai", 1), ("Sở Khoa học và Công nghệ tỉnh Đồng Nai", 1),
    }  # fmt: skip
    assert plan.tasks_without_lead == ("Bố trí kinh phí thực hiện",)
    assert plan.deadlines == (("Năm 2024-2025", 1), ("Năm 2026-2030", 1))
    assert [(t["value"], t["unit"], t["year"]) for t in plan.targets] == [(30.0, "%", 2030)]


def test_two_named_documents_side_by_side() -> None:
    result = compare_documents(mini(), ["55/KH-UBND", "100/KH-UBND"])
    assert [p.province for p in result.plans] == ["Hải Dương", "Đồng Nai"]  # in the order asked


def test_unknown_directive_is_named() -> None:
    with pytest.raises(UnknownDocument):
        compare_implementing(mini(), "999-KL/TW")
