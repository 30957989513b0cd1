"""Every mention of another document: numbered ones by symbol, unnumbered laws and strategies by title.

A mention is read around its symbol: the type word before it ("Kế hoạch số", "Nghị quyết"), the date after it
("ngày 11/01/2024", "ngày 04 tháng 5 năm 2016") and the issuer after "của" ("của Ban Thường vụ Tỉnh ủy") or
before "tại" ("đề nghị của Sở KH&CN tại Tờ trình số ..."). Mentions of one document are merged into one
``Reference`` by identity (kg.extract.merge).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.dates import date_after
from kg.extract.issuers import issuer_full_name
from kg.extract.symbols import find_symbols, identity_number
from kg.lexicon import vocab
from kg.lexicon.lines import doc_type_words
from kg.segment.outline import Outline
from kg.text.strings import fold

_ISSUER_STOP = re.compile(
    r"\s+(?:về|thực hiện|triển khai|tiếp tục|ban hành|phê duyệt|khóa|khoá|nhiệm kỳ|tại|đã|để|trên|đến|"
    r"giai đoạn|"
    r"và|quy định|hướng dẫn|sửa đổi|gắn|nhằm|với)\b|[,;.:()“”\"«»]|\n|$",
    re.IGNORECASE,
)
# Words that end a law's title in running text ("Luật Đất đai ngày ...", "Luật X và các văn bản ...").
_LAW_STOP = (
    r"ngày|năm|số|đã|được|và\s+các|và\s+những|và\s+văn|và\s+Luật|Luật|quy\s+định|hiện\s+hành|"
    r"hướng\s+dẫn|sửa\s+đổi|có\s+liên|để|theo|trong|trên|về|thì|của|tại|các|những|đồng\s+thời|như|"
    r"với|việc|là|cho|khi|mà|nhằm|này|nay|đó|và\s+pháp\s+luật|có|không|sẽ|phải|cần|đang|bị|(?:19|20)\d{2}|"
    r"Nghị|Quyết|Thông|Chỉ"
)
# Between two words of a law's title: spaces, a wrapped line (not a new paragraph, label or sentence), or a
# comma before a lower-case word.
_LAW_GAP = (
    r"(?:[ \t]+|[ \t]*\n[ \t]*(?!\n|Thực hiện|Triển khai|Căn cứ|Xét|Để\b|[IVX]+\.|\d+\.|[-+•])"
    r"|,[ \t]*(?=[a-zđà-ỹ]))"
)
# A law named by title: "Luật Khoa học và Công nghệ", "Luật Phòng, chống thiên tai" (a comma before a
# lower-case word goes on with the name), "Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân".
_LAW = re.compile(
    r"\b(?:Bộ\s+)?[Ll]uật\s+(?P<name>(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][^\s,;.()]*"
    # "Căn cứ Luật tổ chức chính quyền địa phương": a capital "Luật" may name a law written in lower case
    rf"|(?<=Luật )(?!(?:{_LAW_STOP}|và|hoặc|nhưng|mà|pháp|nào|mới|cũ)\b)[a-zđà-ỹ][^\s,;.()]*)"
    rf"(?:{_LAW_GAP}(?!(?:{_LAW_STOP})\b)[^\s,;.()“”]+){{0,14}})"
)
# An amending law: its title runs over the laws it amends ("Luật sửa đổi, bổ sung một số điều của Luật Phòng,
# chống thiên tai và Luật Đê điều"), up to its date, number or the end of the clause.
_AMENDING_LAW = re.compile(
    r"\b[Ll]uật\s+(?P<name>[Ss]ửa\s+đổi,?\s+bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của\s+)?[^;:()\n]{3,200}?)"
    r"(?=\s*,?\s*(?:ngày|số)\b|\s+năm\s+\d{4}|\s*[;:()\n]|\.(?:\s|$)|$)"
)
_STRATEGY = re.compile(
    r"\b[Cc]hiến\s+lược\s+(?P<name>[^.;:()“”\n]{3,160}?đến\s+năm\s+(?:19|20)\d{2}"
    r"(?:\s*,?\s*(?:định\s+hướng|tầm\s+nhìn)\s+đến\s+năm\s+(?:19|20)\d{2})?)"
)
_BY_DECISION = re.compile(
    r"^\s*(?:theo|tại|ban hành (?:kèm )?theo)\s+(?:Quyết định|Nghị quyết|Nghị định)\s+số", re.I
)


@dataclass(frozen=True)
class Mention:
    """One mention of a document in the normalized text."""

    number: str | None  # canonical number, None for laws/strategies named by title
    title: str | None
    doc_type: str | None
    issuer: str | None  # full name, when the text states it
    date: str | None
    start: int  # start of the type word (or the symbol)
    end: int  # end of the symbol / title
    symbol_start: int
    symbol_end: int

    @property
    def label(self) -> str:
        """The name lineage edges use: canonical number or title."""
        return self.number or self.title or ""

    @property
    def key(self) -> str:
        """Identity within one text: identity number, or the folded title."""
        return identity_number(self.number) if self.number else "title:" + fold(self.title or "")


@cache
def _type_before() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w, _c, _codes in doc_type_words())
    return re.compile(rf"(?P<type>{words})\s*(?:số|Số|SỐ)?\s*:?\s*$", re.IGNORECASE)


@cache
def _code_types() -> dict[str, str]:
    out: dict[str, str] = {}
    for word, _cls, codes in doc_type_words():
        for c in codes:
            out.setdefault(c.upper(), word)
    return out


def canonical_type_word(printed: str) -> str | None:
    """The type word as records show it ("KẾ HOẠCH" → "Kế hoạch")."""
    key = fold(printed)
    for word, _cls, _codes in doc_type_words():
        if fold(word) == key:
            return word
    return None


def find_mentions(text: str, outline: Outline | None = None, province: str | None = None) -> list[Mention]:
    """Numbered and titled mentions of documents in ``text``, in order."""
    unit = outline.province_unit if outline else None
    out = [_numbered(text, s, province, unit) for s in find_symbols(text)]
    out += _titled(text, out)  # may retype numbered laws in ``out`` ("Luật X số 29/2013/QH13")
    out = [_inherit_issuer(m, outline, text, province, unit) for m in out]
    return sorted(_one_title_per_document(out), key=lambda m: m.start)


def _one_title_per_document(mentions: list[Mention]) -> list[Mention]:
    """Mentions of one titled document carry one title (references and lineage edges name it alike): the one
    written in the fewest capitals ("Luật Ngân sách nhà nước" over "Luật Ngân sách Nhà nước", a running-text
    title over a heading's), then the first."""
    best: dict[str, str] = {}
    for m in mentions:
        if m.title and (m.key not in best or _capitals(m.title) < _capitals(best[m.key])):
            best[m.key] = m.title
    return [replace(m, title=best[m.key]) if m.title else m for m in mentions]


def _capitals(s: str) -> int:
    return sum(c.isupper() for c in s)


def _numbered(text: str, sym: object, province: str | None, unit: str | None) -> Mention:
    from kg.extract.symbols import Symbol

    assert isinstance(sym, Symbol)
    before = text[max(0, sym.start - 50) : sym.start]
    m = _type_before().search(before)
    start = sym.start - (len(before) - m.start()) if m else sym.start
    doc_type = canonical_type_word(m.group("type")) if m else None
    for code in (sym.type_code, sym.issuer_code):
        if doc_type is None and code:
            doc_type = _code_types().get(code.upper())
    when = date_after(text, sym.end, 25)
    issuer_at = when.end if when else sym.end
    raw_issuer = _issuer_after(text, issuer_at) or _issuer_before(text, start)
    issuer = issuer_full_name(raw_issuer, province, unit) if raw_issuer else None
    return Mention(
        sym.number, None, doc_type, issuer, when.iso if when else None, start, sym.end, sym.start, sym.end
    )


def _issuer_after(text: str, pos: int) -> str | None:
    m = re.match(r"\s*,?\s*của\s+", text[pos : pos + 20])
    if not m:
        return None
    rest = text[pos + m.end() : pos + m.end() + 120]
    stop = _ISSUER_STOP.search(rest)
    name = rest[: stop.start()] if stop else rest
    return name.strip() or None


def _issuer_before(text: str, start: int) -> str | None:
    m = re.search(r"của\s+(?P<iss>[^,;.\n]{3,90}?)\s+tại\s*$", text[max(0, start - 120) : start])
    return m.group("iss").strip() if m else None


@cache
def _title_abbreviations() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    rows = sorted(vocab.load("title_abbreviations"), key=lambda e: -len(str(e["abbr"])))
    return tuple(
        (re.compile(rf"(?<![\w&]){re.escape(str(e['abbr']))}(?![\w&])"), str(e["expansion"]), str(e["law"]))
        for e in rows
    )


def expand_title(title: str, law: bool = False) -> str:
    """Expand abbreviations in an unnumbered document's title and capitalise its first letter.

    >>> expand_title("chiến lược phát triển KH,CN&ĐMST đến năm 2030")
    'Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030'
    >>> expand_title("Luật KH&CN", law=True)
    'Luật Khoa học và Công nghệ'
    """
    for pattern, expansion, law_form in _title_abbreviations():
        title = pattern.sub(law_form if law else expansion, title)
    title = re.sub(r"\s+", " ", title).strip()
    return title[:1].upper() + title[1:]


def _titled(text: str, numbered: list[Mention]) -> list[Mention]:
    """Laws and strategies named by title (not inside a numbered mention's own span)."""
    out = _titled_laws(text, numbered)
    for m in _STRATEGY.finditer(text):
        if _BY_DECISION.match(text[m.end() : m.end() + 40]):
            continue  # "Chiến lược X theo Quyết định số N": the decision names it (one reference)
        title = expand_title("Chiến lược " + m.group("name"))
        out.append(Mention(None, title, "Chiến lược", None, None, m.start(), m.end(), m.start(), m.end()))
    return out


@dataclass(frozen=True)
class _Law:
    """A law named by title: its match, title without a year, the year printed with it, its date if any."""

    m: re.Match[str]
    base: str
    year: str | None
    date: str | None


def _titled_laws(text: str, numbered: list[Mention]) -> list[Mention]:
    """Laws named by title. One name may stand for several editions ("Luật Hải quan số 29/2001/QH10" and
    "Luật Hải quan năm 2014", "Luật Cán bộ, công chức ngày 24/6/2025" and "... năm 2008"): then a title
    keeps the year it is printed with ("Luật Hải quan năm 2014"), and a bare mention goes to the only edition
    printed with a year; with one edition the year is dropped and "Luật X" is the law "Luật X số N"."""
    laws: list[_Law] = []
    numbered_law: dict[str, str] = {}  # law title → its number, when the text prints "Luật X số N"
    editions: dict[str, set[str]] = {}
    for m in _law_matches(text):
        base = _law_title(m)
        i = _number_after(text, m.end(), numbered)
        if i is not None:
            numbered[i] = replace(numbered[i], doc_type="Luật", start=m.start())
            numbered_law.setdefault(fold(base), str(numbered[i].number))
            editions.setdefault(fold(base), set()).add(str(numbered[i].number))
            continue
        when = date_after(text, m.end(), 8)
        law = _Law(m, base, _law_year(text, m), when.iso if when else None)
        edition = law.year or (law.date[:4] if law.date else None)
        if edition:
            editions.setdefault(fold(base), set()).add(edition)
        laws.append(law)
    out: list[Mention] = []
    for law in laws:
        key = fold(law.base)
        title, number = law.base, numbered_law.get(key)
        if len(editions.get(key, ())) > 1:
            number = None
            printed = {x.year for x in laws if fold(x.base) == key and x.year}
            dated = any(x.date for x in laws if fold(x.base) == key)
            year = law.year or (
                next(iter(printed)) if len(printed) == 1 and not law.date and not dated else None
            )
            if year:
                title = f"{law.base} năm {year}"
        m = law.m
        out.append(
            Mention(
                number,
                None if number else title,
                "Luật",
                None,
                law.date,
                m.start(),
                m.end(),
                m.start(),
                m.end(),
            )
        )
    return out


def _law_year(text: str, m: re.Match[str]) -> str | None:
    """The year printed with a law's name: "Luật Hải quan năm 2014", "Luật An ninh mạng 2025"."""
    inside = re.search(r"\s((?:19|20)\d{2})$", m.group("name"))
    if inside:
        return inside.group(1)
    after = re.match(r"\s*,?\s*(?:năm\s+)?((?:19|20)\d{2})\b(?![/-])", text[m.end() : m.end() + 14])
    return after.group(1) if after else None


def _law_matches(text: str) -> list[re.Match[str]]:
    """Laws named by title, in order: amending laws whole, and the others outside them. Upper-case runs
    ("TRIỂN KHAI THI HÀNH LUẬT VIỆC LÀM") are read in sentence case ("Luật Việc làm")."""
    text = _sentence_case_runs(text)
    amending = list(_AMENDING_LAW.finditer(text))
    inside = [(m.start(), m.end()) for m in amending]
    plain = [
        m
        for m in _LAW.finditer(text)
        if not any(a <= m.start() < b for a, b in inside)
        and (m.group("name")[0].isupper() or " " in m.group("name"))
    ]
    return sorted([*amending, *plain], key=lambda m: m.start())


_UPPER_RUN = re.compile(r"\b[A-ZĐÀ-Ỹ]{2,}(?:[ ,\n-]+[A-ZĐÀ-Ỹ0-9]+)+\b")


def _sentence_case_runs(text: str) -> str:
    """``text`` with each upper-case run that holds "LUẬT" lower-cased but for "Luật" and the first letter of
    the law's name (same length: offsets stay valid)."""

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        if "LUẬT" not in run:
            return run
        low = run.lower()
        return re.sub(r"\bluật(\s+)(\w)", lambda x: "Luật" + x.group(1) + x.group(2).upper(), low)

    return _UPPER_RUN.sub(fix, text)


def _law_title(m: re.Match[str]) -> str:
    name = re.sub(r"(?:\s+năm)?\s+\d{4}$", "", m.group("name")).strip()
    name = re.sub(r"(?:\s+và|,)$", "", name)
    if m.re is _LAW:  # a law's name starts with a capital ("Luật Tổ chức ..."); an amending law's as printed
        name = name[:1].upper() + name[1:]
    return expand_title("Luật " + name, law=True)


def _number_after(text: str, pos: int, numbered: list[Mention]) -> int | None:
    """Index of the numbered mention printed right after a law's title ("Luật X số 29/2013/QH13")."""
    for i, n in enumerate(numbered):
        if pos <= n.symbol_start <= pos + 12 and re.fullmatch(
            r"\s*,?\s*(?:số|Số)\s*:?\s*", text[pos : n.symbol_start]
        ):
            return i
    return None


def _inherit_issuer(
    m: Mention, outline: Outline | None, text: str, province: str | None, unit: str | None
) -> Mention:
    """A numbered mention under a heading "... các Quyết định, Kế hoạch của <issuer>" gets that issuer."""
    if m.issuer or not m.number or outline is None:
        return m
    for node in outline.nodes():
        if not node.start <= m.start < node.end or node.start == m.start:
            continue
        h = re.search(r"\bcủa\s+(?P<iss>[^,;.()]+?)\s*:?\s*$", node.heading)
        if h and m.doc_type and fold(m.doc_type) in fold(node.heading):
            return replace(m, issuer=issuer_full_name(h.group("iss"), province, unit))
    return m
