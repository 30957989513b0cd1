"""The Oxigraph child behind `kg serve`'s gateway: which one answers now, following the current build.

`kg build` replaces the store (by renaming a directory, or by repointing a symlink such as
``data/current → data/.builds/<id>``). A server that kept its first child would keep answering from the
deleted store (issue 14), so every request first compares the store's identity — the resolved path and the
directory's inode, both cheap — with the one the child opened. When it changed, a new child is started on the
new store and the old one retires: it finishes the queries it is answering, then stops. If the new store
cannot be served (half written, damaged), the old child goes on answering and the failure is logged once.

A child is also replaced when it must be killed: Oxigraph cannot always cancel a query (see gateway)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KGError
from kg.query import serve

Identity = tuple[str, int, int]  # resolved path, device, inode


def store_identity(store_dir: Path) -> Identity | None:
    """What names one store: its resolved path and inode (None when there is no store there right now)."""
    real = os.path.realpath(store_dir)
    try:
        st = os.stat(real)
    except OSError:
        return None
    return (real, st.st_dev, st.st_ino)


@dataclass
class Child:
    """One Oxigraph server and the requests it is answering."""

    server: serve.Server
    identity: Identity | None
    in_flight: int = 0
    retired: bool = False


@dataclass
class Backend:
    """The current child (started on the store at ``store_dir``), replaced when the store changes."""

    store_dir: Path
    query_timeout: float | None = None
    log: Callable[[str], None] = lambda _message: None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _child: Child | None = None
    _failed: Identity | None = None  # a new store that would not start: not retried on every request

    def start(self) -> None:
        """Start the first child; StoreError if the store is missing or damaged."""
        self._child = self._spawn(store_identity(self.store_dir))

    def _spawn(self, identity: Identity | None) -> Child:
        location = Path(identity[0]) if identity else self.store_dir
        return Child(serve.start(location, query_timeout=self.query_timeout), identity)

    @property
    def current(self) -> Child:
        if self._child is None:
            raise RuntimeError("Backend.start() was not called")
        return self._child

    @contextmanager
    def lease(self) -> Iterator[Child]:
        """The child to send one request to, kept alive (not stopped when retired) until the block ends."""
        with self._lock:
            self._follow_build()
            child = self.current
            child.in_flight += 1
        try:
            yield child
        finally:
            self._release(child)

    def _follow_build(self) -> None:
        """Switch to a new child when the store at ``store_dir`` is no longer the one being served, or when
        the child died (killed by the system, or a restart that failed)."""
        identity = store_identity(self.store_dir)
        if self.current.server.process.poll() is not None:
            self._child = self._spawn(identity or self.current.identity)
            return
        if identity is None or identity == self.current.identity or identity == self._failed:
            return  # no store right now (a build is between renames): keep answering from the old one
        try:
            fresh = self._spawn(identity)
        except KGError as exc:
            self._failed = identity
            self.log(f"kept serving {self.current.identity}: the new store cannot be served ({exc})")
            return
        self._retire(self.current)
        self._child = fresh
        self.log(f"now serving the store at {identity[0]}")

    def _retire(self, child: Child) -> None:
        child.retired = True
        if child.in_flight == 0:
            serve.stop(child.server)

    def _release(self, child: Child) -> None:
        with self._lock:
            child.in_flight -= 1
            done = child.retired and child.in_flight == 0
        if done:
            serve.stop(child.server)

    def replace(self, child: Child) -> None:
        """Kill ``child`` (a computation it cannot cancel) and start another on the same store, unless that
        already happened."""
        with self._lock:
            if child is not self._child:
                return
            serve.kill(child.server)
            child.retired = True
            try:
                self._child = self._spawn(child.identity)
            except KGError as exc:  # the next request tries again (_follow_build)
                self.log(f"could not restart the query engine: {exc}")
                return
            self.log("restarted the query engine: a query ran on past its timeout")

    def close(self) -> None:
        """Stop the current child (retired ones stop when their last request ends)."""
        with self._lock:
            if self._child is not None:
                self._child.retired = True
                serve.stop(self._child.server)
