"""Score extraction records against hand-checked gold records (conventions: tests/corpus/seeds/NOTES.md).

A gold corpus is a folder of ``<stem>.gold.json`` records, each beside its ``<stem>.txt`` or pointed to by
the folder's SOURCES.yaml (``text:``), which also gives each document's ``kind`` (tw, cp, ttg, bo, tu, ubnd,
local, news, web) and ``layout`` (plain, pdf-layout, docx-rows, markdown, html-text) so scores can be grouped.

Measures, each as true/false positives and false negatives so documents can be micro-averaged:
- references: numbered references by canonical number;
- lineage: (from, relation, to) edges; a predicted edge listed in the gold's ``acceptable_lineage`` is neither
  a true nor a false positive;
- agency_roles: distinct (agency, role) pairs, names compared after NFC, whitespace collapsing and a
  lower-cased first letter; only ``SCORED_ROLES`` count, so records may carry more roles;
- collectives: the same pairs restricted to collective groups ("Các sở, ban, ngành", "Ủy ban nhân dân các
  huyện"), taken from the gold's ``collective`` flag and the record's ``is_group``, else from the wording;
- deadlines: on gold assignments matched to a predicted one (same agency and role, overlapping task words),
  whether the deadline is the same (both null counts as right);
- metadata: each of number, doc_type, issuer, date, title, signer right or wrong (title and issuer:
  whitespace-collapsed, case-insensitive).

``kg evaluate [DIR ...]`` prints per-document, per-kind and per-layout tables and the worst misses.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kg.extract.symbols import canonical_number
from kg.text.strings import collapse, fold, nfc

META_FIELDS = ("number", "doc_type", "issuer", "date", "title", "signer")
SCORED_ROLES = ("lead", "coordinate")
# A gold and a predicted assignment are the same task when this share of the shorter task's words is shared.
TASK_OVERLAP = 0.5


@dataclass
class Counts:
    """True positives, false positives, false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another document's counts."""
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

    @property
    def support(self) -> int:
        """How many items the gold and the prediction hold between them (0: nothing to score)."""
        return self.tp + self.fp + self.fn


@dataclass
class Ratio:
    """Right out of total (metadata fields, deadlines)."""

    right: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass(frozen=True)
class Miss:
    """One item the extractor got wrong: what, where, and the words of the text around it."""

    doc: str
    measure: str
    kind: str  # missed | spurious | wrong
    item: str
    context: str = ""


@dataclass
class Scores:
    """All measures of one document (or the micro-average sum of several)."""

    references: Counts = field(default_factory=Counts)
    lineage: Counts = field(default_factory=Counts)
    agency_roles: Counts = field(default_factory=Counts)
    collectives: Counts = field(default_factory=Counts)
    deadlines: Ratio = field(default_factory=Ratio)
    fields: dict[str, Ratio] = field(default_factory=lambda: {k: Ratio() for k in META_FIELDS})
    meta_wrong: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0

    def add(self, other: Scores) -> None:
        """Accumulate another document's scores (micro-average)."""
        for name in ("references", "lineage", "agency_roles", "collectives"):
            getattr(self, name).add(getattr(other, name))
        self.deadlines.add(other.deadlines)
        for k in META_FIELDS:
            self.fields[k].add(other.fields[k])
        self.meta_wrong += other.meta_wrong
        self.misses += other.misses
        self.documents += other.documents or 1

    @property
    def meta_right(self) -> int:
        return sum(r.right for r in self.fields.values())

    @property
    def meta_total(self) -> int:
        return sum(r.total for r in self.fields.values())

    @property
    def metadata(self) -> float:
        return self.meta_right / self.meta_total if self.meta_total else 1.0


# Old and new tone placement on a closing "oa", "oe", "uy" ("hoá"/"hóa", "uỷ"/"ủy"): the same word.
_OLD_TONE = {
    f"{v}{t}": f"{tv}{w}"
    for v, w, pairs in (("o", "a", "áàảãạ"), ("o", "e", "éèẻẽẹ"), ("u", "y", "ýỳỷỹỵ"))
    for t, tv in zip(pairs, {"o": "óòỏõọ", "u": "úùủũụ"}[v], strict=True)
}
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONE) + r")(?!\w)")


def agency_key(name: str) -> str:
    """Light normalisation for comparing agency names: NFC, whitespace collapsed, case folded (capitals vary
    between texts and do not change which body is meant: "Sở Công thương", "Thành phố Hồ Chí Minh"), and the
    old tone placement written the new way ("Văn hoá" = "Văn hóa", "Tỉnh uỷ" = "Tỉnh ủy").

    >>> agency_key("Các sở,  ban, ngành") == agency_key("các Sở, ban, ngành")
    True
    >>> agency_key("Sở Văn hoá, Thể thao") == agency_key("Sở Văn hóa, Thể thao"), agency_key("Hoàng")
    (True, 'hoàng')
    """
    key = collapse(nfc(name)).casefold()
    return _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], key)


# "các"/"những" before a noun, a closing "liên quan", a bare list of kinds ("Sở, ban, ngành"), a tier ("Ủy ban
# nhân dân cấp xã"); not "mọi": folded, it is "moi" as in "môi trường".
_COLLECTIVE = re.compile(
    r"(^|\s)(cac|nhung)\s|\blien quan$|^(so|bo), (ban|nganh)|\bcap (xa|huyen|tinh|co so)\b"
)


def looks_collective(name: str) -> bool:
    """A group rather than one body, judged from the wording (for records that do not say).

    >>> looks_collective("Ủy ban nhân dân các huyện, thành phố"), looks_collective("Sở Tài chính")
    (True, False)
    """
    return bool(_COLLECTIVE.search(fold(name)))


def _is_collective(a: dict[str, Any]) -> bool:
    """The gold's ``collective`` flag; for a record, its ``is_group`` (a named body such as "Ban Quản lý các
    khu công nghiệp" says False); failing both, the wording."""
    flag = a.get("collective", a.get("is_group"))
    if isinstance(flag, bool):
        return flag
    return looks_collective(a["agency"])


def _counts(pred: set[Any], gold: set[Any], ignore: set[Any] | None = None) -> Counts:
    ignore = ignore or set()
    return Counts(len(pred & gold), len(pred - gold - ignore), len(gold - pred))


def _edge(e: dict[str, Any]) -> tuple[str, str, str]:
    def end(x: str) -> str:
        if x == "SELF":
            return x
        number = canonical_number(x)
        # an unnumbered end is a title: capitals vary ("Luật Ngân sách Nhà nước" / "nhà nước"), words must not
        return number if number != nfc(x).strip() or "/" in x else collapse(number).casefold()

    return end(e["from"]), e["relation"], end(e["to"])


def _meta_value(k: str, v: Any) -> Any:
    if v is None:
        return None
    if k in ("title", "issuer"):  # capitals vary ("Thành phố"/"thành phố"); the words must be the same
        return collapse(nfc(str(v))).casefold()
    if k == "number":
        return canonical_number(str(v))
    return collapse(nfc(str(v)))


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"\w+", fold(text or "")))


def _same_task(a: str | None, b: str | None) -> float:
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / min(len(wa), len(wb)) if wa and wb else 0.0


def _deadline(v: Any) -> str | None:
    return collapse(nfc(str(v))).casefold() if v else None


def match_assignments(
    pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Gold assignments paired one-to-one with a predicted one: same agency and role, most task overlap."""
    free = list(pred)
    pairs = []
    for g in gold:
        key = (agency_key(g["agency"]), g["role"])
        same = [p for p in free if (agency_key(p["agency"]), p["role"]) == key]
        best = max(same, key=lambda p: _same_task(p.get("task"), g.get("task")), default=None)
        if best is not None and _same_task(best.get("task"), g.get("task")) >= TASK_OVERLAP:
            pairs.append((g, best))
            free.remove(best)
    return pairs


def _role_pairs(assignments: Iterable[dict[str, Any]], collective_only: bool = False) -> set[tuple[str, str]]:
    return {
        (agency_key(a["agency"]), a["role"])
        for a in assignments
        if a["role"] in SCORED_ROLES and (not collective_only or _is_collective(a))
    }


def _score_assignments(s: Scores, pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    s.agency_roles = _counts(_role_pairs(pred), _role_pairs(gold))
    s.collectives = _counts(_role_pairs(pred, True), _role_pairs(gold, True))
    for g, p in match_assignments([a for a in pred if a["role"] in SCORED_ROLES], gold):
        s.deadlines.total += 1
        s.deadlines.right += _deadline(g.get("deadline")) == _deadline(p.get("deadline"))


def score(record: dict[str, Any], gold: dict[str, Any]) -> Scores:
    """Scores of one predicted record (``kg extract --json`` form) against one gold record."""
    s = Scores(
        references=_counts(
            {canonical_number(r["number"]) for r in record.get("references", []) if r.get("number")},
            {canonical_number(r["number"]) for r in gold.get("references", []) if r.get("number")},
        ),
        lineage=_counts(
            {_edge(e) for e in record.get("lineage", [])},
            {_edge(e) for e in gold.get("lineage", [])},
            {_edge(e) for e in gold.get("acceptable_lineage", [])},
        ),
        documents=1,
    )
    _score_assignments(s, record.get("assignments", []), gold.get("assignments", []))
    for k in META_FIELDS:
        got = _meta_value(k, record.get("document", {}).get(k))
        want = _meta_value(k, gold["document"].get(k))
        s.fields[k].total += 1
        if got == want:
            s.fields[k].right += 1
        else:
            s.meta_wrong.append(f"{k}: got {got!r}, want {want!r}")
    return s


# --- misses: what was lost, with the words of the text ------------------------------------------------------


def _context(text: str, needle: str, width: int = 90) -> str:
    """The line of ``text`` where ``needle`` first occurs (accent-insensitive), cut to ``width`` around it."""
    if not needle:
        return ""
    hay, key = fold(text), fold(needle)[:40]
    at = hay.find(key)
    if at < 0:
        return ""
    start = max(text.rfind("\n", 0, at) + 1, at - width)
    end = text.find("\n", at)
    end = min(end if end >= 0 else len(text), at + len(needle) + width)
    return collapse(text[start:end])


def find_misses(doc: str, text: str, record: dict[str, Any], gold: dict[str, Any]) -> list[Miss]:
    """Every reference, edge, (agency, role) pair and metadata field the record got wrong."""
    misses: list[Miss] = []

    def diff(measure: str, pred: set[Any], want: set[Any], show: Any, ignore: frozenset[Any] = frozenset()):
        for item in sorted(want - pred):
            misses.append(Miss(doc, measure, "missed", show(item), _context(text, _needle(item))))
        for item in sorted(pred - want - ignore):
            misses.append(Miss(doc, measure, "spurious", show(item), _context(text, _needle(item))))

    refs = {canonical_number(r["number"]) for r in record.get("references", []) if r.get("number")}
    diff(
        "references",
        refs,
        {canonical_number(r["number"]) for r in gold["references"] if r.get("number")},
        str,
    )
    acceptable = frozenset(_edge(e) for e in gold.get("acceptable_lineage", []))
    edges = {_edge(e) for e in record.get("lineage", [])}
    diff("lineage", edges, {_edge(e) for e in gold["lineage"]}, " ".join, acceptable)
    diff(
        "agency_roles", _role_pairs(record.get("assignments", [])), _role_pairs(gold["assignments"]), "/".join
    )
    for k in META_FIELDS:
        got = _meta_value(k, record.get("document", {}).get(k))
        want = _meta_value(k, gold["document"].get(k))
        if got != want:
            item = f"{k}: got {got!r}, want {want!r}"
            misses.append(Miss(doc, f"metadata.{k}", "wrong", item, _context(text, str(want or got or ""))))
    return misses


def _needle(item: Any) -> str:
    if isinstance(item, tuple) and len(item) == 3:  # an edge: look for its far end
        return str(item[2] if item[2] != "SELF" else item[0])
    if isinstance(item, tuple):
        return str(item[0])
    return str(item)


# --- corpora: gold records with their texts, kinds and layouts ----------------------------------------------


@dataclass(frozen=True)
class GoldDoc:
    """One gold record, the text it describes, and how the text came (kind, layout)."""

    stem: str
    text: Path
    gold: Path
    kind: str = "?"
    layout: str = "?"
    corpus: str = ""


def _source_entries(folder: Path) -> Iterator[dict[str, Any]]:
    """SOURCES.yaml (``documents:`` or a bare list) and any fragments under ``sources/``."""
    files = [folder / "SOURCES.yaml", *sorted((folder / "sources").glob("*.yaml"))]
    for f in files:
        if not f.is_file():
            continue
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or []
        yield from data.get("documents", []) if isinstance(data, dict) else data


def load_corpus(folder: Path) -> list[GoldDoc]:
    """The gold documents of one folder, sorted by stem; a gold record without its text is an error."""
    from kg.errors import InputError

    entries = {e["stem"]: e for e in _source_entries(folder) if isinstance(e, dict) and "stem" in e}
    docs = []
    for gold in sorted(folder.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        entry = entries.get(stem, {})
        text = (folder / entry["text"]).resolve() if "text" in entry else gold.with_name(stem + ".txt")
        if not text.is_file():
            raise InputError(str(gold), f"no source text (looked for {text})")
        kind, layout = str(entry.get("kind", "?")), str(entry.get("layout", "?"))
        docs.append(GoldDoc(stem, text, gold, kind, layout, folder.name))
    return docs


@dataclass
class Evaluation:
    """Scores of a set of gold documents: per document, per kind, per layout, and in total."""

    per_doc: dict[str, Scores]
    docs: dict[str, GoldDoc]
    total: Scores

    def grouped(self, by: str) -> dict[str, Scores]:
        """Micro-averaged scores per value of a GoldDoc attribute (``kind``, ``layout``, ``corpus``). When
        several corpora are scored, kinds and layouts are kept apart per corpus ("web (real)", "web (seeds)"):
        the seeds, tuned to, would otherwise lift the real corpus's kinds."""
        several = len({d.corpus for d in self.docs.values()}) > 1
        groups: dict[str, Scores] = {}
        for stem, s in self.per_doc.items():
            doc = self.docs[stem]
            key = str(getattr(doc, by))
            if several and by != "corpus":
                key = f"{key} ({doc.corpus})"
            groups.setdefault(key, Scores()).add(s)
        return dict(sorted(groups.items()))

    def worst_misses(self, n: int = 10) -> list[Miss]:
        """The ``n`` misses that cost most: identity fields first, then lineage, references, agencies; within
        a measure, from the documents that score worst."""
        weight = {"metadata": 0, "lineage": 1, "references": 2, "agency_roles": 3}
        rank = {stem: _doc_quality(s) for stem, s in self.per_doc.items()}
        ordered = sorted(
            self.total.misses,
            key=lambda m: (weight.get(m.measure.split(".")[0], 9), rank[m.doc], m.doc, m.item),
        )
        return _spread(ordered, n)


def _spread(misses: list[Miss], n: int) -> list[Miss]:
    """At most two misses per document and measure, so one broken text does not fill the list."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for m in misses:
        key = (m.doc, m.measure.split(".")[0])
        if seen.get(key, 0) < 2:
            seen[key] = seen.get(key, 0) + 1
            out.append(m)
        if len(out) == n:
            break
    return out


def _doc_quality(s: Scores) -> float:
    return (s.references.f1 + s.lineage.f1 + s.agency_roles.f1 + s.metadata) / 4


def evaluate(docs: Iterable[GoldDoc]) -> Evaluation:
    """Extract each document's text afresh and score it against its gold record."""
    from kg.extract import extract_file

    per_doc: dict[str, Scores] = {}
    by_stem: dict[str, GoldDoc] = {}
    total = Scores()
    for d in docs:
        record = extract_file(d.text).to_json()
        gold = json.loads(d.gold.read_text(encoding="utf-8"))
        s = score(record, gold)
        s.misses = find_misses(d.stem, d.text.read_text(encoding="utf-8", errors="replace"), record, gold)
        per_doc[d.stem], by_stem[d.stem] = s, d
        total.add(s)
    return Evaluation(per_doc, by_stem, total)


# --- the seed corpus, as the older tests call it ------------------------------------------------------------


def score_corpus(folder: Path) -> tuple[dict[str, Scores], Scores]:
    """Per-document scores and their micro-average sum for one gold folder."""
    ev = evaluate(load_corpus(folder))
    return ev.per_doc, ev.total


def format_table(per_file: dict[str, Scores], total: Scores) -> str:
    """A plain-text table of F1 per measure and metadata accuracy."""
    head = f"{'document':52} {'refs F1':>8} {'lineage F1':>10} {'roles F1':>9} {'meta':>6}"
    rows = [head, "-" * len(head)]
    for name, s in [*per_file.items(), ("TOTAL (micro-average)", total)]:
        rows.append(
            f"{name[:52]:52} {s.references.f1:8.3f} {s.lineage.f1:10.3f} "
            f"{s.agency_roles.f1:9.3f} {s.metadata:6.3f}"
        )
    return "\n".join(rows)
