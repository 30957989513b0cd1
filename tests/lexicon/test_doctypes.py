"""One vocabulary file decides document types (issue 11): data/vocab/doc_types.yaml gives each type word its
symbol codes and its ontology class, and kg.lexicon.doctypes reads the class from there."""

from __future__ import annotations

import pytest
import yaml

from kg.lexicon import vocab
from kg.lexicon.doctypes import GENERIC, doc_class
from kg.lexicon.lines import doc_type_words
from kg.namespaces import VPO
from kg.paths import VOCAB_DIR


def test_no_other_vocabulary_file_maps_type_words_to_classes() -> None:
    deciders = []
    for name in vocab.names():
        data = yaml.safe_load((VOCAB_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        if any("class" in e for e in data["entries"]):
            deciders.append(name)
    assert deciders == ["doc_types"]


@pytest.mark.parametrize(("word", "cls", "_codes"), doc_type_words())
def test_the_class_extraction_reads_is_the_class_the_graph_gets(word: str, cls: str, _codes: object) -> None:
    assert doc_class(word).iri == VPO[cls]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Công điện", VPO.Document),  # the two words the old files disagreed on
        ("Quy định", VPO.Document),
        ("Bộ luật", VPO.Law),
        ("Chương trình hành động", VPO.ActionProgramme),
        ("Chương trình", VPO.Programme),
    ],
)
def test_type_words_map_to_one_class(word: str, expected: object) -> None:
    assert doc_class(word).iri == expected


def test_an_unknown_type_is_a_plain_document() -> None:
    assert doc_class("Văn bản lạ") == GENERIC
