"""The "now" of a trace: for each document on it, the bodies it names (its issuer, the agencies its tasks
name) that the 2025 reorganisation changed, each with the body holding its work today (or on a date) and
the change's legal basis (kg.analysis.successors). Names as written stay (NOTES.md G6)."""

from __future__ import annotations

from dataclasses import replace

from kg.analysis.convert import PolicyGraphs
from kg.analysis.successors import holders
from kg.analysis.trace import BodyNow, Trace
from kg.text.strings import fold


def with_now(graphs: PolicyGraphs, result: Trace, as_of: str | None = None) -> Trace:
    """``result`` with its ``now`` filled from ``graphs`` (lineage issuers, responsibility, successors)."""
    return replace(result, now=bodies_now(graphs, result, as_of), as_of=as_of)


def bodies_now(graphs: PolicyGraphs, result: Trace, as_of: str | None = None) -> tuple[BodyNow, ...]:
    """Every (document, body) of ``result`` whose body had changed by ``as_of`` (None: every change known),
    in the trace's document order, issuer first, then the agencies by name."""
    named = _named_by_plan(graphs)
    found = []
    for doc in result.nodes:
        issuer = graphs.lineage.nodes[doc.iri].get("issuer") if doc.iri in graphs.lineage else None
        bodies = [(issuer, "issuer")] if issuer else []
        bodies += [
            (a, "tasks") for a in sorted(named.get(doc.iri, ()), key=lambda a: fold(_label(graphs, a)))
        ]
        for agency, role in bodies:
            now = holders(graphs, agency, as_of)
            if any(h.steps for h in now):
                found.append(BodyNow(doc.iri, doc.label, agency, _label(graphs, agency), role, now))
    return tuple(found)


def _named_by_plan(graphs: PolicyGraphs) -> dict[str, set[str]]:
    """Plan → the agencies its tasks name (any role)."""
    resp = graphs.responsibility
    named: dict[str, set[str]] = {}
    for task, data in resp.nodes(data=True):
        if data.get("kind") == "task" and data.get("plan"):
            named.setdefault(data["plan"], set()).update(resp.predecessors(task))
    return named


def _label(graphs: PolicyGraphs, agency: str) -> str:
    for graph in (graphs.responsibility, graphs.successors):
        if agency in graph and graph.nodes[agency].get("label"):
            return str(graph.nodes[agency]["label"])
    lineage_issuers = (d for d in graphs.lineage.nodes.values() if d.get("issuer") == agency)
    return str(next((d.get("issuer_label") for d in lineage_issuers if d.get("issuer_label")), agency))
