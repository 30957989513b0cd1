"""From units to records: one ``Task`` per unit with text enough to be work, one ``Assignment`` per
(agency, role) of it, and a warning for every agency the gazetteer does not know.

Task text convention: a task is the whole verbatim text of its structural unit (``vpo:taskText`` is the
verbatim wording; views derive short labels from it), whitespace collapsed; its span covers the whole unit.
"""

from __future__ import annotations

from kg.extract.assignments.aliases import defined_aliases
from kg.extract.assignments.cues import find_cue
from kg.extract.assignments.deadline import unit_deadline
from kg.extract.assignments.mentions import report_recipients
from kg.extract.assignments.units import Unit
from kg.extract.fields import field_at, field_of_phrase
from kg.lexicon.gazetteer import AgencyMatch, AgencyMention
from kg.models import Assignment, Role, Task, Warning_
from kg.normalize import Text
from kg.segment.outline import Outline
from kg.text.strings import collapse, fold

# The shortest work a text hands out reads "Tổ chức thực hiện"; fewer words are a name or a label.
MIN_TASK_WORDS = 3


def records(
    text: Text, outline: Outline, units: list[Unit]
) -> tuple[list[Task], list[Assignment], list[Warning_]]:
    """Tasks, assignments and warnings of ``units``; an (agency, role, task) already recorded is skipped,
    and a task none of whose assignments is new is dropped."""
    tasks: list[Task] = []
    assignments: list[Assignment] = []
    warnings: list[Warning_] = []
    seen: set[tuple[str, str, str]] = set()
    aliases = defined_aliases(text.text, outline.province)
    for unit in units:
        found = _task(text, outline, unit, len(tasks) + 1)
        if found is None:
            continue
        task, d_span = found
        added = False
        for role, said in _roles(text.text, unit, outline.province):
            mention = _defined(said, aliases)
            key = (mention.match.name, role, task.text)
            if key in seen:
                continue
            seen.add(key)
            added = True
            assignments.append(_assignment(text, task, role, mention, d_span))
            if not mention.match.id:
                warnings.append(_unresolved(text, mention))
        if added:
            tasks.append(task)
    return tasks, assignments, warnings


def _task(
    text: Text, outline: Outline, unit: Unit, number: int
) -> tuple[Task, tuple[int, int] | None] | None:
    """Task number ``number`` of ``unit`` and its deadline's offsets; None when the unit is no work."""
    task_text, task_end = task_text_of(text.text, unit.start, unit.end)
    if len(task_text.split()) < MIN_TASK_WORDS or not unit.leads:
        return None  # a byline ("Phương Loan") or a stray label that a carried subject reached
    deadline, d_span = unit_deadline(text, unit)
    # the task's own "trong lĩnh vực X", else its "Lĩnh vực ..." heading (kg.extract.fields)
    field = field_of_phrase(text.text[unit.start : unit.end]) or field_at(outline, unit.start)
    task = Task(f"t{number}", task_text, unit.section, field, deadline, text.span(unit.start, task_end))
    return task, d_span


def task_text_of(full: str, start: int, end: int) -> tuple[str, int]:
    """The unit's whole verbatim text (whitespace collapsed) and its end offset."""
    return collapse(full[start:end]), end


def _roles(full: str, unit: Unit, province: str | None) -> list[tuple[Role, AgencyMention]]:
    """Every (role, agency) of the unit: its leads, its partners, and the roles its text states."""
    roles: list[tuple[Role, AgencyMention]] = [("lead", m) for m in unit.leads]
    roles += [("coordinate", m) for m in unit.coords]
    return roles + _other_roles(full, unit, province)


def _other_roles(full: str, unit: Unit, province: str | None) -> list[tuple[Role, AgencyMention]]:
    """Roles the task's text states besides lead/coordinate: its leads as standing body ("là cơ quan
    thường trực"), and the agencies it reports to ("báo cáo kết quả về X", "gửi về X") when named."""
    s = full[unit.start : unit.end]
    roles: list[tuple[Role, AgencyMention]] = []
    if find_cue(s, "standing-body"):
        roles += [("standing_body", m) for m in unit.leads]
    return roles + [("reports_to", a) for a in report_recipients(s, unit.start, province)]


def _defined(m: AgencyMention, aliases: dict[str, AgencyMatch]) -> AgencyMention:
    """``m`` as the body the text defined its name for ("Trung tâm" after "Trung tâm chính trị xã, phường,
    đặc khu (sau đây gọi tắt là Trung tâm)"), else unchanged."""
    body = aliases.get(fold(m.written)) if aliases else None
    return AgencyMention(m.start, m.end, m.written, body) if body else m


def _unresolved(text: Text, m: AgencyMention) -> Warning_:
    """The warning for an agency the gazetteer does not know (it is kept as printed)."""
    return Warning_(
        "unresolved-agency", f"agency not in the gazetteer: {m.written!r}", text.span(m.start, m.end)
    )


def _assignment(
    text: Text, task: Task, role: Role, m: AgencyMention, d_span: tuple[int, int] | None
) -> Assignment:
    """The assignment of ``m`` in ``role`` to ``task`` (``d_span``: the deadline's offsets)."""
    return Assignment(
        agency=m.match.name,
        role=role,
        task=task.text,
        deadline=task.deadline,
        task_id=task.id,
        agency_id=m.match.id or None,
        is_group=m.match.is_group,
        span=text.span(m.start, m.end),
        field=task.field,
        task_span=task.span,
        deadline_span=text.span(*d_span) if d_span else None,
    )
