"""Checkers for the ``examples`` of every data/vocab/*.yaml file.

Each vocabulary file names its checker in a top-level ``checker:`` key; ``check_examples(name)`` runs it and
returns the problems found (an empty list means every example behaves as its entry says). Checkers are
registered with ``@checker("<name>")``; each area appends checkers for its own files here, in this style.
tests/lexicon/test_vocab.py stays generic: one parametrised test over ``vocab.names()``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from kg.errors import VocabularyError
from kg.lexicon import vocab
from kg.paths import VOCAB_DIR

Checker = Callable[[tuple[dict[str, Any], ...]], list[str]]
_CHECKERS: dict[str, Checker] = {}


def checker(name: str) -> Callable[[Checker], Checker]:
    """Register ``fn`` as the checker called ``name`` (the value of a vocab file's ``checker:`` key)."""

    def register(fn: Checker) -> Checker:
        _CHECKERS[name] = fn
        return fn

    return register


def checker_name(name: str) -> str:
    """The ``checker:`` key of data/vocab/<name>.yaml."""
    path = VOCAB_DIR / f"{name}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = data.get("checker") if isinstance(data, dict) else None
    if not isinstance(key, str):
        raise VocabularyError(f"{path}: no top-level 'checker:' key naming how its examples are checked")
    return key


def check_examples(name: str) -> list[str]:
    """Problems with the examples of data/vocab/<name>.yaml, one message per failing example."""
    key = checker_name(name)
    if key not in _CHECKERS:
        raise VocabularyError(
            f"{VOCAB_DIR / name}.yaml: unknown checker {key!r} (known: {sorted(_CHECKERS)})"
        )
    return _CHECKERS[key](vocab.load(name))


def _entry_id(entry: dict[str, Any], i: int) -> str:
    return str(entry.get("id") or entry.get("abbr") or entry.get("field") or i)


@checker("agencies")
def _check_agencies(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example names the entry: ``resolve_agency(example)`` returns that entry's id; an example
    [written, shown] also gives the name records show (the name as written, a spelling made official)."""
    from kg.lexicon.gazetteer import resolve_agency

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            written, shown = (example, None) if isinstance(example, str) else example
            match = resolve_agency(written, None)
            got = match.id if match else None
            # a member of an open family ("Báo <tỉnh>") has the family id and its own slug after "--"
            if got is None or got.split("--")[0] != entry["id"]:
                problems.append(f"agencies/{_entry_id(entry, i)}: {written!r} resolves to {got!r}")
            elif shown is not None and match is not None and match.name != shown:
                problems.append(
                    f"agencies/{_entry_id(entry, i)}: {written!r} shown as {match.name!r}, not {shown!r}"
                )
    return problems


@checker("agency_abbreviations")
def _check_abbreviations(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example is a pair [written, expanded] that ``expand_abbreviations`` maps as shown."""
    from kg.lexicon.gazetteer import expand_abbreviations

    problems = []
    for i, entry in enumerate(entries):
        for written, expected in entry["examples"]:
            got = expand_abbreviations(written)
            if got != expected:
                problems.append(
                    f"agency_abbreviations/{_entry_id(entry, i)}: {written!r} -> {got!r}, want {expected!r}"
                )
    return problems


@checker("deadlines")
def _check_deadlines(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example is found as a deadline; every ``counter_examples`` string is not (for ``not-cell``:
    every example cell states no time, every counter-example does)."""
    from kg.extract.deadlines import deadline_clause, find_deadline, is_deadline_cell

    problems = []
    for i, entry in enumerate(entries):
        if entry.get("where") == "not-cell":  # cells that name no time; counter-examples do
            bad = [c for c in entry["examples"] if is_deadline_cell(c)]
            bad += [c for c in entry.get("counter_examples", ()) if not is_deadline_cell(c)]
            problems += [f"deadlines/{_entry_id(entry, i)}: {c!r} read wrongly as a cell" for c in bad]
            continue
        find = deadline_clause if entry.get("where") == "lead-in" else find_deadline
        for example in entry["examples"]:
            sentence, phrase = (example, None) if isinstance(example, str) else example
            found = find(sentence)
            want = phrase or sentence
            if not found or found[0] != want:
                problems.append(
                    f"deadlines/{_entry_id(entry, i)}: {sentence!r} gives {found!r}, want {want!r}"
                )
        for counter in entry.get("counter_examples", ()):
            if find(counter):
                problems.append(f"deadlines/{_entry_id(entry, i)}: {counter!r} must give no deadline")
    return problems


@checker("fields")
def _check_fields(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example heading maps to the entry's SKOS field."""
    from kg.extract.fields import field_of_heading

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            got = field_of_heading(example)
            if got != entry["field"]:
                problems.append(f"fields/{_entry_id(entry, i)}: {example!r} maps to {got!r}")
    return problems


@checker("roles")
def _check_roles(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example sentence contains a cue of the entry's kind, found by ``find_cue``."""
    from kg.extract.assignments import find_cue

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            got = find_cue(example, entry["kind"])
            if got is None:
                problems.append(f"roles/{_entry_id(entry, i)}: no {entry['kind']!r} cue in {example!r}")
    return problems


# --- document side (engineer A): chrome, doc_types, sections, symbol_codes, lineage_cues, titles ---


@checker("chrome")
def _check_chrome(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example line is recognised as chrome with the entry's scope (kg.normalize.chrome_scope)."""
    from kg.normalize import chrome_scope

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            got = chrome_scope(example)
            if got != entry.get("scope", "line"):
                problems.append(f"chrome/{_entry_id(entry, i)}: {example!r} gives scope {got!r}")
    return problems


@checker("doc_types")
def _check_doc_types(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example (a type line, a "<word> số <symbol>" phrase or a bare symbol) yields the entry's word;
    the word, its aliases and every ``class_examples`` type word map to the entry's ontology class."""
    from kg.extract.references import canonical_type_word, find_mentions
    from kg.lexicon.doctypes import directs, doc_class
    from kg.lexicon.lines import type_word_line
    from kg.namespaces import VPO
    from kg.segment.outline import Line

    problems = []
    for entry in entries:
        for word in (entry["word"], *entry.get("aliases", ()), *entry.get("class_examples", ())):
            got_class = doc_class(word)
            if got_class.iri != VPO[entry["class"]] or got_class.central != bool(entry.get("central")):
                problems.append(f"doc_types/{entry['word']}: {word!r} maps to {got_class}")
            if directs(word) != bool(entry.get("directs")):  # a type line in capitals too
                problems.append(f"doc_types/{entry['word']}: {word!r} gives directs={directs(word)}")
        for example in entry["examples"]:
            if example == example.upper() and type_word_line(Line(example, 0, len(example))):
                got = type_word_line(Line(example, 0, len(example)))
            else:
                mentions = find_mentions(example)
                got = mentions[0].doc_type if mentions else canonical_type_word(example.split(" số")[0])
            if got != entry["word"]:
                problems.append(f"doc_types/{entry['word']}: {example!r} gives {got!r}")
    return problems


@checker("sections")
def _check_sections(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example matches its entry's kind (and column/preamble kind) via kg.lexicon.lines.classify."""
    from kg.lexicon.lines import classify

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            hit = classify(example, entry["kind"])
            ok = hit is not None and all(
                hit.get(k) == str(entry[k]) for k in ("column", "preamble") if k in entry
            )
            if not ok:
                problems.append(f"sections/{entry['kind']}#{i}: {example!r} gives {hit!r}")
    return problems


@checker("symbol_codes")
def _check_symbol_codes(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example symbol is found, canonicalizes to itself and carries the entry's issuer code."""
    from kg.extract.symbols import canonical_number, find_symbols

    problems = []
    for entry in entries:
        for example in entry["examples"]:
            found = list(find_symbols(example))
            ok = len(found) == 1 and found[0].number == example and canonical_number(example) == example
            if not ok or found[0].issuer_code != entry["code"]:
                problems.append(
                    f"symbol_codes/{entry['code']}: {example!r} gives {[s.number for s in found]}"
                )
    return problems


@checker("lineage_cues")
def _check_lineage_cues(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """implements/none examples end with the cue (relation_before); based_on examples start with it."""
    from kg.extract.lineage import relation_before
    from kg.text.strings import fold

    problems = []
    for entry in entries:
        for example in entry["examples"]:
            rel = entry["relation"]
            if rel == "based_on":
                ok = fold(example).startswith(entry["cue"])
            else:
                ok = relation_before(example + " ") == (rel if rel == "implements" else None)
            if not ok:
                problems.append(f"lineage_cues/{entry['cue']}: {example!r} not read as {rel}")
    return problems


@checker("title_abbreviations")
def _check_title_abbreviations(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example [written, expected] expands as shown (laws use the entry's law form)."""
    from kg.extract.references import expand_title

    problems = []
    for entry in entries:
        for written, expected in entry["examples"]:
            got = expand_title(written, law=written.startswith("Luật"))
            if got != expected:
                problems.append(f"title_abbreviations/{entry['abbr']}: {written!r} gives {got!r}")
    return problems


@checker("agency_groups")
def _check_agency_groups(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example is read whole, as one collective group, by ``match_group``; a ``not`` or ``split``
    example [phrase, group] is read as that group at the phrase's start ("" for none)."""
    from kg.lexicon.gazetteer import match_group, resolve_agency

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            if entry["kind"] in ("level", "place"):
                match = resolve_agency(example)
                if not match or not match.is_group or match.name != example:
                    got = (match.name, match.is_group) if match else None
                    problems.append(f"agency_groups/{_entry_id(entry, i)}: {example!r} resolves to {got!r}")
                continue
            if entry["kind"] in ("not", "split"):
                phrase, want = example
                end = match_group(phrase)
                got = phrase[: end or 0]
                if got != want:
                    problems.append(f"agency_groups/{_entry_id(entry, i)}: {phrase!r} read as {got!r}")
                continue
            end = match_group(example)
            if end != len(example):
                problems.append(
                    f"agency_groups/{_entry_id(entry, i)}: {example!r} read as {example[: end or 0]!r}"
                )
    return problems


@checker("agency_heads")
def _check_agency_heads(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example is read as the name shown: whole, or [sentence, name] read at the sentence's start."""
    from kg.lexicon.phrases import read_phrase

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            sentence, name = (example, example) if isinstance(example, str) else example
            found = read_phrase(sentence, 0)
            got = sentence[: found[0]] if found else None
            if got != name:
                problems.append(
                    f"agency_heads/{_entry_id(entry, i)}: {sentence!r} read as {got!r}, want {name!r}"
                )
    return problems


@checker("agency_units")
def _check_agency_units(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example resolves to the entry's family, so kg.resolve.scope scopes it by its parent body."""
    from kg.resolve.scope import parent_scoped

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            info = _resolved_id(example)
            if info is None or not parent_scoped(info) or info.split("--")[0] != entry["family"]:
                problems.append(f"agency_units/{entry.get('family', i)}: {example!r} resolves to {info!r}")
    return problems


def _resolved_id(name: str) -> str | None:
    """The gazetteer id a name resolves to (None when it does not)."""
    from kg.lexicon.gazetteer import resolve_agency

    match = resolve_agency(name, None)
    return match.id if match else None


@checker("target_units")
def _check_target_units(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """A unit's example sentence gives a target with that unit; a not-unit example gives no target."""
    from kg.extract.targets import extract_targets
    from kg.normalize import normalize
    from kg.segment import segment

    problems = []
    for i, entry in enumerate(entries):
        for example in entry["examples"]:
            sentence, unit = (example, None) if isinstance(example, str) else example
            text = normalize(sentence)
            got = [t.unit for t in extract_targets(text, segment(text))]
            if (unit is None and got) or (unit is not None and unit not in got):
                problems.append(f"target_units/{_entry_id(entry, i)}: {sentence!r} gives units {got}")
    return problems


@checker("changes")
def _check_changes(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every change is well formed (kind, scope, ISO date, known bases, listed bodies) and its examples hold:
    [[written, province], [now, province now]] — the written name, resolved and followed through every
    change (kg.lexicon.changes.path), gives the body now; the change itself is one of the steps taken."""
    from kg.lexicon.changes import changes

    by_id = {c.id: c for c in changes()}
    problems = []
    for i, entry in enumerate(entries):
        change = by_id[entry["id"]]
        problems += [f"changes/{_entry_id(entry, i)}: {p}" for p in _change_shape(change)]
        for (written, province), (now, now_province) in entry["examples"]:
            if change.kind == "transfer-of-functions":  # no successor: the receiver is one of the successors
                problems += _check_transfer(change, written, now)
                continue
            got = _now_of(written, province)
            if got[:2] != (now, now_province) or change.id not in got[2]:
                problems.append(
                    f"changes/{_entry_id(entry, i)}: {written!r} ({province}) -> {got[:2]} by {got[2]}, "
                    f"want ({now!r}, {now_province!r}) by {change.id}"
                )
    return problems


def _check_transfer(change: Any, written: str, receiver: str) -> list[str]:
    """A transfer's example names one of its predecessors and one of the bodies that received work."""
    old, new = _resolved_id(written), _resolved_id(receiver)
    if old in change.predecessors and new in change.successors:
        return []
    return [f"changes/{change.id}: {written!r} -> {receiver!r} resolve to {old!r} -> {new!r}"]


def _change_shape(change: Any) -> list[str]:
    """What is wrong with one change's fields (nothing, for a well-formed change)."""
    import re

    from kg.lexicon.gazetteer import agency_by_id

    problems = []
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", change.date):
        problems.append(f"date {change.date!r} is not ISO")
    if not change.bases or not change.predecessors or not change.successors:
        problems.append("a change needs a basis, predecessors and successors")
    if change.scope != "province":
        unknown = [a for a in (*change.predecessors, *change.successors) if agency_by_id(a) is None]
        problems += [f"{a!r} is not a gazetteer id" for a in unknown]
    return problems


def _now_of(written: str, province: str | None) -> tuple[str | None, str | None, list[str]]:
    """(name now, province now, the changes taken) of a name as written in ``province``."""
    from kg.lexicon.changes import path
    from kg.lexicon.gazetteer import agency_by_id, resolve_agency

    match = resolve_agency(written, province)
    if match is None:
        return None, None, []
    steps = path(match.id, match.province)
    if not steps:
        return match.name, match.province, []
    last = steps[-1]
    body = agency_by_id(last.agency, last.province)
    name = last.name or (body.name if body else last.agency)
    return name, last.province, [c.id for s in steps for c in s.changes]


# --- views: lineage tiers ---


@checker("tiers")
def _check_tiers(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example issuer ([name, level, branch]) gets its entry's tier (kg.present.views.tiers.tier_of)."""
    from kg.present.views.tiers import tier_of

    problems = []
    for i, entry in enumerate(entries):
        for name, level, branch in entry["examples"]:
            got = tier_of(level, branch, [name], parent=bool(entry.get("parent")))
            if got != entry["tier"]:
                problems.append(f"tiers/{_entry_id(entry, i)}: {name!r} ({level}, {branch}) gives tier {got}")
    return problems


@checker("english")
def _check_english(entries: tuple[dict[str, Any], ...]) -> list[str]:
    """Every example [Vietnamese, English] gives exactly that English (kg.lexicon.english): a name for names,
    heads, tails and words; a deadline as printed for deadline and period entries."""
    from kg.lexicon.english import english_deadline, english_name

    problems = []
    for i, entry in enumerate(entries):
        compose = english_deadline if entry.get("kind") in ("deadline", "period") else english_name
        for vi, en in entry["examples"]:
            got = compose(vi)
            if got != en:
                name = entry.get("vi") or entry.get("id")
                problems.append(f"english[{i}] {name!r}: {vi!r} gives {got!r}, expected {en!r}")
    return problems
