"""Every text as researchers also get it extracts the same facts and scores the same.

The forms (kg.text.variants): NFD letters with NBSP spaces, hard-wrapped PDF lines (80, 60 and 100 columns),
inside web-page chrome, CRLF line ends, task tables one cell per line, double-spaced exports, header columns
side by side with tabs and indented body lines.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.extract import extract_text
from kg.paths import RAW_DIR, ROOT
from kg.quality.evaluate import Scores, load_corpus, score
from kg.text.variants import VARIANTS, applies, cells, nfd

UNSEEN = Path(__file__).parents[1] / "fixtures" / "unseen"
SEED_GOLD = ROOT / "tests" / "corpus" / "seeds"  # the seeds' gold records, copied from ../shared/gold
SEEDS = sorted(RAW_DIR.glob("*.txt"))
# (text, gold record) for every seed with a gold record and every held-out text.
SCORED = [
    *((d.text, d.gold) for d in load_corpus(SEED_GOLD)),
    *((p, p.with_suffix(".gold.json")) for p in sorted(UNSEEN.glob("*.txt"))),
]
FORMS = [name for name in VARIANTS if name != "plain"]
CASES = [
    pytest.param(text, gold, form, id=f"{text.stem}-{form}")
    for text, gold in SCORED
    for form in FORMS
    if applies(form, text.read_text(encoding="utf-8"))
]


def _outcome(raw: str, gold: dict[str, Any]) -> tuple[Any, ...]:
    """What a user sees of one extraction: its scores against the gold record and the facts it states."""
    r = extract_text(raw)
    s: Scores = score(r.to_json(), gold)
    counts = [(c.tp, c.fp, c.fn) for c in (s.references, s.lineage, s.agency_roles)]
    d = r.document
    facts = (
        (d.number, d.doc_type, d.issuer, d.date, d.title, d.signer),
        sorted(x.number or x.title or "" for x in r.references),
        sorted((e.source, e.relation, e.target) for e in r.lineage),
        sorted((a.agency, a.role) for a in r.assignments),
        len(r.tasks),
    )
    return (*counts, s.meta_right, tuple(s.meta_wrong), facts)


@pytest.fixture(scope="module")
def plain() -> dict[Path, tuple[Any, ...]]:
    """The plain form's outcome for every scored text, computed once."""
    return {
        t: _outcome(t.read_text(encoding="utf-8"), json.loads(g.read_text(encoding="utf-8")))
        for t, g in SCORED
    }


def test_every_held_out_text_is_scored() -> None:
    assert sum(1 for t, _ in SCORED if t.parent == UNSEEN) >= 19, [t.name for t, _ in SCORED]


@pytest.mark.parametrize(("text", "gold", "form"), CASES)
def test_variant_extracts_and_scores_as_the_plain_text(
    text: Path, gold: Path, form: str, plain: dict[Path, tuple[Any, ...]]
) -> None:
    raw = VARIANTS[form](text.read_text(encoding="utf-8"))
    got = _outcome(raw, json.loads(gold.read_text(encoding="utf-8")))
    want = plain[text]
    assert got[:5] == want[:5], f"{form} form of {text.name}: scores (tp, fp, fn) refs, lineage, roles; meta"
    assert got[5] == want[5], f"{form} form of {text.name}: document, references, lineage, agencies, tasks"


@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda p: p.stem)
def test_spans_of_a_variant_quote_the_variant(seed: Path) -> None:
    raw = nfd(seed.read_text(encoding="utf-8"))
    record = extract_text(raw)
    for ref in record.references:
        assert ref.span is not None and raw[ref.span.start : ref.span.end] == ref.span.quote


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("STT | Nhiệm vụ | Chủ trì", "STT\nNhiệm vụ\nChủ trì"),
        ("1 | Rà soát | Sở Nội vụ\nSau bảng.", "1\nRà soát\nSở Nội vụ\nSau bảng."),
        ("Thứ tư, 01/05/2024 | 23:47", "Thứ tư, 01/05/2024 | 23:47"),  # a news dateline is no table row
    ],
)
def test_cells_form_flattens_only_table_rows(raw: str, expected: str) -> None:
    assert cells(raw) == expected
