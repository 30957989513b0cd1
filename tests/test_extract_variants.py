# ruff: noqa: E501  (sentence tables hold real sentences, kept whole)
"""The seeds as researchers also get them — NFD letters, NBSP spaces, hard-wrapped PDF lines — extract the same."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable

import pytest

from kg.extract import extract_text
from kg.paths import RAW_DIR

SEEDS = sorted(p for p in RAW_DIR.glob("*.txt"))


def _wrap(text: str) -> str:
    return "\n".join(textwrap.fill(ln, 80) if ln.strip() else ln for ln in text.split("\n"))


VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nbsp": lambda t: t.replace(" ", "\u00a0"),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "wrapped-80": _wrap,
}


def _facts(text: str) -> tuple:  # type: ignore[type-arg]
    r = extract_text(text)
    d = r.document
    return (
        (d.number, d.doc_type, d.issuer, d.date, d.signer),
        sorted(x.number or x.title or "" for x in r.references),
        sorted((e.source, e.relation, e.target) for e in r.lineage),
    )


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_variant_extracts_the_same_facts(seed, variant) -> None:  # type: ignore[no-untyped-def]
    raw = seed.read_text(encoding="utf-8")
    assert _facts(VARIANTS[variant](raw)) == _facts(raw)


@pytest.mark.parametrize("seed", SEEDS[:2], ids=lambda p: p.stem)
def test_spans_of_a_variant_quote_the_variant(seed) -> None:  # type: ignore[no-untyped-def]
    raw = unicodedata.normalize("NFD", seed.read_text(encoding="utf-8")).replace(" ", "\u00a0")
    record = extract_text(raw)
    for ref in record.references:
        assert ref.span is not None and raw[ref.span.start : ref.span.end] == ref.span.quote
