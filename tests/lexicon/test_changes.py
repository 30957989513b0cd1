"""The 2025 reorganisation as data (data/vocab/changes.yaml): the province map, the legal bases, and the
path from a body as a text names it to the body holding its work now (issue 13)."""

from __future__ import annotations

import pytest

from kg.lexicon.changes import bases, changes, path, place_key, province_now, provinces_unchanged
from kg.lexicon.gazetteer import resolve_agency


def test_63_provinces_become_34() -> None:
    merged = [c for c in changes() if c.scope == "province"]
    same = {place_key(p) for p in provinces_unchanged()}
    before = {place_key(p) for c in merged for p in c.predecessors} | same
    after = {place_key(s) for c in merged for s in c.successors} | same
    assert (len(before), len(after), len(merged)) == (63, 34, 23)


def test_every_province_merger_rests_on_the_resolution_of_12_june_2025() -> None:
    cited = {b.citation() for c in changes() if c.scope == "province" for b in c.bases}
    assert cited == {"Nghị quyết 202/2025/QH15 của Quốc hội, 12/6/2025"}


def test_every_change_names_its_bases_and_unverified_facts_say_so() -> None:
    used = {b.key for c in changes() for b in c.bases}
    assert used == set(bases())  # no basis listed that no change uses
    assert all(b.source for b in bases().values())
    assert not bases()["nhnn-2025-khu-vuc"].verified and bases()["nq-202-2025-qh15"].verified


@pytest.mark.parametrize(
    ("written", "province", "now", "province_now", "dates"),
    [
        ("Sở Thông tin và Truyền thông", "Lâm Đồng", "so-khoa-hoc-va-cong-nghe", "Lâm Đồng", ["2025-03-01"]),
        ("Sở Khoa học và Công nghệ", "Nam Định", "so-khoa-hoc-va-cong-nghe", "Ninh Bình", ["2025-07-01"]),
        ("Sở TT&TT", "Nam Định", "so-khoa-hoc-va-cong-nghe", "Ninh Bình", ["2025-03-01", "2025-07-01"]),
        ("UBND các huyện, thành phố", "Bắc Kạn", "group-ubnd-cap-xa", "Thái Nguyên", ["2025-07-01"]),
        ("Ban cán sự đảng Chính phủ", None, "dang-uy-chinh-phu", None, ["2025-02-03"]),
        ("Bộ Y tế", None, "bo-y-te", None, []),  # unchanged
        ("Sở Y tế", "Hà Nội", "so-y-te", "Hà Nội", []),  # a province left as it was
        # 20 regional tax offices from 1/3/2025 (381/QĐ-BTC), a tax office per province from 1/7/2025
        ("Cục Thuế tỉnh", "Lâm Đồng", "thue-tinh", "Lâm Đồng", ["2025-03-01", "2025-07-01"]),
        ("VCCI", None, "phong-thuong-mai-va-cong-nghiep-viet-nam", None, []),  # the name since 2022
        (
            "Phòng Thương mại và Công nghiệp Việt Nam",
            None,
            "phong-thuong-mai-va-cong-nghiep-viet-nam",
            None,
            ["2022-11-30"],
        ),
    ],
)
def test_a_body_is_followed_to_the_body_holding_its_work_now(
    written: str, province: str | None, now: str, province_now: str | None, dates: list[str]
) -> None:
    match = resolve_agency(written, province)
    assert match is not None
    steps = path(match.id, match.province)
    last = (steps[-1].agency, steps[-1].province) if steps else (match.id, match.province)
    assert (last, [s.date for s in steps]) == ((now, province_now), dates)


def test_as_of_a_date_only_the_changes_made_by_then_count() -> None:
    steps = path("so-thong-tin-va-truyen-thong", "Nam Định", as_of="2025-05-01")
    assert [(s.agency, s.province) for s in steps] == [("so-khoa-hoc-va-cong-nghe", "Nam Định")]
    assert path("so-thong-tin-va-truyen-thong", "Nam Định", as_of="2024-12-31") == ()
    assert province_now("Bắc Kạn", "2025-07-01")[0] == "Thái Nguyên"


def test_a_provincial_tax_department_was_regional_between_march_and_july_2025() -> None:
    steps = path("cuc-thue-tinh", "Kon Tum", as_of="2025-04-01")
    assert [(s.agency, s.province) for s in steps] == [("chi-cuc-thue-khu-vuc", "Kon Tum")]
    last = path("cuc-thue-tinh", "Kon Tum")[-1]
    assert (last.agency, last.province) == ("thue-tinh", "Quảng Ngãi")


def test_the_district_tier_passes_to_the_communes_and_wards_as_a_collective() -> None:
    (step,) = path("group-ubnd-cap-huyen", "Bắc Kạn")
    assert step.name == "Ủy ban nhân dân các xã, phường"
    assert sorted(c.kind for c in step.changes) == ["abolition", "merger"]


def test_a_transfer_of_functions_makes_no_successor() -> None:
    (step,) = path("bo-lao-dong-thuong-binh-va-xa-hoi", None)
    assert step.agency == "bo-noi-vu" and [c.kind for c in step.changes] == ["merger"]
