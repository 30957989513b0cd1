"""Layout benchmark: the views' layered tree and edge routing (kg.present.views.layout) at size.

Two shapes of lineage, built as site graphs directly (no RDF): "national" (D central directives; in each of 63
provinces a party plan implementing them and P people's-committee plans implementing both, as
benchmarks/graph_bench.py makes them) and "random" (N documents over the seven tiers, each implementing up to
three documents of its tier or above: many skip-level and same-tier edges). Times the lineage view and one
province page; prints whether the lineage was drawn or grouped by province (above NODE_BUDGET nodes or
SLOT_BUDGET edge bends), the nodes drawn and the bends (waypoints on the page). Run:
  .venv/bin/python benchmarks/layout_bench.py [--write]
(--write appends the table to benchmarks/RESULTS.md). Wall-clock seconds.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from pathlib import Path

from kg.present.views import model as m
from kg.present.views.views import Index, lineage_view, province_view

RESULTS = Path(__file__).with_name("RESULTS.md")


def national(directives: int, plans: int) -> m.SiteGraph:
    nodes: dict[str, m.VNode] = {}
    edges: set[m.VEdge] = set()
    central = [f"urn:d:{i}" for i in range(directives)]
    for c in central:
        nodes[c] = m.VNode(c, "Resolution", f"{c[-1]}-NQ/TW", f"{c[-1]}-NQ/TW", tier=0)
    for p in range(63):
        prov = f"urn:p:{p:02}"
        nodes[prov] = m.VNode(prov, m.PROVINCE, f"Tỉnh {p}", f"Province {p}", province=prov)
        for c in central:
            party = f"{prov}:{c[-1]}:party"
            nodes[party] = m.VNode(party, "Plan", f"{p}-KH/TU", f"{p}-KH/TU", province=prov, tier=3)
            edges.add(m.VEdge(party, c, "implements"))
            for k in range(plans):
                plan = f"{prov}:{c[-1]}:{k}"
                label = f"{1000 + k}/KH-UBND (Tỉnh {p})"
                nodes[plan] = m.VNode(plan, "Plan", label, label, province=prov, tier=4)
                edges |= {m.VEdge(plan, c, "implements"), m.VEdge(plan, party, "basedOn")}
    return m.SiteGraph(dict(sorted(nodes.items())), tuple(sorted(edges, key=lambda e: (e.source, e.target))))


def random_dag(docs: int, seed: int = 1) -> m.SiteGraph:
    rng = random.Random(seed)
    nodes: dict[str, m.VNode] = {}
    prov = "urn:p:0"
    nodes[prov] = m.VNode(prov, m.PROVINCE, "Tỉnh", "Province", province=prov)
    for i in range(docs):
        label = f"{rng.randrange(1, 9999)}/KH-UBND"
        nodes[f"urn:d:{i:05}"] = m.VNode(
            f"urn:d:{i:05}", "Plan", label, label, province=prov, tier=rng.randrange(7)
        )
    ids = [n for n in nodes if n.startswith("urn:d:")]
    edges = set()
    for a in ids:
        above = [b for b in ids if b != a and (nodes[b].tier or 0) <= (nodes[a].tier or 0)]
        for b in rng.sample(above, min(len(above), rng.randrange(0, 4))):
            edges.add(m.VEdge(a, b, "implements"))
    return m.SiteGraph(dict(sorted(nodes.items())), tuple(sorted(edges, key=lambda e: (e.source, e.target))))


def measure(name: str, site: m.SiteGraph) -> list[str]:
    index = Index.of(site)
    start = time.perf_counter()
    view = lineage_view(index)
    lineage_s = time.perf_counter() - start
    province = next(n.id for n in site.nodes.values() if n.kind == m.PROVINCE)
    start = time.perf_counter()
    page = province_view(index, province)
    page_s = time.perf_counter() - start
    docs = sum(1 for n in site.nodes.values() if n.kind != m.PROVINCE)
    drawn = "grouped" if any(n.kind == m.CLUSTER for n in view.nodes) else "drawn"
    bends = sum(len(r) for r in view.routes)
    page_bends = sum(len(r) for r in page.routes)
    return [name, str(docs), str(len(site.edges)), drawn, str(len(view.nodes)), str(bends),
            f"{lineage_s:.2f}", str(len(page.nodes)), str(page_bends), f"{page_s:.2f}"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    rows = [
        measure("national 1 directive × 2 plans", national(1, 2)),
        measure("national 2 directives × 5 plans", national(2, 5)),
        measure("random 150", random_dag(150)),
        measure("random 400", random_dag(400)),
    ]
    head = [
        "graph",
        "documents",
        "edges",
        "lineage",
        "nodes",
        "bends",
        "s",
        "province page nodes",
        "bends",
        "s",
    ]
    lines = [
        f"## layout_bench ({platform.machine()}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|",
        *("| " + " | ".join(r) + " |" for r in rows),
    ]
    print("\n".join(lines))
    if args.write:
        with RESULTS.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
