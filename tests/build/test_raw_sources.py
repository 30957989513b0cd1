"""The source corpus: byte-for-byte copies, recorded in SOURCES.yaml, never named by code."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from kg.paths import RAW_DIR, ROOT

SOURCES = yaml.safe_load((RAW_DIR / "SOURCES.yaml").read_text(encoding="utf-8"))["sources"]
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
KINDS = {"official-text", "legal-database-page", "news-report"}


def test_every_raw_text_is_listed_once() -> None:
    listed = sorted(s["file"] for s in SOURCES)
    assert listed == sorted(p.name for p in RAW_DIR.glob("*.txt"))


@pytest.mark.parametrize("source", SOURCES, ids=[s["file"] for s in SOURCES])
def test_sha256_and_kind_are_recorded(source: dict) -> None:
    data = (RAW_DIR / source["file"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == source["sha256"]
    assert source["kind"] in KINDS
    assert source["notes"].strip()


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("source", SOURCES, ids=[s["file"] for s in SOURCES])
def test_raw_text_is_the_seed_byte_for_byte(source: dict) -> None:
    assert (RAW_DIR / source["file"]).read_bytes() == (SEEDS_DIR / source["original"]).read_bytes()


def test_no_code_names_a_seed_file() -> None:
    """Code holds mechanisms: no module may special-case one of the corpus texts."""
    names = {Path(s["file"]).stem for s in SOURCES} | {Path(s["original"]).stem for s in SOURCES}
    offenders = [
        f"{path.relative_to(ROOT)} names {name}"
        for path in sorted((ROOT / "src").rglob("*.py"))
        for name in names
        if name in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
