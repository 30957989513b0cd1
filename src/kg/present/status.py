"""The account printed by `kg status` (and at the end of `make run`): what the graph holds and how to use it.

``chains(store)`` lists the lineage chains ending at each document read in full, root first, e.g.
"20-NQ/TW → 69-KL/TW → 116-KH/TU → 4655/KH-UBND (Lâm Đồng)". ``account(store, store_dir)`` is the text.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.analysis.chains import implementation_chains
from kg.paths import DATA_DIR, ROOT, VIS_DIR
from kg.store import ASSERTED_GRAPH, INFERRED_GRAPH, count, select

_VPO = (
    "PREFIX vpo: <https://w3id.org/vn-policy-kg/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
MAX_CHAINS = 12

_PROBLEMS = {
    "documents cited but not in the corpus": "SELECT (COUNT(?d) AS ?n) WHERE { ?d vpo:ingested false }",
    "tasks with no lead agency": "SELECT (COUNT(?t) AS ?n) WHERE { ?t a vpo:Task "
    "FILTER NOT EXISTS { ?a vpo:leads ?t } }",
    "assignments without a source span": "SELECT (COUNT(?a) AS ?n) WHERE { ?a a vpo:Assignment "
    "FILTER NOT EXISTS { ?a vpo:evidence ?e } }",
    "lineage statements without a source span": "SELECT (COUNT(?s) AS ?n) WHERE { ?s a vpo:LineageStatement "
    "FILTER NOT EXISTS { ?s vpo:evidence ?e } }",
    "documents without an issue date": "SELECT (COUNT(?d) AS ?n) WHERE { ?d vpo:ingested ?i "
    "FILTER NOT EXISTS { ?d vpo:dateIssued ?x } }",
}


def class_counts(store: ox.Store) -> list[tuple[str, int]]:
    """Asserted instances per class (local name), most numerous first."""
    q = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c"
    _, rows = select(store, q, [str(ASSERTED_GRAPH)])
    counts = [(r["c"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], int(r["n"].value)) for r in rows]
    return sorted(counts, key=lambda x: (-x[1], x[0]))


def chain_iris(store: ox.Store) -> list[tuple[str, ...]]:
    """Every implements-chain (IRIs, root first) from a root down to a document read in full that nothing
    else implements (kg.analysis.chains, as the views' chain strips)."""
    _, rows = select(store, _VPO + "SELECT ?a ?b WHERE { ?a vpo:implements ?b }", [str(ASSERTED_GRAPH)])
    pairs = [(r["a"].value, r["b"].value) for r in rows]
    _, rows = select(
        store,
        _VPO + "SELECT ?d WHERE { ?d vpo:ingested true ; rdfs:label ?l "
        "FILTER NOT EXISTS { ?x vpo:implements ?d } }",
        [str(ASSERTED_GRAPH)],
    )
    return implementation_chains(pairs, (r["d"].value for r in rows))


def chains(store: ox.Store) -> list[list[str]]:
    """The chains of ``chain_iris`` by label, longest first."""
    labels = _labels(store)
    out = [[labels.get(d, d) for d in chain] for chain in chain_iris(store)]
    return sorted(out, key=lambda p: (-len(p), p))


def _labels(store: ox.Store) -> dict[str, str]:
    _, rows = select(
        store, _VPO + "SELECT ?d ?l WHERE { ?d vpo:ingested ?i ; rdfs:label ?l }", [str(ASSERTED_GRAPH)]
    )
    return {r["d"].value: r["l"].value for r in rows}


def problems(store: ox.Store) -> list[tuple[str, int]]:
    """Counts of the things a reader should know are missing or doubtful."""
    out = []
    for name, q in _PROBLEMS.items():
        _, rows = select(store, _VPO + q, [str(ASSERTED_GRAPH)])
        out.append((name, int(rows[0]["n"].value) if rows else 0))
    return out


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def account(store: ox.Store, store_dir: Path, out_dir: Path = DATA_DIR, kg: str = "kg") -> str:
    """The whole account as text; ``out_dir`` is where the build wrote its files (`kg build --out-dir`),
    ``kg`` how the reader runs the command (``.venv/bin/kg`` when it is not on their PATH)."""
    lines = [
        f"Graph: {count(store, str(ASSERTED_GRAPH))} asserted triples, "
        f"{count(store, str(INFERRED_GRAPH))} inferred (kept in their own named graph)."
    ]
    lines.append("By class: " + ", ".join(f"{name} {n}" for name, n in class_counts(store)))
    found = chains(store)
    lines.append(f"Lineage chains ({len(found)}):")
    lines += [f"  {' → '.join(c)}" for c in found[:MAX_CHAINS]]
    if len(found) > MAX_CHAINS:
        lines.append(f"  ... and {len(found) - MAX_CHAINS} more (kg query lineage-down --param doc=...)")
    lines.append("Problems found:")
    lines += [f"  {n:5d}  {name}" for name, n in problems(store)]
    lines.append(
        "Outputs: "
        + ", ".join(_rel(out_dir / f) for f in ("kg.ttl", "kg.jsonld", "kg.nt", "kg-inferred.ttl"))
    )
    lines.append(f"  store {_rel(store_dir)}")
    lines.append(f"Views: open {_rel(VIS_DIR)}/index.html in a browser (works offline)")
    lines.append("Next:")
    lines += [f"  {kg} {command:<44} {why}" for command, why in NEXT_STEPS]
    return "\n".join(lines)


# what a reader can do after the account, one command a line
NEXT_STEPS = (
    ("validate", "SHACL shapes + QC queries on the graph"),
    ("queries", "the named researcher questions"),
    ("query directive-chain --param doc=<number>", "a directive down to tasks and agencies"),
    ("serve", "SPARQL endpoint + query UI on 127.0.0.1"),
    ("push --endpoint URL", "upload to another SPARQL 1.1 server"),
)
