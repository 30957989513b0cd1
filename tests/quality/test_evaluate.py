"""The scorer itself: each measure on tiny records, corpus folders, and `kg evaluate` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.commands.extract import evaluate_command
from kg.quality.evaluate import Miss, load_corpus, looks_collective, match_assignments, score

GOLD = {
    "document": {
        "number": "12/KH-UBND",
        "doc_type": "Kế hoạch",
        "issuer": "Ủy ban nhân dân tỉnh Nghệ An",
        "date": "2025-04-03",
        "title": "Thực hiện chuyển đổi số",
        "signer": "Lê Văn A",
    },
    "references": [{"number": "57-NQ/TW"}, {"number": "03/NQ-CP"}],
    "lineage": [{"from": "SELF", "relation": "implements", "to": "03/NQ-CP"}],
    "acceptable_lineage": [{"from": "SELF", "relation": "implements", "to": "57-NQ/TW"}],
    "assignments": [
        {
            "agency": "Sở Tài chính",
            "role": "lead",
            "task": "Bố trí kinh phí thực hiện Kế hoạch",
            "deadline": "Hằng năm",
            "collective": False,
        },
        {
            "agency": "Các sở, ban, ngành",
            "role": "coordinate",
            "task": "Bố trí kinh phí thực hiện Kế hoạch",
            "deadline": "Hằng năm",
            "collective": True,
        },
    ],
}


def _pred(**changes: object) -> dict[str, object]:
    return {**json.loads(json.dumps(GOLD)), **changes}


def test_a_perfect_record_scores_one_everywhere() -> None:
    s = score(_pred(), GOLD)
    assert (s.references.f1, s.lineage.f1, s.agency_roles.f1, s.collectives.f1) == (1.0, 1.0, 1.0, 1.0)
    assert s.deadlines.right == s.deadlines.total == 2 and s.metadata == 1.0


def test_an_acceptable_edge_is_neither_right_nor_wrong() -> None:
    edges = [*GOLD["lineage"], {"from": "SELF", "relation": "implements", "to": "57-NQ/TW"}]
    s = score(_pred(lineage=edges), GOLD)
    assert (s.lineage.tp, s.lineage.fp, s.lineage.fn) == (1, 0, 0)


def test_a_wrong_deadline_counts_only_on_the_matched_task() -> None:
    pred = _pred()
    pred["assignments"][0]["deadline"] = "Quý IV/2025"  # type: ignore[index]
    pred["assignments"].append({"agency": "Sở Y tế", "role": "lead", "task": "Khác hẳn", "deadline": None})  # type: ignore[union-attr]
    s = score(pred, GOLD)
    assert (s.deadlines.right, s.deadlines.total) == (1, 2)
    assert (s.agency_roles.tp, s.agency_roles.fp) == (2, 1)


def test_each_metadata_field_is_scored_on_its_own() -> None:
    pred = _pred(document={**GOLD["document"], "signer": None, "date": "2025-04"})
    s = score(pred, GOLD)
    assert (
        s.fields["signer"].value == 0.0 and s.fields["date"].value == 0.0 and s.fields["number"].value == 1.0
    )


def test_collectives_follow_the_gold_flag_and_else_the_wording() -> None:
    assert looks_collective("Ủy ban nhân dân các xã, phường") and looks_collective("các đơn vị liên quan")
    assert not looks_collective("Ban Tuyên giáo và Dân vận Tỉnh ủy")
    pred = _pred(assignments=[dict(GOLD["assignments"][0])])  # the group is lost
    s = score(pred, GOLD)
    assert (s.collectives.tp, s.collectives.fn) == (0, 1)


def test_matching_pairs_each_gold_task_with_one_prediction() -> None:
    gold = [{"agency": "Bộ Y tế", "role": "lead", "task": "Xây dựng cơ sở dữ liệu y tế quốc gia"}]
    pred = [
        {"agency": "Bộ Y tế", "role": "lead", "task": "Tổ chức tập huấn"},
        {
            "agency": "Bộ Y tế",
            "role": "lead",
            "task": "Xây dựng cơ sở dữ liệu y tế quốc gia, hoàn thành 2026",
        },
    ]
    assert match_assignments(pred, gold) == [(gold[0], pred[1])]


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "one.txt").write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 12/KH-UBND\n\nNghệ An, ngày 3 tháng 4 năm 2025\n\nKẾ HOẠCH\n"
        "Thực hiện chuyển đổi số\n\nCăn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ;\n",
        encoding="utf-8",
    )
    (folder / "one.gold.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (folder / "SOURCES.yaml").write_text("documents:\n- {stem: one, kind: ubnd, layout: plain}\n", "utf-8")
    return folder


def test_a_corpus_folder_gives_kind_and_layout(tmp_path: Path) -> None:
    (doc,) = load_corpus(_corpus(tmp_path))
    assert (doc.stem, doc.kind, doc.layout, doc.text.name) == ("one", "ubnd", "plain", "one.txt")


def test_kg_evaluate_prints_groups_and_misses_with_their_text(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    out = tmp_path / "quality.md"
    result = CliRunner().invoke(evaluate_command, [str(folder), "--write", str(out)])
    assert result.exit_code == 0, result.output
    assert "kind" in result.output and "ubnd" in result.output and "worst misses" in result.output
    # the signer is absent from this text: the miss names the field and what was wanted
    assert "metadata.signer" in result.output and "Lê Văn A" in result.output
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Extraction quality") and "## Per layout" in md and "| plain |" in md


def test_kg_evaluate_json_has_typed_numbers(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate_command, [str(_corpus(tmp_path)), "--json"])
    data = json.loads(result.output)
    assert isinstance(data["total"]["refs"], float) and data["total"]["docs"] == 1
    assert data["kind"]["ubnd"]["support"]["references"] >= 1


def test_kinds_of_two_corpora_are_kept_apart(tmp_path: Path) -> None:
    # the seeds (tuned to) must not lift the real corpus's kinds: each kind is reported per corpus
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    real = _corpus(tmp_path / "a")
    seeds = _corpus(tmp_path / "b").rename(tmp_path / "b" / "seeds")
    for suffix in (".txt", ".gold.json"):  # another stem: documents are keyed by their stem
        (seeds / f"one{suffix}").rename(seeds / f"two{suffix}")
    (seeds / "SOURCES.yaml").write_text("documents:\n- {stem: two, kind: ubnd, layout: plain}\n", "utf-8")
    result = CliRunner().invoke(evaluate_command, [str(real), str(seeds), "--json"])
    data = json.loads(result.output)
    assert set(data["kind"]) == {"ubnd (corpus)", "ubnd (seeds)"}
    assert set(data["layout"]) == {"plain (corpus)", "plain (seeds)"}
    assert set(data["corpus"]) == {"corpus", "seeds"}


def test_kg_evaluate_refuses_a_folder_without_gold(tmp_path: Path) -> None:
    from kg.errors import InputError

    result = CliRunner().invoke(evaluate_command, [str(tmp_path)])
    assert isinstance(result.exception, InputError) and "no gold records" in str(result.exception)


def test_a_gold_record_without_its_text_is_named(tmp_path: Path) -> None:
    from kg.errors import InputError

    folder = _corpus(tmp_path)
    (folder / "one.txt").unlink()
    try:
        load_corpus(folder)
    except InputError as exc:
        assert "one.gold.json" in str(exc)
    else:
        raise AssertionError("a missing text must be an error")


def test_a_miss_carries_the_words_of_the_text() -> None:
    assert Miss("d", "references", "missed", "03/NQ-CP", "Căn cứ Nghị quyết số 03/NQ-CP").context
