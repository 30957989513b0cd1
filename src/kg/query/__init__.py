"""Asking the graph: named SPARQL queries (queries/*.rq) on the embedded store or any SPARQL 1.1 endpoint
(``sparql``), the read-only Oxigraph server (``serve``) and uploads to another server (``push``).

Entry points: :func:`resolve` + :func:`bind` + :func:`run_local` / :func:`run_remote` (with
:class:`Credentials` for an endpoint that asks for them).
"""

from kg.query.remote import Credentials
from kg.query.sparql import (
    NamedQuery,
    Param,
    Table,
    bind,
    discover,
    format_table,
    resolve,
    run_local,
    run_remote,
)

__all__ = [
    "Credentials",
    "NamedQuery",
    "Param",
    "Table",
    "bind",
    "discover",
    "format_table",
    "resolve",
    "run_local",
    "run_remote",
]
