"""Lines that are not tasks never become tasks: bylines, photo captions, page chrome, headings, recipients
lists, signature lines, execution formulas addressed to office-holders, a news report's background sentences.

Each row names a text (seed or held-out) and a piece of it that no task of its record may contain. Rows whose
cause lies on the assignment side (kg.extract.assignments) are marked xfail(strict=True) with the reason.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kg.extract import extract_file
from kg.models import Record
from kg.paths import RAW_DIR

UNSEEN = Path(__file__).parents[1] / "fixtures" / "unseen"
TEXTS = sorted(RAW_DIR.glob("*.txt")) + sorted(UNSEEN.glob("*.txt"))
_ASSIGNMENT_SIDE = "assignment side: "


@cache
def _record(stem: str) -> Record:
    path = next(p for p in TEXTS if p.stem == stem)
    return extract_file(path)


def _never_a_task(stem: str, words: str, why: str = "") -> object:
    marks = [pytest.mark.xfail(strict=True, reason=why)] if why.startswith(_ASSIGNMENT_SIDE) else []
    return pytest.param(stem, words, marks=marks, id=f"{stem[:24]}:{words[:24]}")


CASES = [
    # News bylines, at the very end or among the page's closing chrome.
    _never_a_task("ubnd-kon-tum_3549-kh-ubnd_2022_news", "Phương Loan"),
    _never_a_task("ubnd-kon-tum_4485-kh-ubnd_2020_news", "hbnguyet"),
    _never_a_task("doc-gia-lai_678-kh-ubnd_2025_news", "Minh Châu"),
    # Captions and "read more" links.
    _never_a_task("ubnd-kon-tum_3549-kh-ubnd_2022_news", "Ảnh minh họa"),
    _never_a_task("ubnd-kon-tum_3549-kh-ubnd_2022_news", "Xem chi tiết"),
    # Recipients lists and signature blocks.
    _never_a_task("resp-ubnd-nam-dan_215-kh-ubnd_2024", "Lưu: VT"),
    _never_a_task("resp-ubnd-nam-dan_215-kh-ubnd_2024", "Hoàng Văn Sơn"),
    _never_a_task("ubnd-lam-dong_4655-kh-ubnd_2024", "Nơi nhận"),
    _never_a_task("resp-ubnd-nghe-an_4521-ubnd-vx_2025", "Yêu cầu Thủ trưởng các sở"),
    # G7: an execution formula addressed to office-holders, after the organisation section's last item
    # (in the body of that item, after a blank line): it ends the item and is no task of its agency.
    _never_a_task("resp-ubnd-nam-dan_215-kh-ubnd_2024", "Yêu cầu Trưởng các phòng"),
    # A news report's background: what was issued before is no task, and it does not take on the
    # addressees of the sentence before it.
    _never_a_task("doc-gia-lai_678-kh-ubnd_2025_news", "Trước đó, ngày 05/02/2025"),
]


@pytest.mark.parametrize(("stem", "words"), CASES)
def test_no_task_quotes_a_non_task_line(stem: str, words: str) -> None:
    tasks = [t.text for t in _record(stem).tasks]
    assert tasks, f"{stem}: no tasks at all"
    assert not [t for t in tasks if words in t], f"{stem}: a task quotes {words!r}"


@pytest.mark.parametrize("text", TEXTS, ids=lambda p: p.stem)
def test_no_task_is_a_heading_or_a_name(text: Path) -> None:
    """A task is a clause with a predicate: not an upper-case heading, not a bare name of up to four words."""
    for task in _record(text.stem).tasks:
        words = task.text.split()
        assert task.text != task.text.upper(), f"{text.name}: heading as task {task.text!r}"
        assert len(words) > 4 or not all(w[:1].isupper() for w in words), f"{text.name}: {task.text!r}"
