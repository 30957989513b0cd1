"""CLI commands of the extract area: ``kg extract``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg.errors import InputError, KGError
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
def extract_command(files: tuple[Path, ...], as_json: bool, out_dir: Path | None) -> None:
    """Extract one record per source text: document, lineage, tasks.

    Each record (SCHEMA.md) holds the document, its references and lineage, tasks and assignments, fields,
    targets and warnings, every item with its span.

    Every file is processed even when some fail; a file that cannot be read (missing, empty, binary, a legacy
    encoding such as Windows-1258) gets a one-line error on stderr. UTF-8 and UTF-16 are read.

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
            records.append(extract_file(path))
        except InputError as exc:
            failed += 1
            click.echo(f"kg extract: error: {exc}", err=True)
        except KGError as exc:
            failed += 1
            click.echo(f"kg extract: error: {path}: {exc}", err=True)
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


COMMANDS: list[click.Command] = [extract_command]
