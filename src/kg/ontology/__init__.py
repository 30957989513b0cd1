"""The ontology (ontology/policy.ttl, fields.ttl): its quality gates and its generated documentation.

Entry points: :func:`check_ontology` (parse, QC queries, HermiT) and :func:`write_docs` (pyLODE).
"""

from kg.ontology.check import (
    ConsistencyResult,
    OntologyReport,
    TermRow,
    check_consistency,
    check_ontology,
    load_ontology,
    parse_turtle,
    term_table,
    vpo_drift,
)
from kg.ontology.docs import DEFAULT_OUT_DIR, DocsResult, write_docs

__all__ = [
    "DEFAULT_OUT_DIR",
    "ConsistencyResult",
    "DocsResult",
    "OntologyReport",
    "TermRow",
    "check_consistency",
    "check_ontology",
    "load_ontology",
    "parse_turtle",
    "term_table",
    "vpo_drift",
    "write_docs",
]
