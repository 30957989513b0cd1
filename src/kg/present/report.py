"""The analysis report: one self-contained, offline HTML page (visualizations/report.html).

``render_report(graphs)`` returns the HTML text: lineage chains with their quotes, the comparison of plans
implementing each directive, the metrics tables, and static plots (agency × field heatmap, workload bars,
lineage depth) as PNG data URIs. Nothing is fetched at view time. The same graph gives the same bytes:
plots are drawn with the Agg backend, fixed sizes, DejaVu Sans (ships with matplotlib, renders Vietnamese)
and no PNG metadata.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg import __version__
from kg.analysis import compare, metrics
from kg.analysis.convert import Names, PolicyGraphs
from kg.analysis.who import directive_chains
from kg.text.strings import fold

TEMPLATES = Path(__file__).parent / "templates"
_TOP_AGENCIES = 25  # plots stay legible; the tables list everyone
# The counts' names in Vietnamese (the English are _counts' keys).
COUNT_NAMES = {
    "documents": "văn bản",
    "lineage edges": "quan hệ dòng chảy",
    "agencies": "cơ quan",
    "tasks": "nhiệm vụ",
    "assignments": "phân công",
}
_STYLE: Any = {"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "kg", "figure.dpi": 100}


def _png(fig: Figure) -> str:
    """The figure as a base64 PNG data URI, without the metadata that would make bytes differ."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=130, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def heatmap(graphs: PolicyGraphs) -> str | None:
    """Agency × field task counts (busiest agencies), or None when no task has a field."""
    net = metrics.agency_field_graph(graphs)
    agencies = sorted(
        (n for n, k in net.nodes(data="kind") if k == "agency"), key=lambda n: -net.degree(n, weight="weight")
    )
    agencies = sorted(agencies[:_TOP_AGENCIES], key=lambda n: fold(metrics.agency_name(net, n)))
    fields = sorted(
        (n for n, k in net.nodes(data="kind") if k == "field"), key=lambda n: fold(net.nodes[n]["label"])
    )
    if not agencies or not fields:
        return None
    names = {a: metrics.agency_name(net, a) for a in agencies}
    counts = [[net.edges[a, f]["weight"] if net.has_edge(a, f) else 0 for f in fields] for a in agencies]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(max(6.0, 1.2 + 0.7 * len(fields)), 1.0 + 0.3 * len(agencies)))
        image = ax.imshow(counts, cmap="Blues", aspect="auto")
        ax.set_xticks(
            range(len(fields)), [_short(net.nodes[f]["label"], 30) for f in fields], rotation=45, ha="right"
        )
        ax.set_yticks(range(len(agencies)), [_short(names[a], 60) for a in agencies])
        top = max(max(row) for row in counts)
        for i, row in enumerate(counts):
            for j, value in enumerate(row):
                if value:  # white on the dark cells so the number stays readable
                    colour = "white" if value > top / 2 else "black"
                    ax.text(j, i, str(value), ha="center", va="center", fontsize=7, color=colour)
        fig.colorbar(image, ax=ax, label="tasks")
        basis = "" if net.graph.get("basis") == "task" else "\n(field of the task's plan: tasks state none)"
        ax.set_title(f"Tasks per agency and field{basis}")
        return _png(fig)


def workload_bars(rows: Sequence[metrics.Workload]) -> str | None:
    """Stacked bars of lead / coordinate tasks for the busiest agencies."""
    top = list(rows[:_TOP_AGENCIES])[::-1]
    if not top:
        return None
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7, 1.0 + 0.28 * len(top)))
        labels = [_short(f"{w.label} ({w.province})" if w.province else w.label, 60) for w in top]
        ax.barh(labels, [w.lead for w in top], color="#1f77b4", label="lead")
        ax.barh(
            labels,
            [w.coordinate for w in top],
            left=[w.lead for w in top],
            color="#ff7f0e",
            label="coordinate",
        )
        if any(w.other for w in top):  # standing body, reports to, funds: drawn, so totals match the table
            ax.barh(
                labels,
                [w.other for w in top],
                left=[w.lead + w.coordinate for w in top],
                color="#9e9e9e",
                label="other role",
            )
        ax.set_xlabel("tasks")
        ax.legend(loc="lower right")
        ax.set_title("Agency workload")
        return _png(fig)


def depth_bars(rows: Sequence[metrics.Depth]) -> str | None:
    """Lineage depth of every plan whose text was read."""
    if not rows:
        return None
    ordered = list(rows)[::-1]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7, 1.0 + 0.3 * len(ordered)))
        ax.barh([_short(d.label, 60) for d in ordered], [d.depth for d in ordered], color="#2ca02c")
        ax.set_xlabel("implements-steps to the furthest root directive")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title("Lineage depth per plan")
        return _png(fig)


def chains(graphs: PolicyGraphs) -> list[dict[str, Any]]:
    """For every document whose text was read, its chains of directives with quotes."""
    lineage = graphs.lineage
    read = sorted(
        (n for n, ingested in lineage.nodes(data="ingested") if ingested),
        key=lambda n: (
            fold(lineage.nodes[n].get("province_label") or ""),
            fold(str(lineage.nodes[n]["label"])),
        ),
    )
    anchors: dict[tuple[str, str], str] = {}
    out = []
    for n in read:
        steps = [[_step(link, anchors) for link in chain] for chain in directive_chains(lineage, n)]
        out.append({"label": lineage.nodes[n]["label"], "chains": steps})
    return out


def _step(link: Any, anchors: dict[tuple[str, str], str]) -> dict[str, Any]:
    """A chain's step, quoted where it first appears and linked to there after: the many plans of a
    directive share its upper steps, and quoting them again per chain made the report grow with the
    square of the corpus (issue 15: 74 MB at 1,000 documents)."""
    key = (link.source, link.target)
    first = key not in anchors
    if first:
        anchors[key] = f"step-{len(anchors) + 1}"
    return {"link": link, "anchor": anchors[key], "first": first}


def comparisons(graphs: PolicyGraphs) -> list[compare.Comparison]:
    """One comparison per directive that plans implement; a directive whose plans were shown is skipped."""
    lineage, seen = graphs.lineage, set()
    found: list[tuple[tuple[str, ...], compare.Comparison]] = []
    directives = [n for n, is_directive in lineage.nodes(data="directive") if is_directive]
    by_plans = [(compare.implementing_plans(graphs, d), d) for d in directives]
    by_plans.sort(
        key=lambda pd: (
            -len(pd[0]),
            -_level_rank(lineage.nodes[pd[1]]),
            fold(str(lineage.nodes[pd[1]]["label"])),
        )
    )
    also: dict[tuple[str, ...], list[str]] = {}
    for plans, directive in by_plans:
        if plans and tuple(plans) in seen:
            also[tuple(plans)].append(str(lineage.nodes[directive]["label"]))
        elif plans:
            seen.add(tuple(plans))
            also[tuple(plans)] = []
            found.append((tuple(plans), compare.compare_implementing(graphs, directive)))
    # one table per set of plans, headed by every directive those plans carry out (69-KL/TW and 20-NQ/TW)
    return [
        replace(c, directive_label=", ".join([c.directive_label or "", *sorted(also[p], key=fold)]))
        for p, c in found
    ]


def _level_rank(data: dict[str, Any]) -> int:
    """Closer directives first among equals: a conclusion before the resolution it continues."""
    return 0 if data.get("level") == "central" else 1


def render_report(graphs: PolicyGraphs) -> str:
    """The report's HTML for ``graphs``."""
    workload = metrics.workload(graphs.responsibility)
    depth = metrics.lineage_depth(graphs)
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    env.filters["target"] = compare.target_text
    english = english_names(graphs)
    env.filters["name"] = lambda label: name_html(label, english)
    return env.get_template("report.html.j2").render(
        version=__version__,
        counts=_counts(graphs),
        count_names=COUNT_NAMES,
        chains=chains(graphs),
        comparisons=comparisons(graphs),
        workload=workload,
        brokers=metrics.brokers(graphs.responsibility),
        depth=depth,
        gaps=metrics.gaps(graphs),
        communities=metrics.communities(graphs),
        task_fields=metrics.tasks_carry_fields(graphs),
        plots={"heatmap": heatmap(graphs), "workload": workload_bars(workload), "depth": depth_bars(depth)},
    )


def english_names(graphs: PolicyGraphs) -> dict[str, str]:
    """Vietnamese label → English label of every node the graph names in English (agencies, types, roles,
    fields), of every deadline the vocabulary reads, and of every province (its own name). A label with a
    suffix after the preferred name keeps it: "Sở Tài chính (Lâm Đồng)" → "Department of Finance (Lâm Đồng)".
    """
    out: dict[str, str] = dict(graphs.deadlines_en)
    for province in graphs.provinces:  # a place keeps its Vietnamese name in English, unmarked
        vi = graphs.names.get(province, Names()).first("vi")
        if vi:
            out[vi] = vi
    for _, names in sorted(graphs.names.items()):
        en = names.first("en")
        if en is None:
            continue
        for vi in (names.pref_vi, names.label_vi):
            if vi and vi not in out:
                out[vi] = en + _suffix(vi, names)
    return out


def _suffix(vi: str, names: Names) -> str:
    pref = names.pref_vi
    return vi[len(pref) :] if pref and vi != pref and vi.startswith(pref) else ""


def name_html(label: Any, english: dict[str, str]) -> Markup:
    """A name in both languages for the toggle; one with no English stays Vietnamese, marked as the original.

    >>> str(name_html("Sở Y tế", {"Sở Y tế": "Department of Health"}))
    '<span class="i18n" data-vi="Sở Y tế" data-en="Department of Health">Department of Health</span>'
    >>> str(name_html("69-KL/TW", {}))
    '<span class="vi-original" lang="vi">69-KL/TW</span>'
    """
    text = str(label)
    en = english.get(text)
    if en is None:
        return Markup('<span class="vi-original" lang="vi">{}</span>').format(text)
    return Markup('<span class="i18n" data-vi="{}" data-en="{}">{}</span>').format(text, en, escape(en))


def _counts(graphs: PolicyGraphs) -> dict[str, int]:
    resp = graphs.responsibility
    kinds = [k for _, k in resp.nodes(data="kind")]
    return {
        "documents": graphs.lineage.number_of_nodes(),
        "lineage edges": graphs.lineage.number_of_edges(),
        "agencies": kinds.count("agency"),
        "tasks": kinds.count("task"),
        "assignments": sum(1 for *_, k in resp.edges(data="kind") if k == "assignment"),
    }
