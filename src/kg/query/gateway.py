"""`kg serve`'s front door: a small HTTP gateway on 127.0.0.1:PORT in front of the Oxigraph child.

Oxigraph's own server is a good query engine but, "read-only", it still followed ``SERVICE <http://…>`` to any
address, answered any Host header and let a runaway query burn a core for minutes (issue 14). The gateway
lets through only what a read-only graph endpoint needs, and bounds it:

- the Host header must name the bound address (127.0.0.1:PORT, localhost:PORT, [::1]:PORT), and an Origin
  header, when a browser sends one, the same: a page from elsewhere (DNS rebinding) gets 403;
- a query must parse and hold no SERVICE clause (kg.query.guard); updates get 403. The child receives the
  exact text that was checked, re-sent as one form POST, so no second reading of the request can differ;
- a query that runs over ``timeout`` seconds gets 503 and is stopped: the child has its own cancelling
  timeout a little later (``--timeout-s``), closing the connection stops a streaming result, and a child
  that still says nothing ``_GRACE`` seconds after that is killed and replaced (kg.query.backend). The
  kill is needed: Oxigraph 0.5 checks its timeout between results, so a join that builds a huge
  intermediate table (a three-way product over 20,000 triples) is not cancelled for minutes;
- a result over ``max_result_bytes`` gets 413 instead of filling memory;
- the query UI (``/``, its two assets), ``/query``, ``/sparql`` and ``/store`` (GET) are passed through.
"""

from __future__ import annotations

import http.client
import math
import select
import socket
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.errors import EndpointError
from kg.query import serve
from kg.query.backend import Backend, Child
from kg.query.guard import Refused, check_query

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULT_BYTES = 100_000_000
MAX_REQUEST_BYTES = 1_000_000
MAX_DISCARDED_BYTES = 1_000_000_000  # a refused upload is read up to this, so its sender gets the answer
_GRACE = 2.0  # seconds past the child's own timeout before a silent child is killed
_STATIC = {"/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg"}  # the query UI of the Oxigraph server
_QUERY_PATHS = {"/query", "/sparql"}
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
_FORM = "application/x-www-form-urlencoded"
_PASSED_HEADERS = ("Content-Type", "Content-Disposition")


@dataclass(frozen=True)
class Limits:
    """How long a query may run (seconds) and how big its result may be (bytes)."""

    timeout: float = DEFAULT_TIMEOUT
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES


@dataclass(frozen=True)
class Forward:
    """A request as the child receives it."""

    method: str
    path: str
    body: bytes | None = None
    content_type: str | None = None


class _TimedOut(Exception):
    """The child did not finish answering before the deadline."""


class _TooLarge(Exception):
    """The child's answer passed the size cap."""


class Gateway(ThreadingHTTPServer):
    """The public endpoint: checks each request, then forwards it to the backend's current child."""

    daemon_threads = True

    def __init__(self, port: int, backend: Backend, limits: Limits, log: Callable[[str], None]) -> None:
        try:
            super().__init__((serve.HOST, port), _Handler)
        except OSError as exc:
            raise EndpointError(
                f"port {port} on {serve.HOST} cannot be used ({exc.strerror}): choose another --port, "
                "or leave --port out to use a free one"
            ) from exc
        self.backend = backend
        self.limits = limits
        self.log = log

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{serve.HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}", f"[::1]:{self.port}"}

    def close(self) -> None:
        """Stop listening and stop the child."""
        self.server_close()
        self.backend.close()


def open_gateway(
    store_dir: Path,
    port: int | None = None,
    limits: Limits = Limits(),
    log: Callable[[str], None] = lambda _message: None,
) -> Gateway:
    """Bind 127.0.0.1:PORT (a free port when None) and start the child on the store; call
    ``serve_forever()`` on the result, then ``close()``. EndpointError if the port cannot be used, StoreError
    if the store is missing or damaged."""
    backend = Backend(store_dir, query_timeout=limits.timeout + 1, log=log)
    gateway = Gateway(port or 0, backend, limits, log)
    try:
        backend.start()
    except BaseException:
        gateway.server_close()
        raise
    return gateway


class _Handler(BaseHTTPRequestHandler):
    server: Gateway
    server_version = "kg-serve"
    timeout = 60  # seconds a client may stay silent while sending its request (then it is dropped)
    _body_read = False

    def do_GET(self) -> None:
        self._handle()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET  # writes are refused by _route, with their body read

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass  # no access log: `kg serve` prints errors only

    def log_message(self, format: str, *args: object) -> None:
        self.server.log(format % args)

    def _handle(self) -> None:
        try:
            self._check_host()
            forward = self._route()
            self._proxy(forward)
        except Refused as exc:
            self._discard_body()
            self._send(exc.status, f"{exc}\n".encode(), "text/plain; charset=utf-8")
        except Exception as exc:  # a bug of ours: one line in the log and a 500, the server goes on
            self.server.log(f"{self.command} {self.path[:80]}: internal error: {type(exc).__name__}: {exc}")
            self._send(500, b"internal error of the kg serve gateway\n", "text/plain; charset=utf-8")

    def _discard_body(self) -> None:
        """Read what the client is still sending (a refused upload): a client that is still writing when
        the answer comes and the connection closes sees a broken pipe, not the answer."""
        if self._body_read:
            return
        self._body_read = True
        try:
            left = min(int(self.headers.get("Content-Length") or 0), MAX_DISCARDED_BYTES)
            while left > 0 and (chunk := self.rfile.read(min(left, 65536))):
                left -= len(chunk)
        except (ValueError, OSError):
            pass  # nothing more to read: the answer is still sent

    def _check_host(self) -> None:
        allowed = self.server.allowed_hosts()
        host = (self.headers.get("Host") or "").lower()
        if host not in allowed:
            raise Refused(f"Host {host!r} is not this server's address (use http://127.0.0.1:PORT)", 403)
        origin = self.headers.get("Origin")
        if origin is not None and origin.lower() not in {f"http://{h}" for h in allowed}:
            raise Refused(f"requests from the page at {origin!r} are refused", 403)

    def _route(self) -> Forward:
        """What to send the child for this request (Refused when nothing)."""
        url = urllib.parse.urlsplit(self.path)
        if url.path in _QUERY_PATHS:
            return self._query_forward(url.query)
        if self.command != "GET":
            raise Refused(f"{self.command} {url.path}: this server is read-only", 403)
        if url.path in _STATIC:
            return Forward("GET", url.path)  # without a query string: the UI page runs no query itself
        if url.path == "/store":
            return Forward("GET", self.path)
        if url.path == "/update":
            raise Refused("this server is read-only: SPARQL Update is refused", 403)
        raise Refused(f"{url.path}: no such endpoint (try /query)", 404)

    def _query_forward(self, url_query: str) -> Forward:
        params = urllib.parse.parse_qs(url_query, keep_blank_values=True)
        if self.command == "POST":
            params = self._post_params(params)
        elif self.command != "GET":
            raise Refused(f"{self.command} is not a SPARQL query request", 405)
        if "update" in params:
            raise Refused("this server is read-only: SPARQL Update is refused", 403)
        queries = params.get("query", [])
        if len(queries) != 1:
            raise Refused("give exactly one query (the `query` parameter)")
        check_query(queries[0])
        form = [("query", queries[0])] + [(k, v) for k in _DATASET_PARAMS for v in params.get(k, [])]
        return Forward("POST", "/query", urllib.parse.urlencode(form).encode(), _FORM)

    def _post_params(self, url_params: dict[str, list[str]]) -> dict[str, list[str]]:
        body = self._body()
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind == _FORM:
            if "query" in url_params or "update" in url_params:
                raise Refused("give the query in the body or in the URL, not both")
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            return {**url_params, **form}
        if kind == "application/sparql-query":
            return {**url_params, "query": [body.decode("utf-8", "replace")]}
        if kind == "application/sparql-update":
            raise Refused("this server is read-only: SPARQL Update is refused", 403)
        raise Refused(f"a query is sent as {_FORM} or application/sparql-query, not {kind!r}", 415)

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError as exc:
            raise Refused("bad Content-Length") from exc
        if length > MAX_REQUEST_BYTES:
            raise Refused(f"the request is larger than {MAX_REQUEST_BYTES} bytes", 413)
        self._body_read = True
        return self.rfile.read(length)

    def _proxy(self, forward: Forward) -> None:
        limits = self.server.limits
        start = time.monotonic()
        with self.server.backend.lease() as child:
            conn = http.client.HTTPConnection(serve.HOST, child.server.port, timeout=limits.timeout)
            try:
                conn.connect()
                # kept: http.client drops conn.sock once an answer says it closes the connection
                sock = conn.sock
                assert sock is not None
                status, headers, body = self._exchange(conn, sock, forward, start + limits.timeout)
            except _TimedOut:
                self._send(503, _timeout_message(limits.timeout), "text/plain; charset=utf-8")
                self._settle(sock, child, start)
                return
            except _TooLarge:
                self._send(413, _size_message(limits.max_result_bytes), "text/plain; charset=utf-8")
                return
            except (http.client.HTTPException, OSError):
                message = b"the query engine restarted (a query ran over the time limit): try again\n"
                self._send(503, message, "text/plain; charset=utf-8")
                return
            finally:
                conn.close()  # also how a streaming answer is stopped: nobody reads it any more
        self._send(status, body, headers.get("Content-Type"), headers)

    def _exchange(
        self, conn: http.client.HTTPConnection, sock: socket.socket, forward: Forward, deadline: float
    ) -> tuple[int, dict[str, str], bytes]:
        """Send ``forward`` to the child; its status, headers and whole body, read before ``deadline``."""
        accept = self.headers.get("Accept") or "*/*"
        headers = {"Accept": accept}
        if forward.content_type:
            headers["Content-Type"] = forward.content_type
        conn.request(forward.method, forward.path, forward.body, headers)
        try:
            _until(sock, deadline)
            resp = conn.getresponse()
            body = _read_capped(resp, sock, deadline, self.server.limits.max_result_bytes)
        except TimeoutError as exc:
            raise _TimedOut from exc
        passed = {h: v for h in _PASSED_HEADERS if (v := resp.getheader(h)) is not None}
        return resp.status, passed, body

    def _settle(self, sock: socket.socket, child: Child, start: float) -> None:
        """After a timeout: make sure the child stops computing. It cancels at its own timeout and then
        writes; a streaming answer already writes, and stops when the connection closes. A child that
        writes nothing by its timeout plus a grace period is stuck in a computation it cannot cancel."""
        backstop = start + _GRACE + math.ceil(child_timeout(self.server))
        readable, _, _ = select.select([sock], [], [], max(0.0, backstop - time.monotonic()))
        if not readable:
            self.server.backend.replace(child)

    def _send(
        self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None
    ) -> None:
        try:
            self.send_response(status)
            for name, value in (headers or {}).items():
                if name != "Content-Type":
                    self.send_header(name, value)
            if content_type:
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away; nothing is left running for it


def child_timeout(gateway: Gateway) -> float:
    """When the child cancels a query itself (seconds): the gateway's limit plus a margin, so the gateway
    always answers first and never passes on the child's half-written "cancelled" answer."""
    return gateway.backend.query_timeout or gateway.limits.timeout


def _until(sock: socket.socket, deadline: float) -> None:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    sock.settimeout(remaining)


def _read_capped(resp: http.client.HTTPResponse, sock: socket.socket, deadline: float, cap: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        _until(sock, deadline)
        data = resp.read1(65536)
        if not data:
            return b"".join(chunks)
        size += len(data)
        if size > cap:
            raise _TooLarge
        chunks.append(data)


def _timeout_message(timeout: float) -> bytes:
    return (
        f"the query ran over this server's time limit of {timeout:g} s and was stopped "
        "(kg serve --timeout sets the limit)\n"
    ).encode()


def _size_message(cap: int) -> bytes:
    return (
        f"the result is larger than this server's limit of {cap} bytes (kg serve --max-result-bytes): "
        "add a LIMIT or ask for less\n"
    ).encode()
