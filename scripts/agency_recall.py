"""Agency recall of the matcher on gold corpora, independent of the addressee mechanism.

For every gold assignment of every ``*.gold.json`` in the folders given (default: tests/corpus/real and
tests/corpus/seeds), the gold agency name must be one the matcher (kg.lexicon.gazetteer.find_agency_at)
reads from the text (kg.lexicon.gazetteer.parse_agency_list at a word start):

- ``near``: at some word of the gold task or of the text before it (the heading that names the body, the
  sentence that opens the list) — the window is WINDOW characters before the task to 200 after it;
- ``text``: elsewhere in the document (an addressee block, a table);
- ``written``: the name does not occur in the text as such (a list the gold expanded: "Ủy ban nhân dân các
  tỉnh: A, B" → "Ủy ban nhân dân tỉnh A"), and the matcher reads the gold name alone, whole, as itself.

A name counts when a mention's record name equals the gold name up to case and spacing (as kg evaluate
compares). Usage: ``python scripts/agency_recall.py [--misses] [FOLDER ...]``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.lexicon.gazetteer import find_agency_at, parse_agency_list
from kg.normalize import normalize
from kg.quality.evaluate import agency_key, load_corpus
from kg.text.aligned import fold_keep_length
from kg.text.decode import read_text

WINDOW = 1500
_WORD_START = re.compile(r"(?<![\w&])\w")


@dataclass(frozen=True)
class Outcome:
    doc: str
    agency: str
    how: str  # near | text | written | missed
    task: str


@lru_cache(maxsize=1 << 16)
def _names_at(text: str, pos: int) -> frozenset[str]:
    """Record names of the agencies listed from ``pos`` (a list expands: "Ủy ban nhân dân các tỉnh: A, B")."""
    found, _ = parse_agency_list(text, pos)
    return frozenset(agency_key(m.match.name) for m in found)


def _names_in(text: str, start: int, end: int) -> set[str]:
    """Record names of every mention the matcher reads at a word start in text[start:end]."""
    return {n for m in _WORD_START.finditer(text, start, end) for n in _names_at(text, m.start())}


def _squash(text: str) -> tuple[str, list[int]]:
    """``text`` folded with whitespace runs as one space, and each output character's offset in ``text``."""
    folded = fold_keep_length(text)
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(folded):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def _task_span(squashed: str, where: list[int], task: str) -> tuple[int, int] | None:
    needle = _squash(normalize(task).text)[0].strip()
    for probe in (needle, needle[:80], needle[-80:]):
        i = squashed.find(probe) if probe else -1
        if i >= 0:
            return where[i], where[min(i + len(probe), len(where) - 1)]
    return None


def _reads_alone(name: str) -> bool:
    mention = find_agency_at(name, 0)
    return bool(
        mention
        and mention.end >= len(name.rstrip(" .;,"))
        and agency_key(mention.match.name) == agency_key(name)
    )


def outcomes(folder: Path) -> list[Outcome]:
    out: list[Outcome] = []
    for doc in load_corpus(folder):
        gold = json.loads(doc.gold.read_text(encoding="utf-8"))
        text = normalize(read_text(doc.text)).text
        squashed, where = _squash(text)
        doc_names: set[str] | None = None
        for a in gold.get("assignments", []):
            want = agency_key(a["agency"])
            span = _task_span(squashed, where, a.get("task") or "")
            how = "missed"
            if span and want in _names_in(text, max(0, span[0] - WINDOW), min(len(text), span[1] + 200)):
                how = "near"
            else:
                if doc_names is None:
                    doc_names = _names_in(text, 0, len(text))
                if want in doc_names:
                    how = "text"
                elif _squash(a["agency"])[0] not in squashed and _reads_alone(a["agency"]):
                    how = "written"
            out.append(Outcome(doc.stem, a["agency"], how, (a.get("task") or "")[:100]))
    return out


def main(argv: list[str]) -> int:
    show = "--misses" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")] or [
        Path("tests/corpus/real"),
        Path("tests/corpus/seeds"),
    ]
    results = [o for f in folders for o in outcomes(f)]
    counts = Counter(o.how for o in results)
    found = len(results) - counts["missed"]
    print(f"agency recall {found}/{len(results)} = {found / max(1, len(results)):.3f}  {dict(counts)}")
    if show:
        misses = Counter((o.doc, o.agency) for o in results if o.how == "missed")
        for (doc, agency), n in sorted(misses.items()):
            print(f"  {doc}  {agency!r}  x{n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
