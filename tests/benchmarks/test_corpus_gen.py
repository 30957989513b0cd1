"""The benchmark corpus generator (benchmarks/corpus_gen.py): deterministic, its ground truth consistent."""

from __future__ import annotations

import hashlib
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))

import corpus_gen

from kg.extract import extract_text

N = 160  # two directives' chains begin: resolution, conclusion, provinces' party, committee, department plans


def digest(out_dir: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(out_dir.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(out_dir).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    corpus_gen.write_corpus(tmp_path / "a", N, seed=7)
    corpus_gen.write_corpus(tmp_path / "b", N, seed=7)
    corpus_gen.write_corpus(tmp_path / "c", N, seed=8)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")


@pytest.fixture(scope="module")
def docs() -> list[corpus_gen.Doc]:
    return corpus_gen.generate(N, seed=15)


def test_every_lineage_target_exists_and_chains_reach_depth_five(docs: list[corpus_gen.Doc]) -> None:
    by_number = {d.truth.number: d.truth for d in docs}
    assert len(by_number) == len(docs) == N  # numbers unique corpus-wide
    assert len({d.truth.file for d in docs}) == N
    for d in docs:
        for target in d.truth.implements:
            assert target in by_number, f"{d.truth.file} implements missing {target}"
            assert by_number[target].level == d.truth.level - 1
    assert Counter(d.truth.level for d in docs).keys() == {1, 2, 3, 4, 5}


def test_names_only_gazetteer_bodies_and_real_provinces(docs: list[corpus_gen.Doc]) -> None:
    names = corpus_gen.gazetteer_names()
    agencies = {a["agency"] for d in docs for a in d.truth.assignments}
    assert agencies and agencies <= names
    assert {d.truth.province for d in docs if d.truth.province} <= set(corpus_gen.provinces(63))
    assert len(corpus_gen.provinces(34)) == 34


def test_recombines_structures_and_layouts(docs: list[corpus_gen.Doc]) -> None:
    texts = [d.text for d in docs]
    assert any("| STT | Nội dung nhiệm vụ |" in t for t in texts)  # task tables
    assert any("- Đơn vị chủ trì:" in t for t in texts)  # "Đơn vị chủ trì" lines
    assert any("\r\n" in t for t in texts) and any("Tải về" in t for t in texts)  # CRLF, web chrome
    assert len({t for t in texts}) == N  # not copies


def test_the_extractor_reads_the_stated_lineage(docs: list[corpus_gen.Doc]) -> None:
    """The truth is what a reader finds: the extractor reads a text's number and what it implements."""
    for d in docs[:12]:
        record = extract_text(d.text, d.truth.file)
        assert record.document.number == d.truth.number
        implements = {e.target for e in record.lineage if e.source == "SELF" and e.relation == "implements"}
        assert implements == set(d.truth.implements), d.truth.file
