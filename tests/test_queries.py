"""The named query library: headers, parameters, and the expected rows on the seed graph (issue 4)."""

import json

import pytest

from graph_seed import seed_store, store_of
from kg.errors import QueryError
from kg.models import Assignment, DocumentMeta, Record, SourceInfo, Span, Target, Task
from kg.rdfmap import records_to_graph
from kg.sparql import bind, discover, format_table, resolve, run_local

QUERIES = discover()


def test_the_library_has_at_least_12_documented_queries() -> None:
    assert len(QUERIES) >= 12
    for q in QUERIES:
        assert q.title and q.question_en and q.question_vi and q.examples, f"{q.name}: incomplete header"
        for p in q.params:
            assert f"${p.name}" in q.text and p.description, (
                f"{q.name}: parameter {p.name} undocumented/unused"
            )


def run(name: str, **params: str) -> list[dict[str, str]]:
    return run_local(seed_store(), bind(resolve(name), params)).records()


# (query, params, column, values that must appear, values that must not)
CASES = [
    (
        "lineage-up",
        {"doc": "4655/KH-UBND"},
        "ancestor",
        {"116-KH/TU (Lâm Đồng)", "69-KL/TW", "20-NQ/TW"},
        set(),
    ),
    (
        "lineage-down",
        {"doc": "69-KL/TW"},
        "descendant",
        {
            "116-KH/TU (Lâm Đồng)",
            "4655/KH-UBND (Lâm Đồng)",
            "47/CTr-TU (Nam Định)",
            "Kế hoạch 2024-06 (Nam Định)",
        },
        {"684/QĐ-UBND (Bắc Kạn)"},
    ),
    ("directive-chain", {"doc": "20-NQ/TW"}, "province", {"Lâm Đồng", "Nam Định"}, {"Bắc Kạn", "Kon Tum"}),
    (
        "agencies-for-directive",
        {"doc": "69-KL/TW"},
        "agency",
        {"Sở Tài chính (Lâm Đồng)", "Sở Tài chính (Nam Định)"},
        {"Sở Tài chính (Kon Tum)"},
    ),
    (
        "agency-answers-for",
        {"agency": "Sở Tài chính"},
        "answersFor",
        {"69-KL/TW", "20-NQ/TW", "4655/KH-UBND (Lâm Đồng)", "47/CTr-TU (Nam Định)"},
        {"Bộ Chính trị", "Sở Công Thương (Lâm Đồng)", "50-KL/TW"},  # only documents its led tasks lead up to
    ),
    (
        "provinces-implementing",
        {"doc": "69-KL/TW"},
        "through",
        {"116-KH/TU (Lâm Đồng)", "47/CTr-TU (Nam Định)"},
        set(),
    ),
    (
        "cited-not-ingested",
        {},
        "document",
        {"69-KL/TW", "20-NQ/TU (Lâm Đồng)", "Luật Khoa học và Công nghệ"},
        {"4655/KH-UBND (Lâm Đồng)"},
    ),
    (
        "coordinate-only-agencies",
        {},
        "agency",
        {"Sở Kế hoạch và Đầu tư (Kon Tum)"},
        {"Sở Khoa học và Công nghệ (Lâm Đồng)"},
    ),
    ("coordination-pairs", {}, "coordinator", {"Sở Khoa học và Công nghệ (Lâm Đồng)"}, set()),
    ("deadlines-in-period", {"from": "2024", "to": "2025"}, "deadline", {"Năm 2024-2025"}, {"Năm 2026-2030"}),
    ("plans-side-by-side", {"doc": "69-KL/TW"}, "planB", {"Kế hoạch 2024-06 (Nam Định)"}, set()),
    ("documents", {}, "document", {"4485/KH-UBND (Kon Tum)", "684/QĐ-UBND (Bắc Kạn)"}, set()),
    ("news-sources", {}, "kind", {"NewsReport", "WebPage", "OfficialText"}, set()),
    ("tasks-without-lead", {}, "task", set(), set()),
]


@pytest.mark.parametrize(("name", "params", "column", "present", "absent"), CASES, ids=[c[0] for c in CASES])
def test_named_query_returns_the_expected_rows(
    name: str, params: dict[str, str], column: str, present: set[str], absent: set[str]
) -> None:
    values = {r.get(column, "") for r in run(name, **params)}
    assert present <= values, f"{name}: missing {present - values}"
    assert not (absent & values), f"{name}: unexpected {absent & values}"


def test_tasks_without_lead_is_empty_on_the_seeds() -> None:
    assert run("tasks-without-lead") == []


def test_every_named_query_is_covered_by_a_case() -> None:
    covered = {c[0] for c in CASES} | {"tasks-by-field", "targets-by-year"}
    assert {q.name for q in QUERIES} <= covered


def _field_record() -> Record:
    span = Span(0, 4, "text")
    task = Task("t1", "Phát triển giống cây trồng", field="agriculture", span=span)
    return Record(
        SourceInfo("x.txt", "ab" * 32, "official-text"),
        DocumentMeta(
            number="9/KH-UBND",
            doc_type="Kế hoạch",
            issuer="Ủy ban nhân dân tỉnh A",
            date="2024-01-02",
            spans={"number": span},
        ),
        assignments=(Assignment("Sở Nông nghiệp", "lead", task.text, task_id="t1", span=span),),
        tasks=(task,),
        targets=(Target("tỷ lệ cơ giới hóa", value=70.0, comparator=">=", unit="%", year=2030, span=span),),
    )


def test_field_and_target_queries_find_what_records_carry() -> None:
    store = store_of(records_to_graph([_field_record()]))
    fields = run_local(store, bind(resolve("tasks-by-field"), {"field": "agriculture"})).records()
    assert [r["task"] for r in fields] == ["Phát triển giống cây trồng"]
    targets = run_local(store, bind(resolve("targets-by-year"), {"year": "2030"})).records()
    assert [(r["indicator"], r["value"], r["unit"]) for r in targets] == [
        ("tỷ lệ cơ giới hóa", "70.0", "%")
    ] or [(r["indicator"], float(r["value"]), r["unit"]) for r in targets] == [
        ("tỷ lệ cơ giới hóa", 70.0, "%")
    ]


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("lineage-upp", {}, "Did you mean: lineage-up"),
        ("lineage-up", {}, "needs --param doc="),
        ("lineage-up", {"doc": "x", "year": "1"}, "has no parameter 'year'"),
    ],
)
def test_query_errors_are_one_line_messages(name: str, params: dict[str, str], message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(")):
        bind(resolve(name), params)


def test_parameter_values_are_escaped_not_spliced() -> None:
    text = bind(resolve("lineage-up"), {"doc": 'x" } DROP ALL ; #'})
    assert '"x\\" } DROP ALL ; #"' in text


def test_formats() -> None:
    table = run_local(seed_store(), bind(resolve("news-sources"), {}))
    assert format_table(table, "csv").splitlines()[0] == "source,kind,relation,document"
    assert "\t" in format_table(table, "tsv")
    assert len(json.loads(format_table(table, "json"))) == len(table.rows)
