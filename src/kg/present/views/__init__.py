"""Interactive HTML views of the graph (pyvis/vis-network), opened from disk with no network at all.

``build_site`` turns a SiteGraph into files (relative path → bytes): index.html, lineage.html,
responsibilities.html, one page per document, agency and province (the graph, and its text part:
``text_part``), one per source text, and lib/ with the vis-network library copied from the pyvis package.
``write_site`` puts them under visualizations/.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kg.present.views.assets import library_files, write_files
from kg.present.views.model import SiteGraph
from kg.present.views.pages import render_site
from kg.present.views.read import read_site_graph
from kg.present.views.views import NODE_BUDGET

__all__ = ["NODE_BUDGET", "build_site", "read_site_graph", "write_site"]

GENERATED_DIRS = ("doc", "agency", "province", "sources", "lib")


def build_site(
    site: SiteGraph, texts: Mapping[str, str], report: bool = False, budget: int = NODE_BUDGET
) -> dict[str, bytes]:
    """Every file of the site, relative path → bytes (deterministic for the same inputs)."""
    pages = render_site(site, texts, report=report, budget=budget)
    return {**library_files(), **{path: html.encode("utf-8") for path, html in pages.items()}}


def write_site(files: Mapping[str, bytes], out_dir: Path) -> list[Path]:
    """Write the site under ``out_dir``; stale pages left in the generated folders by a previous run go.

    Other files in ``out_dir`` (report.html from the analysis) are left alone.
    """
    keep = {out_dir / rel for rel in files}
    for sub in GENERATED_DIRS:
        for old in sorted((out_dir / sub).glob("**/*")) if (out_dir / sub).is_dir() else []:
            if old.is_file() and old not in keep:
                old.unlink()
    return write_files(dict(files), out_dir)
