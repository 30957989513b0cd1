"""The benchmarks keep running against the code they measure: a module moved in src/kg (read_inputs went to
kg.build_inputs and began returning an Inputs) broke scale_bench unnoticed until it was run by hand. The
bench runs once at a tiny size; its numbers are not looked at (timing belongs to benchmarks/RESULTS.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "benchmarks"


def test_scale_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    args = ["--documents", "6", "--no-rdflib", "--no-viz", "--repeat", "1", "--work", str(tmp_path)]
    out = subprocess.run(
        [sys.executable, str(BENCH / "scale_bench.py"), *args], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "query documents" in out.stdout and "extract" in out.stdout
