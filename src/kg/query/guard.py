"""What `kg serve` lets through to its query engine: read-only SPARQL queries that name no remote service.

A query is checked by parsing it (rdflib's SPARQL 1.1 grammar), not by searching its text: ``SERVICE`` in a
comment or a string literal is harmless and passes, while ``\\u0053ERVICE`` (SPARQL expands ``\\u`` escapes
before parsing, and so does Oxigraph) is a real SERVICE clause and is refused. A query the parser cannot read
is refused too, since then nothing is known about what it would call (issue 14: a "read-only" server that
sent HTTP requests to any address a query named)."""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import QueryError

# rdflib's parser (pyparsing) is not thread-safe: pyparsing learns each parse action's arity on its first
# call by trying, and two threads doing that at once leave it wrong for good (every later parse then fails
# with a TypeError). The gateway answers in threads, so parsing takes turns.
_PARSING = threading.Lock()


class Refused(QueryError):
    """A request the server will not run; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


_CACHED_CHARS = 20_000  # verdicts on queries up to this size are remembered (a few MB at most)


def check_query(text: str) -> None:
    """Refused unless ``text`` parses as a SPARQL query with no SERVICE clause."""
    refusal = _verdict(text) if len(text) <= _CACHED_CHARS else _verdict.__wrapped__(text)
    if refusal:
        raise Refused(refusal)


@lru_cache(maxsize=256)
def _verdict(text: str) -> str | None:
    """Why ``text`` is refused, or None. Cached: parsing takes 10–70 ms and one parse runs at a time, while a
    query UI or a script sends the same text again and again."""
    try:
        with _PARSING:
            tree = parseQuery(text)
    except (ParseException, RecursionError, ValueError) as exc:
        return _not_a_query(text, exc)
    if _has_service(tree):
        return "SERVICE (federated query) is disabled on this server: it queries only its own graph"
    return None


def _not_a_query(text: str, exc: Exception) -> str:
    if _is_update(text):
        return "this server is read-only: SPARQL Update is refused"
    detail = " ".join(str(exc).split())[:160] if not isinstance(exc, RecursionError) else "nested too deeply"
    return f"the query does not parse as SPARQL 1.1 ({detail})"


def _is_update(text: str) -> bool:
    try:
        with _PARSING:
            parseUpdate(text)
    except (ParseException, RecursionError, ValueError):
        return False
    return True


def _has_service(node: Any) -> bool:
    """Whether the parse tree holds a ServiceGraphPattern, at any depth (iterative: trees can be deep)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(item)
    return False
