"""`kg build`: deterministic outputs, atomic replacement, clean errors (issue 4)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_seed import GOLD_RECORDS_DIR
from kg.build import OUTPUT_NAMES, build
from kg.cli import cli
from kg.errors import BuildError
from kg.paths import RAW_DIR


def _build(tmp: Path, inputs: Path = GOLD_RECORDS_DIR) -> dict[str, bytes]:
    build([inputs], tmp, tmp / "store", jobs=1)
    return {name: (tmp / name).read_bytes() for name in OUTPUT_NAMES}


def test_building_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    first = _build(tmp_path / "a")
    second = _build(tmp_path / "b")
    for name in OUTPUT_NAMES:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_jsonld_has_a_context_and_schema_org_legislation(tmp_path: Path) -> None:
    data = json.loads(_build(tmp_path)["kg.jsonld"])
    assert data["@context"]["schema"] == "https://schema.org/"
    assert "schema:Legislation" in json.dumps(data)


def _bad_inputs(tmp: Path) -> Path:
    """A folder of good records plus an empty, a binary, a non-UTF-8 text and a broken record JSON."""
    bad = tmp / "bad"
    shutil.copytree(GOLD_RECORDS_DIR, bad)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (bad / "legacy.txt").write_bytes("Kế hoạch số 1/KH-UBND".encode() + b" \xff\xfe \xe0")
    (bad / "zz-broken.json").write_text("{ not json", encoding="utf-8")
    return bad


BAD_NAMES = {"empty.txt", "binary.txt", "legacy.txt", "zz-broken.json"}


def test_bad_inputs_are_skipped_by_name_and_the_good_ones_built(tmp_path: Path) -> None:
    result = build([_bad_inputs(tmp_path)], tmp_path / "out", tmp_path / "out" / "store", jobs=1)
    assert {s.path.name for s in result.skipped} == BAD_NAMES
    assert all(s.path.name in s.reason and "\n" not in s.reason for s in result.skipped)
    assert result.inputs == len(list(GOLD_RECORDS_DIR.glob("*.json")))
    assert b"4655/KH-UBND" in (tmp_path / "out" / "kg.nt").read_bytes()


def test_cli_lists_skipped_inputs_and_exits_1(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", str(_bad_inputs(tmp_path)), "--out-dir", str(out), "--store", str(out / "s"), "-j", "2"]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1, res.output
    skipped = [line for line in res.stderr.splitlines() if line.startswith("kg: skipped ")]
    assert {Path(line.split()[2].rstrip(":")).name for line in skipped} == BAD_NAMES
    assert (out / "kg.ttl").is_file() and "Traceback" not in res.output


@pytest.mark.parametrize("strict", [True, False])
def test_a_failed_build_leaves_the_previous_store_and_files_intact(tmp_path: Path, strict: bool) -> None:
    """--strict with one bad input, or inputs of which none is readable: the build fails as a whole."""
    before = _build(tmp_path)
    store_files = sorted(p.name for p in (tmp_path / "store").iterdir())
    bad = _bad_inputs(tmp_path)
    if not strict:
        for good in GOLD_RECORDS_DIR.glob("*.json"):
            (bad / good.name).unlink()
    message = r"--strict: an input could not be read" if strict else r"no input could be read"
    with pytest.raises(BuildError, match=message):
        build([bad], tmp_path, tmp_path / "store", jobs=1, strict=strict)
    assert {n: (tmp_path / n).read_bytes() for n in OUTPUT_NAMES} == before
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == store_files
    assert not list(tmp_path.glob(".*.tmp-*")) and not list(tmp_path.glob("store.tmp-*"))


def test_an_exception_mid_build_leaves_the_previous_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _build(tmp_path)

    def boom(*_a: object) -> dict[str, int]:
        raise RuntimeError("inference crashed")

    monkeypatch.setattr("kg.build.infer", boom)
    with pytest.raises(RuntimeError):  # cache=False: the same inputs would keep the current build
        build([GOLD_RECORDS_DIR], tmp_path, tmp_path / "store", jobs=1, cache=False)
    assert {n: (tmp_path / n).read_bytes() for n in OUTPUT_NAMES} == before
    assert (tmp_path / "store").is_dir() and not list(tmp_path.glob("store.tmp-*"))


def test_cli_build_and_status_report_counts_chains_and_the_real_output_paths(tmp_path: Path) -> None:
    runner = CliRunner()
    out, store = tmp_path / "out", tmp_path / "out" / "store"
    built = runner.invoke(cli, ["build", str(RAW_DIR), "--out-dir", str(out), "--store", str(store)])
    assert built.exit_code == 0, built.output
    assert "asserted triples from 5 inputs" in built.output
    assert not built.stderr, "no progress bar or noise when stderr is not a terminal"
    status = runner.invoke(cli, ["status", "--out-dir", str(out), "--store", str(store)])
    assert status.exit_code == 0, status.output
    assert "20-NQ/TW → 69-KL/TW → 116-KH/TU (Lâm Đồng) → 4655/KH-UBND (Lâm Đồng)" in status.output
    assert "47/CTr-TU (Nam Định) → Kế hoạch 2024-06 (Nam Định)" in status.output
    assert str(out / "kg.ttl") in status.output and "data/kg.ttl" not in status.output


def test_status_without_a_store_says_to_build_first(tmp_path: Path) -> None:
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="run `kg build` first"):
        CliRunner().invoke(cli, ["status", "--store", str(tmp_path / "none")], catch_exceptions=False)
