"""A real Oxigraph server: push the graph, run every named query via SPARQLWrapper, same answers."""

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import EndpointError
from kg.paths import RAW_DIR
from kg.query import serve
from kg.query.push import push, store_graphs
from kg.query.sparql import bind, discover, run_local, run_remote
from kg.store import open_store

pytestmark = pytest.mark.server

EXAMPLE_PARAMS = {
    "doc": "69-KL/TW",
    "agency": "Sở Tài chính",
    "field": "agriculture",
    "year": "2030",
    "from": "2024",
    "to": "2025",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph")
    build([RAW_DIR], out, out / "store", jobs=1)
    return out / "store"


@pytest.fixture()
def server() -> Iterator[serve.Server]:
    srv = serve.start(None, read_only=False, timeout=20)  # in memory, 127.0.0.1, free port
    try:
        yield srv
    finally:
        serve.stop(srv)


def _sorted(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, ...]]:
    return sorted(rows)


def test_pushed_graph_answers_every_named_query_like_the_embedded_store(
    built: Path, server: serve.Server
) -> None:
    store = open_store(built)
    done = push(server.store_url, store_graphs(store))
    assert set(done.values()) == {"graph store"}
    for q in discover():
        text = bind(q, {p.name: EXAMPLE_PARAMS[p.name] for p in q.params})
        local, remote = run_local(store, text), run_remote(server.query_url, text)
        assert remote.columns == local.columns, q.name
        assert _sorted(remote.rows) == _sorted(local.rows), q.name


def test_push_falls_back_to_sparql_update(built: Path, server: serve.Server) -> None:
    store = open_store(built)
    graphs = store_graphs(store, into="https://example.org/g")
    done = push(server.base_url + "/no-graph-store-here", graphs, update_endpoint=server.update_url)
    assert done == {"https://example.org/g": "sparql update"}
    q = next(q for q in discover() if q.name == "documents")
    remote = run_remote(server.query_url, bind(q, {}), ["https://example.org/g"])
    assert _sorted(remote.rows) == _sorted(run_local(store, bind(q, {})).rows)


def test_kg_serve_serves_the_built_store_read_only(built: Path) -> None:
    srv = serve.start(built, read_only=True, timeout=20)
    try:
        q = next(q for q in discover() if q.name == "lineage-down")
        text = bind(q, {"doc": "69-KL/TW"})
        remote = run_remote(srv.query_url, text, [])  # the union default graph, as the query UI sees it
        assert _sorted(remote.rows) == _sorted(run_local(open_store(built), text).rows)
    finally:
        serve.stop(srv)


def test_stopping_kg_serve_with_sigterm_stops_its_oxigraph_server(built: Path) -> None:
    # `kill PID` on `kg serve` used to leave the oxigraph child listening, orphaned
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(built)], stdout=subprocess.PIPE, text=True
    )
    try:
        first = proc.stdout.readline() if proc.stdout else ""
        query_url = first.split()[2]
        assert serve._answers(query_url), first
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    assert not serve._answers(query_url), "the oxigraph server outlived `kg serve`"


def test_pushing_to_a_read_only_server_says_it_refuses_writes(built: Path) -> None:
    srv = serve.start(built, read_only=True, timeout=20)
    try:
        with pytest.raises(EndpointError, match=r"HTTP 403 .*read-only"):
            push(srv.store_url, store_graphs(open_store(built)))
    finally:
        serve.stop(srv)
