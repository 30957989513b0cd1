"""The named query library: headers, parameters, and the expected rows on the seed graph (issue 4)."""

import json
from pathlib import Path

import pytest

from graph_seed import seed_store, store_of
from kg.cli import main
from kg.errors import QueryError
from kg.models import Assignment, DocumentMeta, Record, SourceInfo, Span, Target, Task
from kg.query.sparql import bind, discover, format_table, resolve, run_local
from kg.rdf.mapping import records_to_graph
from kg.store import new_store

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
    (
        "plans-side-by-side",
        {"doc": "69-KL/TW"},
        "plan",
        {"4655/KH-UBND (Lâm Đồng)", "Kế hoạch 2024-06 (Nam Định)"},
        {"684/QĐ-UBND (Bắc Kạn)", "116-KH/TU (Lâm Đồng)"},  # not implementing it / not read in full
    ),
    (
        "plans-side-by-side",
        {"doc": "69-KL/TW"},
        "through",
        {"47/CTr-TU (Nam Định)", "116-KH/TU (Lâm Đồng)"},
        {"69-KL/TW"},
    ),
    (
        "agency-answers-for",
        {"agency": "so tai chinh (LAM DONG)"},  # the key ignores case, diacritics and punctuation
        "agency",
        {"Sở Tài chính (Lâm Đồng)"},
        {"Sở Tài chính (Nam Định)"},
    ),
    ("agency-answers-for", {"agency": "Tài chính"}, "agency", set(), {"Sở Tài chính (Lâm Đồng)"}),
    ("documents", {}, "document", {"4485/KH-UBND (Kon Tum)", "684/QĐ-UBND (Bắc Kạn)"}, set()),
    ("news-sources", {}, "kind", {"NewsReport", "WebPage", "OfficialText"}, set()),
    ("tasks-without-lead", {}, "task", set(), set()),
    # the seeds' fields come from their "Lĩnh vực ..." headings (document level) and from a task's own
    # words (684's "đề án tái cơ cấu ngành nông nghiệp" task, task level; kg.extract.fields)
    (
        "tasks-by-field",
        {"field": "agriculture"},
        "document",
        {"4655/KH-UBND (Lâm Đồng)", "684/QĐ-UBND (Bắc Kạn)"},
        {"3549/KH-UBND (Kon Tum)"},
    ),
    ("tasks-by-field", {"field": "y tế"}, "field", {"health"}, {"agriculture"}),
    (
        "targets-by-year",
        {"year": "2030"},
        "document",
        {"3549/KH-UBND (Kon Tum)"},
        {"Kế hoạch 2024-06 (Nam Định)"},
    ),
    ("targets-by-year", {"year": "2025"}, "unit", {"%"}, set()),
    # issue 13: the 2025 reorganisation (data/vocab/changes.yaml) in the graph
    (
        "task-holder-now",
        {"agency": "Sở Thông tin và Truyền thông (Lâm Đồng)"},
        "now",
        {"Sở Khoa học và Công nghệ (Lâm Đồng)"},
        {"Sở Thông tin và Truyền thông (Lâm Đồng)"},
    ),
    (
        "task-holder-now",
        {"agency": "Sở Thông tin và Truyền thông (Nam Định)"},
        "basis",
        {
            "Nghị định 45/2025/NĐ-CP của Chính phủ, 28/2/2025",
            "Nghị quyết 202/2025/QH15 của Quốc hội, 12/6/2025",
        },
        set(),
    ),
    (
        "body-inherited",
        {"agency": "Sở Khoa học và Công nghệ (Ninh Bình)"},
        "from",
        {"Sở Khoa học và Công nghệ (Nam Định)", "Sở Thông tin và Truyền thông (Nam Định)"},
        {"Sở Khoa học và Công nghệ (Lâm Đồng)"},
    ),
]


@pytest.mark.parametrize(
    ("name", "params", "column", "present", "absent"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_named_query_returns_the_expected_rows(
    name: str, params: dict[str, str], column: str, present: set[str], absent: set[str]
) -> None:
    values = {r.get(column, "") for r in run(name, **params)}
    assert present <= values, f"{name}: missing {present - values}"
    assert not (absent & values), f"{name}: unexpected {absent & values}"


def test_tasks_without_lead_is_empty_on_the_seeds() -> None:
    assert run("tasks-without-lead") == []


def test_every_named_query_is_covered_by_a_case() -> None:
    covered = {c[0] for c in CASES}
    assert {q.name for q in QUERIES} <= covered


def test_tasks_by_field_lists_the_seed_tasks_of_documents_in_the_field() -> None:
    rows = run("tasks-by-field", field="health")
    assert rows and all(r["level"] == "document" for r in rows)
    assert any(r["task"] and r["lead"].startswith("Sở") for r in rows), "tasks of the document, with leads"


def _field_record() -> Record:
    """A task placed under a field heading (no seed task is: their field headings sit outside the
    organisation sections), so the task-level branch of tasks-by-field needs this small fixed record."""
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
    assert [(r["level"], r["task"]) for r in fields] == [("task", "Phát triển giống cây trồng")]
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
        ("plans-side-by-side", {}, "needs --param doc="),
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
    assert format_table(table, "csv").splitlines()[0] == "source,kind,relation,document,sourceIri,documentIri"
    assert "\t" in format_table(table, "tsv")
    assert len(json.loads(format_table(table, "json"))) == len(table.rows)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An (empty) built store on disk: enough for the CLI to get past opening it."""
    path = tmp_path_factory.mktemp("kg") / "store"
    store = new_store(path)
    store.flush()
    del store
    return path


def _kg(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run the `kg` console script in-process: (exit status, stderr)."""
    monkeypatch.setattr("sys.argv", ["kg", *args])
    with pytest.raises(SystemExit) as done:
        main()
    return int(done.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lineage-up"], "query 'lineage-up' needs --param doc=VALUE"),
        (["no-such-query"], "unknown query 'no-such-query'"),
        (["lineage-up", "--param", "doc"], "--param 'doc': expected key=value"),
        (["{malformed}", "--store", "{store}"], "broken.rq: query does not parse: error at 2:"),
        (["documents", "--endpoint", "http://127.0.0.1:9/sparql"], "http://127.0.0.1:9/sparql: "),
    ],
    ids=["missing-param", "unknown-query", "bad-param", "malformed-rq", "unreachable-endpoint"],
)
def test_cli_query_errors_are_one_line_with_exit_2(
    args: list[str],
    message: str,
    tmp_path: Path,
    empty_store: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    malformed = tmp_path / "broken.rq"
    malformed.write_text("# title: broken\nSELECT ?x WHERE { ?x ", encoding="utf-8")
    args = [a.format(malformed=malformed, store=empty_store) for a in args]
    code, err = _kg(monkeypatch, capsys, "query", *args)
    assert code == 2
    assert err.startswith("kg: error: ") and message in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
