"""Properties: the extractor never raises on arbitrary text; spans always quote the original."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract_text
from kg.normalize import normalize

_VI = st.text(
    alphabet=st.sampled_from(
        list(
            "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠẢÃỦỶĐÐ  \n\t\u00a0\u0301\u0323/-.:;,()0123456789IVXSốKHQĐUBNDTW|"
        )
    ),
    max_size=400,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(_VI)
def test_extractor_never_raises(text: str) -> None:
    record = extract_text(text)
    assert record.to_json()["document"] is not None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_spans_quote_the_original(text: str) -> None:
    t = normalize(text)
    for i in range(0, len(t.text), 7):
        span = t.span(i, min(len(t.text), i + 5))
        assert text[span.start : span.end] == span.quote
