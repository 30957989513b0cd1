"""Incremental build: reading N texts cold (every text extracted, records kept in the record cache) against
warm (nothing changed: every record from the cache) and with one text changed (issue 15, Deliver 2).

The corpus: the seed texts of data/raw replicated to N files, copy i of a seed with one line appended that
names i (a small deterministic edit: every file has its own bytes, so its own sha256 and cache entry). Each
phase runs in a fresh process, as `kg build` does (its wall time includes starting Python, the imports and
hashing the extractor's sources for its version), through the code `kg build` runs for its inputs
(kg.build_inputs.read_inputs with the record cache of an output folder). Mapping, serialization and the store
(the rest of a build) do not depend on the cache and are measured by graph_bench. Run:
  .venv/bin/python benchmarks/incremental_bench.py [--texts 1000] [--jobs 2] [--write]
(--write appends the table to benchmarks/RESULTS.md with machine, date and commit).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"


def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct texts: the seeds in turn, copy i with a last line naming i."""
    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    texts = [s.read_text(encoding="utf-8") for s in seeds]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}_{seeds[i % len(seeds)].name}"
        path.write_text(f"{texts[i % len(seeds)].rstrip()}\n\nBản sao số {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def phase(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """One read of the corpus as a build does it, in this (fresh) process."""
    start = time.perf_counter()
    from kg.build_inputs import collect_inputs, read_inputs, record_cache
    from kg.extract.version import extractor_version

    extractor_version()
    started = time.perf_counter()
    inputs = read_inputs(collect_inputs([folder]), jobs, cache=record_cache(out))
    done = time.perf_counter()
    return {
        "records": len(inputs.records),
        "extracted": inputs.extracted,
        "cached": inputs.cached,
        "startup": started - start,
        "read": done - started,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def in_fresh_process(folder: Path, out: Path, jobs: int) -> dict[str, float]:
    """``phase`` in a new interpreter; its wall time from the parent, so Python's start counts too."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--phase", str(folder), str(out), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(proc.stdout)
    result["wall"] = time.perf_counter() - start
    return result


def run(n: int, jobs: int, work: Path) -> list[tuple[str, dict[str, float]]]:
    folder, out = work / "raw", work / "data"
    paths = make_corpus(folder, n)
    rows = [("cold (empty cache)", in_fresh_process(folder, out, jobs))]
    rows.append(("warm (no change)", in_fresh_process(folder, out, jobs)))
    changed = paths[n // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "Sửa đổi.\n", encoding="utf-8")
    rows.append(("one text changed", in_fresh_process(folder, out, jobs)))
    return rows


def report(n: int, jobs: int, rows: list[tuple[str, dict[str, float]]]) -> str:
    sys.path.insert(0, str(Path(__file__).parent))
    from extract_bench import machine  # a sibling script; imported here, not in the timed phases

    size = sum(p.stat().st_size for p in (ROOT / "data" / "raw").glob("*.txt")) / 5 / 1e6
    lines = [
        f"## incremental_bench ({machine()})",
        "",
        f"{n} texts (the seeds replicated, one line apart; about {size:.3f} MB each), read as `kg build` "
        f"reads its inputs, --jobs {jobs}, each phase in a fresh process (wall seconds; startup = Python, "
        "imports and the extractor's version).",
        "",
        "| phase | extracted | from cache | startup s | read s | process wall s | peak MB (parent) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {name} | {r['extracted']:.0f} | {r['cached']:.0f} | {r['startup']:.2f} | {r['read']:.2f} "
        f"| {r['wall']:.2f} | {r['peak_mb']:.0f} |"
        for name, r in rows
    ]
    cold, warm = rows[0][1], rows[1][1]
    lines += [
        "",
        f"Warm ÷ cold (read): {warm['read'] / cold['read']:.4f} ({cold['read'] / warm['read']:.0f}× faster).",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=int, default=1000, help="texts in the corpus")
    parser.add_argument("--jobs", type=int, default=2, help="extraction processes (kg build --jobs)")
    parser.add_argument("--write", action="store_true", help="append the table to benchmarks/RESULTS.md")
    parser.add_argument("--phase", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        folder, out, jobs = args.phase
        print(json.dumps(phase(Path(folder), Path(out), int(jobs))))
        return 0
    work = Path(tempfile.mkdtemp(prefix="kg-incremental-bench-"))
    try:
        rows = run(args.texts, args.jobs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(args.texts, args.jobs, rows)
    print(text)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
