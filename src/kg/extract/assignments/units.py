"""Units of work: one structural unit (item, bullet, table cell, ";" clause) is one task.

A ``Unit`` is a text range with the agencies that lead it and those that coordinate. An item whose
sentences name new parties or a new timeframe splits into several units (NOTES.md G5); a run of sentences
that names nothing new stays one unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.extract.assignments.cues import opens_with
from kg.extract.assignments.mentions import (
    agencies_at,
    agency_key,
    directed_leads,
    partners,
    report_recipients,
)
from kg.extract.assignments.subjects import acts_on
from kg.extract.deadlines import deadline_clause, find_deadline
from kg.lexicon.gazetteer import AgencyMention
from kg.segment.outline import Node
from kg.text.strings import collapse


@dataclass
class Unit:
    """One structural unit of work: its text range and who answers for it."""

    start: int
    end: int
    section: str | None
    leads: list[AgencyMention]
    coords: list[AgencyMention] = field(default_factory=list)
    deadline: tuple[int, int] | None = None  # a table's "Thời gian" cell, absolute offsets


def make_unit(
    s: str, a: int, b: int, base: int, section: str | None, leads: list[AgencyMention], province: str | None
) -> Unit:
    """The unit over ``s[a:b]`` (``s`` at offset ``base``), trimmed of punctuation, its partners those the
    text names besides ``leads``."""
    text = s[a:b]
    lead_keys = {agency_key(m) for m in leads}
    directed = [
        m
        for m in directed_leads(text, base + a, province) + _own_subject(text, base + a, province)
        if agency_key(m) not in lead_keys
    ]
    leads = list(leads) + directed if leads else leads
    lead_keys |= {agency_key(m) for m in directed}
    coords = [m for m in partners(text, base + a, province) if agency_key(m) not in lead_keys]
    strip_l = len(text) - len(text.lstrip(" ,;:-–"))
    strip_r = len(text) - len(text.rstrip(" ,;:.-–/"))
    return Unit(base + a + strip_l, base + b - strip_r, section, list(leads), coords)


def _own_subject(text: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies an item under an addressee opens with, before its task verb or a lead cue ("Giao Đảng ủy
    Chính phủ lãnh đạo, chỉ đạo: - Các Đảng ủy Bộ Tài chính, Bộ Nội vụ khẩn trương ..."): they lead it
    beside the addressee."""
    at = len(text) - len(text.lstrip(" -–•+*"))
    found, end = agencies_at(text, at, base, province)
    if found and (acts_on(text, end) or opens_with(text[end:].lstrip(), "lead")):
        return found
    return []


def run_units(
    s: str,
    run: list[tuple[int, int]],
    node: Node | None,
    leads: list[AgencyMention],
    inherited: list[AgencyMention],
    province: str | None,
    base: int | None = None,
    section: str | None = None,
) -> list[Unit]:
    """One unit over the sentences ``run`` of ``s`` (an item heading of ``node``, or a paragraph at
    ``base``): one structural unit is one task, its partners those of all its sentences plus ``inherited``."""
    if not run:
        return []
    if node is not None:
        base, section = node.heading_start, node.section
    unit = make_unit(s, run[0][0], run[-1][1], base or 0, section, leads, province)
    unit.coords += [m for m in inherited if agency_key(m) not in {agency_key(c) for c in unit.coords}]
    return [unit]


def splits(s: str, run: list[tuple[int, int]], a: int, b: int, province: str | None) -> bool:
    """True when sentence ``s[a:b]`` starts a new task of its structural unit: it states a timeframe, or
    names parties (partners, report recipients), other than those of the ``run`` of sentences before it
    (NOTES.md G5). A sentence naming nothing of its own stays with the run: whether the partners before
    it reach it is ambiguous, and the unit is then kept whole."""
    if not run:
        return False
    before, sent = s[run[0][0] : run[-1][1]], s[a:b]
    return _new_timeframe(before, sent) or _new_parties(before, sent, province)


def _new_timeframe(before: str, sent: str) -> bool:
    """A sentence that is only a timeframe ("Hoàn thành trong Quý I/2025.") is the run's own."""
    own = find_deadline(sent)
    if not own or deadline_clause(sent):
        return False
    had = find_deadline(before)
    return had is None or collapse(own[0]) != collapse(had[0])


def _new_parties(before: str, sent: str, province: str | None) -> bool:
    """Whether ``sent`` names parties, and not the same ones as ``before``."""
    own = _parties(sent, province)
    return bool(own) and own != _parties(before, province)


def _parties(s: str, province: str | None) -> set[str]:
    """Names of the partners and report recipients ``s`` names."""
    found = partners(s, 0, province) + report_recipients(s, 0, province)
    return {agency_key(m) for m in found}
