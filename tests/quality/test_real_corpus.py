"""The real corpus (tests/corpus/real): real documents copied byte for byte, gold written before the extractor
ran on them, and the extractor's scores on it held at what docs/quality.md records.

Integrity first: every text is accounted for in SOURCES.yaml with its hash; every gold record is the one whose
hash was recorded when it was written (a later fix must say why, in ``gold_revisions``); coverage of kinds and
layouts as issue 9 asks; gold well formed (tasks and deadlines verbatim in the text, lineage ends listed).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from kg.models import Record
from kg.normalize import normalize
from kg.quality.evaluate import Evaluation, Scores, evaluate, load_corpus
from kg.text.strings import collapse, nfc

REAL = Path(__file__).parents[1] / "corpus" / "real"
RESERVED = ("thetrungdtt/vnmasterplan", "trangsct/skill-sct")
KINDS = ("tw", "cp", "ttg", "bo", "tu", "ubnd", "local", "news", "web")
LAYOUTS = ("plain", "pdf-layout", "docx-rows", "markdown")


def _entries() -> dict[str, dict[str, Any]]:
    data = yaml.safe_load((REAL / "SOURCES.yaml").read_text(encoding="utf-8"))
    return {e["stem"]: e for e in data["documents"]}


ENTRIES = _entries()
STEMS = sorted(ENTRIES)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_text_and_gold_is_listed_once() -> None:
    texts = {p.stem for p in REAL.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in REAL.glob("*.gold.json")}
    assert texts == set(ENTRIES) == golds


@pytest.mark.parametrize("stem", STEMS)
def test_text_is_the_recorded_bytes_from_an_allowed_source(stem: str) -> None:
    e = ENTRIES[stem]
    assert _sha(REAL / f"{stem}.txt") == e["text_sha256"]
    assert e["repository"].lower() not in RESERVED
    assert re.fullmatch(r"[0-9a-f]{40}", e["commit"]) and e["path"] and e["conversion"]


@pytest.mark.parametrize("stem", STEMS)
def test_gold_is_as_written_before_the_first_run_or_its_change_is_explained(stem: str) -> None:
    e = ENTRIES[stem]
    revisions = e.get("gold_revisions", [])
    allowed = {e["gold_sha256"], *(r["sha256"] for r in revisions)}
    assert all(r.get("reason") for r in revisions)
    assert _sha(REAL / f"{stem}.gold.json") in allowed


def test_coverage_of_kinds_layouts_and_assignments() -> None:
    kinds = Counter(e["kind"] for e in ENTRIES.values())
    layouts = Counter(e["layout"] for e in ENTRIES.values())
    assignments = sum(len(_gold(s)["assignments"]) for s in STEMS)
    assert len(ENTRIES) >= 40 and assignments >= 600, (len(ENTRIES), assignments)
    assert all(kinds[k] >= 3 for k in KINDS if k != "tu"), kinds  # "tu": see NOTES.md, kinds not found
    assert all(layouts[k] >= 5 for k in LAYOUTS), layouts


def _gold(stem: str) -> dict[str, Any]:
    return json.loads((REAL / f"{stem}.gold.json").read_text(encoding="utf-8"))


def _flat(text: str) -> tuple[str, str]:
    """The text as a reader quotes it, two ways: normalized (markup dropped, wraps joined), and the raw text
    with Markdown emphasis and cell bars dropped; whitespace collapsed in both."""
    raw = re.sub(r"\*+|\|", " ", nfc(text))
    return collapse(normalize(text).text.replace("|", " ")), collapse(raw)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_is_well_formed_and_quotes_the_text(stem: str) -> None:
    gold = _gold(stem)
    texts = _flat((REAL / f"{stem}.txt").read_text(encoding="utf-8"))
    ends = {"SELF"} | {r["number"] or r["title"] for r in gold["references"]}
    assert all(e["from"] in ends and e["to"] in ends for e in gold["lineage"])
    assert "\u00d0" not in json.dumps(gold, ensure_ascii=False)
    for a in gold["assignments"]:
        assert a["role"] in ("lead", "coordinate") and a["agency"] and isinstance(a["collective"], bool)
        for quoted in (a["task"], a["deadline"]):
            want = collapse(re.sub(r"\*+|\|", " ", nfc(quoted))) if quoted else None
            assert want is None or any(want in t for t in texts), quoted[:80]


@pytest.fixture(scope="module")
def real_eval() -> Evaluation:
    return evaluate(load_corpus(REAL))


@pytest.fixture(scope="module")
def real_scores(real_eval: Evaluation) -> tuple[dict[str, Scores], Scores]:
    return real_eval.per_doc, real_eval.total


# Floors: what docs/quality.md records for the real corpus, so a change that loses ground fails here. Raise
# them with docs/quality.md whenever extraction improves (issue 9 and 10 targets in the comments).
FLOORS = {
    "references": 0.99,  # target 0.97
    "lineage": 0.99,  # target 0.92
    "agency_roles": 0.918,  # target 0.92 (issue 10: 0.852 -> 0.899 -> 0.921)
    "collectives": 0.848,  # target 0.85 (issue 10: 0.781 -> 0.824 -> 0.851)
}
META_FLOOR = 0.98  # target 0.95 for each field
DEADLINE_FLOOR = 0.92  # target 0.90 on matched assignments (issue 10: 0.909 -> 0.918 -> 0.925)
KIND_ROLES_FLOOR = 0.86  # the worst kind's (agency, role) F1; target 0.80 (issue 10: tw 0.852 -> 0.864)


@pytest.mark.parametrize("stem", STEMS)
def test_gold_reads_as_a_record(stem: str) -> None:
    # SCHEMA.md: gold records have the form of `kg extract --json`, so `kg build` and `kg validate` take them
    data = json.loads((REAL / f"{stem}.gold.json").read_text(encoding="utf-8"))
    record = Record.from_json(data)
    assert len(record.assignments) == len(data["assignments"])
    assert [a.is_group for a in record.assignments] == [a["collective"] for a in data["assignments"]]


def test_real_corpus_scores_hold(real_scores: tuple[dict[str, Scores], Scores]) -> None:
    _, total = real_scores
    got = {name: getattr(total, name).f1 for name in FLOORS}
    assert all(got[k] >= FLOORS[k] for k in FLOORS), got
    fields = {k: r.value for k, r in total.fields.items()}
    assert all(v >= META_FLOOR for v in fields.values()), fields
    assert total.deadlines.value >= DEADLINE_FLOOR, total.deadlines


def test_every_kind_holds_its_agency_roles(real_eval: Evaluation) -> None:
    # issue 10: the worst kind of document, not only the corpus total, keeps its (agency, role) F1
    by_kind = {kind: s.agency_roles.f1 for kind, s in real_eval.grouped("kind").items()}
    assert min(by_kind.values()) >= KIND_ROLES_FLOOR, by_kind
