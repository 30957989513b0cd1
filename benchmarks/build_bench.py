"""Build benchmark (issue 15): `kg build` of N documents of seed size — end to end, and stage by stage.

The corpus: the seed texts of data/raw, copied round-robin up to N texts, each copy made a document of its
own — its number given a copy suffix everywhere the text prints it ("4655/KH-UBND" → "4655007/KH-UBND"), or,
unnumbered, its title line a copy mark — so the build sees N distinct documents of the seed's size and form.

Two measures, one run:
- end to end: `kg build DIR` in a child process (the command a user runs, extraction on every core included):
  wall time and the child's peak RSS;
- stages, in this process on the same texts: extraction (``read_inputs``), corpus resolution, then the
  streaming writer's steps as ``kg.build.write_outputs`` reports them; time and this process's peak RSS
  after each (peak RSS only grows: a stage's own need shows as the step up).
Run:  .venv/bin/python benchmarks/build_bench.py --docs 1000 [--write]   (--write appends to RESULTS.md)
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"
KG = Path(sys.executable).with_name("kg")


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def make_corpus(folder: Path, docs: int) -> int:
    """``docs`` copies of the seed texts in ``folder``; returns their total size in bytes."""
    from kg.extract import extract_file

    seeds = sorted((ROOT / "data" / "raw").glob("*.txt"))
    records = {p: extract_file(p) for p in seeds}
    total = 0
    for k in range(docs):
        seed = seeds[k % len(seeds)]
        text = _copy(seed.read_text(encoding="utf-8"), records[seed].document, k)
        path = folder / f"{k:05d}-{seed.name}"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def _copy(text: str, document: object, k: int) -> str:
    number = getattr(document, "number", None)
    if number:
        digits, _, rest = number.partition("/")
        return text.replace(number, f"{digits}{k:03d}/{rest}")
    title = (getattr(document, "title", None) or "").strip()[:40]
    return text.replace(title, f"(bản {k}) {title}", 1) if title and title in text else text + f"\nbản {k}\n"


def end_to_end(corpus: Path, out: Path) -> tuple[float, float, str]:
    """`kg build` in a child process: seconds, the child's peak MB, its summary line."""
    start = time.perf_counter()
    run = subprocess.run(
        [str(KG), "build", str(corpus), "--out-dir", str(out), "--store", str(out / "store")],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"kg build failed: {run.stderr}")
    return seconds, peak_mb(resource.RUSAGE_CHILDREN), run.stdout.splitlines()[0]


def stages(corpus: Path, out: Path) -> list[tuple[str, float, float]]:
    """(stage, seconds, peak MB so far) of one build of ``corpus`` into ``out``, in this process."""
    from kg.build import write_outputs
    from kg.build_inputs import collect_inputs, read_inputs
    from kg.resolve import resolve_corpus

    rows: list[tuple[str, float, float]] = []
    last = time.perf_counter()

    def mark(stage: str) -> None:
        nonlocal last
        now = time.perf_counter()
        rows.append((stage, now - last, peak_mb()))
        last = now

    records = read_inputs(collect_inputs([corpus])).records
    mark("extract (read_inputs, every core)")
    corpus_ids = resolve_corpus(records)
    mark("resolve corpus")
    write_outputs(records, corpus_ids, out, None, mark=mark)
    return rows


def machine(commit: str) -> str:
    cpu = platform.processor() or platform.machine()
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; {date}; commit {commit}"


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True).stdout.strip()

    dirty = git("status", "--porcelain", "src")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--no-stages", action="store_true", help="end to end only")
    ap.add_argument("--write", action="store_true", help="append the table to benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="build-bench-") as tmp:
        corpus = Path(tmp) / "texts"
        corpus.mkdir()
        size = make_corpus(corpus, args.docs)
        seconds, child_mb, summary = end_to_end(corpus, Path(tmp) / "e2e")
        rows = [] if args.no_stages else stages(corpus, Path(tmp) / "stages")
    lines = [
        f"## build_bench: {args.docs} documents of seed size ({size / 1e6:.1f} MB of text)",
        "",
        machine(commit()),
        "",
        f"End to end (`kg build`, child process): {seconds:.1f} s, peak {child_mb:.0f} MB — {summary}",
    ]
    if rows:
        lines += ["", "| stage (in process) | seconds | peak MB so far |", "|---|---:|---:|"]
        lines += [f"| {name} | {s:.2f} | {mb:.0f} |" for name, s, mb in rows]
        lines += [f"| total | {sum(s for _, s, _ in rows):.2f} | {max(mb for *_, mb in rows):.0f} |"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        with open(RESULTS, "a", encoding="utf-8") as f:
            f.write("\n" + text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
