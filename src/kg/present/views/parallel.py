"""Write the site's pages from several processes: each renders every n-th page (kg.present.views.pages,
``part``) and writes it; the files are those one process writes. Pages are staged (kg.present.views.staging)
and moved into place only when all are made, so a failure leaves the previous site as it was.

Why: rendering is most of `kg viz` past a few hundred documents (issue 15: 23 of 36 CPU s at 1,000 generated
documents), and the pages depend only on the site graph, so they share out over the cores. Workers are
forked, so they read the parent's site graph without it being pickled; where fork is not available (or one
job is asked for) the pages are made in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kg.present.views.assets import library_files
from kg.present.views.model import SiteGraph
from kg.present.views.pages import iter_pages
from kg.present.views.staging import Staging
from kg.present.views.views import NODE_BUDGET

# What the forked workers render: set in the parent just before the pool starts, read by _write_part.
_JOB: dict[str, Any] = {}


def write_pages(
    site: SiteGraph,
    texts: Mapping[str, str],
    out_dir: Path,
    report: bool = False,
    budget: int = NODE_BUDGET,
    jobs: int | None = None,
) -> list[Path]:
    """Write the library files and every page under ``out_dir`` with ``jobs`` processes (default: one per
    core); returns the paths written, sorted. Stale pages are not touched (kg.present.views.write_site)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    staging = Staging(out_dir)
    try:
        written = _write_all(site, texts, staging, report, budget, jobs)
    except BaseException:
        staging.discard()
        raise
    staging.commit()
    return written


def _write_all(
    site: SiteGraph, texts: Mapping[str, str], staging: Staging, report: bool, budget: int, jobs: int
) -> list[Path]:
    written = [staging.write(rel, data) for rel, data in library_files().items()]
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return sorted({*written, *_write_part(0, 1, site, texts, staging, report, budget)})
    _JOB.update(site=site, texts=texts, staging=staging, report=report, budget=budget)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.starmap(_forked_part, [(i, jobs) for i in range(jobs)])
    finally:
        _JOB.clear()
    return sorted({*written, *(p for part in parts for p in part)})


def _forked_part(first: int, step: int) -> list[Path]:
    return _write_part(first, step, **_JOB)


def _write_part(
    first: int,
    step: int,
    site: SiteGraph,
    texts: Mapping[str, str],
    staging: Staging,
    report: bool,
    budget: int,
) -> list[Path]:
    pages = iter_pages(site, texts, report=report, budget=budget, part=(first, step))
    return [staging.write(rel, html.encode("utf-8")) for rel, html in pages]
