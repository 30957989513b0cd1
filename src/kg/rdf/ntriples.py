"""N-Triples lines, the one form every streaming output of a build passes through (issue 15).

``line`` writes a triple of rdflib terms exactly as rdflib's N-Triples serializer does (``<iri>``, literals
with ``\\``, ``\\n``, ``\\r`` and ``"`` escaped, ``@lang`` or ``^^<datatype>``), so kg.nt keeps its bytes; it
also escapes the characters ``str.splitlines`` breaks a line at (form feed, U+2028, …), which rdflib leaves
raw and which would cut one triple in two. ``ox_line`` writes a pyoxigraph triple the same way, from its
values rather than Oxigraph's own writer, which normalizes literals (``"1.0"^^xsd:double`` → ``"1"``).
``split`` and ``literal`` read a line back into its parts; lines sorted as strings are grouped by subject,
then predicate, because an N-Triples term never holds a space or ``>`` unescaped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD = "http://www.w3.org/2001/XMLSchema#"
_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", '"': '\\"'} | {c: f"\\u{ord(c):04X}" for c in _BREAKS}
_TO_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_ESCAPED = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_PLAIN = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class Parsed(NamedTuple):
    """A literal's parts: its lexical form (unescaped), language tag and datatype IRI (either or neither)."""

    lexical: str
    language: str | None
    datatype: str | None


def quote(text: str) -> str:
    """A string literal's quoted form."""
    return '"' + _TO_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text) + '"'


def term(node: Node) -> str:
    """One rdflib term in N-Triples."""
    if type(node) is URIRef:  # most terms: no isinstance walk through rdflib's abstract classes
        return f"<{node}>"
    if isinstance(node, Literal):
        if node.language:
            return f"{quote(node)}@{node.language}"
        return f"{quote(node)}^^<{node.datatype}>" if node.datatype else quote(node)
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise TypeError(f"not an RDF term: {node!r}")


def line(triple: tuple[Node, Node, Node]) -> str:
    """One triple of rdflib terms as an N-Triples line (with its newline)."""
    s, p, o = triple
    return f"{term(s)} {term(p)} {term(o)} .\n"


def ox_term(node: object) -> str:
    """One pyoxigraph term in N-Triples, from its values (the lexical form as stored)."""
    if isinstance(node, ox.Literal):
        if node.language:
            return f"{quote(node.value)}@{node.language}"
        dt = node.datatype.value
        return quote(node.value) if dt == XSD + "string" else f"{quote(node.value)}^^<{dt}>"
    if isinstance(node, ox.BlankNode):
        return f"_:{node.value}"
    if isinstance(node, ox.NamedNode):
        return f"<{node.value}>"
    raise TypeError(f"not an RDF term: {node!r}")


def ox_line(s: object, p: object, o: object) -> str:
    """One triple of pyoxigraph terms as an N-Triples line (with its newline)."""
    return f"{ox_term(s)} {ox_term(p)} {ox_term(o)} .\n"


def split(text: str) -> tuple[str, str, str]:
    """Subject, predicate and object of an N-Triples line, each still in N-Triples form."""
    s, _, rest = text.partition(" ")
    p, _, o = rest.partition(" ")
    return s, p, o.rstrip("\n").removesuffix(" .")


def literal(token: str) -> Parsed:
    """The parts of a literal in N-Triples form (``"…"``, ``"…"@vi``, ``"…"^^<dt>``)."""
    end = token.rindex('"')
    lexical = _ESCAPED.sub(_unescape, token[1:end])
    tail = token[end + 1 :]
    if tail.startswith("@"):
        return Parsed(lexical, tail[1:], None)
    if tail.startswith("^^<"):
        return Parsed(lexical, None, tail[3:-1])
    return Parsed(lexical, None, None)


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    return chr(int(code[1:], 16)) if len(code) > 1 else _PLAIN.get(code, code)
