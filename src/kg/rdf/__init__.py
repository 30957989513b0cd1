"""Stage 5: records with their identities → the asserted RDF graph, and its serializations.

Entry point: :func:`records_to_graph`; ``serialize`` writes deterministic Turtle, N-Triples and JSON-LD.
"""

from kg.rdf.mapping import new_graph, records_to_graph
from kg.rdf.serialize import to_jsonld, to_ntriples, to_turtle

__all__ = ["new_graph", "records_to_graph", "to_jsonld", "to_ntriples", "to_turtle"]
