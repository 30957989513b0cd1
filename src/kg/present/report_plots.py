"""The report's static plots (agency × field heatmap, workload bars, lineage depth), drawn once per language.

A picture cannot follow the report's VI/EN toggle the way text does, so each plot is drawn twice: titles,
axes and legend in each language, agencies and fields by their English names in English (the names the
report's tables use), document numbers as issued in both. The page shows the one of the chosen language.

Deterministic: Agg backend, fixed sizes, DejaVu Sans (ships with matplotlib, renders Vietnamese), no PNG
metadata.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from kg.analysis import metrics
from kg.analysis.convert import PolicyGraphs
from kg.text.strings import fold

LANGS = ("vi", "en")
_TOP_AGENCIES = 25  # plots stay legible; the tables list everyone
_STYLE: Any = {"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "kg", "figure.dpi": 100}

# Every word a plot prints, (vi, en).
WORDS: dict[str, tuple[str, str]] = {
    "heatmap": ("Số nhiệm vụ theo cơ quan và lĩnh vực", "Tasks per agency and field"),
    "by plan": (
        "(lĩnh vực của kế hoạch chứa nhiệm vụ: nhiệm vụ không ghi lĩnh vực)",
        "(field of the task's plan: tasks state none)",
    ),
    "tasks": ("nhiệm vụ", "tasks"),
    "lead": ("chủ trì", "lead"),
    "coordinate": ("phối hợp", "coordinate"),
    "other": ("vai trò khác", "other role"),
    "workload": ("Khối lượng công việc của cơ quan", "Agency workload"),
    "steps": ("số bước thực hiện đến văn bản gốc xa nhất", "implements-steps to the furthest root directive"),
    "depth": ("Độ sâu dòng chảy của từng kế hoạch", "Lineage depth per plan"),
}

Name = Callable[[str], str]  # a Vietnamese label → the label shown in the plot's language


def report_plots(
    graphs: PolicyGraphs,
    workload: Sequence[metrics.Workload],
    depth: Sequence[metrics.Depth],
    english: Mapping[str, str],
) -> dict[str, dict[str, str] | None]:
    """Each plot as {"vi": data URI, "en": data URI}, or None when there is nothing to draw.

    ``english`` maps Vietnamese labels to English (kg.present.report.english_names); a label it lacks is
    shown as written.
    """
    names: dict[str, Name] = {"vi": lambda s: s, "en": lambda s: english.get(s, s)}
    drawers: dict[str, Callable[[str, Name], str | None]] = {
        "heatmap": lambda lang, name: heatmap(graphs, lang, name),
        "workload": lambda lang, name: workload_bars(workload, lang, name),
        "depth": lambda lang, name: depth_bars(depth, lang),
    }
    out: dict[str, dict[str, str] | None] = {}
    for key, draw in drawers.items():
        drawn = {lang: draw(lang, names[lang]) for lang in LANGS}
        out[key] = {lang: uri for lang, uri in drawn.items() if uri} if all(drawn.values()) else None
    return out


def word(key: str, lang: str) -> str:
    vi, en = WORDS[key]
    return en if lang == "en" else vi


def _png(fig: Figure) -> str:
    """The figure as a base64 PNG data URI, without the metadata that would make bytes differ."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=130, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def heatmap(graphs: PolicyGraphs, lang: str = "vi", name: Name = str) -> str | None:
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
    names = {
        a: metrics.place_name(name(str(net.nodes[a]["label"])), net.nodes[a].get("province"))
        for a in agencies
    }
    counts = [[net.edges[a, f]["weight"] if net.has_edge(a, f) else 0 for f in fields] for a in agencies]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(max(6.0, 1.2 + 0.7 * len(fields)), 1.0 + 0.3 * len(agencies)))
        image = ax.imshow(counts, cmap="Blues", aspect="auto")
        ax.set_xticks(
            range(len(fields)),
            [_short(name(net.nodes[f]["label"]), 30) for f in fields],
            rotation=45,
            ha="right",
        )
        ax.set_yticks(range(len(agencies)), [_short(names[a], 60) for a in agencies])
        top = max(max(row) for row in counts)
        for i, row in enumerate(counts):
            for j, value in enumerate(row):
                if value:  # white on the dark cells so the number stays readable
                    colour = "white" if value > top / 2 else "black"
                    ax.text(j, i, str(value), ha="center", va="center", fontsize=7, color=colour)
        fig.colorbar(image, ax=ax, label=word("tasks", lang))
        basis = "" if net.graph.get("basis") == "task" else "\n" + word("by plan", lang)
        ax.set_title(word("heatmap", lang) + basis)
        return _png(fig)


def workload_bars(rows: Sequence[metrics.Workload], lang: str = "vi", name: Name = str) -> str | None:
    """Stacked bars of lead / coordinate tasks for the busiest agencies."""
    top = list(rows[:_TOP_AGENCIES])[::-1]
    if not top:
        return None
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7, 1.0 + 0.28 * len(top)))
        labels = [_short(f"{name(w.label)} ({w.province})" if w.province else name(w.label), 60) for w in top]
        ax.barh(labels, [w.lead for w in top], color="#1f77b4", label=word("lead", lang))
        ax.barh(
            labels,
            [w.coordinate for w in top],
            left=[w.lead for w in top],
            color="#ff7f0e",
            label=word("coordinate", lang),
        )
        if any(w.other for w in top):  # standing body, reports to, funds: drawn, so totals match the table
            ax.barh(
                labels,
                [w.other for w in top],
                left=[w.lead + w.coordinate for w in top],
                color="#9e9e9e",
                label=word("other", lang),
            )
        ax.set_xlabel(word("tasks", lang))
        ax.legend(loc="lower right")
        ax.set_title(word("workload", lang))
        return _png(fig)


def depth_bars(rows: Sequence[metrics.Depth], lang: str = "vi") -> str | None:
    """Lineage depth of every plan whose text was read (plans by their numbers, as issued, in both)."""
    if not rows:
        return None
    ordered = list(rows)[::-1]
    with plt.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(7, 1.0 + 0.3 * len(ordered)))
        ax.barh([_short(d.label, 60) for d in ordered], [d.depth for d in ordered], color="#2ca02c")
        ax.set_xlabel(word("steps", lang))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(word("depth", lang))
        return _png(fig)
