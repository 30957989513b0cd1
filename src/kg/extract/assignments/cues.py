"""Cue phrases and the sentence kinds they mark (data/vocab/roles.yaml).

A cue says who is addressed ("Giao", "Yêu cầu"), who leads ("chủ trì", "có trách nhiệm") or coordinates
("phối hợp với"); other cues mark formulas that hand out no task: sentences to office-holders ("Giám đốc
Sở ...", G7) and closings ("Trên đây là Kế hoạch ..."). Every test runs over ``fold_keep_length`` text, so
a match's offsets are offsets into the sentence as written.
"""

from __future__ import annotations

import re
from functools import cache

from kg.lexicon import vocab
from kg.lexicon.gazetteer import fold_keep_length, resolve_agency


@cache
def cues(kind: str) -> tuple[re.Pattern[str], ...]:
    """The compiled cues of ``kind`` in roles.yaml (compiled once: every sentence is tested against them)."""
    return tuple(re.compile(e["cue"]) for e in vocab.load("roles") if e["kind"] == kind)


def find_cue(sentence: str, kind: str, folded: str | None = None) -> re.Match[str] | None:
    """The first cue of ``kind`` (address, lead, coordinate, office-holder) in ``sentence``, over folded text
    (``folded``: the sentence's fold when the caller has it, e.g. a slice of a text folded once).

    >>> find_cue("Phối hợp với Sở Tài chính tham mưu", "coordinate").end()
    13
    """
    folded = fold_keep_length(sentence) if folded is None else folded
    hits = [m for p in cues(kind) if (m := p.search(folded))]
    return min(hits, key=lambda m: m.start()) if hits else None


def all_cues(sentence: str, kind: str) -> list[re.Match[str]]:
    """Every cue of ``kind`` in ``sentence``, first first: the first hit may be a look-alike ("giáo viên"
    folds to "giao vien") and the addressee after a later one.

    >>> [m.start() for m in all_cues("Cán bộ, giáo viên của trường; giao Phòng Y", "address")]
    [6, 28]
    """
    folded = fold_keep_length(sentence)
    return sorted((m for p in cues(kind) for m in p.finditer(folded)), key=lambda m: m.start())


def opens_with(s: str, kind: str, folded: str | None = None) -> bool:
    """Whether ``s`` opens with a cue of ``kind`` (e.g. "có trách nhiệm" right after a subject); ``folded``
    as in ``find_cue``."""
    folded = fold_keep_length(s) if folded is None else folded
    return any(p.match(folded) for p in cues(kind))


def is_office_holder(s: str) -> bool:
    """Whether ``s`` opens with an office-holder ("Giám đốc Sở ...", "Chủ tịch UBND ..."): people. One who
    hands a task out ("Chủ tịch UBND tỉnh giao Công an tỉnh ...") is its giver: the sentence addresses the
    agencies after the verb, not the office-holder.

    >>> is_office_holder("Chủ tịch UBND tỉnh chỉ đạo"), is_office_holder("Chủ tịch UBND tỉnh giao Sở Y tế")
    (True, False)
    """
    return opens_with(s, "office-holder") and not opens_with(s, "address")


def is_closing(para: str) -> bool:
    """A closing formula ("Trên đây là Kế hoạch ...", "Thủ trưởng các sở ...", "Yêu cầu Trưởng các phòng,
    ..., Chủ tịch UBND các xã ...") is not its task (G7), wherever it stands: in an item's body it ends
    that item."""
    if opens_with(para, "closing") or is_office_holder(para):
        return True
    cue = find_cue(para, "address")  # "Yêu cầu Trưởng các phòng, ...": only when it opens the paragraph
    return bool(cue and not para[: cue.start()].strip() and is_office_holder(para[cue.end() :]))


def to_office_holders(sent: str) -> bool:
    """ "Giám đốc các sở ... triển khai", "Yêu cầu Giám đốc các sở ...": addressed to people (G7)."""
    cue = find_cue(sent, "address")
    return is_office_holder(sent) or bool(cue and is_office_holder(sent[cue.end() :]))


def is_exhortation(sent: str, subject_is_group: bool) -> bool:
    """A sentence handing a whole list of duties on ("... thực hiện các nhiệm vụ sau đây:") that someone asks
    of others ("Thủ tướng Chính phủ yêu cầu các bộ, ngành, địa phương ...", "Bộ X yêu cầu ...") or whose
    subject is a group ("Các ngành, các cấp cần thực hiện tốt những việc sau đây:"): outside a letter, the
    document's exhortation; its parts name their own addressees (issue 10).

    >>> is_exhortation("Thủ tướng Chính phủ yêu cầu các bộ, ngành thực hiện các nhiệm vụ sau đây:", True)
    True
    >>> is_exhortation("Giao Sở Tài chính là cơ quan đầu mối, thực hiện các nhiệm vụ sau:", False)
    False
    >>> is_exhortation("Để làm tốt việc này, yêu cầu cấp ủy các cấp thực hiện các nhiệm vụ sau:", True)
    False
    """
    if not sent.rstrip().endswith(":") or not find_cue(sent.rstrip(), "exhortation"):
        return False
    folded = fold_keep_length(sent)
    asks = all_cues(sent, "address")
    if not asks:
        return subject_is_group
    return any(_asked_by_a_body(sent, folded, cue) for cue in asks)


def _asked_by_a_body(sent: str, folded: str, cue: re.Match[str]) -> bool:
    """Whether the words of the clause before an address cue's verb end with a body's name, the one who asks
    ("..., Thủ tướng Chính phủ yêu cầu"; "Để làm tốt việc này, yêu cầu ..." names none). An address cue may
    take in the one who asks, so the verb is looked for inside it."""
    verb = _ASKS.search(folded, cue.start(), cue.end())
    clause = re.split(r"[.;:,]", sent[: verb.start() if verb else cue.start()])[-1].rstrip()
    starts = re.finditer(r"(?:^|(?<=\s))[^\W\d_]", clause)
    return any(resolve_agency(clause[m.start() :]) is not None for m in starts)


_ASKS = re.compile(r"\b(?:giao|yeu cau|de nghi)\b")
