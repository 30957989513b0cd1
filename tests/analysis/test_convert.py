"""The RDF → NetworkX converter: what researchers rely on being carried over from the graph."""

from __future__ import annotations

import pytest
from rdflib import Dataset, URIRef

from analysis_support import ID, MINI, mini, mini_rdf
from kg.analysis.convert import to_networkx
from kg.analysis.export import serialize
from kg.analysis.rows import select

PLAN = ID + "doc/ubnd-dong-nai/2024/100-kh-ubnd"
PARTY = ID + "doc/tu-dong-nai/2024/30-kh-tu"
CONCL = ID + "doc/bct/2024/12-kl-tw"
RES = ID + "doc/bchtw/2012/7-nq-tw"


@pytest.mark.parametrize(
    ("node", "attr", "expected"),
    [
        (PLAN, "label", "100/KH-UBND (Đồng Nai)"),
        (PLAN, "identifier", "100/KH-UBND"),
        (PLAN, "type", "Plan"),
        (PLAN, "province_label", "Đồng Nai"),
        (PLAN, "level", "provincial"),
        (PLAN, "ingested", True),
        (PLAN, "date", "2024-05-02"),
        (CONCL, "level", "central"),  # from the issuer
        (CONCL, "province_label", None),
        (CONCL, "directive", True),
        (PLAN, "directive", False),
        (RES, "ingested", False),
    ],
)
def test_document_nodes_carry_their_facts(node: str, attr: str, expected: object) -> None:
    assert mini().lineage.nodes[node][attr] == expected


def test_plan_targets_keep_value_unit_year_and_quote() -> None:
    (target,) = mini().lineage.nodes[PLAN]["targets"]
    assert (target["value"], target["unit"], target["year"], target["comparator"]) == (30.0, "%", 2030, ">=")
    assert target["quote"] == "phấn đấu 30% doanh nghiệp đổi mới công nghệ vào năm 2030"


@pytest.mark.parametrize(
    ("source", "target", "relations", "quote"),
    [
        (
            PLAN,
            PARTY,
            ["based_on", "implements"],
            "Căn cứ Kế hoạch số 30-KH/TU của Tỉnh ủy thực hiện Kết luận số 12-KL/TW",
        ),
        (PLAN, CONCL, ["implements"], "TRIỂN KHAI KẾT LUẬN SỐ 12-KL/TW"),
        (CONCL, RES, ["implements"], "Kết luận số 12-KL/TW về tiếp tục thực hiện Nghị quyết số 7-NQ/TW"),
    ],
)
def test_lineage_edges_keep_relations_quotes_and_triples(
    source: str, target: str, relations: list[str], quote: str
) -> None:
    edge = mini().lineage.edges[source, target]
    assert edge["relations"] == relations
    assert [q.text for q in edge["quotes"]] == [quote]
    assert all(t[0] == source and t[2] == target for t in edge["triples"])


def test_quotes_keep_file_and_span_when_the_graph_has_them() -> None:
    (quote,) = mini().lineage.edges[PLAN, PARTY]["quotes"]
    assert (quote.file, quote.start, quote.end) == ("dong-nai.txt", 100, 160)


@pytest.mark.parametrize(
    ("agency", "task", "role", "deadline"),
    [
        ("agency/dong-nai/so-khoa-hoc-va-cong-nghe", "task/100-kh-ubnd/t1", "lead", "Năm 2024-2025"),
        ("agency/dong-nai/so-tai-chinh", "task/100-kh-ubnd/t1", "coordinate", "Năm 2024-2025"),
        ("agency/dong-nai/so-khoa-hoc-va-cong-nghe", "task/100-kh-ubnd/t2", "coordinate", "Năm 2026-2030"),
        ("agency/hai-duong/so-nong-nghiep", "task/55-kh-ubnd/t2", "lead", None),
    ],
)
def test_assignments_become_agency_task_edges(
    agency: str, task: str, role: str, deadline: str | None
) -> None:
    edge = mini().responsibility.edges[ID + agency, ID + task]
    assert (edge["role"], edge["deadline"]) == (role, deadline)


def test_tasks_link_to_their_plan_and_fields() -> None:
    resp = mini().responsibility
    task = resp.nodes[ID + "task/100-kh-ubnd/t1"]
    assert task["plan"] == PLAN and task["field_labels"] == ["Khoa học và công nghệ"]
    assert resp.has_edge(ID + "task/100-kh-ubnd/t1", PLAN)


def test_assignment_keeps_the_agency_name_as_printed() -> None:
    edge = mini().responsibility.edges[
        ID + "agency/dong-nai/so-khoa-hoc-va-cong-nghe", ID + "task/100-kh-ubnd/t1"
    ]
    assert [q.text for q in edge["quotes"]] == ["Sở KH&CN"]


def test_a_reference_the_graph_says_nothing_about_is_unresolved() -> None:
    (u,) = mini().unresolved
    assert (u.citing_label, u.predicate, u.target) == (
        "55/KH-UBND (Hải Dương)",
        "cites",
        ID + "doc/unknown/x1",
    )


def _shape(pg: object) -> tuple[list, list, list]:
    return (
        sorted(pg.lineage.edges(data="relation")),  # type: ignore[attr-defined]
        sorted(pg.responsibility.edges(data="role")),  # type: ignore[attr-defined]
        sorted(pg.lineage.nodes(data="label")),  # type: ignore[attr-defined]
    )


def test_a_dataset_with_named_graphs_converts_like_a_graph() -> None:
    ds = Dataset()
    ds.graph(URIRef("https://w3id.org/vn-policy-kg/graph/asserted")).parse(MINI, format="turtle")
    assert _shape(to_networkx(ds)) == _shape(mini())


def test_a_sparql_endpoint_callable_converts_like_a_graph() -> None:
    """A remote endpoint is reached through a callable returning SPARQL JSON-like bindings."""

    def endpoint(query: str) -> list[dict[str, dict[str, str]]]:
        return [
            {k: {"type": "x", "value": v} for k, v in row.items()}
            for row in select(mini_rdf(), query.split("\n", 5)[5])
        ]

    assert _shape(to_networkx(endpoint)) == _shape(mini())


def test_an_oxigraph_store_converts_like_a_graph() -> None:
    import pyoxigraph as ox

    st = ox.Store()
    st.load(
        MINI.read_bytes(),
        ox.RdfFormat.TURTLE,
        to_graph=ox.NamedNode("https://w3id.org/vn-policy-kg/graph/asserted"),
    )
    assert _shape(to_networkx(st)) == _shape(mini())


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_is_deterministic_and_keeps_quotes(fmt: str) -> None:
    first, second = serialize(mini().lineage, fmt), serialize(to_networkx(mini_rdf()).lineage, fmt)
    assert first == second
    assert "TRIỂN KHAI KẾT LUẬN SỐ 12-KL/TW" in first
