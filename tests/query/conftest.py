"""Fixtures of the server tests: small generated stores and an in-process `kg serve` gateway.

The stores are generated (a chain of N nodes), so the heavy queries the timeout tests need are heavy for a
known reason: a three-way cartesian product, or a path closure over the whole chain."""

import threading
from collections.abc import Callable, Iterator
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
