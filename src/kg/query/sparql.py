"""The named query library (queries/*.rq): discover, read headers, bind parameters, run, format.

Each query file starts with a comment header::

    # title: Lineage upward from a document
    # en: Which documents does this document implement or rest on, directly or through others?
    # vi: Văn bản này thực hiện, căn cứ vào những văn bản nào (trực tiếp và gián tiếp)?
    # param: doc — canonical number of the document, e.g. 4655/KH-UBND
    # example: kg query lineage-up --param doc=4655/KH-UBND

Parameters appear in the query as ``$name`` (a legal SPARQL variable, so every file parses as is) and are
bound by text substitution with an escaped RDF term, so the same bound text runs on the embedded store and
on any SPARQL 1.1 endpoint. ``$name_key`` is the value's search key (kg.text.strings.search_key: folded, no
punctuation), to match a precomputed ``skos:hiddenLabel`` exactly — an indexed lookup, where a
CONTAINS/LCASE filter would scan every label. Queries never name graphs: the default graph is the union of
the asserted, inferred and ontology graphs (``kg.store.DATASET``), given to the store or sent as
``default-graph-uri``."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import get_close_matches
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg.errors import EndpointError, QueryError, StoreError
from kg.paths import QUERIES_DIR
from kg.query.remote import Credentials, explain, settled, shown_url
from kg.store import DATASET, select
from kg.tabular import Tabular
from kg.text.strings import nfc, search_key

FORMATS = ("table", "csv", "tsv", "json")
_HEADER = re.compile(r"^#\s*(title|en|vi|param|example)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^(\w+)\s*(?:[—:-]+\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    """A query parameter: name and what to give (with an example value)."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A query file and its header."""

    name: str
    path: Path
    text: str
    title: str = ""
    question_en: str = ""
    question_vi: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = ()


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "unsignedInt", "unsignedLong")}  # fmt: skip
_NUMBERS = {f"{_XSD}{t}" for t in ("decimal", "double", "float")}
_BOOLEANS = {"true": "true", "1": "true", "false": "false", "0": "false"}
UNBOUND = "unbound"  # the datatype noted for a cell the row leaves unbound (not an IRI: no datatype is)


def canonical(value: str, datatype: str) -> str:
    """The canonical lexical form of a typed value, so every store's answer prints the same: Virtuoso's
    xsd:boolean ``1``/``0`` is ``true``/``false``, an integer written ``10.0`` or ``+010`` is ``10``, a
    decimal or double ``15.0`` (or ``1.5E1``) is ``15``, as Oxigraph prints it: plain digits, no trailing
    zeros. The one place this is done; the rows of every output format come from it. Other values (and
    INF, NaN) stay as written.

    >>> canonical("1", _XSD + "boolean"), canonical("10.0", _XSD + "integer"), canonical("+010", _XSD + "int")
    ('true', '10', '10')
    >>> [canonical(v, _XSD + "decimal") for v in ("15.0", "70.50", "0.0")], canonical("1.5E1", _XSD + "float")
    (['15', '70.5', '0'], '15')
    >>> canonical("2024-06", _XSD + "string"), canonical("x", _XSD + "integer")
    ('2024-06', 'x')
    """
    if datatype == f"{_XSD}boolean" and value in _BOOLEANS:
        return _BOOLEANS[value]
    if datatype not in _INTEGERS and datatype not in _NUMBERS:
        return value
    try:
        number = Decimal(value.strip())
    except InvalidOperation:
        return value  # a malformed literal is shown as written
    if not number.is_finite() or (datatype in _INTEGERS and number != number.to_integral_value()):
        return value
    return format(number.normalize(), "f")


def typed(value: str, datatype: str) -> Any:
    """A cell as a JSON value by its datatype: xsd:boolean → bool, integers → int, decimals → float;
    anything else (strings, dates, IRIs) stays the text.

    >>> typed("false", _XSD + "boolean"), typed("10", _XSD + "integer"), typed("70.0", _XSD + "decimal")
    (False, 10, 70.0)
    >>> typed("2024-06", _XSD + "string"), typed("", _XSD + "integer"), typed("", UNBOUND)
    ('2024-06', '', None)
    """
    if datatype == UNBOUND:
        return None  # JSON null: the row has no value there (CSV and tables show an empty cell)
    try:
        if datatype == f"{_XSD}boolean" and value in ("true", "false", "1", "0"):
            return value in ("true", "1")
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _NUMBERS:
            return float(value)
    except ValueError:
        pass  # a malformed literal is shown as written
    return value


@dataclass(frozen=True)
class Table(Tabular):
    """Query results as plain strings: IRIs as IRIs, literals by their lexical form. ``datatypes`` gives each
    cell's datatype IRI ("" for IRIs and plain strings, UNBOUND for unbound cells), so JSON keeps booleans,
    numbers and nulls."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(default_factory=tuple)
    datatypes: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]

    def typed_records(self) -> list[dict[str, Any]]:
        """One dict per row with booleans and numbers as such (by each cell's datatype)."""
        types = self.datatypes or tuple(("",) * len(self.columns) for _ in self.rows)
        return [
            {c: typed(v, d) for c, v, d in zip(self.columns, row, kinds, strict=True)}
            for row, kinds in zip(self.rows, types, strict=True)
        ]

    def to_records(self) -> list[dict[str, Any]]:
        """One dict per result row, keyed by the query's variables (booleans and numbers typed)."""
        return self.typed_records()


def parse_query_file(path: Path) -> NamedQuery:
    """A query file with its header fields (missing fields stay empty)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query file ({exc})") from exc
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2))
    params = []
    for spec in fields.get("param", []):
        pm = _PARAM.match(spec)
        if not pm:
            raise QueryError(f"{path}: malformed '# param:' line {spec!r}")
        params.append(Param(pm.group(1), pm.group(2) or ""))
    first = {k: v[0] for k, v in fields.items()}
    return NamedQuery(
        path.stem,
        path,
        text,
        first.get("title", ""),
        first.get("en", ""),
        first.get("vi", ""),
        tuple(params),
        tuple(fields.get("example", [])),
    )


def discover(directory: Path = QUERIES_DIR) -> list[NamedQuery]:
    """Every named query (``directory/*.rq``, not the qc/ checks), sorted by name."""
    return [parse_query_file(p) for p in sorted(directory.glob("*.rq"))]


def resolve(name_or_file: str, directory: Path = QUERIES_DIR) -> NamedQuery:
    """A query by library name, or by path to a .rq file."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse_query_file(path)
    candidate = directory / f"{name_or_file}.rq"
    if candidate.is_file():
        return parse_query_file(candidate)
    names = [q.name for q in discover(directory)]
    close = get_close_matches(name_or_file, names, n=3)
    hint = f" Did you mean: {', '.join(close)}?" if close else " `kg queries` lists them."
    raise QueryError(f"unknown query {name_or_file!r}.{hint}")


def term(value: str) -> str:
    """SPARQL text of a parameter value: ``<iri>`` stays an IRI, anything else becomes a string literal."""
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1]).n3()
    return Literal(value).n3()


def bind(query: NamedQuery, params: Mapping[str, str]) -> str:
    """The query text with every ``$param`` replaced; missing or unknown parameters are errors."""
    declared = {p.name for p in query.params}
    unknown = sorted(set(params) - declared)
    if unknown:
        raise QueryError(
            f"query {query.name!r} has no parameter {unknown[0]!r} (it takes: {_param_list(query)})"
        )
    missing = [p for p in query.params if p.name not in params]
    if missing:
        p = missing[0]
        raise QueryError(
            f"query {query.name!r} needs --param {p.name}=VALUE ({p.description or 'no description'})"
        )
    text = query.text
    for name, raw in params.items():
        # the graph's labels are NFC; a shell or an editor may hand the value over decomposed
        value = nfc(raw)
        key = Literal(search_key(value)).n3()
        text = re.sub(rf"\${name}_key\b", lambda _m, k=key: k, text)  # type: ignore[misc]
        text = re.sub(rf"\${name}\b", lambda _m, v=value: term(v), text)  # type: ignore[misc]
    return text


def _param_list(query: NamedQuery) -> str:
    return ", ".join(p.name for p in query.params) or "no parameters"


def _local_value(t: object) -> str:
    if isinstance(t, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return t.value
    return str(t)


def _local_type(t: object) -> str:
    return t.datatype.value if isinstance(t, ox.Literal) else ""


def run_local(store: ox.Store, text: str, graphs: Iterable[str] = DATASET, name: str = "") -> Table:
    """Run bound query text on the embedded store (``name``, the query's, prefixes error messages)."""
    try:
        names, rows = select(store, text, graphs)
    except StoreError as exc:
        raise QueryError(f"{name}: {exc}" if name else str(exc)) from exc
    types = tuple(tuple(_local_type(r[n]) if n in r else UNBOUND for n in names) for r in rows)
    values = (
        tuple(canonical(_local_value(r[n]), d) if n in r else "" for n, d in zip(names, kinds, strict=True))
        for r, kinds in zip(rows, types, strict=True)
    )
    return Table(tuple(names), tuple(values), types)


def run_remote(
    endpoint: str,
    text: str,
    graphs: Sequence[str] = DATASET,
    timeout: float = 60,
    credentials: Credentials | None = None,
) -> Table:
    """Run bound query text on a SPARQL 1.1 endpoint with SPARQLWrapper (``graphs`` sent as the dataset;
    none: the server's default graph). With ``credentials`` it answers the server's Basic or Digest
    challenge. Each connect and read waits at most ``timeout`` seconds. Values are canonical by datatype, so
    rows compare equal whatever the store prints (Virtuoso's booleans 1/0)."""
    from SPARQLWrapper import BASIC, DIGEST, JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    client = SPARQLWrapper(endpoint)
    client.setQuery(text)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setTimeout(timeout)  # type: ignore[arg-type]  # urllib takes a float; int() made 0.5 s "no limit"
    for g in graphs:
        client.addDefaultGraph(str(g))
    if credentials:
        credentials, realm = settled(credentials, endpoint, timeout)
        client.setHTTPAuth(DIGEST if credentials.scheme == "digest" else BASIC)
        client.setCredentials(credentials.user, credentials.password, realm or "SPARQL")
    try:
        data = client.queryAndConvert()
    except Exception as exc:  # SPARQLWrapper raises urllib and its own errors alike
        status = _WRAPPER_STATUS.get(type(exc).__name__) if isinstance(exc, SPARQLWrapperException) else None
        raise explain(exc, endpoint, timeout, credentials, "SPARQL_SELECT", status) from exc
    if not isinstance(data, dict) or "head" not in data:
        raise EndpointError(f"{shown_url(endpoint, credentials)}: did not answer with SPARQL JSON results")
    names = tuple(data["head"].get("vars", []))
    bindings = data["results"]["bindings"]
    types = tuple(tuple(b[n].get("datatype", "") if n in b else UNBOUND for n in names) for b in bindings)
    rows = tuple(
        tuple(canonical(b.get(n, {}).get("value", ""), d) for n, d in zip(names, kinds, strict=True))
        for b, kinds in zip(bindings, types, strict=True)
    )
    return Table(names, rows, types)


def empty_graphs(
    endpoint: str, graphs: Sequence[str], timeout: float = 60, credentials: Credentials | None = None
) -> bool:
    """True when none of ``graphs`` holds a triple at ``endpoint`` (a load into the default graph instead,
    or nothing loaded): one LIMIT 1 query, cheap on any store."""
    values = " ".join(URIRef(g).n3() for g in graphs)
    text = f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} LIMIT 1"
    return not run_remote(endpoint, text, [], timeout, credentials).rows


# SPARQLWrapper's errors by the HTTP status they stand for (it keeps the body, not the status)
_WRAPPER_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "EndPointInternalError": 500,
}


def format_table(table: Table, fmt: str) -> str:
    """csv, tsv or json text of a result table (``table`` format is drawn by the CLI with rich); JSON keeps
    booleans and numbers typed (``"ingested": false``, ``"tasks": 10``)."""
    if fmt == "json":
        return json.dumps(table.typed_records(), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return buf.getvalue()
    raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
