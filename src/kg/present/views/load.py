"""Read what the views need from disk: the built graph (kg.ttl of data/current, else data/kg.ttl; the inferred
triples beside it; ontology labels) and the source texts it names (data/raw/<fileName>). The only module of
kg.present.views that reads files.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg import paths
from kg.analysis.load import parse_error_message
from kg.errors import InputError, StoreError
from kg.present.views.model import SiteGraph


def load_graph(graph_file: Path | None = None) -> Graph:
    """The asserted graph, plus the inferred graph and the ontology files when they exist.

    Raises:
        StoreError: the graph file is missing (run ``kg build`` first) or does not parse.
    """
    main = graph_file or paths.built_file("kg.ttl")
    if not main.exists():
        raise StoreError(f"{main}: no built graph; run `kg build` first")
    g = Graph()
    extras = [main.with_name("kg-inferred.ttl"), paths.ONTOLOGY_FILE, paths.FIELDS_FILE]
    for path in [main, *(p for p in extras if p.exists() and p != main)]:
        try:
            g.parse(path, format=_format(path))
        except Exception as exc:  # rdflib raises many parser-specific types
            raise StoreError(parse_error_message(path, exc)) from exc
    return g


def _format(path: Path) -> str:
    return {".nt": "nt", ".jsonld": "json-ld", ".ttl": "turtle", ".trig": "trig"}.get(path.suffix, "turtle")


def load_texts(site: SiteGraph, raw_dir: Path | None = None) -> dict[str, str]:
    """Source IRI → text of every source file found under ``raw_dir``; missing files are skipped.

    Decoded from bytes without newline translation, so offsets in the graph (characters of the original
    file) index the same characters here.
    """
    folder = raw_dir or paths.RAW_DIR
    texts = {}
    for source in site.sources.values():
        path = folder / source.file_name
        if path.is_file():
            try:
                texts[source.id] = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return texts
