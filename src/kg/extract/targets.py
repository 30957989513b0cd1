"""Quantitative targets: "trên 60% nhiệm vụ KH&CN ứng dụng", "02-03 doanh nghiệp", "tăng 10%/năm".

What counts. A target is a stated goal with a number about an indicator. It is read in the objective
sections (MỤC TIÊU, CHỈ TIÊU, "Đến năm 2030") and in any sentence that states an aim ("phấn đấu", "đạt",
"bảo đảm", "đến năm 2030"). The number needs a unit: "%" or a counted noun (data/vocab/target_units.yaml).
Not targets: dates, document numbers, section labels, years, time spans ("5 năm"), ratings ("4 sao"), the
title (it restates a goal the body states), a count describing another document ("04 nhiệm vụ trọng tâm
theo Nghị quyết ...") and money outside "đạt ..." (a budget line allocates, it does not aim).

How it is read, per number:
- value: one number, or a range "02-03" / "1,5-2%" (min/max, comparator "range"); Vietnamese numbers use a
  decimal comma and a thousands dot ("4.500 tỷ đồng" is 4500);
- comparator from the words before it ("trên" >, "ít nhất"/"tối thiểu"/"từ" >=, "dưới" <, "tối đa" <=) or
  after it ("trở lên" >=, "trở xuống" <=), "=" otherwise;
- indicator, verbatim: the words before a measuring verb ("Tỷ trọng kinh tế số đạt 20%": "Tỷ trọng kinh tế
  số"), else the noun phrase after the number ("70% kết quả nghiên cứu khoa học": "kết quả nghiên cứu
  khoa học"), trimmed of lead-ins ("Đến năm 2030,", "phấn đấu") and cut at 200 characters;
- year: "đến/vào/hết năm N", "năm N", "đến N", "giai đoạn N-M" (M) before the number in its sentence, else
  after it in its clause, else the enclosing heading ("2. Đến năm 2030"), else — inside an objective
  section — the one period the title and the text before it name ("... giai đoạn 2021 – 2025"). A
  baseline ("so với năm 2024") is no target year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.lexicon import vocab
from kg.lexicon.gazetteer import fold_keep_length
from kg.models import Target
from kg.normalize import Text
from kg.segment.outline import Node, Outline
from kg.text.strings import collapse, fold

MAX_INDICATOR = 200
_NUM = r"\d+(?:[.,]\d+)*"
_NUMBER = re.compile(
    rf"(?<![\w/.,–-])(?P<a>{_NUM})(?:\s*[-–]\s*(?P<b>{_NUM}))?(?P<pct>\s*%(?:\s*/\s*năm)?)?"
    r"(?![\w/]|[.,]\d|\s*[-–/]\s*\w)"
)
# Before the number (folded, longest first): comparator words and the verbs that measure an indicator.
_BEFORE = {
    "khong duoi": ">=",
    "it nhat": ">=",
    "toi thieu": ">=",
    "tren": ">",
    "hon": ">",
    "toi da": "<=",
    "khong qua": "<=",
    "duoi": "<",
    "tu": ">=",
    "khoang": "=",
}
_VERB = re.compile(
    r"(?:^|\s)(?P<verb>dat(?: muc)?|chiem|tang(?: binh quan| them)?|giam|bang|o muc|la)\s*"
    r"(?:khong duoi|it nhat|toi thieu|tren|hon|toi da|khong qua|duoi|tu|khoang)?\s*$"
)
# "bảo đảm tổng đầu tư cho KH&CN từ 1,5-2% tổng chi": the indicator stands between the verb and the number
_ENSURE = re.compile(r"(?:^|\s)(?:bao dam|dam bao)\s+(?=\S+\s+\S+)")
# compiled once (issue 15: no regex compiled in a loop)
_BEFORE_ENDS = tuple((re.compile(rf"(?:^|\s){words}$"), cmp) for words, cmp in _BEFORE.items())
_AFTER = {"tro len": ">=", "tro xuong": "<="}
# Between two numbers of one list: a measuring verb starts a new statement with its own comparator.
_LIST_BREAK = re.compile(r"(?:^|\s)(?:dat|chiem|tang|giam|bang|o muc|la)\s")
_YEAR = re.compile(
    r"(?P<base>so voi\s+|tu\s+)?(?:(?:den|vao|trong|toi|cuoi)\s+(?:het\s+)?nam\s+|nam\s+|(?:den|toi)\s+)"
    r"(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d)"
    r"|giai doan\s+(?:19|20)\d{2}\s*[-–]\s*(?P<end>(?:19|20)\d{2})"
)
_AIM = re.compile(r"phan dau|chi tieu|muc tieu|\bdat\b|den nam|vao nam|bao dam|dam bao|den het nam")
_LEAD_IN = re.compile(
    r"^(?:[-–+•]\s*|[^,:;]{0,40}?\bphan dau\s+(?:co\s+)?|[a-zđ]\)\s*|\d+(?:\.\d+)*\.\s*|"
    r"(?:trong do|cu the|phan dau|muc tieu(?: den nam \d{4})?|"
    r"theo ke hoach|dong thoi|(?:tu nay )?(?:den|vao|trong|toi)\s+(?:het\s+)?(?:nam\s+)?\d{4}|"
    r"giai doan \d{4}\s*[-–]\s*\d{4})\s*[,:]?\s*)+"
)
_OTHER_DOC = re.compile(
    r"\s(?:theo|cua)\s+(?:nghi quyet|ket luan|quyet dinh|ke hoach|chuong trinh|chi thi)\b"
)


@cache
def _units() -> tuple[tuple[str, str], ...]:
    """(folded form, kind) of data/vocab/target_units.yaml, longest first."""
    pairs = {(fold(f), e["kind"]) for e in vocab.load("target_units") for f in e["forms"]}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@cache
def _unit_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, folded form, kind) of ``_units``, compiled once."""
    return tuple((re.compile(rf"{re.escape(form)}\b"), form, kind) for form, kind in _units())


def _number(s: str) -> float:
    """ "1,5" -> 1.5, "4.500" -> 4500, "02" -> 2 (decimal comma, grouping dot)."""
    s = re.sub(r"\.(?=\d{3}(?!\d))", "", s)
    return float(s.replace(",", "."))


def _sentences(s: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in re.finditer(r"(?<=[.!?…])\s+(?=[^\W\d_])|\n", s):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(s)


def _objective_ranges(outline: Outline) -> list[tuple[int, int, int | None]]:
    """(start, end, year) of objective sections and their "Đến năm N" sub-sections."""
    out = []
    for node in outline.nodes():
        key = fold(node.heading)
        if "muc tieu" in key or "chi tieu" in key or re.match(r"^\W*(?:\w\)|\d\.)?\s*(?:tu nay )?den", key):
            out.append((node.start, node.end, _year_of(node)))
    return out


def _year_of(node: Node) -> int | None:
    return _year_in(fold(node.heading))


def _year_in(folded: str, last: bool = False) -> int | None:
    """A target year the folded text names (the last one before a number with ``last``)."""
    years = [int(m["y"] or m["end"]) for m in _YEAR.finditer(folded) if not m["base"]]
    return (years[-1] if last else years[0]) if years else None


def _period_year(text: Text, outline: Outline, ranges: list[tuple[int, int, int | None]]) -> int | None:
    """The one period the title and the text before the objectives name ("giai đoạn 2021 – 2025", "đến
    năm 2030"): the year of objectives that state none. None when they name none or several."""
    first = min((a for a, _, _ in ranges), default=0)
    named = fold(outline.title or "") + "\n" + fold(text.text[:first])
    years = {int(m["y"] or m["end"]) for m in _YEAR.finditer(named) if not m["base"]}
    return years.pop() if len(years) == 1 else None


def _unit(after: str) -> tuple[str, str, int] | None:
    """(unit, kind, length) of the noun right after a number; None when there is none or it is no unit."""
    words = list(re.finditer(r"[^\W\d_][\w&]*", after[:80]))
    if not words or after[: words[0].start()].strip():
        return None
    folded = fold(after[words[0].start() :])
    for pattern, form, kind in _unit_patterns():
        if pattern.match(folded):
            if kind == "not-unit":
                return None
            last = words[min(len(form.split()), len(words)) - 1]
            return collapse(after[words[0].start() : last.end()]), kind, last.end()
    last = words[1] if len(words) > 1 and not after[words[0].end() : words[1].start()].strip() else words[0]
    return collapse(after[words[0].start() : last.end()]), "count", last.end()


def _indicator(sentence: str, at: int, end: int, verb: re.Match[str] | None) -> str:
    """The words the number measures (module docstring), verbatim."""
    start = max(sentence.rfind(c, 0, at) for c in ",;:") + 1
    ensure = list(_ENSURE.finditer(fold_keep_length(sentence[:at]), start))
    if verb or ensure:
        first = ensure[-1].end() if ensure and not verb else start
        phrase = sentence[first : verb.start("verb") if verb else at]
        phrase = re.sub(r"\s+(?:từ|trên|khoảng|ít nhất|tối thiểu)\s*$", "", phrase.rstrip(), flags=re.I)
        phrase = re.sub(r"\s+năm\s+(?:19|20)\d{2}\s*$", "", phrase.rstrip(), flags=re.IGNORECASE)
    else:
        stop = re.search(r"[,;:.(…]|\s(?:vào|đến|trong|tới)\s+năm\s", sentence[end:])
        phrase = sentence[at:end] + (sentence[end : end + stop.start()] if stop else sentence[end:])
        phrase = phrase[_NUMBER.match(phrase).end() :]  # type: ignore[union-attr]
        phrase = re.sub(r"^(\s*\S+(?:\s+\S+)?)\s+trở (?:lên|xuống)\b", r"\1", phrase)
    phrase = collapse(phrase).strip(" -–,;:.")
    lead = _LEAD_IN.match(fold_keep_length(phrase))
    phrase = phrase[lead.end() :] if lead else phrase
    return phrase[:MAX_INDICATOR].strip()


def _comparator(before: str, after: str, ranged: bool) -> str:
    folded_after = fold(after).lstrip()
    for words, cmp in _AFTER.items():
        if folded_after.startswith(words) and not ranged:
            return cmp
    folded = fold_keep_length(before).rstrip()
    for pattern, cmp in _BEFORE_ENDS:
        if pattern.search(folded):
            return "range" if ranged else cmp
    return "range" if ranged else "="


def _targets_in(sentence: str, base: int, text: Text, year: int | None) -> Iterator[Target]:
    folded = fold_keep_length(sentence)
    prev: tuple[int, str] | None = None  # end and comparator of a number before with comparator words
    for m in _NUMBER.finditer(sentence):
        pct = re.sub(r"\s+", "", m["pct"]) if m["pct"] else None
        unit = (pct, "percent", 0) if pct else _unit(sentence[m.end() :])
        if unit is None or (not pct and not m["b"] and re.fullmatch(r"(?:19|20)\d{2}", m["a"])):
            continue
        name, kind, length = unit
        before = sentence[: m.start()]
        verb = _VERB.search(fold_keep_length(before))
        if kind == "money" and not (verb and verb["verb"].startswith("dat")):
            continue  # a budget allocation, not a goal
        end = m.end() + length
        if kind == "count" and _OTHER_DOC.search(folded[end : end + 40]):
            continue  # "04 nhiệm vụ trọng tâm theo Nghị quyết ...": that document's content
        low, high = _number(m["a"]), _number(m["b"]) if m["b"] else None
        comparator = _comparator(before, sentence[end:], high is not None)
        if comparator == "=" and prev and _same_list(folded, prev[0], m.start()):
            comparator = prev[1]  # "có ít nhất 5 ý tưởng, dự án, 02 doanh nghiệp": at least 2 as well
        prev = (end, comparator) if comparator not in ("=", "range") else None
        yield Target(
            indicator=_indicator(sentence, m.start(), m.end(), verb),
            value=None if high is not None else low,
            min_value=low if high is not None else None,
            max_value=high,
            comparator=comparator,
            unit=name,
            year=_year_in(folded[: m.start()], last=True) or _clause_year(folded, m.end()) or year,
            span=text.span(base + m.start(), base + end),
        )


def _same_list(folded: str, prev_end: int, at: int) -> bool:
    """True when the number at ``at`` is the next item of a comma list the number ending at ``prev_end``
    opened: it follows a comma directly, and no ";" nor measuring verb stands between them."""
    between = folded[prev_end:at]
    return between.rstrip().endswith(",") and ";" not in between and not _LIST_BREAK.search(between)


def _clause_year(folded: str, at: int) -> int | None:
    """A year later in the number's own ";" clause ("chuyển giao 70% kết quả ... vào năm 2030")."""
    stop = folded.find(";", at)
    clause = folded[at : stop if stop >= 0 else len(folded)]
    m = re.search(r"(?:den|vao|trong|toi)\s+(?:het\s+)?nam\s+((?:19|20)\d{2})", clause)
    return int(m.group(1)) if m else None


def extract_targets(text: Text, outline: Outline) -> list[Target]:
    """Quantitative targets stated in objective sections or in sentences that state an aim, once each."""
    ranges = _objective_ranges(outline)
    title = (outline.title_start or 0, outline.title_end or 0)
    title_year = _period_year(text, outline, ranges)
    out: list[Target] = []
    headlines: set[int] = set()  # indexes into ``out`` of targets read from a headline-like line
    seen: set[tuple[object, ...]] = set()
    for a, b in _sentences(text.text):
        sentence = text.text[a:b]
        inside = [r for r in ranges if r[0] <= a < r[1]]
        if title[0] <= a < title[1] or (not inside and not _AIM.search(fold(sentence))):
            continue
        year = next((y for _, _, y in sorted(inside, key=lambda r: -r[0]) if y), None)
        for t in _targets_in(sentence, a, text, year or (title_year if inside else None)):
            key = (fold(t.indicator), t.value, t.min_value, t.max_value, t.comparator, t.unit, t.year)
            if key not in seen:
                seen.add(key)
                if _headline(text.text, a, b):
                    headlines.add(len(out))
                out.append(t)
    return [t for i, t in enumerate(out) if i not in headlines or not _restated(t, out, headlines)]


def _headline(full: str, a: int, b: int) -> bool:
    """A line of its own with no label and no closing punctuation: a news headline or sub-heading."""
    line_start = full.rfind("\n", 0, a) + 1
    line_end = full.find("\n", b)
    line = full[line_start : line_end if line_end >= 0 else len(full)].strip()
    return (
        bool(line)
        and full[a:b].strip() == line
        and not re.match(r"^(?:[-–+•]|[^\W\d_]\)|\d+(?:\.\d+)*[.)])", line)
        and not line.endswith((".", ";", ":", "!", "?", "…"))
    )


def _restated(t: Target, out: list[Target], headlines: set[int]) -> bool:
    """True when a target of the body (not a headline) states the same numbers, unit and year about the
    same indicator (the same first two words): the headline repeats the body ("Chuyển giao 70% kết quả
    nghiên cứu khoa học cho doanh nghiệp vào năm 2030" over "... trên 70% kết quả nghiên cứu khoa học ...
    đến năm 2030") and the body's wording, with its comparator, is the target."""
    head = _head(t.indicator)
    return bool(head) and any(
        (o.value, o.min_value, o.max_value, o.unit, o.year)
        == (t.value, t.min_value, t.max_value, t.unit, t.year)
        and _head(o.indicator) == head
        for i, o in enumerate(out)
        if i not in headlines
    )


def _head(indicator: str) -> tuple[str, ...]:
    """The first two words of an indicator, folded: a headline words the rest its own way."""
    return tuple(fold(indicator).split()[:2])
