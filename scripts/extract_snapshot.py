"""Snapshot ``kg extract --json`` of every seed and real-corpus text, or diff against a snapshot.

Guards refactors that must not change extraction output (issue 15, Deliver 3): take a snapshot before, then
compare after each step. Each record is written as ``kg extract --out`` writes it (DIR/<corpus>__<stem>.json).
  .venv/bin/python scripts/extract_snapshot.py write /tmp/speed-before
  .venv/bin/python scripts/extract_snapshot.py diff /tmp/speed-before   # exit 1 and the names when any differ
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "data" / "raw", ROOT / "tests" / "corpus" / "real", ROOT / "tests" / "fixtures" / "unseen"]


def texts() -> list[Path]:
    """Every text of the seed, real and held-out corpora, in a fixed order."""
    return [p for d in CORPORA for p in sorted(d.glob("*.txt"))]


def rendered(path: Path) -> str:
    """The record of ``path`` as ``kg extract --out`` writes it (path relative to the checkout)."""
    record = extract_file(path.relative_to(ROOT))
    return json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("mode", choices=["write", "diff"])
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    args.directory.mkdir(parents=True, exist_ok=True)
    changed = []
    for path in texts():
        target = args.directory / f"{path.parent.name}__{path.stem}.json"
        now = rendered(path)
        if args.mode == "write":
            target.write_text(now, encoding="utf-8")
        elif not target.exists() or target.read_text(encoding="utf-8") != now:
            changed.append(target.name)
    print(f"{len(texts())} texts, {len(changed)} changed" + "".join(f"\n  {c}" for c in changed))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
