"""CLI commands of the viz area: `kg viz` writes the interactive HTML views under visualizations/."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from kg import paths
from kg.commands.options import data_option, folder_option, shown_default


@click.command("viz")
@data_option(
    multiple=False,
    instead_of=f"the store `kg build` wrote ({shown_default(paths.STORE_DIR)}), else its "
    f"{shown_default(paths.DATA_DIR / 'kg.ttl')}",
)
@folder_option(
    "--store",
    "store_dir",
    default=None,
    help=f"The store to read when there is no --data. Default: {shown_default(paths.STORE_DIR)}.",
)
@folder_option("--out", "out_dir", default=None, help="Folder to write. Default: visualizations/.")
@click.option(
    "--budget",
    type=click.IntRange(min=10),
    default=None,
    help="Most nodes one view may draw before it is clustered or focused. Default: 1500.",
)
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Tasks' 'now' rows name the body holding each task on this date (YYYY-MM-DD). Default: today, "
    "after every change of the 2025 reorganisation the vocabulary knows.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes rendering pages (default: all cores).",
)
def viz_command(
    data: Path | None,
    store_dir: Path | None,
    out_dir: Path | None,
    budget: int | None,
    as_of: datetime | None,
    jobs: int | None,
) -> None:
    """Write the interactive HTML views: lineage, tasks, entity pages.

    An index, the lineage and responsibility views, and a page per document, agency and province: the
    graph, and below it the page as text (facts, lineage with quotes, a sortable table of tasks; a
    province's plans by directive). The pages open from disk with no network: vis-network is copied from
    the pyvis package into lib/.
    """
    from kg.present.views import NODE_BUDGET, read_site_graph, remove_stale
    from kg.present.views.load import load_graph, load_texts
    from kg.present.views.parallel import write_pages

    out = out_dir or paths.VIS_DIR
    site = read_site_graph(load_graph(data, store_dir), as_of.date().isoformat() if as_of else None)
    report = (out / "report.html").exists()
    written = write_pages(site, load_texts(site), out, report, budget or NODE_BUDGET, jobs)
    remove_stale(out, written)
    pages = sum(1 for path in written if path.suffix == ".html")
    click.echo(f"wrote {pages} pages to {out}/ (open {out / 'index.html'})")


COMMANDS: list[click.Command] = [viz_command]
