"""Agencies: names as printed → gazetteer entries (data/vocab/agencies.yaml) and record names (NOTES.md G6).

Three jobs, all driven by data:
- ``expand_abbreviations``: "Sở KH&CN" → "Sở Khoa học và Công nghệ" (data/vocab/agency_abbreviations.yaml);
- ``resolve_agency`` / ``canonical_agency_name``: one gazetteer identity and the name records show (official
  form, abbreviations expanded, no province added; collective groups kept whole as written);
- ``find_agency_at`` / ``parse_agency_list``: read the agency names printed at a position of a sentence
  ("Sở Tài chính, Sở Kế hoạch và Đầu tư tham mưu ..."), longest gazetteer match first, groups by the
  grammar of data/vocab/agency_groups.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from kg.lexicon import vocab
from kg.lexicon.automaton import PhraseSet
from kg.lexicon.changes import successor_ids
from kg.lexicon.phrases import Head, head_at, head_starts, is_task_verb, read_phrase
from kg.text.aligned import fold_keep_length, modern_tones
from kg.text.folded import fold_text
from kg.text.strings import collapse, nfc, slug

# A name's scope as printed after it: "tỉnh", "thành phố", optionally followed by the place name.
_LIST_SEP = re.compile(r"\s*[,;]\s*(?:và\s+|cùng\s+)?|\s+(?:và|cùng|với)\s+|\s*/\s*")
# Place words a name may end with, before the place's name ("Công an xã Lương Minh").
_PLACES = r"tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu"
# A name may run over one line break (a layout wraps it: "Ủy ban nhân dân thành phố Hà" / "Nội"), not two.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_SCOPE_WORD = re.compile(rf"{_GAP}(?i:{_PLACES})(?![\w])")
# the same words folded (lower case, no diacritics), ending a name: "Ủy ban nhân dân tỉnh" + a place name
_PLACE_END = re.compile(r"(?<![\w])(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu)$")
# A place word and up to four words of its name, ending a name: "... tỉnh Lâm Đồng", "... xã Lương Minh".
_SCOPE = re.compile(rf"^(?P<base>.+?)\s+(?P<scope>(?:{_PLACES})(?:\s+[^\W\d_][^\s,;:.()]*){{0,4}})$")
_PLACE_AT = re.compile(rf"(?<=\s)(?i:{_PLACES})(?![\w])")
_SCOPE_REST = re.compile(r"(?:\s+[^\W\d_][^\s,;:.()]*){0,4}")
_ROMAN = re.compile(r"[IVXLC]+")
_GROUP_SEP = re.compile(r"\s*[,/]\s*|\s+va\s+")
# the body a group belongs to or lies around: "thuộc Bộ X", "trực thuộc Bộ X", "trong và ngoài Bộ X"
_OF_BODY = re.compile(r"\s+(?:(?:truc\s+)?thuoc|trong\s+va\s+ngoai)\s+(?=\S)")
_RELATED = re.compile(r"\s+(?:co\s+)?lien\s+quan(?!\w)")
_PLACE_WORD = re.compile(rf"{_GAP}([^\W\d_][^\s,;:.()/]*)")


@dataclass(frozen=True)
class AgencyMatch:
    """A name resolved against the gazetteer.

    ``name`` is the name records show (G6); ``province`` scopes provincial/district/commune bodies.
    """

    id: str
    name: str
    name_en: str | None
    level: str
    branch: str
    is_group: bool
    merged_into: str | None = None
    province: str | None = None
    official: str | None = None  # the body's official name (issuers show it: "Ban Bí thư"), when listed


@dataclass(frozen=True)
class AgencyMention:
    """An agency name found in a string: [start, end) offsets into that string, the text as printed."""

    start: int
    end: int
    written: str
    match: AgencyMatch


def _key(name: str) -> str:
    """Comparison key: abbreviations expanded, no case/diacritics, '&' as 'và', punctuation as spaces."""
    text = fold_keep_length(expand_abbreviations(modern_tones(nfc(name))))
    text = text.replace("&", " va ")
    text = re.sub(r"[-–,;:/().]", " ", text)
    return collapse(text)


# ------------------------------------------------------------------------------------------- abbreviations
@cache
def _abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    # longest first; an abbreviation read by the word after it ("BCH Quân sự") before its plain reading
    entries = sorted(
        vocab.load("agency_abbreviations"), key=lambda e: (-len(e["abbr"]), "followed_by" not in e)
    )
    return tuple((_abbreviation_pattern(e), str(e["expansion"])) for e in entries)


def _abbreviation_pattern(entry: dict[str, Any]) -> re.Pattern[str]:
    """A whole-token abbreviation, only before one of its ``followed_by`` words when the entry lists them."""
    after = ""
    if words := entry.get("followed_by"):
        after = r"(?=\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w&]))"
    return re.compile(r"(?<![\w&])" + re.escape(entry["abbr"]) + r"(?![\w&])" + after)


@lru_cache(maxsize=8192)
def expand_abbreviations(text: str) -> str:
    """Expand the abbreviations of agency names, longest first, whole tokens only.

    >>> expand_abbreviations("Sở KH&CN và UBND các huyện")
    'Sở Khoa học và Công nghệ và Ủy ban nhân dân các huyện'
    """
    for pattern, expansion in _abbreviations():
        text = pattern.sub(expansion, text)
    return text


# ------------------------------------------------------------------------------------------- gazetteer index
@dataclass(frozen=True)
class _Entry:
    id: str
    name_vi: str
    name_en: str | None
    level: str
    branch: str
    is_group: bool
    merged_into: str | None
    holder: bool  # an office-holder ("Chủ tịch Ủy ban nhân dân tỉnh"): no class of places makes it a group
    surfaces: tuple[str, ...]  # every printed form: name, variants, aliases
    aliases: frozenset[str]  # keys shown as written rather than as name_vi
    patterns: tuple[re.Pattern[str], ...]


def _entry(raw: dict[str, Any]) -> _Entry:
    variants = [str(v) for v in raw.get("variants") or ()]
    aliases = [str(v) for v in raw.get("aliases") or ()]
    patterns = tuple(re.compile(p) for p in raw.get("patterns") or ())
    # an open family's bare head ("Tập đoàn", "Cục") is a common noun, not a name, unless its patterns say so
    own = [raw["name_vi"]] if not patterns or any(p.match(_key(raw["name_vi"])) for p in patterns) else []
    return _Entry(
        id=raw["id"],
        name_vi=raw["name_vi"],
        name_en=raw.get("name_en"),
        level=raw.get("level", "provincial"),
        branch=raw.get("branch", "state"),
        is_group=raw.get("kind") == "group",
        merged_into=successor_ids().get(raw["id"]),  # data/vocab/changes.yaml: one source of successors
        holder=bool(raw.get("holder")),
        surfaces=(*own, *variants, *aliases),
        aliases=frozenset(_key(a) for a in aliases),
        patterns=patterns,
    )


@cache
def _entries() -> tuple[_Entry, ...]:
    return tuple(_entry(e) for e in vocab.load("agencies"))


@cache
def _index() -> dict[str, _Entry]:
    """Key → entry, for every printed form and, for forms ending in "tỉnh", the form without it."""
    index: dict[str, _Entry] = {}
    for entry in _entries():
        for surface in entry.surfaces:
            key = _key(surface)
            index.setdefault(key, entry)
            if key.endswith(" tinh"):
                index.setdefault(key[: -len(" tinh")], entry)
    return index


@cache
def _by_id() -> dict[str, _Entry]:
    return {entry.id: entry for entry in _entries()}


def agency_by_id(agency_id: str, province: str | None = None) -> AgencyMatch | None:
    """The gazetteer entry ``agency_id`` as a match showing its official name (a successor body no text
    names: kg.lexicon.changes); None for an id the gazetteer does not list.

    >>> agency_by_id("so-khoa-hoc-va-cong-nghe", "Ninh Bình").name
    'Sở Khoa học và Công nghệ'
    """
    entry = _by_id().get(agency_id)
    return _as_match(entry, entry.name_vi, province) if entry else None


def is_listed(name: str) -> bool:
    """Whether ``name`` is a printed form of a gazetteer entry (not only a member of an open family).

    >>> is_listed("Bộ Y tế"), is_listed("Vụ Phổ biến")
    (True, False)
    """
    return _key(_clean(name)) in _index()


def _lookup(key: str) -> _Entry | None:
    hit = _index().get(key)
    if hit:
        return hit
    for entry in _patterned():
        if any(p.match(key) for p in entry.patterns):
            return entry
    return None


@cache
def _patterned() -> tuple[_Entry, ...]:
    """The entries with patterns (open families), in gazetteer order: ``_lookup`` tries only these."""
    return tuple(e for e in _entries() if e.patterns)


def _member_id(entry: _Entry, key: str, written: str) -> str:
    """The id of a name: the entry's, or for a member of an open family ("Báo <tỉnh>", "Vụ <X>") the
    family id and the member's slug, so two members stay two agencies in the graph."""
    return entry.id if key in _index() else f"{entry.id}--{slug(written)}"


def _as_match(entry: _Entry, name: str, province: str | None) -> AgencyMatch:
    scoped = province if entry.level != "central" else None
    return AgencyMatch(
        id=entry.id,
        name=name,
        name_en=entry.name_en,
        level=entry.level,
        branch=entry.branch,
        is_group=entry.is_group,
        merged_into=entry.merged_into,
        province=scoped,
    )


# ------------------------------------------------------------------------------------------- resolution
def _clean(name: str) -> str:
    text = collapse(modern_tones(nfc(name))).strip(" :;,.-–")
    return expand_abbreviations(text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _display(entry: _Entry, written: str, key: str) -> str:
    """The name a record shows: the official form when ``written`` is that name spelled otherwise (case,
    hyphens for "và", old tones, an acronym), else the name as written — another name of the body, an older
    or newer name, a group or a family member is never rewritten (G6: never replaced by a successor body)."""
    if entry.is_group or key in entry.aliases or key not in _index():
        return _capital(written)
    official, base = _words(entry.name_vi), entry.name_vi.removesuffix(" tỉnh")
    words = _words(written)
    if words == official or _has_acronym(written):
        return entry.name_vi
    if entry.name_vi != base and words == official[:-1]:
        return base  # "Đài Phát thanh và Truyền hình": no "tỉnh" added (G6)
    if entry.name_vi == base and words == (*official, "tinh"):
        return entry.name_vi + " tỉnh"
    return _capital(written)


def _official(entry: _Entry, written: str, key: str) -> str | None:
    """The official name of the body ``written`` names (issuers show it: "Ban Bí Thư Trung ương Đảng" →
    "Ban Bí thư"); None for a group, an open family's member or a name kept as an alias."""
    if entry.is_group or key in entry.aliases or key not in _index():
        return None
    base = entry.name_vi.removesuffix(" tỉnh")
    if entry.name_vi != base and not key.endswith(" tinh"):
        return base
    return entry.name_vi


def _words(name: str) -> tuple[str, ...]:
    """The words of a name for telling a spelling from another name: no case, tones, punctuation or "và"."""
    return tuple(w for w in _key(name).split() if w != "va")


def _has_acronym(written: str) -> bool:
    """Whether an acronym the abbreviation list does not expand is left ("Sở KH và CN", "BCA"): the
    gazetteer variant stands for the official name."""
    return any(len(w) > 1 and w.isupper() and not _ROMAN.fullmatch(w) for w in re.findall(r"[\w&]+", written))


@lru_cache(maxsize=8192)
def resolve_agency(name: str, province: str | None = None) -> AgencyMatch | None:
    """The gazetteer entry ``name`` refers to, with the name records show; None when unknown.

    >>> resolve_agency("Sở KH&CN", "Lâm Đồng").name
    'Sở Khoa học và Công nghệ'
    >>> resolve_agency("UBND tỉnh Lâm Đồng").id
    'ubnd-tinh'
    >>> resolve_agency("các Sở, ban, ngành").name
    'Các Sở, ban, ngành'
    """
    written = _clean(name)
    if not written:
        return None
    key = _key(written)
    # a listed name first, then a class of places ("Ủy ban nhân dân xã, phường"), then open families
    if not (entry := _index().get(key)) and (tailed := _tailed(written, province)):
        return tailed
    if entry := entry or _lookup(key):
        match = _as_match(entry, _display(entry, written, key), province)
        return replace(match, id=_member_id(entry, key, written), official=_official(entry, written, key))
    if scoped := _scoped(written, province):
        return scoped
    return _group_match(written, province) if _is_group_phrase(written) else None


def _group_match(written: str, province: str | None) -> AgencyMatch:
    """A collective group kept as written: one node per group as written, not one for every unlisted group."""
    return AgencyMatch(
        f"group--{slug(written)}", _capital(written), None, "provincial", "state", True, None, province
    )


def _scoped(written: str, province: str | None) -> AgencyMatch | None:
    """A listed body named with its place ("Thuế tỉnh Đắk Lắk", "Hội Nông dân xã Lương Minh"): the body,
    shown as written with the place."""
    for m in reversed(list(_PLACE_AT.finditer(written))):  # the longest base first
        if not _SCOPE_REST.fullmatch(written, m.end()):
            continue
        base = written[: m.start()].rstrip()
        entry = _lookup(base_key := _key(base))
        if not entry or entry.is_group:
            continue
        scope = written[m.start() :]
        shown = _display(entry, base, base_key).removesuffix(" tỉnh") + " " + scope
        official = _official(entry, base, base_key)
        official = official.removesuffix(" tỉnh") + " " + scope if official else shown
        return replace(_as_match(entry, shown, province), official=official)
    return None


def _tailed(written: str, province: str | None) -> AgencyMatch | None:
    """A body named for a class of places ("Ủy ban nhân dân xã, phường", "Công an các xã", "Ủy ban nhân dân
    cấp tỉnh", "Thường trực Hội đồng nhân dân cùng cấp"): a collective group, kept as written, of the
    gazetteer body its first words name."""
    folded = fold_keep_length(written)
    for space in re.finditer(r"\s+", written):
        if not (m := _tail_regex().match(folded, space.start())):
            continue
        if m.end() < len(written.rstrip(" .;,")) and not _place_run_to_end(written, m.end()):
            continue
        base = _key(written[: m.start()])
        place = [w for w in _key(written[m.start() : m.end()]).split() if w not in ("cac", "cap", "cung")]
        keys = [" ".join([base, *place[:2]]), " ".join([base, *place[:1]]), base, base + " tinh"]
        entry = next((e for k in keys if (e := _index().get(k))), None)
        if entry and not entry.is_group and not entry.holder:
            match = _as_match(entry, _capital(written), province)
            return replace(match, id=f"{entry.id}--{slug(written)}", is_group=True)
    return None


def _place_run_to_end(text: str, end: int) -> bool:
    """Whether ``text`` from ``end`` is only a capitalised place name ("đặc khu Cồn Cỏ")."""
    return _capitalised_run(text, end) >= len(text.rstrip(" .;,")) > end


def canonical_agency_name(name: str) -> str:
    """The name records show for ``name`` (G6): official form, else as written, expanded, capitalised.

    >>> canonical_agency_name("Sở Nông nghiệp - Phát triển nông thôn")
    'Sở Nông nghiệp và Phát triển nông thôn'
    >>> canonical_agency_name("Ban Tuyên giáo tỉnh uỷ")
    'Ban Tuyên giáo Tỉnh ủy'
    """
    match = resolve_agency(name)
    return match.name if match else _capital(_clean(name))


# ------------------------------------------------------------------------------------------- groups
@cache
def _group_grammar(join_cac: bool = True) -> re.Pattern[str]:
    """One regex over folded text for "các <noun>(, [các] <noun>)* [qualifier]", and for a list of two or
    more nouns or a noun and a qualifier without "các" ("Cơ quan, địa phương liên quan"), localities
    excepted (data/vocab/agency_groups.yaml)."""
    forms: dict[str, list[str]] = {"head": [], "noun": [], "qualifier": [], "bare": [], "not": []}
    for entry in vocab.load("agency_groups"):
        forms.get(entry["kind"], []).extend(entry.get("forms", ()))
        if entry["kind"] == "noun" and entry.get("id") != "localities":
            forms["bare"].extend(f for f in entry["forms"] if " " in f)

    def alt(words: list[str]) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
        )

    # "các trường hợp", "các hội nghị": a noun's word opening a common noun is no kind of body
    noun = rf"(?!(?:{alt(forms['not'])})(?![\w]))(?:{alt(forms['noun'])})(?![\w])"
    bare = rf"(?:{alt(forms['bare'])})(?![\w])"
    cac = r"(?:cac\s+(?=\w))?" if join_cac else r"(?!cac\b)"  # "Các sở, ban, ngành, các tổ chức ..."
    sep = rf"(?:\s*[,/]\s*{cac}|\s+va\s+(?!cac\b)|\s+(?=nganh\b|ban nganh\b|dia phuong\b))"
    qualifier = rf"(?:\s+(?:{alt(forms['qualifier'])})(?![\w])){{1,2}}"
    # "Các đơn vị xây dựng pháp luật có liên quan": a few words saying which (no function word: one
    # phrase), then "(có) liên quan"
    word = r"(?!(?:va|de|cho|ve|voi|theo|tai|trong|den|tu|ket|cung|cac|nhung|mot)\b)[a-z]+"
    related = rf"(?:\s+{word}(?:\s+{word}){{0,5}}?\s+(?:khac\s+)?(?:co\s+)?lien\s+quan(?![\w]))"
    headed = rf"(?:{alt(forms['head'])})\s+{noun}(?:{sep}{noun})*(?:{qualifier}|{related})?"
    # without "các", a list opens with a noun of two words or more ("Cơ quan, địa phương liên quan"), or ends
    # with a qualifier ("Sở, ban, ngành thuộc ..."): "Bộ, trưởng" is no group
    # (the qualifier ends in a repeat: a bare "?" after it would make it lazy, not optional)
    listed = rf"{bare}(?:(?:{sep}{noun})+(?:{qualifier})?|{qualifier})|{noun}(?:{sep}{noun})+{qualifier}"
    return re.compile(rf"{headed}|{listed}")


@cache
def _tail_regex() -> re.Pattern[str]:
    """A class of places after a body's name, over folded text: a list of place words ("xã, phường, đặc
    khu"), "các" and place words, or a level ("cấp tỉnh", "các cấp", "cùng cấp"); then a qualifier
    (data/vocab/agency_groups.yaml: localities, levels, qualifiers)."""
    forms: dict[str, list[str]] = {"place": [], "level": [], "qualifier": []}
    for entry in vocab.load("agency_groups"):
        if entry["kind"] in forms:
            forms[entry["kind"]].extend(entry["forms"])
        if entry.get("id") == "localities":
            forms["place"].extend(f for f in entry["forms"] if f != "cap")

    def alt(words: list[str]) -> str:
        return "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
        )

    place = rf"(?:{alt(forms['place'])})(?![\w])"
    sep = r"(?:\s*[,/]\s*(?:va\s+)?|\s+va\s+)"
    places = rf"(?:cac\s+{place}(?:{sep}{place})*|{place}(?:{sep}{place})+)"
    qualifier = rf"(?:\s+(?:{alt(forms['qualifier'])})(?![\w]))?"
    return re.compile(rf"\s+(?:{places}|(?:{alt(forms['level'])})(?![\w])){qualifier}")


def tail_end(text: str, pos: int) -> int | None:
    """End of a class of places printed at ``pos`` (before its leading space) after a body's name.

    >>> s = "Ủy ban nhân dân xã, phường triển khai"
    >>> s[: tail_end(s, 15)]
    'Ủy ban nhân dân xã, phường'
    """
    m = _tail_regex().match(fold_text(text).folded, pos)
    return _capitalised_run(text, m.end()) if m else None


def match_group(text: str, pos: int = 0) -> int | None:
    """End offset of a collective group printed at ``pos`` of ``text``, or None.

    >>> s = "Các sở, ban, ngành và UBND các huyện, thành phố tổ chức"
    >>> s[: match_group(s)]
    'Các sở, ban, ngành'
    """
    # "UBND"/"HĐND" fold to "ubnd"/"hdnd", the words the grammar reads: the text's own fold, folded once
    folded = fold_text(text).folded
    # only a group opened by "các" goes on over ", các": "UBND các huyện, thành phố, các đơn vị liên quan" and
    # "Đảng ủy các bộ, cơ quan ngang bộ, các tỉnh ủy" are two groups each
    m = _group_grammar(folded.startswith("cac ", pos)).match(folded, pos)
    if not m:
        return None
    if (named := _names_a_body(text, folded, m.start(), m.end())) is not None:
        return named
    if (cut := _named_member(text, folded, m.start(), m.end())) is not None:
        # "các tổ chức thành viên, các tổ chức chính trị xã hội, Hội Chữ thập đỏ": two groups before the body
        nxt = _next_group(folded, m.start(), cut)
        return cut if nxt is None else nxt
    if (bodies := _bodies_of_places(text, folded, m.start(), m.end())) is not None:
        return bodies
    if (cut := _next_group(folded, m.start(), m.end())) is not None:
        return cut
    twin = _PROVIDES.search(folded, m.start(), m.end())
    if twin and not text[twin.start() + 1 :].startswith("cùng"):
        return twin.start()  # "các tổ chức cung cấp dịch vụ": "cung cấp" (provide) folds as "cùng cấp"
    # "... thuộc Ủy ban nhân dân Thành phố", "... trực thuộc Bộ Tư pháp": the body the group belongs to
    # (its first word may already be read as a qualifier: "thuộc Bộ")
    ofs = [o for o in _OF_BODY.finditer(folded, m.start(), m.end() + 20) if o.start() <= m.end()]
    body = find_agency_at(text, ofs[-1].end()) if ofs else None
    if not body or body.match.is_group or body.end <= m.end():
        return _which_before_remit(folded, m.start(), m.end())
    related = _RELATED.match(folded, body.end)  # "... trong và ngoài Bộ Tư pháp có liên quan"
    return related.end() if related else body.end


# "các Sở, ban, ngành quản lý quy hoạch theo chức năng, nhiệm vụ được giao có trách nhiệm ...": a few words
# saying which of the kind (no function word), then the remit and the duty: the words are no predicate, the
# duty after the remit is
_WHICH = re.compile(
    r"((?:\s+(?!(?:va|de|cho|ve|voi|theo|tai|trong|den|tu|cac|nhung|mot|co|la|duoc)\b)[a-z]+){1,5}?)"
    r"\s*,?\s+theo\s+chuc\s+nang\b[^.;:]{0,60}?\s(?:co|chiu)\s+trach\s+nhiem\b"
)


def _which_before_remit(folded: str, start: int, end: int) -> int:
    """``end`` moved over the words that say which bodies of a "các" group are meant, when the group's
    remit and its duty follow them; ``end`` itself otherwise."""
    if not folded.startswith("cac ", start):
        return end
    m = _WHICH.match(folded, end)
    return m.end(1) if m else end


_HEADS_A_NAME = re.compile(r"\s+[A-ZĐÀ-Ỹ]")


def _names_a_body(text: str, folded: str, start: int, end: int) -> int | None:
    """Where a list of kinds without "các" ends when its last noun heads a body's name ("chính quyền địa
    phương và lực lượng Kiểm lâm": "lực lượng" is no kind of body here), or None (a single noun left: no
    group at all)."""
    if folded.startswith("cac ", start) or not _HEADS_A_NAME.match(text, end):
        return None
    seps = [sep for sep in _GROUP_SEP.finditer(folded, start + 1, end)]
    if not seps:
        return None
    cut = seps[-1].start()
    return cut if _group_grammar(False).fullmatch(folded, start, cut) else None


def _named_member(text: str, folded: str, start: int, end: int) -> int | None:
    """Where a group read up to ``end`` stops before a named body listed after it ("các tổ chức chính trị xã
    hội, Hội Chữ thập đỏ Việt Nam": "Hội" is no noun of the group here), or None."""
    for sep in _GROUP_SEP.finditer(folded, start + 1, end):
        at = sep.end()
        if not text[at : at + 1].isupper() or not (surface := _surfaces().match(text, at)):
            continue
        listed = _index().get(_key(text[at : surface.end()]))
        if surface.end() > end and not (listed and listed.is_group):
            return sep.start()
    return None


def _bodies_of_places(text: str, folded: str, start: int, end: int) -> int | None:
    """End of "các" + a body named for a class of places ("các Cục Hải quan tỉnh, thành phố"): the group
    grammar read only its head word ("các Cục"); None when no such name goes on there. A body with no
    places ("các Sở Tài chính, Kế hoạch và Đầu tư") may be a shared head, so it is not read here."""
    at = start + 4
    if not folded.startswith("cac ", start) or not text[end + 1 : end + 2].isupper():
        return None
    body = find_agency_at(text, at)
    return body.end if body and body.end > end and body.match.is_group else None


_PROVIDES = re.compile(r"\s+cung\s+cap$")
_THEN_CAC = re.compile(r"\s*,\s*cac\s")


def _next_group(folded: str, start: int, end: int) -> int | None:
    """Where a group of one kind named in several words ends before ", các" and another group ("các tổ
    chức thành viên, các cơ quan tuyên truyền"), or None: a list of kinds goes on over ", các" ("Các sở,
    ban, ngành, các tổ chức chính trị - xã hội"); a kind qualified by its own words is a whole group."""
    if not folded.startswith("cac ", start):
        return None
    sep = _THEN_CAC.search(folded, start, end)
    first = folded[start + 4 : sep.start()] if sep else ""
    if not sep or " " not in first.strip() or _GROUP_SEP.search(first):
        return None
    return sep.start()


def _is_group_phrase(text: str) -> bool:
    end = match_group(text)
    return end is not None and end >= len(text.rstrip(" .;:,")) - 1


# ------------------------------------------------------------------------------------------- finding names
@cache
def _surfaces() -> PhraseSet:
    """All printed forms of all entries, folded, longest first, found by one automaton pass a text."""
    forms = {fold_keep_length(nfc(s)) for e in _entries() if not e.is_group for s in e.surfaces}
    forms |= {fold_keep_length(modern_tones(nfc(s))) for s in list(forms)}
    return PhraseSet((f for f in forms if len(f) > 2), _name_pattern)


@cache
def _bases() -> PhraseSet:
    """The printed forms of all bodies, and those ending in "tỉnh" without it ("Ủy ban nhân dân"), folded:
    the names a class of places may follow ("Ủy ban nhân dân xã, phường")."""
    forms = {fold_keep_length(modern_tones(nfc(s))) for e in _entries() if not e.is_group for s in e.surfaces}
    forms |= {f.removesuffix(" tinh") for f in forms if f.endswith(" tinh")}
    return PhraseSet((f for f in forms if len(f) > 2), _name_pattern)


def _name_pattern(form: str) -> str:
    """A folded name as printed: any whitespace between words, "&" with or without spaces, whole tokens."""
    body = re.escape(form).replace(r"\ ", r"\s+").replace(r"\&", r"\s*&\s*")
    return rf"(?<![\w&])(?:{body})(?![\w&])"


def _tail_ends(text: str, pos: int) -> list[int]:
    """Ends of "<body> <class of places>" ("Ủy ban nhân dân xã, phường", "Ban Thường vụ Tỉnh ủy, Thành ủy")
    and "<body> <place word> <place>" ("Hội Nông dân xã Lương Minh") printed at ``pos``, where the gazetteer
    knows a body's name there; the tail may start inside that name ("Ủy ban nhân dân" + "xã, phường")."""
    m = _bases().match(text, pos)
    if not m:
        return []
    ends = []
    if _SCOPE_WORD.match(text, m.end()):  # "Hội Nông dân" + "xã Lương Minh"
        ends.append(_extend_scope(text, pos, m.end()))
    for space in re.finditer(r"\s+", text[pos : m.end() + 1]):
        if end := tail_end(text, pos + space.start()):
            ends.append(end)
    return ends


def _extend_scope(text: str, start: int, end: int) -> int:
    """Take in a following place word ("tỉnh", "xã") and the capitalised place name after it, or the place
    name after a name that ends with a place word ("Ủy ban nhân dân tỉnh" + "Lào Cai")."""
    if m := _SCOPE_WORD.match(text, end):
        end = m.end()
    elif not _PLACE_END.search(fold_text(text).folded, start, end):
        return end
    for _ in range(4):
        w = _PLACE_WORD.match(text, end)
        if not w or not _place_name_word(text, w):
            break
        end = w.end()
    return end


def _place_name_word(text: str, w: re.Match[str]) -> bool:
    """Whether the word ``w`` goes on with a place name: capitalised, starting no other body's name, and,
    on the next line, no task verb ("Công an tỉnh" / "Chỉ đạo các đơn vị ...")."""
    if not w.group(1)[0].isupper() or _surfaces().match(text, w.start(1)):
        return False
    return "\n" not in w.group(0) or not is_task_verb(text, w.start(1))


def _capitalised_run(text: str, end: int, limit: int = 4) -> int:
    """End of the run of capitalised words from ``end`` (a place name: "Lâm Đồng", "Bà Rịa - Vũng Tàu")."""
    for _ in range(limit):
        w = _PLACE_WORD.match(text, end)
        if not w or not w.group(1)[0].isupper() or ("\n" in w.group(0) and is_task_verb(text, w.start(1))):
            break
        end = w.end()
    return end


# cached: the assignment readers try the same sentence positions again and again (issue 15: 2.6 calls each)
@lru_cache(maxsize=65536)
def find_agency_at(text: str, pos: int, province: str | None = None) -> AgencyMention | None:
    """The agency (or group) whose name starts at ``pos`` of ``text`` (longest reading), or None.

    Gazetteer names first; a name read by its head word (kg.lexicon.phrases) when the gazetteer knows none
    here, or when the printed name goes on past the gazetteer's with a capitalised word ("Trung tâm" +
    "Phục vụ hành chính công").

    >>> find_agency_at("Vụ Kế hoạch - Tài chính tham mưu", 0).written
    'Vụ Kế hoạch - Tài chính'
    """
    ends: list[int] = []
    if group_end := match_group(text, pos):
        ends.append(group_end)
    elif not (text[pos : pos + 1].isupper() or _surfaces().starts(text, pos) or _bases().starts(text, pos)):
        return None  # a small letter starts no head word, no "Báo": only a group or a known name (issue 15)
    if m := _surfaces().match(text, pos):
        ends.append(_extend_scope(text, pos, m.end()))
    elif text[pos : pos + 1].isupper() and (b := _bases().match(text, pos)) and b[0].count(" ") >= 2:
        ends.append(b.end())  # "Thường trực Hội đồng nhân dân, Ủy ban nhân dân xã": a listed name, no place
    ends.extend(_tail_ends(text, pos))
    if text.startswith("Báo ", pos) and (end := _capitalised_run(text, pos + 3)) > pos + 3:
        ends.append(end)
    phrase = read_phrase(text, pos, is_listed)
    if phrase and (cut := _group_after(text, pos, phrase[0])):
        phrase = (cut, phrase[1])  # "Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan": two items
    if phrase and (not ends or (phrase[0] > max(ends) and _longer_name(text, pos, max(ends), phrase[0]))):
        ends.append(phrase[0])
    if (body := _party_body_of(text, pos, province)) and body[0] > max(ends, default=pos):
        phrase = body  # "Đảng đoàn Liên hiệp các hội ... Việt Nam": a party body of a listed agency
        ends.append(body[0])
    for end in sorted(ends, reverse=True):
        written = text[pos:end].rstrip(" ,;")
        match = resolve_agency(written, province) or (
            _unlisted(written, phrase[1], province) if phrase and end == phrase[0] else None
        )
        if match is None and end == group_end:
            # a group read with the context after it ("... quản lý quy hoạch" before "theo chức năng ...
            # có trách nhiệm") that the name alone does not show
            match = _group_match(_clean(written), province)
        if match:
            found = _or_other_name(text, AgencyMention(pos, pos + len(written), written, match), province)
            return _with_parent(text, found, province)
    return None


@lru_cache(maxsize=512)
def agency_starts(text: str) -> frozenset[int]:
    """The word starts of ``text`` where an agency or a list of them may start: a head word
    (kg.lexicon.phrases), "Báo", a known name (the automata), a group or a shared head; at every other word
    start ``find_agency_at`` and ``parse_agency_list`` find nothing. Readers that look for a subject at every
    word of a sentence (issue 15: 96% of word starts start no agency) try only these: one scan of the text
    for each kind instead of one parse at every word.

    >>> s = "Giao Sở Tài chính và các sở, ngành liên quan thực hiện"
    >>> [w for w in ("Giao", "Sở", "Tài", "chính", "và", "các", "thực") if s.index(w) in agency_starts(s)]
    ['Sở', 'các']
    """
    folded = fold_text(text).folded
    found = {m.start() for m in _group_starts().finditer(folded)}
    if ":" in text:  # a shared head ends with its colon
        found.update(m.start() for m in _SHARED_HEAD_STARTS.finditer(text))
    found.update(m.start() for m in _BARE_SHARED_HEAD_STARTS.finditer(text))
    found.update(head_starts(text))
    found.update(m.start() for m in _NEWSPAPER_STARTS.finditer(text))
    found |= _surfaces().positions(text) | _bases().positions(text)
    return frozenset(found)


_NEWSPAPER_STARTS = re.compile(r"(?<!\w)Báo ")  # "Báo Nhân Dân": find_agency_at reads the name after it


@cache
def _group_starts() -> re.Pattern[str]:
    """Matches (empty) at each word start where ``match_group`` finds a group: its grammar joining ", các"
    reads every group the other reads (it only adds an optional "các" after a comma). A group opens with
    the first word of a head or noun form: that word is checked first, the grammar only where it stands."""
    firsts = {
        m.group(0)
        for entry in vocab.load("agency_groups")
        if entry["kind"] in ("head", "noun")
        for form in entry.get("forms", ())
        if (m := re.match(r"\w+", form))
    }
    first = "|".join(sorted(firsts, key=lambda w: (-len(w), w)))
    return re.compile(f"(?<!\\w)(?=(?:{first})(?!\\w))(?=(?:{_group_grammar(True).pattern}))")


@cache
def _unit_families() -> frozenset[str]:
    """Gazetteer ids of a ministry's units (data/vocab/agency_units.yaml): names repeated across bodies."""
    return frozenset(str(e["family"]) for e in vocab.load("agency_units"))


_PARENT_DASH = re.compile(r"[ \t]+[-–][ \t]+(?=[A-ZĐÀ-Ỹ])")


def _with_parent(text: str, unit: AgencyMention, province: str | None) -> AgencyMention:
    """A ministry's unit with the body it belongs to after a spaced dash ("Vụ Pháp chế - Ủy ban Dân tộc"): one
    name as written, the unit of that body (a unit of the issuer needs no parent; another body's does)."""
    dash = _PARENT_DASH.match(text, unit.end)  # first: most names have no dash after them
    if not dash or unit.match.id.split("--")[0] not in _unit_families():
        return unit
    parent = find_agency_at(text, dash.end(), province)
    if not parent or parent.match.is_group or parent.match.level != "central" or not parent.match.id:
        return unit
    if parent.match.id.split("--")[0] in _unit_families():
        return unit  # "Vụ Đất đai - Cục Quy hoạch ...": two units of a list
    name = f"{unit.match.name} - {parent.match.name}"
    # its own node: not the issuer's unit of the same name
    uid = f"{unit.match.id.split('--')[0]}--{slug(name)}"
    match = replace(unit.match, id=uid, name=name)
    return AgencyMention(unit.start, parent.end, text[unit.start : parent.end], match)


def _group_after(text: str, pos: int, end: int) -> int | None:
    """Where a name read by its head stops before a collective group joined to it by "," or "và" (the group
    is the list's next item, not words of the name), or None."""
    for sep in _LIST_SEP.finditer(text, pos + 1, end):
        if text[sep.end() : sep.end() + 1].islower() and match_group(text, sep.end()):
            return sep.start()
    return None


def _or_other_name(text: str, first: AgencyMention, province: str | None) -> AgencyMention:
    """One body printed under its two names, joined by "/" with the same head word ("Sở Văn hóa, Thể thao và
    Du lịch/Sở Văn hóa và Thể thao tỉnh, thành phố": the department, whichever name a province gives it)."""
    if text[first.end : first.end + 1] != "/" or first.match.is_group:
        return first
    second = find_agency_at(text, first.end + 1, province)
    if not second or first.written.split()[0].casefold() != second.written.split()[0].casefold():
        return first
    name = f"{first.match.name}/{second.match.name}"
    written = text[first.start : second.end]
    return AgencyMention(
        first.start, second.end, written, replace(first.match, name=name, is_group=second.match.is_group)
    )


def _party_body_of(text: str, pos: int, province: str | None) -> tuple[int, Head] | None:
    """End of "<party head> <agency>" at ``pos`` ("Đảng đoàn Hội đồng nhân dân tỉnh", "Ban cán sự đảng Bộ
    Y tế"): a multi-word party head followed by a name the gazetteer knows, and that head."""
    found = head_at(text, pos)
    if not found or found[0].branch != "party" or not found[0].multiword:
        return None
    inner_at = found[1] + len(text[found[1] :]) - len(text[found[1] :].lstrip(" "))
    inner = find_agency_at(text, inner_at, province) if inner_at > found[1] else None
    return (inner.end, found[0]) if inner and inner.match.id else None


def _longer_name(text: str, pos: int, end: int, phrase_end: int) -> bool:
    """Whether the name read by its head (to ``phrase_end``) is the name printed, not the gazetteer's shorter
    one (to ``end``): it goes on with a capitalised word, or the gazetteer knows the longer name too ("Ngân
    hàng Nhà nước" + "chi nhánh khu vực 14", "Ban quản lý Khu Kinh tế" + "Phú Yên")."""
    if _goes_on(text, end):
        return True
    longer = resolve_agency(text[pos:phrase_end].rstrip(" ,;"))
    return bool(longer and longer.id and not longer.is_group)


def _goes_on(text: str, end: int) -> bool:
    """Whether the name printed up to ``end`` continues with a capitalised word that starts no new name."""
    m = re.match(r"[ \t]+([^\W\d_])", text[end:])
    return bool(m and m.group(1).isupper() and not head_at(text, end + m.start(1)))


def _unlisted(written: str, head: Head, province: str | None) -> AgencyMatch:
    """A body the gazetteer does not list, known by its head word (no id: records warn about it)."""
    scoped = province if head.level != "central" else None
    group = _for_places(written, province)  # "Ban Công tác Mặt trận các thôn trên địa bàn xã"
    return AgencyMatch("", _capital(_clean(written)), None, head.level, head.branch, group, None, scoped)


def _for_places(written: str, province: str | None) -> bool:
    """Whether an unlisted body's name names it for a class of places or a level ("các thôn", "cấp xã"):
    the bodies of every such unit, a group; at its province's own level ("cấp tỉnh" in a province's text)
    one body."""
    tail = _tail_regex().search(fold_keep_length(written))
    if tail is None:
        return False
    words = tail[0].split()
    return not (province and words[-1] == "tinh" and "cap" in words)


def parse_agency_list(
    text: str, pos: int = 0, province: str | None = None
) -> tuple[list[AgencyMention], int]:
    """The agencies listed from ``pos`` ("Sở A, Sở B và các đơn vị liên quan"), and where the list ends.

    >>> found, end = parse_agency_list("Sở Tài chính, Sở KH&CN tham mưu UBND tỉnh")
    >>> [m.match.name for m in found], end
    (['Sở Tài chính', 'Sở Khoa học và Công nghệ'], 22)
    """
    mentions, end = _agency_list(text, pos, province)
    return list(mentions), end


@lru_cache(maxsize=65536)
def _agency_list(text: str, pos: int, province: str | None) -> tuple[tuple[AgencyMention, ...], int]:
    """``parse_agency_list``, cached (the readers ask the same positions again: issue 15) and immutable."""
    mentions: list[AgencyMention] = []
    end = pos
    while True:
        start = end
        if mentions:
            sep = _LIST_SEP.match(text, end)
            if not sep:
                break
            start = sep.end()
        if shared := _shared_head_list(text, start, province):
            mentions.extend(shared)
            end = shared[-1].end
            continue
        mention = find_agency_at(text, start, province)
        if mention and mention.match.is_group and (members := _named_members(text, mention.end, province)):
            mentions.extend(members)  # "các hội: Hiệp hội Vận tải ô tô, Hội Nghề cá": the bodies named
            end = members[-1].end
            continue
        if not mention and mentions:
            mention = _same_body_elsewhere(text, start, mentions[-1], province) or _same_body_other_level(
                text, start, mentions[-1], province
            )
        if not mention:
            break
        mentions.append(mention)
        end = mention.end
    return tuple(mentions), end


# "Ủy ban nhân dân các tỉnh: Lào Cai, Đồng Nai", "Các Bộ: Tài chính, Xây dựng": a head shared by the items.
# The noun may be two words ("các thành phố:", "các Tập đoàn:", "các Tổng công ty:").
_SHARED_HEAD = re.compile(
    r"(?P<base>(?:[^\W\d_]+[ \t]+){0,5}?)(?i:các)[ \t]+"
    r"(?P<noun>[^\W\d_]+(?:[ \t]+(?:phố|đoàn|công ty))?)[ \t]*:[ \t]*"
)


# "các Bộ Vật tư, Nội thương, Tài chính" (a 1980s list, no colon): a ministry-level head printed once before
# the names of two bodies at least, each a listed name once the head is put back.
_BARE_SHARED_HEAD = re.compile(r"(?i:các)[ \t]+(?P<noun>Bộ|Sở|Ban|Cục|Vụ|Tổng cục)[ \t]+(?=[A-ZĐÀ-Ỹ])")


# The word starts where _SHARED_HEAD / _BARE_SHARED_HEAD match (agency_starts).
_SHARED_HEAD_STARTS = re.compile(rf"(?<!\w)(?=(?:{_SHARED_HEAD.pattern}))")
_BARE_SHARED_HEAD_STARTS = re.compile(rf"(?<!\w)(?=(?:{_BARE_SHARED_HEAD.pattern}))")


def _named_members(text: str, pos: int, province: str | None) -> list[AgencyMention]:
    """The bodies a group names after its colon, on the same line ("các hội: Hiệp hội Vận tải ô tô, Hội
    Nghề cá và Hội Tin học"), when each is a name of its own; else []."""
    colon = re.compile(r"[ \t]*:[ \t]*").match(text, pos)
    if not colon or not text[colon.end() : colon.end() + 1].isupper():
        return []
    found, _end = parse_agency_list(text, colon.end(), province)
    return found if all(not m.match.is_group for m in found) else []


def _shared_head_list(text: str, pos: int, province: str | None) -> list[AgencyMention]:
    """The bodies of a list whose items share a head printed once ("Ủy ban nhân dân các tỉnh: Lào Cai, Đồng
    Nai và Thái Nguyên" → "Ủy ban nhân dân tỉnh Lào Cai", ...), each named in full (lists are expanded).
    Each item is read as the head and the item's words would be, so a name ends where it would."""
    m = _SHARED_HEAD.match(text, pos) if text.find(":", pos) >= 0 else None  # no colon, no shared head
    bare = None if m else _BARE_SHARED_HEAD.match(text, pos)
    if not m and not bare:
        return []
    head = collapse(f"{m['base']} {m['noun']}") + " " if m else bare["noun"] + " "  # type: ignore[index]
    found: list[AgencyMention] = []
    at = m.end() if m else bare.end()  # type: ignore[union-attr]
    # with no colon ("các Bộ Vật tư, lương thực và thực phẩm, Nội thương"), an item may go on in lower case
    while text[at : at + 1].isupper() or (bare and found and text[at : at + 1].isalpha()):
        # the item's line and the next: a name may be wrapped ("Giao thông vận" / "tải")
        line_end = text.find("\n", text.find("\n", at) + 1) if "\n" in text[at:] else -1
        item = text[at : line_end if line_end >= 0 else len(text)]
        named = find_agency_at(head + item, 0, province)
        if named and "--" in named.match.id and "," in named.written[len(head) :]:
            # an open family's member ("Tập đoàn <X>") reads any words: the item ends at its comma
            named = find_agency_at(head + item.split(",", 1)[0], 0, province)
        if not named or not named.match.id or named.match.is_group or named.end <= len(head):
            break
        if bare and "--" in named.match.id:
            break  # with no colon, only listed bodies ("các Cục Hải quan tỉnh, thành phố" is one group)
        end = at + named.end - len(head)
        found.append(AgencyMention(at, end, text[at:end], named.match))
        sep = _LIST_SEP.match(text, end)
        if not sep:
            break
        at = sep.end()
    return found if m or len(found) > 1 else []  # "các Sở Y tế" alone: the departments of health, a group


def _same_body_elsewhere(
    text: str, pos: int, previous: AgencyMention, province: str | None
) -> AgencyMention | None:
    """The body just named, of another place: "Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh
    Quảng Ninh" names three committees."""
    scoped = _SCOPE.match(previous.match.name)
    place = _SCOPE_WORD.match(" " + text[pos : pos + 40])
    if not scoped or previous.match.is_group or not place:
        return None
    end = _capitalised_run(text, pos + place.end() - 1)
    if end <= pos + place.end() - 1:
        return None
    match = resolve_agency(f"{scoped['base']} {text[pos:end]}", province)
    return AgencyMention(pos, end, text[pos:end], match) if match else None


_LEVEL = re.compile(r"(?i:cấp)[ \t]+[^\W\d_]+(?:[ \t]+(?i:ương))?")  # "cấp xã", "cấp trung ương"


def _same_body_other_level(
    text: str, pos: int, previous: AgencyMention, province: str | None
) -> AgencyMention | None:
    """The body just named for a level, at another level: "Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"
    names the provincial board and the communes' boards."""
    level = _LEVEL.match(text, pos)
    base = re.match(r"(.+)\s+(?i:cấp)\s+\S+(?:\s+(?i:ương))?$", previous.written)
    if not level or not base:
        return None
    name = f"{base[1]} {level[0]}"
    match = resolve_agency(name, province) or _level_of_unlisted(previous.match, name, province)
    return AgencyMention(pos, level.end(), level[0], match)


def _level_of_unlisted(body: AgencyMatch, name: str, province: str | None) -> AgencyMatch:
    """An unlisted body at a level (kept as written; a group or not as ``_for_places`` says)."""
    return replace(body, id="", name=_capital(_clean(name)), is_group=_for_places(name, province))


def all_entries() -> tuple[dict[str, Any], ...]:
    """The raw gazetteer entries (for the graph builder and docs)."""
    return vocab.load("agencies")
