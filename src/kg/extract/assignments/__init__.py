"""Assignments: who answers for which task, in which role (SCHEMA.md ``assignments``; NOTES.md G4-G9).

Sources, in the order a reader meets them:
- organisation sections (TỔ CHỨC THỰC HIỆN, Điều 2 ...): a sub-section headed by agencies ("1. Sở Tài chính:",
  "2. Các Sở: A; B; C", "Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ", "Trách nhiệm của Sở Y tế") addresses
  every task under it, and its addressees are ``lead`` even when a task's own verb is "phối hợp với X" (G4);
  X is then ``coordinate``; a heading's or an introduction's partners ("X chủ trì, phối hợp với Y; Z ...
  sau:") pass down to its items;
- sentences that hand tasks out: "Giao X chủ trì, phối hợp với Y ...", "Yêu cầu X ...", "X có trách nhiệm ..."
  (in organisation sections; anywhere in a text that has none, such as a news report compressing it into one
  run-on sentence, split at its semicolons, G5); "Giao X ..." sentences count anywhere;
- task tables (rows with "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian" columns).
Sentences addressed to office-holders ("Giám đốc Sở ...", "Chủ tịch UBND ...") are execution formulas (G7);
such a closing inside the last item's body ends that item. Sentences reporting the past ("Trước đó, ...",
"UBND tỉnh đã ban hành ...") are background: no task, and the subject before them does not carry over.
An official letter (it opens with "Kính gửi:") is all directives: each numbered item or dash line with its own
addressee counts, and an introduction ending in ":" that addresses agencies ("đề nghị các bộ, ngành ... sau:",
"Sở X đề nghị UBND các xã; các đơn vị ... Cụ thể:") addresses the numbered items after it; its legal basis
("Căn cứ Luật ...") and the sender's "X gửi kèm ..." hand out nothing. A news page restating a plan reads,
as a letter does, agencies opening a sentence before a task verb ("Sở Nội vụ lập danh sách ...") as its
addressees. In a run-on sentence, a ";" clause opening with its own subject and a lead cue ("...; Sở B có
trách nhiệm ...") switches the addressee.

Task text convention (tasks are not scored; one rule): a task is the verbatim text of its structural unit —
the item, bullet, table "Nhiệm vụ" cell, or ";" clause — including any leading "Giao X chủ trì, phối hợp với
Y" or addressee words, whole (never cut); a trailing "; hoàn thành ..." clause
is the unit's deadline, not a task of its own. The held-out gold files, which drop the leading role phrase,
are scored only on (agency, role) pairs and so do not depend on this choice.
Cue phrases are data (data/vocab/roles.yaml); agency names come from kg.lexicon.gazetteer.

How the modules fit, from text to records (``extract_assignments`` runs collect → records):
- ``collect``: every ``Unit`` of work of a document, source by source:
  ``sections`` (organisation sections, with ``addressees`` of their sub-section headings), ``articles``
  (Điều N of a decision), ``open_text`` (letters, news reports, "Giao X ..." anywhere), ``tables``;
- ``reading``: a paragraph sentence by sentence, the subject carried over, one unit per ";" clause;
- ``subjects``: who a sentence addresses; ``cues``: the role cues and the formulas that hand out nothing;
- ``mentions``: agency lists, partners and report recipients at absolute offsets;
- ``split``: paragraphs, sentences, clauses; ``units``: the ``Unit`` type and where an item splits (G5);
- ``records``: units → Task/Assignment/Warning_, with ``deadline`` attaching each unit's timeframe and
  ``aliases`` the short names a text defines for a body ("(sau đây gọi tắt là Trung tâm)").
"""

from __future__ import annotations

from kg.extract.assignments.collect import collect_units
from kg.extract.assignments.cues import find_cue
from kg.extract.assignments.records import MIN_TASK_WORDS, records
from kg.models import Assignment, Task, Warning_
from kg.normalize import Text
from kg.segment.outline import Outline

__all__ = ["MIN_TASK_WORDS", "extract_assignments", "find_cue"]


def extract_assignments(
    text: Text, outline: Outline, province: str | None
) -> tuple[list[Task], list[Assignment], list[Warning_]]:
    """Tasks, assignments (agency, role, task, deadline) and warnings of one document.

    Organisation sections, "Giao X ..." sentences anywhere, task tables; a text without an organisation
    section (a news report, a short letter) is read sentence by sentence throughout.
    """
    return records(text, outline, collect_units(text, outline, province))
