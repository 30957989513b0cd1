"""Analysis-side benchmark: the national-scale synthetic graph of graph_bench.py → NetworkX → every analysis.

Builds the same corpus as benchmarks/graph_bench.py (C central directives; in each of 63 provinces a party
plan and P people's-committee plans per directive, T tasks of 3 assignments each) into an Oxigraph store with
the inferred graph, then times the analysis layer on it: to_networkx (four SELECTs + indexing); trace and who
as `kg trace`/`kg who` run them, on the store, reading only the neighbourhood (kg.analysis.focus); then trace,
who, compare and each metric on the converted graphs. Brokers are timed twice: as `kg metrics` runs them
(exact betweenness below EXACT_BETWEENNESS_LIMIT agencies) and with the seeded k-sample estimate forced. Run:
  .venv/bin/python benchmarks/analysis_bench.py --plans 10 [--write]
(--write appends the table to benchmarks/RESULTS.md). Wall-clock seconds; memory is the peak RSS.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # graph_bench lives next to this file

from graph_bench import corpus

from kg.analysis import metrics
from kg.analysis.compare import compare_implementing
from kg.analysis.convert import to_networkx
from kg.analysis.focus import trace_in, who_in
from kg.analysis.trace import trace
from kg.analysis.who import who
from kg.build import map_records
from kg.rdf.serialize import to_ntriples
from kg.store import ASSERTED_GRAPH, load_graph, new_store
from kg.store.infer import infer

RESULTS = Path(__file__).parent / "RESULTS.md"


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def sampled_brokers(resp: Any) -> list[metrics.Broker]:
    """brokers() with the k-sample estimate forced, whatever the network's size."""
    limit = metrics.EXACT_BETWEENNESS_LIMIT
    metrics.EXACT_BETWEENNESS_LIMIT = 0
    try:
        return metrics.brokers(resp)
    finally:
        metrics.EXACT_BETWEENNESS_LIMIT = limit


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--directives", type=int, default=2)
    ap.add_argument(
        "--plans", type=int, default=10, help="people's-committee plans per province and directive"
    )
    ap.add_argument("--tasks", type=int, default=10)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    records = list(corpus(args.directives, args.plans, args.tasks))
    graph = map_records(records)
    store = new_store()
    load_graph(store, to_ntriples(graph), str(ASSERTED_GRAPH))
    infer(store)
    triples = len(graph)
    del graph  # the analysis reads the store, as `kg` commands do
    graphs, t_convert = timed(lambda: to_networkx(store))
    resp = graphs.responsibility
    steps: list[tuple[str, Callable[[], Any], Callable[[Any], str]]] = [
        ("trace 1-NQ/TW on the store (neighbourhood only)", lambda: trace_in(store, "1-NQ/TW"),
         lambda t: f"{len(t.nodes)} docs"),
        ("who Sở Tài chính on the store (neighbourhood only)", lambda: who_in(store, "Sở Tài chính"),
         lambda w: f"{len(w.duties)} duties"),
        ("who so tai chinh --province Tỉnh07 on the store (neighbourhood only)",
         lambda: who_in(store, "so tai chinh", "Tỉnh07"), lambda w: f"{len(w.duties)} duties"),
        ("trace 1-NQ/TW (up and down)", lambda: trace(graphs.lineage, "1-NQ/TW"),
         lambda t: f"{len(t.nodes)} docs"),
        ("who Sở Tài chính (all provinces)", lambda: who(graphs, "Sở Tài chính"),
         lambda w: f"{len(w.duties)} duties"),
        ("who so tai chinh --province Tỉnh07", lambda: who(graphs, "so tai chinh", "Tỉnh07"),
         lambda w: f"{len(w.duties)} duties"),
        ("compare --implementing 1-NQ/TW", lambda: compare_implementing(graphs, "1-NQ/TW"),
         lambda c: f"{len(c.plans)} plans"),
        ("metrics workload", lambda: metrics.workload(resp), lambda r: f"{len(r)} agencies"),
        ("metrics brokers (as run)", lambda: metrics.brokers(resp), lambda r: f"{len(r)} brokers"),
        ("metrics brokers (k-sample forced)", lambda: sampled_brokers(resp), lambda r: f"{len(r)} brokers"),
        ("metrics lineage depth", lambda: metrics.lineage_depth(graphs), lambda r: f"{len(r)} plans"),
        ("metrics gaps", lambda: metrics.gaps(graphs), lambda g: f"{len(g.tasks_without_lead)} unled"),
        ("metrics communities", lambda: metrics.communities(graphs), lambda r: f"{len(r)} communities"),
    ]  # fmt: skip
    rows = []
    for name, fn, describe in steps:
        out, seconds = timed(fn)
        rows.append(f"| {name} | {describe(out)} | {seconds:.2f} |")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = "\n".join(
        [
            f"## analysis_bench: {len(records)} plans, {triples} asserted triples; lineage "
            f"{graphs.lineage.number_of_nodes()} documents, responsibility {resp.number_of_nodes()} nodes / "
            f"{resp.number_of_edges()} edges",
            "",
            "| step | result | seconds |",
            "|---|---|---:|",
            f"| to_networkx (store → 4 SELECTs → NetworkX) "
            f"| {graphs.lineage.number_of_edges()} lineage edges | {t_convert:.2f} |",
            *rows,
            "",
            f"Peak memory: {rss:.0f} MB (including building the store).",
            "",
        ]
    )
    print(text)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
