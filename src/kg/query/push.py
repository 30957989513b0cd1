"""`kg push`: upload the graph to any SPARQL 1.1 server — the path for teams that outgrow one machine.

Each named graph (asserted, inferred, ontology) is sent with the Graph Store Protocol (HTTP PUT of N-Triples
to ``ENDPOINT?graph=IRI``, replacing what was there). Servers without the Graph Store Protocol get SPARQL
Update instead (``DROP SILENT GRAPH`` then ``INSERT DATA`` in chunks) at ``update_endpoint`` (default: the
same URL). With ``into`` set, everything goes into that one graph.

A push succeeds only when the target confirms it: after each upload, a COUNT of the graph's triples through
the target's query endpoint must equal what was sent (a server answering 2xx without storing was reported
as "pushed", issue 14). Graph IRIs are checked as absolute IRIs before anything is sent, so one can never
change the meaning of an update it is written into (``http://e/x> ; DROP ALL ; …`` emptied a target), and
every request has a bounded connect/read timeout."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from kg.errors import EndpointError, QueryError
from kg.query.sparql import run_remote
from kg.store import DATASET, dump

CHUNK_LINES = 5000
DEFAULT_TIMEOUT = 60.0
# an absolute IRI (RFC 3987): a scheme, then no character that IRIs exclude (space, controls, <>"{}|^`\)
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|^`\\\x7f-\x9f]+')
# Graph Store Protocol paths whose query endpoint sits beside them (Oxigraph, Fuseki, GraphDB, Virtuoso)
_QUERY_BESIDE = (
    ("/store", "/query"),
    ("/data", "/query"),
    ("/statements", ""),
    ("/sparql-graph-crud", "/sparql"),
)
# statuses meaning "this server does not do the Graph Store Protocol here": fall back to SPARQL Update
_NO_GSP = {400, 404, 405, 415, 501}
# what a refusal most likely means, e.g. pushing to `kg serve`, which is read-only
_REFUSED = {
    401: " (the server wants credentials)",
    403: " (the server refuses writes: it is read-only, like `kg serve`, or needs credentials)",
}


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
        raise EndpointError(f"{url!r} is not an http(s) URL: give one such as http://localhost:7878/store")


def _request(url: str, data: bytes, content_type: str, method: str, timeout: float) -> int:
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc  # URLError wraps the socket error
        where = url.split("?", 1)[0]  # the ?graph=… part only makes the message long
        raise EndpointError(f"{where}: cannot reach the server ({reason})") from exc


def put_graph(endpoint: str, graph: str, nt: bytes, timeout: float = DEFAULT_TIMEOUT) -> int:
    """Graph Store Protocol PUT; returns the HTTP status."""
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    return _request(url, nt, "application/n-triples", "PUT", timeout)


def update_graph(update_endpoint: str, graph: str, nt: bytes, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Replace ``graph`` by SPARQL Update: drop it, then INSERT DATA chunk by chunk."""
    name = f"<{check_iri(graph)}>"  # checked again here: this is where an IRI is written into an update
    lines = nt.decode("utf-8").splitlines()
    updates = [f"DROP SILENT GRAPH {name}"]
    for i in range(0, len(lines), CHUNK_LINES):
        body = "\n".join(lines[i : i + CHUNK_LINES])
        updates.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
    for text in updates:
        data = urllib.parse.urlencode({"update": text}).encode("utf-8")
        status = _request(update_endpoint, data, "application/x-www-form-urlencoded", "POST", timeout)
        if status >= 300:
            raise EndpointError(f"{update_endpoint}: SPARQL Update into <{graph}> failed with HTTP {status}")


def confirm(query_endpoint: str, graph: str, sent: int, timeout: float = DEFAULT_TIMEOUT) -> None:
    """EndpointError unless the target holds exactly ``sent`` triples in ``graph``."""
    text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{check_iri(graph)}> {{ ?s ?p ?o }} }}"
    try:
        table = run_remote(query_endpoint, text, [], timeout)
        held = int(table.rows[0][0])
    except (EndpointError, QueryError, IndexError, ValueError) as exc:
        raise EndpointError(
            f"{query_endpoint}: cannot confirm the upload of <{graph}> (counting its triples failed: {exc}); "
            "give the target's query endpoint with --query-endpoint"
        ) from exc
    if held != sent:
        raise EndpointError(
            f"{query_endpoint}: the upload of <{graph}> was not stored: the target holds {held} of the "
            f"{sent} triples sent"
        )


def push(
    endpoint: str,
    graphs: Mapping[str, bytes],
    update_endpoint: str | None = None,
    query_endpoint: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[str, str]:
    """Upload every graph and confirm it by counting; returns, per graph IRI, how it went ("graph store" or
    "sparql update"). EndpointError on a bad URL or IRI (before anything is sent), an unreachable or refusing
    server, or a count that differs from what was sent."""
    for url in (endpoint, update_endpoint, query_endpoint):
        if url:
            check_url(url)
    for graph in graphs:
        check_iri(graph)
    counter = query_endpoint or query_endpoint_for(endpoint)
    done = {}
    for graph, nt in graphs.items():
        done[graph] = _upload(endpoint, update_endpoint, graph, nt, timeout)
        confirm(counter, graph, triples_in(nt), timeout)
    return done


def _upload(endpoint: str, update_endpoint: str | None, graph: str, nt: bytes, timeout: float) -> str:
    status = put_graph(endpoint, graph, nt, timeout)
    if 200 <= status < 300:
        return "graph store"
    if status in _NO_GSP:
        update_graph(update_endpoint or endpoint, graph, nt, timeout)
        return "sparql update"
    why = _REFUSED.get(status, "")
    raise EndpointError(f"{endpoint}: upload of <{graph}> failed with HTTP {status}{why}")
