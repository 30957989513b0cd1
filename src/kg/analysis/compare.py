"""Implementing plans side by side: fields covered and not, targets, lead agencies, tasks without a lead,
deadlines. "Not covered" is relative to the plans compared: a field another plan covers and this one
does not.

Lead agencies and provinces stay as the plans wrote them; beside them, the body leading the tasks and the
province the plan's province is part of today, or on a date (``as_of``): the 2025 reorganisation
(kg.analysis.successors). Compared "as merged", the plans are listed under the provinces of that day: the 63
before the mergers of 1/7/2025, the 34 after."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from kg.analysis.convert import PolicyGraphs
from kg.analysis.lookup import find_documents
from kg.analysis.successors import holders
from kg.lexicon.changes import place_key, provinces_on
from kg.tabular import Tabular
from kg.text.strings import fold


@dataclass(frozen=True)
class LeadCount:
    """An agency leading tasks of a plan, with how many."""

    agency: str
    label: str
    tasks: int
    now: str | None = None  # the body leading them today (or on the comparison's as_of), when it moved them


@dataclass(frozen=True)
class PlanSummary:
    """What one plan covers and who carries it out."""

    plan: str
    label: str
    identifier: str | None
    province: str | None
    level: str | None
    date: str | None
    task_count: int
    fields_covered: tuple[str, ...]  # field labels
    fields_missing: tuple[str, ...]
    targets: tuple[dict[str, Any], ...]
    leads: tuple[LeadCount, ...]
    tasks_without_lead: tuple[str, ...]  # task texts
    deadlines: tuple[tuple[str, int], ...]  # (deadline as printed, number of tasks)
    province_now: str | None = None  # the province the plan's province is part of today (or on as_of)


@dataclass(frozen=True)
class Comparison(Tabular):
    """Plans compared, with the union of their fields."""

    directive: str | None
    directive_label: str | None
    fields: tuple[str, ...]
    plans: tuple[PlanSummary, ...]
    # with as_merged: every province of today (or of as_of), with the plans of the provinces merged into it
    merged: tuple[tuple[str, tuple[str, ...]], ...] = ()
    as_of: str | None = None  # the day "now" answers for (ISO date; None: today)

    def to_records(self) -> list[dict[str, Any]]:
        """One row per plan; lists joined by "; ", leads as "agency (tasks)"."""
        return [
            {
                "plan": p.plan,
                "label": p.label,
                "identifier": p.identifier,
                "province": p.province,
                "province_now": p.province_now,
                "level": p.level,
                "date": p.date,
                "tasks": p.task_count,
                "fields_covered": "; ".join(p.fields_covered),
                "fields_missing": "; ".join(p.fields_missing),
                "leads": "; ".join(f"{lc.label} ({lc.tasks})" for lc in p.leads),
                "leads_now": "; ".join(f"{lc.now or lc.label} ({lc.tasks})" for lc in p.leads),
                "tasks_without_lead": len(p.tasks_without_lead),
            }
            for p in self.plans
        ]


def implementing_plans(graphs: PolicyGraphs, directive: str) -> list[str]:
    """Documents that implement ``directive`` (IRI), directly or through others, and whose text was read
    (ingested, or carrying tasks); sorted by province then label.

    >>> g = nx.DiGraph()
    >>> g.add_edge("plan", "party", relations=["implements"])
    >>> g.add_edge("party", "concl", relations=["implements"])
    >>> g.nodes["plan"].update(ingested=True, label="p"); g.nodes["party"].update(ingested=False, label="q")
    >>> implementing_plans(PolicyGraphs(g, nx.DiGraph()), "concl")
    ['plan']
    """
    lineage = graphs.lineage
    view = nx.subgraph_view(
        lineage, filter_edge=lambda u, v: "implements" in lineage.edges[u, v].get("relations", [])
    )
    below = nx.ancestors(view, directive) if directive in view else set()
    read = [n for n in below if lineage.nodes[n].get("ingested") or _tasks(graphs.responsibility, n)]
    return sorted(read, key=lambda n: _place_key(lineage.nodes[n]))


def _place_key(data: dict[str, Any]) -> tuple[str, str]:
    return (fold(data.get("province_label") or ""), fold(str(data.get("label") or "")))


def _tasks(resp: nx.DiGraph, plan: str) -> list[str]:
    if plan not in resp:
        return []
    return sorted(t for t in resp.predecessors(plan) if resp.nodes[t].get("kind") == "task")


def compare_implementing(
    graphs: PolicyGraphs, directive: str, as_merged: bool = False, as_of: str | None = None
) -> Comparison:
    """Compare every plan implementing ``directive`` (symbol, label or IRI); ``as_merged``: ordered by the
    province each plan's province is part of today, with every one of today's 34 provinces listed.
    ``as_of`` (ISO date) answers for that day instead of today: the bodies leading the tasks then, and with
    ``as_merged`` the provinces of that day (the 63 before 1/7/2025).

    >>> g = nx.DiGraph()
    >>> g.add_node("res", identifier="9-NQ/TW", label="9-NQ/TW")
    >>> for plan, province, field in [("a", "Hà Nam", "Y tế"), ("b", "Huế", "Nông nghiệp")]:
    ...     g.add_node(plan, label=plan, ingested=True, province_label=province, fields=[field])
    ...     g.add_edge(plan, "res", relations=["implements"])
    >>> cmp = compare_implementing(PolicyGraphs(g, nx.DiGraph()), "9-nq/tw")
    >>> [(p.province, p.fields_covered, p.fields_missing) for p in cmp.plans]
    [('Hà Nam', ('Y tế',), ('Nông nghiệp',)), ('Huế', ('Nông nghiệp',), ('Y tế',))]
    """
    found = find_documents(graphs.lineage, directive)
    plans = sorted(
        {p for d in found for p in implementing_plans(graphs, d)},
        key=lambda n: _place_key(graphs.lineage.nodes[n]),
    )
    label = ", ".join(str(graphs.lineage.nodes[d].get("label", d)) for d in found)
    result = _compare(graphs, plans, found[0] if len(found) == 1 else None, label, as_of)
    return _as_merged(result) if as_merged else result


def _as_merged(result: Comparison) -> Comparison:
    """Plans by the province of the comparison's day (each as it was written), and every province of that
    day with its plans: today's 34, or the 63 before the mergers of 1/7/2025.

    >>> plan = PlanSummary("p", "1/KH-UBND", None, "Nam Định", None, None, 0, (), (), (), (), (), ())
    >>> then = replace(plan, province_now="Nam Định")
    >>> before = _as_merged(Comparison(None, None, (), (then,), as_of="2025-06-30"))
    >>> len(before.merged), dict(before.merged)["Nam Định"], dict(before.merged)["Hà Nam"]
    (63, ('1/KH-UBND',), ())
    >>> after = _as_merged(Comparison(None, None, (), (replace(plan, province_now="Ninh Bình"),)))
    >>> len(after.merged), dict(after.merged)["Ninh Bình"]
    (34, ('1/KH-UBND',))
    """
    plans = sorted(result.plans, key=lambda p: (fold(p.province_now or ""), fold(p.province or ""), p.label))
    provinces = provinces_on(result.as_of)
    by_day: dict[str, list[str]] = {place_key(name): [] for name in provinces}
    for p in plans:
        by_day.setdefault(place_key(p.province_now or ""), []).append(p.label)
    names = {place_key(n): n for n in provinces}
    merged = tuple((names.get(k, k), tuple(v)) for k, v in by_day.items() if k)
    return replace(result, plans=tuple(plans), merged=merged)


def compare_documents(graphs: PolicyGraphs, documents: list[str], as_of: str | None = None) -> Comparison:
    """Compare the named documents (symbols, labels or IRIs) side by side; ``as_of`` (ISO date): the bodies
    leading their tasks on that day instead of today.

    >>> g = nx.DiGraph()
    >>> g.add_node("a", identifier="1/KH-UBND", label="1/KH-UBND (Huế)", date="2024-05")
    >>> g.add_node("b", identifier="2/KH-UBND", label="2/KH-UBND (Hà Nam)", date="2024-06-01")
    >>> cmp = compare_documents(PolicyGraphs(g, nx.DiGraph()), ["2/KH-UBND", "1/KH-UBND"])
    >>> [(p.label, p.date) for p in cmp.plans]
    [('2/KH-UBND (Hà Nam)', '2024-06-01'), ('1/KH-UBND (Huế)', '2024-05')]
    """
    plans = [p for d in documents for p in find_documents(graphs.lineage, d)]
    return _compare(graphs, list(dict.fromkeys(plans)), None, None, as_of)


def _compare(
    graphs: PolicyGraphs, plans: list[str], directive: str | None, label: str | None, as_of: str | None = None
) -> Comparison:
    covered = {p: _fields(graphs, p) for p in plans}
    universe = sorted({f for fs in covered.values() for f in fs}, key=fold)
    summaries = tuple(_summary(graphs, p, covered[p], universe, as_of) for p in plans)
    return Comparison(
        directive=directive, directive_label=label, fields=tuple(universe), plans=summaries, as_of=as_of
    )


def _fields(graphs: PolicyGraphs, plan: str) -> set[str]:
    resp, labels = graphs.responsibility, graphs.field_labels
    iris = set(graphs.lineage.nodes[plan].get("fields") or ())
    for task in _tasks(resp, plan):
        iris.update(resp.nodes[task].get("fields") or ())
    return {labels.get(f, f) for f in iris}


def _summary(
    graphs: PolicyGraphs, plan: str, covered: set[str], universe: list[str], as_of: str | None = None
) -> PlanSummary:
    resp, data = graphs.responsibility, graphs.lineage.nodes[plan]
    tasks = _tasks(resp, plan)
    leads: Counter[str] = Counter()
    unled: list[str] = []
    deadlines: Counter[str] = Counter()
    for task in tasks:
        leaders = [a for a in resp.predecessors(task) if resp.edges[a, task].get("role") == "lead"]
        leads.update(leaders)
        if not leaders:
            unled.append(resp.nodes[task].get("text") or task)
        if resp.nodes[task].get("deadline"):
            deadlines[resp.nodes[task]["deadline"]] += 1
    return PlanSummary(
        plan=plan,
        label=str(data.get("label") or plan),
        identifier=data.get("identifier"),
        province=data.get("province_label"),
        level=data.get("level"),
        date=data.get("date"),
        task_count=len(tasks),
        fields_covered=tuple(sorted(covered, key=fold)),
        fields_missing=tuple(f for f in universe if f not in covered),
        targets=_distinct_targets(data.get("targets") or ()),
        leads=_lead_counts(graphs, leads, as_of),
        tasks_without_lead=tuple(sorted(unled, key=fold)),
        deadlines=tuple(sorted(deadlines.items(), key=lambda kv: (-kv[1], fold(kv[0])))),
        province_now=_province_now(graphs, data, as_of),
    )


def _province_now(graphs: PolicyGraphs, data: dict[str, Any], as_of: str | None = None) -> str | None:
    """The province a plan's province is part of today or on ``as_of`` (itself when no merger touched it
    by then)."""
    node = data.get("jurisdiction")
    if not node:
        return data.get("province_label")
    now = holders(graphs, node, as_of)
    return now[0].label if now and now[0].steps else data.get("province_label")


def _distinct_targets(targets: Any) -> tuple[dict[str, Any], ...]:
    """Targets once each (two statements of the same target read the same), in the order given."""
    seen: dict[str, dict[str, Any]] = {}
    for t in targets:
        seen.setdefault(target_text(t), t)
    return tuple(seen.values())


def _lead_counts(
    graphs: PolicyGraphs, leads: Counter[str], as_of: str | None = None
) -> tuple[LeadCount, ...]:
    resp = graphs.responsibility
    rows = [
        LeadCount(a, str(resp.nodes[a].get("label") or a), n, _now(graphs, a, as_of))
        for a, n in leads.items()
    ]
    return tuple(sorted(rows, key=lambda r: (-r.tasks, fold(r.label))))


def _now(graphs: PolicyGraphs, agency: str, as_of: str | None = None) -> str | None:
    """The bodies holding ``agency``'s work today (or on ``as_of``), when the reorganisation had moved it."""
    moved = [h.name for h in holders(graphs, agency, as_of) if h.steps]
    return " | ".join(moved) or None


def target_text(target: dict[str, Any]) -> str:
    """A target on one line: indicator, comparator and value (or range), unit, year.

    >>> target_text({"indicator": "tỷ lệ", "value": 30.0, "comparator": ">=", "unit": "%", "year": 2030})
    'tỷ lệ: ≥30% (2030)'
    >>> target_text({"indicator": "hỗ trợ doanh nghiệp", "min": 20.0, "max": 30.0, "unit": "doanh nghiệp"})
    'hỗ trợ doanh nghiệp: 20–30 doanh nghiệp'
    """
    value, low, high = target.get("value"), target.get("min"), target.get("max")
    if value is not None:
        amount = f"{_COMPARATORS.get(target.get('comparator') or '', '')}{value:g}"
    elif low is not None or high is not None:
        amount = "–".join(f"{v:g}" for v in (low, high) if v is not None)
    else:
        amount = ""
    unit = target.get("unit") or ""
    if amount and unit:
        amount += unit if unit == "%" else f" {unit}"  # "30%", but "2 nhãn hiệu"
    year = f" ({target['year']})" if target.get("year") else ""
    return f"{target.get('indicator') or '?'}: {amount}{year}".strip().rstrip(":")


_COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "", "~": "≈", "range": ""}
