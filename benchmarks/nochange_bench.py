"""A rebuild with nothing changed (issue 15, Deliver 2: "a no-change rebuild of 10,000 documents in seconds").

Two measures, each in a fresh process as a user runs it:
- `kg build` of N texts twice on the same output folder: the first builds, the second finds the same
  fingerprint (kg.build_fingerprint: inputs' paths and bytes, code, vocabulary, ontology) and keeps the
  current build. Wall seconds of the second run, end to end (Python start, imports, hashing every input).
- At M texts (default 10,000): the part of a kept rebuild that grows with the corpus — collecting the inputs
  and hashing them into the fingerprint — timed in a fresh process, without a 10,000-document build first
  (that build takes about ten minutes; the kept path never reads its outputs, only the COMPLETE file).
The corpus is incremental_bench's: the seeds replicated, copy i with a line naming i. Run:
  .venv/bin/python benchmarks/nochange_bench.py [--texts 200] [--hash-texts 10000] [--write]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from incremental_bench import make_corpus  # a sibling script

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).parent / "RESULTS.md"
KG = Path(sys.executable).with_name("kg")


def timed_build(folder: Path, out: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(
        [str(KG), "build", str(folder), "--out-dir", str(out)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, proc.stdout.splitlines()[0]


def hash_phase(folder: Path) -> dict[str, float]:
    """In a fresh process: imports, then collect + fingerprint of every input."""
    start = time.perf_counter()
    from kg.build_fingerprint import code_version, fingerprint
    from kg.build_inputs import collect_inputs
    from kg.text.decode import MAX_BYTES

    code_version()
    started = time.perf_counter()
    inputs = collect_inputs([folder])
    fingerprint(inputs, MAX_BYTES, None)
    return {"inputs": len(inputs), "startup": started - start, "hash": time.perf_counter() - started}


def in_fresh_process(folder: Path) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--phase", str(folder)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(proc.stdout)
    result["wall"] = time.perf_counter() - start
    return result


def report(n: int, first: float, kept: float, line: str, hashed: dict[str, float]) -> str:
    from extract_bench import machine

    mb = sum(p.stat().st_size for p in (ROOT / "data" / "raw").glob("*.txt")) / 5 / 1e6
    return "\n".join(
        [
            f"## nochange_bench ({machine()})",
            "",
            f"Texts: the seeds replicated (about {mb:.3f} MB each). Wall seconds, each run a fresh process.",
            "",
            "| run | texts | wall s |",
            "|---|---:|---:|",
            f"| `kg build` (first: extract, map, write) | {n} | {first:.2f} |",
            f"| `kg build` again, nothing changed (kept) | {n} | {kept:.2f} |",
            f"| collect + fingerprint only (startup {hashed['startup']:.2f} s, hashing "
            f"{hashed['hash']:.2f} s) | {hashed['inputs']:.0f} | {hashed['wall']:.2f} |",
            "",
            f"The kept run said: `{line}`",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--texts", type=int, default=200, help="texts built twice")
    parser.add_argument("--hash-texts", type=int, default=10_000, help="texts fingerprinted")
    parser.add_argument("--write", action="store_true", help="append the table to benchmarks/RESULTS.md")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        print(json.dumps(hash_phase(Path(args.phase))))
        return 0
    work = Path(tempfile.mkdtemp(prefix="kg-nochange-bench-"))
    try:
        make_corpus(work / "raw", args.texts)
        first, _ = timed_build(work / "raw", work / "data")
        kept, line = timed_build(work / "raw", work / "data")
        make_corpus(work / "many", args.hash_texts)
        hashed = in_fresh_process(work / "many")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(args.texts, first, kept, line, hashed)
    print(text)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
