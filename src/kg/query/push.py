"""`kg push`: upload the graph to any SPARQL 1.1 server — the path for teams that outgrow one machine.

Each named graph (asserted, inferred, ontology) is sent with the Graph Store Protocol (HTTP PUT of N-Triples
to ``ENDPOINT?graph=IRI``, replacing what was there). SPARQL endpoints (``…/sparql``, ``…/sparql-auth``,
``…/update``) and servers without the Graph Store Protocol get SPARQL Update instead (``DROP SILENT GRAPH``,
then ``INSERT DATA`` in chunks, the blank-node triples together) at ``update_endpoint`` (default: the same
URL). With ``into`` set, everything goes into that one graph. With credentials, each request carries its
Authorization header from the start (``kg.query.remote.authorize``).

A push succeeds only when the target confirms it: after each upload, a COUNT of the graph's triples through
the target's query endpoint must equal what was sent (a server answering 2xx without storing was reported
as "pushed", issue 14). Graph IRIs are checked as absolute IRIs before anything is sent, so one can never
change the meaning of an update it is written into (``http://e/x> ; DROP ALL ; …`` emptied a target), and
every request has a bounded connect/read timeout (a silent server is one line, "no answer within N s")."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from kg.errors import EndpointError, QueryError
from kg.query.remote import Credentials, authorize, explain, refusal, server_says, shown_url
from kg.query.sparql import run_remote
from kg.store import DATASET, dump

CHUNK_LINES = 1000  # Virtuoso 7.2 runs out of parser memory at ~5000 triples in one INSERT DATA
DEFAULT_TIMEOUT = 60.0
# an absolute IRI (RFC 3987): a scheme, then no character that IRIs exclude (space, controls, <>"{}|^`\)
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\\x7f-\x9f]+')
# Graph Store Protocol paths whose query endpoint sits beside them (Oxigraph, Fuseki, GraphDB, Virtuoso)
_QUERY_BESIDE = (
    ("/store", "/query"),
    ("/data", "/query"),
    ("/statements", ""),
    ("/sparql-graph-crud", "/sparql"),
    ("/sparql-graph-crud-auth", "/sparql-auth"),
    ("/update", "/query"),
)
# SPARQL protocol endpoints, not graph stores: Virtuoso's /sparql and /sparql-auth never answer a PUT (the
# push hung until the timeout, issue 12), so updates go there at once
_SPARQL_ONLY = ("/sparql", "/sparql-auth", "/update")
# statuses meaning "this server does not do the Graph Store Protocol here": fall back to SPARQL Update
_NO_GSP = {400, 404, 405, 415, 501}


def check_iri(value: str) -> str:
    """``value`` if it is an absolute IRI, else EndpointError naming it (nothing has been sent yet)."""
    if not _IRI.fullmatch(value):
        raise EndpointError(
            f"graph {value!r} is not an absolute IRI (a scheme such as https:, and no spaces, control "
            'characters or any of <>"{}|^`\\)'
        )
    try:
        ox.NamedNode(value)
    except ValueError as exc:
        raise EndpointError(f"graph {value!r} is not an absolute IRI ({exc})") from exc
    return value


def store_graphs(store: ox.Store, into: str | None = None) -> dict[str, bytes]:
    """N-Triples of each named graph of the store, or all of them under the one graph ``into`` (each triple
    once: the count check compares lines sent with triples stored)."""
    graphs = {str(g): dump(store, str(g)) for g in DATASET}
    if into:
        lines = dict.fromkeys(ln for nt in graphs.values() for ln in nt.splitlines() if ln.strip())
        return {check_iri(into): b"".join(ln + b"\n" for ln in lines)}
    return graphs


def triples_in(nt: bytes) -> int:
    """How many triples N-Triples text holds (one per non-empty, non-comment line)."""
    return sum(1 for ln in nt.splitlines() if ln.strip() and not ln.lstrip().startswith(b"#"))


def query_endpoint_for(endpoint: str) -> str:
    """The query endpoint beside a Graph Store Protocol URL (``…/store`` → ``…/query``), else the URL."""
    parts = urllib.parse.urlsplit(endpoint)
    for suffix, beside in _QUERY_BESIDE:
        if parts.path.endswith(suffix):
            return urllib.parse.urlunsplit(parts._replace(path=parts.path[: -len(suffix)] + beside, query=""))
    return endpoint


def check_url(url: str) -> None:
    """EndpointError unless ``url`` is an http(s) URL with a host (caught before any upload starts)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        shown = shown_url(url)
        raise EndpointError(f"{shown!r} is not an http(s) URL: give one such as http://localhost:7878/store")


@dataclass(frozen=True)
class Session:
    """How requests go out: the credentials (if any) and the time each connect and read may take."""

    credentials: Credentials | None = None
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Answer:
    status: int
    body: str = ""  # the start of an error's text (what a refusal says), "" on success


def _request(session: Session, url: str, data: bytes, content_type: str, method: str) -> Answer:
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    if session.credentials:
        authorize(req, session.credentials, session.timeout)
    try:
        # a private opener: SPARQLWrapper's Digest mode installs its own as urllib's global one
        with urllib.request.build_opener().open(req, timeout=session.timeout) as resp:
            return Answer(int(resp.status))
    except urllib.error.HTTPError as exc:
        return Answer(int(exc.code), exc.read(2000).decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError) as exc:
        raise explain(exc, url, session.timeout, session.credentials) from exc


def put_graph(endpoint: str, graph: str, nt: bytes, session: Session) -> Answer:
    """Graph Store Protocol PUT; returns the HTTP status (and an error's text)."""
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    return _request(session, url, nt, "application/n-triples", "PUT")


def inserts(name: str, nt: bytes) -> list[str]:
    """The updates that insert ``nt`` into graph ``name``: INSERT DATA in chunks of CHUNK_LINES, and the
    triples with blank nodes all in one last ``INSERT {…} WHERE {}``. A blank node label holds within one
    request only, so an OWL list cut across two chunks would fall apart; and Virtuoso refuses blank nodes in
    INSERT DATA ("not allowed in a constant clause").

    >>> nt = b"<http://e/a> <http://e/b> _:x .\\n<http://e/a> <http://e/b> <http://e/c> .\\n"
    >>> [u.split("{")[0] + u.split("\\n")[1] for u in inserts("<http://e/g>", nt)]
    ['INSERT DATA <http://e/a> <http://e/b> <http://e/c> .', 'INSERT <http://e/a> <http://e/b> _:x .']
    """
    lines = nt.decode("utf-8").splitlines()
    blank = [ln for ln in lines if "_:" in ln]  # "_:" inside a literal only moves a triple to that update
    plain = [ln for ln in lines if ln.strip() and "_:" not in ln]
    updates = []
    for i in range(0, len(plain), CHUNK_LINES):
        body = "\n".join(plain[i : i + CHUNK_LINES])
        updates.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
    if blank:
        body = "\n".join(blank)
        updates.append(f"INSERT {{ GRAPH {name} {{\n{body}\n}} }} WHERE {{}}")
    return updates


def update_graph(update_endpoint: str, graph: str, nt: bytes, session: Session) -> None:
    """Replace ``graph`` by SPARQL Update: drop it, then INSERT DATA chunk by chunk."""
    name = f"<{check_iri(graph)}>"  # checked again here: this is where an IRI is written into an update
    for text in [f"DROP SILENT GRAPH {name}", *inserts(name, nt)]:
        data = urllib.parse.urlencode({"update": text}).encode("utf-8")
        answer = _request(session, update_endpoint, data, "application/x-www-form-urlencoded", "POST")
        if answer.status >= 300:
            why = refusal(answer.status, session.credentials, answer.body)
            why = why or f"HTTP {answer.status}: {server_says(answer.body)}"
            where = shown_url(update_endpoint, session.credentials)
            raise EndpointError(f"{where}: SPARQL Update into <{graph}> failed: {why}")


def confirm(query_endpoint: str, graph: str, sent: int, session: Session) -> None:
    """EndpointError unless the target holds exactly ``sent`` triples in ``graph``."""
    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{check_iri(graph)}> {{ ?s ?p ?o }} }}"
    shown = shown_url(query_endpoint, session.credentials)
    try:
        table = run_remote(query_endpoint, text, [], session.timeout, session.credentials)
        held = int(table.rows[0][0])
    except (EndpointError, QueryError, IndexError, ValueError) as exc:
        raise EndpointError(
            f"{shown}: cannot confirm the upload of <{graph}> (counting its triples failed: {exc}); "
            "give the target's query endpoint with --query-endpoint"
        ) from exc
    if held != sent:
        raise EndpointError(
            f"{shown}: the upload of <{graph}> was not stored: the target holds {held} of the {sent} "
            "triples sent"
        )


def push(
    endpoint: str,
    graphs: Mapping[str, bytes],
    update_endpoint: str | None = None,
    query_endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    credentials: Credentials | None = None,
) -> dict[str, str]:
    """Upload every graph and confirm it by counting; returns, per graph IRI, how it went ("graph store" or
    "sparql update"). With ``credentials``, every request answers the server's Basic or Digest challenge.
    EndpointError on a bad URL or IRI (before anything is sent), an unreachable or refusing server, no
    answer within ``timeout``, or a count that differs from what was sent."""
    urls = [url for url in (endpoint, update_endpoint, query_endpoint) if url]
    for url in urls:
        check_url(url)
    for graph in graphs:
        check_iri(graph)
    counter = query_endpoint or query_endpoint_for(endpoint)
    session = Session(credentials, timeout)
    done = {}
    for graph, nt in graphs.items():
        done[graph] = _upload(endpoint, update_endpoint, graph, nt, session)
        confirm(counter, graph, triples_in(nt), session)
    return done


def _upload(endpoint: str, update_endpoint: str | None, graph: str, nt: bytes, session: Session) -> str:
    if urllib.parse.urlsplit(endpoint).path.endswith(_SPARQL_ONLY):
        update_graph(update_endpoint or endpoint, graph, nt, session)
        return "sparql update"
    answer = put_graph(endpoint, graph, nt, session)
    if 200 <= answer.status < 300:
        return "graph store"
    if answer.status in _NO_GSP:
        update_graph(update_endpoint or endpoint, graph, nt, session)
        return "sparql update"
    why = refusal(answer.status, session.credentials, answer.body)
    why = why or f"HTTP {answer.status}: {server_says(answer.body)}"
    raise EndpointError(f"{shown_url(endpoint, session.credentials)}: upload of <{graph}> failed: {why}")
