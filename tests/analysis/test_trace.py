"""`kg trace`: lineage up to the roots and down to every leaf, with relations and quotes; cycles refused."""

from __future__ import annotations

import pytest

from analysis_support import ID, cycle, mini
from kg.analysis.trace import trace
from kg.errors import LineageCycle, UnknownDocument


def _labels(t, iris) -> set[str]:  # type: ignore[no-untyped-def]
    by_iri = {n.iri: n.label for n in t.nodes}
    return {by_iri[i] for i in iris}


@pytest.mark.parametrize(
    ("query", "roots", "leaves"),
    [
        ("12-KL/TW", {"7-NQ/TW"}, {"100/KH-UBND (Đồng Nai)", "55/KH-UBND (Hải Dương)"}),
        ("12/kl-tw", {"7-NQ/TW"}, {"100/KH-UBND (Đồng Nai)", "55/KH-UBND (Hải Dương)"}),  # typed loosely
        ("100/KH-UBND", {"7-NQ/TW"}, set()),
        ("7-NQ/TW", set(), {"100/KH-UBND (Đồng Nai)", "55/KH-UBND (Hải Dương)"}),
    ],
)
def test_trace_reaches_roots_and_leaves(query: str, roots: set[str], leaves: set[str]) -> None:
    t = trace(mini().lineage, query)
    assert _labels(t, t.roots) == roots
    assert _labels(t, t.leaves) == leaves


def test_trace_groups_documents_by_level_and_province() -> None:
    groups = {(g.level, g.province): set(g.documents) for g in trace(mini().lineage, "12-KL/TW").groups}
    assert groups == {
        ("central", None): {"12-KL/TW", "7-NQ/TW"},
        ("provincial", "Đồng Nai"): {"100/KH-UBND (Đồng Nai)", "30-KH/TU (Đồng Nai)"},
        ("provincial", "Hải Dương"): {"55/KH-UBND (Hải Dương)"},
    }


def test_trace_links_carry_relation_and_source_quote() -> None:
    links = {(x.source_label, x.target_label): x for x in trace(mini().lineage, "12-KL/TW").links}
    link = links["100/KH-UBND (Đồng Nai)", "30-KH/TU (Đồng Nai)"]
    assert link.relations == ("based_on", "implements")
    assert [q.text for q in link.quotes] == [
        "Căn cứ Kế hoạch số 30-KH/TU của Tỉnh ủy thực hiện Kết luận số 12-KL/TW"
    ]


def test_trace_distances_place_documents_above_and_below() -> None:
    distance = {n.label: n.distance for n in trace(mini().lineage, "30-KH/TU").nodes}
    assert distance == {"7-NQ/TW": 2, "12-KL/TW": 1, "30-KH/TU (Đồng Nai)": 0, "100/KH-UBND (Đồng Nai)": -1}


def test_trace_by_iri() -> None:
    assert trace(mini().lineage, ID + "doc/bct/2024/12-kl-tw").focus == (ID + "doc/bct/2024/12-kl-tw",)


def test_unknown_document_suggests_the_closest_symbols() -> None:
    with pytest.raises(UnknownDocument) as err:
        trace(mini().lineage, "12-KL/TU")
    assert err.value.suggestions[0] == "12-KL/TW"


def test_a_cycle_is_a_data_error_naming_its_documents() -> None:
    with pytest.raises(LineageCycle) as err:
        trace(cycle().lineage, "1-NQ/TW")
    assert set(err.value.cycle) == {"2/KH-UBND", "3/KH-UBND"}
