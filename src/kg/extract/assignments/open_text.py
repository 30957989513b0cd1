"""Tasks outside organisation sections: texts that have none (letters, news reports) and "Giao X ..."
sentences, which hand out tasks wherever they stand.

A text with no organisation section is read paragraph by paragraph, a subject carried over to the sentences
after it (a news report compresses a plan into one run-on sentence, G5). An official letter (it opens with
"Kính gửi:") is all directives: each numbered item or dash line with its own addressee counts, and an
introduction ending in ":" that addresses agencies ("đề nghị các bộ, ngành ... sau:") addresses the numbered
items after it.
"""

from __future__ import annotations

import re

from kg.extract.assignments.cues import is_closing, is_office_holder, to_office_holders
from kg.extract.assignments.mentions import partners
from kg.extract.assignments.reading import read_sentences, sentence_units
from kg.extract.assignments.sections import addressed_units
from kg.extract.assignments.split import paragraphs
from kg.extract.assignments.tables import cell_agencies
from kg.extract.assignments.units import Unit
from kg.lexicon.gazetteer import AgencyMention, fold_keep_length
from kg.normalize import Text
from kg.segment import parse_label
from kg.segment.outline import Outline


def is_letter(outline: Outline) -> bool:
    """An official letter (công văn) opens with "Kính gửi:" recipients: its body is all directives."""
    return any(fold_keep_length(ln.text.strip()).startswith("kinh gui") for ln in outline.header.recipients)


def open_units(text: Text, outline: Outline, province: str | None, acts: bool = False) -> list[Unit]:
    """A text with no organisation section (a letter, a news report): paragraph by paragraph, a subject
    carried over to the sentences after it until a new item, a closing or an office-holder sentence.
    With ``acts`` (a letter) an item opening with agencies and a task verb is addressed to them."""
    units: list[Unit] = []
    subject: list[AgencyMention] | None = None
    intro: list[AgencyMention] | None = None  # "đề nghị các bộ, ngành thực hiện một số nội dung sau:"
    intro_partners: list[AgencyMention] = []  # "X chủ trì, phối hợp với Y; Z thực hiện các nhiệm vụ sau:"
    for base, para in paragraphs(text, outline):
        label = parse_label(para.strip())
        if label or is_closing(para):
            subject = intro if label else None  # a numbered item or a closing formula starts afresh
        if is_closing(para):
            intro = None
            continue
        skip = len(para) - len(label[2]) if label else 0
        found, subject = read_sentences(
            para[skip:], base + skip, None, province, True, subject, acts, is_letter(outline)
        )
        if not label:
            intro = subject if para.rstrip().endswith(":") else None
            if intro:
                found = found[:-1]  # the introduction itself is no task
                intro_partners = partners(para, base, province)
        elif intro and subject is intro:
            # the partners an introduction names work on each item under it, as a heading's do
            for u in found:
                known = {m.match.name for m in u.leads + u.coords}
                u.coords += [m for m in intro_partners if m.match.name not in known]
        units += found
    return units


def giao_units(text: Text, outline: Outline, province: str | None) -> list[Unit]:
    """ "Giao X chủ trì ..." sentences outside organisation sections (they hand out tasks wherever found)."""
    units: list[Unit] = []
    for base, para in paragraphs(text, outline):
        if re.search(r"(?:^|[\s.;:])(?:[Gg]iao|GIAO)\s", para):
            units += [
                u
                for u in sentence_units(para, base, None, province, carry=False)
                if _starts_giao(text.text, u)
            ]
    return units


def _starts_giao(full: str, unit: Unit) -> bool:
    """Whether "giao" stands just before one of the unit's leads (within 40 characters)."""
    return any(
        re.search(r"\bgiao\b", fold_keep_length(full[max(0, m.start - 40) : m.start])) for m in unit.leads
    )


def cue_units(text: Text, outline: Outline, province: str | None) -> list[Unit]:
    """Sentences that name who leads with a role cue ("Ban Thường trực ... chủ trì, phối hợp với ...",
    "Sở Y tế có trách nhiệm ..."): they hand out a task wherever they stand, as "Giao X ..." does. A
    sentence that only opens with agencies before a plain verb ("Các sở, ban, ngành tổ chức quán triệt
    ...") does not, outside an organisation section (NOTES.md G8)."""
    units: list[Unit] = []
    for base, para in paragraphs(text, outline):
        label = parse_label(para.strip())
        skip = len(para) - len(label[2]) if label else 0
        # the sentences after a cue sentence in its paragraph are its agency's too ("Ban Thường trực ... chủ
        # động phối hợp với X ... . Ban Thường trực ... lựa chọn ...; phối hợp với Y chuẩn bị ...")
        units += sentence_units(para[skip:], base + skip, None, province, carry=True)
    return units


def recipients(text: Text, outline: Outline, province: str | None) -> list[AgencyMention]:
    """The bodies a letter's "Kính gửi:" block names (up to "Nơi nhận:"), each line read as names."""
    found: list[AgencyMention] = []
    block = False
    for ln in outline.header.recipients:
        folded = fold_keep_length(ln.text.strip())
        if folded.startswith("kinh gui"):
            block = True
            at = ln.text.find(":") + 1 if ":" in ln.text else len(ln.text)
            found += cell_agencies(ln.text[at:], ln.start + at, province)
        elif folded.startswith("noi nhan"):
            block = False
        elif block:
            found += cell_agencies(ln.text, ln.start, province)
    return [m for m in found if not is_office_holder(m.written)]


def heads_units(
    text: Text, outline: Outline, province: str | None
) -> tuple[list[Unit], list[tuple[int, int]]]:
    """A letter's items addressed to the heads of its recipients ("1. Giao người đứng đầu các cơ quan
    chuyên môn, ...; Chủ tịch Ủy ban nhân dân các xã" over dash items): the bodies they head, as the
    "Kính gửi:" block names them, lead each item under it. Returns the units and the items' spans."""
    if not is_letter(outline) or outline.root is None:
        return [], []
    named = recipients(text, outline, province)
    units: list[Unit] = []
    spans: list[tuple[int, int]] = []
    for node in outline.nodes():
        heading = text.text[node.heading_start : node.heading_end]
        if not named or node.kind in ("dash", "plus") or not to_office_holders(heading):
            continue
        folded = fold_keep_length(heading)
        leads = [m for m in named if _named_in(m.written, folded)]
        if not leads:
            continue
        for child in node.children:
            units += addressed_units(child, text, leads, [], province)
        spans.append((node.start, node.end))
    return units, spans


def _named_in(name: str, folded: str) -> bool:
    """Whether ``folded`` (a folded sentence) names the body ``name`` by its first words ("các" aside)."""
    words = fold_keep_length(name).split()
    if words and words[0] == "cac":
        words = words[1:]
    return bool(words) and " ".join(words[:4]) in folded
