"""Crash-safe builds (issue 14, parts 4 and 5): a fault at any write or rename point of a build, or a SIGKILL
at any moment, leaves data/current on one complete build whose files and store agree; the published data/kg.*
are whole files of some build; the next build succeeds, repairs the published copies and cleans up.

Two small inputs, A (one record) and B (two), alternate so that every build differs from the one before and a
mix of the two is visible: each build's outputs are compared with reference builds of A and B."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import kg
from graph_seed import GOLD_RECORDS_DIR
from kg.build import OUTPUT_NAMES, build
from kg.errors import BuildError
from kg.store import ASSERTED_GRAPH, count, open_store
from kg.store.generations import BUILDS, COMPLETE, CURRENT, STORE

KG_SRC = str(Path(kg.__file__).resolve().parent)

RECORDS = sorted(GOLD_RECORDS_DIR.glob("*.json"))
INPUTS = {"A": RECORDS[:1], "B": RECORDS[:2]}
# every write and rename of a build goes through one of these
POINTS = ("replace", "link", "symlink", "fsync", "mkdir")


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder in memory (tmpfs) when there is one: these tests build some fifty times and check the logic of
    the switch, not the disk, whose fsyncs would take most of their time."""
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield tmp_path_factory.mktemp("builds")
        return
    folder = Path(tempfile.mkdtemp(dir=shm, prefix="kg-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def scratch(memory: Path, request: pytest.FixtureRequest) -> Path:
    folder = memory / request.node.name
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def references(memory: Path) -> dict[str, dict[str, bytes]]:
    """The outputs of a clean build of A and of B (builds are deterministic)."""
    refs = {}
    for name, inputs in INPUTS.items():
        out = memory / f"ref-{name}"
        build(inputs, out, jobs=1)
        refs[name] = {n: (out / n).read_bytes() for n in OUTPUT_NAMES}
    assert refs["A"]["kg.nt"] != refs["B"]["kg.nt"]
    return refs


def _which(refs: dict[str, dict[str, bytes]], name: str, data: bytes) -> str:
    found = [k for k, files in refs.items() if files[name] == data]
    assert found, f"{name} is no whole file of any build (a partial or mixed write)"
    return found[0]


def assert_current_is_whole(out: Path, refs: dict[str, dict[str, bytes]]) -> str:
    """data/current is one complete build: its files all of one build, its store holding the same triples.
    Published copies are whole files of some build. Returns which build current is."""
    gen = (out / CURRENT).resolve()
    assert (gen / COMPLETE).is_file(), f"{out / CURRENT} is not a complete build"
    which = {_which(refs, n, (gen / n).read_bytes()) for n in OUTPUT_NAMES}
    assert len(which) == 1, f"current mixes builds {which}"
    triples = json.loads((gen / COMPLETE).read_text())["triples"]
    assert (gen / "kg.nt").read_bytes().count(b"\n") == triples
    assert count(open_store(gen / STORE), str(ASSERTED_GRAPH)) == triples, "the store is of another build"
    for n in OUTPUT_NAMES:
        _which(refs, n, (out / n).read_bytes())
    return which.pop()


def assert_clean(out: Path, store_link: Path) -> None:
    """After a successful build: published copies are current's files, current and at most the previous
    generation remain, no temporaries, the store link reaches current's store."""
    gen = (out / CURRENT).resolve()
    for n in OUTPUT_NAMES:
        assert os.path.samefile(out / n, gen / n), f"{out / n} is not the current build's"
    kept = sorted((out / BUILDS).iterdir())
    assert gen in kept and len(kept) <= 2 and all((g / COMPLETE).is_file() for g in kept), kept
    leftovers = [p.name for p in out.iterdir() if ".tmp-" in p.name or ".old-" in p.name]
    assert not leftovers, f"temporaries left: {leftovers}"
    assert store_link.resolve() == (gen / STORE).resolve()


Site = tuple[str, str]  # a point (os.fsync, …) and the lines of kg that led to it


class Faults:
    """Every call of the write and rename points, with the lines of kg that made it; the first call at the
    site ``fail_at`` raises a full disk (ENOSPC)."""

    def __init__(self, mp: pytest.MonkeyPatch, fail_at: Site | None = None) -> None:
        self.calls: list[Site] = []
        self.fail_at = fail_at
        self.fired = False
        for name in POINTS:
            mp.setattr(os, name, self._point(name, getattr(os, name)))

    def _point(self, name: str, real: Callable[..., object]) -> Callable[..., object]:
        def point(*args: object, **kwargs: object) -> object:
            site = (name, _kg_stack())
            self.calls.append(site)
            if site == self.fail_at and not self.fired:
                self.fired = True
                raise OSError(errno.ENOSPC, "No space left on device (injected)")
            return real(*args, **kwargs)

        return point

    def sites(self) -> list[Site]:
        """The distinct sites, in the order a build reaches them (the store's thirty-odd fsyncs of one line
        are one site, not thirty)."""
        return list(dict.fromkeys(self.calls))


def _kg_stack() -> str:
    """The lines of kg on the stack, innermost first: where a build is when it calls a point."""
    frame, lines = sys._getframe(2), []
    while frame is not None:
        if frame.f_code.co_filename.startswith(KG_SRC):
            lines.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(lines)


def _failure(run: Callable[[], object]) -> str | None:
    """The one-line message the CLI would print for ``run``'s failure (None when it succeeds)."""
    try:
        run()
    except BuildError as exc:
        assert "\n" not in str(exc)
        return str(exc)
    except OSError as exc:
        return f"{exc.filename}: {exc.strerror}"
    return None


def _other(which: str) -> str:
    return "B" if which == "A" else "A"


def test_a_fault_at_every_write_and_rename_point_leaves_one_whole_build(
    scratch: Path, monkeypatch: pytest.MonkeyPatch, references: dict[str, dict[str, bytes]]
) -> None:
    out, link = scratch / "data", scratch / "data" / "store"
    build(INPUTS["A"], out, link, jobs=1)
    with monkeypatch.context() as mp:
        counted = Faults(mp)
        build(INPUTS["B"], out, link, jobs=1)
    assert set(POINTS) <= {name for name, _ in counted.calls}, counted.calls
    now = assert_current_is_whole(out, references)
    sites = counted.sites()
    assert len(sites) >= 15, sites
    for site in sites:
        target = _other(now)
        with monkeypatch.context() as mp:
            faults = Faults(mp, fail_at=site)
            message = _failure(lambda t=target: build(INPUTS[t], out, link, jobs=1))
        assert faults.fired, f"no build reached {site}"
        # Path.mkdir(exist_ok=True) of a folder that is there swallows the fault: the build goes on
        assert message is not None or site[0] == "mkdir", f"{site}: the build failed silently"
        assert message is None or str(out) in message, f"{site}: {message!r} names no file"
        after = assert_current_is_whole(out, references)
        assert after in (now, target), site
        assert not [p for p in out.iterdir() if ".tmp-" in p.name], f"{site} left a temporary"
        # the next build succeeds and cleans up (cache=False: after a swallowed fault the current build holds
        # these very inputs, and an unchanged rebuild would keep it without building)
        build(INPUTS[target], out, link, jobs=1, cache=False)
        assert assert_current_is_whole(out, references) == target
        assert_clean(out, link)
        now = target


def _kill_builds(out: Path, rounds: int, seed: int) -> Iterator[tuple[str, int]]:
    """``kg build`` subprocesses, each SIGKILLed at a random moment: while it writes its generation (once the
    directory appears), or about the switch and publication (once the generation is sealed); yields (input
    built, return code)."""
    rng = random.Random(seed)
    now = "A"
    for n in range(rounds):
        target = _other(now)
        before = set((out / BUILDS).iterdir())
        args = [sys.executable, "-m", "kg.cli", "build", *map(str, INPUTS[target]), "--out-dir", str(out)]
        proc = subprocess.Popen([*args, "-j", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sealed = n % 2 == 1
        deadline = time.monotonic() + 60
        while proc.poll() is None and not _started(out, before, sealed) and time.monotonic() < deadline:
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.01 if sealed else 0.25))
        proc.send_signal(signal.SIGKILL)
        yield target, proc.wait()
        now = target


def _started(out: Path, before: set[Path], sealed: bool) -> bool:
    """A new generation has appeared (``sealed``: and is complete)."""
    new = set((out / BUILDS).iterdir()) - before
    return any((g / COMPLETE).exists() for g in new) if sealed else bool(new)


def test_sigkill_at_random_moments_leaves_one_whole_build(
    scratch: Path, references: dict[str, dict[str, bytes]]
) -> None:
    out = scratch / "data"
    build(INPUTS["A"], out, jobs=1)
    killed = 0
    for target, rc in _kill_builds(out, rounds=4, seed=14):
        killed += rc == -signal.SIGKILL
        assert_current_is_whole(out, references)
        build(INPUTS[target], out, jobs=1)
        assert assert_current_is_whole(out, references) == target
        assert_clean(out, out / CURRENT / STORE)
    assert killed >= 2, "the kills came too late to test anything"


def test_a_failed_build_still_repairs_published_copies_a_kill_left_behind(
    scratch: Path, references: dict[str, dict[str, bytes]]
) -> None:
    """A kill between two publications leaves kg.ttl of one build and kg.nt of another: the start of the next
    build (even one that then fails) makes them current's again."""
    out = scratch / "data"
    build(INPUTS["A"], out, jobs=1)
    old = {n: (out / n).read_bytes() for n in OUTPUT_NAMES}
    build(INPUTS["B"], out, jobs=1)
    (out / "kg.ttl").unlink()
    (out / "kg.ttl").write_bytes(old["kg.ttl"])  # what a kill right after publishing kg.ttl's old copy leaves
    broken = scratch / "broken.json"
    broken.write_text("{ not json", encoding="utf-8")
    with pytest.raises(BuildError, match="no input could be read"):
        build([broken], out, jobs=1)
    assert (out / "kg.ttl").read_bytes() == references["B"]["kg.ttl"]
    assert_clean(out, out / CURRENT / STORE)


def test_stale_temporaries_and_the_old_layout_are_cleaned(scratch: Path) -> None:
    """What killed builds of this layout and of the one before (two renames of data/store, data/.kg.*.tmp-*)
    left behind is removed at the start of a build; the old data/store is replaced by the generation's."""
    out = scratch / "data"
    build(INPUTS["A"], out, jobs=1)
    old_store = out / STORE
    shutil.copytree(out / CURRENT / STORE, old_store)  # a store where the previous layout kept it
    build(INPUTS["A"], out, jobs=1)
    incomplete = out / BUILDS / "20250101T000000-deadbeef"
    (incomplete / STORE).mkdir(parents=True)
    (incomplete / "kg.ttl").write_bytes(b"half")
    stale = [
        out / ".kg.ttl.tmp-1a2b3c4d",
        out / ".current.tmp-x",
        out / "store.tmp-1a2b3c4d",
        out / "store.old-9",
    ]
    for path in stale:
        if "store" in path.name:
            path.mkdir()
        else:
            path.write_bytes(b"")
    build(INPUTS["B"], out, jobs=1)
    assert not incomplete.exists() and not any(p.exists() for p in stale)
    assert not old_store.exists(), "the previous layout's data/store is removed once a build succeeded"
    assert_clean(out, out / CURRENT / STORE)


def test_an_old_layout_store_directory_given_as_store_becomes_a_link(scratch: Path) -> None:
    out, link = scratch / "data", scratch / "data" / "store"
    build(INPUTS["A"], out, jobs=1)
    shutil.copytree(out / CURRENT / STORE, link)  # `kg build --store data/store` of the previous layout
    build(INPUTS["B"], out, link, jobs=1)
    assert link.is_symlink() and os.readlink(link) == f"{CURRENT}/{STORE}"
    assert (
        count(open_store(link), str(ASSERTED_GRAPH))
        == json.loads((out / CURRENT / COMPLETE).read_text())["triples"]
    )


def test_a_folder_that_is_no_store_is_not_replaced_by_the_store_link(scratch: Path) -> None:
    mine = scratch / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(BuildError, match="not a graph store"):
        build(INPUTS["A"], scratch / "data", mine, jobs=1)
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me"
