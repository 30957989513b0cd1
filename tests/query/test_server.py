"""A real Oxigraph server: push the graph, run every named query via SPARQLWrapper, same answers; and the
same through `kg serve`'s gateway."""

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.errors import EndpointError
from kg.paths import RAW_DIR
from kg.query import gateway, serve
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
    done = push(
        server.base_url + "/no-graph-store-here",
        graphs,
        update_endpoint=server.update_url,
        query_endpoint=server.query_url,
    )
    assert done == {"https://example.org/g": "sparql update"}
    q = next(q for q in discover() if q.name == "documents")
    remote = run_remote(server.query_url, bind(q, {}), ["https://example.org/g"])
    assert _sorted(remote.rows) == _sorted(run_local(store, bind(q, {})).rows)


@pytest.fixture()
def kg_serve(built: Path) -> Iterator[gateway.Gateway]:
    gw = gateway.open_gateway(built)
    thread = threading.Thread(target=gw.serve_forever, daemon=True)
    thread.start()
    try:
        yield gw
    finally:
        gw.shutdown()
        thread.join(timeout=10)
        gw.close()


def test_kg_serve_answers_every_named_query_like_the_embedded_store(
    built: Path, kg_serve: gateway.Gateway
) -> None:
    # every named query must pass the gateway's parser (rdflib) and get the embedded store's answer
    store = open_store(built)
    for q in discover():
        text = bind(q, {p.name: EXAMPLE_PARAMS[p.name] for p in q.params})
        remote = run_remote(kg_serve.query_url, text, [])  # the union default graph, as the query UI sees it
        assert _sorted(remote.rows) == _sorted(run_local(store, text).rows), q.name


def test_pushing_to_kg_serve_says_it_refuses_writes(built: Path, kg_serve: gateway.Gateway) -> None:
    with pytest.raises(EndpointError, match=r"HTTP 403: .*read-only"):
        push(kg_serve.base_url + "/store", store_graphs(open_store(built)))
