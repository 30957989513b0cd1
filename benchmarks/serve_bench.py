"""What `kg serve`'s gateway costs: the same small query straight to the Oxigraph child and through the
gateway (Host check, parse for SERVICE, re-sent as a form POST, answer buffered), one client and eight at
once, and how long parsing each named query takes (the guard parses one query at a time). Run:
  .venv/bin/python benchmarks/serve_bench.py [--write]
(--write appends the table to benchmarks/RESULTS.md). Wall-clock milliseconds.
"""

from __future__ import annotations

import argparse
import http.client
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox

from kg.query import gateway
from kg.query.guard import check_query
from kg.query.sparql import discover
from kg.store import ASSERTED_GRAPH

RESULTS = Path(__file__).parent / "RESULTS.md"
QUERY = "SELECT ?o WHERE { <http://example.org/s5> <http://example.org/p> ?o }"


def make_store(path: Path, triples: int) -> None:
    store = ox.Store(str(path))
    nt = "".join(
        f"<http://example.org/s{i}> <http://example.org/p> <http://example.org/s{i + 1}> .\n"
        for i in range(triples)
    )
    store.bulk_load(nt.encode(), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(ASSERTED_GRAPH))
    store.flush()


def ask(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urllib.parse.urlencode({"query": QUERY})
    headers = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded"}
    conn.request("POST", "/query", body, headers)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    assert resp.status == 200, resp.status


def per_query_ms(port: int, n: int, clients: int) -> float:
    def client() -> None:
        for _ in range(n // clients):
            ask(port)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return (time.perf_counter() - began) * 1000 / n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        make_store(Path(tmp) / "store", 20_000)
        gw = gateway.open_gateway(Path(tmp) / "store")
        threading.Thread(target=gw.serve_forever, daemon=True).start()
        child = gw.backend.current.server.port
        try:
            for clients in (1, 8):
                direct = per_query_ms(child, args.queries, clients)
                through = per_query_ms(gw.port, args.queries, clients)
                rows.append(
                    (f"small query, {clients} client(s): direct / through the gateway", direct, through)
                )
        finally:
            gw.shutdown()
            gw.close()
    for q in discover():
        began = time.perf_counter()
        check_query(q.text)
        rows.append((f"parse named query {q.name}", None, (time.perf_counter() - began) * 1000))
    table = ["| what | direct ms | gateway ms |", "|---|---:|---:|"]
    table += [f"| {w} | {'' if d is None else f'{d:.2f}'} | {g:.2f} |" for w, d, g in rows]
    text = f"\n## serve_bench: {args.queries} queries on a 20,000-triple store\n\n" + "\n".join(table) + "\n"
    print(text)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
