"""What a user sees when things go wrong: one line naming the thing and the problem, exit 2, no traceback.

Each case runs the real console entry point (``python -m kg.cli``) in a subprocess, as a user would."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph_seed import GOLD_RECORDS_DIR
from kg.build import build


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, check=False, timeout=120
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *names: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for name in names:
        assert name in lines[0], f"{name!r} not named in: {lines[0]}"


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("built")
    build([GOLD_RECORDS_DIR], out, out / "store", jobs=1)
    return out / "store"


@pytest.fixture(scope="module")
def damaged_store(good_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("damaged") / "store"
    shutil.copytree(good_store, store)
    biggest = max(store.glob("*.sst"), key=lambda p: p.stat().st_size)
    with biggest.open("r+b") as f:
        f.truncate(100)
    return store


@pytest.mark.parametrize(
    "command",
    [["status"], ["validate"], ["query", "documents"], ["push", "--endpoint", "http://127.0.0.1:9/"]],
)
def test_a_damaged_store_is_named_and_rebuilding_suggested(damaged_store: Path, command: list[str]) -> None:
    proc = kg(*command, "--store", str(damaged_store))
    assert_one_line_error(proc, str(damaged_store), "damaged", "kg build")


def test_a_folder_that_is_not_a_store_is_named(tmp_path: Path) -> None:
    proc = kg("status", "--store", str(tmp_path))
    assert_one_line_error(proc, str(tmp_path), "not a graph store")


def test_an_output_folder_that_cannot_be_made_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    proc = kg("docs", "--out", str(blocker / "docs"))
    assert_one_line_error(proc, str(blocker / "docs"))


@pytest.mark.parametrize(
    "endpoint,problem", [("not-a-url", "not an http(s) URL"), ("ftp://host/store", "not an http(s) URL")]
)
def test_push_to_something_that_is_not_an_http_url(good_store: Path, endpoint: str, problem: str) -> None:
    proc = kg("push", "--endpoint", endpoint, "--store", str(good_store))
    assert_one_line_error(proc, endpoint, problem)


def test_serve_on_a_port_in_use_says_so_instead_of_announcing_someone_elses_server(tmp_path: Path) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = str(other.getsockname()[1])
        proc = kg("serve", "--port", port, "--store", str(tmp_path))
    assert_one_line_error(proc, port, "already in use")
    assert "SPARQL endpoint" not in proc.stdout


def test_a_broken_turtle_file_is_one_line_even_when_the_parser_says_more(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b "unterminated\n ;\n', encoding="utf-8")
    proc = kg("trace", "X", "--data", str(broken))
    assert_one_line_error(proc, str(broken))
