"""HTML documentation of the ontology, written with pyLODE: docs/ontology/index.html and fields.html.

pyLODE's OntPub profile documents policy.ttl (classes, properties, individuals); its VocPub profile documents
the SKOS fields scheme. CSS is inlined, so the pages work offline. The pages are deterministic: subjects are
sorted and each document gets exactly one title.
"""

from __future__ import annotations

import importlib.metadata
import logging
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.errors import OntologyError
from kg.namespaces import BASE, FIELDS_SCHEME_IRI, ONTOLOGY_IRI
from kg.ontology.check import parse_turtle
from kg.paths import DOCS_DIR, FIELDS_FILE, ONTOLOGY_FILE

DEFAULT_OUT_DIR = DOCS_DIR / "ontology"


@dataclass(frozen=True)
class DocsResult:
    """The pages written, and any external (network) resources they still reference."""

    pages: tuple[Path, ...]
    external_links: tuple[str, ...]


def write_docs(
    out_dir: Path = DEFAULT_OUT_DIR,
    ontology_file: Path = ONTOLOGY_FILE,
    fields_file: Path = FIELDS_FILE,
) -> DocsResult:
    """Write index.html (the ontology) and fields.html (the fields scheme) into ``out_dir``.

    Raises:
        OntologyError: a file does not parse, or pyLODE cannot document it.
    """
    ont_pub, voc_pub = _pylode_classes()
    ontology = _titled(_own_terms(parse_turtle(ontology_file)), ONTOLOGY_IRI, OWL.Ontology)
    fields = _titled(parse_turtle(fields_file), FIELDS_SCHEME_IRI, SKOS.ConceptScheme)
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = (
        _render(ont_pub, ontology, out_dir / "index.html"),
        _render(voc_pub, fields, out_dir / "fields.html"),
    )
    return DocsResult(pages=pages, external_links=tuple(sorted(_external_links(pages))))


def _pylode_classes() -> tuple[Any, Any]:
    """pyLODE's OntPub and VocPub classes.

    pyLODE 3.4.1 reads its version from a pyproject.toml that its wheel does not ship
    (RDFLib/pyLODE#260), so importing it fails; a stand-in ``pylode.version`` module from the installed
    distribution's metadata avoids that without touching site-packages. Importing pyLODE also calls
    ``logging.basicConfig(level=DEBUG)`` (its server module), which would make every later log line of the
    process print; the root logger is restored afterwards.
    """
    if "pylode.version" not in sys.modules:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = stub
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from pylode import OntPub, VocPub
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise OntologyError(f"pyLODE is not usable: {exc}") from exc
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return OntPub, VocPub


def _own_terms(graph: Graph) -> Graph:
    """``graph`` without the declarations of external terms, so the pages list only the project's terms."""
    kept = Graph()
    for prefix, namespace in graph.namespaces():
        kept.bind(prefix, namespace)
    for s, p, o in graph:
        external = isinstance(s, URIRef) and not str(s).startswith(BASE)
        if not external:
            kept.add((s, p, o))
    return kept


LABEL_SEPARATOR = " · "


def _labels_apart(html: str, graph: Graph) -> str:
    """``html`` with each term's English and Vietnamese labels kept apart: "agency · cơ quan".

    pyLODE writes every rdfs:label of a term one after the other with nothing between them ("agencycơ
    quan", issue 12). Its fragment ids come from the first label alone, so joining the labels in the graph
    would change every anchor; the pair is separated in the written page instead, where pyLODE put it.
    """
    pairs = set()
    for subject in set(graph.subjects(RDFS.label)):
        by_lang = {o.language: str(o) for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal)}
        if "en" in by_lang and "vi" in by_lang:
            pairs.add((by_lang["en"], by_lang["vi"]))
    for en, vi in sorted(pairs, key=lambda p: (-len(p[0]) - len(p[1]), p)):
        html = re.sub(rf"(?<![\w-]){re.escape(en)}\s*{re.escape(vi)}", f"{en}{LABEL_SEPARATOR}{vi}", html)
    return html


def _titled(graph: Graph, iri: URIRef, kind: URIRef) -> Graph:
    """A copy of ``graph`` whose ontology/scheme node has one English dcterms:title.

    pyLODE takes the last title it meets, and rdflib's iteration order is not fixed, so with labels in two
    languages the page title would vary between runs. The copy lives only in memory (dcterms:title is a data
    property in policy.ttl, so it must not be written there as an annotation).
    """
    titled = Graph()
    for prefix, namespace in graph.namespaces():
        titled.bind(prefix, namespace)
    for triple in graph:
        titled.add(triple)
    english = [o for o in graph.objects(iri, RDFS.label) if isinstance(o, Literal) and o.language == "en"]
    if (iri, RDF.type, kind) not in graph or not english:
        raise OntologyError(f"{iri}: needs rdf:type {kind} and an English rdfs:label to be documented")
    for predicate in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
        titled.remove((iri, predicate, None))
    titled.add((iri, DCTERMS.title, min(english)))
    return titled


def _render(publisher: Any, graph: Graph, destination: Path) -> Path:
    """Render one page with a pyLODE profile class and write it to ``destination``."""
    try:
        html = publisher(graph, sort_subjects=True).make_html(include_css=True)
    except Exception as exc:  # pyLODE raises plain exceptions; name the page that failed
        raise OntologyError(f"{destination.name}: pyLODE failed: {exc}") from exc
    html = _labels_apart(html, graph)
    destination.write_text(html, encoding="utf-8")
    return destination


def _external_links(pages: tuple[Path, ...]) -> set[str]:
    """URLs of stylesheets, scripts or images the pages load from the network (links to terms are fine)."""
    loaded = re.compile(r"<(?:link|script|img)\b[^>]*?(?:href|src)=\"(https?://[^\"]+)\"")
    found: set[str] = set()
    for page in pages:
        found.update(loaded.findall(page.read_text(encoding="utf-8")))
    return found
