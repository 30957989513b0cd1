"""Knowledge graph of Vietnamese policy lineage and institutional responsibility.

The pipeline runs one stage per package (docs/architecture.md): normalize → segment → extract → resolve →
rdf → store (+ inference) → quality → query → analysis → present. The names below are the public API (the
README's "Python API"):

>>> import kg
>>> record = kg.extract_text("KẾ HOẠCH\\nThực hiện Kết luận số 69-KL/TW của Bộ Chính trị")
>>> record.document.doc_type
'Kế hoạch'

They are imported on first use, so ``import kg`` stays light and ``kg --home DIR`` can set the working
directory before any module reads it (kg.__main__). No public name is also the name of a submodule (the
import system would put the module in its place): hence ``build_graph`` and ``run_query``.
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("vn-policy-kg")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

# public name → the module that defines it
_API = {
    # extract a text or a file
    "extract_text": "kg.extract",
    "extract_file": "kg.extract",
    # build a corpus: texts → records → identities → graph → store
    "build_graph": "kg.api",
    "BuildResult": "kg.build",
    "resolve_corpus": "kg.resolve",
    "records_to_graph": "kg.rdf",
    # open the store and query it
    "open_store": "kg.store",
    "run_query": "kg.api",
    "queries": "kg.api",
    "Table": "kg.query",
    "NamedQuery": "kg.query",
    "Credentials": "kg.query",
    # the graph as rdflib and NetworkX
    "load_graph": "kg.api",
    "load_networkx": "kg.api",
    "PolicyGraphs": "kg.analysis.convert",
    # analyses
    "trace": "kg.api",
    "who": "kg.api",
    "compare": "kg.api",
    "Trace": "kg.analysis.trace",
    "WhoResult": "kg.analysis.who",
    "Comparison": "kg.analysis.compare",
    # validation
    "validate_store": "kg.quality",
    # the record types
    "Record": "kg.models",
    "DocumentMeta": "kg.models",
    "Reference": "kg.models",
    "LineageEdge": "kg.models",
    "Task": "kg.models",
    "Assignment": "kg.models",
    "Target": "kg.models",
    "FieldMention": "kg.models",
    "SourceInfo": "kg.models",
    "Span": "kg.models",
    # errors
    "KGError": "kg.errors",
    "InputError": "kg.errors",
    "StoreError": "kg.errors",
    "QueryError": "kg.errors",
    "UnknownDocument": "kg.errors",
    "UnknownAgency": "kg.errors",
}

__all__ = [
    "Assignment",
    "BuildResult",
    "Comparison",
    "Credentials",
    "DocumentMeta",
    "FieldMention",
    "InputError",
    "KGError",
    "LineageEdge",
    "NamedQuery",
    "PolicyGraphs",
    "QueryError",
    "Record",
    "Reference",
    "SourceInfo",
    "Span",
    "StoreError",
    "Table",
    "Target",
    "Task",
    "Trace",
    "UnknownAgency",
    "UnknownDocument",
    "WhoResult",
    "__version__",
    "build_graph",
    "compare",
    "extract_file",
    "extract_text",
    "load_graph",
    "load_networkx",
    "open_store",
    "queries",
    "records_to_graph",
    "resolve_corpus",
    "run_query",
    "trace",
    "validate_store",
    "who",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use (PEP 562)."""
    if name not in _API:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


if TYPE_CHECKING:  # what type checkers and editors see
    from kg.analysis.compare import Comparison
    from kg.analysis.convert import PolicyGraphs
    from kg.analysis.trace import Trace
    from kg.analysis.who import WhoResult
    from kg.api import build_graph, compare, load_graph, load_networkx, queries, run_query, trace, who
    from kg.build import BuildResult
    from kg.errors import InputError, KGError, QueryError, StoreError, UnknownAgency, UnknownDocument
    from kg.extract import extract_file, extract_text
    from kg.models import (
        Assignment,
        DocumentMeta,
        FieldMention,
        LineageEdge,
        Record,
        Reference,
        SourceInfo,
        Span,
        Target,
        Task,
    )
    from kg.quality import validate_store
    from kg.query import Credentials, NamedQuery, Table
    from kg.rdf import records_to_graph
    from kg.resolve import resolve_corpus
    from kg.store import open_store
