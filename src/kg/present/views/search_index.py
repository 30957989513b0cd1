"""The site-wide search index: every node that has a page (documents, agencies, provinces), so a search typed
on any page also finds what that page does not draw ("so khcn lam dong" on the lineage page).

Written once per site as ``search-index.js`` (a script, not JSON: pages opened from file:// cannot fetch a
file, but they can load a script). Each entry carries the fields viz.js ranks on — the same as a node of a
page's graph (``search``, ``number``, ``search_tier``, ``full_vi``) — so one ranking rule
(kg.present.views.search) serves both. Tasks are left out: a task has no page of its own and is found on its
document's page.
"""

from __future__ import annotations

from typing import Any

from kg.present.views import model as m
from kg.present.views.search import search_tier

INDEX_FILE = "search-index.js"
GLOBAL_NAME = "kgSearchIndex"  # window.kgSearchIndex, read by viz.js


def index_entries(site: m.SiteGraph) -> list[dict[str, Any]]:
    """One entry per node with a page, sorted by id (deterministic output)."""
    return [_entry(n) for n in sorted(site.nodes.values(), key=lambda n: n.id) if n.page and n.kind != m.TASK]


def _entry(node: m.VNode) -> dict[str, Any]:
    return {
        "id": node.id,
        "kind": node.kind,
        "full_vi": node.label_vi,
        "full_en": node.label_en,
        "en_original": node.en_original,
        "search": list(node.search),
        "number": node.number,
        "search_tier": search_tier(node),
        "page": node.page,
    }


def index_script(site: m.SiteGraph, safe_json: Any) -> str:
    """The text of ``search-index.js``: the entries and the kind names (vi, en) the result list shows.

    ``safe_json`` is the pages' escaper (no "</script>" can close an inline script; harmless in a file).
    """
    kinds = {k: {"vi": vi, "en": en} for k, (vi, en) in sorted(site.kind_labels.items())}
    payload = {"entries": index_entries(site), "kinds": kinds}
    return (
        "/* vn-policy-kg: the site-wide search index, written by `kg viz`; read by lib/viz.js. */\n"
        f"window.{GLOBAL_NAME} = {safe_json(payload)};\n"
    )
