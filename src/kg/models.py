"""Plain data passed between the pipeline stages.

The extraction record (``Record``) is the contract of ``kg extract --json`` (../shared/SCHEMA.md): its
``to_json()`` carries the contract keys ``document``, ``references``, ``lineage`` and ``assignments`` in that
form, plus extras (source, spans and quotes, tasks, fields, targets, warnings). Every extracted item carries a
``Span`` into the ORIGINAL text (not the normalized one) and the verbatim quote found there.

All types are frozen dataclasses: stages build new values and never mutate their inputs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["lead", "coordinate", "standing_body", "reports_to", "funds"]
Relation = Literal["implements", "based_on"]
SourceKind = Literal["official-text", "legal-database-page", "news-report"]

SELF = "SELF"


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) in the original text, with the text found there."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class DocumentMeta:
    """The document a text IS (for a news report: the document it reports on)."""

    number: str | None = None
    doc_type: str | None = None
    issuer: str | None = None
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    title: str | None = None
    signer: str | None = None
    province: str | None = None  # jurisdiction inferred from the issuer, e.g. "Lâm Đồng"
    spans: dict[str, Span] = field(default_factory=dict)  # one per filled field


@dataclass(frozen=True)
class Reference:
    """Another document the text names. Numbered ones by canonical number; laws/strategies by title."""

    number: str | None
    doc_type: str | None
    issuer: str | None
    date: str | None
    title: str | None
    span: Span | None = None  # the first (fullest) mention
    key: str = ""  # identity key from resolve (issuer+year scoped where the symbol is ambiguous)

    @property
    def label(self) -> str:
        """The name a lineage edge uses for this reference."""
        return self.number or self.title or ""


@dataclass(frozen=True)
class LineageEdge:
    """A typed edge the text states: ``source`` implements/is based on ``target`` (SELF = this document)."""

    source: str
    relation: Relation
    target: str
    span: Span | None = None


@dataclass(frozen=True)
class Target:
    """A quantitative target, e.g. "chuyển giao 70% kết quả nghiên cứu ... vào năm 2030"."""

    indicator: str
    value: float | None = None
    min_value: float | None = None
    max_value: float | None = None
    comparator: str | None = None  # "=", ">", ">=", "<", "<=" ("trên" -> ">", "ít nhất" -> ">=")
    unit: str | None = None
    year: int | None = None
    span: Span | None = None


@dataclass(frozen=True)
class Assignment:
    """Who answers for what: one (agency, role, task) with the timeframe that governs it."""

    agency: str
    role: Role
    task: str
    deadline: str | None = None
    task_id: str = ""  # the Task this belongs to (Task.id)
    field: str | None = None  # SKOS notation of the field, e.g. "agriculture"
    agency_id: str | None = None  # gazetteer id from resolve, None if unresolved
    is_group: bool = False  # collective group ("Các sở, ban, ngành")
    span: Span | None = None  # the agency name as printed
    task_span: Span | None = None
    deadline_span: Span | None = None


@dataclass(frozen=True)
class Task:
    """One structural unit of work (bullet, lettered item, table row)."""

    id: str  # "t1", "t2", ... in document order
    text: str  # the whole unit, verbatim (whitespace collapsed)
    section: str | None = None  # outline path, e.g. "V.2.b" or "Phụ lục/3"
    field: str | None = None
    deadline: str | None = None
    span: Span | None = None


@dataclass(frozen=True)
class FieldMention:
    """A "Lĩnh vực ..." heading (or equivalent) mapped to a SKOS field."""

    field: str  # SKOS notation
    heading: str
    span: Span | None = None


@dataclass(frozen=True)
class Warning_:
    """Something the extractor could not do cleanly; shown to the user, kept in the record."""

    code: str  # e.g. "no-number", "no-date", "unresolved-agency", "encoding"
    message: str
    span: Span | None = None


@dataclass(frozen=True)
class SourceInfo:
    """The text a record came from."""

    path: str
    sha256: str
    kind: SourceKind = "official-text"
    chrome: tuple[Span, ...] = ()  # website chrome set aside by normalize


@dataclass(frozen=True)
class Record:
    """One extraction record per source text."""

    source: SourceInfo
    document: DocumentMeta
    references: tuple[Reference, ...] = ()
    lineage: tuple[LineageEdge, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    tasks: tuple[Task, ...] = ()
    fields: tuple[FieldMention, ...] = ()
    targets: tuple[Target, ...] = ()
    warnings: tuple[Warning_, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The SCHEMA.md form: contract keys first, extras after."""
        doc = asdict(self.document)
        spans = doc.pop("spans")
        return {
            "document": doc,
            "references": [_ref_json(r) for r in self.references],
            "lineage": [_edge_json(e) for e in self.lineage],
            "assignments": [_assignment_json(a) for a in self.assignments],
            "document_spans": spans,
            "source": asdict(self.source),
            "tasks": [asdict(t) for t in self.tasks],
            "fields": [asdict(f) for f in self.fields],
            "targets": [asdict(t) for t in self.targets],
            "warnings": [asdict(w) for w in self.warnings],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """Inverse of ``to_json``; also accepts bare SCHEMA.md records (e.g. the gold files)."""
        return _record_from_json(data)


def _ref_json(r: Reference) -> dict[str, Any]:
    keys = ("number", "doc_type", "issuer", "date", "title")
    out: dict[str, Any] = {k: getattr(r, k) for k in keys}
    out["span"] = asdict(r.span) if r.span else None
    out["key"] = r.key
    return out


def _edge_json(e: LineageEdge) -> dict[str, Any]:
    return {
        "from": e.source,
        "relation": e.relation,
        "to": e.target,
        "span": asdict(e.span) if e.span else None,
    }


def _assignment_json(a: Assignment) -> dict[str, Any]:
    out = asdict(a)
    # contract keys first, in SCHEMA.md order
    return {k: out.pop(k) for k in ("agency", "role", "task", "deadline")} | out


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(**d) if d else None


def _record_from_json(data: dict[str, Any]) -> Record:
    doc = dict(data["document"])
    spans = {k: Span(**v) for k, v in (data.get("document_spans") or {}).items()}
    src = data.get("source") or {"path": "", "sha256": ""}
    return Record(
        source=SourceInfo(
            path=src["path"],
            sha256=src["sha256"],
            kind=src.get("kind", "official-text"),
            chrome=tuple(Span(**c) for c in src.get("chrome", ())),
        ),
        document=DocumentMeta(**{k: v for k, v in doc.items() if k != "spans"}, spans=spans),
        references=tuple(
            Reference(
                number=r.get("number"),
                doc_type=r.get("doc_type"),
                issuer=r.get("issuer"),
                date=r.get("date"),
                title=r.get("title"),
                span=_span(r.get("span")),
                key=r.get("key", ""),
            )
            for r in data.get("references", ())
        ),
        lineage=tuple(
            LineageEdge(e["from"], e["relation"], e["to"], _span(e.get("span")))
            for e in data.get("lineage", ())
        ),
        assignments=tuple(_assignment_from_json(a) for a in data.get("assignments", ())),
        tasks=tuple(Task(**{**t, "span": _span(t.get("span"))}) for t in data.get("tasks", ())),
        fields=tuple(FieldMention(**{**f, "span": _span(f.get("span"))}) for f in data.get("fields", ())),
        targets=tuple(Target(**{**t, "span": _span(t.get("span"))}) for t in data.get("targets", ())),
        warnings=tuple(Warning_(**{**w, "span": _span(w.get("span"))}) for w in data.get("warnings", ())),
    )


def _assignment_from_json(a: dict[str, Any]) -> Assignment:
    span_keys = ("span", "task_span", "deadline_span")
    fields: dict[str, Any] = {k: v for k, v in a.items() if k not in span_keys}
    fields.update({k: _span(a.get(k)) for k in span_keys})
    return Assignment(**fields)
