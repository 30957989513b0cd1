"""Stage 3: the extraction pipeline — text → ``Record`` (document, references, lineage, assignments, ...).

``extract_text`` runs normalize → segment → metadata → references → lineage → assignments/fields/targets and
returns one Record whose every item carries a span of the ORIGINAL text. ``extract_file`` reads a file first
(kg.text.decode: bounded reading, encoding detection, InputError for what cannot be read as a text).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from kg.extract.assignments import extract_assignments
from kg.extract.fields import extract_fields
from kg.extract.lineage import extract_lineage
from kg.extract.merge import merge_mentions
from kg.extract.metadata import extract_metadata
from kg.extract.references import find_mentions
from kg.extract.symbols import identity_number
from kg.extract.targets import extract_targets
from kg.models import Assignment, FieldMention, Record, SourceInfo, SourceKind, Target, Task, Warning_
from kg.normalize import Text, normalize
from kg.segment import segment
from kg.segment.outline import Outline
from kg.text.decode import MAX_BYTES, decode, read_source
from kg.text.strings import fold

__all__ = ["extract_file", "extract_text"]


def extract_text(text: str, path: str = "<text>", kind: SourceKind | None = None) -> Record:
    """Extract one record from a source text (already decoded)."""
    norm = normalize(text)
    outline = segment(norm)
    meta, warnings = extract_metadata(norm, outline)
    province = outline.province
    mentions = find_mentions(norm.text, outline, province)
    self_key = identity_number(meta.number) if meta.number else None
    references = merge_mentions(norm, mentions, self_key)
    ref_labels = {r.number or r.title for r in references}
    edges = [
        e
        for e in extract_lineage(norm, outline, mentions, self_key)
        if e.target in ref_labels and (e.source == "SELF" or e.source in ref_labels)
    ]
    tasks, assignments, more_warnings = _responsibilities(norm, outline, province)
    fields, targets = _fields_and_targets(norm, outline)
    source = SourceInfo(
        path=path,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        kind=kind or _guess_kind(norm, outline),
        chrome=norm.chrome,
    )
    return Record(
        source=source,
        document=meta,
        references=tuple(references),
        lineage=tuple(edges),
        assignments=tuple(assignments),
        tasks=tuple(tasks),
        fields=tuple(fields),
        targets=tuple(targets),
        warnings=tuple(warnings + more_warnings),
    )


def extract_file(path: str | Path, kind: SourceKind | None = None, max_bytes: int = MAX_BYTES) -> Record:
    """Read ``path`` (raising kg.errors.InputError when it cannot be read as text, or is larger than
    ``max_bytes``) and extract its record."""
    data = read_source(path, max_bytes)
    record = extract_text(decode(data, str(path)), str(path), kind)
    return replace(record, source=replace(record.source, sha256=hashlib.sha256(data).hexdigest()))


def _guess_kind(text: Text, outline: Outline) -> SourceKind:
    if outline.is_news:
        return "news-report"
    return "legal-database-page" if text.chrome else "official-text"


def _responsibilities(
    text: Text, outline: Outline, province: str | None
) -> tuple[list[Task], list[Assignment], list[Warning_]]:
    """Tasks and assignments from the responsibility side (kg.extract.assignments)."""
    tasks, assignments, warnings = extract_assignments(text, outline, province)
    return list(tasks), list(assignments), list(warnings)


def _fields_and_targets(text: Text, outline: Outline) -> tuple[list[FieldMention], list[Target]]:
    return list(extract_fields(text, outline)), list(extract_targets(text, outline))


def folded_title(record: Record) -> str:
    """Folded title of a record's document (helper for comparisons)."""
    return fold(record.document.title or "")
