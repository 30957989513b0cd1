"""Interactive HTML views of the graph (pyvis/vis-network), opened from disk with no network at all.

``build_site`` turns a SiteGraph into files (relative path → bytes): index.html, lineage.html,
responsibilities.html, one page per document, agency and province (the graph, and its text part:
``text_part``), one per source text, and lib/ with the vis-network library copied from the pyvis package.
``write_site`` puts them under visualizations/. ``iter_site`` gives the same files one at a time, so
`kg viz` writes each page as it is made and never holds the site (issue 15: 455 MB of pages at 1,000
documents, held twice, as text and as bytes).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from kg.present.views.assets import library_files, write_file
from kg.present.views.model import SiteGraph
from kg.present.views.pages import iter_pages
from kg.present.views.read import read_site_graph
from kg.present.views.views import NODE_BUDGET

__all__ = ["NODE_BUDGET", "build_site", "iter_site", "read_site_graph", "remove_stale", "write_site"]

GENERATED_DIRS = ("doc", "agency", "province", "sources", "lib")


def build_site(
    site: SiteGraph, texts: Mapping[str, str], report: bool = False, budget: int = NODE_BUDGET
) -> dict[str, bytes]:
    """Every file of the site, relative path → bytes (deterministic for the same inputs)."""
    return dict(iter_site(site, texts, report, budget))


def iter_site(
    site: SiteGraph, texts: Mapping[str, str], report: bool = False, budget: int = NODE_BUDGET
) -> Iterator[tuple[str, bytes]]:
    """The files of ``build_site``, (relative path, bytes), each made when it is asked for."""
    yield from library_files().items()
    for path, html in iter_pages(site, texts, report=report, budget=budget):
        yield path, html.encode("utf-8")


def write_site(files: Mapping[str, bytes] | Iterable[tuple[str, bytes]], out_dir: Path) -> list[Path]:
    """Write the site (a mapping, or pairs as ``iter_site`` gives them) under ``out_dir``, each file as it
    comes; then stale pages left in the generated folders by a previous run go. Returns the paths written,
    sorted.

    Other files in ``out_dir`` (report.html from the analysis) are left alone.
    """
    pairs = files.items() if isinstance(files, Mapping) else files
    keep = {write_file(out_dir, rel, data) for rel, data in pairs}  # a path given twice: the last one stays
    remove_stale(out_dir, keep)
    return sorted(keep)


def remove_stale(out_dir: Path, keep: Iterable[Path]) -> None:
    """Remove the files of the generated folders under ``out_dir`` that are not in ``keep`` (pages of a
    previous run); other files (report.html from the analysis) are left alone."""
    kept = set(keep)
    for sub in GENERATED_DIRS:
        for old in sorted((out_dir / sub).glob("**/*")) if (out_dir / sub).is_dir() else []:
            if old.is_file() and old not in kept:
                old.unlink()
