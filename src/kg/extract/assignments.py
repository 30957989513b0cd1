"""Assignments: who answers for which task, in which role (SCHEMA.md ``assignments``; NOTES.md G4-G9).

Sources, in the order a reader meets them:
- organisation sections (TỔ CHỨC THỰC HIỆN, Điều 2 ...): a sub-section headed by agencies ("1. Sở Tài chính:",
  "2. Các Sở: A; B; C") addresses every task under it, and its addressees are ``lead`` even when a task's
  own verb is "phối hợp với X" (G4); X is then ``coordinate``;
- sentences that hand tasks out: "Giao X chủ trì, phối hợp với Y ...", "Yêu cầu X ...", "X có trách nhiệm ..."
  (in organisation sections; anywhere in a text that has none, such as a news report compressing it into one
  run-on sentence, split at its semicolons, G5); "Giao X ..." sentences count anywhere;
- task tables (rows with "Cơ quan chủ trì" / "Cơ quan phối hợp" / "Thời gian" columns).
Sentences addressed to office-holders ("Giám đốc Sở ...", "Chủ tịch UBND ...") are execution formulas (G7);
such a closing inside the last item's body ends that item. Sentences reporting the past ("Trước đó, ...",
"UBND tỉnh đã ban hành ...") are background: no task, and the subject before them does not carry over.
An official letter (it opens with "Kính gửi:") is all directives: each numbered item or dash line with its own
addressee counts, and an introduction ending in ":" that addresses agencies ("đề nghị các bộ, ngành ... sau:")
addresses the numbered items after it. In a run-on sentence, a ";" clause opening with its own subject and a
lead cue ("...; Sở B có trách nhiệm ...") switches the addressee.

Task text convention (tasks are not scored; one rule): a task is the verbatim text of its structural unit —
the item, bullet, table "Nhiệm vụ" cell, or ";" clause — including any leading "Giao X chủ trì, phối hợp với
Y" or addressee words, cut to MAX_TASK characters at a word boundary; a trailing "; hoàn thành ..." clause
is the unit's deadline, not a task of its own. The held-out gold files, which drop the leading role phrase,
are scored only on (agency, role) pairs and so do not depend on this choice.
Cue phrases are data (data/vocab/roles.yaml); agency names come from kg.resolve.agencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from kg import vocab
from kg.extract.deadlines import deadline_clause, find_deadline
from kg.extract.fields import field_at, field_of_phrase
from kg.models import Assignment, Role, Task, Warning_
from kg.normalize import Text
from kg.outline import Node, Outline, Table
from kg.resolve.agencies import (
    AgencyMatch,
    AgencyMention,
    canonical_agency_name,
    fold_keep_length,
    parse_agency_list,
    resolve_agency,
)
from kg.resolve.phrases import starts_predicate
from kg.segment import parse_label
from kg.textutil import collapse

MAX_TASK = 200
# The shortest work a text hands out reads "Tổ chức thực hiện"; fewer words are a name or a label.
MIN_TASK_WORDS = 3
# "Các Sở: Nông nghiệp và Phát triển nông thôn; Công Thương; Y tế" — one head noun shared by a list of names.
_SHARED_HEAD = re.compile(r"^(?:Các|các)\s+(Sở|Bộ|Ban|Hội|Cục)\s*:\s*(.+?)\s*:?\s*$")
# An unknown agency heading still reads as one: a body noun first, few words, no sentence punctuation.
_AGENCY_HEAD = re.compile(
    r"^(?:Sở|Ban|Bộ|Cục|Chi cục|Tổng cục|Ủy ban|Uỷ ban|UBND|Đài|Báo|Hội|Liên đoàn|Liên hiệp|"
    r"Liên minh|Công an|Trung tâm|Viện|Trường|Văn phòng|Thanh tra|Kho bạc|Ngân hàng|Tỉnh đoàn|"
    r"Thành đoàn|Đoàn|Bảo hiểm|Quỹ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Huyện ủy|Đảng ủy|Bộ Chỉ huy|Các)"
    r"\b[^.;:!?]{0,80}$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\W\d_])|\./\.\s*")


@dataclass
class _Unit:
    """One structural unit of work: its text range and who answers for it."""

    start: int
    end: int
    section: str | None
    leads: list[AgencyMention]
    coords: list[AgencyMention] = field(default_factory=list)
    deadline: tuple[int, int] | None = None  # a table's "Thời gian" cell, absolute offsets


@cache
def _cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(e["cue"]) for e in vocab.load("roles") if e["kind"] == kind)


def find_cue(sentence: str, kind: str) -> re.Match[str] | None:
    """The first cue of ``kind`` (address, lead, coordinate, office-holder) in ``sentence``, over folded text.

    >>> find_cue("Phối hợp với Sở Tài chính tham mưu", "coordinate").end()
    13
    """
    folded = fold_keep_length(sentence)
    hits = [m for p in _cues(kind) if (m := p.search(folded))]
    return min(hits, key=lambda m: m.start()) if hits else None


def _shift(m: AgencyMention, base: int) -> AgencyMention:
    return AgencyMention(m.start + base, m.end + base, m.written, m.match)


def _agencies_at(s: str, pos: int, base: int, province: str | None) -> tuple[list[AgencyMention], int]:
    found, end = parse_agency_list(s, pos, province)
    return [_shift(m, base) for m in found], end


# ------------------------------------------------------------------------------------------- partners
def _partners(s: str, base: int, province: str | None) -> list[AgencyMention]:
    """Agencies named after "phối hợp (với)" in ``s`` (every occurrence)."""
    out: list[AgencyMention] = []
    folded = fold_keep_length(s)
    for pattern in _cues("coordinate"):
        for m in pattern.finditer(folded):
            found, _ = _agencies_at(s, m.end(), base, province)
            out.extend(found)
    return out


def _is_office_holder(s: str) -> bool:
    return any(p.match(fold_keep_length(s)) for p in _cues("office-holder"))


# ------------------------------------------------------------------------------------------- addressees
def _addressees(heading: str, base: int, province: str | None) -> tuple[list[AgencyMention], int] | None:
    """Agencies a sub-section heading addresses, and where its own task text starts; None if not agencies."""
    if _is_office_holder(heading):
        return None
    shared = _SHARED_HEAD.match(heading)
    if shared:
        return _shared_head(heading, shared, base, province), len(heading)
    found, end = _agencies_at(heading, 0, base, province)
    rest = heading[end:].lstrip()
    if found and (not rest or rest[0] in ":-–"):
        return found, end + (len(heading[end:]) - len(rest)) + (1 if rest else 0)
    if found and _acts(heading, end):
        return found, 0  # "Văn phòng Tỉnh ủy theo dõi, đôn đốc ...": the whole item is its task
    name = heading.split(":", 1)[0].strip()
    if _AGENCY_HEAD.match(name) and not find_cue(name, "coordinate"):
        match = resolve_agency(name, province) or AgencyMatch(
            "", canonical_agency_name(name), None, "provincial", "state", name.lower().startswith("các")
        )
        return [AgencyMention(base, base + len(name), name, match)], min(len(name) + 1, len(heading))
    return None


def _acts(heading: str, end: int) -> bool:
    """An item that opens with agencies and a task verb with no role cue ("Ban cán sự đảng ... lãnh đạo ...",
    "Văn phòng Tỉnh ủy theo dõi ..."): in an organisation section those agencies lead it. Items with a cue
    ("X chủ trì, phối hợp với Y ...") are read sentence by sentence instead."""
    rest = heading[end:]
    at = end + len(rest) - len(rest.lstrip())
    if skip := find_cue(rest, "adverbial"):  # "X, theo chức năng, nhiệm vụ được giao, hướng dẫn ..."
        at = end + skip.end()
    return starts_predicate(heading, at) and not any(
        p.match(fold_keep_length(rest.lstrip())) for p in _cues("lead")
    )


def _shared_head(heading: str, m: re.Match[str], base: int, province: str | None) -> list[AgencyMention]:
    """ "Các Sở: A; B; C" → "Sở A", "Sở B", "Sở C" (names split at ';', else at ',')."""
    head, names = m.group(1), m.group(2)
    sep = ";" if ";" in names else ","
    out, pos = [], m.start(2)
    for part in names.split(sep):
        name = part.strip()
        start = heading.index(name, pos) if name else pos
        pos = start + len(name)
        if not name:
            continue
        full = f"{head} {name}"
        match = resolve_agency(full, province) or AgencyMatch(
            "", canonical_agency_name(full), None, "provincial", "state", False
        )
        out.append(AgencyMention(base + start, base + start + len(name), name, match))
    return out


# ------------------------------------------------------------------------------------------- sentences
def _sentences(s: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _SENTENCE_END.finditer(s):
        if m.end() < len(s) and not s[m.end()].isupper() and "/" not in m.group(0):
            continue
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(s.rstrip()):
        yield pos, len(s.rstrip())


def _subject(
    s: str, base: int, province: str | None, acts: bool = False
) -> tuple[list[AgencyMention], int] | None:
    """An addressee of sentence ``s``: after "Giao/Yêu cầu/Đề nghị", or a subject before a lead cue; with
    ``acts`` (an organisation section's own sentences) also agencies opening it before a task verb."""
    if _is_office_holder(s):
        return None
    if acts:
        found, end = _agencies_at(s, 0, base, province)
        if found and _acts(s, end):
            return found, end
    cue = find_cue(s, "address")
    if cue:
        if _is_office_holder(s[cue.end() :]):
            return None
        found, end = _agencies_at(s, cue.end(), base, province)
        if found:
            return found, end
    for m in re.finditer(r"(?:^|(?<=[\s,;(]))[^\W\d_]", s):
        found, end = _agencies_at(s, m.start(), base, province)
        if (
            found
            and any(p.match(fold_keep_length(s[end:])) for p in _cues("lead"))
            and _subject_like(s, m.start())
        ):
            return found, end
    return None


def _subject_like(s: str, pos: int) -> bool:
    """An agency list is a subject when it opens the sentence or follows an introductory clause."""
    before = s[:pos].rstrip()
    return not before or (
        before.endswith(",") and find_cue(before, "coordinate") is None and not _lists_into(s, pos)
    )


def _lists_into(s: str, pos: int) -> bool:
    """True when an agency list that starts earlier in ``s`` runs through ``pos`` (so ``pos`` is mid-list)."""
    for m in re.finditer(r"(?:^|(?<=[\s,;(]))[^\W\d_]", s[:pos]):
        found, end = parse_agency_list(s, m.start())
        if found and end >= pos:
            return True
    return False


def _clauses(s: str, after: int, province: str | None) -> Iterator[tuple[int, int]]:
    """``s`` split at its semicolons, except inside the addressee list (before ``after``) or partner lists."""
    inside = [(0, after), *_partner_ranges(s, province)]
    start = 0
    for m in re.finditer(r";", s):
        if not any(a <= m.start() < b for a, b in inside):
            yield start, m.start()
            start = m.end()
    yield start, len(s)


def _partner_ranges(s: str, province: str | None) -> list[tuple[int, int]]:
    folded = fold_keep_length(s)
    out = []
    for pattern in _cues("coordinate"):
        for m in pattern.finditer(folded):
            found, end = parse_agency_list(s, m.end(), province)
            if found:
                out.append((m.end(), end))
    return out


def _sentence_units(
    s: str, base: int, section: str | None, province: str | None, carry: bool, acts: bool = False
) -> list[_Unit]:
    """Units of a paragraph read sentence by sentence (no addressee from a heading)."""
    return _read_sentences(s, base, section, province, carry, None, acts)[0]


def _read_sentences(
    s: str,
    base: int,
    section: str | None,
    province: str | None,
    carry: bool,
    subject: list[AgencyMention] | None,
    acts: bool = False,
) -> tuple[list[_Unit], list[AgencyMention] | None]:
    """Units of ``s`` sentence by sentence; with ``carry`` a sentence without a subject keeps the one
    before (``subject`` on entry); returns the units and the subject in force at the end."""
    units: list[_Unit] = []
    for a, b in _sentences(s):
        sent = s[a:b]
        if _closing(sent) or _background(sent, province):
            # "Trong quá trình thực hiện, nếu phát sinh ...", "Trước đó, UBND tỉnh đã ban hành ...":
            # no task, and no carry-over of the subject before it
            subject = None
            continue
        found = _subject(sent, base + a, province, acts)
        if found:
            subject, list_end = found
        elif not carry or _to_office_holders(sent):
            subject, list_end = None, 0
        else:
            list_end = 0
        if not subject:
            continue
        for c, d in _clauses(sent, list_end, province):
            if c > list_end and (own := _clause_subject(sent, c, d, base + a, province)):
                subject = own  # "...; Sở B có trách nhiệm ...": a clause with its own subject
            when = deadline_clause(sent[c:d])
            if when and units and units[-1].start >= base + a:
                # "; hoàn thành trong Quý I/2025": the timeframe of the clause before, not a task
                units[-1].deadline = (base + a + c + when[1], base + a + c + when[2])
                continue
            units.append(_unit(s, a + c, a + d, base, section, subject, province))
    return units, subject


def _background(sent: str, province: str | None) -> bool:
    """A sentence reporting the past ("Trước đó, ...", "UBND tỉnh đã ban hành Quyết định ..."): what was
    issued or done before is the text's background, not a task it hands out."""
    if find_cue(sent, "background"):
        return True
    for m in re.finditer(r"(?:^|(?<=[\s,;(]))[^\W\d_]", sent):
        found, end = parse_agency_list(sent, m.start(), province)
        if found and _subject_like(sent, m.start()):
            return any(p.match(fold_keep_length(sent[end:])) for p in _cues("past"))
    return False


def _clause_subject(sent: str, c: int, d: int, base: int, province: str | None) -> list[AgencyMention] | None:
    """The agencies a ";" clause opens with when a lead cue follows them ("Sở B có trách nhiệm ...")."""
    clause = sent[c:d]
    at = len(clause) - len(clause.lstrip())
    found, end = _agencies_at(clause, at, base + c, province)
    if found and any(p.match(fold_keep_length(clause[end:])) for p in _cues("lead")):
        return found
    return None


def _to_office_holders(sent: str) -> bool:
    """ "Giám đốc các sở ... triển khai", "Yêu cầu Giám đốc các sở ...": addressed to people (G7)."""
    cue = find_cue(sent, "address")
    return _is_office_holder(sent) or bool(cue and _is_office_holder(sent[cue.end() :]))


def _unit(
    s: str, a: int, b: int, base: int, section: str | None, leads: list[AgencyMention], province: str | None
) -> _Unit:
    text = s[a:b]
    lead_keys = {_agency_key(m) for m in leads}
    coords = [m for m in _partners(text, base + a, province) if _agency_key(m) not in lead_keys]
    strip_l = len(text) - len(text.lstrip(" ,;:-–"))
    strip_r = len(text) - len(text.rstrip(" ,;:.-–/"))
    return _Unit(base + a + strip_l, base + b - strip_r, section, list(leads), coords)


# ------------------------------------------------------------------------------------------- sections
def _section_units(node: Node, text: Text, province: str | None) -> list[_Unit]:
    """Units of an organisation section: per-addressee sub-sections, else sentence by sentence."""
    units: list[_Unit] = []
    full = text.text
    own = full[node.heading_start : node.heading_end]
    if node.kind == "article" or node.children == ():
        units += _sentence_units(own, node.heading_start, node.section, province, carry=False, acts=True)
    units += _body_units(node, text, [], [], province)
    for child in node.children:
        units += _child_units(child, text, province)
    return units


def _child_units(node: Node, text: Text, province: str | None) -> list[_Unit]:
    heading = text.text[node.heading_start : node.heading_end]
    found = _addressees(heading, node.heading_start, province)
    if not found:
        return _section_units(node, text, province)
    leads, task_at = found
    units: list[_Unit] = []
    rest = heading[task_at:]
    if rest.strip():
        units.append(_unit(heading, task_at, len(heading), node.heading_start, node.section, leads, province))
    units += _body_units(node, text, leads, [], province)
    for child in node.children:
        units += _addressed_units(child, text, leads, [], province)
    return units


def _addressed_units(
    node: Node, text: Text, leads: list[AgencyMention], inherited: list[AgencyMention], province: str | None
) -> list[_Unit]:
    """A task item under an addressee: own text is a unit; partners of an intro ending ':' pass down."""
    full = text.text
    heading = full[node.heading_start : node.heading_end]
    units: list[_Unit] = []
    intro_partners: list[AgencyMention] = []
    run: list[tuple[int, int]] = []  # sentences of the item's own task, kept together (G5)
    for a, b in _sentences(heading):
        sent = heading[a:b]
        if sent.rstrip().endswith(":") and node.children:
            intro_partners += _partners(sent, node.heading_start + a, province)
            continue
        if (
            sub := _sentence_units(sent, node.heading_start + a, node.section, province, carry=False)
        ) and find_cue(sent, "address"):
            units += _run_units(heading, run, node, leads, inherited, province) + sub
            run = []
            continue
        if _splits(heading, run, a, b, province):
            units += _run_units(heading, run, node, leads, inherited, province)
            run = []
        run.append((a, b))
    units += _run_units(heading, run, node, leads, inherited, province)
    units += _body_units(node, text, leads, inherited, province)
    for child in node.children:
        units += _addressed_units(child, text, leads, inherited + intro_partners, province)
    return units


def _body_units(
    node: Node, text: Text, leads: list[AgencyMention], inherited: list[AgencyMention], province: str | None
) -> list[_Unit]:
    """Paragraphs of a node's body: addressed to ``leads`` unless a paragraph names its own addressee."""
    units: list[_Unit] = []
    body = text.text[node.body_start : node.body_end]
    pos = 0
    for para in body.split("\n"):
        base = node.body_start + pos
        pos += len(para) + 1
        if not para.strip():
            continue
        own = _sentence_units(para, base, node.section, province, carry=True, acts=not leads)
        if _closing(para):
            # a closing formula ends the last addressee's item: what follows is no task of theirs
            leads, inherited = [], []
        if own or not leads:
            units += own
            continue
        run: list[tuple[int, int]] = []
        closed = False
        for a, b in _sentences(para):
            # "...; bố trí nhân lực. Yêu cầu Trưởng các phòng ...": the item ends before the formula
            closed = _closing(para[a:b])
            if closed or _splits(para, run, a, b, province):
                units += _run_units(para, run, None, leads, inherited, province, base, node.section)
                run = []
            if closed:
                break
            run.append((a, b))
        units += _run_units(para, run, None, leads, inherited, province, base, node.section)
        if closed:
            leads, inherited = [], []
    return units


def _splits(s: str, run: list[tuple[int, int]], a: int, b: int, province: str | None) -> bool:
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
    own = _parties(sent, province)
    return bool(own) and own != _parties(before, province)


def _parties(s: str, province: str | None) -> set[str]:
    """Names of the partners and report recipients ``s`` names."""
    found = _partners(s, 0, province) + _report_recipients(s, 0, province)
    return {_agency_key(m) for m in found}


def _run_units(
    s: str,
    run: list[tuple[int, int]],
    node: Node | None,
    leads: list[AgencyMention],
    inherited: list[AgencyMention],
    province: str | None,
    base: int | None = None,
    section: str | None = None,
) -> list[_Unit]:
    """One unit over the sentences ``run`` of ``s`` (an item heading of ``node``, or a paragraph at
    ``base``): one structural unit is one task, its partners those of all its sentences plus ``inherited``."""
    if not run:
        return []
    if node is not None:
        base, section = node.heading_start, node.section
    unit = _unit(s, run[0][0], run[-1][1], base or 0, section, leads, province)
    unit.coords += [m for m in inherited if _agency_key(m) not in {_agency_key(c) for c in unit.coords}]
    return [unit]


def _closing(para: str) -> bool:
    """A closing formula ("Trên đây là Kế hoạch ...", "Thủ trưởng các sở ...", "Yêu cầu Trưởng các phòng,
    ..., Chủ tịch UBND các xã ...") is not its task (G7), wherever it stands: in an item's body it ends
    that item."""
    folded = fold_keep_length(para.lstrip())
    if folded.startswith(("tren day", "trong qua trinh")) or _is_office_holder(para):
        return True
    cue = find_cue(para, "address")  # "Yêu cầu Trưởng các phòng, ...": only when it opens the paragraph
    return bool(cue and not para[: cue.start()].strip() and _is_office_holder(para[cue.end() :]))


# ------------------------------------------------------------------------------------------- tables
def _table_units(table: Table, text: Text, province: str | None) -> list[_Unit]:
    units: list[_Unit] = []
    for i, row in enumerate(table.rows, 1):
        task, lead = row.cells.get("task"), row.cells.get("lead")
        if not task or not lead:
            continue
        leads = _cell_agencies(lead.text, lead.start, province)
        coord = row.cells.get("coordinate")
        coords = _cell_agencies(coord.text, coord.start, province) if coord else []
        deadline = row.cells.get("deadline")
        span = (deadline.start, deadline.end) if deadline and deadline.text.strip(" -–") else None
        section = f"{table.title or 'Bảng'}/{row.group_label + '.' if row.group_label else ''}{i}"
        units.append(_Unit(task.start, task.end, section, leads, coords, span))
    return units


def _cell_agencies(cell: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies of a table cell: its parts (split at ";", line breaks, and "," before a capital),
    each read as a list of names; a part not read whole is one name kept as printed ("Cục Quản lý
    Khám, chữa bệnh", "Các đơn vị thuộc, trực thuộc Bộ": a cell holds names only)."""
    found: list[AgencyMention] = []
    for start, end in _cell_parts(cell):
        part = cell[start:end]
        names, stop = _agencies_at(part, 0, base + start, province)
        if names and not part[stop:].strip(" .,;"):
            found += names
            continue
        name = part.strip(" .,;")
        match = resolve_agency(name, province) or AgencyMatch(
            "", canonical_agency_name(name), None, "provincial", "state", name.lower().startswith("các")
        )
        found.append(AgencyMention(base + start, base + start + len(name), name, match))
    return found


def _cell_parts(cell: str) -> list[tuple[int, int]]:
    """[start, end) of the parts of a cell that each hold one name or one list of names."""
    cuts = [m for m in re.finditer(r"\s*(?:[;\n+]|,(?=\s*[^\W\d_]))\s*", cell)]
    parts, pos = [], 0
    for m in cuts:
        if m.group(0).strip() == "," and not cell[m.end() : m.end() + 1].isupper():
            continue  # "Các sở, ban, ngành", "Khám, chữa bệnh": a comma inside one name or group
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(cell)))
    out = []
    for a, b in parts:
        lead = len(cell[a:b]) - len(cell[a:b].lstrip(" -–.,;"))
        if cell[a + lead : b].strip(" .,;"):
            out.append((a + lead, b))
    return out


# ------------------------------------------------------------------------------------------- records
def _agency_key(m: AgencyMention) -> str:
    return m.match.name


def _task_text(full: str, start: int, end: int) -> tuple[str, int]:
    """Verbatim excerpt of at most MAX_TASK characters (cut at a word boundary), and its end offset."""
    raw = full[start:end]
    if len(collapse(raw)) <= MAX_TASK:
        return collapse(raw), end
    cut = raw[:MAX_TASK]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut
    cut = cut.rstrip(" ,;:")
    return collapse(cut), start + len(cut)


def extract_assignments(
    text: Text, outline: Outline, province: str | None
) -> tuple[list[Task], list[Assignment], list[Warning_]]:
    """Tasks, assignments (agency, role, task, deadline) and warnings of one document.

    Organisation sections, "Giao X ..." sentences anywhere, task tables; a text without an organisation
    section (a news report, a short letter) is read sentence by sentence throughout.
    """
    units = _collect_units(text, outline, province)
    return _records(text, outline, units)


def _collect_units(text: Text, outline: Outline, province: str | None) -> list[_Unit]:
    units: list[_Unit] = []
    org = list(outline.org_sections)
    for node in org:
        units += (
            _section_units(node, text, province)
            if node.kind != "article" or _addressed_children(node, text, province)
            else _article_units(node, text, outline, province)
        )
    inside = [(n.start, n.end) for n in org]
    if not org:
        units += _open_units(text, outline, province, acts=_is_letter(outline))
    else:
        # a letter's numbered items are all directives, whichever of them segment took for a section
        found = _open_units(text, outline, province, True) if _is_letter(outline) else []
        found += _giao_units(text, outline, province)
        seen: set[tuple[int, int]] = set()
        for u in found:
            if not any(a <= u.start < b for a, b in inside) and (u.start, u.end) not in seen:
                seen.add((u.start, u.end))
                units.append(u)
    for table in outline.tables:
        units += _table_units(table, text, province)
    return units


def _paragraphs(text: Text, outline: Outline) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) of the text's lines, without the recipients ("Kính gửi", "Nơi nhận") and
    signature blocks segment set aside: the body of every document ends where those begin."""
    closing = {ln.start for ln in (*outline.header.recipients, *outline.header.signature)}
    pos = 0
    for para in text.text.split("\n"):
        base, pos = pos, pos + len(para) + 1
        lead = len(para) - len(para.lstrip())
        if para.strip() and base + lead not in closing:
            yield base, para


def _article_units(node: Node, text: Text, outline: Outline, province: str | None) -> list[_Unit]:
    """ "Điều 2. Giao X ..." and its numbered clauses: paragraph by paragraph, labels set aside, each
    sentence with its own addressee (the article itself addresses no one)."""
    units: list[_Unit] = []
    for base, para in _paragraphs(text, outline):
        if not node.start <= base < node.end:
            continue
        label = parse_label(para.strip())
        skip = len(para) - len(label[2]) if label else 0
        units += _sentence_units(para[skip:], base + skip, node.section, province, carry=False, acts=True)
    return units


def _addressed_children(node: Node, text: Text, province: str | None) -> bool:
    """ "Điều 2. Tổ chức thực hiện" whose items are headed by agencies ("1. Bộ Tài chính"): a section."""
    return any(
        _addressees(text.text[c.heading_start : c.heading_end], c.heading_start, province)
        for c in node.children
    )


def _is_letter(outline: Outline) -> bool:
    """An official letter (công văn) opens with "Kính gửi:" recipients: its body is all directives."""
    return any(fold_keep_length(ln.text.strip()).startswith("kinh gui") for ln in outline.header.recipients)


def _open_units(text: Text, outline: Outline, province: str | None, acts: bool = False) -> list[_Unit]:
    """A text with no organisation section (a letter, a news report): paragraph by paragraph, a subject
    carried over to the sentences after it until a new item, a closing or an office-holder sentence.
    With ``acts`` (a letter) an item opening with agencies and a task verb is addressed to them."""
    units: list[_Unit] = []
    subject: list[AgencyMention] | None = None
    intro: list[AgencyMention] | None = None  # "đề nghị các bộ, ngành thực hiện một số nội dung sau:"
    for base, para in _paragraphs(text, outline):
        label = parse_label(para.strip())
        if label or _closing(para):
            subject = intro if label else None  # a numbered item or a closing formula starts afresh
        if _closing(para):
            intro = None
            continue
        skip = len(para) - len(label[2]) if label else 0
        found, subject = _read_sentences(para[skip:], base + skip, None, province, True, subject, acts)
        if not label:
            intro = subject if para.rstrip().endswith(":") else None
            if intro:
                found = found[:-1]  # the introduction itself is no task
        units += found
    return units


def _giao_units(text: Text, outline: Outline, province: str | None) -> list[_Unit]:
    """ "Giao X chủ trì ..." sentences outside organisation sections (they hand out tasks wherever found)."""
    units: list[_Unit] = []
    for base, para in _paragraphs(text, outline):
        if re.search(r"(?:^|[\s.;:])(?:[Gg]iao|GIAO)\s", para):
            units += [
                u
                for u in _sentence_units(para, base, None, province, carry=False)
                if _starts_giao(text.text, u)
            ]
    return units


def _starts_giao(full: str, unit: _Unit) -> bool:
    return any(
        re.search(r"\bgiao\b", fold_keep_length(full[max(0, m.start - 40) : m.start])) for m in unit.leads
    )


def _records(
    text: Text, outline: Outline, units: list[_Unit]
) -> tuple[list[Task], list[Assignment], list[Warning_]]:
    tasks: list[Task] = []
    assignments: list[Assignment] = []
    warnings: list[Warning_] = []
    seen: set[tuple[str, str, str]] = set()
    for unit in units:
        task_text, task_end = _task_text(text.text, unit.start, unit.end)
        if len(task_text.split()) < MIN_TASK_WORDS or not unit.leads:
            continue  # a byline ("Phương Loan") or a stray label that a carried subject reached
        deadline, d_span = _deadline(text, unit)
        # the task's own "trong lĩnh vực X", else its "Lĩnh vực ..." heading (kg.extract.fields)
        field = field_of_phrase(text.text[unit.start : unit.end]) or field_at(outline, unit.start)
        task = Task(
            f"t{len(tasks) + 1}", task_text, unit.section, field, deadline, text.span(unit.start, task_end)
        )
        roles: list[tuple[Role, AgencyMention]] = [("lead", m) for m in unit.leads] + [
            ("coordinate", m) for m in unit.coords
        ]
        roles += _other_roles(text.text, unit, outline.province)
        added = False
        for role, mention in roles:
            key = (mention.match.name, role, task_text)
            if key in seen:
                continue
            seen.add(key)
            added = True
            assignments.append(_assignment(text, task, role, mention, d_span))
            if not mention.match.id:
                warnings.append(
                    Warning_(
                        "unresolved-agency",
                        f"agency not in the gazetteer: {mention.written!r}",
                        text.span(mention.start, mention.end),
                    )
                )
        if added:
            tasks.append(task)
    return tasks, assignments, warnings


def _other_roles(full: str, unit: _Unit, province: str | None) -> list[tuple[Role, AgencyMention]]:
    """Roles the task's text states besides lead/coordinate: its leads as standing body ("là cơ quan
    thường trực"), and the agencies it reports to ("báo cáo kết quả về X", "gửi về X") when named."""
    s = full[unit.start : unit.end]
    roles: list[tuple[Role, AgencyMention]] = []
    if find_cue(s, "standing-body"):
        roles += [("standing_body", m) for m in unit.leads]
    return roles + [("reports_to", a) for a in _report_recipients(s, unit.start, province)]


def _report_recipients(s: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies ``s`` sends its report to ("báo cáo kết quả về X", "gửi về X"), groups left out."""
    folded = fold_keep_length(s)
    # the first report only: "báo cáo về X để tổng hợp, báo cáo Y" is X's onward report, not this task's
    hits = sorted((m for p in _cues("reports-to") for m in p.finditer(folded)), key=lambda m: m.start())
    for m in hits:
        found, _ = _agencies_at(s, m.end(), base, province)
        if found:
            return [a for a in found if not a.match.is_group]
    return []


def _deadline(text: Text, unit: _Unit) -> tuple[str | None, tuple[int, int] | None]:
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


def _assignment(
    text: Text, task: Task, role: Role, m: AgencyMention, d_span: tuple[int, int] | None
) -> Assignment:
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
