"""One build at a time per output folder (issue 14): a second `kg build` fails at once with one line naming
the lock and its holder's pid (exit 3), or waits with --wait; a holder that dies, even by SIGKILL, frees it.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph_seed import GOLD_RECORDS_DIR
from kg.build import build
from kg.store.generations import COMPLETE, CURRENT
from kg.store.lock import LOCK_NAME

RECORD = sorted(GOLD_RECORDS_DIR.glob("*.json"))[0]
HOLD = (
    "import sys; from pathlib import Path; from kg.store.lock import build_lock\n"
    "with build_lock(Path(sys.argv[1])):\n"
    "    print('locked', flush=True); sys.stdin.read()\n"
)


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the build lock of tmp_path/data until its stdin closes."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "data")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def _kg_build(out: Path, *extra: str) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "kg.cli", "build", str(RECORD), "--out-dir", str(out), "-j", "1", *extra]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_build_fails_at_once_naming_the_lock_and_its_holder(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    out = tmp_path / "data"
    second = _kg_build(out)
    _, err = second.communicate(timeout=60)
    assert second.returncode == 3, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert str(out / LOCK_NAME) in lines[0] and f"pid {holder.pid}" in lines[0] and "--wait" in lines[0]
    assert not (out / CURRENT).exists(), "the second build wrote nothing"


def test_a_second_build_with_wait_runs_when_the_first_ends(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    out = tmp_path / "data"
    waiting = _kg_build(out, "--wait")
    time.sleep(1)
    assert waiting.poll() is None, "kg build --wait did not wait for the lock"
    assert holder.stdin is not None
    holder.stdin.close()  # the first build ends
    _, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert json.loads((out / CURRENT / COMPLETE).read_text())["inputs"] == 1


def test_a_killed_holder_leaves_no_lock_behind(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    result = build([RECORD], tmp_path / "data", jobs=1)
    assert result.inputs == 1
