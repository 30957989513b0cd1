"""Every IRI of the graph is minted here, from the persistent namespace ``https://w3id.org/vn-policy-kg/``.

Other modules never build IRI strings: they ask this module for one. The rules (docs/graph-model.md):

- a document is ``id:doc/{scope}/{year}/{symbol-slug}``, or ``id:doc/{scope}/{year}/t-{title-hash8}`` when it
  has no number; ``scope`` is the issuer's province slug, ``central``, or ``unknown``; ``year`` is ``undated``
  when no text gives one;
- an agency is ``id:agency/{province-slug|central}/{agency-id}``, so the same department of two provinces is
  two nodes and a central body one node everywhere; a ministry's own unit (data/vocab/agency_units.yaml) is
  ``id:agency/central/{parent-id}/{agency-id}``, so two ministries' "Vụ Pháp chế" are two nodes;
- tasks, assignments, targets and lineage statements hang under the slug of their document.

>>> str(doc_iri("lam-dong", "2024", "4655/KH-UBND"))
'https://w3id.org/vn-policy-kg/id/doc/lam-dong/2024/4655-kh-ubnd'
>>> str(agency_iri("Lâm Đồng", "so-khoa-hoc-va-cong-nghe"))
'https://w3id.org/vn-policy-kg/id/agency/lam-dong/so-khoa-hoc-va-cong-nghe'
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef

from kg.namespaces import BASE, FIELD, GRAPH, ID
from kg.text.strings import fold, slug

CENTRAL = "central"
UNKNOWN = "unknown"
UNDATED = "undated"

ASSERTED_GRAPH = URIRef(GRAPH["asserted"])
INFERRED_GRAPH = URIRef(GRAPH["inferred"])
ONTOLOGY_GRAPH = URIRef(GRAPH["ontology"])


def hash8(text: str) -> str:
    """Short stable hash of a folded string (titles, unnumbered names).

    >>> hash8("Luật Khoa học và Công nghệ") == hash8("luat khoa hoc  va cong nghe")
    True
    """
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:8]


def _seg(text: str, fallback: str) -> str:
    """One IRI path segment: the slug of ``text`` or ``fallback`` when nothing IRI-safe is left."""
    return slug(text) or fallback


def doc_iri(scope: str, year: str | None, symbol: str) -> URIRef:
    """A numbered document: scope (province slug, ``central`` or ``unknown``), year, canonical symbol."""
    return URIRef(ID[f"doc/{_seg(scope, UNKNOWN)}/{year or UNDATED}/{_seg(symbol, 'x')}"])


def untitled_doc_iri(scope: str, year: str | None, title: str) -> URIRef:
    """A document without a number (law or strategy cited by title, blank-numbered plan)."""
    return URIRef(ID[f"doc/{_seg(scope, UNKNOWN)}/{year or UNDATED}/t-{hash8(title)}"])


def doc_slug(doc: URIRef) -> str:
    """The part of a document IRI after ``id:doc/``, used to scope the IRIs of its tasks and statements."""
    return str(doc).removeprefix(str(ID["doc/"]))


def agency_iri(province: str | None, agency_id: str, parent_id: str | None = None) -> URIRef:
    """An agency scoped to its province, or central when ``province`` is None; a ministry's own unit
    (``parent_id`` given: "Vụ Khoa học và Công nghệ" of one ministry) is scoped under its parent body.

    >>> str(agency_iri(None, "vu-thuoc-bo--vu-phap-che", "bo-y-te")).rsplit("/agency/", 1)[1]
    'central/bo-y-te/vu-thuoc-bo-vu-phap-che'
    """
    scope = _seg(province, UNKNOWN) if province else CENTRAL
    if parent_id:
        scope = f"{scope}/{_seg(parent_id, 'agency')}"
    return URIRef(ID[f"agency/{scope}/{_seg(agency_id, 'agency')}"])


def change_iri(change_id: str, province: str | None = None, central: bool = False) -> URIRef:
    """A change of the 2025 reorganisation (data/vocab/changes.yaml): a province merger once, a change of a
    province's own bodies once per province, a change of central bodies once (``central``).

    >>> str(change_iri("so-tai-chinh-2025", "Lâm Đồng")).rsplit("/id/", 1)[1]
    'change/so-tai-chinh-2025/lam-dong'
    """
    scope = CENTRAL if central else (_seg(province, UNKNOWN) if province else None)
    tail = f"/{scope}" if scope else ""
    return URIRef(ID[f"change/{_seg(change_id, 'change')}{tail}"])


def province_iri(name: str) -> URIRef:
    """A province (or centrally governed city) by its name."""
    return URIRef(ID[f"province/{_seg(name, UNKNOWN)}"])


def person_iri(name: str) -> URIRef:
    """A signer, by the name as printed."""
    return URIRef(ID[f"person/{_seg(name, 'person')}"])


def source_iri(sha256: str) -> URIRef:
    """A source text, by the first 16 hex digits of its sha256."""
    return URIRef(ID[f"source/{sha256[:16]}"])


def evidence_iri(sha256: str, start: int, end: int) -> URIRef:
    """A span [start, end) of a source text."""
    return URIRef(ID[f"evidence/{sha256[:16]}/{start}-{end}"])


def selector_iri(evidence: URIRef, kind: str) -> URIRef:
    """The position (``pos``) or quote (``quote``) selector of an evidence node."""
    return URIRef(f"{evidence}/{kind}")


def mention_iri(sha256: str, n: int) -> URIRef:
    """The n-th document mention (reference) of a source text."""
    return URIRef(ID[f"mention/{sha256[:16]}/{n}"])


def task_iri(doc: URIRef, task_id: str) -> URIRef:
    """A task of a document, by its record id (t1, t2, ...)."""
    return URIRef(ID[f"task/{doc_slug(doc)}/{_seg(task_id, 't')}"])


def assignment_iri(task: URIRef, agency: URIRef, role: str) -> URIRef:
    """One (task, agency, role): the agency's own IRI path keeps two provinces' departments apart."""
    task_path = str(task).removeprefix(str(ID["task/"]))
    agency_path = str(agency).removeprefix(str(ID["agency/"]))
    return URIRef(ID[f"assignment/{task_path}/{agency_path}/{_seg(role, 'role')}"])


def target_iri(doc: URIRef, n: int) -> URIRef:
    """The n-th quantitative target of a document (1-based)."""
    return URIRef(ID[f"target/{doc_slug(doc)}/{n}"])


def lineage_iri(source: URIRef, relation: str, target: URIRef) -> URIRef:
    """The qualified statement of one lineage triple; two texts stating it share the node."""
    return URIRef(ID[f"lineage/{doc_slug(source)}/{_seg(relation, 'rel')}/{hash8(str(target))}"])


def field_iri(notation: str) -> URIRef:
    """A SKOS field concept of ontology/fields.ttl by its notation."""
    return URIRef(FIELD[_seg(notation, "other")])


def is_project_iri(value: str) -> bool:
    """True for IRIs in the project's namespace (used to shorten them in tables)."""
    return value.startswith(BASE)
