"""Document identity across a corpus (kg.resolve.docid): mentions merge only where they are compatible."""

import pytest

from kg.resolve.docid import Mention, reconcile


def _m(base: str, scope: str | None, year: str | None, record: int = 0) -> Mention:
    date = f"{year}-01-01" if year else None
    return Mention(record, base, base, None, None, None, date, scope)


@pytest.mark.parametrize(
    ("mentions", "same"),
    [
        ([_m("20-NQ/TW", "central", "2012"), _m("20-NQ/TW", None, None, 1)], True),  # underspecified joins
        ([_m("5/KH-UBND", "a", "2020"), _m("5/KH-UBND", "b", "2020", 1)], False),  # two provinces
        ([_m("5/KH-UBND", "a", "2020"), _m("5/KH-UBND", "a", "2021", 1)], False),  # two years
        ([_m("20-NQ/TW", "central", "2012"), _m("20-NQ/TU", "central", "2012", 1)], False),  # two symbols
    ],
)
def test_reconcile_merges_only_compatible_mentions(mentions: list[Mention], same: bool) -> None:
    ids = reconcile(mentions)
    assert (ids[0] == ids[1]) is same


def test_reconcile_keeps_an_ambiguous_mention_apart() -> None:
    ms = [_m("5/KH-UBND", "a", "2020"), _m("5/KH-UBND", "b", "2020", 1), _m("5/KH-UBND", None, None, 2)]
    ids = reconcile(ms)
    assert ids[2] not in (ids[0], ids[1])
