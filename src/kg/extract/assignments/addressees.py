"""The agencies a sub-section heading addresses ("1. Sở Tài chính:", "2. Các Sở: A; B; C").

In an organisation section a heading naming agencies makes them ``lead`` of every task under it (G4), even
when a task's own verb is "phối hợp với X". A heading the gazetteer cannot read still counts when it looks
like an agency name (a body noun first, few words, no sentence punctuation).
"""

from __future__ import annotations

import re

from kg.extract.assignments.cues import find_cue, is_office_holder, opens_with
from kg.extract.assignments.mentions import agencies_at, resolve_or_keep
from kg.extract.assignments.reading import exhorts
from kg.extract.assignments.subjects import acts_on, subject_of
from kg.extract.assignments.tables import cell_agencies
from kg.lexicon.gazetteer import AgencyMention, match_group
from kg.text.aligned import fold_keep_length

# "Các Sở: Nông nghiệp và Phát triển nông thôn; Công Thương; Y tế" — one head noun shared by a list of names.
_SHARED_HEAD = re.compile(r"^(?:Các|các)\s+(Sở|Bộ|Ban|Hội|Cục)\s*:\s*(.+?)\s*:?\s*$")
# A class of bodies with its members named in brackets, the heading ending there: "Các cơ quan đăng ký đầu
# tư (Sở Tài chính, Ban quản lý Khu Kinh tế):".
_NAMED_MEMBERS = re.compile(r"^[^()]{3,80}\(([^()]+)\)\s*:?\s*$")
# A class of bodies with members named in brackets, then its task: "Các Bộ khác có máy móc về khai thác ảnh
# chụp bằng máy bay (Bộ Xây dựng, Bộ Thủy lợi, Tổng cục địa chất...) có trách nhiệm huy động ...".
_CLASS_MEMBERS = re.compile(r"^((?:Các|các)\s[^()]{3,120}?)\s*\(([^()]+)\)")


def _class_with_members(
    heading: str, base: int, province: str | None, strict: bool
) -> list[AgencyMention] | None:
    """The class and its members named in brackets when the item goes on with its task verb or a lead cue:
    the class leads it and so does each member it names (listed bodies only)."""
    m = _CLASS_MEMBERS.match(heading)
    if not m:
        return None
    rest = heading[m.end() :].lstrip()
    if not (opens_with(_after_adverbial(rest), "lead") or acts_on(heading, m.end())):
        return None
    members = cell_agencies(m.group(2).rstrip(" .…"), base + m.start(2), province)
    if not members or not all(a.match.id for a in members):
        return None
    if strict and not match_group(m.group(1)):
        return None
    name = m.group(1)
    group = AgencyMention(base, base + len(name), name, resolve_or_keep(name, province, True))
    return [group, *members]


# A unit of the named body in brackets right after it: "Bộ Quốc phòng (Cục Bản đồ Tổng tham mưu)".
_BRACKETED = re.compile(r"\s*\([^()]{2,80}\)")
# A heading that asks or tasks the bodies it names ("Đề nghị:", "Giao", "Yêu cầu"), before their names.
_REQUEST = re.compile(r"^(?:(?:Kính\s+)?Đề\s+nghị|Giao|Yêu\s+cầu)\s*:?\s+(?=[^\W\d_])")
# An unknown agency heading still reads as one: a body noun first, few words, no sentence punctuation.
_AGENCY_HEAD = re.compile(
    r"^(?:Sở|Ban|Bộ|Cục|Chi cục|Tổng cục|Ủy ban|Uỷ ban|UBND|Đài|Báo|Hội|Liên đoàn|Liên hiệp|"
    r"Liên minh|Công an|Trung tâm|Viện|Trường|Văn phòng|Thanh tra|Kho bạc|Ngân hàng|Tỉnh đoàn|"
    r"Thành đoàn|Đoàn|Bảo hiểm|Quỹ|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Huyện ủy|Đảng ủy|Bộ Chỉ huy|Các)"
    r"\b[^.;:!?]{0,80}$"
)


def addressees(
    heading: str, base: int, province: str | None, strict: bool = False
) -> tuple[list[AgencyMention], int] | None:
    """Agencies a sub-section heading addresses, and where its own task text starts; None if not agencies.
    ``strict`` (a heading outside an organisation section): only names the gazetteer reads count."""
    if is_office_holder(heading):
        return None
    if duty := _duty_of(heading, base, province):
        return duty
    if asked := _REQUEST.match(heading):
        # "6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh", "2. Giao Sở Nội vụ": bodies asked or
        # tasked in a heading of names only head its items like "2. Sở Nội vụ:" (a heading that goes on with
        # its own task, "Đề nghị X tham gia ...", is read as a sentence below)
        inner = addressees(heading[asked.end() :], base + asked.end(), province, strict)
        if inner and inner[1]:
            return inner[0], asked.end() + inner[1]
    named = _NAMED_MEMBERS.match(heading)
    if named:  # "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu kinh tế):" names its members
        members = cell_agencies(named.group(1), base + named.start(1), province)
        if members and all(m.match.id or (not strict and _AGENCY_HEAD.match(m.written)) for m in members):
            return members, len(heading)
    if class_of := _class_with_members(heading, base, province, strict):
        return class_of, 0
    found, end = agencies_at(heading, 0, base, province)
    if found and (unit := _BRACKETED.match(heading, end)):
        end = unit.end()  # "Bộ Quốc phòng (Cục Bản đồ) có trách nhiệm:": the unit in brackets says who works
    rest = heading[end:].lstrip()
    if found and (not rest or rest[0] in ":-–"):
        return found, end + (len(heading[end:]) - len(rest)) + (1 if rest else 0)
    if found and rest.rstrip().endswith(":") and opens_with(_after_adverbial(rest), "lead"):
        # "Văn phòng Trung ương Đảng có trách nhiệm:", "Bộ Tài chính chủ trì, phối hợp với Y:": the items
        # after it are its tasks (partners named here pass down to them)
        return found, len(heading)
    if found and acts_on(heading, end):
        return found, 0  # "Văn phòng Tỉnh ủy theo dõi, đôn đốc ...": the whole item is its task
    if heading.rstrip().endswith(":") and (said := subject_of(heading, base, province)):
        # "Giao Sở X là cơ quan đầu mối, có trách nhiệm:" / its items: X leads every one of them; not the
        # document's exhortation over its whole list ("Bộ X yêu cầu các đơn vị ... các nhiệm vụ sau:")
        return None if exhorts(heading, said[0]) else (said[0], len(heading))
    shared = _SHARED_HEAD.match(heading)
    if shared:  # "Các Sở: Nông nghiệp và Phát triển nông thôn; Công Thương; Y tế"
        return _shared_head(heading, shared, base, province), len(heading)
    name = _name_part(heading.split(":", 1)[0].strip())
    after = heading[len(name) :].strip()
    # the name alone ("Sở Xây dựng", "Thuế tỉnh:"), or an intro "X có trách nhiệm:" before its items
    heads_items = not after or after.startswith(":") or heading.rstrip().endswith(":")
    if not strict and heads_items and _agency_head(name) and not find_cue(name, "coordinate"):
        match = resolve_or_keep(name, province, name.lower().startswith("các"))
        # "Cục X có trách nhiệm:" introduces the items after it: the heading holds no task of its own
        task_at = len(heading) if heading.rstrip().endswith(":") else min(len(name) + 1, len(heading))
        return [AgencyMention(base, base + len(name), name, match)], task_at
    return None


# An article's own label before its heading ("Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ").
_ARTICLE_LABEL = re.compile(r"(?:Điều\s+\d+\s*[.:]?\s*)?")


def duty_of(heading: str) -> int | None:
    """Where the agencies of a duty heading ("Điều 34. Nhiệm vụ, quyền hạn của Bộ Nội vụ", "Trách nhiệm của
    Sở Y tế:") start, or None if ``heading`` is none."""
    at = _ARTICLE_LABEL.match(heading).end()  # type: ignore[union-attr]  # an optional match always matches
    cue = find_cue(heading[at:], "duty-of")
    return at + cue.end() if cue and cue.start() == 0 else None


def _duty_of(heading: str, base: int, province: str | None) -> tuple[list[AgencyMention], int] | None:
    """The agencies named whole after a duty heading's words: they lead every item under it (a decree's
    articles, a plan's sub-sections)."""
    at = duty_of(heading)
    if at is None:
        return None
    found, end = agencies_at(heading, at, base, province)
    # "Trách nhiệm của các đơn vị liên quan": the items under it say which ones, each its own addressee
    if len(found) == 1 and fold_keep_length(found[0].written).endswith("lien quan"):
        return None
    if found and not heading[end:].strip(" :.;"):
        if len(found) > 1 and any(m.match.is_group for m in found):
            # "Trách nhiệm của các cơ quan Nhà nước, Mặt trận Tổ quốc Việt Nam, các tổ chức chính trị - xã hội
            # ở trung ương": a list with a class of bodies in it names one class, kept whole as written
            first, last = found[0], found[-1]
            whole = heading[first.start - base : last.end - base]
            found = [AgencyMention(first.start, last.end, whole, resolve_or_keep(whole, province, True))]
        return found, len(heading)
    return None


def _after_adverbial(rest: str) -> str:
    """``rest`` without a leading "theo chức năng, nhiệm vụ, thẩm quyền": "Bộ Quốc phòng, Bộ Công an theo
    chức năng, nhiệm vụ, thẩm quyền chủ trì, phối hợp với Y:" heads its items like "X chủ trì ...:"."""
    skip = find_cue(rest, "adverbial")
    return rest[skip.end() :] if skip else rest


def _agency_head(name: str) -> bool:
    """Whether a heading the gazetteer cannot read still names a body: a body noun first; a "Các ..." one
    only as a group the grammar of groups reads ("Các sở, ban, ngành ...", not "Các trường hợp khác")."""
    if not _AGENCY_HEAD.match(name):
        return False
    return not name.startswith("Các ") or match_group(name) is not None


def _name_part(s: str) -> str:
    """The name a heading the gazetteer cannot read opens with: up to a role cue ("Cục đo đạc và bản đồ
    Nhà nước có trách nhiệm"), without a bracketed unit after it ("Bộ Quốc phòng (Cục Bản đồ)")."""
    folded = fold_keep_length(s)  # once: the fold of a slice is the slice of the fold (issue 15)
    for m in re.finditer(r"\s+", s):
        rest, rest_folded = s[m.end() :], folded[m.end() :]
        if opens_with(rest, "lead", rest_folded) or rest.startswith("("):
            return s[: m.start()]
        if (adverb := find_cue(rest, "adverbial", rest_folded)) and adverb.start() == 0:
            return s[: m.start()].rstrip(",")  # "Bộ Y tế theo chức năng, nhiệm vụ": the name ends before
    return s


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
        match = resolve_or_keep(f"{head} {name}", province, False)
        out.append(AgencyMention(base + start, base + start + len(name), name, match))
    return out
