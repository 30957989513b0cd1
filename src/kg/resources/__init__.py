"""Data shipped with the package, read through kg.paths.

In a wheel this package holds ``vocab/`` (data/vocab/*.yaml), ``ontology/`` (ontology/*.ttl), ``queries/``
(queries/*.rq) and ``queries/qc/`` (queries/qc/*.rq): setuptools maps those top-level folders of the
repository here when it builds the wheel (``package-dir`` in pyproject.toml), so the repository keeps one
copy of each. From a source checkout kg.paths reads the top-level folders themselves.
"""
