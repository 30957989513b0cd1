"""Extraction records → the asserted RDF graph, in the ontology's terms (docs/graph-model.md).

``records_to_graph(records, corpus)`` is a pure function: it writes the identities the resolve stage gives
(kg.resolve.resolve_corpus: documents reconciled across the corpus, agencies resolved once) and resolves no
name itself; then documents, sources, references, lineage (with qualified statements), tasks, assignments,
targets and fields. Every fact with a span in the record gets a ``vpo:evidence`` node (source +
position + quote); a record without spans (e.g. a hand-made gold record) yields no evidence rather than an
error, and validation then flags the facts that lack one.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import iri
from kg.lexicon.doctypes import GENERIC, doc_class
from kg.lexicon.english import english_name
from kg.models import SELF, Assignment, Record, Span, Task, real_date
from kg.namespaces import OA, ORG, VPO
from kg.rdf.changes import Move, emit_changes, successor_moves
from kg.rdf.sink import Sink
from kg.resolve import AgencyInfo, Corpus, Document, Mention, RecordAgencies, resolve_corpus
from kg.text.strings import collapse, fold, search_key

SOURCE_CLASSES = {
    "official-text": VPO.OfficialText,
    "legal-database-page": VPO.WebPage,
    "news-report": VPO.NewsReport,
}
ROLES = {
    "lead": VPO.lead,
    "coordinate": VPO.coordinate,
    "standing_body": VPO.standingBody,
    "reports_to": VPO.reportsTo,
    "funds": VPO.funds,
}
RELATIONS = {"implements": VPO.implements, "based_on": VPO.basedOn}
LEVELS = {
    "central": VPO.central,
    "provincial": VPO.provincial,
    "district": VPO.district,
    "commune": VPO.commune,
}
BRANCHES = {
    "party": VPO.party,
    "state": VPO.state,
    "massOrganisation": VPO.massOrganisation,
    "mass_organisation": VPO.massOrganisation,
}
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound (so serializations read well)."""
    g = Graph(bind_namespaces="core")
    for prefix, ns in (
        ("vpo", str(VPO)),
        ("id", iri.ID),
        ("field", iri.FIELD),
        ("oa", OA),
        ("org", ORG),
        ("prov", PROV),
        ("skos", SKOS),
        ("dcterms", DCTERMS),
    ):
        g.bind(prefix, ns)
    return g


@dataclass
class _Written:
    """The corpus's identities, plus the agencies met while writing, described at the end."""

    corpus: Corpus
    agencies: dict[URIRef, list[AgencyInfo]] = field(default_factory=dict)

    def doc(self, record: int, label: str) -> URIRef:
        """The document a record's lineage endpoint or reference label names."""
        return self.corpus.doc(record, label)


def records_to_graph(records: Sequence[Record], corpus: Corpus | None = None) -> Graph:
    """The asserted graph of a corpus of extraction records (deterministic for a given input).

    ``corpus``: the records' identities (``kg.resolve.resolve_corpus(records)``), resolved here if not given.
    """
    g = new_graph()
    emit_records(g, records, corpus)
    return g


def emit_records(g: Sink, records: Sequence[Record], corpus: Corpus | None = None) -> None:
    """The triples of ``records_to_graph`` added to ``g`` as they are made, record by record: a build streams
    them to disk (kg.rdf.sink.LineSink) instead of holding the corpus's graph. Only what is said about the
    corpus's agencies and provinces waits for the last record (their descriptions gather every record's)."""
    written = _Written(corpus if corpus is not None else resolve_corpus(records))
    for doc, document in written.corpus.documents.items():
        _emit_document(g, written, doc, document)
    for i, rec in enumerate(written.corpus.records):
        _emit_record(g, written, i, rec, written.corpus.agencies[i])
    moves = _successors(written)
    _emit_agencies(g, written)
    _emit_provinces(g, written.corpus)
    emit_changes(g, moves, written.corpus.provinces.values())


# --- documents --------------------------------------------------------------------------------------------


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _emit_document(g: Sink, corpus: _Written, doc: URIRef, document: Document) -> None:
    """One node per document, with what the texts say; the document's own record wins over citations."""
    ms = list(document.mentions)
    ingested = ms[0].label == SELF
    cls = _first_class(ms)
    g.add((doc, RDF.type, cls))
    number = _first(m.number for m in ms)
    title = _first(m.title for m in ms if m.label == SELF or not m.number)
    date = max((m.date for m in ms if m.date and (not ingested or m.label == SELF)), key=len, default=None)
    if number:
        g.add((doc, VPO.identifier, Literal(number)))
    if title and not title.startswith("source "):
        g.add((doc, VPO.title, Literal(collapse(title), lang="vi")))
    typed = _date_literal(date) if date else None
    if typed is not None:
        g.add((doc, VPO.dateIssued, typed))
    g.add((doc, VPO.ingested, Literal(ingested)))
    province = document.province
    if province:
        g.add((doc, VPO.jurisdiction, iri.province_iri(province)))
    if document.issuer:
        g.add((doc, VPO.issuedBy, _agency(corpus, document.issuer)))
    label = _doc_label(number, title, date if ingested else None, province, ms[0].doc_type)
    g.add((doc, RDFS.label, Literal(label)))


def _first_class(ms: list[Mention]) -> URIRef:
    classes = [doc_class(m.doc_type) for m in ms]
    return next((c.iri for c in classes if c != GENERIC), GENERIC.iri)


def _doc_label(
    number: str | None, title: str | None, date: str | None, province: str | None, doc_type: str | None
) -> str:
    """ "4655/KH-UBND (Lâm Đồng)"; unnumbered: "Kế hoạch 2024-06 (Nam Định)", else the (short) title."""
    if number:
        name = number
    elif title and not title.startswith("source ") and not (doc_type and date):
        name = _short_title(collapse(title))
    else:
        name = " ".join(x for x in (doc_type or "Văn bản", date) if x)
    return f"{name} ({province})" if province else name


def _short_title(title: str, limit: int = 80) -> str:
    """A long title cut at a word, never inside one (a label shown in `kg status`, chain strips and views).

    >>> _short_title("Chiến lược quốc gia phát triển kinh tế số", 30)
    'Chiến lược quốc gia phát…'
    """
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if title[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


def _date_literal(date: str) -> Literal | None:
    """xsd:date, xsd:gYearMonth or xsd:gYear according to how much of the date is known; None for a date
    that does not exist ("2025-02-31", as a text printed it) or is no ISO date at all (a record file's): it
    stays in the record and the document's label as text, and is never typed, which would make the graph
    invalid (rdflib cannot read such an xsd:date back)."""
    if not real_date(date):
        return None
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(date)]
    return Literal(date, datatype=kind)


# --- one record -------------------------------------------------------------------------------------------


def _emit_record(g: Sink, corpus: _Written, i: int, rec: Record, agencies: RecordAgencies) -> None:
    doc = corpus.doc(i, SELF)
    src = _emit_source(g, rec, doc)
    d = rec.document
    if d.signer:
        person = iri.person_iri(d.signer)
        g.add((doc, VPO.signedBy, person))
        g.add((person, RDF.type, VPO.Person))
        g.add((person, RDFS.label, Literal(collapse(d.signer))))
    for span in d.spans.values():
        _evidence(g, rec, doc, span)
    _emit_references(g, corpus, i, rec, doc, src)
    _emit_lineage(g, corpus, i, rec)
    _emit_tasks(g, corpus, rec, doc, agencies.assignments)
    _emit_targets(g, rec, doc)
    for fm in rec.fields:
        g.add((doc, VPO.inField, iri.field_iri(fm.field)))


def _sha(rec: Record) -> str:
    """The source's sha256; records without one (hand-made) get a stable stand-in from their path/document."""
    if rec.source.sha256:
        return rec.source.sha256
    seed = rec.source.path or f"{rec.document.number}|{rec.document.issuer}|{rec.document.title}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()


def _emit_source(g: Sink, rec: Record, doc: URIRef) -> URIRef:
    """The source text; a news report ``reportsOn`` its document, any other text ``describes`` it."""
    src = iri.source_iri(_sha(rec))
    g.add((src, RDF.type, SOURCE_CLASSES.get(rec.source.kind, VPO.SourceText)))
    if rec.source.path:
        g.add((src, VPO.fileName, Literal(PurePath(rec.source.path).name)))
    if rec.source.sha256:
        g.add((src, VPO.sha256, Literal(rec.source.sha256)))
    g.add((src, VPO.reportsOn if rec.source.kind == "news-report" else VPO.describes, doc))
    return src


def _evidence(g: Sink, rec: Record, subject: URIRef, span: Span | None) -> None:
    """Attach ``subject vpo:evidence`` for a span (source, position and quote selectors); no span, no node."""
    if span is None:
        return
    sha = _sha(rec)
    ev = iri.evidence_iri(sha, span.start, span.end)
    pos, quote = iri.selector_iri(ev, "pos"), iri.selector_iri(ev, "quote")
    g.add((subject, VPO.evidence, ev))
    g.add((ev, RDF.type, VPO.Evidence))
    g.add((ev, VPO.source, iri.source_iri(sha)))
    g.add((ev, OA.hasSelector, pos))
    g.add((ev, OA.hasSelector, quote))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(span.start)))
    g.add((pos, OA.end, Literal(span.end)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(span.quote)))


def _emit_references(g: Sink, corpus: _Written, i: int, rec: Record, doc: URIRef, src: URIRef) -> None:
    """``cites`` each reference, with a Mention node carrying where the text names it."""
    for n, ref in enumerate(rec.references, start=1):
        target = corpus.doc(i, ref.label)
        if target != doc:
            g.add((doc, VPO.cites, target))
        mention = iri.mention_iri(_sha(rec), n)
        g.add((src, VPO.mentions, mention))
        g.add((mention, RDF.type, VPO.Mention))
        g.add((mention, VPO.mentionedDocument, target))
        _evidence(g, rec, mention, ref.span)
        _evidence(g, rec, target, ref.span)


def _emit_lineage(g: Sink, corpus: _Written, i: int, rec: Record) -> None:
    """Direct lineage triples plus a qualified statement (with evidence) hanging off the edge's source."""
    for edge in rec.lineage:
        source, target = corpus.doc(i, edge.source), corpus.doc(i, edge.target)
        relation = RELATIONS.get(edge.relation)
        if relation is None or source == target:
            continue
        g.add((source, relation, target))
        stmt = iri.lineage_iri(source, edge.relation, target)
        g.add((source, VPO.lineageStatement, stmt))
        g.add((stmt, RDF.type, VPO.LineageStatement))
        g.add((stmt, VPO.lineageRelation, relation))
        g.add((stmt, VPO.lineageTarget, target))
        _evidence(g, rec, stmt, edge.span)


# --- tasks and assignments --------------------------------------------------------------------------------


def _tasks_of(rec: Record) -> tuple[list[Task], dict[int, str]]:
    """The record's tasks plus one per distinct task text of assignments that name no task id.

    Returns the tasks and, for each assignment index, the id of its task.
    """
    tasks = list(rec.tasks)
    by_text = {fold(t.text): t.id for t in tasks}
    ids = {t.id for t in tasks}
    owner: dict[int, str] = {}
    for k, a in enumerate(rec.assignments):
        tid = a.task_id or by_text.get(fold(a.task))
        if not tid or tid not in ids:
            tid = tid or _next_id(ids)
            ids.add(tid)
            by_text[fold(a.task)] = tid
            tasks.append(Task(id=tid, text=a.task, field=a.field, deadline=a.deadline, span=a.task_span))
        owner[k] = tid
    return tasks, owner


def _next_id(ids: set[str]) -> str:
    n = len(ids) + 1
    while f"t{n}" in ids:
        n += 1
    return f"t{n}"


def _emit_tasks(g: Sink, corpus: _Written, rec: Record, doc: URIRef, agencies: Sequence[AgencyInfo]) -> None:
    tasks, owner = _tasks_of(rec)
    nodes = {t.id: iri.task_iri(doc, t.id) for t in tasks}
    for t in tasks:
        node = nodes[t.id]
        g.add((doc, VPO.hasTask, node))
        g.add((node, RDF.type, VPO.Task))
        g.add((node, VPO.taskOf, doc))
        g.add((node, VPO.taskText, Literal(collapse(t.text), lang="vi")))
        if t.field:
            g.add((node, VPO.inField, iri.field_iri(t.field)))
        _deadline(g, node, t.deadline)
        _evidence(g, rec, node, t.span)
    for k, a in enumerate(rec.assignments):
        _emit_assignment(g, corpus, rec, nodes[owner[k]], a, agencies[k])


def _emit_assignment(
    g: Sink,
    corpus: _Written,
    rec: Record,
    task: URIRef,
    a: Assignment,
    info: AgencyInfo,
) -> None:
    agency = _agency(corpus, info)
    node = iri.assignment_iri(task, agency, a.role)
    g.add((task, VPO.hasAssignment, node))
    g.add((node, RDF.type, VPO.Assignment))
    g.add((node, VPO.assignedTask, task))
    g.add((node, VPO.assignedAgency, agency))
    g.add((node, VPO.role, ROLES.get(a.role, VPO.lead)))
    g.add((agency, VPO.nameAsWritten, Literal(collapse(a.agency))))
    g.add((agency, SKOS.hiddenLabel, Literal(search_key(a.agency))))
    if a.role == "lead":
        g.add((agency, VPO.leads, task))
    elif a.role == "coordinate":
        g.add((agency, VPO.coordinates, task))
    if a.field:
        g.add((task, VPO.inField, iri.field_iri(a.field)))
    _deadline(g, node, a.deadline)
    _evidence(g, rec, node, a.span)
    _evidence(g, rec, node, a.deadline_span)
    _evidence(g, rec, task, a.task_span)


def _deadline(g: Sink, node: URIRef, text: str | None) -> None:
    """The timeframe as printed, plus the span of years it names (``Năm 2024-2025`` → 2024..2025)."""
    if not text:
        return
    g.add((node, VPO.deadlineText, Literal(collapse(text))))
    years = sorted(_YEAR.findall(text))
    if years:
        g.add((node, VPO.deadlineStart, Literal(years[0], datatype=XSD.gYear)))
        g.add((node, VPO.deadlineEnd, Literal(years[-1], datatype=XSD.gYear)))


def _emit_targets(g: Sink, rec: Record, doc: URIRef) -> None:
    for n, t in enumerate(rec.targets, start=1):
        node = iri.target_iri(doc, n)
        g.add((doc, VPO.hasTarget, node))
        g.add((node, RDF.type, VPO.Target))
        g.add((node, VPO.indicator, Literal(collapse(t.indicator), lang="vi")))
        for prop, value in (
            (VPO.targetValue, t.value),
            (VPO.minValue, t.min_value),
            (VPO.maxValue, t.max_value),
        ):
            if value is not None:
                g.add((node, prop, Literal(float(value), datatype=XSD.double)))
        if t.unit:
            g.add((node, VPO.unit, Literal(t.unit)))
        if t.year is not None:
            g.add((node, VPO.targetYear, Literal(int(t.year), datatype=XSD.integer)))
        if t.comparator:
            g.add((node, VPO.comparator, Literal(t.comparator)))
        _evidence(g, rec, node, t.span)


# --- agencies and provinces -------------------------------------------------------------------------------


def _agency(corpus: _Written, info: AgencyInfo) -> URIRef:
    """The IRI of an agency, remembering what was said about it for ``_emit_agencies``."""
    node = _agency_node(info)
    corpus.agencies.setdefault(node, []).append(info)
    if info.parent:
        _agency(corpus, info.parent)
    return node


def _successors(corpus: _Written) -> dict[URIRef, list[tuple[Move, URIRef]]]:
    """The 2025 steps of every agency the texts name; the bodies they lead to are described like the rest."""
    moves: dict[URIRef, list[tuple[Move, URIRef]]] = {}
    for node, infos in sorted(corpus.agencies.items()):
        steps = successor_moves(infos[0])
        if steps:
            moves[node] = [(move, _agency(corpus, move.after)) for move in steps]
    return moves


def _emit_agencies(g: Sink, corpus: _Written) -> None:
    """One description per agency; when texts differ, the resolved (then shortest, then first) name wins."""
    for node, infos in corpus.agencies.items():
        info = min(infos, key=lambda x: (not x.resolved, len(x.name_vi), x.name_vi))
        g.add((node, RDF.type, VPO.AgencyGroup if any(x.is_group for x in infos) else VPO.Agency))
        g.add((node, SKOS.prefLabel, Literal(info.name_vi, lang="vi")))
        label = info.name_vi
        if info.province and fold(info.province) not in fold(label):
            label = f"{label} ({info.province})"
        if info.parent:  # "Vụ Pháp chế (Bộ Y tế)": the unit's name alone is not unique
            label = f"{label} ({info.parent.name_vi})"
            g.add((node, VPO.parentAgency, _agency_node(info.parent)))
        g.add((node, RDFS.label, Literal(label, lang="vi")))
        english = info.name_en or _composed_english(info)
        if english:
            g.add((node, SKOS.prefLabel, Literal(english, lang="en")))
        if info.level in LEVELS:
            g.add((node, VPO.level, LEVELS[info.level]))
        if info.branch in BRANCHES:
            g.add((node, VPO.branch, BRANCHES[info.branch]))
        if info.province:
            g.add((node, VPO.jurisdiction, iri.province_iri(info.province)))
        _search_keys(g, node, [label, english or "", *(x.name_vi for x in infos)])


def _composed_english(info: AgencyInfo) -> str | None:
    """English for a name the gazetteer does not give one (data/vocab/english.yaml), composed without the
    province a name as written may end with ("Tỉnh ủy Lâm Đồng"): the views add the province themselves."""
    name = info.name_vi
    if info.province and fold(name).endswith(" " + fold(info.province)):
        name = name[: len(name) - len(info.province)].rstrip(" -,")
    return english_name(name)


def _search_keys(g: Sink, node: URIRef, names: Iterable[str]) -> None:
    """``skos:hiddenLabel`` search keys (kg.text.strings.search_key) of an agency's names: queries then find
    "Sở Tài chính" by an indexed exact match on the key instead of a substring scan over every label."""
    for name in names:
        if name:
            g.add((node, SKOS.hiddenLabel, Literal(search_key(name))))


def _agency_node(info: AgencyInfo) -> URIRef:
    return iri.agency_iri(info.province, info.id, info.parent.id if info.parent else None)


def _emit_provinces(g: Sink, corpus: Corpus) -> None:
    for name in sorted(set(corpus.provinces.values())):
        node = iri.province_iri(name)
        g.add((node, RDF.type, VPO.Province))
        g.add((node, RDFS.label, Literal(name, lang="vi")))
