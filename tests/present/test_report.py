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
    # heatmap, workload, depth, each drawn in English and in Vietnamese
    assert len(re.findall(r'data-plot-lang="en" alt="[^"]*" src="data:image/png;base64,', html)) == 3
    assert (
        len(re.findall(r'data-plot-lang="vi" lang="vi" alt="[^"]*" src="data:image/png;base64,', html)) == 3
    )


def _text(html: str) -> str:
    """The page's text as a reader without the script sees it (English, the static language)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_report_has_chains_comparison_and_gaps() -> None:
    html = render_report(mini())
    assert "100/KH-UBND (Đồng Nai)" in html and "7-NQ/TW" in html
    assert "Plans implementing 12-KL/TW" in _text(html)
    assert "Bố trí kinh phí thực hiện" in html  # task without a lead
    assert "88/QĐ-TTg" in html  # directive with no downstream plan


def test_report_names_in_both_languages_and_marks_vietnamese_originals() -> None:
    html = render_report(mini())
    # a text's words stay Vietnamese, marked lang="vi" as the original (not stripped of their accents)
    assert re.search(r'<span class="vi-original quote" lang="vi">“[^<]*[à-ỹ]', html)
    assert re.search(r'class="vi-original" lang="vi">88/QĐ-TTg<', html)
    # page text comes in both languages for the toggle
    assert 'data-vi="Khoảng trống trách nhiệm" data-en="Responsibility gaps"' in html
    assert 'id="lang-toggle"' in html


def test_a_step_shared_by_chains_is_quoted_once_and_linked_after() -> None:
    # issue 15: the seed plans of Lâm Đồng and Nam Định both reach 20-NQ/TW through 69-KL/TW; that step's
    # words are printed once, the second chain links to them
    from graph_seed import seed_store

    html = render_report(to_networkx(seed_store()))
    name = r"(?:<[^>]+>)?{}(?:</span>)?"
    step = name.format("69-KL/TW") + " → " + name.format("20-NQ/TW")
    quoted = re.findall(r'<blockquote id="(step-\d+)">' + step, html)
    assert len(quoted) == 1
    assert f'href="#{quoted[0]}"' in html
    assert html.count(f'id="{quoted[0]}"') == 1


def test_plots_are_drawn_in_each_language_with_english_names() -> None:
    """A picture cannot follow the toggle: each plot is drawn in Vietnamese and in English, the English one
    naming agencies by their English names (its bars then differ from the Vietnamese one)."""
    from kg.analysis import metrics
    from kg.present.report_plots import WORDS, workload_bars

    rows = [metrics.Workload("urn:so-tc", "Sở Tài chính", "Lâm Đồng", 3, 1, 0)]
    english = {"Sở Tài chính": "Department of Finance"}
    vi = workload_bars(rows, "vi")
    en = workload_bars(rows, "en", lambda label: english.get(label, label))
    assert vi and en and vi != en and vi.startswith("data:image/png;base64,")
    assert workload_bars(rows, "vi") == vi  # deterministic bytes
    assert all(vi_word != en_word for vi_word, en_word in WORDS.values())


def test_chain_steps_name_their_relation_in_words() -> None:
    # the steps read "—based_on+implements→", the graph's keys, in either language (issue 12)
    html = render_report(mini())
    assert "based_on" not in _text(html) and "—based on + implements→" in _text(html)
    assert 'data-vi="triển khai" data-en="implements"' in html
