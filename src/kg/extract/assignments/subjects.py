"""Who a sentence addresses, and sentences that address no one.

A sentence names its addressee after "Giao/Yêu cầu/Đề nghị", as a subject before a lead cue ("Sở Y tế có
trách nhiệm ..."), or, in an organisation section, as agencies opening it before a task verb ("Văn phòng
Tỉnh ủy theo dõi ..."); a ";" clause may open with its own subject. Sentences reporting the past ("Trước
đó, ...", "UBND tỉnh đã ban hành ...") are background and address no one.
"""

from __future__ import annotations

import re

from kg.extract.assignments.cues import all_cues, find_cue, is_office_holder, opens_with
from kg.extract.assignments.mentions import agencies_at, list_starts
from kg.lexicon.gazetteer import AgencyMention, parse_agency_list
from kg.lexicon.phrases import starts_predicate

# The topic an item of a notice or letter opens with, before its colon ("Về dự án ...: ").
_TOPIC = re.compile(r"(?:Về|VỀ)\s[^:;.]{3,200}:\s*(?=[^\W\d_])")
# Words in brackets right after an agency list: its members or scope ("(tỉnh, huyện, xã)"); or the dots of
# a list left open ("..., Ngân hàng Nhà nước Việt Nam... giải quyết").
_BRACKETED = re.compile(r"\s*\([^()]{1,120}\)|\s*(?:\.{2,}|…)")


def subject_of(
    s: str, base: int, province: str | None, acts: bool = False
) -> tuple[list[AgencyMention], int] | None:
    """An addressee of sentence ``s``: after "Giao/Yêu cầu/Đề nghị", or a subject before a lead cue; with
    ``acts`` (an organisation section's own sentences) also agencies opening it before a task verb."""
    if is_office_holder(s):
        return None
    if acts:
        # an item opening with agencies, or with its topic first ("Về dự án nạo vét luồng tàu: Bộ Xây dựng
        # khẩn trương rà soát ...")
        topic = _TOPIC.match(s)
        for at in (0, topic.end()) if topic else (0,):
            found, end = agencies_at(s, at, base, province)
            if found and acts_on(s, end):
                return found, end
    for cue in all_cues(s, "address"):
        # every cue in turn: ", giáo viên" folds to a "giao" with no agency after it
        if is_office_holder(s[cue.end() :]):
            return None
        found, end = agencies_at(s, cue.end(), base, province)
        if found:
            return found, end
    for start in list_starts(s):
        found, end = agencies_at(s, start, base, province)
        if found and opens_with(s[end:], "lead") and subject_like(s, start):
            return found, end
    return None


def acts_on(heading: str, end: int) -> bool:
    """An item that opens with agencies and a task verb with no role cue ("Ban cán sự đảng ... lãnh đạo ...",
    "Văn phòng Tỉnh ủy theo dõi ..."): in an organisation section those agencies lead it. Items with a cue
    ("X chủ trì, phối hợp với Y ...") are read sentence by sentence instead."""
    if bracket := _BRACKETED.match(heading, end):  # "Ủy ban nhân dân các cấp (tỉnh, huyện, xã) cử ..."
        end = bracket.end()
    rest = heading[end:]
    at = end + len(rest) - len(rest.lstrip())
    if skip := find_cue(rest, "adverbial"):  # "X, theo chức năng, nhiệm vụ được giao, hướng dẫn ...", "X cần"
        at = end + skip.end()
    return starts_predicate(heading, at) and not opens_with(rest.lstrip(), "lead")


def subject_like(s: str, pos: int) -> bool:
    """An agency list is a subject when it opens the sentence or follows an introductory clause (its
    comma, or the colon of "... có ý kiến như sau: Bộ Công Thương chủ trì ...")."""
    before = s[:pos].rstrip()
    return not before or (
        before.endswith((",", ":")) and find_cue(before, "coordinate") is None and not _lists_into(s, pos)
    )


def _lists_into(s: str, pos: int) -> bool:
    """True when an agency list that starts earlier in ``s`` runs through ``pos`` (so ``pos`` is mid-list)."""
    for start in list_starts(s):
        if start >= pos:
            break
        found, end = parse_agency_list(s, start)
        if found and end >= pos:
            return True
    return False


def clause_subject(sent: str, c: int, d: int, base: int, province: str | None) -> list[AgencyMention] | None:
    """The agencies a ";" clause opens with when a lead cue follows them ("Sở B có trách nhiệm ...")."""
    clause = sent[c:d]
    at = len(clause) - len(clause.lstrip())
    found, end = agencies_at(clause, at, base + c, province)
    if found and opens_with(clause[end:], "lead"):
        return found
    return None


def is_background(sent: str, province: str | None) -> bool:
    """A sentence reporting the past ("Trước đó, ...", "UBND tỉnh đã ban hành Quyết định ..."): what was
    issued or done before is the text's background, not a task it hands out."""
    if find_cue(sent, "background"):
        return True
    for start in list_starts(sent):
        found, end = parse_agency_list(sent, start, province)
        if found and subject_like(sent, start):
            return opens_with(sent[end:], "past")
    return False
