"""Agency mentions in running text: a list of names at a position, the partners after "phối hợp (với)", the
recipients of a report, and a name kept as printed when the gazetteer lacks it.

Matching names is kg.lexicon.gazetteer' job; this module places its mentions at absolute offsets (``base`` is
where the examined string starts in the normalized text).
"""

from __future__ import annotations

from kg.extract.assignments.cues import cues
from kg.lexicon.gazetteer import (
    AgencyMatch,
    AgencyMention,
    canonical_agency_name,
    fold_keep_length,
    parse_agency_list,
    resolve_agency,
)


def agency_key(m: AgencyMention) -> str:
    """The name two mentions share when they name the same agency."""
    return m.match.name


def _shift(m: AgencyMention, base: int) -> AgencyMention:
    """``m`` moved by ``base`` characters."""
    return AgencyMention(m.start + base, m.end + base, m.written, m.match)


def agencies_at(s: str, pos: int, base: int, province: str | None) -> tuple[list[AgencyMention], int]:
    """The agency list at ``pos`` of ``s`` (offsets shifted by ``base``) and where it ends in ``s``."""
    found, end = parse_agency_list(s, pos, province)
    return [_shift(m, base) for m in found], end


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
