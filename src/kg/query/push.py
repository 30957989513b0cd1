"""`kg push`: upload the graph to any SPARQL 1.1 server — the path for teams that outgrow one machine.

Each named graph (asserted, inferred, ontology) is sent with the Graph Store Protocol (HTTP PUT of N-Triples
to ``ENDPOINT?graph=IRI``, replacing what was there). Servers without the Graph Store Protocol get SPARQL
Update instead (``DROP SILENT GRAPH`` then ``INSERT DATA`` in chunks) at ``update_endpoint`` (default: the
same URL). With ``into`` set, everything goes into that one graph."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from kg.errors import EndpointError
from kg.store import DATASET, dump

CHUNK_LINES = 5000
# statuses meaning "this server does not do the Graph Store Protocol here": fall back to SPARQL Update
_NO_GSP = {400, 404, 405, 415, 501}
# what a refusal most likely means, e.g. pushing to `kg serve`, which is read-only
_REFUSED = {
    401: " (the server wants credentials)",
    403: " (the server refuses writes: it is read-only, like `kg serve`, or needs credentials)",
}


def store_graphs(store: ox.Store, into: str | None = None) -> dict[str, bytes]:
    """N-Triples of each named graph of the store, or all of them under the one graph ``into``."""
    graphs = {str(g): dump(store, str(g)) for g in DATASET}
    if into:
        return {into: b"".join(graphs.values())}
    return graphs


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


def put_graph(endpoint: str, graph: str, nt: bytes, timeout: float = 120) -> int:
    """Graph Store Protocol PUT; returns the HTTP status."""
    sep = "&" if "?" in endpoint else "?"
    url = f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph})}"
    return _request(url, nt, "application/n-triples", "PUT", timeout)


def update_graph(update_endpoint: str, graph: str, nt: bytes, timeout: float = 120) -> None:
    """Replace ``graph`` by SPARQL Update: drop it, then INSERT DATA chunk by chunk."""
    lines = nt.decode("utf-8").splitlines()
    updates = [f"DROP SILENT GRAPH <{graph}>"]
    for i in range(0, len(lines), CHUNK_LINES):
        body = "\n".join(lines[i : i + CHUNK_LINES])
        updates.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")
    for text in updates:
        data = urllib.parse.urlencode({"update": text}).encode("utf-8")
        status = _request(update_endpoint, data, "application/x-www-form-urlencoded", "POST", timeout)
        if status >= 300:
            raise EndpointError(f"{update_endpoint}: SPARQL Update into <{graph}> failed with HTTP {status}")


def push(endpoint: str, graphs: Mapping[str, bytes], update_endpoint: str | None = None) -> dict[str, str]:
    """Upload every graph; returns, per graph IRI, how it went ("graph store" or "sparql update")."""
    check_url(endpoint)
    if update_endpoint:
        check_url(update_endpoint)
    done = {}
    for graph, nt in graphs.items():
        status = put_graph(endpoint, graph, nt)
        if 200 <= status < 300:
            done[graph] = "graph store"
        elif status in _NO_GSP:
            update_graph(update_endpoint or endpoint, graph, nt)
            done[graph] = "sparql update"
        else:
            why = _REFUSED.get(status, "")
            raise EndpointError(f"{endpoint}: upload of <{graph}> failed with HTTP {status}{why}")
    return done
