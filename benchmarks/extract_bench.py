"""Extraction throughput: documents per second and peak memory of ``kg.extract.extract_text``.

The corpus is the seed texts (data/raw) and the held-out texts (tests/fixtures/unseen), each replicated in
variant forms researchers feed: as is, decomposed (NFD) with non-breaking spaces, with hard line breaks at
80 columns (PDF extraction), and wrapped in legal-database page chrome. Run:
  .venv/bin/python benchmarks/extract_bench.py --copies 5 [--write]
(--write appends the table to benchmarks/RESULTS.md). Wall-clock seconds; memory is the peak RSS.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from kg.extract import extract_text

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"
CHROME_TOP = "Đăng nhập\nMục lục\nVăn bản gốc\nVăn bản liên quan\nLưu trữ\nGhi chú\nÝ kiến\n"
CHROME_TOP += "Facebook\nEmail\nIn\nTải về\n"
CHROME_END = "\nVăn bản liên quan\nNghị quyết 01/NQ-CP năm 2025\nDMCA.com Protection Status\n"


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text).replace(" ", "\u00a0", 20)


def _wrapped(text: str) -> str:
    return "\n".join(textwrap.fill(p, 80) if len(p) > 80 else p for p in text.split("\n"))


def _web(text: str) -> str:
    return CHROME_TOP + text + CHROME_END


VARIANTS: dict[str, Callable[[str], str]] = {"plain": str, "nfd": _nfd, "wrapped": _wrapped, "web": _web}


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
