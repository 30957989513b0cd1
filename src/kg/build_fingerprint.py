"""A build's fingerprint: one sha256 of everything that decides what `kg build` writes, so that a rebuild
with nothing changed keeps the current build instead of writing the same files again (issue 15: a no-change
rebuild of 10,000 documents in seconds; re-reading 10,000 cached records alone takes most of a minute).

It covers the inputs as given (each path as the build names it, since the graph cites it, and the sha256 of
its bytes, in order), the whole kg package's code, the vocabulary and the ontology files, the versions of
the libraries that write the outputs (pyoxigraph, rdflib), the size limit and the store link. Coarser than
needed (any edit of the package means a full build, the record cache still sparing the extraction), never
wrong about the project's own code, for the reason kg.extract.version gives.

An input that is not a regular file, or larger than the limit, gives no fingerprint: the build then runs and
says what is wrong with it, as it always does."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.extract.version import PACKAGE
from kg.paths import FIELDS_FILE, ONTOLOGY_FILE, VOCAB_DIR

FORMAT = "kg-build-fingerprint/1"
LIBRARIES = ("pyoxigraph", "rdflib")


def fingerprint(inputs: Sequence[Path], max_bytes: int, store_dir: Path | None) -> str | None:
    """The fingerprint of building ``inputs`` (collected as kg.build_inputs.collect_inputs gives them), or
    None when one of them is no regular file within ``max_bytes`` (the build must run to report it)."""
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{code_version()}\0{max_bytes}\0{store_dir or ''}\0".encode())
    for path in inputs:
        sha = _sha256(path, max_bytes)
        if sha is None:
            return None
        digest.update(f"{path}\0{sha}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _sha256(path: Path, max_bytes: int) -> str | None:
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
            return None  # stat before open: a FIFO is never opened here (kg.text.decode says why)
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


@cache
def code_version() -> str:
    """The sha256 of the package's code, the vocabulary, the ontology files and the writing libraries'
    versions (computed once per process)."""
    digest = hashlib.sha256()
    files = sorted(PACKAGE.rglob("*.py")) + sorted(p for p in VOCAB_DIR.rglob("*") if p.is_file())
    for path in [*files, ONTOLOGY_FILE, FIELDS_FILE]:
        data = path.read_bytes() if path.is_file() else b""
        digest.update(f"{path}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    for name in LIBRARIES:
        digest.update(f"{name}\0{_version(name)}\0".encode())
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"
