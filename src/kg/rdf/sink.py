"""Where the mapping puts its triples: an rdflib ``Graph`` (small graphs, tests, the API) or, in a build,
a stream of N-Triples lines sorted on disk (``LineSink``): the corpus's graph is never held whole (issue 15).
"""

from __future__ import annotations

from typing import Protocol

from rdflib.term import Node

from kg.rdf import ntriples
from kg.rdf.runs import Runs

Triple = tuple[Node, Node, Node]


class Sink(Protocol):
    """Anything triples can be added to (``rdflib.Graph`` is one)."""

    def add(self, triple: Triple, /) -> object: ...


class LineSink:
    """Triples as N-Triples lines into ``runs`` (sorted and de-duplicated there)."""

    def __init__(self, runs: Runs) -> None:
        self.runs = runs

    def add(self, triple: Triple, /) -> None:
        self.runs.add(ntriples.line(triple))
