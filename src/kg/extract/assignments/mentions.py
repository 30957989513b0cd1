"""Agency mentions in running text: a list of names at a position, the partners after "phối hợp (với)", the
recipients of a report, and a name kept as printed when the gazetteer lacks it.

Matching names is kg.lexicon.gazetteer' job; this module places its mentions at absolute offsets (``base`` is
where the examined string starts in the normalized text).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.assignments.cues import cues
from kg.lexicon.gazetteer import (
    AgencyMatch,
    AgencyMention,
    agency_starts,
    canonical_agency_name,
    fold_keep_length,
    parse_agency_list,
    resolve_agency,
)
from kg.lexicon.phrases import shared_head_at, starts_predicate


def agency_key(m: AgencyMention) -> str:
    """The name two mentions share when they name the same agency."""
    return m.match.name


def _shift(m: AgencyMention, base: int) -> AgencyMention:
    """``m`` moved by ``base`` characters."""
    return AgencyMention(m.start + base, m.end + base, m.written, m.match)


def agencies_at(s: str, pos: int, base: int, province: str | None) -> tuple[list[AgencyMention], int]:
    """The agency list at ``pos`` of ``s`` (offsets shifted by ``base``) and where it ends in ``s``; a list
    with a shared head ("Các Bộ: Tài chính, Quốc phòng, Công an") is expanded, one body each."""
    shared = _shared_head_list(s, pos, province)
    if shared:
        found, end = shared
        more = _LIST_GO_ON.match(s, end)
        if more:
            rest, stop = parse_agency_list(s, more.end(), province)
            if rest:
                found, end = found + rest, stop
        return [_shift(m, base) for m in found], end
    party = _party_prefixed(s, pos, province)
    if party:
        return [_shift(m, base) for m in party[0]], party[1]
    found, end = parse_agency_list(s, pos, province)
    return [_shift(m, base) for m in found], end


# Where an agency list may start: a letter at the start of the text or after a space, comma, ";" or "(".
_WORD_START = re.compile(r"(?:^|(?<=[\s,;(]))[^\W\d_]")


@lru_cache(maxsize=512)
def list_starts(s: str) -> tuple[int, ...]:
    """The word starts of ``s`` where ``agencies_at`` or ``parse_agency_list`` may find agencies (the
    gazetteer's ``agency_starts``, and "các" opening a shared head or a party prefix), first first; at any
    other word start both find none (issue 15: readers tried a list at every word)."""
    starts = agency_starts(s)
    words = (m.start() for m in _WORD_START.finditer(s))
    return tuple(p for p in words if p in starts or (s[p] in "cC" and _cac_list(s, p)))


def _cac_list(s: str, pos: int) -> bool:
    """Whether "các" at ``pos`` opens a list ``agencies_at`` reads before the gazetteer's: a shared head or
    a party prefix."""
    return s.startswith(("các", "Các"), pos) and bool(_PARTY_PREFIX.match(s, pos) or shared_head_at(s, pos))


# "Các Đảng ủy Bộ Tài chính, Bộ Nội vụ": a party body's kind printed once before the bodies it belongs to.
_PARTY_PREFIX = re.compile(
    r"(?:Các|các)\s+(Đảng [uủ][yỷ]|Đảng đoàn|Ban cán sự đảng|đảng [uủ][yỷ]|đảng đoàn)\s+(?=[^\W\d_])"
)


def _party_prefixed(s: str, pos: int, province: str | None) -> tuple[list[AgencyMention], int] | None:
    """ "Các Đảng ủy Bộ Tài chính, Bộ Nội vụ khẩn trương ..." → "Đảng ủy Bộ Tài chính", "Đảng ủy Bộ Nội
    vụ" (each body named in full), when two bodies at least follow the prefix; None otherwise."""
    m = _PARTY_PREFIX.match(s, pos)
    if not m:
        return None
    bodies, end = parse_agency_list(s, m.end(), province)
    if len(bodies) < 2 or any(b.match.is_group for b in bodies):
        return None
    head = m.group(1)[0].upper() + m.group(1)[1:]
    out = [
        AgencyMention(b.start, b.end, b.written, resolve_or_keep(f"{head} {b.written}", province, False))
        for b in bodies
    ]
    return out, end


_ITEM_END = re.compile(r"\s*[,;\n.(]")
_LIST_GO_ON = re.compile(r"\s*[;,]\s*|\s+và\s+")


def _shared_head_list(s: str, pos: int, province: str | None) -> tuple[list[AgencyMention], int] | None:
    """The bodies of a shared-head list at ``pos`` ("Các Bộ: Tài chính, Quốc phòng, Công an tiếp tục
    ...": "Bộ Tài chính", "Bộ Quốc phòng", "Bộ Công an"), and where the list ends; None if there is none.
    An item ends at a comma or ";", or where a task verb starts ("Công an tiếp tục ...")."""
    m = shared_head_at(s, pos) if s.startswith(("các", "Các"), pos) else None
    if not m:
        return None
    head = m[0][0].upper() + m[0][1:]
    out: list[AgencyMention] = []
    at = m[1]
    end = at
    while at < len(s) and s[at].isupper():
        stop = _longest_known(s, at, head, province) or _ITEM_END.search(s, at)
        item_end = stop.start() if stop else len(s)
        known = _listed(f"{head} {s[at:item_end].rstrip()}", province)
        verb = (
            None
            if known
            else next(
                (
                    w.start()
                    for w in re.finditer(r"(?<=\s)\S", s[at:item_end])
                    if starts_predicate(s, at + w.start())
                ),
                None,
            )
        )
        if verb is None and not known:
            verb = _known_prefix(s, at, item_end, head, province)  # "Xây dựng có ý kiến về ..."
        if verb is not None:
            item_end = at + verb
        name = s[at:item_end].rstrip()
        out.append(
            AgencyMention(at, at + len(name), name, resolve_or_keep(f"{head} {name}", province, False))
        )
        end = at + len(name)
        if verb is not None or not stop or s[stop.end() - 1] != ",":
            break
        at = stop.end() + len(s[stop.end() :]) - len(s[stop.end() :].lstrip())
    return (out, end) if out else None


def _listed(name: str, province: str | None) -> bool:
    """Whether the gazetteer lists ``name`` itself: a member of an open family ("Tập đoàn <X>") does not
    count, since any words after its head make one ("Tập đoàn A, B tổ chức triển khai ...")."""
    found = resolve_agency(name, province)
    return found is not None and "--" not in found.id


def _known_prefix(s: str, at: int, end: int, head: str, province: str | None) -> int | None:
    """The length of the longest run of words from ``at`` (short of ``end``) the gazetteer knows under
    ``head``, when the item goes on past it."""
    cuts = [w.start() for w in re.finditer(r"(?<=\S)\s", s[at:end])]
    for cut in reversed(cuts):
        if _listed(f"{head} {s[at : at + cut]}", province):
            return cut
    return None


def _longest_known(s: str, at: int, head: str, province: str | None) -> re.Match[str] | None:
    """The end of the longest item from ``at`` the gazetteer knows under ``head`` when it runs over a comma
    ("các sở: Văn hóa, Thể thao và Du lịch, Y tế": "Sở Văn hóa, Thể thao và Du lịch" is one body)."""
    best = None
    for m in _ITEM_END.finditer(s, at, min(len(s), at + 90)):
        if m.group(0).strip() in ";.(\n":
            break
        nxt = _ITEM_END.search(s, m.end())
        if nxt and _listed(f"{head} {s[at : nxt.start()].rstrip()}", province):
            best = nxt
    return best


def resolve_or_keep(name: str, province: str | None, is_group: bool) -> AgencyMatch:
    """The gazetteer's match for ``name``, else the name as printed (a provincial state body): a heading or
    a table cell that holds only a name names an agency even when the gazetteer does not know it."""
    return resolve_agency(name, province) or AgencyMatch(
        "", canonical_agency_name(name), None, "provincial", "state", is_group
    )


def partners(s: str, base: int, province: str | None) -> list[AgencyMention]:
    """Agencies named after "phối hợp (với)" in ``s`` (every occurrence)."""
    out: list[AgencyMention] = []
    folded = fold_keep_length(s)
    for pattern in cues("coordinate"):
        for m in pattern.finditer(folded):
            found, _ = agencies_at(s, m.end(), base, province)
            out.extend(found)
    return out


def directed_leads(s: str, base: int, province: str | None) -> list[AgencyMention]:
    """Agencies a lead directs to lead the task themselves ("Chỉ đạo Đảng ủy Bộ Y tế chủ trì ..."): named
    after "(lãnh đạo,) chỉ đạo" and followed by "chủ trì", they lead it too."""
    out: list[AgencyMention] = []
    folded = fold_keep_length(s)
    for pattern in cues("directs"):
        for m in pattern.finditer(folded):
            found, end = agencies_at(s, m.end(), base, province)
            if found and re.match(r"\s*,?\s*chu tri\b", folded[end:]):
                out.extend(found)
    return out


def partner_ranges(s: str, province: str | None) -> list[tuple[int, int]]:
    """[start, end) in ``s`` of every partner list (after "phối hợp (với)")."""
    folded = fold_keep_length(s)
    out = []
    for pattern in cues("coordinate"):
        for m in pattern.finditer(folded):
            found, end = parse_agency_list(s, m.end(), province)
            if found:
                out.append((m.end(), end))
    return out


def report_recipients(s: str, base: int, province: str | None) -> list[AgencyMention]:
    """The agencies ``s`` sends its report to ("báo cáo kết quả về X", "gửi về X"), groups left out."""
    folded = fold_keep_length(s)
    # the first report only: "báo cáo về X để tổng hợp, báo cáo Y" is X's onward report, not this task's
    hits = sorted((m for p in cues("reports-to") for m in p.finditer(folded)), key=lambda m: m.start())
    for m in hits:
        found, _ = agencies_at(s, m.end(), base, province)
        if found:
            return [a for a in found if not a.match.is_group]
    return []
