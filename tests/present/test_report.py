"""`kg report`: one self-contained offline page, the same bytes for the same graph."""

from __future__ import annotations

import re

from rdflib import Graph

from analysis_support import MINI, mini
from kg.analysis.convert import to_networkx
from kg.present.report import render_report


def test_report_is_deterministic() -> None:
    again = to_networkx(Graph().parse(MINI, format="turtle"))
    assert render_report(mini()) == render_report(again)


def test_report_is_self_contained() -> None:
    html = render_report(mini())
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), (
        "the report must not load anything at view time"
    )
    assert len(re.findall(r'src="data:image/png;base64,', html)) == 3  # heatmap, workload, depth


def test_report_has_chains_comparison_and_gaps() -> None:
    html = render_report(mini())
    assert "100/KH-UBND (Đồng Nai)" in html and "7-NQ/TW" in html
    assert "Plans implementing 12-KL/TW" in html
    assert "Bố trí kinh phí thực hiện" in html  # task without a lead
    assert "88/QĐ-TTg" in html  # directive with no downstream plan
