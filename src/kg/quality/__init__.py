"""Quality gates: SHACL and the QC queries on built data (``validate``), the one QC runner (``qc``) and the
scoring of extraction against gold records (``evaluate``).

Entry points: :func:`validate_store`, :func:`validate_graph`, :func:`run_qc`.
"""

from kg.quality.qc import QCResult, qc_queries, run_qc
from kg.quality.validate import Report, Violation, format_report, validate_graph, validate_store

__all__ = [
    "QCResult",
    "Report",
    "Violation",
    "format_report",
    "qc_queries",
    "run_qc",
    "validate_graph",
    "validate_store",
]
