"""The extractor's version (kg.extract.version), which keys the record cache: it changes with any change to
the extraction code or the vocabulary, and only with those."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.extract import version
from kg.paths import VOCAB_DIR


@pytest.fixture
def copies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A copy of the package's sources and of the vocabulary, which the version is then read from."""
    package, vocab = tmp_path / "kg", tmp_path / "vocab"
    shutil.copytree(version.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(VOCAB_DIR, vocab)
    monkeypatch.setattr(version, "PACKAGE", package)
    monkeypatch.setattr(version, "VOCAB_DIR", vocab)
    return package, vocab


def _version() -> str:
    return version.extractor_version.__wrapped__()  # type: ignore[attr-defined]  # uncached: read again


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_copies_give_this_process_s_version(copies: tuple[Path, Path]) -> None:
    assert _version() == version.extractor_version()


@pytest.mark.parametrize(
    "changed",
    ["extract/__init__.py", "segment/__init__.py", "lexicon/gazetteer.py", "text/strings.py", "models.py"],
)
def test_a_change_to_extraction_code_changes_it(copies: tuple[Path, Path], changed: str) -> None:
    before = _version()
    _append(copies[0] / changed, "\n# a comment is a change too\n")
    assert _version() != before


def test_a_change_to_the_vocabulary_changes_it(copies: tuple[Path, Path]) -> None:
    before = _version()
    _append(copies[1] / "agencies.yaml", "\n")
    assert _version() != before


def test_a_new_vocabulary_file_changes_it(copies: tuple[Path, Path]) -> None:
    before = _version()
    (copies[1] / "more.yaml").write_text("entries: []\n", encoding="utf-8")
    assert _version() != before


def test_code_after_extraction_does_not_change_it(copies: tuple[Path, Path]) -> None:
    before = _version()
    for later in ("rdf/mapping.py", "store/generations.py", "build.py", "present/report.py"):
        _append(copies[0] / later, "\n# not the extractor's\n")
    assert _version() == before


def test_it_is_a_sha256() -> None:
    assert len(version.extractor_version()) == 64
    int(version.extractor_version(), 16)
