"""The document a text IS: number, type, issuer, date, title, signer (news report: the reported document).

Official texts give these in the header ("Số: ...", the place/date line, issuer lines, the type word and the
subject line) and the signature block. A news report names them in its opening: "Ngày 03/12/2020, UBND tỉnh X
ban hành Kế hoạch số N/KH-UBND về việc ..." — the article's own dates are not the document's.
"""

from __future__ import annotations

import re

from kg.extract.dates import find_dates
from kg.extract.issuers import block_issuer_name, issuer_full_name, split_issuer_block
from kg.extract.references import canonical_type_word
from kg.extract.symbols import BLANK_SYMBOL, find_symbols, type_code_of
from kg.lexicon.gazetteer import expand_abbreviations
from kg.lexicon.lines import doc_type_words
from kg.models import DocumentMeta, Span, Warning_, real_date
from kg.normalize import Text
from kg.segment.outline import Outline
from kg.text.strings import collapse, fold

_ISSUED = re.compile(
    r"(?P<issuer>[^,.;:]{3,90}?)\s+(?:đã\s+)?(?:ban hành|có)\s+(?P<type>[^\d\n]{2,40}?)\s*(?:số\s*:?\s*)?$"
)
_SUBJECT = re.compile(
    r"^\s*(?:,\s*)?(?:ngày[^,]{4,30}?,?\s*)?(?:(?:về việc|về|V/v|nhằm)\s+(?P<title>.+)|"
    r"(?!(?:của|ngày|năm|và|tại|theo|để|đã|với|trong|cho|được|này|là|có|gồm|với)\b)(?P<bare>[a-zà-ỹđ].+))$",
    re.IGNORECASE,
)
# "Ngày 15/3," with no year: a news report dates the issuing by day and month only
_DAY_MONTH = re.compile(r"\b[Nn]gày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?![/\d])")
# "TM. ỦY BAN NHÂN DÂN", "T/M BAN BÍ THƯ": the body a signature acts for (its upper-case words follow).
_TM = re.compile(r"(?:^|[\s;|])(?:TM|T/M)\.?\s+(\S.*)$")
# An office after the body's name: the signature goes on to the signer's office, not the body's name.
_OFFICE = re.compile(r"^(?:KT\.?|K/T|TL\.?|TUQ\.?|PHÓ|CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|TRƯỞNG)(?:\s|$)")


def extract_metadata(text: Text, outline: Outline) -> tuple[DocumentMeta, list[Warning_]]:
    """Metadata of the document and warnings for what could not be found."""
    spans: dict[str, Span] = {}
    fields = _news_fields(text, outline, spans) if outline.is_news else _official_fields(text, outline, spans)
    warnings = [
        Warning_(f"no-{k}", f"no document {k} found in the text")
        for k in ("number", "date", "issuer")
        if not fields.get(k)
    ]
    date = fields.get("date")
    if date and not real_date(date):
        warnings.append(
            Warning_(
                "impossible-date",
                f"the document date {date} does not exist; kept as text, not typed as a date",
                spans.get("date"),
            )
        )
    meta = DocumentMeta(
        number=fields["number"],
        doc_type=fields["doc_type"],
        issuer=fields["issuer"],
        date=fields["date"],
        title=fields["title"],
        signer=fields["signer"],
        province=outline.province,
        spans=spans,
    )
    return meta, warnings


# --- official texts ----------------------------------------------------------------------------------------


def _official_fields(text: Text, outline: Outline, spans: dict[str, Span]) -> dict[str, str | None]:
    h = outline.header
    number, code = _header_number(text, outline, spans)
    doc_type = canonical_type_word(outline.doc_type_word or "") if outline.doc_type_word else None
    if doc_type is None and outline.doc_type_word is None and h.number_line is not None:
        doc_type = "Công văn"  # a numbered letter without a type line ("V/v ..." subject)
    if doc_type is None and code:
        doc_type = _word_of_code(code)
    date = None
    if h.date_line:
        found = find_dates(h.date_line.text)
        if found:
            date = found[0].iso
            spans["date"] = text.span(h.date_line.start + found[0].start, h.date_line.start + found[0].end)
    if date is None and number and re.match(r"^\d+/(\d{4})/", number):
        date = number.split("/")[1]  # no date line: the year the number carries ("09/2025/NĐ-CP")
    title = outline.title
    if title and outline.title_start is not None and outline.title_end is not None:
        spans["title"] = text.span(outline.title_start, outline.title_end)
    signer = outline.signer
    if signer and outline.signer_start is not None and outline.signer_end is not None:
        spans["signer"] = text.span(outline.signer_start, outline.signer_end)
    issuer = (
        _by_issuer(outline)
        or _header_issuer(outline)
        or _opening_issuer(outline)
        or _signature_issuer(outline)
    )
    return {
        "number": number,
        "doc_type": doc_type,
        "issuer": issuer,
        "date": date,
        "title": title,
        "signer": signer,
    }


def _header_number(text: Text, outline: Outline, spans: dict[str, Span]) -> tuple[str | None, str | None]:
    line = outline.header.number_line
    if line is None:
        return None, None
    squeezed, origin = _squeeze_number(line.text)
    for sym in find_symbols(squeezed):
        spans["number"] = text.span(line.start + origin[sym.start], line.start + origin[sym.end - 1] + 1)
        return sym.number, sym.type_code
    blank = BLANK_SYMBOL.search(line.text)
    if blank:
        parts = re.split(r"[-/]", blank.group("code"))
        for p in parts:
            if type_code_of(p):
                return None, type_code_of(p)
    return None, None


def _squeeze_number(line: str) -> tuple[str, list[int]]:
    """The number line with the blank a clerk filled by hand closed up ("Số: 32   /2025/QĐ-UBND" →
    "Số: 32/2025/QĐ-UBND"), and the index in ``line`` of each kept character."""
    gaps = {k for m in re.finditer(r"\d( +)/", line) for k in range(m.start(1), m.end(1))}
    keep = [i for i in range(len(line)) if i not in gaps]
    return "".join(line[i] for i in keep), keep


def _word_of_code(code: str) -> str | None:
    for word, _cls, codes in doc_type_words():
        if code in codes:
            return word
    return None


def _by_issuer(outline: Outline) -> str | None:
    """Issuer under the type word ("NGHỊ QUYẾT / CỦA BỘ CHÍNH TRỊ"); the header shows the parent body. A
    by-line naming a person ("CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG") says who spoke, not who issued; of a joint
    by-line ("CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ") the first body is the one that signs."""
    by = outline.header.by_line
    if by is None:
        return None
    name = re.sub(r"^CỦA\s+", "", by.text, flags=re.IGNORECASE).strip()
    if re.match(r"^(?:ĐỒNG CHÍ|ĐC\.?)\s", name, re.IGNORECASE):
        return None
    name = re.split(r"\s*,\s*|\s+VÀ\s+", name)[0].strip()
    return issuer_full_name(_sentence_case(name), outline.province, outline.province_unit) if name else None


def _header_issuer(outline: Outline) -> str | None:
    """Issuer from the header's issuer block: its unit under the parent body (with the parent's province),
    or the body a "TM." signature names when the header shows the party's Central Committee."""
    lines = [ln.text for ln in outline.header.issuer_lines if not re.fullmatch(r"[-_*.\s]+", ln.text)]
    if not lines:
        return None
    parent, unit = split_issuer_block(lines)
    signed = _signed_for(outline)
    name = block_issuer_name(
        _sentence_case(parent),
        _sentence_case(unit) if unit else None,
        _sentence_case(signed) if signed else None,
    )
    return issuer_full_name(name, outline.province, outline.province_unit)


def _signed_for(outline: Outline) -> str | None:
    """The body a "TM."/"T/M" signature line acts for, joined when the column wrapped it ("T/M BỘ CHÍNH" /
    "TRỊ"); in a layout signature block the line may carry a recipient before it."""
    block = sorted([*outline.header.recipients, *outline.header.signature], key=lambda ln: ln.start)
    for i, ln in enumerate(block):
        m = _TM.search(ln.text)
        if not m:
            continue
        name = _upper_run(m.group(1))
        for nxt in block[i + 1 : i + 3]:
            t = nxt.text.strip()
            if t != t.upper() or not any(c.isalpha() for c in t) or _OFFICE.match(t) or len(name.split()) > 6:
                break
            name = f"{name} {t}"
        return name
    return None


def _upper_run(text: str) -> str:
    """The leading upper-case words of ``text`` up to an office word ("BAN THƯỜNG TRỰC CHỦ TỊCH Lan Thị Vân"
    → "BAN THƯỜNG TRỰC")."""
    words: list[str] = []
    for w in text.split():
        if w != w.upper() or _OFFICE.match(" ".join([w, *text.split()[len(words) + 1 :]])):
            break
        words.append(w)
    return " ".join(words)


def _sentence_case(upper: str) -> str:
    """ "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" → "Ủy ban nhân dân tỉnh LÂM ĐỒNG" is left to the gazetteer; here a
    plain lower-casing keeps the first letter and any province name title-cased."""
    if upper != upper.upper():
        return upper
    words = expand_abbreviations(upper).split()
    out: list[str] = []
    place = False
    for i, w in enumerate(words):
        if w != w.upper():  # an abbreviation spelled out ("MTTQ" → "Mặt trận Tổ quốc")
            out.append(w)
            continue
        if place:
            out.append(w[:1] + w[1:].lower())
            continue
        out.append(w[:1] + w[1:].lower() if i == 0 else w.lower())
        place = w in ("TỈNH", "PHỐ", "HUYỆN", "XÃ", "QUẬN", "PHƯỜNG") or (
            w in ("ỦY", "UỶ") and i > 0 and words[i - 1] in ("TỈNH", "THÀNH", "HUYỆN")
        )
    # "TỈNH ỦY X" is the provincial party committee: "Tỉnh ủy X", not the province "Ủy X"
    name = re.sub(
        r"\b(Tỉnh|Thành|Huyện|tỉnh|thành|huyện) (Ủy|Uỷ)\b", lambda m: f"{m.group(1)} ủy", " ".join(out)
    )
    # the country's name and a committee's standing body keep their capitals ("Ban Thường trực")
    name = re.sub(r"\bviệt nam\b", "Việt Nam", name)
    return re.sub(r"\b(Ban|ban) thường (trực|vụ)\b", lambda m: f"{m.group(1)} Thường {m.group(2)}", name)


def _opening_issuer(outline: Outline) -> str | None:
    for item in outline.preamble:
        if item.kind != "opening":
            continue
        m = re.search(r"(?:^|[.;]\s+)([^.;]{3,80}?)\s+(?:đã\s+)?ban hành\b", item.text)
        if m:
            return issuer_full_name(m.group(1), outline.province, outline.province_unit)
    return None


def _signature_issuer(outline: Outline) -> str | None:
    for ln in outline.header.signature:
        m = re.match(r"^(?:TM|T/M)\.?\s+(.+)$", ln.text)
        if m:
            name = _sentence_case(m.group(1))
            return issuer_full_name(name, outline.province, outline.province_unit)
    return None


# --- news reports ------------------------------------------------------------------------------------------


def _news_fields(text: Text, outline: Outline, spans: dict[str, Span]) -> dict[str, str | None]:
    opening = next((p for p in outline.preamble if p.kind == "opening"), None)
    empty: dict[str, str | None] = dict.fromkeys(("number", "doc_type", "issuer", "date", "title", "signer"))
    if opening is None:
        return empty
    para = opening.text
    syms = list(find_symbols(para))
    if not syms:
        return empty
    sym = syms[0]
    spans["number"] = text.span(opening.start + sym.start, opening.start + sym.end)
    before = para[: sym.start]
    issued = _ISSUED.search(before)
    doc_type = canonical_type_word(issued.group("type")) if issued else None
    issuer = None
    if issued:
        raw = (
            re.sub(r"^.*?(?:,\s*|Mới đây\s*,?\s*)(?=\S+)", "", issued.group("issuer"))
            if "," in issued.group("issuer")
            else issued.group("issuer")
        )
        raw = re.sub(r"^(?:Mới đây|Vừa qua|Gần đây)\s*,?\s*", "", raw.strip())
        issuer = issuer_full_name(raw, outline.province, outline.province_unit)
    date = _news_date(before, para, sym.end) or _day_month_date(text, before, opening.start)
    title = _news_title(para[sym.end :])
    if doc_type is None and sym.type_code:
        doc_type = _word_of_code(sym.type_code)
    return {
        "number": sym.number,
        "doc_type": doc_type,
        "issuer": issuer,
        "date": date,
        "title": title,
        "signer": None,
    }


def _news_date(before: str, para: str, sym_end: int) -> str | None:
    """The document's date: right after its number, or opening the sentence that reports the issuing."""
    after = find_dates(para[sym_end : sym_end + 40])
    if after and re.match(r"^\s*,?\s*ngày", para[sym_end : sym_end + 40]):
        return after[0].iso
    sentence = re.split(r"[.;]\s", before)[-1]
    found = find_dates(sentence)
    return found[0].iso if found else None


def _day_month_date(text: Text, before: str, opening_start: int) -> str | None:
    """ "Ngày 15/3, UBND tỉnh X ban hành ...": the year comes from the report's own dateline (a date with a
    year in the page's chrome or lines above), when the day and month are not later than it; else None."""
    sentence = re.split(r"[.;]\s", before)[-1]
    m = _DAY_MONTH.search(sentence)
    if not m:
        return None
    above = text.to_original(opening_start + len(before) - len(sentence) + m.start())
    stamps = [c.quote for c in text.chrome if c.start < above] + [text.text[:opening_start]]
    for stamp in stamps:
        found = find_dates(stamp)
        if not found or len(found[0].iso) != 10:
            continue
        year, month, day = (int(x) for x in found[0].iso.split("-"))
        d, mo = int(m.group("d")), int(m.group("m"))
        if 1 <= mo <= 12 and 1 <= d <= 31 and (mo, d) <= (month, day):
            return f"{year:04d}-{mo:02d}-{d:02d}"
        return None
    return None


def _news_title(after: str) -> str | None:
    m = _SUBJECT.match(after)
    if not m:
        return None
    if m.group("bare") and not m.group("bare")[:1].islower():
        return None  # IGNORECASE lets an upper-case word through: only a lower-case verb phrase is a title
    title = re.split(
        r"\s*\((?:sau đây|gọi tắt|Kế hoạch|Quyết định|Chương trình)[^)]*\)|\.\s|\.$|\n",
        m.group("title") or m.group("bare"),
    )[0]
    title = collapse(title).rstrip(" .,;")
    return title[:1].upper() + title[1:] if title else None


def is_blank(value: str | None) -> bool:
    """True for None or whitespace (helper for callers that fill gaps)."""
    return value is None or not fold(value)
