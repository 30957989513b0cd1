"""The extractor's version: one sha256 of everything that decides what record a text gives.

That is the code of the rooms extraction runs (text, lexicon, normalize, segment, extract), the shared modules
they use (models.py, the record types and their JSON form, among them) and the vocabulary files (data/vocab,
or KG_VOCAB_DIR). The record cache (kg.store.records_cache) keys each record by its text's sha256 and this
version, so any change to the extractor or its vocabulary makes every cached record stale at once.

Why a hash of the sources and not a number someone bumps: a forgotten bump would serve stale records as if
they were fresh, silently; a hash cannot be forgotten. It is coarser than needed (a comment edit also
invalidates the cache: one cold build), never wrong about the project's own code. Third-party libraries
(pyahocorasick, PyYAML) are not hashed: their output for the same input is not expected to change between
versions; ``kg build --no-cache`` re-extracts everything when in doubt. Computed once per process (some
hundred kB hashed: milliseconds)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from kg.paths import VOCAB_DIR

PACKAGE = Path(__file__).resolve().parent.parent
ROOMS = ("text", "lexicon", "normalize", "segment", "extract")
SHARED = ("errors.py", "paths.py", "namespaces.py", "iri.py", "models.py", "tabular.py")


@cache
def extractor_version() -> str:
    """The sha256 (hex) of the extraction code and vocabulary this process runs with."""
    digest = hashlib.sha256()
    for name, path in version_files():
        data = path.read_bytes()
        # name and length first: moving bytes from one file to the next must change the hash
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def version_files() -> list[tuple[str, Path]]:
    """(stable name, path) of every file the version covers, in a fixed order."""
    code = [PACKAGE / room for room in ROOMS]
    files = [(f"kg/{p.relative_to(PACKAGE)}", p) for root in code for p in sorted(root.rglob("*.py"))]
    files += [(f"kg/{name}", PACKAGE / name) for name in SHARED if (PACKAGE / name).is_file()]
    vocab = sorted(p for p in VOCAB_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    files += [(f"vocab/{p.relative_to(VOCAB_DIR)}", p) for p in vocab]
    return files
