"""Reading a paragraph sentence by sentence: each sentence's addressee, carried over to the sentences after
it when ``carry`` is set, and one unit per ";" clause.

A closing formula or a background sentence ends the carry-over; a trailing "; hoàn thành ..." clause is the
timeframe of the clause before it, not a task of its own.
"""

from __future__ import annotations

from kg.extract.assignments.cues import is_closing, is_exhortation, opens_with, to_office_holders
from kg.extract.assignments.split import clauses, sentences
from kg.extract.assignments.subjects import clause_subject, is_background, subject_of
from kg.extract.assignments.units import Unit, make_unit
from kg.extract.deadlines import deadline_clause, find_deadline
from kg.lexicon.gazetteer import AgencyMention


def sentence_units(
    s: str, base: int, section: str | None, province: str | None, carry: bool, acts: bool = False
) -> list[Unit]:
    """Units of a paragraph read sentence by sentence (no addressee from a heading)."""
    return read_sentences(s, base, section, province, carry, None, acts)[0]


def exhorts(sent: str, subject: list[AgencyMention]) -> bool:
    """Whether ``sent``, whose addressees are ``subject``, is the document's exhortation over a whole list
    of duties ("Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương ... các nhiệm vụ sau đây:")."""
    return is_exhortation(sent, all(m.match.is_group for m in subject))


def read_sentences(
    s: str,
    base: int,
    section: str | None,
    province: str | None,
    carry: bool,
    subject: list[AgencyMention] | None,
    acts: bool = False,
    letter: bool = False,
) -> tuple[list[Unit], list[AgencyMention] | None]:
    """Units of ``s`` sentence by sentence; with ``carry`` a sentence without a subject keeps the one
    before (``subject`` on entry); returns the units and the subject in force at the end. Outside a
    ``letter``, the document's exhortation over a whole list of duties hands out nothing."""
    units: list[Unit] = []
    for a, b in sentences(s):
        sent = s[a:b]
        if opens_with(sent, "closing"):
            # "Trên đây là Hướng dẫn ... . Đề nghị các cơ quan, đơn vị ... phối hợp triển khai": the rest of
            # the paragraph belongs to the closing formula
            return units, None
        if is_closing(sent) or is_background(sent, province):
            # "Trong quá trình thực hiện, nếu phát sinh ...", "Trước đó, UBND tỉnh đã ban hành ...":
            # no task, and no carry-over of the subject before it
            subject = None
            continue
        subject, list_end = _subject_in_force(sent, base + a, province, carry, subject, acts)
        if subject and not letter and exhorts(sent, subject):
            subject = None  # "Thủ tướng Chính phủ yêu cầu các bộ, ngành ... các nhiệm vụ sau đây:"
            continue
        if subject:
            found, subject = _clause_units(s, (a, b), base, section, subject, list_end, province)
            units += found
    return units, subject


def _subject_in_force(
    sent: str, at: int, province: str | None, carry: bool, subject: list[AgencyMention] | None, acts: bool
) -> tuple[list[AgencyMention] | None, int]:
    """The addressee of ``sent`` (at offset ``at``) and where its list ends in ``sent``: its own, else the
    one carried over (list end 0), else None."""
    found = subject_of(sent, at, province, acts)
    if found:
        return found
    if not carry or to_office_holders(sent):
        return None, 0
    return subject, 0


def _clause_units(
    s: str,
    sentence: tuple[int, int],
    base: int,
    section: str | None,
    subject: list[AgencyMention],
    list_end: int,
    province: str | None,
) -> tuple[list[Unit], list[AgencyMention]]:
    """One unit per ";" clause of the sentence ``s[a:b]``; returns them and the subject at the end."""
    a, b = sentence
    sent = s[a:b]
    units: list[Unit] = []
    for c, d in clauses(sent, list_end, province):
        if c > list_end and (own := clause_subject(sent, c, d, base + a, province)):
            subject = own  # "...; Sở B có trách nhiệm ...": a clause with its own subject
        when = deadline_clause(sent[c:d])
        if when and units:
            # "; hoàn thành trong Quý I/2025": the timeframe of the clause before, not a task
            units[-1].deadline = (base + a + c + when[1], base + a + c + when[2])
            continue
        units.append(make_unit(s, a + c, a + d, base, section, subject, province))
    _share_closing_deadline(s, base, units)
    return units, subject


def _share_closing_deadline(s: str, base: int, units: list[Unit]) -> None:
    """A sentence's ";" clauses whose last one ends with a timeframe ("...; báo cáo UBND tỉnh trước ngày
    30/5/2026."): the timeframe closes the whole item, so a clause with none of its own takes it."""
    if len(units) < 2:
        return
    last = units[-1]
    text = s[last.start - base : last.end - base]
    found = find_deadline(text)
    if not found or text[found[2] :].strip(" .;"):
        return
    span = (last.start + found[1], last.start + found[2])
    for u in units[:-1]:
        if u.deadline is None and not find_deadline(s[u.start - base : u.end - base]):
            u.deadline = span
