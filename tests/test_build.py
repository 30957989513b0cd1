"""`kg build`: deterministic outputs, atomic replacement, clean errors (issue 4)."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph_seed import RECORDS_DIR
from kg.build import OUTPUT_NAMES, build
from kg.cli import cli
from kg.errors import BuildError


def _build(tmp: Path, inputs: Path = RECORDS_DIR) -> dict[str, bytes]:
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


def test_a_failed_build_leaves_the_previous_store_and_files_intact(tmp_path: Path) -> None:
    before = _build(tmp_path)
    store_files = sorted(p.name for p in (tmp_path / "store").iterdir())
    bad = tmp_path / "bad"
    shutil.copytree(RECORDS_DIR, bad)
    (bad / "zz-broken.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(BuildError, match=r"zz-broken\.json"):
        build([bad], tmp_path, tmp_path / "store", jobs=1)
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
    with pytest.raises(RuntimeError):
        build([RECORDS_DIR], tmp_path, tmp_path / "store", jobs=1)
    assert {n: (tmp_path / n).read_bytes() for n in OUTPUT_NAMES} == before
    assert (tmp_path / "store").is_dir() and not list(tmp_path.glob("store.tmp-*"))


def test_cli_build_and_status_report_counts_and_chains(tmp_path: Path) -> None:
    runner = CliRunner()
    out = runner.invoke(
        cli,
        [
            "build",
            str(RECORDS_DIR),
            "--out-dir",
            str(tmp_path),
            "--store",
            str(tmp_path / "store"),
            "-j",
            "1",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "asserted triples" in out.output
    status = runner.invoke(cli, ["status", "--store", str(tmp_path / "store")])
    assert status.exit_code == 0, status.output
    assert "20-NQ/TW → 69-KL/TW → 116-KH/TU (Lâm Đồng) → 4655/KH-UBND (Lâm Đồng)" in status.output


def test_status_without_a_store_says_to_build_first(tmp_path: Path) -> None:
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="run `kg build` first"):
        CliRunner().invoke(cli, ["status", "--store", str(tmp_path / "none")], catch_exceptions=False)
