"""Tables of an evaluation (kg.quality.evaluate.Evaluation): plain text for the terminal, Markdown for
docs/quality.md, plain data for ``--json``. Formatting only; the scores are computed in
kg.quality.evaluate."""

from __future__ import annotations

from typing import Any

from kg.quality.evaluate import META_FIELDS, Evaluation, Miss, Scores

COLUMNS = (
    ("docs", "docs"),
    ("refs", "refs F1"),
    ("lineage", "lineage F1"),
    ("roles", "agency-role F1"),
    ("collectives", "collectives F1"),
    ("deadlines", "deadline acc."),
    *((k, k) for k in META_FIELDS),
)


def measures(s: Scores) -> dict[str, Any]:
    """The numbers of one row: F1s, accuracies, each metadata field's accuracy, and the supports."""
    row: dict[str, Any] = {
        "docs": s.documents,
        "refs": s.references.f1,
        "lineage": s.lineage.f1,
        "roles": s.agency_roles.f1,
        "collectives": s.collectives.f1,
        "deadlines": s.deadlines.value,
    }
    row.update({k: s.fields[k].value for k in META_FIELDS})
    row["support"] = {
        "references": s.references.support,
        "lineage": s.lineage.support,
        "agency_roles": s.agency_roles.support,
        "collectives": s.collectives.support,
        "deadlines_matched": s.deadlines.total,
    }
    return row


def _cell(v: Any) -> str:
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _rows(groups: dict[str, Scores]) -> list[list[str]]:
    out = []
    for name, s in groups.items():
        m = measures(s)
        out.append([name, *(_cell(m[key]) for key, _ in COLUMNS)])
    return out


def markdown_table(title: str, groups: dict[str, Scores]) -> str:
    """One Markdown table: a row per group, a column per measure."""
    head = [title, *(label for _, label in COLUMNS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in _rows(groups)]
    return "\n".join(lines)


def text_table(title: str, groups: dict[str, Scores]) -> str:
    """The same table in fixed-width columns for the terminal."""
    head = [title, *(label.replace(" F1", "").replace(" acc.", "") for _, label in COLUMNS)]
    rows = [head, *_rows(groups)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    widths[0] = min(widths[0], 48)
    return "\n".join("  ".join(c[: widths[i]].ljust(widths[i]) for i, c in enumerate(r)) for r in rows)


def miss_lines(misses: list[Miss]) -> list[str]:
    """One line per miss, then the text it concerns."""
    out = []
    for m in misses:
        out.append(f"{m.doc}  {m.measure}  {m.kind}: {m.item}")
        if m.context:
            out.append(f"    «{m.context}»")
    return out


def to_text(ev: Evaluation, worst: int) -> str:
    """Everything `kg evaluate` prints: per document, per kind, per layout, total, worst misses."""
    parts = [
        text_table("document", ev.per_doc),
        text_table("kind", ev.grouped("kind")),
        text_table("layout", ev.grouped("layout")),
        text_table("corpus", {**ev.grouped("corpus"), "TOTAL": ev.total}),
    ]
    if worst:
        parts.append(f"The {worst} worst misses:\n" + "\n".join(miss_lines(ev.worst_misses(worst))))
    return "\n\n".join(parts)


def to_markdown(ev: Evaluation, worst: int, header: str) -> str:
    """docs/quality.md: the same tables in Markdown under a header naming the commit and the corpora."""
    misses = "\n".join(
        f"- `{line.strip()}`" if not line.startswith("    ") else f"  {line.strip()}"
        for line in miss_lines(ev.worst_misses(worst))
    )
    return (
        "\n\n".join(
            [
                header.rstrip(),
                "## Totals\n\n" + markdown_table("corpus", {**ev.grouped("corpus"), "TOTAL": ev.total}),
                "## Per kind\n\n" + markdown_table("kind", ev.grouped("kind")),
                "## Per layout\n\n" + markdown_table("layout", ev.grouped("layout")),
                "## Per document\n\n" + markdown_table("document", ev.per_doc),
                *([f"## The {worst} worst misses\n\n{misses}"] if worst else []),
            ]
        )
        + "\n"
    )


def to_json(ev: Evaluation, worst: int) -> dict[str, Any]:
    """Plain data with typed numbers: the groups, the documents and the worst misses."""
    return {
        "total": measures(ev.total),
        "corpus": {k: measures(v) for k, v in ev.grouped("corpus").items()},
        "kind": {k: measures(v) for k, v in ev.grouped("kind").items()},
        "layout": {k: measures(v) for k, v in ev.grouped("layout").items()},
        "documents": {k: measures(v) for k, v in ev.per_doc.items()},
        "worst_misses": [m.__dict__ for m in ev.worst_misses(worst)],
    }
