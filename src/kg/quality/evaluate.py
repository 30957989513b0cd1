"""Score extraction records against hand-checked gold records (../shared/gold, conventions in its NOTES.md).

Measures, each as true/false positives and false negatives so files can be micro-averaged:
- references: numbered references by canonical number;
- lineage: (from, relation, to) edges; a predicted edge listed in the gold's ``acceptable_lineage`` is neither
  a true nor a false positive;
- agency_roles: distinct (agency, role) pairs, agency names compared after NFC, whitespace collapsing and a
  lower-cased first letter; only the roles the gold records annotate (``SCORED_ROLES``: lead, coordinate)
  count, so records may carry more (standing_body, reports_to) without being marked wrong;
- metadata: number, doc_type, issuer, date, title, signer right (title: whitespace-collapsed,
  case-insensitive).

Run ``python -m kg.quality.evaluate data/raw ../shared/gold`` for a per-file table.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.extract.symbols import canonical_number
from kg.text.strings import collapse, nfc

META_FIELDS = ("number", "doc_type", "issuer", "date", "title", "signer")
SCORED_ROLES = ("lead", "coordinate")


@dataclass
class Counts:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another file's counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """All measures of one file (or the sum of several)."""

    references: Counts = field(default_factory=Counts)
    lineage: Counts = field(default_factory=Counts)
    agency_roles: Counts = field(default_factory=Counts)
    meta_right: int = 0
    meta_total: int = 0
    meta_wrong: list[str] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        """Accumulate another file's scores (micro-average)."""
        self.references.add(other.references)
        self.lineage.add(other.lineage)
        self.agency_roles.add(other.agency_roles)
        self.meta_right += other.meta_right
        self.meta_total += other.meta_total
        self.meta_wrong += other.meta_wrong

    @property
    def metadata(self) -> float:
        return self.meta_right / self.meta_total if self.meta_total else 1.0


def _counts(pred: set[Any], gold: set[Any], ignore: set[Any] | None = None) -> Counts:
    ignore = ignore or set()
    tp = len(pred & gold)
    fp = len(pred - gold - ignore)
    return Counts(tp, fp, len(gold - pred))


def agency_key(name: str) -> str:
    """Light normalisation for comparing agency names.

    >>> agency_key("Các sở,  ban, ngành") == agency_key("các sở, ban, ngành")
    True
    """
    s = collapse(nfc(name))
    return s[:1].lower() + s[1:]


def _edge(e: dict[str, Any]) -> tuple[str, str, str]:
    def end(x: str) -> str:
        return x if x == "SELF" else canonical_number(x)

    return end(e["from"]), e["relation"], end(e["to"])


def _meta_value(k: str, v: Any) -> Any:
    if v is None:
        return None
    if k == "title":
        return collapse(nfc(str(v))).casefold()
    if k == "number":
        return canonical_number(str(v))
    return collapse(nfc(str(v)))


def score(record: dict[str, Any], gold: dict[str, Any]) -> Scores:
    """Scores of one predicted record (``kg extract --json`` form) against one gold record."""
    refs = _counts(
        {canonical_number(r["number"]) for r in record.get("references", []) if r.get("number")},
        {canonical_number(r["number"]) for r in gold.get("references", []) if r.get("number")},
    )
    lineage = _counts(
        {_edge(e) for e in record.get("lineage", [])},
        {_edge(e) for e in gold.get("lineage", [])},
        {_edge(e) for e in gold.get("acceptable_lineage", [])},
    )
    roles = _counts(
        {
            (agency_key(a["agency"]), a["role"])
            for a in record.get("assignments", [])
            if a["role"] in SCORED_ROLES
        },
        {(agency_key(a["agency"]), a["role"]) for a in gold.get("assignments", [])},
    )
    s = Scores(references=refs, lineage=lineage, agency_roles=roles)
    for k in META_FIELDS:
        got = _meta_value(k, record.get("document", {}).get(k))
        want = _meta_value(k, gold["document"].get(k))
        s.meta_total += 1
        if got == want:
            s.meta_right += 1
        else:
            s.meta_wrong.append(f"{k}: got {got!r}, want {want!r}")
    return s


def gold_pairs(raw_dir: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """(source text, gold record) pairs, via data/raw/SOURCES.yaml ``original`` stems."""
    sources = yaml.safe_load((raw_dir / "SOURCES.yaml").read_text(encoding="utf-8"))["sources"]
    pairs = []
    for s in sources:
        gold = gold_dir / (Path(s["original"]).stem + ".json")
        if gold.exists():
            pairs.append((raw_dir / s["file"], gold))
    return pairs


def score_corpus(raw_dir: Path, gold_dir: Path) -> tuple[dict[str, Scores], Scores]:
    """Per-file scores and their micro-average sum, extracting each source text afresh."""
    from kg.extract import extract_file

    per_file: dict[str, Scores] = {}
    total = Scores()
    for src, gold in gold_pairs(raw_dir, gold_dir):
        record = extract_file(src).to_json()
        s = score(record, json.loads(gold.read_text(encoding="utf-8")))
        per_file[src.name] = s
        total.add(s)
    return per_file, total


def format_table(per_file: dict[str, Scores], total: Scores) -> str:
    """A plain-text table of F1 per measure and metadata accuracy."""
    head = f"{'file':52} {'refs F1':>8} {'lineage F1':>10} {'roles F1':>9} {'meta':>6}"
    rows = [head, "-" * len(head)]
    for name, s in [*per_file.items(), ("TOTAL (micro-average)", total)]:
        rows.append(
            f"{name[:52]:52} {s.references.f1:8.3f} {s.lineage.f1:10.3f} "
            f"{s.agency_roles.f1:9.3f} {s.metadata:6.3f}"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    """``python -m kg.quality.evaluate RAW_DIR GOLD_DIR``: print the table; exit 0."""
    if len(argv) != 2:
        sys.stderr.write("usage: python -m kg.quality.evaluate RAW_DIR GOLD_DIR\n")
        return 2
    per_file, total = score_corpus(Path(argv[0]), Path(argv[1]))
    sys.stdout.write(format_table(per_file, total) + "\n")
    for name, s in per_file.items():
        for w in s.meta_wrong:
            sys.stdout.write(f"  {name}: {w}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
