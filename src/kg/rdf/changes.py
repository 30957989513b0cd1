"""The 2025 reorganisation in the graph: for every agency and province the texts name, the steps that lead
to the body (or province) holding its work now (kg.lexicon.changes), in W3C ORG terms.

Each step is an ``org:ChangeEvent`` (``org:originalOrganization`` the body before,
``org:resultingOrganization`` the body after, ``vpo:changeKind``, ``vpo:effectiveDate``,
``vpo:legalBasis``), a direct ``vpo:successor`` edge, and ``prov:invalidatedAtTime`` on the body that
ceased. The names the texts wrote are never rewritten (NOTES.md G6): a successor is a node of its own,
described like any agency (kg.rdf.mapping).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.namespace import PROV

from kg import iri
from kg.lexicon.changes import Change, Step, path, province_now
from kg.lexicon.gazetteer import agency_by_id
from kg.namespaces import ORG, VPO
from kg.rdf.sink import Sink
from kg.resolve import AgencyInfo

KIND_VI = {
    "merger": "Sáp nhập, hợp nhất",
    "split": "Chia tách",
    "rename": "Đổi tên, tổ chức lại",
    "transfer-of-functions": "Chuyển giao chức năng",
    "abolition": "Kết thúc hoạt động",
}


@dataclass(frozen=True)
class Move:
    """One step of an agency: the changes of one date and the body after them."""

    step: Step
    after: AgencyInfo


def successor_moves(info: AgencyInfo) -> tuple[Move, ...]:
    """The steps from ``info`` to the body holding its work now; () for a body no change touched (or a
    ministry's own unit, or a name the gazetteer does not list)."""
    if info.parent is not None or not info.resolved:
        return ()
    moves = []
    name, ident = info.name_vi, info.id
    for step in path(info.id, info.province):
        match = agency_by_id(step.agency, step.province)
        if match is None:
            break
        # a collective keeps its words when only its province changes ("Các sở, ngành liên quan")
        if step.name or not (match.is_group and match.id == ident):
            name = step.name or match.name
        ident = match.id
        after = AgencyInfo(
            id=match.id,
            province=match.province,
            name_vi=name,
            name_en=match.name_en,
            level=match.level,
            branch=match.branch,
            is_group=match.is_group,
            resolved=True,
        )
        moves.append(Move(step, after))
    return tuple(moves)


def emit_changes(
    g: Sink,
    moves: Mapping[URIRef, Sequence[tuple[Move, URIRef]]],
    provinces: Iterable[str],
) -> None:
    """Write the steps of every agency (node → its moves with the node after each) and province."""
    for node, steps in moves.items():
        before = node
        for move, after in steps:
            _emit_step(g, move.step, before, after)
            if move.after.province:
                _province(g, move.after.province)
            before = after
    for name in sorted(set(provinces)):
        now, change = province_now(name)
        if change is not None:
            new = _province(g, now)
            _emit_event(g, change, iri.change_iri(change.id), iri.province_iri(name), new)


def _province(g: Sink, name: str) -> URIRef:
    node = iri.province_iri(name)
    g.add((node, RDF.type, VPO.Province))
    g.add((node, RDFS.label, Literal(name, lang="vi")))
    return node


def _emit_step(g: Sink, step: Step, before: URIRef, after: URIRef) -> None:
    for change in step.changes:
        _emit_event(g, change, _event_iri(change, before), before, after)


def _event_iri(change: Change, before: URIRef) -> URIRef:
    """A province merger is one event; a change of bodies happens once centrally or once per province."""
    if change.scope == "province":
        return iri.change_iri(change.id)
    scope = str(before).split("/agency/", 1)[1].split("/", 1)[0]
    return iri.change_iri(change.id, scope, central=scope == iri.CENTRAL)


def _emit_event(g: Sink, change: Change, event: URIRef, before: URIRef, after: URIRef) -> None:
    g.add((event, RDF.type, ORG.ChangeEvent))
    g.add((event, RDFS.label, Literal(_event_label(change), lang="vi")))
    g.add((event, VPO.changeKind, Literal(change.kind)))
    g.add((event, VPO.effectiveDate, Literal(change.date, datatype=XSD.date)))
    for basis in change.bases:
        g.add((event, VPO.legalBasis, Literal(basis.citation())))
    g.add((event, ORG.originalOrganization, before))
    g.add((event, ORG.resultingOrganization, after))
    g.add((before, VPO.successor, after))
    g.add((before, PROV.invalidatedAtTime, Literal(f"{change.date}T00:00:00+07:00", datatype=XSD.dateTime)))


def _event_label(change: Change) -> str:
    """ "Sáp nhập, hợp nhất: Bộ Kế hoạch và Đầu tư, … → Bộ Tài chính (1/3/2025)"."""
    names = [_name(change, p) for p in change.predecessors], [_name(change, s) for s in change.successors]
    year, month, day = (int(x) for x in change.date.split("-"))
    return f"{KIND_VI[change.kind]}: {', '.join(names[0])} → {', '.join(names[1])} ({day}/{month}/{year})"


def _name(change: Change, ident: str) -> str:
    if change.scope == "province":
        return ident
    match = agency_by_id(ident)
    if ident in change.successors and change.successor_name:
        return change.successor_name
    return match.name if match else ident
