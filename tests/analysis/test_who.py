"""`kg who`: what an agency answers for, found by the names researchers type, with the chain of directives."""

from __future__ import annotations

import pytest

from analysis_support import mini
from kg.analysis.matching import match_names
from kg.analysis.who import who
from kg.errors import UnknownAgency

DN_KHCN = "Sở Khoa học và Công nghệ tỉnh Đồng Nai"
HD_KHCN = "Sở Khoa học và Công nghệ tỉnh Hải Dương"


@pytest.mark.parametrize(
    ("query", "province", "expected"),
    [
        ("Sở Khoa học và Công nghệ", None, {DN_KHCN, HD_KHCN}),
        ("Sở Khoa học và Công nghệ", "Đồng Nai", {DN_KHCN}),
        ("so khoa hoc va cong nghe", "dong nai", {DN_KHCN}),  # no diacritics
        ("so khcn", "Hải Dương", {HD_KHCN}),  # abbreviation without diacritics
        ("Sở KH&CN", None, {DN_KHCN, HD_KHCN}),  # abbreviation as printed
        ("SỞ TÀI CHÍNH", None, {"Sở Tài chính tỉnh Đồng Nai"}),
        ("So NN&PTNT", None, {"Sở Nông nghiệp và Phát triển nông thôn tỉnh Hải Dương"}),
        ("các sở, ban, ngành", None, {"Các sở, ban, ngành"}),
    ],
)
def test_agency_names_match_without_diacritics_and_abbreviated(
    query: str, province: str | None, expected: set[str]
) -> None:
    assert {label for _, label in who(mini(), query, province).agencies} == expected


def test_who_lists_tasks_with_role_deadline_field_and_plan() -> None:
    duties = who(mini(), "so khcn", "Đồng Nai").duties
    rows = {(d.role, d.deadline, d.fields, d.plan_label) for d in duties}
    assert rows == {
        ("lead", "Năm 2024-2025", ("Khoa học và công nghệ",), "100/KH-UBND (Đồng Nai)"),
        ("coordinate", "Năm 2026-2030", ("Công nghiệp",), "100/KH-UBND (Đồng Nai)"),
    }


def test_who_gives_the_chain_up_to_the_central_directive_with_quotes() -> None:
    duty = who(mini(), "so khcn", "Đồng Nai").duties[0]
    (chain,) = duty.chains  # the direct shortcut 100 → 12-KL/TW lies on the longer chain, so it is left out
    assert [chain[0].source_label, *(link.target_label for link in chain)] == [
        "100/KH-UBND (Đồng Nai)", "30-KH/TU (Đồng Nai)", "12-KL/TW", "7-NQ/TW",
    ]  # fmt: skip
    assert all(link.quotes for link in chain)


def test_who_keeps_the_agency_name_as_printed() -> None:
    lead = next(d for d in who(mini(), "so khcn", "Đồng Nai").duties if d.role == "lead")
    assert "Sở KH&CN" in [q.text for q in lead.quotes]
    assert "Sở KH&CN" in [q.text for q in lead.assignment_quotes]  # the assignment's own evidence


@pytest.mark.parametrize(
    ("query", "province", "suggested"),
    [
        ("So Khoa hoc Cong nge", None, DN_KHCN),  # misspelt
        ("Sở Khoa học và Công nghệ", "Lâm Đồng", DN_KHCN),  # wrong province: suggest across provinces
    ],
)
def test_unknown_agency_suggests_the_closest_names(query: str, province: str | None, suggested: str) -> None:
    with pytest.raises(UnknownAgency) as err:
        who(mini(), query, province)
    assert suggested in err.value.suggestions


def test_a_typo_is_not_read_as_the_initial_of_the_province() -> None:
    # "khcnn" is a mistyped "khcn", not "Khoa học và Công nghệ Nam (Định)": it must suggest, not match
    names = {"nd": ["Sở Khoa học và Công nghệ (Nam Định)"], "hn": ["Sở Khoa học và Công nghệ tỉnh Hà Nam"]}
    places = {"nd": "Nam Định", "hn": "Hà Nam"}
    assert match_names("so khcnn", names, places) == []
    assert match_names("so khcn nam dinh", names, places) == ["nd"]
