"""Extraction throughput: documents/s per core at seed size, MB/s, the ratio to the read+NFC floor, the
variant forms researchers feed, and a size sweep of how time grows with one text's size (issues 14, 15).

Seed size: the seed texts (data/raw) and the held-out texts (tests/fixtures/unseen), extracted one after the
other in a fresh process (CPU seconds, so documents/s is per core; fresh, so no cache holds a text already
seen, as in a build of distinct documents). The floor reads the same files and decodes
and NFC-normalizes them. Variants: the same texts in the forms of kg.text.variants. Size sweep: one text of
N MB made of real texts (tests/corpus/real, data/raw) one after another ("concatenated"), and one long plan
(a real plan's body repeated under its header: every part is read as tasks), each in a fresh process (its
own peak memory). Run:
  .venv/bin/python benchmarks/extract_bench.py [--copies 5] [--sizes 2,5,20] [--write]
(--write appends the tables to benchmarks/RESULTS.md with machine, date and commit).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kg.extract import extract_text
from kg.text.strings import nfc
from kg.text.variants import VARIANTS

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"
LONG_PLAN = ROOT / "tests" / "corpus" / "real" / "bo_bo-tu-phap_173-qd-btp_2015.txt"
LONG_PLAN_HEADER_LINES = 23  # the decision and its signature; the plan's body follows


def seed_files() -> list[Path]:
    """Seed and held-out texts (their variant forms are made by ``VARIANTS``)."""
    return sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures" / "unseen").glob("*.txt")
    )


def cpu_seconds(work: Callable[[], object]) -> float:
    """Process CPU seconds ``work`` takes (other jobs on the machine count less than in wall time)."""
    start = time.process_time()
    work()
    return time.process_time() - start


def one_pass(variant: str) -> dict[str, float]:
    """Extract every seed text once in ``variant`` form, in this process (fresh: the matchers' caches hold
    nothing of these texts, as in a build of distinct documents), and read+NFC the same files (the floor)."""
    files = seed_files()
    texts = [VARIANTS[variant](f.read_text(encoding="utf-8")) for f in files]
    extract_text(LONG_PLAN.read_text(encoding="utf-8"))  # vocabulary and automata, built once per process
    seconds = cpu_seconds(lambda: [extract_text(t) for t in texts])
    floor = cpu_seconds(lambda: [nfc(f.read_bytes().decode("utf-8")) for f in files * 20]) / 20
    return {
        "documents": len(texts),
        "characters": sum(len(t) for t in texts),
        "megabytes": sum(len(t.encode("utf-8")) for t in texts) / 1e6,
        "seconds": seconds,
        "floor": floor,
    }


def in_fresh_process(*args: str) -> dict[str, float]:
    """This script's answer for ``args`` (--one-pass / --one-size), run in a new interpreter."""
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True)
    return dict(json.loads(out.stdout))


def seed_rows(copies: int) -> dict[str, float]:
    """Documents/s per core and MB/s at seed size, and the floor: the median of ``copies`` fresh passes."""
    passes = sorted(
        (in_fresh_process("--one-pass", "plain") for _ in range(copies)), key=lambda r: r["seconds"]
    )
    return passes[len(passes) // 2]


def variant_rows() -> list[tuple[str, int, int, float]]:
    """(variant, documents, characters, CPU seconds): one fresh pass over the seed texts in each form."""
    rows = []
    for name in VARIANTS:
        r = in_fresh_process("--one-pass", name)
        rows.append((name, int(r["documents"]), int(r["characters"]), r["seconds"]))
    return rows


def big_text(kind: str, megabytes: float) -> str:
    """One text of about ``megabytes`` MB: real texts one after another, or one plan's body repeated."""
    target = int(megabytes * 1e6)
    if kind == "long plan":
        lines = LONG_PLAN.read_text(encoding="utf-8").splitlines(keepends=True)
        head, body = "".join(lines[:LONG_PLAN_HEADER_LINES]), "".join(lines[LONG_PLAN_HEADER_LINES:])
        return head + body * max(1, target // len(body.encode("utf-8")))
    files = sorted((ROOT / "tests" / "corpus" / "real").glob("*.txt")) + sorted(
        (ROOT / "data" / "raw").glob("*.txt")
    )
    parts, size = [], 0
    while size < target:
        parts.append(files[len(parts) % len(files)].read_text(encoding="utf-8"))
        size += len(parts[-1].encode("utf-8")) + 2
    return "\n\n".join(parts)


def one_size(kind: str, megabytes: float) -> dict[str, float]:
    """Extract one big text in this process: its size, CPU seconds, tasks found and peak memory."""
    extract_text(LONG_PLAN.read_text(encoding="utf-8"))  # warm: vocabulary and automata
    text = big_text(kind, megabytes)
    found: list[int] = []
    seconds = cpu_seconds(lambda: found.append(len(extract_text(text).assignments)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mb": len(text.encode("utf-8")) / 1e6,
        "seconds": seconds,
        "assignments": found[0],
        "peak_mb": peak,
    }


def sweep(sizes: list[float]) -> list[tuple[str, dict[str, float]]]:
    """Each (kind, size) in a fresh process, so its peak memory is its own."""
    return [
        (kind, in_fresh_process("--one-size", kind, str(mb)))
        for kind in ("concatenated", "long plan")
        for mb in sizes
    ]


def machine() -> str:
    """Where and when: processor, cores, Python, date and the commit measured."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True
    )
    cpu = platform.processor() or platform.machine()
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; {date}; "
        f"commit {commit or '?'}{' + uncommitted changes' if dirty.stdout.strip() else ''}"
    )


def report(
    seed: dict[str, float],
    variants: list[tuple[str, int, int, float]],
    sizes: list[tuple[str, dict[str, float]]],
) -> str:
    """The results as a Markdown section."""
    docs_s = seed["documents"] / seed["seconds"]
    lines = [
        f"## extract_bench ({machine()})",
        "",
        "CPU seconds of one process (per core), each pass in a fresh process. Seed size: data/raw + "
        f"tests/fixtures/unseen, {seed['documents']:.0f} documents, {seed['megabytes']:.2f} MB (median).",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| documents/s per core at seed size | {docs_s:.1f} |",
        f"| MB/s per core | {seed['megabytes'] / seed['seconds']:.3f} |",
        f"| read+NFC floor, MB/s | {seed['megabytes'] / seed['floor']:.0f} |",
        f"| extraction ÷ floor | {seed['seconds'] / seed['floor']:.0f}× |",
        "",
        "| variant | documents | characters | seconds | documents/s |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {d} | {c} | {s:.2f} | {d / s:.1f} |" for n, d, c, s in variants]
    if sizes:
        lines += [
            "",
            "Size sweep (one text, fresh process each):",
            "",
            "| text | MB | seconds | s/MB | assignments | peak MB |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {kind} | {r['mb']:.1f} | {r['seconds']:.1f} | {r['seconds'] / r['mb']:.2f} "
            f"| {r['assignments']:.0f} | {r['peak_mb']:.0f} |"
            for kind, r in sizes
        ]
    return "\n".join([*lines, ""])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--copies", type=int, default=5, help="fresh passes over the seed texts (median)")
    parser.add_argument(
        "--sizes", default="2,5,20", help="MB of the one-text sweep (comma-separated; '' skips)"
    )
    parser.add_argument("--write", action="store_true", help="append the tables to benchmarks/RESULTS.md")
    parser.add_argument("--one-size", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)
    parser.add_argument("--one-pass", metavar="VARIANT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_pass:
        print(json.dumps(one_pass(args.one_pass)))
        return 0
    if args.one_size:
        print(json.dumps(one_size(args.one_size[0], float(args.one_size[1]))))
        return 0
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    out = report(seed_rows(args.copies), variant_rows(), sweep(sizes))
    print(out)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as fh:
            fh.write("\n" + out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
