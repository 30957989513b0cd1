"""`kg add`: texts (or record files) taken into the corpus folder, then the whole graph rebuilt from it.

``kg build FILE`` builds what it is given and nothing else, so building one new text alone replaces a graph
of many with a graph of one. Adding goes the other way: the file is copied into the corpus (data/raw/), and
the graph is rebuilt from the whole corpus as a new generation (kg.build). The record cache makes that
rebuild extract only the new texts.

Every file is checked before any is copied, so a refused command changes nothing: it must be a text
(``*.txt``, readable as one) or a record (``*.json``, a valid record), its name must not be taken in the
corpus by other content, and its bytes must not already be there under another name (nor, for a record, its
source text). A file that is already in the corpus under its own name, byte for byte, is not copied again.
Copies are written under a temporary name and linked into place, so a name that appears meanwhile is never
overwritten and a killed copy never leaves half a text under a text's name."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.build import BuildResult, build
from kg.build_inputs import Progress, read_record
from kg.errors import BuildError, CorpusError, KGError, shown_path
from kg.paths import DATA_DIR, RAW_DIR
from kg.text.decode import MAX_BYTES, decode, read_source

SUFFIXES = (".txt", ".json")


@dataclass(frozen=True)
class Added:
    """What `kg add` did: the files copied into the corpus, those already there, and the build."""

    copied: tuple[Path, ...]
    present: tuple[Path, ...]
    build: BuildResult


@dataclass(frozen=True)
class _Plan:
    copies: tuple[tuple[Path, Path, bytes], ...]  # (given file, its place in the corpus, its bytes)
    present: tuple[Path, ...]


def add(
    files: Sequence[Path],
    raw_dir: Path = RAW_DIR,
    out_dir: Path = DATA_DIR,
    store_dir: Path | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    wait: bool = False,
    max_bytes: int = MAX_BYTES,
) -> Added:
    """Copy ``files`` into ``raw_dir`` and rebuild the graph of all of ``raw_dir`` into ``out_dir``.

    CorpusError (nothing copied) when a name in ``raw_dir`` holds other content or a file's text is there
    under another name; InputError when a file is no readable text or record. When the build fails, the
    copies stay in ``raw_dir`` and the error says so (the next `kg build` builds them)."""
    plan = _plan(files, raw_dir, max_bytes)
    raw_dir.mkdir(parents=True, exist_ok=True)
    copied = tuple(_copy_in(dest, data) for _src, dest, data in plan.copies)
    try:
        result = build((raw_dir,), out_dir, store_dir, jobs, progress, wait=wait, max_bytes=max_bytes)
    except BuildError as exc:
        if not copied:
            raise
        names = ", ".join(shown_path(p) for p in copied)
        raise type(exc)(f"{exc} ({names} added to the corpus; `kg build` builds them)") from exc
    return Added(copied, plan.present, result)


def _plan(files: Sequence[Path], raw_dir: Path, max_bytes: int) -> _Plan:
    """What to copy where, after every check passed (the first refusal raises)."""
    known = _corpus_hashes(raw_dir, max_bytes)
    copies: list[tuple[Path, Path, bytes]] = []
    present: list[Path] = []
    for src in files:
        data, digests = _readable(src, max_bytes)
        dest = raw_dir / src.name
        if known.get(digests[0]) == dest:
            present.append(src)
            continue
        _refuse_clash(src, dest, digests, known)
        if dest in (d for _s, d, _b in copies):
            raise CorpusError(f"{shown_path(src)}: another file given is also named {src.name}; not added")
        known.update(dict.fromkeys(digests, dest))
        copies.append((src, dest, data))
    return _Plan(tuple(copies), tuple(present))


def _readable(src: Path, max_bytes: int) -> tuple[bytes, list[str]]:
    """The bytes of ``src`` once it is known to be a text or a record the build can read, and the sha256s
    that name its document: of its bytes (and, for a record, of its source text)."""
    data = read_source(src, max_bytes)  # first: a FIFO or device is named as such, whatever its name
    if src.suffix not in SUFFIXES:
        raise CorpusError(f"{shown_path(src)}: only texts (*.txt) and records (*.json) are built; not added")
    digests = [hashlib.sha256(data).hexdigest()]
    if src.suffix == ".json":  # InputError/BuildError naming the file when it is no record
        digests += [d for d in (read_record(src, max_bytes).source.sha256,) if d]
    else:
        decode(data, str(src))  # InputError naming the file when it cannot be read as a text
    return data, digests


def _refuse_clash(src: Path, dest: Path, digests: list[str], known: dict[str, Path]) -> None:
    """CorpusError when ``src``'s text is in the corpus under another name, or ``dest`` holds another."""
    for n, digest in enumerate(digests):
        if digest in known:
            what = "its source text is" if n else "already"
            raise CorpusError(
                f"{shown_path(src)}: {what} in the corpus as {shown_path(known[digest])}; not added"
            )
    if dest.exists() or dest.is_symlink():
        raise CorpusError(
            f"{shown_path(src)}: {shown_path(dest)} exists with other content; rename the file to add it"
        )


def _corpus_hashes(raw_dir: Path, max_bytes: int) -> dict[str, Path]:
    """sha256 → file, of every text and record in the corpus folder (a record also under its source text's
    sha256). Files the build cannot read are left out: they make no document, and the build names them."""
    known: dict[str, Path] = {}
    if not raw_dir.is_dir():
        return known
    for p in sorted(q for q in raw_dir.iterdir() if q.suffix in SUFFIXES):
        try:
            _data, digests = _readable(p, max_bytes)
        except KGError:
            continue
        for digest in digests:
            known.setdefault(digest, p)
    return known


def _copy_in(dest: Path, data: bytes) -> Path:
    """``data`` written to ``dest`` whole, never over a file that is there (a temporary, fsynced, then
    linked to its name: os.link fails rather than replace)."""
    tmp = dest.with_name(f".{dest.name}.tmp-{uuid.uuid4().hex[:8]}")
    try:
        with open(tmp, "xb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.link(tmp, dest)
    except FileExistsError as exc:
        raise CorpusError(f"{shown_path(dest)}: appeared while adding; not overwritten") from exc
    except OSError as exc:
        raise BuildError(f"{shown_path(dest)}: cannot add to the corpus ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest
