"""`kg push` against real targets (issue 14): graph IRIs are checked before anything is sent, an upload counts
only when the target holds what was sent, and a silent target cannot hang it."""

import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest
import serve_support

from kg.errors import EndpointError
from kg.query import serve
from kg.query.push import check_iri, push, store_graphs
from kg.query.sparql import run_remote

pytestmark = pytest.mark.server

INJECTION = "http://e/x> ; DROP ALL ; DROP SILENT GRAPH <http://e/y"
KEPT = "http://e/y"


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return serve_support.make_store(tmp_path_factory.mktemp("small") / "store", 5)


@pytest.fixture()
def target() -> Iterator[serve.Server]:
    """A writable Oxigraph server holding one triple in <http://e/y>, which no push here may touch."""
    srv = serve.start(None, read_only=False)
    try:
        data = b"<http://e/a> <http://e/b> <http://e/c> .\n"
        headers = {"Content-Type": "application/n-triples"}
        req = urllib.request.Request(
            f"{srv.store_url}?graph={KEPT}", data=data, method="PUT", headers=headers
        )
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert resp.status in (201, 204)
        yield srv
    finally:
        serve.stop(srv)


def _kept_triples(srv: serve.Server) -> int:
    table = run_remote(
        srv.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{KEPT}> {{ ?s ?p ?o }} }}", []
    )
    return int(table.rows[0][0])


@pytest.mark.parametrize(
    "bad",
    [
        INJECTION,
        "no-scheme",
        "http://e/a b",
        "http://e/{x}",
        "http://e/a\x00",
        "http://e/\\x",
        "http://e/`x`",
        "",
    ],
)
def test_a_graph_that_is_not_an_absolute_iri_is_refused(bad: str) -> None:
    with pytest.raises(EndpointError, match="is not an absolute IRI"):
        check_iri(bad)


def test_the_injection_iri_is_refused_before_anything_is_sent(
    small_store: Path, target: serve.Server
) -> None:
    with pytest.raises(EndpointError, match="is not an absolute IRI"):
        push(target.store_url, store_graphs(ox.Store.read_only(str(small_store)), into=INJECTION))
    with pytest.raises(EndpointError, match="is not an absolute IRI"):  # the SPARQL Update path too
        push(target.base_url + "/nowhere", {INJECTION: b""}, update_endpoint=target.update_url)
    assert _kept_triples(target) == 1


def test_kg_push_with_the_injection_iri_exits_2_in_one_line(small_store: Path, target: serve.Server) -> None:
    cmd = [sys.executable, "-m", "kg.cli", "push", "--endpoint", target.store_url, "--graph", INJECTION]
    proc = subprocess.run([*cmd, "--store", str(small_store)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert "is not an absolute IRI" in proc.stderr
    assert _kept_triples(target) == 1


def test_a_push_is_confirmed_by_counting_on_the_target(small_store: Path, target: serve.Server) -> None:
    graphs = store_graphs(ox.Store.read_only(str(small_store)), into="https://example.org/copy")
    assert push(target.store_url, graphs) == {"https://example.org/copy": "graph store"}
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/copy> { ?s ?p ?o } }"
    assert run_remote(target.query_url, count, []).rows == (("5",),)
    assert _kept_triples(target) == 1


class _Pretender(BaseHTTPRequestHandler):
    """Answers every request 2xx and stores nothing; its query endpoint counts 0 (or says nothing)."""

    counts = True

    def _ok(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"0"}}]}}'
        body = body if self.counts and self.path.startswith("/query") else b""
        self.send_response(200 if body else 204)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = _ok

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(params=[True, False], ids=["counts-zero", "answers-nothing"])
def pretender(request: pytest.FixtureRequest) -> Iterator[str]:
    handler = type("Handler", (_Pretender,), {"counts": request.param})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_server_answering_2xx_without_storing_is_a_failed_push(small_store: Path, pretender: str) -> None:
    graphs = store_graphs(ox.Store.read_only(str(small_store)))
    with pytest.raises(EndpointError, match=r"was not stored|cannot confirm"):
        push(f"{pretender}/store", graphs, timeout=5)


def test_a_silent_server_cannot_hang_a_push(small_store: Path) -> None:
    with socket.socket() as silent:  # accepts connections (the kernel's backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/store"
        with pytest.raises(EndpointError, match=r"no answer within 1 s \(--timeout\)"):
            push(url, store_graphs(ox.Store.read_only(str(small_store))), timeout=1)
