"""Deterministic serializations of a graph, written as streams: canonical Turtle, sorted N-Triples, JSON-LD.

Every writer reads the graph's N-Triples lines sorted and unique (``kg.rdf.ntriples``; ``kg.rdf.runs`` sorts
them in bounded memory), where a subject's lines are consecutive: each subject is written, then forgotten, so
a build's memory does not grow with the corpus (issue 15). The same bytes come out whatever Python's hash
seed, and whether the lines come from a build's stream or from an rdflib ``Graph`` (``to_turtle`` & co.).

- N-Triples: the sorted lines (the bytes of rdflib's writer with its lines sorted).
- Turtle, canonical form: the project's prefixes (a fixed list), then one block per subject in the order of
  the N-Triples lines; ``a`` first, then the predicates and each one's objects in N-Triples order; IRIs as
  prefixed names when the local part is a plain name (letters, digits, ``_``, ``-``), else ``<…>``; literals
  as in N-Triples with the datatype prefixed. The layout is rdflib longturtle's. (rdflib's own order needs a
  count of every node's references over the whole graph before the first subject is written.)
- JSON-LD: compacted with ``JSONLD_CONTEXT`` as rdflib writes it (native booleans, integers and doubles),
  arrays and nodes sorted by their JSON; documents also carry their schema.org Legislation view
  (``ALIGNMENT``), so generic consumers (search engines, schema.org tools) read it too. The one term of that
  view that is no property of the document itself, ``legislationResponsible`` (who leads its tasks), comes
  in as extra lines (``responsible_lines``, or a query on the store in a build).
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable, Iterator
from itertools import chain, groupby
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from kg import iri
from kg.namespaces import OA, ORG, SCHEMA, VPO
from kg.rdf import ntriples
from kg.rdf.runs import Runs

JSONLD_CONTEXT: dict[str, Any] = {
    "vpo": str(VPO),
    "id": "https://w3id.org/vn-policy-kg/id/",
    "field": "https://w3id.org/vn-policy-kg/field/",
    "schema": str(SCHEMA),
    "oa": "http://www.w3.org/ns/oa#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdfs": str(RDFS),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
TURTLE_PREFIXES: dict[str, str] = {
    "dcterms": str(DCTERMS),
    "field": iri.FIELD,
    "oa": str(OA),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "vpo": str(VPO),
    "xsd": str(XSD),
}
ALIGNMENT = {
    f"<{VPO.identifier}>": f"<{SCHEMA.legislationIdentifier}>",
    f"<{VPO.title}>": f"<{SCHEMA.name}>",
    f"<{VPO.dateIssued}>": f"<{SCHEMA.legislationDate}>",
    f"<{VPO.issuedBy}>": f"<{SCHEMA.legislationPassedBy}>",
    f"<{VPO.implements}>": f"<{SCHEMA.legislationApplies}>",
    f"<{VPO.jurisdiction}>": f"<{SCHEMA.legislationJurisdiction}>",
}
INGESTED = f"<{VPO.ingested}>"
TYPE = f"<{RDF.type}>"
RESPONSIBLE = f"<{SCHEMA.legislationResponsible}>"
LEGISLATION = f"<{SCHEMA.Legislation}>"
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_NATIVE = {"boolean", "integer", "double", "string"}  # rdflib writes these as JSON values, not objects

Block = tuple[str, list[tuple[str, str]]]


# --- from a graph -----------------------------------------------------------------------------------------


def graph_lines(g: Graph) -> list[str]:
    """The N-Triples lines of ``g``, sorted and unique."""
    return sorted({ntriples.line(t) for t in g})


def to_ntriples(g: Graph) -> bytes:
    """N-Triples, one triple a line, lines sorted (an empty graph: one empty line, as rdflib's had)."""
    return ("".join(graph_lines(g)) or "\n").encode("utf-8")


def to_turtle(g: Graph) -> bytes:
    """Canonical Turtle of ``g`` (the module's docstring)."""
    return "".join(turtle(graph_lines(g))).encode("utf-8")


def responsible_lines(g: Graph) -> list[str]:
    """``schema:legislationResponsible`` of each document: the agencies leading its tasks."""
    out = set()
    for doc in set(g.subjects(VPO.ingested, None)):
        for task in g.objects(doc, VPO.hasTask):
            for agency in g.subjects(VPO.leads, task):
                out.add(ntriples.line((doc, SCHEMA.legislationResponsible, agency)))
    return sorted(out)


def to_jsonld(g: Graph) -> bytes:
    """JSON-LD (compacted with ``JSONLD_CONTEXT``) of ``g`` plus its schema.org alignment."""
    return "".join(jsonld(graph_lines(g), responsible_lines(g))).encode("utf-8")


# --- streams of sorted lines ------------------------------------------------------------------------------


def blocks(lines: Iterable[str]) -> Iterator[Block]:
    """(subject, [(predicate, object)]) for each subject of sorted N-Triples lines, in their order."""
    for subject, group in groupby((ntriples.split(x) for x in lines), key=lambda t: t[0]):
        yield subject, [(p, o) for _, p, o in group]


def turtle(lines: Iterable[str]) -> Iterator[str]:
    """Canonical Turtle of sorted unique N-Triples lines, in pieces."""
    yield "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(TURTLE_PREFIXES.items()))
    for subject, pairs in blocks(lines):
        yield _turtle_block(subject, pairs)


def _turtle_block(subject: str, pairs: list[tuple[str, str]]) -> str:
    by_predicate = [(p, [o for _, o in g]) for p, g in groupby(pairs, key=lambda t: t[0])]
    by_predicate.sort(key=lambda t: t[0] != TYPE)  # stable: `a` first, the rest in N-Triples order
    parts = []
    for p, objects in by_predicate:
        verb = "a" if p == TYPE else _turtle_term(p)
        shown = [_turtle_term(o) for o in objects]
        if len(shown) == 1:
            parts.append(f"    {verb} {shown[0]}")
        else:
            parts.append(f"    {verb}\n        " + " ,\n        ".join(shown))
    return f"\n{_turtle_term(subject)}\n" + " ;\n".join(parts) + " ;\n.\n"


def _turtle_term(token: str) -> str:
    """An N-Triples term in Turtle: a prefixed name where one reads plainly, the literal's datatype too."""
    if token.startswith("<"):
        return _prefixed(token[1:-1]) or token
    if token.startswith('"') and token.endswith(">"):
        lexical, _, datatype = token.rpartition("^^<")
        name = _prefixed(datatype[:-1])
        return f"{lexical}^^{name}" if name else token
    return token


def _prefixed(value: str) -> str | None:
    for prefix, ns in TURTLE_PREFIXES.items():
        if value.startswith(ns) and _LOCAL.fullmatch(value[len(ns) :]):
            return f"{prefix}:{value[len(ns) :]}"
    return None


# --- JSON-LD ----------------------------------------------------------------------------------------------


def jsonld(
    lines: Iterable[str], responsible: Iterable[str] = (), folder: Path | None = None
) -> Iterator[str]:
    """JSON-LD of sorted unique N-Triples lines (``responsible``: extra sorted lines), in pieces. Nodes are
    sorted by their JSON through ``kg.rdf.runs`` (temporary files in ``folder``)."""
    with Runs(folder) as runs:
        for subject, pairs in blocks(heapq.merge(lines, responsible)):
            runs.add(json.dumps(_node(subject, pairs), sort_keys=True, ensure_ascii=False) + "\n")
        yield from _jsonld_document(json.loads(x) for x in runs.merged())


def _jsonld_document(nodes: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The document rdflib's compaction makes: the context and ``@graph``, or the one node itself."""
    first, second = next(nodes, None), next(nodes, None)
    if first is None or second is None:
        yield _dumps(
            {"@context": JSONLD_CONTEXT, **first} if first else {"@context": JSONLD_CONTEXT, "@graph": []}
        )
        return
    yield _dumps({"@context": JSONLD_CONTEXT}).removesuffix("\n}\n") + ',\n "@graph": [\n' + _indented(first)
    for node in chain([second], nodes):
        yield ",\n" + _indented(node)
    yield "\n ]\n}\n"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _indented(node: dict[str, Any]) -> str:
    """A node as it sits in ``@graph``, two levels in: ``json.dumps(indent=1, sort_keys=True)``'s bytes,
    written here because ``indent`` sends ``json`` to its pure-Python encoder (most of the JSON-LD's time)."""
    return "  " + _pretty(node, "  ")


def _pretty(value: Any, margin: str) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict) and value:
        inner = margin + " "
        items = (f"{inner}{encode_basestring(k)}: {_pretty(value[k], inner)}" for k in sorted(value))
        return "{\n" + ",\n".join(items) + f"\n{margin}}}"
    if isinstance(value, list) and value:
        inner = margin + " "
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + f"\n{margin}]"
    return json.dumps(value)


def _node(subject: str, pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """One subject's node, compacted as rdflib compacts it, with arrays sorted."""
    if any(p == INGESTED for p, _ in pairs):
        pairs = pairs + [(TYPE, LEGISLATION)] + [(ALIGNMENT[p], o) for p, o in pairs if p in ALIGNMENT]
    node: dict[str, Any] = {"@id": _shrink(subject)}
    for p, o in pairs:
        key, value = ("@type", _shrink(o[1:-1])) if p == TYPE else (_shrink(p), _value(o))
        if key in node:
            node[key] = [*node[key], value] if isinstance(node[key], list) else [node[key], value]
        else:
            node[key] = value
    return _sorted_json(node)


def _shrink(token: str) -> str:
    """rdflib's compaction of an IRI: ``prefix:rest`` when what precedes the last ``#``, ``/`` or ``:`` is a
    namespace of the context, else the IRI itself."""
    value = token[1:-1] if token.startswith("<") else token
    cut = -1
    for delim in "#/:":
        cut = value.rfind(delim)
        if cut > -1:
            break
    ns, name = value[: cut + 1], value[cut + 1 :]
    prefix = _PREFIX_OF.get(ns)
    return f"{prefix}:{name}" if prefix else value


_PREFIX_OF = {ns: p for p, ns in JSONLD_CONTEXT.items()}


def _value(token: str) -> Any:
    """An object in compacted JSON-LD: ``{"@id"}``, a native value, a string or a typed/tagged value."""
    if token.startswith("<"):
        return {"@id": _shrink(token)}
    if token.startswith("_:"):
        return {"@id": token}
    lit = ntriples.literal(token)
    if lit.language:
        return {"@language": lit.language, "@value": lit.lexical}
    if lit.datatype is None:
        return lit.lexical
    kind = lit.datatype.removeprefix(str(XSD))
    if lit.datatype.startswith(str(XSD)) and kind in _NATIVE:
        return _native(kind, lit.lexical)
    return {"@type": _shrink(f"<{lit.datatype}>"), "@value": lit.lexical}


def _native(kind: str, lexical: str) -> Any:
    if kind == "boolean":
        return lexical in ("true", "1")
    if kind == "integer":
        return int(lexical)
    return float(lexical) if kind == "double" else lexical


def _sorted_json(value: Any) -> Any:
    """Sort JSON-LD arrays (their order carries no meaning here) so output does not depend on hashing."""
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def graph_iri_list(g: Graph) -> list[URIRef]:
    """Subjects of a graph that are IRIs, sorted (handy for reports)."""
    return sorted({s for s in g.subjects() if isinstance(s, URIRef)})
