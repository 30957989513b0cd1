"""`kg add` (issue 15, Deliver 2): a text joins the corpus and the whole corpus is rebuilt, extracting only
the new text; a name taken by other content, or a text already there under another name, is refused by name
and nothing is copied."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.errors import CorpusError, InputError
from kg.extract import extract_file
from kg.intake import add
from kg.paths import RAW_DIR

FIRST = RAW_DIR / "ubnd-kon-tum_3549-kh-ubnd_2022_news.txt"  # the two smallest seed texts
SECOND = RAW_DIR / "ubnd-kon-tum_4485-kh-ubnd_2020_news.txt"


@pytest.fixture
def home(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus of one text, built: (raw folder, output folder)."""
    raw, out = tmp_path / "raw", tmp_path / "data"
    raw.mkdir()
    shutil.copyfile(FIRST, raw / FIRST.name)
    build([raw], out, jobs=1)
    return raw, out


def _listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_an_added_text_joins_the_corpus_and_only_it_is_extracted(home: tuple[Path, Path]) -> None:
    raw, out = home
    added = add([SECOND], raw, out, jobs=1)
    assert added.copied == (raw / SECOND.name,)
    assert (raw / SECOND.name).read_bytes() == SECOND.read_bytes()
    assert (added.build.inputs, added.build.extracted, added.build.cached) == (2, 1, 1)
    turtle = (out / "kg.ttl").read_text(encoding="utf-8")
    assert "3549/KH-UBND" in turtle and "4485/KH-UBND" in turtle
    assert not [p for p in raw.iterdir() if ".tmp-" in p.name]


def test_adding_a_text_already_there_under_its_name_copies_nothing(home: tuple[Path, Path]) -> None:
    raw, out = home
    added = add([raw / FIRST.name], raw, out, jobs=1)
    assert (added.copied, added.present) == ((), (raw / FIRST.name,))
    assert (added.build.inputs, added.build.extracted) == (1, 0)


def test_a_name_taken_by_other_content_is_refused_and_nothing_is_copied(
    home: tuple[Path, Path], tmp_path: Path
) -> None:
    raw, out = home
    before = _listing(raw)
    clash = tmp_path / "new" / FIRST.name
    clash.parent.mkdir()
    clash.write_bytes(FIRST.read_bytes() + "\nNơi nhận: VT.\n".encode())
    with pytest.raises(CorpusError, match=re.escape(f"{raw / FIRST.name} exists with other content")):
        add([SECOND, clash], raw, out, jobs=1)  # the good one first: still not copied
    assert _listing(raw) == before


def test_a_text_already_there_under_another_name_is_refused_naming_it(
    home: tuple[Path, Path], tmp_path: Path
) -> None:
    raw, out = home
    before = _listing(raw)
    renamed = tmp_path / "renamed.txt"
    shutil.copyfile(FIRST, renamed)
    with pytest.raises(CorpusError, match=re.escape(f"already in the corpus as {raw / FIRST.name}")):
        add([renamed], raw, out, jobs=1)
    assert _listing(raw) == before


def test_a_record_whose_text_is_there_is_refused(home: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = home
    record = tmp_path / "first.json"
    record.write_text(json.dumps(extract_file(raw / FIRST.name).to_json(), ensure_ascii=False), "utf-8")
    said = f"its source text is in the corpus as {raw / FIRST.name}"
    with pytest.raises(CorpusError, match=re.escape(said)):
        add([record], raw, out, jobs=1)


def test_the_same_text_given_twice_is_refused(home: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = home
    twin = tmp_path / "twin.txt"
    shutil.copyfile(SECOND, twin)
    with pytest.raises(CorpusError, match=re.escape(f"already in the corpus as {raw / SECOND.name}")):
        add([SECOND, twin], raw, out, jobs=1)
    assert not (raw / SECOND.name).exists()


def test_a_file_that_is_no_text_is_refused(home: tuple[Path, Path], tmp_path: Path) -> None:
    raw, out = home
    before = _listing(raw)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match=re.escape(str(binary))):
        add([binary], raw, out, jobs=1)
    notes = tmp_path / "notes.md"
    notes.write_text("# notes\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(f"{notes}: only texts (*.txt) and records")):
        add([notes], raw, out, jobs=1)
    assert _listing(raw) == before


def test_kg_add_prints_what_it_added_and_the_build(home: tuple[Path, Path]) -> None:
    raw, out = home
    args = ["add", str(SECOND), "--raw-dir", str(raw), "--out-dir", str(out), "-j", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert f"added {raw / SECOND.name}" in result.stdout
    assert "from 2 inputs (1 text extracted, 1 from the record cache)" in result.stdout
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0
    assert f"already in the corpus: {SECOND}" in again.stdout
