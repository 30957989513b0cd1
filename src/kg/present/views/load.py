"""Read what the views need from disk: the built graph (the store of data/current, else kg.ttl of data/current
or data/kg.ttl; the inferred triples beside it; ontology labels) and the source texts it names
(data/raw/<fileName>). The only module of kg.present.views that reads files.

The graph is read through Oxigraph, never rdflib's SPARQL: kg.analysis.convert runs a few SELECTs over
every triple, which rdflib evaluates 35× slower (issue 15: 390 of 440 s of `kg viz` at 200 documents).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Graph

from kg import paths
from kg.analysis.load import parse_error_message
from kg.errors import InputError, StoreError
from kg.present.views.model import SiteGraph

# Formats Oxigraph reads as rdflib does (kg.ttl, kg.nt, kg-inferred.ttl, the ontology); others: rdflib.
_OXIGRAPH_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".trig": "TRIG"}


def load_graph(graph_file: Path | None = None, store_dir: Path | None = None) -> Any:
    """What the views read (a source for kg.analysis.rows): ``store_dir`` when no file is named; without
    either, the built store when it exists; else the graph file, plus the inferred graph and the ontology
    files when they exist.

    Raises:
        StoreError: the store named is not one, or the graph file is missing (run ``kg build`` first) or
            does not parse.
    """
    store = Path(store_dir or paths.STORE_DIR)
    if graph_file is None and (store_dir is not None or (store / "CURRENT").is_file()):
        from kg.store import open_store  # the graph area's door; late so `kg --help` stays light

        return open_store(store)  # asserted, inferred and ontology graphs: what the files below hold
    main = graph_file or paths.built_file("kg.ttl")
    if not main.exists():
        raise StoreError(f"{main}: no built graph; run `kg build` first")
    extras = [main.with_name("kg-inferred.ttl"), paths.ONTOLOGY_FILE, paths.FIELDS_FILE]
    files = [main, *(p for p in extras if p.exists() and p != main)]
    return _in_memory(files) or _rdflib(files)


def _in_memory(files: list[Path]) -> Any:
    """The files in an in-memory Oxigraph store; None when one is in a format it is not trusted with or it
    rejects one (rdflib then reads them all: its lenient parser, and the error messages other commands
    give)."""
    import pyoxigraph as ox

    if any(p.suffix not in _OXIGRAPH_FORMATS for p in files):
        return None
    store = ox.Store()
    try:
        for path in files:
            store.bulk_load(path=str(path), format=getattr(ox.RdfFormat, _OXIGRAPH_FORMATS[path.suffix]))
    except (SyntaxError, ValueError, OSError):
        return None
    return store


def _rdflib(files: list[Path]) -> Graph:
    g = Graph()
    for path in files:
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
