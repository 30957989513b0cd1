"""Stage 5: records with their identities → the asserted RDF graph, and its serializations.

Entry points: :func:`records_to_graph` (an rdflib Graph) and :func:`emit_records` (the same triples into any
sink, streamed: a build's N-Triples lines sorted on disk, kg.rdf.sink and kg.rdf.runs); ``serialize`` writes
deterministic Turtle, N-Triples and JSON-LD from sorted N-Triples lines.
"""

from kg.rdf.mapping import emit_records, new_graph, records_to_graph
from kg.rdf.runs import Runs
from kg.rdf.serialize import jsonld, to_jsonld, to_ntriples, to_turtle, turtle
from kg.rdf.sink import LineSink, Sink

__all__ = [
    "LineSink",
    "Runs",
    "Sink",
    "emit_records",
    "jsonld",
    "new_graph",
    "records_to_graph",
    "to_jsonld",
    "to_ntriples",
    "to_turtle",
    "turtle",
]
