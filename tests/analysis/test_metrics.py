"""Metrics: workload, brokers, lineage depth, responsibility gaps, communities."""

from __future__ import annotations

import pytest

from analysis_support import cycle, mini
from kg.analysis import metrics
from kg.errors import LineageCycle


def test_workload_counts_lead_and_coordinate_per_agency() -> None:
    rows = {w.label: (w.lead, w.coordinate) for w in metrics.workload(mini().responsibility)}
    assert rows["Sở Khoa học và Công nghệ tỉnh Đồng Nai"] == (1, 1)
    assert rows["Sở Tài chính tỉnh Đồng Nai"] == (0, 2)


def test_brokers_are_agencies_bridging_others() -> None:
    labels = [b.label for b in metrics.brokers(mini().responsibility)]
    # each links a partner that shares no task with the other
    assert set(labels) == {
        "Sở Khoa học và Công nghệ tỉnh Đồng Nai",
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hải Dương",
    }


def test_lineage_depth_counts_implements_steps_to_the_furthest_root() -> None:
    depth = {d.label: d.depth for d in metrics.lineage_depth(mini())}
    assert depth == {"100/KH-UBND (Đồng Nai)": 3, "55/KH-UBND (Hải Dương)": 2}


def test_lineage_depth_refuses_a_cycle() -> None:
    with pytest.raises(LineageCycle):
        metrics.lineage_depth(cycle())


@pytest.mark.parametrize(
    ("gap", "expected"),
    [
        ("tasks_without_lead", (("100/KH-UBND (Đồng Nai)", "Bố trí kinh phí thực hiện"),)),
        ("directives_without_plan", ("88/QĐ-TTg",)),
    ],
)
def test_gaps(gap: str, expected: tuple) -> None:
    assert getattr(metrics.gaps(mini()), gap) == expected


def test_coordinate_only_names_each_agency_with_its_province() -> None:
    found = [(a.name, a.tasks) for a in metrics.gaps(mini()).coordinate_only]
    assert found == [("Các sở, ban, ngành (Hải Dương)", 1), ("Sở Tài chính tỉnh Đồng Nai", 2)]


def test_unresolved_references_are_gaps() -> None:
    (u,) = metrics.gaps(mini()).unresolved_references
    assert u.citing_label == "55/KH-UBND (Hải Dương)"


def test_communities_group_agencies_with_their_fields() -> None:
    found = {c.fields: set(c.agencies) for c in metrics.communities(mini())}
    assert found[("Nông nghiệp",)] == {
        "Các sở, ban, ngành (Hải Dương)",  # a collective of one province, named with it
        "Sở Nông nghiệp và Phát triển nông thôn tỉnh Hải Dương",
    }
    assert sum(len(c.agencies) for c in metrics.communities(mini())) == 6  # every agency with a field, once
