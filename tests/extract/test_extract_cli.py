# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""`kg extract` on good and bad input: one-line errors, no traceback, the rest of the batch still processed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.paths import RAW_DIR

SEED = RAW_DIR / "ubnd-lam-dong_4655-kh-ubnd_2024.txt"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", "extract", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "empty": b"",
        "binary": b"\x00\x01\x02\x03PK\x00",
        "cp1258": b"\xd0i\xea\xccu 2. Giao S\xf4\xd2 T\xe0i ch\xednh ch\xf4\xd2 tr\xec",
    }
    out = {}
    for name, data in files.items():
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        out[name] = p
    return out


def test_json_record_has_the_contract_keys() -> None:
    proc = run(str(SEED), "--json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert {"document", "references", "lineage", "assignments"} <= set(record)
    assert record["document"]["number"] == "4655/KH-UBND"


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty", "the file is empty"), ("binary", "binary"), ("cp1258", "Windows-1258")],
)
def test_bad_input_gives_one_line_error_and_batch_continues(bad_files, name, message) -> None:  # type: ignore[no-untyped-def]
    proc = run(str(bad_files[name]), str(SEED), "--json")
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and message in errors[0] and bad_files[name].name in errors[0]
    assert json.loads(proc.stdout)[0]["document"]["number"] == "4655/KH-UBND"


def test_only_unreadable_files_exit_2(bad_files) -> None:  # type: ignore[no-untyped-def]
    proc = run(str(bad_files["empty"]))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_text_without_number_or_date_gives_nulls_and_warnings(tmp_path: Path) -> None:
    p = tmp_path / "plain.txt"
    p.write_text("Một đoạn văn không có số hiệu, không có ngày tháng.", encoding="utf-8")
    proc = run(str(p), "--json")
    assert proc.returncode == 0
    record = json.loads(proc.stdout)
    assert record["document"]["number"] is None and record["document"]["date"] is None
    assert {"no-number", "no-date"} <= {w["code"] for w in record["warnings"]}


def test_out_dir_writes_one_file_per_text(tmp_path: Path) -> None:
    proc = run(str(SEED), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    written = json.loads((tmp_path / "out" / (SEED.stem + ".json")).read_text(encoding="utf-8"))
    assert written["document"]["date"] == "2024-06-10"
