"""CLI commands of the extract area: ``kg extract``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.commands.options import max_bytes_option
from kg.errors import InputError, KGError, shown_path
from kg.models import Record


def _summary(record: Record) -> str:
    d = record.document
    lines = [
        f"{record.source.path}",
        f"  document   {d.number or '(no number)'}  {d.doc_type or '?'}  {d.issuer or '?'}  {d.date or '?'}",
        f"  title      {(d.title or '-')[:100]}",
        f"  signer     {d.signer or '-'}",
        f"  references {len(record.references)}: " + ", ".join(r.label for r in record.references)[:300],
        f"  lineage    {len(record.lineage)}: "
        + "; ".join(f"{e.source} {e.relation} {e.target}" for e in record.lineage)[:300],
        f"  tasks {len(record.tasks)}, assignments {len(record.assignments)}, targets {len(record.targets)}",
    ]
    lines += [f"  warning    {w.code}: {w.message}" for w in record.warnings]
    return "\n".join(lines)


@click.command("extract")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print records as JSON (one object, or an array).")
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Write DIR/<stem>.json each."
)
@max_bytes_option
def extract_command(files: tuple[Path, ...], as_json: bool, out_dir: Path | None, max_bytes: int) -> None:
    """Extract one record per source text: document, lineage, tasks.

    Each record (SCHEMA.md) holds the document, its references and lineage, tasks and assignments, fields,
    targets and warnings, every item with its span.

    Every file is processed even when some fail; a file that cannot be read gets a one-line error on stderr
    naming it: missing, empty, not a regular file (FIFO, device), larger than --max-bytes, another format
    (PDF, Word, image, archive, UTF-32) or binary, a legacy encoding such as Windows-1258, a line longer
    than any document's. UTF-8 and UTF-16 are read.

    \b
    Exit codes:
      0  every file was extracted (records may still carry warnings, e.g. no number)
      1  some files could not be read; the others were extracted and written
      2  usage error, or no file could be read
    """
    from kg.extract import extract_file

    records: list[Record] = []
    failed = 0
    for path in files:
        try:
            records.append(extract_file(path, max_bytes=max_bytes))
        except InputError as exc:
            failed += 1
            click.echo(f"kg extract: error: {exc}", err=True)
        except KGError as exc:
            failed += 1
            click.echo(f"kg extract: error: {shown_path(path)}: {exc}", err=True)
        except Exception as exc:  # an extractor bug on one text must not cost the others theirs
            failed += 1
            name = shown_path(path)
            click.echo(f"kg extract: error: {name}: extraction failed: {type(exc).__name__}", err=True)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for r in records:
            target = out_dir / (Path(r.source.path).stem + ".json")
            target.write_text(json.dumps(r.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if as_json:
        data = [r.to_json() for r in records]
        payload = data[0] if len(files) == 1 and data else data
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    elif out_dir is None:
        click.echo("\n\n".join(_summary(r) for r in records))
    if failed:
        raise click.exceptions.Exit(2 if not records else 1)


def _default_corpora() -> list[Path]:
    from kg.paths import ROOT

    return [
        d for d in (ROOT / "tests" / "corpus" / "seeds", ROOT / "tests" / "corpus" / "real") if d.is_dir()
    ]


def _commit() -> str:
    """The checkout's commit, for the record in docs/quality.md ("unknown" outside a git checkout)."""
    import subprocess

    from kg.paths import ROOT

    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "src", "data/vocab"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return out.stdout.strip() + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


@click.command("evaluate")
@click.argument("dirs", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON (typed numbers).")
@click.option(
    "--write",
    "write_to",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the tables as Markdown to this file (e.g. docs/quality.md).",
)
@click.option("--worst", default=10, show_default=True, help="How many of the worst misses to show.")
def evaluate_command(dirs: tuple[Path, ...], as_json: bool, write_to: Path | None, worst: int) -> None:
    """Score extraction against gold: per document, kind and layout.

    Each DIR holds <stem>.gold.json records beside their <stem>.txt (or named in the folder's SOURCES.yaml,
    which also gives each document's kind and layout). Without DIR: tests/corpus/seeds and tests/corpus/real.
    Every text is extracted afresh. Measures: references F1, lineage F1, (agency, role) F1, collectives F1,
    deadline accuracy on matched assignments, and the accuracy of each metadata field; then the worst misses
    with the words of the text.

    \b
    Exit codes:
      0  scored
      2  a folder holds no gold record, or a gold record has no text
    """
    from datetime import UTC, datetime

    from kg.quality import evalreport
    from kg.quality.evaluate import evaluate, load_corpus

    folders = list(dirs) or _default_corpora()
    docs = [d for f in folders for d in load_corpus(f)]
    if not docs:
        raise InputError(", ".join(map(str, folders)) or "(no folder)", "no gold records (*.gold.json) here")
    ev = evaluate(docs)
    if write_to is not None:
        header = (
            "# Extraction quality\n\n"
            f"Written by `kg evaluate --write` on {datetime.now(UTC):%Y-%m-%d} at commit {_commit()}, over "
            + ", ".join(f"`{f.as_posix()}`" for f in folders)
            + f" ({len(docs)} documents). Every text was extracted afresh and scored against its gold record "
            "(measures: see `kg evaluate --help`). Refresh it whenever extraction changes."
        )
        write_to.write_text(evalreport.to_markdown(ev, worst, header), encoding="utf-8")
    if as_json:
        click.echo(json.dumps(evalreport.to_json(ev, worst), ensure_ascii=False, indent=2))
    else:
        click.echo(evalreport.to_text(ev, worst))


COMMANDS: list[click.Command] = [extract_command, evaluate_command]
