"""Graph-side benchmark: a synthetic national corpus → RDF → Oxigraph store → inference → named queries.

The corpus: C central directives; in each of 63 provinces a party plan implementing each directive and P
people's-committee plans implementing the party plan, each with T tasks of 3 assignments (1 lead, 2 partners)
and evidence spans. Run:  .venv/bin/python benchmarks/graph_bench.py --plans 40 [--write]
(--write appends the result table to benchmarks/RESULTS.md). Times are wall-clock seconds on this machine;
memory is the process's peak RSS.
"""

from __future__ import annotations

import argparse
import functools
import gc
import resource
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.build import map_records
from kg.models import (
    Assignment,
    DocumentMeta,
    LineageEdge,
    Record,
    Reference,
    Role,
    SourceInfo,
    Span,
    Task,
)
from kg.query.sparql import bind, discover, run_local
from kg.rdf.serialize import to_ntriples
from kg.store import ASSERTED_GRAPH, load_graph, new_store
from kg.store.infer import infer

RESULTS = Path(__file__).parent / "RESULTS.md"
ROLES: tuple[Role, ...] = ("lead", "coordinate", "coordinate")  # each task: 1 lead, 2 partners
AGENCIES = ("Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Y tế")


def span(n: int) -> Span:
    return Span(n, n + 10, "trích dẫn")


def plan(province: int, n: int, directive: str, party: str, tasks: int) -> Record:
    name = f"Tỉnh{province:02d}"
    number = f"{1000 + n}/KH-UBND"
    refs = (
        Reference(party, "Kế hoạch", f"Tỉnh ủy {name}", "2024-03-01", None, span(1)),
        Reference(directive, "Nghị quyết", "Bộ Chính trị", "2023-01-01", None, span(2)),
    )
    edges = (
        LineageEdge("SELF", "implements", party, span(3)),
        LineageEdge(party, "implements", directive, span(4)),
    )
    ts, asg = [], []
    for t in range(tasks):
        text = f"Nhiệm vụ {t} của kế hoạch {number}"
        ts.append(
            Task(f"t{t + 1}", text, field="science-technology", deadline="Năm 2024-2025", span=span(10 + t))
        )
        for k, role in enumerate(ROLES):
            agency = AGENCIES[(t + k) % len(AGENCIES)]
            asg.append(
                Assignment(agency, role, text, "Năm 2024-2025", f"t{t + 1}", span=span(100 + t * 3 + k))
            )
    doc = DocumentMeta(
        number,
        "Kế hoạch",
        f"Ủy ban nhân dân tỉnh {name}",
        "2024-06-01",
        "Kế hoạch",
        None,
        name,
        {"number": span(0)},
    )
    sha = f"{n:08d}{province:08d}".ljust(64, "0")
    return Record(SourceInfo(f"{name}-{number}.txt", sha), doc, refs, edges, tuple(asg), tuple(ts))


def corpus(directives: int, plans: int, tasks: int) -> Iterator[Record]:
    for d in range(directives):
        directive = f"{d + 1}-NQ/TW"
        for p in range(63):
            for n in range(plans):
                yield plan(p, d * plans + n, directive, f"{d + 100}-KH/TU", tasks)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def build_store(directives: int, plans: int, tasks: int) -> tuple[Any, dict[str, Any]]:
    """The store of a synthetic corpus, and the times of each step; the rdflib graph is not kept."""
    records, t_gen = timed(lambda: list(corpus(directives, plans, tasks)))
    graph, t_map = timed(lambda: map_records(records))
    nt, t_ser = timed(lambda: to_ntriples(graph))
    store = new_store()
    _, t_load = timed(lambda: load_graph(store, nt, str(ASSERTED_GRAPH)))
    counts, t_inf = timed(lambda: infer(store))
    stats = {"plans": len(records), "triples": len(graph), "inferred": counts}
    stats.update(t_gen=t_gen, t_map=t_map, t_ser=t_ser, t_load=t_load, t_inf=t_inf)
    return store, stats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--directives", type=int, default=2)
    ap.add_argument(
        "--plans", type=int, default=10, help="people's-committee plans per province and directive"
    )
    ap.add_argument("--tasks", type=int, default=10)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    store, stats = build_store(args.directives, args.plans, args.tasks)
    # `kg query` runs in a process that holds no rdflib graph: build_store has let it go, or every garbage
    # collection during the queries would walk millions of rdflib objects and the times measure the collector
    gc.collect()
    params = {
        "doc": "1-NQ/TW",
        "agency": "Sở Tài chính",
        "field": "science-technology",
        "year": "2030",
        "from": "2024",
        "to": "2025",
    }
    q_times = []
    for q in discover():
        bound = bind(q, {p.name: params[p.name] for p in q.params})
        table, t = timed(functools.partial(run_local, store, bound))
        q_times.append((q.name, t, len(table.rows)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        f"## graph_bench: {stats['plans']} plans, {stats['triples']} asserted triples, "
        f"{sum(stats['inferred'].values())} inferred ({stats['inferred']})",
        "",
        "| step | seconds |",
        "|---|---:|",
        f"| generate records | {stats['t_gen']:.1f} |",
        f"| map to RDF (rdflib) | {stats['t_map']:.1f} |",
        f"| serialize N-Triples | {stats['t_ser']:.1f} |",
        f"| load into Oxigraph | {stats['t_load']:.1f} |",
        f"| inference (SPARQL rules) | {stats['t_inf']:.1f} |",
        *(f"| query {n} ({rows} rows) | {t:.2f} |" for n, t, rows in q_times),
        "",
        f"Peak memory: {rss:.0f} MB.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
