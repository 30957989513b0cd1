"""The 2025 reorganisation (data/vocab/changes.yaml): which body or province took over from which, when, and
on what legal basis.

``path(agency_id, province, level)`` follows a body through every change, one ``Step`` per date: a body of
Nam Định's Sở Thông tin và Truyền thông becomes Sở Khoa học và Công nghệ of Nam Định (1/3/2025, the
departments merged), then of Ninh Bình (1/7/2025, the provinces merged). Names stay as the texts wrote them
(NOTES.md G6); this only says who holds the work now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from kg.errors import VocabularyError
from kg.lexicon import vocab
from kg.paths import VOCAB_DIR
from kg.text.strings import collapse, fold

KINDS = ("merger", "split", "rename", "transfer-of-functions", "abolition")
SCOPES = ("province", "central", "provincial", "district")
# A transfer of functions records who received part of a body's work; the body's successor is elsewhere.
SUCCESSION_KINDS = frozenset(KINDS) - {"transfer-of-functions"}


@dataclass(frozen=True)
class Basis:
    """A legal text a change rests on."""

    key: str
    number: str | None
    type: str
    issuer: str | None
    date: str
    title: str
    source: str

    @property
    def verified(self) -> bool:
        """False when the data says the number or date could not be checked against a source."""
        return "unverified" not in self.source

    def citation(self) -> str:
        """One line: "Nghị quyết 202/2025/QH15 của Quốc hội, 12/6/2025".

        >>> basis("nq-202-2025-qh15").citation()
        'Nghị quyết 202/2025/QH15 của Quốc hội, 12/6/2025'
        """
        year, month, day = (int(x) for x in self.date.split("-"))
        head = f"{self.type} {self.number}" if self.number else f"{self.type} ({self.title})"
        issuer = f" của {self.issuer}" if self.issuer else ""
        return f"{head}{issuer}, {day}/{month}/{year}"


@dataclass(frozen=True)
class Change:
    """One change of data/vocab/changes.yaml."""

    id: str
    scope: str
    kind: str
    date: str
    bases: tuple[Basis, ...]
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    successor_name: str | None
    note: str | None

    @property
    def succession(self) -> bool:
        """Whether the change makes its successors the successors of its predecessors."""
        return self.kind in SUCCESSION_KINDS


@dataclass(frozen=True)
class Step:
    """A body after the changes of one date: its gazetteer id and province, and the changes that moved it."""

    date: str
    agency: str
    province: str | None
    changes: tuple[Change, ...]
    name: str | None = None  # the successor's name when the change gives one


def place_key(name: str) -> str:
    """A province name without case, diacritics or dashes ("Bà Rịa – Vũng Tàu" = "Ba Ria - Vung Tau").

    >>> place_key("Bà Rịa – Vũng Tàu") == place_key("Ba Ria-Vung Tau")
    True
    """
    return collapse(re.sub(r"[-–—]", " ", fold(name)))


@cache
def _data() -> dict[str, Any]:
    vocab.load("changes")  # validates the entries
    path = VOCAB_DIR / "changes.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data.get("bases"), dict):
        raise VocabularyError(f"{path}: expected a 'bases' mapping of the legal texts")
    return dict(data)


@cache
def bases() -> dict[str, Basis]:
    """The legal texts by key."""
    return {
        key: Basis(
            key=key,
            number=raw.get("number"),
            type=raw["type"],
            issuer=raw.get("issuer"),
            date=str(raw["date"]),
            title=" ".join(str(raw["title"]).split()),
            source=" ".join(str(raw.get("source") or "").split()),
        )
        for key, raw in _data()["bases"].items()
    }


def basis(key: str) -> Basis:
    """One legal text by key; VocabularyError when the data does not list it."""
    if key not in bases():
        raise VocabularyError(f"{VOCAB_DIR / 'changes.yaml'}: unknown basis {key!r}")
    return bases()[key]


@cache
def changes() -> tuple[Change, ...]:
    """Every change, in the file's order."""
    return tuple(_change(raw) for raw in vocab.load("changes"))


def _change(raw: dict[str, Any]) -> Change:
    where = f"{VOCAB_DIR / 'changes.yaml'}: change {raw.get('id')!r}"
    if raw.get("kind") not in KINDS or raw.get("scope") not in SCOPES:
        raise VocabularyError(f"{where}: kind must be one of {KINDS}, scope one of {SCOPES}")
    return Change(
        id=raw["id"],
        scope=raw["scope"],
        kind=raw["kind"],
        date=str(raw["date"]),
        bases=tuple(basis(k) for k in raw["basis"]),
        predecessors=tuple(str(p) for p in raw["predecessors"]),
        successors=tuple(str(s) for s in raw["successors"]),
        successor_name=raw.get("successor_name"),
        note=" ".join(str(raw["note"]).split()) if raw.get("note") else None,
    )


def provinces_unchanged() -> tuple[str, ...]:
    """The provinces the 2025 merger left as they were."""
    return tuple(_data().get("provinces_unchanged") or ())


def provinces_today() -> tuple[str, ...]:
    """The 34 provinces and cities after 1/7/2025, in the file's order (merged ones first)."""
    return provinces_on(None)


def provinces_on(as_of: str | None) -> tuple[str, ...]:
    """The provinces and cities as they stood on ``as_of`` (ISO date; None: today), in the file's order: a
    merger not yet made lists the provinces it was to merge, one made lists the province they formed.

    >>> len(provinces_on("2025-06-30")), len(provinces_on("2025-07-01")), provinces_on(None)[:2]
    (63, 34, ('Tuyên Quang', 'Lào Cai'))
    >>> provinces_on("2025-06-30")[:3]
    ('Tuyên Quang', 'Hà Giang', 'Lào Cai')
    """
    names: list[str] = []
    for change in changes():
        if change.scope == "province":
            made = as_of is None or change.date <= as_of
            names += change.successors if made else change.predecessors
    return tuple(dict.fromkeys([*names, *provinces_unchanged()]))


@cache
def successor_ids() -> dict[str, str]:
    """Gazetteer id → the id of the body that took it over (agencies.yaml's ``merged_into``)."""
    out: dict[str, str] = {}
    for change in changes():
        if change.scope != "province" and change.succession and len(change.successors) == 1:
            for old in change.predecessors:
                if old != change.successors[0]:
                    out[old] = change.successors[0]
    return out


@cache
def _province_moves() -> dict[str, tuple[str, Change]]:
    """Province key → (the province it went into, the change), for provinces that went into another."""
    return {
        place_key(old): (change.successors[0], change)
        for change in changes()
        if change.scope == "province"
        for old in change.predecessors
        if place_key(old) != place_key(change.successors[0])
    }


@cache
def _agency_moves() -> dict[str, tuple[Change, ...]]:
    """Gazetteer id → the succession changes that list it as a predecessor with another successor."""
    moves: dict[str, list[Change]] = {}
    for change in changes():
        if change.scope == "province" or not change.succession:
            continue
        for old in change.predecessors:
            if old not in change.successors:
                moves.setdefault(old, []).append(change)
    return {k: tuple(v) for k, v in moves.items()}


def _applies(change: Change, province: str | None) -> bool:
    """Central changes move central bodies; the others a province's own bodies."""
    return (change.scope == "central") == (province is None)


def province_now(province: str, as_of: str | None = None) -> tuple[str, Change | None]:
    """The province ``province`` is part of on ``as_of`` (ISO date; None: today), and the change.

    >>> province_now("Nam Định")[0], province_now("Nam Định", "2025-06-30")[0]
    ('Ninh Bình', 'Nam Định')
    """
    move = _province_moves().get(place_key(province))
    if move and (as_of is None or move[1].date <= as_of):
        return move
    return province, None


def path(agency: str, province: str | None, as_of: str | None = None) -> tuple[Step, ...]:
    """The steps that take the body ``agency`` (gazetteer id) of ``province`` (None: central) to the body
    holding its work on ``as_of`` (ISO date; None: every change known). Empty when nothing changed.

    >>> [(s.date, s.province) for s in path("so-thong-tin-va-truyen-thong", "Nam Định")]
    [('2025-03-01', 'Nam Định'), ('2025-07-01', 'Ninh Bình')]
    """
    steps: list[Step] = []
    since = ""
    while step := _next_step(agency, province, since, as_of):
        steps.append(step)
        agency, province, since = step.agency, step.province, step.date
    return tuple(steps)


def _next_step(agency: str, province: str | None, since: str, as_of: str | None) -> Step | None:
    """The changes of the first date after ``since`` (and not after ``as_of``) that move the body."""
    found = [c for c in _agency_moves().get(agency, ()) if _applies(c, province)]
    move = _province_moves().get(place_key(province)) if province else None
    if move:
        found.append(move[1])
    found = [c for c in found if c.date > since and (as_of is None or c.date <= as_of)]
    if not found:
        return None
    date = min(c.date for c in found)
    now = [c for c in found if c.date == date]
    body = next((c for c in now if c.scope != "province"), None)
    new_province = move[0] if move and move[1] in now else province
    return Step(
        date=date,
        agency=body.successors[0] if body else agency,
        province=new_province,
        changes=tuple(sorted(now, key=lambda c: (c.scope == "province", c.id))),
        name=body.successor_name if body else None,
    )
