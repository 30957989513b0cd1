"""Where the analysis commands get their graph: RDF files named on the command line, else the built store,
else the built kg.ttl (+ kg-inferred.ttl) of data/current, else data/kg.ttl (a clone without a build). The one
I/O module of kg.analysis."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rdflib import Graph

from kg.analysis.convert import PolicyGraphs, to_networkx
from kg.errors import StoreError
from kg.paths import STORE_DIR, built_file

_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".jsonld": "json-ld",
    ".rdf": "xml",
    ".owl": "xml",
    ".trig": "trig",
}


def read_rdf(paths: Sequence[Path]) -> Graph:
    """Parse RDF files into one rdflib Graph; StoreError names a file that does not parse."""
    graph = Graph()
    for path in paths:
        try:
            graph.parse(str(path), format=_FORMATS.get(path.suffix.lower(), "turtle"))
        except Exception as exc:  # rdflib raises many parser-specific types
            raise StoreError(parse_error_message(path, exc)) from exc
    return graph


def parse_error_message(path: Path, exc: Exception) -> str:
    """``file:line: not readable as RDF: why`` for a parser error, without rdflib's dump of the input bytes.

    >>> from rdflib.plugins.parsers.notation3 import BadSyntax
    >>> parse_error_message(Path("a.ttl"), BadSyntax("", 1, "x y", 2, "bad end of statement"))
    'a.ttl:2: not readable as RDF: bad end of statement'
    """
    line = getattr(exc, "lines", None)  # rdflib's BadSyntax: a 0-based line and the reason apart
    why = getattr(exc, "_why", None) or (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    where = f"{path}:{line + 1}" if isinstance(line, int) else str(path)
    return f"{where}: not readable as RDF: {why}"


def load_source(paths: Sequence[Path] = (), store_dir: Path | None = None) -> Any:
    """What to query: ``paths`` parsed if given, else the store, else the built Turtle files.

    The result is an rdflib Graph or a pyoxigraph Store, for kg.analysis.convert or kg.analysis.focus.
    """
    if paths:
        return read_rdf(paths)
    store_path = Path(store_dir or STORE_DIR)
    if store_path.is_dir():
        from kg.store import open_store  # the graph area's module; imported late so `kg --help` stays light

        return open_store(store_path)
    main = built_file("kg.ttl")
    built = [p for p in (main, main.with_name("kg-inferred.ttl")) if p.is_file()]
    if not built:
        raise StoreError(f"no graph store at {store_path} and no {main}: run `kg build` first")
    return read_rdf(built)


def load_graphs(paths: Sequence[Path] = (), store_dir: Path | None = None) -> PolicyGraphs:
    """The analysis graphs of ``paths`` if given, else of the store, else of the built Turtle files."""
    return to_networkx(load_source(paths, store_dir))
