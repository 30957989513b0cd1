"""Typed lineage edges stated by the text.

- SELF edges only from the title, "Căn cứ" lines and the opening paragraph (NOTES.md G10): a "Căn cứ" line
  makes SELF ``based_on`` its first document; "thực hiện/triển khai X" (before X) makes SELF ``implements``
  X; a "Căn cứ X ... ban hành Kế hoạch triển khai thực hiện" line makes SELF implement X as well.
- Chains inside one sentence, anywhere: "A ... thực hiện B ... về tiếp tục thực hiện C" gives A→B and B→C; an
  unnumbered document between them (Đề án, Chương trình) takes the edge instead, and such edges are dropped
  (G12) — except "A ban hành Kế hoạch thực hiện B", where A is credited.
- "Xét đề nghị" lines give nothing (G11); "phê duyệt" is not "thực hiện".
- A title "thực hiện Đề án X" with a "Căn cứ" decision that "phê duyệt Đề án X" makes SELF implement that
  decision (the decision is how the text names the Đề án).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from kg.extract.references import Mention
from kg.lexicon import vocab
from kg.lexicon.lines import doc_type_words
from kg.models import SELF, LineageEdge, Relation
from kg.normalize import Text
from kg.segment.outline import Outline
from kg.text.strings import fold

# A sentence ends at ".;!?" before a capital or a bullet, and at a line break after a closing mark or before
# a labelled or bulleted line or a sentence opening ("Thực hiện", "Căn cứ"); other line breaks are wrapping
# ("... của" / "Chính phủ thực hiện ...").
_SENTENCE_BREAK = re.compile(
    r"(?:[.;!?](?=\s+[A-ZĐÀ-Ỹ\-+•])|(?<=[.;:!?])[ *]*\n|\n(?=[ \t]*\n)"
    r"|\n(?=\s*(?:[-+•–]|[0-9IVXivx]{1,4}[.)]|[a-zđ]\)|Điều\s"
    r"|(?:Thực hiện|Triển khai|Căn cứ|Xét|Theo|Để)\b)))"
)


@cache
def _cues() -> tuple[tuple[str, str], ...]:
    """(folded cue, relation), longest first."""
    rows = [(str(e["cue"]), str(e["relation"])) for e in vocab.load("lineage_cues")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def relation_before(text: str) -> str | None:
    """The cue relation a text ends with (the words just before a document's type word), or None.

    >>> relation_before("của Ban Thường vụ Tỉnh ủy thực hiện ")
    'implements'
    >>> relation_before("ban hành Quyết định phê duyệt ") is None
    True
    """
    key = fold(text)
    # words that qualify the cue without changing it ("thực hiện nghiêm", "sơ kết 05 năm thực hiện")
    key = re.sub(
        r"\b(co hieu qua|hieu qua|tot|nghiem tuc|nghiem|day du|dong bo|cac|viec|ve|nham|de|to chuc"
        r"|\d+ nam)\b",
        " ",
        key,
    )
    key = re.sub(r"[^a-z0-9 ]", " ", key)
    key = re.sub(r"\s+", " ", key).strip()
    for cue, rel in _cues():
        if key.endswith(cue):
            return rel if rel == "implements" else None
    return None


@cache
def _type_word_re() -> re.Pattern[str]:
    """A document's type word; one that doubles as a verb ("hướng dẫn thực hiện", "quy định") only when
    written with its capital ("Hướng dẫn số", "HƯỚNG DẪN")."""
    nouns: list[str] = []
    verbs: list[str] = []
    for w, _c, _codes in doc_type_words():
        (verbs if fold(w) in _VERB_TYPE_WORDS else nouns).append(w)
    either = "|".join(re.escape(w) for w in nouns)
    capital = "|".join(re.escape(f) for w in verbs for f in (w, w.upper()))
    return re.compile(rf"\b(?:(?i:{either})|{capital})\b")


_VERB_TYPE_WORDS = ("huong dan", "quy dinh", "thong bao", "bao cao", "ket luan")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    breaks = {m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)}
    breaks |= {m.end() for m in _TABLE_ROW_END.finditer(text, start, end)}
    out: list[tuple[int, int]] = []
    pos = start
    for b in sorted(breaks):
        out.append((pos, b))
        pos = b
    out.append((pos, end))
    return out


# A line break before or after a table row ("1 | Kế hoạch số ... | Sở X"): rows are not one sentence.
_TABLE_ROW_END = re.compile(r"\n(?=[^\n]*\s\|\s)|(?<=\n)(?=[^\n]*\s\|\s)[^\n]*\n")


def _opening_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of an opening paragraph (". " before a capital)."""
    out, pos = [], start
    for m in re.finditer(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ])", text[start:end]):
        out.append((pos, start + m.end()))
        pos = start + m.end()
    return [*out, (pos, end)]


def _chain_edges(
    text: str, mentions: list[Mention], self_ok: bool, self_key: str | None
) -> list[tuple[str, str, int, int]]:
    """Implements edges between consecutive mentions of one sentence: (source, target, start, end). A target
    coordinated with the one before ("thực hiện Nghị quyết A và Chương trình B") is implemented too; a
    titled scheme that a decision approves or issues ("Quyết định X phê duyệt Chiến lược Y triển khai thực
    hiện Z") passes its edge to the decision (the decision is how the text names it)."""
    edges: list[tuple[str, str, int, int]] = []
    chain: str | None = None  # the source whose target list is open
    for i, (a, b) in enumerate(itertools.pairwise(mentions)):
        between = text[a.end : b.start]
        if chain and ";" not in between and _coordinated(between):
            edges.append((chain, b.label, a.start, b.end))
            continue
        chain = None
        if relation_before(between) != "implements" or ";" in between:
            continue  # after ";" a new clause starts: "Căn cứ A ...; thực hiện B" does not make A→B
        if _unnumbered_between(between) and not re.search(r"\bban hành\b", between):
            continue
        src = SELF if self_key and a.key == self_key else a.label
        if not a.number and i > 0 and _ISSUES_SCHEME.search(text[mentions[i - 1].end : a.start]):
            src = mentions[i - 1].label  # "Quyết định X phê duyệt “Chiến lược Y”": X carries the edge
        if src == SELF and not self_ok:
            continue
        edges.append((src, b.label, a.start, b.end))
        chain = src
    return edges


def _coordinated(between: str) -> bool:
    """ "... và <document>": joined by "và"/"cùng" to the target before (a comma may start another item of an
    enumeration of documents, each with its own description)."""
    last = list(_LIST_SEP.finditer(between))
    return bool(last) and last[-1].group(0).lower() in ("và", "cùng") and _lists(between, True)


# A decision that approves or issues an unnumbered scheme named next ("phê duyệt “Chiến lược ...").
_ISSUES_SCHEME = re.compile(r"\b(?:phê duyệt|ban hành)\s*[“\"«]?\s*$", re.IGNORECASE)


def _unnumbered_between(between: str) -> bool:
    """Whether another (unnumbered) document is named between two mentions: it takes the edge."""
    clauses = re.split(r"\b(?:thực hiện|triển khai)\b", between, flags=re.IGNORECASE)
    head = clauses[-2] if len(clauses) >= 2 else between
    if re.search(r"\bban hành\b", head, re.IGNORECASE):
        return False  # "ban hành Kế hoạch triển khai X": the plan issued is this text (or the issuer's own)
    return bool(_type_word_re().search(head)) and not re.search(r"\bcủa\b[^,]*$", head)


def extract_lineage(
    text: Text, outline: Outline, mentions: list[Mention], self_key: str | None
) -> list[LineageEdge]:
    """Lineage edges of a text, deduplicated, in order of first statement."""
    norm = text.text
    self_zones = _self_zones(outline)
    edges: list[tuple[str, Relation, str, int, int]] = []
    for zs, ze, kind in self_zones:
        inside = [m for m in mentions if zs <= m.start < ze]
        if not inside:
            continue
        edges += _self_edges(norm, zs, ze, kind, inside, self_key)
        if (
            kind == "opening"
        ):  # "Thời gian qua, ... . Để tiếp tục thực hiện X, UBND ban hành ...": each sentence
            for s, e in _opening_sentences(norm, zs, ze)[1:]:
                part = [m for m in inside if s <= m.start < e]
                if part:
                    edges += _self_edges(norm, s, e, kind, part, self_key)
    starting_in = _by_start(mentions)
    for s, e in _sentences(norm, 0, len(norm)):
        inside = starting_in(s, e)
        in_self = any(zs <= s < ze for zs, ze, _k in self_zones)
        for src, dst, a, b in _chain_edges(norm, inside, in_self, self_key):
            edges.append((src, "implements", dst, a, b))
    edges += _composed_edges(norm, outline, mentions)
    return _dedupe(text, edges)


def _by_start(mentions: list[Mention]) -> Callable[[int, int], list[Mention]]:
    """The mentions starting in [s, e), in their order in ``mentions``: found by bisection in an index sorted
    once, not by a scan of every mention for every sentence (issue 15: quadratic in a document's size)."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    starts = [mentions[i].start for i in order]

    def starting_in(s: int, e: int) -> list[Mention]:
        return [mentions[i] for i in sorted(order[bisect_left(starts, s) : bisect_left(starts, e)])]

    return starting_in


def _self_zones(outline: Outline) -> list[tuple[int, int, str]]:
    zones: list[tuple[int, int, str]] = []
    if outline.title_start is not None and outline.title_end is not None:
        zones.append((outline.title_start, outline.title_end, "title"))
    for item in outline.preamble:
        if item.kind in ("can_cu", "opening"):
            zones.append((item.start, item.end, item.kind))
    return zones


def _self_edges(
    norm: str, zs: int, ze: int, kind: str, inside: list[Mention], self_key: str | None
) -> list[tuple[str, Relation, str, int, int]]:
    out: list[tuple[str, Relation, str, int, int]] = []
    others = [m for m in inside if not (self_key and m.key == self_key)]
    if not others:
        return out
    first = others[0]
    lead = norm[zs : first.start]
    targets = _listed(norm, others)
    if kind == "can_cu":
        out += [(SELF, "based_on", m.label, zs, m.end) for m in targets]
    if _lead_implements(lead):
        out += [(SELF, "implements", m.label, zs, m.end) for m in targets]
    out += _clause_edges(norm, others)
    tail = norm[inside[-1].end : ze]
    if kind in ("can_cu", "opening") and re.search(
        r"\bban hành\b[^.;]*\b(?:thực hiện|triển khai)\b", tail, re.I
    ):
        out.append((SELF, "implements", first.label, zs, ze))
    if self_key and inside[0].key == self_key:
        between = norm[inside[0].end : first.start]
        if relation_before(between) == "implements":
            out.append((SELF, "implements", first.label, inside[0].start, first.end))
    return out


# A zone that opens with an implements cue ("Thực hiện", "Để tiếp tục thực hiện nghiêm") lists its targets.
_OPENS_WITH_CUE = re.compile(r"^\W*(?:để\s+)?(?:tiếp tục\s+)?(?:thực hiện|triển khai)\b", re.IGNORECASE)
# "Luật X số 85/2015/QH13 và được sửa đổi, bổ sung một số điều tại Luật số 83/2025/QH15": the amending act is
# part of the basis.
_AMENDED_BY = re.compile(
    r"\bđược\s+(?:sửa\s+đổi|bổ\s+sung|thay\s+thế)[^;]{0,60}?\b(?:tại|bởi|theo)\s*$", re.IGNORECASE
)
# What separates the documents of a list: a new clause (";", ":", "(") or a coordination ("," "và").
_LIST_SEP = re.compile(r"[;:(]|,|\bvà\b|\bcùng\b", re.IGNORECASE)
# What may stand between a separator and a listed document: a bullet, "Căn cứ", "số", or a type word the
# vocabulary does not know followed by "số" ("Phương án số", "Văn bản số").
_LIST_LEAD = re.compile(
    r"^\s*(?:[-–•+]\s*)?(?:căn cứ\s*)?(?:(?:[A-ZĐÀ-Ỹ][^\s,;:()]*(?:\s+[^\s,;:()]+){0,3}\s+)?số\s*:?\s*)?$",
    re.IGNORECASE,
)


# "Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số X": carrying out what X says (folded)
_INSTRUCTION_IN = re.compile(
    r"^\W*(?:de\s+)?(?:tiep tuc\s+)?(?:thuc hien|trien khai)\s+"
    r"(?:y kien\s+)?(?:chi dao|yeu cau|noi dung|y kien)\b[^;.]*\b(?:tai|theo)\s*$"
)
# "thực hiện các Nghị quyết của Chính phủ: số 01/NQ-CP ...; số 02/NQ-CP": a plural announcing the list
_ANNOUNCED_LIST = re.compile(
    r"\b(?:các|những)\s+\S+(?:\s+\S+)?(?:\s+của\s+[^:;]{1,60})?\s*:\s*(?:số\s*)?$", re.IGNORECASE
)


def _lead_implements(lead: str) -> bool:
    """Whether the words before a zone's first document make it implemented: "Thực hiện X", or "Thực hiện
    <an unnumbered document>; X" (the zone's list goes on after the ";")."""
    lead = _ANNOUNCED_LIST.sub(" ", lead)
    if relation_before(lead) == "implements" and not _unnumbered_between(lead):
        return True
    if _INSTRUCTION_IN.search(fold(lead)):
        return True
    return bool(_OPENS_WITH_CUE.match(lead)) and ";" in lead and not lead.rsplit(";", 1)[1].strip()


def _listed(norm: str, mentions: list[Mention]) -> list[Mention]:
    """The documents a Căn cứ item, title or opening lists: the first, those that start a clause of their own
    ("...; Nghị định số 91/2022/NĐ-CP", "(Số 37/2019/NĐ-CP, số 58/2023/NĐ-CP"), those coordinated with a
    listed one by "," or "và", and an amending act ("và được sửa đổi, bổ sung ... tại Luật số 83/2025/QH15").
    A document only named in another's description ("quy định chi tiết Luật X", "thực hiện Chỉ thị Y",
    "sửa đổi Nghị định Z") is not listed: a mere mention gives no edge."""
    out = [mentions[0]]
    listed = True
    for prev, m in itertools.pairwise(mentions):
        listed = _lists(norm[prev.end : m.start], listed)
        if listed:
            out.append(m)
    return out


def _lists(between: str, prev_listed: bool) -> bool:
    """Whether the document after ``between`` is listed, given whether the one before it is."""
    if _AMENDED_BY.search(between):
        return True
    seps = list(_LIST_SEP.finditer(between))
    if not seps or not _LIST_LEAD.match(between[seps[-1].end() :]):
        return False
    lead = re.sub(r"^\s*(?:[-–•+]\s*)?(?:căn cứ\s*)?", "", between[seps[-1].end() :], flags=re.IGNORECASE)
    if lead[:1].isalpha() and not lead[:1].isupper() and not re.match(r"số\b", lead):
        return False  # "...; đồng thời tại văn bản số X": a clause, not a document of the list
    if seps[-1].group(0) in (";", ":", "("):
        return relation_before(between[: seps[-1].start()]) is None
    if re.fullmatch(r"\s*(?:số|Số)\s*", between[seps[-1].end() :]):
        return True  # "(Số A, số B ... của Nghị định số C và số D)": a bare "số" goes on with the list
    cue = re.search(r"\b(?:thực hiện|triển khai)\b", between, re.IGNORECASE)
    return prev_listed and cue is None


def _clause_edges(norm: str, mentions: list[Mention]) -> list[tuple[str, Relation, str, int, int]]:
    """ "Căn cứ A ...; thực hiện B ...": a later clause of a preamble line opening with an implements cue."""
    out: list[tuple[str, Relation, str, int, int]] = []
    for prev, m in itertools.pairwise(mentions):
        between = norm[prev.end : m.start]
        if ";" not in between:
            continue
        clause = between.rsplit(";", 1)[1]
        if relation_before(clause) == "implements" and not _unnumbered_between(clause):
            out.append((SELF, "implements", m.label, prev.end, m.end))
    return out


def _composed_edges(
    norm: str, outline: Outline, mentions: list[Mention]
) -> list[tuple[str, Relation, str, int, int]]:
    """SELF implements the documents that carry the unnumbered scheme its title says it carries out: the
    decisions that approve it ("Căn cứ Quyết định 991/QĐ-TTg phê duyệt Quy hoạch X" under a title "Kế
    hoạch thực hiện Quy hoạch X"), or the numbered scheme itself ("Căn cứ Chương trình số 1249a ... về X"
    under "Kế hoạch triển khai thực hiện Chương trình X")."""
    if not outline.title:
        return []
    m = re.search(
        r"thực hiện\s+(đề án|chương trình|chiến lược|dự án|quy hoạch)\s+(.{20,})",
        outline.title,
        re.IGNORECASE,
    )
    if not m:
        return []
    kind, name = fold(m.group(1)), _words(m.group(2), 6)
    out: list[tuple[str, Relation, str, int, int]] = []
    for item in outline.preamble:
        inside = [x for x in mentions if item.start <= x.start < item.end and x.number]
        if item.kind != "can_cu" or not inside:
            continue
        key = fold(norm[item.start : item.end])
        approves = re.search(r"phe duyet\s+(?:dieu chinh\s+)?" + re.escape(kind) + r"\s+(.{20,})", key)
        itself = fold(inside[0].doc_type or "") == kind and re.search(
            r"\bve\s+(.{20,})", fold(norm[inside[0].end : item.end])
        )
        described = approves or itself
        if described and _words(described.group(1), 6) == name:
            targets = _listed(norm, inside) if approves else inside[:1]
            out += [(SELF, "implements", t.label, item.start, item.end) for t in targets]
    return out


def _words(s: str, n: int) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(s)).split()[:n])


def _dedupe(text: Text, edges: list[tuple[str, Relation, str, int, int]]) -> list[LineageEdge]:
    seen: set[tuple[str, str, str]] = set()
    out: list[LineageEdge] = []
    for src, rel, dst, a, b in edges:
        if src == dst or (src, rel, dst) in seen or not dst:
            continue
        seen.add((src, rel, dst))
        out.append(LineageEdge(src, rel, dst, text.span(a, b)))
    return out
