"""What an agency answers for, and why: its tasks, role, deadline and field, each with the chain of
directives from the plan that assigns it up to the central one, quoting the texts at each step."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import networkx as nx

from kg.analysis.convert import PolicyGraphs
from kg.analysis.index import Quote, sorted_quotes
from kg.analysis.lookup import agencies, find_agencies
from kg.analysis.successors import Holder, body_pool, holders
from kg.analysis.trace import LineageLink, check_acyclic, make_link
from kg.errors import UnknownAgency
from kg.lexicon.gazetteer import resolve_agency
from kg.tabular import Tabular
from kg.text.strings import fold

Chain = tuple[LineageLink, ...]


@dataclass(frozen=True)
class Duty:
    """One task an agency answers for."""

    agency: str
    agency_label: str
    province: str | None
    task: str
    task_text: str
    role: str
    roles: tuple[str, ...]
    deadline: str | None
    fields: tuple[str, ...]  # field labels
    plan: str | None
    plan_label: str | None
    quotes: tuple[Quote, ...]  # every quote of the assignment and the task, in text order
    chains: tuple[Chain, ...]  # from the plan up to a root directive
    assignment_quotes: tuple[Quote, ...] = ()  # the assignment's evidence: agency as printed, deadline
    plan_fields: tuple[str, ...] = ()  # field labels the plan states (tasks may carry none of their own)
    now: tuple[Holder, ...] = ()  # the body (or bodies) holding the task on the answer's date


@dataclass(frozen=True)
class WhoResult(Tabular):
    """Every duty of the agencies a name matched."""

    query: str
    province: str | None
    agencies: tuple[tuple[str, str], ...]  # (IRI, label)
    duties: tuple[Duty, ...]
    as_of: str | None = None  # the date the "now" column answers for (None: after every known change)
    held_now: bool = False  # no task names the body as written: these are the tasks it holds today

    def to_records(self) -> list[dict[str, Any]]:
        """One row per duty; fields joined by "; ", quotes by " | "."""
        return [
            {
                "agency": d.agency,
                "agency_label": d.agency_label,
                "province": d.province,
                "role": d.role,
                "task": d.task,
                "task_text": d.task_text,
                "deadline": d.deadline,
                "fields": "; ".join(d.fields),
                "plan": d.plan,
                "plan_label": d.plan_label,
                "now": " | ".join(h.name for h in d.now),
                "now_basis": " | ".join(h.text() for h in d.now if h.steps),
                "quotes": " | ".join(q.text for q in d.quotes),
            }
            for d in self.duties
        ]


def directive_chains(lineage: nx.DiGraph, document: str) -> tuple[Chain, ...]:
    """Chains of ``implements`` edges from ``document`` up to documents that implement nothing further.

    Shortcuts (a chain whose documents all lie, in order, on a longer one) are left out. When the
    document implements nothing, ``based_on`` edges are followed instead.

    >>> g = nx.DiGraph()
    >>> for u, v in [("plan", "party"), ("party", "concl"), ("plan", "concl"), ("concl", "res")]:
    ...     g.add_edge(u, v, relation="implements", relations=["implements"], quotes=[])
    >>> [[link.target for link in c] for c in directive_chains(g, "plan")]
    [['party', 'concl', 'res']]
    """
    if document not in lineage:
        return ()
    view = _implements_view(lineage, document)
    reachable = nx.descendants(view, document) | {document}
    check_acyclic(view, reachable)
    sinks = sorted(n for n in reachable if n != document and view.out_degree(n) == 0)
    paths = [p for sink in sinks for p in nx.all_simple_paths(view, document, sink)]
    kept = [p for p in paths if not any(_is_shortcut(p, other) for other in paths if other is not p)]
    kept.sort(key=lambda p: (-len(p), [fold(str(lineage.nodes[n].get("label", n))) for n in p]))
    return tuple(tuple(make_link(lineage, u, v, lineage.edges[u, v]) for u, v in pairwise(p)) for p in kept)


def _implements_view(lineage: nx.DiGraph, document: str) -> nx.DiGraph:
    def implements(u: str, v: str) -> bool:
        return "implements" in lineage.edges[u, v].get("relations", [lineage.edges[u, v].get("relation")])

    view = nx.subgraph_view(lineage, filter_edge=implements)
    return view if view.out_degree(document) else lineage


def _is_shortcut(path: list[str], other: list[str]) -> bool:
    """True when ``path`` is a proper subsequence of ``other`` with the same ends."""
    if len(path) >= len(other) or path[0] != other[0] or path[-1] != other[-1]:
        return False
    rest = iter(other)
    return all(node in rest for node in path)


def who(
    graphs: PolicyGraphs, agency: str, province: str | None = None, as_of: str | None = None
) -> WhoResult:
    """Every task ``agency`` (name, abbreviation or IRI; optionally in ``province``) answers for, each with
    the body holding it now (or on ``as_of``, an ISO date).

    With ``as_of``, ``agency`` names a body as it stood that day (it may be one the reorganisation made):
    the tasks are those of every body whose work it held then, as the texts name them. Without it, a name
    no task carries as written but the reorganisation made (Bộ Nông nghiệp và Môi trường in a 2024 graph)
    answers with the tasks that body holds today (``held_now``).

    Raises kg.errors.UnknownAgency with the closest names when nothing matches.

    >>> from rdflib import Graph
    >>> from kg.analysis.convert import to_networkx
    >>> g = Graph().parse(format="turtle", data='''@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <urn:plan> a vpo:Plan ; rdfs:label "1/KH-UBND" ; vpo:implements <urn:res> .
    ... <urn:res> a vpo:Resolution ; rdfs:label "9-NQ/TW" .
    ... <urn:t1> a vpo:Task ; vpo:taskOf <urn:plan> ; vpo:taskText "Đầu tư phòng thí nghiệm" ;
    ...     vpo:deadlineText "Năm 2024-2025" .
    ... <urn:so> a vpo:Agency ; rdfs:label "Sở Khoa học và Công nghệ" ; vpo:leads <urn:t1> .''')
    >>> duty, = who(to_networkx(g), "so khcn").duties
    >>> duty.role, duty.deadline, [link.target_label for link in duty.chains[0]]
    ('lead', 'Năm 2024-2025', ['9-NQ/TW'])
    >>> who(to_networkx(g), "So Tai chinh")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnknownAgency: no task in the graph names 'Sở Tài chính', or a body whose work it holds now...
    >>> who(to_networkx(g), "Cuc Khong Co")  # a name no vocabulary lists
    Traceback (most recent call last):
    ...
    kg.errors.UnknownAgency: unknown agency 'Cuc Khong Co'. Did you mean: Sở Khoa học và Công nghệ?
    """
    resp = graphs.responsibility
    held_now = False
    if as_of:
        found = held_as_of(graphs, agency, province, as_of)
    else:
        found, held_now = as_written_or_held_now(graphs, agency, province)
    chains: dict[str, tuple[Chain, ...]] = {}
    duties = []
    for node in found:
        now = holders(graphs, node, as_of)
        for task in sorted(resp.successors(node)):
            plan = resp.nodes[task].get("plan")
            if plan and plan not in chains:
                chains[plan] = directive_chains(graphs.lineage, plan)
            duties.append(_duty(graphs, node, task, chains.get(plan or "", ()), now))
    duties.sort(key=lambda d: (fold(d.agency_label), fold(d.plan_label or ""), d.role != "lead", d.task))
    labels = tuple((n, str(resp.nodes[n].get("label") or n)) for n in found)
    return WhoResult(
        query=agency, province=province, agencies=labels, duties=tuple(duties), as_of=as_of, held_now=held_now
    )


def as_written_or_held_now(graphs: PolicyGraphs, agency: str, province: str | None) -> tuple[list[str], bool]:
    """The agencies named ``agency`` as the texts write it; when none is, those whose work the body of that
    name holds today (True). The first miss is what is raised when neither finds anything: its suggestions
    are names the texts use."""
    try:
        return find_agencies(graphs.responsibility, agency, province), False
    except UnknownAgency as missing:
        try:
            held = held_as_of(graphs, agency, province, None)
        except UnknownAgency:
            held = []
        if held:
            return held, True
        known = resolve_agency(agency, province)  # a listed body, just not in this graph: say so
        if known and "--" not in known.id:  # an open family's member ("Cục <X>") is no evidence of a body
            raise UnknownAgency(agency, missing.suggestions, known_as=known.name) from None
        raise


def held_as_of(graphs: PolicyGraphs, agency: str, province: str | None, as_of: str | None) -> list[str]:
    """The agencies with tasks whose work the body ``agency`` names held on ``as_of`` (None: today; the
    bodies named are taken as they stood that day: a name of a body that had gone by then means its
    holder)."""
    named = find_agencies(body_pool(graphs), agency, province)
    held = {h.agency for n in named for h in holders(graphs, n, as_of)}
    return [
        a for a in agencies(graphs.responsibility) if {h.agency for h in holders(graphs, a, as_of)} & held
    ]


def _duty(
    graphs: PolicyGraphs, agency: str, task: str, chains: tuple[Chain, ...], now: tuple[Holder, ...] = ()
) -> Duty:
    resp = graphs.responsibility
    a, t, edge = resp.nodes[agency], resp.nodes[task], resp.edges[agency, task]
    plan = t.get("plan")
    plan_label = graphs.lineage.nodes[plan].get("label", plan) if plan in graphs.lineage else plan
    return Duty(
        agency=agency,
        agency_label=a.get("label") or agency,
        province=a.get("province_label"),
        task=task,
        task_text=t.get("text") or t.get("label") or task,
        role=edge["role"],
        roles=tuple(edge["roles"]),
        deadline=edge.get("deadline") or t.get("deadline"),
        fields=tuple(t.get("field_labels") or ()),
        plan=plan,
        plan_label=plan_label,
        quotes=tuple(sorted_quotes([*edge.get("quotes", ()), *t.get("quotes", ())])),
        chains=chains,
        assignment_quotes=tuple(edge.get("quotes", ())),
        plan_fields=_plan_fields(graphs, plan),
        now=now,
    )


def _plan_fields(graphs: PolicyGraphs, plan: str | None) -> tuple[str, ...]:
    if plan not in graphs.lineage:
        return ()
    iris = graphs.lineage.nodes[plan].get("fields") or ()
    return tuple(sorted((graphs.field_labels.get(f, f) for f in iris), key=fold))
