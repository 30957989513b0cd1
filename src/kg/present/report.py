"""The analysis report: one self-contained, offline HTML page (visualizations/report.html).

``render_report(graphs)`` returns the HTML text: lineage chains with their quotes, the comparison of plans
implementing each directive, the metrics tables, and static plots (agency × field heatmap, workload bars,
lineage depth, kg.present.report_plots: drawn once per language) as PNG data URIs. Nothing is fetched at view
time. The same graph gives the same bytes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from kg import __version__
from kg.analysis import compare, metrics
from kg.analysis.convert import Names, PolicyGraphs
from kg.analysis.who import directive_chains
from kg.present.report_plots import report_plots
from kg.text.strings import fold

TEMPLATES = Path(__file__).parent / "templates"
# A chain step's lineage relations (kg.analysis.convert's keys) in words (vi, en), as the views name them.
RELATION_NAMES = {"implements": ("triển khai", "implements"), "based_on": ("căn cứ", "based on")}
# The counts' names in Vietnamese (the English are _counts' keys).
COUNT_NAMES = {
    "documents": "văn bản",
    "lineage edges": "quan hệ dòng chảy",
    "agencies": "cơ quan",
    "tasks": "nhiệm vụ",
    "assignments": "phân công",
}


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
        relation_names=RELATION_NAMES,
        chains=chains(graphs),
        comparisons=comparisons(graphs),
        workload=workload,
        brokers=metrics.brokers(graphs.responsibility),
        depth=depth,
        gaps=metrics.gaps(graphs),
        communities=metrics.communities(graphs),
        task_fields=metrics.tasks_carry_fields(graphs),
        plots=report_plots(graphs, workload, depth, english),
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
