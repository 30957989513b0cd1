"""Organisation sections: the parts of the outline that say who does what (TỔ CHỨC THỰC HIỆN, and
articles other than Điều 1 that assign)."""

from __future__ import annotations

import re

from kg.lexicon.lines import classify
from kg.segment.outline import Node

# Words of an article that assigns: "Giao X", "X chủ trì", "trách nhiệm", "Nhiệm vụ, quyền hạn của X".
_ASSIGNS = r"\b(giao|chủ trì|trách nhiệm|nhiệm vụ, quyền hạn)\b"


def org_sections(root: Node) -> list[Node]:
    """Organisation sections: headings like TỔ CHỨC THỰC HIỆN, and articles other than Điều 1 that assign."""
    out: list[Node] = []
    for node in root.walk():
        if node.kind == "root":
            continue
        if node.kind == "article":
            # "Điều 2. Tổ chức thực hiện" whose numbered clauses assign: the heading or a clause says so
            if node.label.split()[-1] != "1" and (
                any(re.search(_ASSIGNS, n.text, re.I) for n in node.walk())
                or classify(node.heading.removeprefix(node.label).lstrip(" .:"), "org")
            ):
                out.append(node)
        elif (
            node.kind not in ("dash", "plus")
            and classify(node.heading, "org")
            and not any(node.start >= o.start and node.end <= o.end for o in out)
        ):
            out.append(node)
    return out


def nested_org_sections(article: Node) -> list[Node]:
    """Organisation headings inside an article (a plan attached under "Điều 3." after the decision's
    signature has its own TỔ CHỨC THỰC HIỆN part): the outermost ones."""
    out: list[Node] = []
    for node in article.walk():
        if node is article or node.kind in ("dash", "plus", "article"):
            continue
        if classify(node.heading, "org") and not any(o.start <= node.start < o.end for o in out):
            out.append(node)
    return out
