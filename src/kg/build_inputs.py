"""The inputs of a build: source texts and record files collected, read into records, each document once.

A record file (``*.json``, the form of ``kg extract --json``) is parsed. A source text is looked up in the
record cache by its bytes' sha256 and the extractor's version (kg.store.records_cache,
kg.extract.version); only the texts the cache does not hold are extracted, in parallel across cores
(``kg.extract.extract_file``), and their records are then kept in the cache. So a rebuild extracts what
changed and nothing else; ``reuse=False`` (``kg build --no-cache``) extracts every text again and refreshes
the cache.

Bad inputs (empty, binary, not UTF-8, too large, a FIFO or device, a record JSON that does not parse or nests
too deep, an extractor crash on one text, a second copy of a text) become a one-line reason naming the file
(:class:`Skipped`), never an exception that sinks the others. Nothing here prints: progress goes through the
optional ``progress(done, total, path)`` callback."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg.errors import BuildError, KGError, shown_path
from kg.extract import extract_file
from kg.extract.version import extractor_version
from kg.models import Record, load_json
from kg.store.records_cache import CACHE_DIR, RecordCache
from kg.text.decode import MAX_BYTES, decode, read_source

Progress = Callable[[int, int, Path], None]
Read = Record | str  # a record, or the one-line reason there is none


@dataclass(frozen=True)
class Skipped:
    """An input left out of the build and why (one line, naming the file)."""

    path: Path
    reason: str


@dataclass(frozen=True)
class Inputs:
    """What reading the inputs gave: the records in input order, the inputs skipped, how many texts were
    extracted now and how many records came from the cache, and warnings (the cache could not be written)."""

    records: list[Record]
    skipped: list[Skipped]
    extracted: int = 0
    cached: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Source texts (*.txt) and records (*.json) named or found (not recursively) in the given directories,
    each once. Whatever is not a directory is kept, even a FIFO or a device: reading it refuses it by name
    (kg.text.decode.read_source) without opening it, so it is reported instead of silently left out."""
    found: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found.extend(sorted(q for q in p.iterdir() if q.suffix in (".txt", ".json") and not q.is_dir()))
        elif p.exists() or p.is_symlink():
            found.append(p)
        else:
            raise BuildError(f"{shown_path(p)}: no such file or directory")
    if not found:
        raise BuildError("no input: give source texts (*.txt) or records (*.json), or put texts in data/raw/")
    return _once(found)


def _once(paths: list[Path]) -> list[Path]:
    """``paths`` without the repeats of one file (named twice, or as itself and inside its folder)."""
    seen: set[Path] = set()
    out = []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def record_cache(out_dir: Path) -> RecordCache:
    """The record cache of the build folder ``out_dir`` for the extractor this process runs."""
    return RecordCache(out_dir / CACHE_DIR, extractor_version())


def read_record(path: Path, max_bytes: int = MAX_BYTES) -> Record:
    """One record: parsed from JSON, or extracted from a source text (at most ``max_bytes`` either way)."""
    if path.suffix == ".json":
        return _record_json(path, max_bytes)
    try:
        return extract_file(path, max_bytes=max_bytes)
    except KGError:
        raise
    except Exception as exc:  # an extractor bug must not take the previous build down with it
        raise BuildError(f"{shown_path(path)}: extraction failed: {type(exc).__name__}: {exc}") from exc


def _record_json(path: Path, max_bytes: int) -> Record:
    """A record JSON file (``kg extract --json``), refused by name when it is no such record."""
    text = decode(read_source(path, max_bytes), str(path), max_line=None)
    try:
        data = load_json(text)
        return Record.from_json(data)
    except ValueError as exc:
        raise BuildError(f"{shown_path(path)}: not a record JSON file ({exc})") from exc


def _try_read(path: Path, max_bytes: int = MAX_BYTES) -> Read:
    """The record of ``path``, or the one-line reason it cannot be read (runs in a worker process)."""
    try:
        return read_record(path, max_bytes)
    except KGError as exc:
        return _reason(path, exc)


def _reason(path: Path, exc: KGError) -> str:
    message = " ".join(str(exc).split())
    name = shown_path(path)
    return message if name in message else f"{name}: {message}"


def _is_text(path: Path) -> bool:
    return path.suffix != ".json"


def read_inputs(
    paths: Sequence[Path],
    jobs: int | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    cache: RecordCache | None = None,
    reuse: bool = True,
) -> Inputs:
    """Records of the readable inputs (input order) and the inputs skipped. Texts ``cache`` holds are taken
    from it (unless ``reuse`` is False); the others are extracted in parallel across ``jobs`` processes
    (default: every core) when there are several, and kept in ``cache``. A text whose bytes (or a record
    whose source text) another input already gave is skipped too: one document, built once."""
    done = 0

    def step(path: Path) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, len(paths), path)

    results: dict[int, Read] = {}
    if cache is not None and reuse:
        for i, p in enumerate(paths):
            if _is_text(p) and (found := _cached(p, cache, max_bytes)) is not None:
                results[i] = found
                step(p)
    cached = sum(isinstance(r, Record) for r in results.values())  # not the texts that cannot be read
    todo = [i for i in range(len(paths)) if i not in results]
    for i, r in zip(todo, _read_all([paths[i] for i in todo], jobs, max_bytes, step), strict=True):
        results[i] = r
    fresh = [results[i] for i in todo if _is_text(paths[i])]
    warnings = _keep(cache, fresh) if cache is not None else ()
    records, skipped = _without_duplicates(paths, [results[i] for i in range(len(paths))])
    return Inputs(records, skipped, len(fresh), cached, warnings)


def _cached(path: Path, cache: RecordCache, max_bytes: int) -> Read | None:
    """The cached record of the text at ``path``, or why it cannot be read, or None (not in the cache)."""
    try:
        data = read_source(path, max_bytes)
    except KGError as exc:
        return _reason(path, exc)
    return cache.get(hashlib.sha256(data).hexdigest(), str(path))


def _read_all(
    paths: Sequence[Path], jobs: int | None, max_bytes: int, step: Callable[[Path], None]
) -> list[Read]:
    """``_try_read`` of every path, in order, across ``jobs`` processes when there are several."""
    jobs = jobs or os.cpu_count() or 1
    read = partial(_try_read, max_bytes=max_bytes)
    results: list[Read] = []
    if jobs == 1 or len(paths) < 2:
        for p in paths:
            results.append(read(p))
            step(p)
        return results
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = [pool.submit(read, p) for p in paths]
        for p, fut in zip(paths, futures, strict=True):
            results.append(fut.result())
            step(p)
    return results


def _keep(cache: RecordCache, fresh: Sequence[Read]) -> tuple[str, ...]:
    """Put the freshly extracted records into ``cache``; a cache that cannot be written costs the next build
    time, not this build its result, so it is one warning, not an error."""
    failed: list[OSError] = []
    for r in fresh:
        if isinstance(r, Record) and r.source.sha256:
            try:
                cache.put(r)
            except OSError as exc:
                failed.append(exc)
    if not failed:
        return ()
    why = failed[0].strerror or str(failed[0])
    return (
        f"{shown_path(cache.folder)}: cannot keep {len(failed)} record(s) in the record cache ({why}); "
        "the next build extracts those texts again",
    )


def _without_duplicates(paths: Sequence[Path], results: Sequence[Read]) -> tuple[list[Record], list[Skipped]]:
    """Records in input order and the skipped inputs: unreadable ones, and repeats of an earlier text
    (same sha256) — two copies of one text would make two records of one document, which `kg validate`
    then rejects."""
    records: list[Record] = []
    skipped: list[Skipped] = []
    first: dict[str, Path] = {}
    for p, r in zip(paths, results, strict=True):
        if isinstance(r, str):
            skipped.append(Skipped(p, r))
            continue
        digest = r.source.sha256
        if digest and digest in first:
            why = f"the same text as {shown_path(first[digest])}; left out so the document is built once"
            skipped.append(Skipped(p, f"{shown_path(p)}: {why}"))
            continue
        first.setdefault(digest, p)
        records.append(r)
    return records, skipped


def read_records(
    paths: Sequence[Path],
    jobs: int | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
) -> list[Record]:
    """Records of every input, in input order (no cache); the first unreadable input raises BuildError."""
    inputs = read_inputs(paths, jobs, progress, max_bytes)
    if inputs.skipped:
        raise BuildError(inputs.skipped[0].reason)
    return inputs.records
