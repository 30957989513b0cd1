"""The scale benchmark: a generated corpus (benchmarks/corpus_gen.py) through every stage, beside its anchors.

For each size N (documents): generate the texts and their truth; the floor of reading and NFC-normalizing
the same bytes; extraction (kg.build_inputs.read_inputs, in parallel as `kg build` runs it) and the lineage it
reads against the truth; resolving and mapping to RDF; Turtle, N-Triples and JSON-LD serialization; loading
the asserted graph and the ontology into a new Oxigraph store; inference. Then the commands as a user runs
them (`kg trace`, `kg who` with and without --province, `kg compare --implementing`, `kg metrics`, `kg viz`:
wall seconds and peak RSS of each `kg` process), and every named query on the store (p50/p95 over
repeated runs). Anchors: read+NFC, pyoxigraph's own bulk load of the same N-Triples into memory, rdflib
parsing them, and each named query on that rdflib graph (a child process each, given up after a timeout).

Each stage's peak memory is the process's high-water mark over that stage (reset before it through
/proc/self/clear_refs); extraction's is the largest worker's. Results are appended to benchmarks/RESULTS.md
with machine, date and commit (--write). Run:
  .venv/bin/python benchmarks/scale_bench.py --documents 1000 [--documents 10000] [--write]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))  # corpus_gen and extract_bench live next to this file

import corpus_gen
from extract_bench import machine

RESULTS = Path(__file__).parent / "RESULTS.md"
KG = Path(sys.executable).with_name("kg")
REPEAT = 20  # runs of each named query for p50/p95


@dataclass
class Row:
    step: str
    seconds: float
    peak_mb: float | None
    note: str = ""


def _reset_peak() -> None:
    """Reset the kernel's peak-RSS mark of this process (Linux: "5" to clear_refs), so VmHWM is per stage."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(
    rows: list[Row], step: str, fn: Callable[[], Any], note: Callable[[Any], str] = lambda _: ""
) -> Any:
    _reset_peak()
    start = time.perf_counter()
    out = fn()
    rows.append(Row(step, time.perf_counter() - start, _peak_mb(), note(out)))
    return out


def run_kg(args: list[str], timeout: float) -> tuple[float, float | None, str]:
    """One `kg` process under /usr/bin/time: wall seconds, its peak RSS, and its last line or its error."""
    cmd = ["/usr/bin/time", "-f", "KGPEAK %M %U %S", str(KG), *args]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, f"stopped after {timeout:.0f} s"
    seconds = time.perf_counter() - start
    err = proc.stderr.strip().splitlines()
    usage = next((x.split()[1:] for x in err if x.startswith("KGPEAK ")), None)
    peak = int(usage[0]) / 1024 if usage else None
    cpu = f"{float(usage[1]) + float(usage[2]):.2f} CPU s; " if usage else ""  # wall is shared, CPU is ours
    if proc.returncode:
        why = " ".join(x for x in err if not x.startswith("KGPEAK"))
        return seconds, peak, f"{cpu}exit {proc.returncode}: {why[:80]}"
    return seconds, peak, f"{cpu}{len(proc.stdout)} bytes out"


def floor(texts: list[Path]) -> int:
    """Read and NFC-normalize every text: the least any extractor must do."""
    return sum(len(unicodedata.normalize("NFC", p.read_bytes().decode("utf-8"))) for p in texts)


def lineage_recall(records: list[Any], truth: list[corpus_gen.Truth]) -> str:
    """Of the truth's lineage edges (document number → number it implements), how many extraction read."""
    read = {
        (r.document.number, e.target)
        for r in records
        for e in r.lineage
        if e.source == "SELF" and e.relation == "implements"
    }
    stated = {(t.number, target) for t in truth for target in t.implements}
    numbers = {r.document.number for r in records} & {t.number for t in truth}
    return f"lineage {len(read & stated)}/{len(stated)}, numbers {len(numbers)}/{len(truth)}"


def build_stages(work: Path, n: int, args: argparse.Namespace, rows: list[Row]) -> dict[str, Any]:
    """Generate, extract, map, serialize, load and infer; the store and files are left under ``work``."""
    from kg.build import map_records, ontology_turtle
    from kg.build_inputs import collect_inputs, read_inputs
    from kg.rdf.serialize import to_jsonld, to_ntriples, to_turtle
    from kg.resolve import resolve_corpus
    from kg.store import ASSERTED_GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH, dump, load_graph, new_store
    from kg.store.infer import infer

    truth = stage(
        rows, "generate texts + truth", lambda: corpus_gen.write_corpus(work, n, args.seed, args.provinces)
    )
    texts = collect_inputs([work / "texts"])
    size = sum(p.stat().st_size for p in texts)
    stage(rows, "anchor: read + NFC (floor)", lambda: floor(texts), lambda c: f"{size / 1e6:.1f} MB")
    start = time.perf_counter()
    inputs = read_inputs(texts)
    records, skipped = list(inputs.records), inputs.skipped
    seconds = time.perf_counter() - start
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    note = f"{len(records)} records, {len(skipped)} skipped; {lineage_recall(records, truth)}"
    rows.append(Row(f"extract ({os.cpu_count()} processes)", seconds, child, note))
    graph = stage(
        rows,
        "resolve + map to RDF",
        lambda: map_records(records, resolve_corpus(records)),
        lambda g: f"{len(g)} triples",
    )
    records.clear()  # let the records go before the graph stages, as a build would
    stage(rows, "serialize Turtle", lambda: (work / "kg.ttl").write_bytes(to_turtle(graph)))
    nt = stage(rows, "serialize N-Triples", lambda: to_ntriples(graph))
    (work / "kg.nt").write_bytes(nt)
    stage(rows, "serialize JSON-LD", lambda: (work / "kg.jsonld").write_bytes(to_jsonld(graph)))
    triples = len(graph)
    graph = None  # the store stages hold no rdflib graph, as in `kg build`

    def load() -> Any:
        store = new_store(work / "store")
        load_graph(store, nt, str(ASSERTED_GRAPH))
        for _, data in ontology_turtle():
            load_graph(store, data, str(ONTOLOGY_GRAPH), "ttl")
        return store

    store = stage(rows, "load store (asserted + ontology)", load)
    counts = stage(rows, "infer", lambda: infer(store), lambda c: f"{sum(c.values())} inferred")
    inferred_nt = dump(store, str(INFERRED_GRAPH))
    store.flush()
    store = None  # closed before the `kg` processes open it
    (work / "kg-inferred.nt").write_bytes(inferred_nt)
    anchors(work, nt, inferred_nt, rows, args)
    return {"truth": truth, "triples": triples, "inferred": sum(counts.values()), "mb": size / 1e6}


def anchors(work: Path, nt: bytes, inferred_nt: bytes, rows: list[Row], args: argparse.Namespace) -> None:
    """pyoxigraph's bulk load and rdflib's parse of the same N-Triples."""
    import pyoxigraph as ox
    from rdflib import Graph

    def raw() -> int:
        store = ox.Store()
        store.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
        return len(store)

    stage(rows, "anchor: pyoxigraph bulk load, in memory", raw)
    if args.rdflib:
        stage(rows, "anchor: rdflib parse N-Triples", lambda: Graph().parse(data=nt, format="nt"))


def analyses(work: Path, truth: list[corpus_gen.Truth], rows: list[Row], args: argparse.Namespace) -> None:
    """The analysis commands as a user runs them, one `kg` process each, on the built store."""
    store = ["--store", str(work / "store")]
    conclusion = next(t.number for t in truth if t.level == 2)
    province = next(t.province for t in truth if t.level == 4)
    commands = [
        (f"kg trace {conclusion}", ["trace", conclusion, *store, "--json"]),
        ("kg who Sở Tài chính", ["who", "Sở Tài chính", *store, "--json"]),
        (f"kg who Sở Tài chính --province {province}",
         ["who", "Sở Tài chính", "--province", str(province), *store, "--json"]),
        (f"kg compare --implementing {conclusion}",
         ["compare", "--implementing", conclusion, *store, "--json"]),
        ("kg metrics", ["metrics", *store, "--json"]),
    ]  # fmt: skip
    if args.viz:
        commands.append(("kg viz", ["viz", *store, "--out", str(work / "viz")]))  # as after `kg build`
    for name, argv in commands:
        seconds, peak, note = run_kg(argv, args.timeout)
        rows.append(Row(name, seconds, peak, note))


def query_params(store: Any, truth: list[corpus_gen.Truth]) -> dict[str, str]:
    """Parameters that find something: the first conclusion, Sở Tài chính, the field and target year most
    often stated in the corpus (asked of the store, since the generator draws them)."""
    from kg.store import select

    def most(pattern: str) -> str:
        q = f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ {pattern} }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1"
        _, rows = select(store, "PREFIX vpo: <https://w3id.org/vn-policy-kg/ontology#>\n" + q)
        return str(rows[0]["x"].value) if rows and "x" in rows[0] else ""

    field = most("?s vpo:inField ?f . BIND(STRAFTER(STR(?f), '/field/') AS ?x)") or "science-technology"
    year = most("?s vpo:targetYear ?y . BIND(STR(?y) AS ?x)") or "2030"
    conclusion = next(t.number for t in truth if t.level == 2)
    return {"doc": conclusion, "agency": "Sở Tài chính", "field": field, "year": year,
            "from": "2024", "to": "2026"}  # fmt: skip


def named_queries(
    work: Path, truth: list[corpus_gen.Truth], rows: list[Row], args: argparse.Namespace
) -> None:
    """Every named query on the store, REPEAT times: p50 and p95 (ms); the rdflib anchor once, in a child."""
    from kg.query.sparql import bind, discover, run_local
    from kg.store import open_store

    store = open_store(work / "store")
    params = query_params(store, truth)
    for q in discover():
        text = bind(q, {p.name: params[p.name] for p in q.params})
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            table = run_local(store, text, name=q.name)
            times.append(time.perf_counter() - start)
        p50 = statistics.median(times) * 1000
        p95 = statistics.quantiles(times, n=20)[-1] * 1000 if len(times) > 1 else p50
        note = f"{len(table.rows)} rows; p50 {p50:.1f} ms, p95 {p95:.1f} ms"
        if args.rdflib:
            note += f"; rdflib {rdflib_query(work, text, args.rdflib_timeout)}"
        rows.append(Row(f"query {q.name}", p95 / 1000, None, note))


def rdflib_query(work: Path, text: str, timeout: float) -> str:
    """The same query on rdflib (asserted + inferred N-Triples and the ontology), in a child process."""
    code = (
        "import sys,time; from rdflib import Graph; from kg.build import ontology_turtle\n"
        "g=Graph(); g.parse(sys.argv[1], format='nt'); g.parse(sys.argv[2], format='nt')\n"
        "[g.parse(data=d.decode(), format='turtle') for _, d in ontology_turtle()]\n"
        "t=time.perf_counter(); n=len(list(g.query(sys.stdin.read()))); print(time.perf_counter()-t, n)"
    )
    argv = [sys.executable, "-c", code, str(work / "kg.nt"), str(work / "kg-inferred.nt")]
    try:
        proc = subprocess.run(argv, input=text, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} s"
    if proc.returncode:
        return "failed: " + (proc.stderr.strip().splitlines() or ["?"])[-1][:60]
    seconds, n = proc.stdout.split()
    return f"{float(seconds) * 1000:.0f} ms ({n} rows)"


def report(n: int, facts: dict[str, Any], rows: list[Row], args: argparse.Namespace) -> str:
    by = {r.step: r for r in rows}
    floor_s = by["anchor: read + NFC (floor)"].seconds
    raw_load = by["anchor: pyoxigraph bulk load, in memory"].seconds
    rdflib_load = by.get("anchor: rdflib parse N-Triples")
    ratio = {
        next(r for r in by if r.startswith("extract")): ("floor", floor_s),
        "load store (asserted + ontology)": ("pyoxigraph bulk load", raw_load),
    }
    lines = [
        f"## scale_bench: {n} generated documents ({machine()})",
        "",
        f"`benchmarks/scale_bench.py --documents {n} --seed {args.seed} --provinces {args.provinces}`: "
        f"{facts['mb']:.1f} MB of text, {facts['triples']} asserted triples, {facts['inferred']} inferred. "
        "Seconds are wall-clock; peak MB is the stage's high-water RSS (a `kg` process's own for commands, "
        "the largest worker's for extraction); queries: the seconds column is p95.",
        "",
        "| step | seconds | peak MB | ratio to anchor | note |",
        "|---|---:|---:|---|---|",
    ]
    for r in rows:
        anchor = ratio.get(r.step)
        rel = f"{r.seconds / anchor[1]:.0f}× {anchor[0]}" if anchor and anchor[1] else ""
        if r.step == "load store (asserted + ontology)" and rdflib_load:
            rel += f"; rdflib parse ÷ this {rdflib_load.seconds / r.seconds:.1f}×"
        peak = f"{r.peak_mb:.0f}" if r.peak_mb is not None else ""
        lines.append(f"| {r.step} | {r.seconds:.3f} | {peak} | {rel} | {r.note} |")
    return "\n".join([*lines, ""])


def run(n: int, args: argparse.Namespace) -> str:
    work = Path(tempfile.mkdtemp(prefix=f"kg-scale-{n}-", dir=args.work))
    try:
        rows: list[Row] = []
        facts = build_stages(work, n, args, rows)
        analyses(work, facts["truth"], rows, args)
        named_queries(work, facts["truth"], rows, args)
        return report(n, facts, rows, args)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--documents", type=int, action="append", help="corpus size (repeatable; default 1000)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--provinces", type=int, choices=(34, 63), default=63)
    ap.add_argument("--repeat", type=int, default=REPEAT, help="runs of each named query")
    ap.add_argument("--timeout", type=float, default=600, help="seconds before a command is given up")
    ap.add_argument(
        "--rdflib-timeout", type=float, default=30, help="seconds before an rdflib query is given up"
    )
    ap.add_argument("--no-rdflib", dest="rdflib", action="store_false", help="skip the rdflib anchors")
    ap.add_argument("--no-viz", dest="viz", action="store_false", help="skip `kg viz`")
    ap.add_argument(
        "--work", type=Path, default=None, help="folder for the corpus and store (a temporary one)"
    )
    ap.add_argument("--keep", action="store_true", help="keep the corpus, files and store")
    ap.add_argument("--write", action="store_true", help="append the tables to benchmarks/RESULTS.md")
    args = ap.parse_args(argv)
    for n in args.documents or [1000]:
        text = run(n, args)
        print(text)
        if args.write:
            with RESULTS.open("a", encoding="utf-8") as f:
                f.write("\n" + text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
