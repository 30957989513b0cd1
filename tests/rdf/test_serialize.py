"""The streaming serializers (issue 15): kg.nt and kg.jsonld keep the bytes of the rdflib writers they
replace, canonical Turtle reads back as the same graph, and a build gives the same bytes under any hash seed
and whatever the size of the sorted runs."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic
from rdflib.namespace import SKOS

from graph_seed import GOLD_RECORDS_DIR, seed_graph
from kg.build import OUTPUT_NAMES, build
from kg.build_inputs import collect_inputs, read_records
from kg.namespaces import SCHEMA, VPO
from kg.rdf import runs as runs_module
from kg.rdf.mapping import records_to_graph
from kg.rdf.ntriples import line, literal, split
from kg.rdf.runs import Runs
from kg.rdf.serialize import JSONLD_CONTEXT, to_jsonld, to_ntriples, to_turtle
from kg.store import ASSERTED_GRAPH, count, open_store

KG = Path(sys.executable).with_name("kg")


# --- the bytes of the rdflib writers of before (the oracle: the code kg.rdf.serialize held until issue 15) --


def rdflib_ntriples(g: Graph) -> bytes:
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({x for x in text.splitlines() if x.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8")


def _sorted_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def rdflib_jsonld(g: Graph) -> bytes:
    full = Graph()
    for triple in g:
        full.add(triple)
    plain = {
        VPO.identifier: SCHEMA.legislationIdentifier,
        VPO.title: SCHEMA.name,
        VPO.dateIssued: SCHEMA.legislationDate,
        VPO.issuedBy: SCHEMA.legislationPassedBy,
        VPO.implements: SCHEMA.legislationApplies,
        VPO.jurisdiction: SCHEMA.legislationJurisdiction,
    }
    for doc in set(g.subjects(VPO.ingested, None)):
        full.add((doc, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SCHEMA.Legislation))
        for ours, theirs in plain.items():
            for value in g.objects(doc, ours):
                full.add((doc, theirs, value))
        for task in g.objects(doc, VPO.hasTask):
            for agency in g.subjects(VPO.leads, task):
                full.add((doc, SCHEMA.legislationResponsible, agency))
    data = json.loads(full.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    data = _sorted_json(data)
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _small_graph(n: int, breaks: str = "\u2028\x0c") -> Graph:
    """``n`` subjects with every kind of literal the mapping writes, and strings that need escaping
    (``breaks``: characters ``str.splitlines`` cuts a line at)."""
    g = Graph()
    for i in range(n):
        s = URIRef(f"https://w3id.org/vn-policy-kg/id/doc/x-{i}")
        g.add((s, VPO.title, Literal(f'Kế hoạch "số" {i}\\ a\nb\r\tc{breaks}d', lang="vi")))
        g.add((s, VPO.ingested, Literal(i % 2 == 0)))
        g.add((s, VPO.identifier, Literal(f"{i}/KH-UBND")))
        g.add((s, VPO.targetValue, Literal(float(i) / 3, datatype=XSD.double)))
        g.add((s, VPO.targetYear, Literal(2020 + i, datatype=XSD.integer)))
        g.add((s, VPO.dateIssued, Literal("2024-06", datatype=XSD.gYearMonth)))
        g.add((s, VPO.inField, URIRef("https://w3id.org/vn-policy-kg/field/health")))
    return g


# --- bytes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, 3])
def test_small_graphs_keep_the_rdflib_bytes(size: int) -> None:
    g = _small_graph(size, breaks="")
    assert to_ntriples(g) == rdflib_ntriples(g)
    assert to_jsonld(g) == rdflib_jsonld(g)
    g = _small_graph(size)  # rdflib's N-Triples is broken there (below); its JSON-LD is not
    assert to_jsonld(g) == rdflib_jsonld(g)


def test_seed_graph_keeps_the_rdflib_bytes() -> None:
    g = seed_graph()
    assert to_ntriples(g) == rdflib_ntriples(g)
    assert to_jsonld(g) == rdflib_jsonld(g)


def test_a_line_break_inside_a_literal_stays_inside_its_line() -> None:
    """rdflib writes U+2028 and form feeds raw, and sorting lines cut such a triple in two: escaped here."""
    g = _small_graph(3)
    nt = to_ntriples(g)
    assert nt.decode("utf-8").splitlines() == nt.decode("utf-8").split("\n")[:-1]
    assert len(nt.decode("utf-8").splitlines()) == len(g)
    assert isomorphic(Graph().parse(data=nt.decode("utf-8"), format="nt"), g)


def test_literals_read_back_from_their_lines() -> None:
    for triple in _small_graph(2):
        _, _, token = split(line(triple))  # type: ignore[arg-type]
        o = triple[2]
        if isinstance(o, Literal):
            parsed = literal(token)
            assert (parsed.lexical, parsed.language) == (str(o), o.language)
            assert parsed.datatype == (str(o.datatype) if o.datatype else None)


# --- graphs read back -------------------------------------------------------------------------------------


def _canonical(g: Graph) -> Graph:
    """Typed literals by value (JSON-LD writes 1/3 as a JSON number, read back as 3.333…E-1)."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype in (XSD.double, XSD.integer, XSD.boolean):
            o = Literal(o.toPython(), datatype=o.datatype)
        out.add((s, p, o))
    return out


def _same(a: Graph, b: Graph) -> None:
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(f"graphs differ:\n{only_a.serialize(format='nt')}\n---\n{only_b.serialize(format='nt')}")


@pytest.mark.parametrize("g", [seed_graph(), _small_graph(3)], ids=["seed", "escapes"])
def test_turtle_and_jsonld_read_back_as_the_ntriples_graph(g: Graph) -> None:
    nt = Graph().parse(data=to_ntriples(g).decode("utf-8"), format="nt")
    _same(Graph().parse(data=to_turtle(g).decode("utf-8"), format="turtle"), nt)
    ld = Graph().parse(data=to_jsonld(g).decode("utf-8"), format="json-ld")
    schema = Graph()
    for s, p, o in ld:
        if str(p).startswith(str(SCHEMA)) or o == SCHEMA.Legislation:
            schema.add((s, p, o))
    _same(_canonical(ld - schema), _canonical(nt))
    assert {s for s, _, _ in schema} == set(nt.subjects(VPO.ingested, None))


# --- runs ---------------------------------------------------------------------------------------------------


def test_runs_give_every_line_once_in_order(tmp_path: Path) -> None:
    lines = [f"<{random.Random(n).random()}> .\n" for n in range(50)] * 3
    random.Random(1).shuffle(lines)
    loaded: list[list[str]] = []
    with Runs(tmp_path, limit=7, on_run=loaded.append) as runs:
        runs.extend(lines)
        out = list(runs.merged())
    assert out == sorted(set(lines))
    assert len(loaded) == -(-len(lines) // 7)
    assert all(run == sorted(set(run)) for run in loaded)
    assert list(tmp_path.iterdir()) == []  # the runs are anonymous files, gone when closed


# --- builds -------------------------------------------------------------------------------------------------


def _kg_build(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [str(KG), "build", str(GOLD_RECORDS_DIR), "--out-dir", str(out), "--store", str(out / "store")]
    run = subprocess.run([*args, "-j", "1"], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    return {n: (out / n).read_bytes() for n in OUTPUT_NAMES}


def test_two_builds_under_different_hash_seeds_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = _kg_build(tmp_path / "a", "1"), _kg_build(tmp_path / "b", "2")
    for name in OUTPUT_NAMES:
        assert first[name] == second[name], f"{name} depends on the hash seed"


def test_the_streaming_build_writes_the_bytes_of_the_rdflib_writers(tmp_path: Path) -> None:
    build([GOLD_RECORDS_DIR], tmp_path, jobs=1)
    g = records_to_graph(read_records(collect_inputs([GOLD_RECORDS_DIR])))
    assert (tmp_path / "kg.nt").read_bytes() == rdflib_ntriples(g)
    assert (tmp_path / "kg.jsonld").read_bytes() == rdflib_jsonld(g)
    assert (tmp_path / "kg.ttl").read_bytes() == to_turtle(g)


def test_small_runs_build_the_same_files_and_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many runs (each loaded into the store as it is made, then merged) give what one run gives."""
    build([GOLD_RECORDS_DIR], tmp_path / "one", jobs=1)
    monkeypatch.setattr(runs_module, "DEFAULT_LIMIT", 97)
    result = build([GOLD_RECORDS_DIR], tmp_path / "many", jobs=1)
    for name in OUTPUT_NAMES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "many" / name).read_bytes(), name
    assert count(open_store(tmp_path / "many" / "current" / "store"), str(ASSERTED_GRAPH)) == result.triples
    nt = (tmp_path / "many" / "kg.nt").read_bytes()
    assert result.triples == nt.count(b"\n") > 97 * 3


def test_canonical_turtle_is_the_documented_form() -> None:
    """The contract of kg.ttl (kg.rdf.serialize): fixed prefixes, subjects and predicates in N-Triples order
    with ``a`` first, objects one a line when several, prefixed names only where they read plainly."""
    task = URIRef("https://w3id.org/vn-policy-kg/id/task/x/t1")
    agency = URIRef("https://w3id.org/vn-policy-kg/id/agency/so-tai-chinh")
    g = Graph()
    g.add((task, RDF.type, VPO.Task))
    g.add((task, VPO.taskText, Literal('Chủ trì "A"', lang="vi")))
    g.add((task, VPO.deadlineStart, Literal("2025", datatype=XSD.gYear)))
    g.add((agency, VPO.leads, task))
    g.add((agency, RDF.type, VPO.Agency))
    g.add((agency, VPO.level, VPO.provincial))
    g.add((agency, SKOS.hiddenLabel, Literal("so tai chinh")))
    g.add((agency, SKOS.hiddenLabel, Literal("department of finance")))
    body = to_turtle(g).decode("utf-8").split("\n\n", 1)[1]
    assert body == (
        "<https://w3id.org/vn-policy-kg/id/agency/so-tai-chinh>\n"
        "    a vpo:Agency ;\n"
        "    skos:hiddenLabel\n"
        '        "department of finance" ,\n'
        '        "so tai chinh" ;\n'
        "    vpo:leads <https://w3id.org/vn-policy-kg/id/task/x/t1> ;\n"
        "    vpo:level vpo:provincial ;\n"
        ".\n"
        "\n"
        "<https://w3id.org/vn-policy-kg/id/task/x/t1>\n"
        "    a vpo:Task ;\n"
        '    vpo:deadlineStart "2025"^^xsd:gYear ;\n'
        '    vpo:taskText "Chủ trì \\"A\\""@vi ;\n'
        ".\n"
    )
