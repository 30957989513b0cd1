"""The embedded Oxigraph store (named graphs asserted / inferred / ontology) and inference over it.

Entry points: :func:`open_store` (a built store), :func:`new_store`, :func:`load_graph`, :func:`infer`.
Where a build puts its store and files, and the one atomic switch between builds: ``generations``; one build
at a time: ``lock``.
"""

from kg.store.embedded import (
    ASSERTED_GRAPH,
    DATASET,
    FORMATS,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    ask,
    count,
    dataset_nodes,
    dump,
    load_graph,
    new_store,
    node,
    open_store,
    select,
    to_rdflib,
)
from kg.store.infer import infer, infer_graph

__all__ = [
    "ASSERTED_GRAPH",
    "DATASET",
    "FORMATS",
    "INFERRED_GRAPH",
    "ONTOLOGY_GRAPH",
    "ask",
    "count",
    "dataset_nodes",
    "dump",
    "infer",
    "infer_graph",
    "load_graph",
    "new_store",
    "node",
    "open_store",
    "select",
    "to_rdflib",
]
