"""Plain data passed between the pipeline stages.

The extraction record (``Record``) is the contract of ``kg extract --json`` (../shared/SCHEMA.md): its
``to_json()`` carries the contract keys ``document``, ``references``, ``lineage`` and ``assignments`` in that
form, plus extras (source, spans and quotes, tasks, fields, targets, warnings). Every extracted item carries a
``Span`` into the ORIGINAL text (not the normalized one) and the verbatim quote found there.

All types are frozen dataclasses: stages build new values and never mutate their inputs.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any, Literal, get_args

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
        """Inverse of ``to_json``; also accepts bare SCHEMA.md records (e.g. the gold files).

        Raises ValueError naming the first thing that is not as a record has it (a missing key, a list
        where an object belongs, a number where a text belongs, an unknown role), so one odd file is
        refused by name rather than failing a whole build later."""
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, found {type(data).__name__}")
        try:
            record = _record_from_json(data)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"{type(exc).__name__}: {exc}") from None
        _check_types(record)
        return record


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
    # gold records (tests/corpus/real) flag a collective group "collective": the record's is_group
    a = {("is_group" if k == "collective" else k): v for k, v in a.items()}
    fields: dict[str, Any] = {k: v for k, v in a.items() if k not in span_keys}
    fields.update({k: _span(a.get(k)) for k in span_keys})
    return Assignment(**fields)


# --- reading records safely -------------------------------------------------------------------------------

# A record nests a handful of levels (record → assignments → span); JSON deeper than this is no record, and
# Python's parser would recurse once per level.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def load_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads(text)``, refusing (ValueError) nesting deeper than ``max_depth`` before parsing it.

    >>> load_json('{"a": [1, {"b": "[[["}]}')
    {'a': [1, {'b': '[[['}]}
    >>> load_json("[" * 100 + "]" * 100)
    Traceback (most recent call last):
    ...
    ValueError: nested more than 64 levels deep
    """
    depth = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub('""', text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > max_depth:
            raise ValueError(f"nested more than {max_depth} levels deep")
    return json.loads(text)


def real_date(iso: str) -> bool:
    """Whether ``iso`` is a date that exists: "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the forms records carry).

    >>> real_date("2025-02-28"), real_date("2025-02-31"), real_date("2024-06"), real_date("2024-13")
    (True, False, True, False)
    """
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            datetime.date.fromisoformat(iso)
            return True
        if re.fullmatch(r"\d{4}-\d{2}", iso):
            return 1 <= int(iso[5:]) <= 12
        return re.fullmatch(r"\d{4}", iso) is not None
    except ValueError:
        return False


_NONE = type(None)
# What each annotated field may hold (annotations are strings under ``from __future__ import annotations``)
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "str | None": (str, _NONE),
    "int": (int,),
    "int | None": (int, _NONE),
    "float | None": (int, float, _NONE),
    "bool": (bool,),
    "Span | None": (Span, _NONE),
    "Role": (str,),
    "Relation": (str,),
    "SourceKind": (str,),
}
_CHOICES: dict[str, tuple[str, ...]] = {"Role": get_args(Role), "Relation": get_args(Relation)}


def _check_types(obj: Any, where: str = "record") -> None:
    """ValueError naming the first field of ``obj`` (a record and everything in it) with a wrong type.

    Where each value sits is kept as a chain (parent, key) and spelt out only for the error: building a path
    string for every one of a record's thousands of values was most of the time of reading a record back."""
    todo: list[tuple[Any, _At]] = [(obj, (None, where))]
    while todo:  # a loop, not recursion: how deep a record goes is up to its file
        item, at = todo.pop()
        if isinstance(item, tuple | list):
            todo.extend((x, (at, i)) for i, x in enumerate(item) if not isinstance(x, _LEAVES))
        elif isinstance(item, dict):
            todo.extend((v, (at, k)) for k, v in item.items() if not isinstance(v, _LEAVES))
        else:
            kind: type = type(item)
            for name, annotation, allowed in _annotated_fields(kind):
                value = getattr(item, name)
                if not isinstance(value, allowed) or annotation in _CHOICES:
                    _check_field(value, annotation, (at, name))
                if not isinstance(value, _LEAVES):
                    todo.append((value, (at, name)))


_At = tuple[Any, str | int]  # (the parent's chain, or None at the top; a field name, key or index)
_LEAVES = (str, int, float, bool, type(None))


@cache
def _annotated_fields(cls: type) -> tuple[tuple[str, str, tuple[type, ...]], ...]:
    """(name, annotation, the types it allows: any when not checked) of each field of a dataclass; () for
    any other type."""
    if not is_dataclass(cls):
        return ()
    return tuple((f.name, str(f.type), _FIELD_TYPES.get(str(f.type), (object,))) for f in fields(cls))


def _path(at: _At) -> str:
    """``record.assignments[3].role``, from the chain of (parent, key)."""
    parts: list[str] = []
    node: _At | None = at
    while node is not None:
        parent, key = node
        parts.append(f"[{key}]" if isinstance(key, int) else (f".{key}" if parent is not None else key))
        node = parent
    return "".join(reversed(parts))


def _check_field(value: Any, annotation: str, at: _At) -> None:
    allowed = _FIELD_TYPES.get(annotation)
    if allowed is not None and not isinstance(value, allowed):
        raise ValueError(f"{_path(at)}: expected {annotation}, found {type(value).__name__}")
    if annotation in _CHOICES and value not in _CHOICES[annotation]:
        raise ValueError(f"{_path(at)}: {value!r} is not one of {', '.join(_CHOICES[annotation])}")
