"""Helpers of the server tests: small generated stores, an in-process `kg serve` gateway (a fixture, imported
by the test modules that use it) and plain HTTP requests with full control of the headers.

The stores are generated (a chain of N nodes), so the heavy queries the timeout tests need are heavy for a
known reason: a three-way cartesian product, or a path closure over the whole chain."""

import http.client
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.query import gateway
from kg.store import ASSERTED_GRAPH

CHAIN = 20_000


def make_store(path: Path, triples: int, prefix: str = "http://example.org/") -> Path:
    """A store at ``path`` holding a chain ``s0 → s1 → … `` of ``triples`` triples in the asserted graph."""
    store = ox.Store(str(path))
    nt = "".join(f"<{prefix}s{i}> <{prefix}p> <{prefix}s{i + 1}> .\n" for i in range(triples))
    store.bulk_load(nt.encode(), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(ASSERTED_GRAPH))
    store.flush()
    del store  # release RocksDB's lock before a server opens the directory
    return path


@pytest.fixture(scope="module")
def chain_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("chain") / "store", CHAIN)


GatewayFactory = Callable[..., gateway.Gateway]


@pytest.fixture()
def run_gateway() -> Iterator[GatewayFactory]:
    """Start gateways in this process (serving in a thread); all are closed after the test."""
    started: list[tuple[gateway.Gateway, threading.Thread]] = []

    def start(store_dir: Path, **limits: float) -> gateway.Gateway:
        gw = gateway.open_gateway(store_dir, limits=gateway.Limits(**limits))  # type: ignore[arg-type]
        thread = threading.Thread(target=gw.serve_forever, daemon=True)
        thread.start()
        started.append((gw, thread))
        return gw

    yield start
    for gw, thread in started:
        gw.shutdown()
        thread.join(timeout=10)
        gw.close()


@dataclass(frozen=True)
class Answer:
    status: int
    body: str


def request(
    port: int,
    path: str,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> Answer:
    """GET ``path`` (or POST ``form``) to 127.0.0.1:``port``; Host is 127.0.0.1:port unless given."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    sent = {"Host": f"127.0.0.1:{port}", "Accept": "application/sparql-results+json", **(headers or {})}
    try:
        if form is None:
            conn.request("GET", path, headers=sent)
        else:
            body = urllib.parse.urlencode(form)
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
            conn.request("POST", path, body=body, headers=sent)
        resp = conn.getresponse()
        return Answer(resp.status, resp.read().decode("utf-8", "replace"))
    finally:
        conn.close()


def query(port: int, text: str, **kwargs: object) -> Answer:
    return request(port, "/query", {"query": text}, **kwargs)  # type: ignore[arg-type]
