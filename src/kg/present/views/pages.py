"""Render every page of the site to HTML strings: relative path → text. No file is written here.

Text from documents reaches the page only as JSON inside <script type="application/json"> (with <, > and &
escaped) or through Jinja's autoescaping; the page script puts it in the DOM with textContent. pyvis builds
the vis-network node and edge options; the HTML template is our own, so nothing is loaded from a CDN.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from functools import partial
from typing import Any

import jinja2
from pyvis.network import Network

from kg.present.views import model as m
from kg.present.views.chains import chains
from kg.present.views.search import search_tier
from kg.present.views.search_index import INDEX_FILE, index_script
from kg.present.views.style import cluster_size, drawn_labels, edge_style, node_style, text_color
from kg.present.views.text_part import COLUMN_NAMES, Reading, TextPart, text_part
from kg.present.views.views import (
    DUTY,
    NODE_BUDGET,
    Index,
    View,
    agency_view,
    document_view,
    is_document,
    lineage_view,
    province_view,
    responsibilities_view,
)

CHAIN_ROWS = 6  # provinces per chain, and paths per province, drawn on the index before "+N more"
CONTEXT = 160  # characters of source text shown around a quote in the details panel
REPORT = "report.html"

# Names of the facts shown in tooltips and the details panel (vi, en).
FACT_NAMES: dict[str, tuple[str, str]] = {
    "type": ("Loại", "Type"),
    "number": ("Số, ký hiệu", "Number"),
    "date": ("Ngày ban hành", "Date"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "signer": ("Người ký", "Signed by"),
    "province": ("Tỉnh", "Province"),
    "title": ("Trích yếu", "Title"),
    "field": ("Lĩnh vực", "Field"),
    "task": ("Nhiệm vụ", "Task"),
    "document": ("Văn bản", "Document"),
    "role": ("Vai trò", "Role"),
    "now": ("Hiện nay", "Now"),
    "deadline": ("Thời hạn", "Deadline"),
    "level": ("Cấp", "Level"),
    "branch": ("Khối", "Branch"),
    "abbreviation": ("Tên trong văn bản", "Written in the texts as"),  # abbreviations and names as written
    "count": ("Số lượng", "Count"),
}


def safe_json(value: Any) -> str:
    """JSON that cannot end a <script> element or open a comment: <, >, & and line separators escaped.

    >>> safe_json({"t": "</script><b>&"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg.present", "templates/viz"),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["safe_json"] = lambda v: jinja2.utils.markupsafe.Markup(safe_json(v))
    env.filters["kind_color"] = lambda kind: node_style(kind).color
    return env


def render_site(
    site: m.SiteGraph, texts: Mapping[str, str], report: bool = False, budget: int = NODE_BUDGET
) -> dict[str, str]:
    """Every page: index, lineage, responsibilities, one per document/agency/province, one per source text,
    and the site-wide search index every page loads.

    Args:
        site: the graph to draw.
        texts: source IRI → the source file's text (for quotes in context and the source pages).
        report: whether visualizations/report.html exists, so the pages link to it.
        budget: node budget per view.
    """
    return dict(iter_pages(site, texts, report, budget))


def iter_pages(
    site: m.SiteGraph,
    texts: Mapping[str, str],
    report: bool = False,
    budget: int = NODE_BUDGET,
    part: tuple[int, int] = (0, 1),
) -> Iterator[tuple[str, str]]:
    """The pages of ``render_site``, (relative path, HTML), each rendered when it is asked for.

    ``part`` (i, n): only every n-th page from the i-th, so n processes can share the work
    (kg.present.views.parallel); a page named twice (two nodes with one page) is made once, from the last.
    """
    env, index = _env(), Index.of(site)
    common = {"report": report, "kinds": site.kind_labels, "search_index": INDEX_FILE}
    reading: list[Reading] = []  # made once, by the first node page of this part

    def node_page(node: m.VNode) -> str:
        view = _own_view(index, node, budget)
        assert view is not None  # _has_own_view
        if not reading:
            reading.append(Reading.of(index, texts))
        return _graph_page(env, view, site, texts, "../", common, text_part(reading[0], node))

    makers: dict[str, Callable[[], str]] = {
        "index.html": lambda: _index_page(env, index, common),
        "lineage.html": lambda: _graph_page(env, lineage_view(index, budget), site, texts, "", common),
        "responsibilities.html": lambda: _graph_page(
            env, responsibilities_view(index, budget), site, texts, "", common
        ),
        INDEX_FILE: lambda: index_script(site, safe_json),
    }
    for node in site.nodes.values():
        if _has_own_view(node) and node.page:
            makers.pop(node.page, None)  # the last node naming a page makes it, as render_site's dict did
            makers[node.page] = partial(node_page, node)
    for source in site.sources.values():
        if source.id in texts:
            makers.pop(source.page, None)
            makers[source.page] = partial(_source_page, env, site, source, texts[source.id], common)
    first, step = part
    for path, make in list(makers.items())[first::step]:
        yield path, make()


def _has_own_view(node: m.VNode) -> bool:
    """Whether ``_own_view`` draws a page for ``node``."""
    return is_document(node) or node.kind in (m.AGENCY, m.AGENCY_GROUP, m.PROVINCE)


def _own_view(index: Index, node: m.VNode, budget: int) -> View | None:
    if is_document(node):
        return document_view(index, node.id, budget)
    if node.kind in (m.AGENCY, m.AGENCY_GROUP):
        return agency_view(index, node.id, budget)
    if node.kind == m.PROVINCE:
        return province_view(index, node.id, budget)
    return None


# --- graph pages ----------------------------------------------------------------------------------------


def _graph_page(
    env: jinja2.Environment,
    view: View,
    site: m.SiteGraph,
    texts: Mapping[str, str],
    root: str,
    common: dict[str, Any],
    part: TextPart | None = None,
) -> str:
    payload = graph_payload(view, site, texts)
    provinces = sorted({n.province for n in view.nodes if n.province and n.province in site.nodes})
    fields = sorted({f for n in view.nodes for f in n.fields})
    return env.get_template("graph.html").render(
        root=root,
        view=view,
        payload=payload,
        provinces=[site.nodes[p] for p in provinces],
        fields=[(f, site.field_names.get(f, f)) for f in fields],
        part=part,
        fact_names=FACT_NAMES,
        column_names=COLUMN_NAMES,
        **common,
    )


def graph_payload(view: View, site: m.SiteGraph, texts: Mapping[str, str]) -> dict[str, Any]:
    """The JSON the page script draws: vis-network options per node and edge, plus facts and evidence."""
    net = Network(directed=True)
    drawn = drawn_labels(view.nodes)  # as views.sizes measured them
    for node in view.nodes:
        style = node_style(node.kind)
        size = cluster_size(node.members) if node.kind == m.CLUSTER else style.size
        x, y = view.positions.get(node.id, (0, 0))
        net.add_node(node.id, label=drawn[node.id][0], shape=style.shape, color=style.color,
                     size=size, x=x, y=y, physics=False)  # fmt: skip
    bends = [0.0] * len(view.edges) if view.routes else parallel_bends(view.edges)  # routed: straight
    for edge, bend in zip(view.edges, bends, strict=True):
        look = edge_style(edge.relation)
        smooth = {"enabled": True, "type": "curvedCW", "roundness": bend} if bend else False
        net.add_edge(edge.source, edge.target, color=look.color, dashes=look.dashes, width=look.width,
                     arrows="to", smooth=smooth)  # fmt: skip
    nodes = [
        _node_json(opts, n, drawn[n.id], site, texts) for opts, n in zip(net.nodes, view.nodes, strict=True)
    ]
    edges = [
        _edge_json(opts, e, i, site, texts)
        for i, (opts, e) in enumerate(zip(net.edges, view.edges, strict=True))
    ]
    for edge_json, route in zip(edges, view.routes, strict=False):
        if route:  # drawn as straight segments through these points (viz.js: invisible waypoints)
            edge_json["via"] = [list(p) for p in route]
    used_kinds = sorted({n.kind for n in view.nodes})
    used_rels = sorted({e.relation for e in view.edges})
    return {
        "view": view.name,
        "focus": view.focus,
        "nodes": nodes,
        "edges": edges,
        "kinds": {k: _kind_json(site, k) for k in used_kinds},
        "relations": {r: _relation_json(site, r) for r in used_rels},
        "roles": [r for r in used_rels if r in DUTY],
        "facts": {k: list(v) for k, v in FACT_NAMES.items()},
    }


def parallel_bends(edges: tuple[m.VEdge, ...] | list[m.VEdge]) -> list[float]:
    """Curvature of each edge: 0 (straight) for the first edge between two nodes, then wider curves, so an
    implements and a basedOn edge between the same two documents are drawn apart.

    >>> ab, ba, bc = m.VEdge("a", "b", "implements"), m.VEdge("b", "a", "basedOn"), m.VEdge("b", "c", "x")
    >>> parallel_bends([ab, ba, bc])
    [0.0, 0.3, 0.0]
    """
    seen: dict[frozenset[str], int] = {}
    bends = []
    for e in edges:
        pair = frozenset((e.source, e.target))
        bends.append(round(0.3 * seen.get(pair, 0), 2))
        seen[pair] = seen.get(pair, 0) + 1
    return bends


def _node_json(
    opts: dict[str, Any],
    node: m.VNode,
    drawn: tuple[str, str],
    site: m.SiteGraph,
    texts: Mapping[str, str],
) -> dict[str, Any]:
    out = dict(opts)
    out.update(
        kind=node.kind,
        label_vi=drawn[0],
        label_en=drawn[1],
        full_vi=node.label_vi,
        full_en=node.label_en,
        facts=_facts_json(node.facts),
        evidence=[_evidence_json(ev, site, texts) for ev in node.evidence],
        province=node.province,
        fields=list(node.fields),
        search=list(node.search),
        number=node.number,
        search_tier=search_tier(node),
        en_original=node.en_original,
        page=node.page,
        cited_only=node.cited_only,
    )
    if node_style(node.kind).shape == "box":  # text sits inside the box: keep it readable on dark fills
        out["font"] = {"color": text_color(node_style(node.kind).color)}
    if node.cited_only:
        out["shapeProperties"] = {"borderDashes": [5, 4]}
    return out


def _edge_json(
    opts: dict[str, Any], edge: m.VEdge, i: int, site: m.SiteGraph, texts: Mapping[str, str]
) -> dict[str, Any]:
    out = dict(opts)
    out.update(
        id=f"e{i}",
        relation=edge.relation,
        facts=_facts_json(edge.facts),
        evidence=[_evidence_json(ev, site, texts) for ev in edge.evidence],
    )
    return out


def _facts_json(facts: tuple[m.Fact, ...]) -> list[list[str | bool]]:
    """[key, vi, en, en is the Vietnamese original] per fact: the page marks the last lang="vi" in English."""
    return [[f.key, f.vi, f.en, f.original] for f in facts]


def _evidence_json(ev: m.Evidence, site: m.SiteGraph, texts: Mapping[str, str]) -> dict[str, Any]:
    """A quote with the text around it (when the source text is at hand) and a link to its source page."""
    text = texts.get(ev.source)
    start, end = ev.start, ev.end
    if text is not None and text[start:end] != ev.quote:  # offsets of another version: find the words
        start = text.find(ev.quote)
        end = start + len(ev.quote) if start >= 0 else -1
    source = site.sources.get(ev.source)
    out: dict[str, Any] = {"quote": ev.quote, "before": "", "after": "", "source": None}
    if text is not None and start >= 0:
        out.update(before=text[max(0, start - CONTEXT) : start], after=text[end : end + CONTEXT])
        if source is not None:
            out["source"] = f"{source.page}#q={start}-{end}"
            out["file"] = source.file_name
    return out


def _kind_json(site: m.SiteGraph, kind: str) -> dict[str, Any]:
    style = node_style(kind)
    vi, en = site.kind_labels.get(kind, (kind, kind))
    return {"vi": vi, "en": en, "color": style.color, "shape": style.shape}


def _relation_json(site: m.SiteGraph, relation: str) -> dict[str, Any]:
    style = edge_style(relation)
    vi, en = site.kind_labels.get(relation, (relation, relation))
    return {"vi": vi, "en": en, "color": style.color, "dashes": style.dashes}


# --- index and source pages -----------------------------------------------------------------------------


def _index_page(env: jinja2.Environment, index: Index, common: dict[str, Any]) -> str:
    site = index.site
    nodes = list(site.nodes.values())
    docs = [n for n in nodes if is_document(n)]
    rels = [e.relation for e in site.edges]
    counts = [
        (("Văn bản đã đọc", "Documents read"), sum(1 for d in docs if not d.cited_only)),
        (("Văn bản được dẫn chiếu", "Documents cited only"), sum(1 for d in docs if d.cited_only)),
        (("Cơ quan", "Agencies"), sum(1 for n in nodes if n.kind in (m.AGENCY, m.AGENCY_GROUP))),
        (("Nhiệm vụ", "Tasks"), sum(1 for n in nodes if n.kind == m.TASK)),
        (("Phân công", "Assignments"), sum(1 for r in rels if r in ("lead", "coordinate"))),
        (
            ("Quan hệ triển khai, căn cứ", "Lineage edges"),
            sum(1 for r in rels if r in ("implements", "basedOn")),
        ),
        (("Tỉnh", "Provinces"), sum(1 for n in nodes if n.kind == m.PROVINCE)),
    ]
    return env.get_template("index.html").render(
        root="",
        chains=chains(index),
        counts=counts,
        by_kind=counts_by_kind(site),
        shown=CHAIN_ROWS,
        groups=_by_province(site, docs),
        agencies=_by_province(site, [n for n in nodes if n.kind in (m.AGENCY, m.AGENCY_GROUP)]),
        provinces=[n for n in nodes if n.kind == m.PROVINCE],
        sources=sorted(site.sources.values(), key=lambda s: s.file_name),
        **common,
    )


def counts_by_kind(site: m.SiteGraph) -> list[tuple[str, tuple[str, str], int]]:
    """(kind, (vi, en) name, count) of every node kind in the graph, most numerous first."""
    counts: dict[str, int] = {}
    for n in site.nodes.values():
        counts[n.kind] = counts.get(n.kind, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(k, site.kind_labels.get(k, (k, k)), c) for k, c in ranked]


def _by_province(site: m.SiteGraph, nodes: list[m.VNode]) -> list[tuple[m.VNode | None, list[m.VNode]]]:
    groups: dict[str, list[m.VNode]] = {}
    for n in nodes:
        groups.setdefault(n.province or "", []).append(n)
    order = sorted(groups, key=lambda p: (p == "", site.nodes[p].label_vi if p in site.nodes else ""))
    return [(site.nodes.get(p), sorted(groups[p], key=lambda n: n.label_vi)) for p in order]


def _source_page(
    env: jinja2.Environment, site: m.SiteGraph, source: m.SourceDoc, text: str, common: dict[str, Any]
) -> str:
    doc = site.nodes.get(source.describes or "")
    return env.get_template("source.html").render(
        root="../", source=source, doc=doc, payload={"text": text, "file": source.file_name}, **common
    )
