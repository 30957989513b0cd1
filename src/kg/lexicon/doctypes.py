"""Map a record's document type word ("Kế hoạch", "Nghị quyết" ...) to its class in the ontology.

The mapping is data (data/vocab/doc_types.yaml: ``class``, ``central``, ``aliases``, the one file that decides
document types); this module is the mechanism: the longest type word that begins the folded ``doc_type`` wins,
so "Chương trình hành động" is an ActionProgramme.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import URIRef

from kg.errors import VocabularyError
from kg.lexicon import vocab
from kg.namespaces import VPO
from kg.text.strings import fold


@dataclass(frozen=True)
class DocClass:
    """The class a type word maps to and whether such documents are always central."""

    iri: URIRef
    central: bool = False


GENERIC = DocClass(VPO.Document)


@cache
def _table() -> tuple[tuple[str, DocClass], ...]:
    """(folded word, class) pairs, longest word first."""
    pairs: list[tuple[str, DocClass]] = []
    for entry in vocab.load("doc_types"):
        try:
            cls = DocClass(VPO[entry["class"]], bool(entry.get("central", False)))
        except (AttributeError, KeyError) as exc:
            raise VocabularyError(f"doc_types: unknown or missing class in {entry!r}") from exc
        pairs.extend((fold(word), cls) for word in (entry["word"], *entry.get("aliases", ())))
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


def doc_class(doc_type: str | None) -> DocClass:
    """The class of a document type word; ``vpo:Document`` when unknown or missing.

    >>> doc_class("Chương trình hành động").iri.endswith("ActionProgramme")
    True
    >>> doc_class("Luật").central
    True
    >>> doc_class(None) == GENERIC
    True
    """
    if not doc_type:
        return GENERIC
    key = fold(doc_type)
    for word, cls in _table():
        if key == word or key.startswith(word + " "):
            return cls
    return GENERIC


@cache
def _directing() -> tuple[str, ...]:
    """Folded type words (and aliases) of the entries marked ``directs``, longest first."""
    words = [
        fold(word)
        for entry in vocab.load("doc_types")
        if entry.get("directs")
        for word in (entry["word"], *entry.get("aliases", ()))
    ]
    return tuple(sorted(words, key=len, reverse=True))


def directs(doc_type: str | None) -> bool:
    """Whether a document of this type gives directions throughout its body (doc_types.yaml ``directs``):
    a directive, a dispatch, a conclusion; its type word as printed in any case.

    >>> directs("CHỈ THỊ"), directs("Công điện"), directs("KẾ HOẠCH"), directs(None)
    (True, True, False, False)
    """
    if not doc_type:
        return False
    key = fold(doc_type)
    return any(key == word or key.startswith(word + " ") for word in _directing())
