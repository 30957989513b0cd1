"""Document symbols ("số ký hiệu"): find them with a regex before any tokenizer, and canonicalize them.

Two printed shapes: party "N-XX/YY" (69-KL/TW, 116-KH/TU, 2449-CV/ĐU) and state "N/XX-YY" or "N/YYYY/XX-YY"
(4655/KH-UBND, 9387/UBND-KT, 08/2014/NĐ-CP, 29/2013/QH13). Canonical form (SCHEMA.md): as printed, with Đ for
Ð, the type code and issuer code in their proper case (CTr, TTr, QĐ, TTg), and a central party symbol printed
in the state shape ("50/KL-TW") turned back to the party shape ("50-KL/TW"). ``identity_number`` goes further
and writes every party symbol in the party shape, so "47/CTr-TU" and "47-CTr/TU" are one document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from kg.lexicon import vocab
from kg.text.strings import nfc

_L = "A-Za-zĐđƯưƠơÂâÊêÔôĂă"
_CODE = rf"[A-ZĐƯa-zđ][{_L}0-9&]{{0,15}}"
_SYMBOL = re.compile(
    rf"(?<![\w/.-])(?P<n>\d{{1,5}}(?:\.\d{{1,2}}(?=/(?:19|20)\d{{2}}/))?[a-z]?)(?:"
    rf"\s?-\s?(?P<ptype>{_CODE})\s?/\s?(?P<pissuer>{_CODE}(?:-{_CODE})?)"
    rf"|(?:/(?P<year>(?:19|20)\d{{2}}))?\s?/\s?(?P<stype>{_CODE}(?:(?:\s?-\s?|\.){_CODE}){{0,3}})"
    rf")(?![\w/])"
)
# An old central symbol without a type code, after its type word or "số": "Quyết định số 169-CP",
# "Nghị định 404-CP" (before 1990 the Government's symbols were "N-CP").
_OLD_SYMBOL = re.compile(rf"(?<![\w/.-])(?P<n>\d{{1,5}})-(?P<code>{_CODE})(?![\w/-])")
_OLD_LEAD = re.compile(r"(?:\bsố|Quyết định|Nghị định|Nghị quyết|Chỉ thị|Thông tư)\s*:?\s*$", re.IGNORECASE)
# A blank number: "Số: /KH-UBND", "Số:      -KH/TU".
BLANK_SYMBOL = re.compile(rf"Số\s*:?\s*[/-]\s?(?P<code>{_CODE}(?:[-/]{_CODE}){{0,3}})")


@dataclass(frozen=True)
class Symbol:
    """One symbol found in a text: canonical form, offsets in that text, and its parts."""

    number: str  # canonical
    start: int
    end: int
    type_code: str | None
    issuer_code: str | None


@cache
def _type_codes() -> dict[str, str]:
    """Folded-case type code → proper case, from doc_types.yaml."""
    out: dict[str, str] = {}
    for e in vocab.load("doc_types"):
        for code in e.get("codes") or ():
            if "-" not in str(code):
                out[str(code).upper()] = str(code)
    return out


@cache
def _issuer_codes() -> dict[str, tuple[str, str]]:
    """Upper-cased issuer code → (proper case, kind)."""
    return {str(e["code"]).upper(): (str(e["code"]), str(e["kind"])) for e in vocab.load("symbol_codes")}


def type_code_of(code: str) -> str | None:
    """Proper case of a type code, or None if ``code`` is not a type code ("UBND" is not)."""
    return _type_codes().get(nfc(code).upper())


def _fix_issuer(code: str) -> str:
    known = _issuer_codes().get(code.upper())
    if known:
        return known[0]
    return code.upper()


def _fix_code(code: str) -> str:
    return type_code_of(code) or _fix_issuer(code)


def is_party_code(code: str | None) -> bool:
    """Whether an issuer code belongs to a party body (TW, TU, ĐU ...)."""
    return bool(code) and _issuer_codes().get(str(code).upper(), ("", ""))[1] == "party"


def _unglued(code: str) -> list[str]:
    """A type code printed glued to its issuer code ("NĐCP" for "NĐ-CP"), split; other codes unchanged."""
    if type_code_of(code) or code.upper() in _issuer_codes():
        return [code]
    for i in range(len(code) - 1, 0, -1):
        if type_code_of(code[:i]) and code[i:].upper() in _issuer_codes():
            return [code[:i], code[i:]]
    return [code]


def _from_match(m: re.Match[str]) -> tuple[str, str | None, str | None]:
    """(canonical, type code, issuer code) of a regex match."""
    n = m.group("n")
    if m.group("ptype"):
        ptype = _fix_code(m.group("ptype"))
        pissuer = "-".join(_fix_issuer(p) for p in m.group("pissuer").split("-"))
        return f"{n}-{ptype}/{pissuer}", ptype, pissuer
    parts = [q for p in re.split(r"\s?-\s?", m.group("stype")) for q in _unglued(p.strip())]
    parts = [_fix_code(p) for p in parts]
    year = m.group("year")
    t = parts[0] if type_code_of(parts[0]) else None
    issuer = parts[-1] if len(parts) > 1 or t is None else None
    if t is None and len(parts) > 1 and parts[0].upper() in _issuer_codes():
        t, issuer = "CV", parts[0]  # "9387/UBND-KT": an official letter (công văn) of UBND's KT office
    if issuer:
        issuer = re.sub(r"(?<=[A-Z])\d+$", "", issuer) or issuer  # "QH13" is the 13th National Assembly: QH
    if t and issuer and len(parts) == 2 and issuer == "TW" and not year:
        return f"{n}-{t}/{issuer}", t, issuer  # "50/KL-TW" is a central party symbol misprinted
    body = "-".join(p for p in parts)
    return (f"{n}/{year}/{body}" if year else f"{n}/{body}"), t, issuer


def find_symbols(text: str) -> Iterator[Symbol]:
    """Every symbol in ``text`` (NFC expected), in order.

    >>> [s.number for s in find_symbols("Kết luận số 50/KL-TW, Kế hoạch 4655/KH-UBND, Tờ trình 19/TTr-SKHCN")]
    ['50-KL/TW', '4655/KH-UBND', '19/TTr-SKHCN']
    """
    found = [*_new_symbols(text), *_old_symbols(text)]
    yield from sorted(found, key=lambda s: s.start)


def _new_symbols(text: str) -> Iterator[Symbol]:
    for m in _SYMBOL.finditer(text):
        number, t, issuer = _from_match(m)
        if (
            t is None
            and "/19" not in number[:8]
            and "/20" not in number[:8]
            and (issuer is None or issuer.upper() not in _issuer_codes())
        ):
            # "9387/UBND-KT" starts with an issuer code; anything else without a type code is not a symbol.
            first = number.split("/")[-1].split("-")[0]
            if first.upper() not in _issuer_codes():
                if not _letter_symbol(text, m.start(), number):
                    continue
                t, issuer = "CV", first  # "2874/BYT-DP": a letter of an issuer whose code is not listed
        yield Symbol(number, m.start(), m.end(), t, issuer)


def _old_symbols(text: str) -> Iterator[Symbol]:
    for m in _OLD_SYMBOL.finditer(text):
        code = _issuer_codes().get(m.group("code").upper())
        if code and code[1] == "state" and _OLD_LEAD.search(text[max(0, m.start() - 20) : m.start()]):
            yield Symbol(f"{m.group('n')}-{code[0]}", m.start(), m.end(), None, code[0])


_LETTER_LEAD = re.compile(r"(?:^|\s)(?:số|Số|SỐ|[Cc]ông văn|[Vv]ăn bản)\s*:?\s*$")


def _letter_symbol(text: str, start: int, number: str) -> bool:
    """ "số 2874/BYT-DP", "số 16/CGC.BT", "số 3980/C04-P6", "số 01/HLV": an official letter's symbol (the
    issuer's acronym, then its office's), accepted only after "số" so that other slash-and-dash strings are
    not taken for symbols."""
    codes = re.split(r"[-.]", number.split("/")[-1])
    return (
        len(codes) <= 4
        and all(re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]{1,11}", c) for c in codes)
        and bool(_LETTER_LEAD.search(text[max(0, start - 14) : start]))
    )


def canonical_number(s: str) -> str:
    """Canonical form of one symbol string; unchanged (trimmed, NFC) when it is not a symbol.

    >>> canonical_number("47/Ctr-TU")
    '47/CTr-TU'
    >>> canonical_number("104-CTr/Tu")
    '104-CTr/TU'
    >>> canonical_number("1466/QÐ-UBND")
    '1466/QĐ-UBND'
    """
    s = nfc(s).strip()
    m = _SYMBOL.fullmatch(s)
    return _from_match(m)[0] if m else s


def identity_number(s: str) -> str:
    """Identity form: canonical, and party symbols always in the party shape.

    >>> identity_number("47/CTr-TU") == identity_number("47-CTr/TU")
    True
    """
    c = canonical_number(s)
    c = re.sub(r"^0+(?=\d)", "", c)
    m = re.fullmatch(r"(\d+)/([^/-]+)-([^/]+)", c)
    if m and is_party_code(m.group(3)):
        return f"{m.group(1)}-{m.group(2)}/{m.group(3)}"
    return c
