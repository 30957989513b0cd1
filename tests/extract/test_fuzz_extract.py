"""Fuzzing ``extract_text`` with hostile shapes (issue 14): dash runs, numbering hundreds of levels deep, long
lines, mixed scripts and invisible characters, stitched between real phrases of the domain.

Every case runs in a worker process whose address space is capped (``resource.RLIMIT_AS``), so a case that
balloons fails with MemoryError instead of taking the machine down, and it must answer within a time bound,
so a runaway case fails instead of hanging the suite. The bounds are generous guards against blow-ups (a
case takes well under a second), not speed measurements: those live in benchmarks/. Each case must give a
record whose every span quotes the original text."""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable, Iterator
from multiprocessing.pool import Pool
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CASE_SECONDS = 20  # a case that runs longer than this is a blow-up, not a slow machine
CASE_MEMORY = 1_500_000_000  # bytes of address space a worker may add to what it holds after start-up


def _limit_memory() -> None:
    """Cap the worker's address space at what it holds now plus ``CASE_MEMORY``."""
    import kg.extract  # noqa: F401  (loaded before the cap is measured)

    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[0])
    held = pages * resource.getpagesize()
    resource.setrlimit(resource.RLIMIT_AS, (held + CASE_MEMORY, held + CASE_MEMORY))


def _extract(text: str) -> list[str]:
    """Run in the worker: extract ``text``; the spans whose quote is not the original's words there."""
    from kg.extract import extract_text

    record = extract_text(text)
    spans = [*record.document.spans.values()]
    spans += [r.span for r in record.references]
    spans += [t.span for t in record.tasks]
    spans += [s for a in record.assignments for s in (a.span, a.task_span, a.deadline_span)]
    return [f"{s.start}:{s.end} {s.quote!r}" for s in spans if s and text[s.start : s.end] != s.quote]


class Worker:
    """One bounded worker process, replaced after a case overran (it may still be busy with that case)."""

    def __init__(self) -> None:
        self.pool = self._start()

    @staticmethod
    def _start() -> Pool:
        return multiprocessing.get_context("spawn").Pool(1, initializer=_limit_memory)

    def run(self, fn: Callable[[Any], Any], arg: Any) -> Any:
        try:
            return self.pool.apply_async(fn, (arg,)).get(timeout=CASE_SECONDS)
        except multiprocessing.TimeoutError:
            self.close()
            self.pool = self._start()
            raise AssertionError(f"a case ran over {CASE_SECONDS} s") from None

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    w = Worker()
    w.run(_extract, "Số: 1/KH-UBND")  # start-up (loading the vocabulary) is no case of its own
    yield w
    w.close()


# --- hostile shapes ---------------------------------------------------------------------------------------

_PHRASES = [
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    "Số: 4655/KH-UBND",
    "Lâm Đồng, ngày 31 tháng 2 năm 2025",
    "KẾ HOẠCH",
    "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
    "IV. TỔ CHỨC THỰC HIỆN",
    "Điều 2. Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan thực hiện.",
    "Sở Khoa học và Công nghệ chủ trì; thời hạn: năm 2025.",
    "Các sở, ban, ngành:",
    "Nơi nhận:",
    "- Như Điều 3;",
    "TM. ỦY BAN NHÂN DÂN",
    "| Số: 20-NQ/TW | Hà Nội, ngày 01 tháng 11 năm 2012 |",
    "**KẾ HOẠCH****CỦA BAN**",
]
_ALPHABET = list("aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃỦĐ 0123456789.,;:()/-–—•+*|#")
_ODD = list("\u200b\u200c\u200d\u2060\u00ad\ufeff\u0301\u0323\u00a0\r\t") + list("сеоАВЕ中文العربيةẞ🙂\u202e")

_words = st.text(alphabet=st.sampled_from(_ALPHABET + _ODD), max_size=60)
_dash_run = st.builds(
    lambda ch, n: ch * n, st.sampled_from(["-", "—", "_", "- ", "+ ", "*"]), st.integers(1, 3000)
)
_deep_numbering = st.integers(1, 300).map(
    lambda depth: "\n".join(".".join(["1"] * (k + 1)) + ". Sở Tài chính chủ trì" for k in range(depth))
)
_bullets = st.integers(1, 400).map(
    lambda n: "\n".join(("a) ", "- ", "+ ")[k % 3] + "Bộ Y tế:" for k in range(n))
)
_long_line = st.builds(lambda w, n: (w or "chủ trì") * n, _words, st.integers(1, 300)).map(lambda s: s[:8000])
_mixed = st.text(alphabet=st.sampled_from(_ODD + _ALPHABET), min_size=1, max_size=400)
_pieces = st.one_of(
    st.sampled_from(_PHRASES), _words, _dash_run, _deep_numbering, _bullets, _long_line, _mixed
)
_texts = st.lists(_pieces, min_size=1, max_size=12).map("\n".join)


@settings(
    max_examples=100,
    deadline=None,  # the time bound is the worker's (CASE_SECONDS), which also stops a runaway case
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(text=_texts)
def test_hostile_texts_give_a_record_whose_spans_quote_the_original(worker: Worker, text: str) -> None:
    assert worker.run(_extract, text) == []


def test_the_worker_bound_stops_a_case_that_balloons(worker: Worker) -> None:
    """The memory cap holds: a case asking for more than ``CASE_MEMORY`` fails with MemoryError."""
    with pytest.raises(MemoryError):
        worker.run(bytearray, CASE_MEMORY + 100_000_000)
