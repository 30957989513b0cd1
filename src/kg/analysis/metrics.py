"""Network measures of responsibility and lineage: workload, brokers, lineage depth, gaps, communities."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from kg.analysis.convert import PolicyGraphs, Unresolved
from kg.analysis.matching import same_place
from kg.analysis.trace import check_acyclic
from kg.text.strings import fold


@dataclass(frozen=True)
class Workload:
    """How many tasks an agency leads and coordinates."""

    agency: str
    label: str
    province: str | None
    lead: int
    coordinate: int
    other: int  # standing body, reports to, funds, unknown

    @property
    def total(self) -> int:
        """All tasks the agency is assigned, in any role."""
        return self.lead + self.coordinate + self.other


@dataclass(frozen=True)
class Broker:
    """An agency on many shortest paths between others in the coordination network."""

    agency: str
    label: str
    province: str | None
    betweenness: float
    partners: int


@dataclass(frozen=True)
class Depth:
    """How many implements-steps separate a plan from its furthest root directive."""

    document: str
    label: str
    province: str | None
    depth: int


@dataclass(frozen=True)
class AgencyGap:
    """An agency of one province (its IRI is scoped by province) that only ever coordinates, and on how many
    tasks: "Sở Tài chính" of Kon Tum may only coordinate while those of other provinces lead."""

    agency: str
    label: str
    province: str | None
    tasks: int

    @property
    def name(self) -> str:
        """The label with its province, unless the label already names it ("Sở Tài chính (Kon Tum)")."""
        return place_name(self.label, self.province)


@dataclass(frozen=True)
class Gaps:
    """Where responsibility or lineage is missing."""

    tasks_without_lead: tuple[tuple[str, str], ...]  # (plan label, task text)
    directives_without_plan: tuple[str, ...]  # labels
    unresolved_references: tuple[Unresolved, ...]
    coordinate_only: tuple[AgencyGap, ...]  # by agency and province


@dataclass(frozen=True)
class Community:
    """Agencies and fields that hang together in the agency–field graph."""

    agencies: tuple[str, ...]  # labels
    fields: tuple[str, ...]  # labels
    agency_iris: tuple[str, ...] = ()  # the agencies' IRIs, in the order of ``agencies``


def _label(graph: nx.DiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)


def _agencies(resp: nx.DiGraph) -> list[str]:
    return sorted(n for n, kind in resp.nodes(data="kind") if kind == "agency")


def workload(resp: nx.DiGraph) -> list[Workload]:
    """Tasks per agency by role, busiest first.

    >>> g = nx.DiGraph()
    >>> g.add_node("a", kind="agency", label="A"); g.add_node("b", kind="agency", label="B")
    >>> g.add_edge("a", "t1", role="lead"); g.add_edge("a", "t2", role="coordinate")
    >>> g.add_edge("b", "t1", role="coordinate")
    >>> [(w.label, w.lead, w.coordinate, w.total) for w in workload(g)]
    [('A', 1, 1, 2), ('B', 0, 1, 1)]
    """
    rows = []
    for agency in _agencies(resp):
        roles = [resp.edges[agency, t].get("role") for t in resp.successors(agency)]
        lead, coord = roles.count("lead"), roles.count("coordinate")
        rows.append(
            Workload(agency, _label(resp, agency), resp.nodes[agency].get("province_label"), lead, coord,
                     len(roles) - lead - coord)
        )  # fmt: skip
    return sorted(rows, key=lambda w: (-w.total, -w.lead, fold(w.label)))


def coordination_network(resp: nx.DiGraph) -> nx.Graph:
    """Agencies linked when they share a task; ``weight`` counts the shared tasks.

    >>> g = nx.DiGraph()
    >>> for a in "abc": g.add_node(a, kind="agency")
    >>> g.add_node("t", kind="task"); g.add_edges_from([("a", "t"), ("b", "t")])
    >>> sorted(coordination_network(g).edges(data="weight"))
    [('a', 'b', 1)]
    """
    net = nx.Graph()
    net.add_nodes_from((a, resp.nodes[a]) for a in _agencies(resp))  # labels, province: exports show them
    tasks = sorted(n for n, kind in resp.nodes(data="kind") if kind == "task")
    for task in tasks:
        crew = sorted(a for a in resp.predecessors(task) if resp.nodes[a].get("kind") == "agency")
        for a, b in combinations(crew, 2):
            weight = net.edges[a, b]["weight"] + 1 if net.has_edge(a, b) else 1
            net.add_edge(a, b, weight=weight)
    return net


# Exact betweenness is O(n·m); above this many agencies it is estimated from this many sampled sources.
EXACT_BETWEENNESS_LIMIT = 2000
BETWEENNESS_SAMPLES = 500


def brokers(resp: nx.DiGraph, limit: int | None = None, seed: int = 0) -> list[Broker]:
    """Agencies by betweenness centrality in the coordination network (unweighted, normalised), highest first;
    only those that bridge anyone (betweenness > 0).

    Above EXACT_BETWEENNESS_LIMIT agencies (a national graph) the centrality is estimated from
    BETWEENNESS_SAMPLES source agencies drawn with ``seed``, so the same graph gives the same ranking.

    >>> g = nx.DiGraph()
    >>> for a in "abc": g.add_node(a, kind="agency", label=a.upper())
    >>> for t in ("t1", "t2"): g.add_node(t, kind="task")
    >>> g.add_edges_from([("a", "t1"), ("b", "t1"), ("b", "t2"), ("c", "t2")])
    >>> [(b.label, b.betweenness, b.partners) for b in brokers(g)]
    [('B', 1.0, 2)]
    """
    net = coordination_network(resp)
    size = net.number_of_nodes()
    k = min(BETWEENNESS_SAMPLES, size) if size > EXACT_BETWEENNESS_LIMIT else None
    centrality = nx.betweenness_centrality(net, k=k, normalized=True, seed=seed)
    rows = [
        Broker(a, _label(resp, a), resp.nodes[a].get("province_label"), round(c, 6), net.degree(a))
        for a, c in centrality.items()
        if c > 0
    ]
    rows.sort(key=lambda b: (-b.betweenness, fold(b.label)))
    return rows[:limit] if limit else rows


def lineage_depth(graphs: PolicyGraphs) -> list[Depth]:
    """For every document whose text was read, the longest chain of implements edges above it.

    Raises kg.errors.LineageCycle if the implements edges form a cycle.

    >>> g = nx.DiGraph()
    >>> g.add_edge("plan", "party", relations=["implements"])
    >>> g.add_edge("party", "res", relations=["implements"])
    >>> g.add_edge("plan", "law", relations=["based_on"])
    >>> for n in g: g.nodes[n].update(label=n, ingested=n == "plan")
    >>> [(d.label, d.depth) for d in lineage_depth(PolicyGraphs(g, nx.DiGraph()))]
    [('plan', 2)]
    """
    lineage = graphs.lineage
    view = nx.subgraph_view(
        lineage, filter_edge=lambda u, v: "implements" in lineage.edges[u, v].get("relations", [])
    )
    check_acyclic(view)
    depth: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(view))):  # successors (directives) first
        depth[node] = 1 + max((depth[s] for s in view.successors(node)), default=-1)
    read = [n for n, ingested in lineage.nodes(data="ingested") if ingested]
    rows = [Depth(n, _label(lineage, n), lineage.nodes[n].get("province_label"), depth[n]) for n in read]
    return sorted(rows, key=lambda d: (-d.depth, fold(d.province or ""), fold(d.label)))


def _implemented(lineage: nx.DiGraph, doc: str) -> bool:
    return any("implements" in lineage.edges[p, doc].get("relations", []) for p in lineage.predecessors(doc))


def _carries_out(lineage: nx.DiGraph, doc: str) -> bool:
    """A decision that itself carries out another document is the implementing end of a chain (e.g. a
    decision issuing a plan: Kon Tum's 1466/QĐ-UBND "ban hành Kế hoạch triển khai thực hiện Kết luận số
    50-KL/TW"), not a directive waiting for plans, whether its own text was read or only cited."""
    return any("implements" in lineage.edges[doc, s].get("relations", []) for s in lineage.successors(doc))


def gaps(graphs: PolicyGraphs) -> Gaps:
    """Tasks with no lead, directives nothing implements, references resolving to nothing, and agencies
    that only ever coordinate.

    >>> g, r = nx.DiGraph(), nx.DiGraph()
    >>> g.add_node("res", label="9-NQ/TW", directive=True)
    >>> g.add_node("plan", label="1/KH-UBND", ingested=True)
    >>> r.add_node("t", kind="task", text="Bố trí kinh phí", plan="plan")
    >>> r.add_node("a", kind="agency", label="Sở Tài chính"); r.add_edge("a", "t", role="coordinate")
    >>> found = gaps(PolicyGraphs(g, r))
    >>> r.nodes["a"]["province_label"] = "Kon Tum"
    >>> found = gaps(PolicyGraphs(g, r))
    >>> found.tasks_without_lead, found.directives_without_plan, [a.name for a in found.coordinate_only]
    ((('1/KH-UBND', 'Bố trí kinh phí'),), ('9-NQ/TW',), ['Sở Tài chính (Kon Tum)'])
    """
    resp, lineage = graphs.responsibility, graphs.lineage
    unled = []
    for task in sorted(n for n, kind in resp.nodes(data="kind") if kind == "task"):
        if not any(resp.edges[a, task].get("role") == "lead" for a in resp.predecessors(task)):
            plan = resp.nodes[task].get("plan")
            unled.append(
                (_label(lineage, plan) if plan in lineage else "", str(resp.nodes[task].get("text") or task))
            )
    orphans = [
        _label(lineage, d)
        for d, is_directive in lineage.nodes(data="directive")
        if is_directive and not _implemented(lineage, d) and not _carries_out(lineage, d)
    ]
    only_coord = [
        AgencyGap(w.agency, w.label, w.province, w.coordinate)
        for w in workload(resp)
        if w.coordinate and not w.lead and not w.other
    ]
    return Gaps(
        tasks_without_lead=tuple(sorted(unled, key=lambda r: (fold(r[0]), fold(r[1])))),
        directives_without_plan=tuple(sorted(orphans, key=fold)),
        unresolved_references=graphs.unresolved,
        coordinate_only=tuple(sorted(only_coord, key=lambda a: (fold(a.label), fold(a.province or "")))),
    )


def task_fields(graphs: PolicyGraphs, task: str, inherit: bool = False) -> list[str]:
    """The fields of ``task``; with ``inherit``, those of its plan when the task states none."""
    found = list(graphs.responsibility.nodes[task].get("fields") or ())
    plan = graphs.responsibility.nodes[task].get("plan")
    if not found and inherit and plan in graphs.lineage:
        found = list(graphs.lineage.nodes[plan].get("fields") or ())
    return found


def tasks_carry_fields(graphs: PolicyGraphs) -> bool:
    """True when at least one task states its own field (else fields are known only per plan)."""
    return any(kind == "task" and f for _, kind, f in _node_pairs(graphs.responsibility, "fields"))


def _node_pairs(graph: nx.DiGraph, attr: str) -> list[tuple[str, str, object]]:
    return [(n, d.get("kind"), d.get(attr)) for n, d in graph.nodes(data=True)]


def agency_field_graph(graphs: PolicyGraphs, inherit: bool | None = None) -> nx.Graph:
    """Bipartite graph of agencies and fields; ``weight`` counts the agency's tasks in the field.

    A task's field is its own; with ``inherit`` (default: only when no task of the graph states a field,
    as when fields are read from a plan's "Lĩnh vực ..." headings) a task without one counts in every
    field its plan states. The graph's ``basis`` attribute says which: "task" or "plan".

    >>> g, r = nx.DiGraph(), nx.DiGraph()
    >>> g.add_node("plan", fields=["f:agri"])
    >>> r.add_node("t", kind="task", plan="plan"); r.add_node("a", kind="agency", label="Sở NN")
    >>> r.add_edge("a", "t", role="lead")
    >>> net = agency_field_graph(PolicyGraphs(g, r, {"f:agri": "Nông nghiệp"}))
    >>> net.graph["basis"], list(net.edges(data="weight"))
    ('plan', [('a', 'f:agri', 1)])
    """
    resp = graphs.responsibility
    inherit = not tasks_carry_fields(graphs) if inherit is None else inherit
    net = nx.Graph(basis="plan" if inherit else "task")
    for agency in _agencies(resp):
        for task in sorted(resp.successors(agency)):
            for f in task_fields(graphs, task, inherit):
                net.add_node(agency, kind="agency", label=_label(resp, agency),
                             province=resp.nodes[agency].get("province_label"))  # fmt: skip
                net.add_node(f, kind="field", label=graphs.field_labels.get(f, f))
                weight = net.edges[agency, f]["weight"] + 1 if net.has_edge(agency, f) else 1
                net.add_edge(agency, f, weight=weight)
    return net


def place_name(label: str, province: str | None) -> str:
    """An agency's label with its province, since every province has a "Sở Y tế".

    >>> place_name("Sở Y tế", "Kon Tum"), place_name("Sở Y tế tỉnh Kon Tum", "Kon Tum")
    ('Sở Y tế (Kon Tum)', 'Sở Y tế tỉnh Kon Tum')
    >>> place_name("Bộ Y tế", None)
    'Bộ Y tế'
    """
    return f"{label} ({province})" if province and not same_place(province, label) else label


def agency_name(net: nx.Graph, node: str) -> str:
    """An agency's label with its province (``place_name``) in the agency–field graph."""
    data = net.nodes[node]
    return place_name(str(data["label"]), data.get("province"))


def communities(graphs: PolicyGraphs) -> list[Community]:
    """Communities of the agency–field graph (greedy modularity, deterministic), largest first.

    >>> g, r = nx.DiGraph(), nx.DiGraph()
    >>> for i, (agency, field) in enumerate([("Sở Y tế", "y"), ("Bệnh viện", "y"), ("Sở NN", "n")]):
    ...     r.add_node(agency, kind="agency", label=agency); r.add_node(i, kind="task", fields=[field])
    ...     r.add_edge(agency, i, role="lead")
    >>> [(c.agencies, c.fields) for c in communities(PolicyGraphs(g, r, {"y": "Y tế", "n": "Nông nghiệp"}))]
    [(('Bệnh viện', 'Sở Y tế'), ('Y tế',)), (('Sở NN',), ('Nông nghiệp',))]
    """
    net = agency_field_graph(graphs)
    if net.number_of_edges() == 0:
        return []
    found = nx.community.greedy_modularity_communities(net, weight="weight")
    rows = []
    for group in found:
        named = sorted(
            ((agency_name(net, n), n) for n in group if net.nodes[n]["kind"] == "agency"),
            key=lambda pair: (fold(pair[0]), pair[1]),
        )
        fields = sorted((net.nodes[n]["label"] for n in group if net.nodes[n]["kind"] == "field"), key=fold)
        rows.append(Community(tuple(a for a, _ in named), tuple(fields), tuple(n for _, n in named)))
    return sorted(
        rows, key=lambda c: (-len(c.agencies) - len(c.fields), [fold(x) for x in c.fields + c.agencies])
    )
