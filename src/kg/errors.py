"""One hierarchy of errors. Each message names the offending thing (file, document, agency) and the problem.

The CLI maps them to exit codes; library code raises them and never prints or exits.
"""

from __future__ import annotations

import os
from pathlib import PurePath


def shown_path(path: str | PurePath) -> str:
    """A file name as it can be printed: bytes that are not UTF-8 (kept by Python as lone surrogates) are
    shown escaped ("bad\\xffname.txt") instead of breaking the terminal or the message.

    >>> shown_path(os.fsdecode(b"k\\xe9 ho\\xe0ch.txt"))
    'k\\\\xe9 ho\\\\xe0ch.txt'
    >>> shown_path("kế hoạch.txt")
    'kế hoạch.txt'
    """
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


class KGError(Exception):
    """Base of every error the project raises on purpose."""

    exit_code = 2


class InputError(KGError):
    """A source file cannot be read as text (missing, empty, binary, wrong encoding)."""

    def __init__(self, path: str, problem: str) -> None:
        path = shown_path(path)
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class VocabularyError(KGError):
    """A data/vocab file is malformed or an entry's examples do not match it."""


class OntologyError(KGError):
    """The ontology does not parse or is inconsistent."""


class BuildError(KGError):
    """The graph could not be built or stored; the previous build is left intact."""


class BuildLocked(BuildError):
    """Another build of the same output folder is running (exit code 3: try again later, or ``--wait``)."""

    exit_code = 3


class CorpusError(KGError):
    """A file cannot be added to the corpus (`kg add`): its name is taken by another text, or its text is
    already there under another name."""


class StoreError(KGError):
    """The embedded store is missing or unreadable (run `kg build` first)."""


class QueryError(KGError):
    """A named query is unknown, malformed, or its parameters are wrong."""


class EndpointError(KGError):
    """A SPARQL endpoint could not be reached or answered with an error."""


class MissingDependency(KGError):
    """An optional package a function needs (pandas for ``to_dataframe``) is not installed."""


class ValidationFailed(KGError):
    """The graph has SHACL or QC violations (exit code 1)."""

    exit_code = 1


class UnknownDocument(KGError):
    """No document in the graph matches; ``suggestions`` holds the closest identifiers."""

    def __init__(self, query: str, suggestions: list[str] | None = None) -> None:
        self.query = query
        self.suggestions = suggestions or []
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown document {query!r}.{hint}")


class UnknownAgency(KGError):
    """No agency in the graph matches; ``suggestions`` holds the closest names."""

    def __init__(self, query: str, suggestions: list[str] | None = None, known_as: str | None = None) -> None:
        self.query = query
        self.suggestions = suggestions or []
        self.known_as = known_as  # the vocabulary's name of the body, when it knows one
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        if known_as:
            super().__init__(
                f"no task in the graph names {known_as!r}, or a body whose work it holds now.{hint}"
            )
        else:
            super().__init__(f"unknown agency {query!r}.{hint}")


class LineageCycle(KGError):
    """The lineage graph has a cycle (a data error): ``cycle`` lists the documents on it."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__("lineage cycle: " + " → ".join(cycle))
