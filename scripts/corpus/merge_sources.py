# ruff: noqa: E501  (HEADER is the header SOURCES.yaml carries, line for line: rewrapping it would change that file)
"""Merge the collectors' fragments (tests/corpus/real/sources/*.yaml) into tests/corpus/real/SOURCES.yaml.

Each fragment is a list of documents (stem, kind, layout, repository, commit, path, conversion, lines,
text_sha256, gold_sha256, gold_written, assignments, notes). The merged file is sorted by stem, so re-running
gives the same bytes. Usage: python scripts/corpus/merge_sources.py
"""

from __future__ import annotations

from pathlib import Path

import yaml

REAL = Path(__file__).resolve().parents[2] / "tests" / "corpus" / "real"
HEADER = """\
# The real corpus: documents copied byte for byte from public repositories (see README.md beside this file).
# For each: where it came from (repository, commit, path), how it was turned into text (conversion; lines = the
# range kept), its kind and layout, the sha256 of the text and of the gold record AS FIRST WRITTEN (before the
# extractor was run on the text), and any later correction of the gold with its reason (gold_revisions).
"""


def main() -> None:
    docs = []
    for fragment in sorted((REAL / "sources").glob("*.yaml")):
        docs += yaml.safe_load(fragment.read_text(encoding="utf-8")) or []
    docs.sort(key=lambda d: d["stem"])
    body = yaml.safe_dump({"documents": docs}, allow_unicode=True, sort_keys=False, width=110)
    (REAL / "SOURCES.yaml").write_text(HEADER + body, encoding="utf-8")


if __name__ == "__main__":
    main()
