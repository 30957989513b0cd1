"""Sorted, de-duplicated lines of any number, in bounded memory: an external merge sort (issue 15).

``Runs`` keeps at most ``limit`` lines (``DEFAULT_LIMIT``) in memory; past that it sorts them, drops
repeats, hands the run to ``on_run`` (the build loads it into the store) and spills it to an anonymous
temporary file in ``folder`` (gone when closed, whatever happens to the build). ``merged()`` then yields
every line once, in order, by a k-way merge of the runs. Lines are compared as Python strings (code
points), the order ``sorted`` gave kg.nt before; UTF-8 bytes sort the same way.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import BuildError

DEFAULT_LIMIT = 200_000  # lines held before a spill: about 50 MB of N-Triples at seed size


class Runs:
    """Lines added in any order, read back sorted and unique."""

    def __init__(
        self,
        folder: Path | None = None,
        limit: int | None = None,
        on_run: Callable[[list[str]], None] | None = None,
    ) -> None:
        self.folder = folder
        self.limit = limit or DEFAULT_LIMIT
        self.on_run = on_run
        self.lines: list[str] = []
        self.files: list[IO[str]] = []

    def add(self, line: str) -> None:
        """One line (ending with a newline); a full buffer is spilled."""
        self.lines.append(line)
        if len(self.lines) >= self.limit:
            self.spill()

    def extend(self, lines: Iterable[str]) -> None:
        for text in lines:
            self.add(text)

    def spill(self) -> None:
        """The buffer, sorted and unique, handed to ``on_run`` and written to a temporary file."""
        if not self.lines:
            return
        run = sorted(set(self.lines))
        self.lines = []
        if self.on_run:
            self.on_run(run)
        try:
            f = tempfile.TemporaryFile("w+", encoding="utf-8", newline="", dir=self.folder)  # noqa: SIM115 (closed by close())
            self.files.append(f)
            f.writelines(run)
            f.flush()
            f.seek(0)
        except OSError as exc:  # a full disk: name where the runs go, as every write of a build does
            where = self.folder or tempfile.gettempdir()
            raise BuildError(f"{where}: cannot write sorted lines ({exc.strerror or exc})") from exc

    def merged(self) -> Iterator[str]:
        """Every line added, once each, in sorted order (consumes the runs)."""
        self.spill()
        last = None
        for text in heapq.merge(*self.files):
            if text != last:
                yield text
                last = text
        self.close()

    def close(self) -> None:
        for f in self.files:
            f.close()
        self.files = []
        self.lines = []

    def __enter__(self) -> Runs:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sorted_unique(lines: Iterable[str], folder: Path | None = None) -> Iterator[str]:
    """``lines`` sorted and unique, through runs on disk when they are many."""
    runs = Runs(folder)
    runs.extend(lines)
    return runs.merged()
