"""Extraction throughput: documents per second and peak memory of ``kg.extract.extract_text``.

The corpus is the seed texts (data/raw) and the held-out texts (tests/fixtures/unseen), each replicated in
variant forms researchers feed (kg.text.variants):
as is, decomposed (NFD) with non-breaking spaces, with hard line
breaks at 80 columns (PDF extraction), wrapped in legal-database page chrome, with CRLF line ends, and with
" | " tables one cell per line. Run:
  .venv/bin/python benchmarks/extract_bench.py --copies 5 [--write]
(--write appends the table to benchmarks/RESULTS.md). Wall-clock seconds; memory is the peak RSS.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

from kg.extract import extract_text
from kg.text.variants import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"


def corpus() -> list[str]:
    """Seed and held-out texts (their variant forms are made by ``VARIANTS``)."""
    files = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")
    )
    return [f.read_text(encoding="utf-8") for f in files]


def run(copies: int) -> list[tuple[str, int, int, float]]:
    """(variant, documents, characters, seconds) per variant over ``copies`` passes of the corpus."""
    texts = corpus()
    rows = []
    for name, make in VARIANTS.items():
        docs = [make(t) for t in texts] * copies
        start = time.perf_counter()
        for d in docs:
            extract_text(d)
        rows.append((name, len(docs), sum(len(d) for d in docs), time.perf_counter() - start))
    return rows


def table(rows: list[tuple[str, int, int, float]], peak_mb: float) -> str:
    """The results as a Markdown section."""
    lines = [
        f"## extract_bench: {rows[0][1]} documents per variant ({platform.python_version()})",
        "",
        "| variant | documents | characters | seconds | documents/s |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {d} | {c} | {s:.2f} | {d / s:.1f} |" for n, d, c, s in rows]
    total_d = sum(r[1] for r in rows)
    total_s = sum(r[3] for r in rows)
    lines += [f"| all | {total_d} | {sum(r[2] for r in rows)} | {total_s:.2f} | {total_d / total_s:.1f} |"]
    return "\n".join([*lines, "", f"Peak memory: {peak_mb:.0f} MB.", ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=5, help="passes over the corpus per variant")
    parser.add_argument("--write", action="store_true", help="append the table to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    rows = run(args.copies)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    out = table(rows, peak)
    print(out)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n" + out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
