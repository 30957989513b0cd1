"""Generations of a build and the one atomic switch between them (issue 14).

An output folder ``out`` (data/ by default) holds::

    out/.builds/<id>/   one build: kg.ttl kg.nt kg.jsonld kg-inferred.ttl store/ and COMPLETE (written last)
    out/current         symlink → .builds/<id>: the last complete build, the one every reader follows
    out/kg.ttl …        published copies: hard links of current's files (regular files, tracked in git)
    out/.build.lock     the build lock (kg.store.lock)

A build writes its generation completely (every file and directory fsynced, COMPLETE last), then replaces
``current`` with one rename of a temporary symlink, so a kill at any instant leaves ``current`` on the old
generation or the new one, never on a partial or mixed one. The copies are published after the switch; a kill
between two of them is repaired at the start of the next build (:func:`repair`), which also removes what a
killed build left behind (:func:`clean`). The previous generation is kept (a running server may still be
switching to the new one); older ones are removed (:func:`prune`).

Every function here runs under the build lock; none prints.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from kg.errors import BuildError

BUILDS = ".builds"
CURRENT = "current"
STORE = "store"
COMPLETE = "COMPLETE"
# temporaries of the layout before generations (two renames of data/store, data/.kg.ttl.tmp-*): a killed build
# of that layout left them, and they are as stale as ours
_OLD_LAYOUT_TEMPORARIES = ("store.tmp-*", "store.old-*")


def new_generation(out: Path) -> Path:
    """A fresh, empty generation directory under ``out/.builds`` (named by time, then at random)."""
    gen = out / BUILDS / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    try:
        gen.parent.mkdir(parents=True, exist_ok=True)
        gen.mkdir()
    except OSError as exc:
        raise BuildError(f"{gen}: cannot create the build directory ({exc.strerror or exc})") from exc
    return gen


def write_file(path: Path, data: bytes | Iterable[bytes]) -> None:
    """``data`` (bytes, or pieces of it as they are made) written to ``path`` and fsynced; a failure (a full
    disk) names the file."""
    try:
        with open(path, "wb") as f:
            f.writelines([data] if isinstance(data, bytes) else data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as exc:
        raise BuildError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def sync_tree(root: Path) -> None:
    """fsync every file and directory under ``root`` (the store), deepest first, then ``root`` itself."""
    for folder, _dirs, files in os.walk(root, topdown=False):
        for name in sorted(files):
            _fsync(Path(folder) / name)
        _fsync(Path(folder), directory=True)


def _fsync(path: Path, directory: bool = False) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise BuildError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def seal(gen: Path, summary: dict[str, Any]) -> None:
    """Mark ``gen`` complete: the COMPLETE file (what was built) and the directories fsynced."""
    write_file(gen / COMPLETE, (json.dumps(summary, sort_keys=True) + "\n").encode("utf-8"))
    _fsync(gen, directory=True)
    _fsync(gen.parent, directory=True)


def is_complete(gen: Path) -> bool:
    return (gen / COMPLETE).is_file()


def current(out: Path) -> Path | None:
    """The generation ``out/current`` points at, when it is a complete one."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    gen = (out / os.readlink(link)).resolve()
    return gen if is_complete(gen) else None


def summary(out: Path) -> dict[str, Any]:
    """What the current build of ``out`` says of itself (its COMPLETE file); {} when there is no build or
    the file cannot be read."""
    gen = current(out)
    try:
        data = json.loads((gen / COMPLETE).read_text(encoding="utf-8")) if gen else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def built_inputs(out: Path) -> int | None:
    """How many inputs the current build of ``out`` was made from (its COMPLETE); None when there is no
    build, or its COMPLETE does not say."""
    count = summary(out).get("inputs")
    return count if isinstance(count, int) else None


def switch(out: Path, gen: Path) -> Path | None:
    """Point ``out/current`` at ``gen`` with one rename; returns the generation it pointed at before."""
    previous = current(out)
    _swap_in(
        out / CURRENT,
        lambda tmp: os.symlink(f"{BUILDS}/{gen.name}", tmp),
        out / f".{CURRENT}.tmp-{gen.name}",
        "cannot switch to the new build",
    )
    _fsync(out, directory=True)
    return previous


def publish(out: Path, names: Iterable[str], store_dir: Path | None = None) -> list[str]:
    """Make ``out/<name>`` the current generation's file (a hard link) where it is not already, and
    ``store_dir`` a link to the current store; returns the names that were (re)published."""
    gen = current(out)
    if gen is None:
        return []
    done = [name for name in names if not _same_file(gen / name, out / name)]
    for name in done:
        _hard_link(gen / name, out / name)
    if done:
        _fsync(out, directory=True)
    if store_dir is not None:
        link_store(out, store_dir)
    return done


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _hard_link(src: Path, dest: Path) -> None:
    """``dest`` replaced by a hard link of ``src`` (a link under a temporary name, then one rename)."""
    _swap_in(
        dest,
        lambda tmp: os.link(src, tmp),
        _temporary(dest),
        "cannot publish the current build's copy",
        f"; {dest.parent / CURRENT} holds the build, and the next build publishes it again",
    )


def _swap_in(dest: Path, make: Callable[[Path], None], tmp: Path, failure: str, after: str = "") -> None:
    """``dest`` replaced in one rename by what ``make`` creates at ``tmp``, so a reader sees the old or
    the new, never neither; on failure the temporary goes and BuildError says "<dest>: <failure> (<why>)"."""
    try:
        make(tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BuildError(f"{dest}: {failure} ({exc.strerror or exc}){after}") from exc


def _temporary(dest: Path) -> Path:
    """A fresh temporary name beside ``dest``, of the form the start-of-build cleanup removes."""
    return dest.with_name(f".{dest.name}.tmp-{uuid.uuid4().hex[:8]}")


def is_default_store(out: Path, store_dir: Path) -> bool:
    """Whether ``store_dir`` is the store's own place, ``out/current/store`` (no link to make)."""
    return os.path.abspath(store_dir) == os.path.abspath(out / CURRENT / STORE)


def link_store(out: Path, store_dir: Path) -> None:
    """Make ``store_dir`` (``kg build --store``) a symlink to ``out/current/store``: it follows every switch.

    A store directory of the layout before generations found there is replaced by the link (the one moment
    without a store at ``store_dir``: this migration, once)."""
    if is_default_store(out, store_dir):
        return
    check_store_link(store_dir)
    target = os.path.relpath(out / CURRENT / STORE, store_dir.parent)
    if store_dir.is_symlink() and os.readlink(store_dir) == target:
        return
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    aside = _set_aside(store_dir) if store_dir.is_dir() and not store_dir.is_symlink() else None
    _swap_in(store_dir, lambda tmp: os.symlink(target, tmp), _temporary(store_dir), "cannot link the store")
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def check_store_link(store_dir: Path) -> None:
    """BuildError when ``store_dir`` cannot become the store link: a folder holding something else than a
    store (never removed), or the store of another output folder's build. Checked before a build starts."""
    if store_dir.parent.name == CURRENT and store_dir.parent.is_symlink():
        raise BuildError(f"{store_dir}: inside another output folder's build; give that folder as --out-dir")
    in_the_way = store_dir.is_dir() and not store_dir.is_symlink() and any(store_dir.iterdir())
    if in_the_way and not (store_dir / "CURRENT").is_file():
        raise BuildError(f"{store_dir}: a folder that is not a graph store is in the way of the store link")


def _set_aside(store_dir: Path) -> Path:
    """Rename an old-layout store directory out of the way, to be removed once the link is in place."""
    aside = store_dir.with_name(f".{store_dir.name}.old-{uuid.uuid4().hex[:8]}")
    os.replace(store_dir, aside)
    return aside


def retire_old_store(out: Path, store_dir: Path | None) -> None:
    """Remove ``out/store``, the store of the layout before generations, unless it is the store link."""
    old = out / STORE
    if store_dir is not None and os.path.abspath(store_dir) == os.path.abspath(old):
        return
    if old.is_dir() and not old.is_symlink() and (old / "CURRENT").is_file():
        shutil.rmtree(old, ignore_errors=True)


def prune(out: Path, keep: Iterable[Path | None]) -> None:
    """Remove the generations of ``out`` other than ``keep`` (current and the previous one)."""
    kept = {p.resolve() for p in keep if p is not None}
    for gen in _generations(out):
        if gen.resolve() not in kept:
            _remove(gen)


def _generations(out: Path) -> list[Path]:
    builds = out / BUILDS
    return sorted(builds.iterdir()) if builds.is_dir() else []


def _remove(gen: Path) -> None:
    # COMPLETE goes first: a kill in the middle of the removal leaves an incomplete generation, which the
    # next build's clean removes, never a "complete" one with half a store
    if gen.is_dir() and not gen.is_symlink():
        (gen / COMPLETE).unlink(missing_ok=True)
        shutil.rmtree(gen, ignore_errors=True)
    else:
        gen.unlink(missing_ok=True)


def prepare(out: Path, names: Iterable[str], store_dir: Path | None = None) -> None:
    """The start of a build, under the lock: what a killed build left removed (:func:`clean`), published
    copies that lag behind current repaired, and ``store_dir`` checked before any work is done."""
    names = tuple(names)
    if store_dir is not None and not is_default_store(out, store_dir):
        check_store_link(store_dir)
    clean(out, names, store_dir)
    publish(out, names, store_dir)


def clean(out: Path, names: Iterable[str], store_dir: Path | None = None) -> list[Path]:
    """Remove what a killed or failed build left: incomplete generations, temporary links and files (ours and
    the previous layout's). Returns what was removed."""
    live = current(out)
    stale = [g for g in _generations(out) if g.resolve() != live and not is_complete(g)]
    patterns = [f".{CURRENT}.tmp-*", *(f".{n}.tmp-*" for n in names), *_OLD_LAYOUT_TEMPORARIES]
    stale += [p for pattern in patterns for p in out.glob(pattern)]
    if store_dir is not None and not is_default_store(out, store_dir):
        name, folder = store_dir.name, store_dir.parent
        stale += [p for pattern in (f".{name}.tmp-*", f".{name}.old-*") for p in folder.glob(pattern)]
    for path in stale:
        _remove(path)
    return stale
