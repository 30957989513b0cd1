"""A unit's deadline: its table's "Thời gian" cell, a last ";" clause that is only a timeframe, or the first
timeframe its text states (the phrases themselves are kg.extract.deadlines' job)."""

from __future__ import annotations

from kg.extract.assignments.units import Unit
from kg.extract.deadlines import deadline_clause, find_deadline
from kg.normalize import Text
from kg.text.strings import collapse


def unit_deadline(text: Text, unit: Unit) -> tuple[str | None, tuple[int, int] | None]:
    """The deadline phrase of ``unit`` and its offsets in the normalized text, or (None, None)."""
    if unit.deadline:
        a, b = unit.deadline
        return collapse(text.text[a:b]), unit.deadline
    found = _trailing_deadline(text.text[unit.start : unit.end]) or find_deadline(
        text.text[unit.start : unit.end]
    )
    if not found:
        return None, None
    phrase, a, b = found
    return collapse(phrase), (unit.start + a, unit.start + b)


def _trailing_deadline(s: str) -> tuple[str, int, int] | None:
    """A last ";" clause holding only a timeframe ("...; giai đoạn 2025-2030") governs the whole unit."""
    cut = s.rfind(";")
    found = deadline_clause(s[cut + 1 :]) if cut >= 0 else None
    return (found[0], cut + 1 + found[1], cut + 1 + found[2]) if found else None
