"""The build lock: one build at a time per output folder (issue 14).

``fcntl.flock`` on ``out/.build.lock``: the kernel releases it when the holder exits, however it exits (a
SIGKILL included), so a lock is never left behind by a dead build. The holder writes its pid into the file, so
the build that finds the lock taken can name who holds it. The file itself stays (removing it would let two
builds lock two different files).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from kg.errors import BuildLocked

LOCK_NAME = ".build.lock"


@contextlib.contextmanager
def build_lock(out: Path, wait: bool = False) -> Iterator[Path]:
    """Hold the build lock of ``out`` for the ``with`` block; BuildLocked at once when another process holds
    it, or (``wait``) block until it is free."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, path, wait)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def _acquire(fd: int, path: Path, wait: bool) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
        raise BuildLocked(
            f"{path}: another build is running (pid {holder}); wait for it to end, or run `kg build --wait`"
        ) from None
