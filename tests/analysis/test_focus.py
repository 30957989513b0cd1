"""`kg trace` / `kg who` / `kg compare --implementing` read only a neighbourhood of the graph: the answers
must equal the whole graph's.

A researcher gets the same lineage, duties, quotes and error messages whether the converter read every
triple or only the documents and agencies the question is about (kg.analysis.focus).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import Graph

from analysis_support import CYCLE, cycle, mini, mini_rdf
from kg.analysis.compare import compare_implementing
from kg.analysis.convert import to_networkx
from kg.analysis.focus import compare_in, metrics_graphs, trace_in, who_in
from kg.analysis.trace import trace
from kg.analysis.who import who
from kg.commands.analysis import compute_metrics
from kg.errors import KGError, LineageCycle


def _store() -> ox.Store:
    store = ox.Store()
    store.load(mini_rdf().serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _callable() -> Callable[[str], Any]:
    """A SPARQL endpoint stand-in: a function from query text to rows of terms."""
    graph = mini_rdf()
    return lambda text: [row.asdict() for row in graph.query(text)]


SOURCES = {"rdflib": mini_rdf, "oxigraph": _store, "endpoint": _callable}


def _answer(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except KGError as err:  # the same refusal, with the same suggestions, is the same answer
        return repr(err)


def _documents() -> list[str]:
    return [*sorted({i for _, i in mini().lineage.nodes(data="identifier") if i}), "99-KL/TW"]


def _agencies() -> list[tuple[str, str | None]]:
    resp = mini().responsibility
    names = sorted({str(d["label"]) for _, d in resp.nodes(data=True) if d.get("kind") == "agency"})
    return [(n, None) for n in names] + [("so khcn", None), ("Sở KH&CN", "Ha Nam"), ("So Ngoai vu", None)]


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("document", _documents())
def test_trace_of_a_neighbourhood_equals_the_whole_graphs(source: str, document: str) -> None:
    expected = _answer(lambda: trace(mini().lineage, document))
    assert _answer(lambda: trace_in(SOURCES[source](), document)) == expected


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("document", _documents())
@pytest.mark.parametrize("as_merged", [False, True])
def test_compare_of_a_neighbourhood_equals_the_whole_graphs(
    source: str, document: str, as_merged: bool
) -> None:
    expected = _answer(lambda: compare_implementing(mini(), document, as_merged))
    assert _answer(lambda: compare_in(SOURCES[source](), document, as_merged)) == expected


_GONE = """@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> . @prefix oa: <http://www.w3.org/ns/oa#> .
<urn:plan> a vpo:Plan ; vpo:identifier "7/KH-UBND" ; vpo:implements <urn:gone> ; vpo:evidence <urn:ev> .
<urn:ev> oa:hasSelector <urn:sel> . <urn:sel> oa:exact "thực hiện Nghị quyết số 99-NQ/TW" ."""


def test_metrics_without_most_quotes_equal_the_whole_graphs() -> None:
    """kg metrics reads the unresolved references' quotes only: every measure, quotes included, the same."""
    graph = mini_rdf() + Graph().parse(data=_GONE, format="turtle")
    expected = compute_metrics(to_networkx(graph))
    assert any(u["quotes"] for u in expected["gaps"]["unresolved_references"])  # quotes to compare
    assert compute_metrics(metrics_graphs(graph)) == expected
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    assert compute_metrics(metrics_graphs(store)) == expected


_DATED_ONLY = """@prefix vpo: <https://w3id.org/vn-policy-kg/ontology#> .
<urn:plan> a vpo:Plan ; vpo:identifier "8/KH-UBND" ; vpo:implements <urn:law> .
<urn:law> vpo:dateIssued "2020-01-01" ."""


def test_a_target_described_only_by_what_metrics_do_not_read_is_not_unresolved() -> None:
    """kg metrics reads fewer predicates than the whole conversion: a cited document it knows only by its
    date is still a document the graph describes, not a reference resolving to nothing."""
    graph = mini_rdf() + Graph().parse(data=_DATED_ONLY, format="turtle")
    expected = compute_metrics(to_networkx(graph))
    assert "urn:law" not in [u["target"] for u in expected["gaps"]["unresolved_references"]]
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    assert compute_metrics(metrics_graphs(graph)) == compute_metrics(metrics_graphs(store)) == expected


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize(("agency", "province"), _agencies())
def test_who_of_a_neighbourhood_equals_the_whole_graphs(
    source: str, agency: str, province: str | None
) -> None:
    expected = _answer(lambda: who(mini(), agency, province))
    assert _answer(lambda: who_in(SOURCES[source](), agency, province)) == expected


def test_a_cycle_near_the_document_is_still_refused() -> None:
    with pytest.raises(LineageCycle) as whole:
        trace(cycle().lineage, "1-NQ/TW")
    with pytest.raises(LineageCycle) as near:
        trace_in(Graph().parse(CYCLE, format="turtle"), "1-NQ/TW")
    assert set(near.value.cycle) == set(whole.value.cycle) == {"2/KH-UBND", "3/KH-UBND"}
