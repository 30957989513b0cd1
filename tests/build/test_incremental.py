"""Incremental builds (issue 15, Deliver 2): a rebuild takes each unchanged text's record from the record
cache and extracts only what changed; cached records are the fresh ones; a changed extractor, a corrupt or
foreign cache entry, or ``--no-cache`` means extracting again; a build smaller than the last one says so."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import build_fingerprint
from kg.build import build
from kg.build_inputs import Inputs, collect_inputs, read_inputs, record_cache
from kg.cli import cli
from kg.extract import extract_file
from kg.models import Record
from kg.paths import RAW_DIR
from kg.store.records_cache import RecordCache

# the two smallest seed texts: quick to extract, and two documents so that one can change
SMALL = ("ubnd-kon-tum_3549-kh-ubnd_2022_news.txt", "ubnd-kon-tum_4485-kh-ubnd_2020_news.txt")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in SMALL:
        shutil.copyfile(RAW_DIR / name, raw / name)
    return raw


def _read(raw: Path, cache: RecordCache, reuse: bool = True) -> Inputs:
    return read_inputs(collect_inputs([raw]), jobs=1, cache=cache, reuse=reuse)


def test_a_rebuild_extracts_nothing_and_builds_the_same_graph(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "data"
    first = build([corpus], out, jobs=1)
    nt = (out / "kg.nt").read_bytes()
    monkeypatch.setattr(build_fingerprint, "code_version", lambda: "another code")  # no build kept
    second = build([corpus], out, jobs=1)
    assert (first.extracted, first.cached) == (2, 0)
    assert (second.extracted, second.cached, second.unchanged) == (0, 2, False)
    assert (out / "kg.nt").read_bytes() == nt
    assert second.triples == first.triples


def _current(out: Path) -> Path:
    return (out / "current").resolve()


def test_a_rebuild_with_nothing_changed_keeps_the_current_build(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    first = build([corpus], out, jobs=1)
    gen = _current(out)
    again = build([corpus], out, jobs=1)
    assert again.unchanged and (again.extracted, again.cached) == (0, 0)
    assert _current(out) == gen  # no new generation written
    assert (again.inputs, again.triples, again.inferred) == (first.inputs, first.triples, first.inferred)
    assert (out / "kg.nt").samefile(gen / "kg.nt")


def test_a_changed_text_code_or_cache_flag_builds_again(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "data"
    build([corpus], out, jobs=1)
    assert not build([corpus], out, jobs=1, cache=False).unchanged
    text = corpus / SMALL[0]
    text.write_bytes(text.read_bytes() + b"\n")
    changed = build([corpus], out, jobs=1)
    assert not changed.unchanged and changed.extracted == 1
    monkeypatch.setattr(build_fingerprint, "code_version", lambda: "another code")
    assert not build([corpus], out, jobs=1).unchanged


def test_a_build_with_warnings_is_never_kept(corpus: Path, tmp_path: Path) -> None:
    """A kept build would not repeat its warnings: a build that warned is built again next time."""
    out = tmp_path / "data"
    build([corpus], out, jobs=1)
    one = [corpus / SMALL[0]]
    smaller = build(one, out, jobs=1)
    assert smaller.warnings and not smaller.unchanged
    assert not build(one, out, jobs=1).unchanged  # the warned build had no fingerprint to match
    assert build(one, out, jobs=1).unchanged


def test_kg_build_says_nothing_changed(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    args = ["build", str(corpus), "--out-dir", str(out), "-j", "1"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    kept = CliRunner().invoke(cli, args)
    assert kept.exit_code == 0 and "nothing changed since the current build: kept it" in kept.output


def test_no_cache_extracts_every_text_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    build([corpus], out, jobs=1)
    again = build([corpus], out, jobs=1, cache=False)
    assert (again.extracted, again.cached) == (2, 0)


def test_cached_records_are_the_fresh_records(corpus: Path, tmp_path: Path) -> None:
    cache = record_cache(tmp_path / "data")
    fresh = _read(corpus, cache)
    cached = _read(corpus, cache)
    assert (fresh.extracted, cached.extracted, cached.cached) == (2, 0, 2)
    assert cached.records == fresh.records
    assert cached.records == [extract_file(p) for p in sorted(corpus.glob("*.txt"))]


def test_a_cached_record_names_the_path_it_is_read_from_now(corpus: Path, tmp_path: Path) -> None:
    cache = record_cache(tmp_path / "data")
    _read(corpus, cache)
    moved = tmp_path / "elsewhere"
    corpus.rename(moved)
    again = _read(moved, cache)
    assert again.cached == 2
    assert again.records == [extract_file(p) for p in sorted(moved.glob("*.txt"))]


def test_a_changed_text_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    cache = record_cache(tmp_path / "data")
    _read(corpus, cache)
    changed = corpus / SMALL[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNơi nhận:\n- Lưu: VT.\n", encoding="utf-8")
    again = _read(corpus, cache)
    assert (again.extracted, again.cached) == (1, 1)
    assert again.records[0] == extract_file(changed)


def test_another_extractor_version_extracts_again_and_its_stale_entries_go(
    corpus: Path, tmp_path: Path
) -> None:
    ours = record_cache(tmp_path / "data")
    _read(corpus, ours)
    other = RecordCache(ours.root, "0" * 64)
    assert _read(corpus, other).extracted == 2
    other.tidy()
    assert not ours.folder.exists()
    assert sorted(p.name for p in ours.root.iterdir()) == ["0" * 64]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda _b: b"{ not json", id="not JSON"),
        pytest.param(lambda b: b[: len(b) // 2], id="cut in half"),
        pytest.param(lambda _b: b"\x00\xff" * 50, id="binary"),
        pytest.param(lambda b: b.replace(b"kg-record-cache/1", b"kg-record-cache/0"), id="other format"),
        pytest.param(lambda b: b.replace(b'"document":{', b'"document":7,"x":{', 1), id="no record"),
        pytest.param(lambda _b: b"[" * 100_000 + b"]" * 100_000, id="nested 100,000 deep"),
    ],
)
def test_a_corrupt_cache_entry_is_ignored_and_rewritten(
    corpus: Path, tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    cache = record_cache(tmp_path / "data")
    fresh = _read(corpus, cache)
    entry = cache.entry(fresh.records[0].source.sha256)
    entry.write_bytes(damage(entry.read_bytes()))
    again = _read(corpus, cache)
    assert (again.extracted, again.cached) == (1, 1)
    assert again.records == fresh.records
    assert Record.from_json(json.loads(entry.read_text(encoding="utf-8"))["record"]) == fresh.records[0]


def test_a_foreign_entry_under_a_texts_name_is_not_trusted(corpus: Path, tmp_path: Path) -> None:
    """Another text's entry copied under this text's name: its hashes do not match, so it is a miss."""
    cache = record_cache(tmp_path / "data")
    fresh = _read(corpus, cache)
    one, other = (cache.entry(r.source.sha256) for r in fresh.records)
    shutil.copyfile(other, one)
    again = _read(corpus, cache)
    assert again.extracted == 1
    assert again.records == fresh.records


def test_temporaries_a_killed_build_left_are_removed(corpus: Path, tmp_path: Path) -> None:
    cache = record_cache(tmp_path / "data")
    _read(corpus, cache)
    stale = cache.folder / f".{'a' * 64}.json.tmp-1a2b3c4d"
    stale.write_bytes(b'{"format": "kg-rec')
    cache.tidy()
    assert not stale.exists()
    assert len(list(cache.folder.glob("*.json"))) == 2


def test_a_cache_that_cannot_be_written_is_a_warning_not_a_failure(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    blocked = record_cache(out).folder
    blocked.parent.mkdir(parents=True)
    blocked.write_bytes(b"")  # a file where the version's folder goes: no entry can be written
    result = build([corpus], out, jobs=1)
    assert result.inputs == 2 and result.extracted == 2
    assert any("record cache" in w and "extracts those texts again" in w for w in result.warnings)


def test_building_fewer_texts_than_the_last_build_says_so(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data"
    build([corpus], out, jobs=1)
    result = CliRunner().invoke(cli, ["build", str(corpus / SMALL[0]), "--out-dir", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "built from 1 input; the previous build had 2" in result.stderr
    assert "kg add" in result.stderr
    assert "(0 texts extracted, 1 from the record cache)" in result.stdout


def test_a_text_that_cannot_be_read_counts_as_neither_cached_nor_extracted(
    corpus: Path, tmp_path: Path
) -> None:
    cache = record_cache(tmp_path / "data")
    paths = collect_inputs([corpus])
    limit = min(p.stat().st_size for p in paths) + 1  # the smaller text is read, the larger refused
    first = read_inputs(paths, jobs=1, max_bytes=limit, cache=cache)
    again = read_inputs(paths, jobs=1, max_bytes=limit, cache=cache)
    assert (first.extracted, first.cached, len(first.skipped)) == (1, 0, 1)
    assert (again.extracted, again.cached, len(again.skipped)) == (0, 1, 1)
    assert "too large" in again.skipped[0].reason
