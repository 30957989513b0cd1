"""How each kind of node and edge looks: colour, shape, dashes. Presentation only; names come from the graph.

Document kinds are the local names of the ontology's document classes; ``DOC_KINDS`` is in order of
preference, so a node typed both vpo:Plan and vpo:Document is drawn as a Plan.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.present.views.model import AGENCY, AGENCY_GROUP, CLUSTER, MORE, PROVINCE, TASK, VNode


@dataclass(frozen=True)
class NodeStyle:
    """vis-network look of one kind of node."""

    color: str
    shape: str
    size: int = 16


@dataclass(frozen=True)
class EdgeStyle:
    """vis-network look of one relation."""

    color: str
    dashes: bool = False
    width: float = 1.5


_PARTY = NodeStyle("#d62728", "box")
_STATE_ACT = NodeStyle("#ff7f0e", "box")
_STRATEGY = NodeStyle("#bcbd22", "box")
_PLAN = NodeStyle("#1f77b4", "box")
_OTHER_DOC = NodeStyle("#7f7f7f", "box")

# Most specific first: the first class a document has decides its kind.
DOC_KINDS: dict[str, NodeStyle] = {
    "Resolution": _PARTY,
    "Conclusion": NodeStyle("#e377c2", "box"),
    "Instruction": NodeStyle("#c5b0d5", "box"),
    "Law": NodeStyle("#8c564b", "box"),
    "Decree": NodeStyle("#c49c94", "box"),
    "Circular": NodeStyle("#c49c94", "box"),
    "Decision": _STATE_ACT,
    "Strategy": _STRATEGY,
    "Scheme": _STRATEGY,
    "ActionProgramme": NodeStyle("#17becf", "box"),
    "Programme": NodeStyle("#9edae5", "box"),
    "Plan": _PLAN,
    "Guidance": _OTHER_DOC,
    "Notice": _OTHER_DOC,
    "OfficialLetter": _OTHER_DOC,
    "Submission": _OTHER_DOC,
    "Report": _OTHER_DOC,
    "ImplementingDocument": _PLAN,
    "Directive": _PARTY,
    "Document": _OTHER_DOC,
}

OTHER_KINDS: dict[str, NodeStyle] = {
    AGENCY: NodeStyle("#2ca02c", "dot", 14),
    AGENCY_GROUP: NodeStyle("#98df8a", "hexagon", 14),
    TASK: NodeStyle("#9467bd", "square", 8),
    PROVINCE: NodeStyle("#ffbb78", "star", 22),
    CLUSTER: NodeStyle("#6baed6", "dot", 26),
    MORE: NodeStyle("#dddddd", "ellipse", 12),
}

EDGES: dict[str, EdgeStyle] = {
    "implements": EdgeStyle("#1f77b4", width=2.5),
    "basedOn": EdgeStyle("#7f7f7f", dashes=True),
    "lead": EdgeStyle("#2ca02c", width=2.0),
    "coordinate": EdgeStyle("#98df8a", dashes=True),
    "standingBody": EdgeStyle("#006d2c", width=2.0),
    "reportsTo": EdgeStyle("#8c6d31", dashes=True),
    "funds": EdgeStyle("#e6550d", dashes=True),
    "taskOf": EdgeStyle("#c5b0d5"),
    "issuedBy": EdgeStyle("#ff9896", dashes=True, width=1.0),
    "answersFor": EdgeStyle("#e377c2", dashes=True),
    "aggregate": EdgeStyle("#aec7e8", width=1.0),
}

# Fallback names of the non-document kinds and relations when the ontology gives none (vi, en).
FALLBACK_NAMES: dict[str, tuple[str, str]] = {
    AGENCY: ("Cơ quan", "Agency"),
    AGENCY_GROUP: ("Nhóm cơ quan", "Agency group"),
    TASK: ("Nhiệm vụ", "Task"),
    PROVINCE: ("Tỉnh", "Province"),
    CLUSTER: ("Cụm", "Cluster"),
    MORE: ("Còn nữa", "More"),
    "implements": ("triển khai", "implements"),
    "basedOn": ("căn cứ", "based on"),
    "lead": ("chủ trì", "lead"),
    "coordinate": ("phối hợp", "coordinate"),
    "standingBody": ("cơ quan thường trực", "standing body"),
    "reportsTo": ("báo cáo cho", "reports to"),
    "funds": ("bảo đảm kinh phí", "funds"),
    "taskOf": ("nhiệm vụ của", "task of"),
    "issuedBy": ("ban hành bởi", "issued by"),
    "answersFor": ("chịu trách nhiệm thực hiện", "answers for"),
    "aggregate": ("liên kết", "links"),
}


LABEL_MAX = 34  # characters of a label drawn on the canvas; the full one is in the tooltip and details


def short_label(label: str, limit: int = LABEL_MAX) -> str:
    """The label as drawn: cut at a word boundary near ``limit`` with an ellipsis when longer.

    >>> short_label("Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030")
    'Chiến lược phát triển khoa học…'
    >>> short_label("69-KL/TW")
    '69-KL/TW'
    """
    if len(label) <= limit:
        return label
    cut = label[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:  # keep whole words unless that loses too much
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def drawn_labels(nodes: Iterable[VNode]) -> dict[str, tuple[str, str]]:
    """The labels (vi, en) the nodes of one page are drawn with: ``short_label`` of each, except that nodes
    whose short labels coincide ("Phối hợp với Sở Khoa học và Công…" for two tasks) are drawn on, word by
    word, until they differ (``told_apart``). The page's sizes and its drawing both use these labels."""
    nodes = list(nodes)
    out = {n.id: [short_label(n.label_vi), short_label(n.label_en)] for n in nodes}
    for lang in (0, 1):
        groups: dict[str, list[VNode]] = {}
        for n in nodes:
            groups.setdefault(out[n.id][lang], []).append(n)
        for label, same in groups.items():
            if len(same) > 1 and label.endswith("…"):
                for ident, longer in told_apart({n.id: _full_text(n, lang) for n in same}).items():
                    out[ident][lang] = longer
    return {i: (vi, en) for i, (vi, en) in out.items()}


def _full_text(node: VNode, lang: int) -> str:
    """What a shortened label was cut from: a task's whole text (in both languages), else the label."""
    task = next((f.vi for f in node.facts if f.key == "task"), None)
    return task or (node.label_vi if lang == 0 else node.label_en)


def told_apart(texts: Mapping[str, str], limit: int = 3 * LABEL_MAX) -> dict[str, str]:
    """Each text cut after the first word at which it differs from all the others (at a word boundary, with
    an ellipsis; at most ``limit`` characters, so identical long texts stay as alike as they are).

    >>> told_apart({"a": "Phối hợp với Sở Khoa học và Công nghệ xây dựng cơ chế",
    ...             "b": "Phối hợp với Sở Khoa học và Công nghệ tổ chức hội thảo"})
    {'a': 'Phối hợp với Sở Khoa học và Công nghệ xây…', 'b': 'Phối hợp với Sở Khoa học và Công nghệ tổ…'}
    """
    words = {i: t.split() for i, t in texts.items()}
    out = {}
    for ident, own in words.items():
        others = [w for i, w in words.items() if i != ident]
        k = 1
        while k < len(own) and any(w[:k] == own[:k] for w in others):
            k += 1
        head = " ".join(own[:k])
        if k < len(own) and len(head) < limit:
            out[ident] = head.rstrip(" ,;:-") + "…"
        else:  # the whole text tells it apart, or nothing within ``limit`` does
            out[ident] = short_label(texts[ident], limit)
    return out


def cluster_size(members: int) -> int:
    """Drawn size of a cluster node: grows with the square root of its member count (area ~ members).

    >>> [cluster_size(n) for n in (1, 100, 10000)]
    [18, 36, 90]
    """
    return min(90, 16 + round(2 * math.sqrt(members)))


def text_color(background: str) -> str:
    """Label colour readable on a box of ``background`` (#rrggbb): white on dark fills, near-black on light.

    >>> text_color("#1f77b4"), text_color("#ffbb78")
    ('#ffffff', '#1d1d1f')
    """
    r, g, b = (int(background[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * r**2.2 + 0.7152 * g**2.2 + 0.0722 * b**2.2  # sRGB, gamma approximated
    return "#ffffff" if luminance < 0.3 else "#1d1d1f"


def node_style(kind: str) -> NodeStyle:
    """Style of a node kind; unknown kinds look like a generic document."""
    return DOC_KINDS.get(kind) or OTHER_KINDS.get(kind) or _OTHER_DOC


def edge_style(relation: str) -> EdgeStyle:
    """Style of a relation; unknown relations are thin grey lines."""
    return EDGES.get(relation, EdgeStyle("#bbbbbb", width=1.0))
