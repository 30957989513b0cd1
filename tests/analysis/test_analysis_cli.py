"""The analysis commands: tables, --json, --csv, exports, and clean errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analysis_support import CYCLE, MINI
from kg.cli import cli

DATA = ["--data", str(MINI)]


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, *DATA], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_trace_table_names_both_provinces_plans() -> None:
    out = run("trace", "12-KL/TW")
    assert "100/KH-UBND (Đồng Nai)" in out and "55/KH-UBND (Hải Dương)" in out


def test_trace_json_has_links_with_quotes() -> None:
    data = json.loads(run("trace", "12-KL/TW", "--json"))
    assert any(link["quotes"] for link in data["links"])


def test_trace_csv_has_one_row_per_link() -> None:
    rows = list(csv.DictReader(io.StringIO(run("trace", "12-KL/TW", "--csv"))))
    assert {"source", "relation", "target", "quote"} <= set(rows[0])
    assert len(rows) == 5


def test_who_json_lists_duties_with_chains() -> None:
    data = json.loads(run("who", "so khcn", "--province", "dong nai", "--json"))
    assert {d["deadline"] for d in data["duties"]} == {"Năm 2024-2025", "Năm 2026-2030"}
    assert data["duties"][0]["chains"][0][-1]["target_label"] == "7-NQ/TW"


def test_compare_csv_one_row_per_plan() -> None:
    rows = list(csv.DictReader(io.StringIO(run("compare", "--implementing", "12-KL/TW", "--csv"))))
    assert [r["province"] for r in rows] == ["Đồng Nai", "Hải Dương"]


def test_compare_needs_a_directive_or_two_documents() -> None:
    result = CliRunner().invoke(cli, ["compare", "55/KH-UBND", *DATA])
    assert result.exit_code == 2 and "at least two" in result.output


@pytest.mark.parametrize("only", ["workload", "brokers", "depth", "gaps", "communities"])
def test_metrics_csv_prints_each_table(only: str) -> None:
    rows = list(csv.reader(io.StringIO(run("metrics", "--only", only, "--csv"))))
    assert len(rows) >= 2


def test_metrics_json_has_every_metric() -> None:
    assert set(json.loads(run("metrics", "--json"))) == {
        "workload",
        "brokers",
        "depth",
        "gaps",
        "communities",
    }


@pytest.mark.parametrize(("fmt", "marker"), [("graphml", "<graphml"), ("gexf", "<gexf")])
def test_export_writes_gephi_formats(tmp_path: Path, fmt: str, marker: str) -> None:
    out = tmp_path / f"g.{fmt}"
    run("export", "--format", fmt, "--graph", "responsibility", "--out", str(out))
    assert marker in out.read_text(encoding="utf-8") and "Sở Tài chính" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["who", "so noi vu", "--data", str(MINI)], "no task in the graph names 'Sở Nội vụ'"),
        (["who", "so khong co", "--data", str(MINI)], "unknown agency 'so khong co'. Did you mean"),
        (["trace", "12-KL/TU", "--data", str(MINI)], "unknown document '12-KL/TU'. Did you mean: 12-KL/TW"),
        (["trace", "1-NQ/TW", "--data", str(CYCLE)], "lineage cycle: "),
    ],
)
def test_errors_are_one_line_without_traceback(args: list[str], message: str) -> None:
    kg = Path(sys.executable).with_name("kg")
    result = subprocess.run([str(kg), *args], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["trace", "who", "compare", "metrics", "report", "export"])
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and "--data" in result.output


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "broken.ttl",
            '@prefix ex: <http://example.org/> .\nex:a ex:b "open\n ;\n',
            ":2: not readable as RDF: ",
        ),
        ("broken.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c ex:d .\n", ":2: not readable"),
        ("broken.nt", "<http://example.org/a> <http://example.org/b> .\n", ": not readable as RDF: "),
    ],
)
def test_a_broken_rdf_file_is_named_with_its_line_not_dumped(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    broken = tmp_path / name
    broken.write_text(text, encoding="utf-8")
    kg = Path(sys.executable).with_name("kg")
    result = subprocess.run([str(kg), "trace", "X", "--data", str(broken)], capture_output=True, text=True)
    assert result.returncode == 2
    assert f"{broken}{message}" in result.stderr
    assert "b'" not in result.stderr, f"the parser's byte dump reaches the user: {result.stderr}"
