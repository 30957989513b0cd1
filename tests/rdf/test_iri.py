"""IRIs are minted in one place and keep apart what must be apart (issue 4)."""

import pytest

from kg import iri


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("central", "2012", "20-NQ/TW"), ("lam-dong", "2022", "20-NQ/TU")),  # same number, different bodies
        (
            ("lam-dong", "2024", "4655/KH-UBND"),
            ("kon-tum", "2024", "4655/KH-UBND"),
        ),  # same symbol, two provinces
        (("lam-dong", "2019", "101-KH/TU"), ("lam-dong", "2020", "101-KH/TU")),  # same symbol, two years
    ],
)
def test_distinct_documents_get_distinct_iris(a: tuple[str, str, str], b: tuple[str, str, str]) -> None:
    assert iri.doc_iri(*a) != iri.doc_iri(*b)


def test_document_iri_is_stable_and_readable() -> None:
    assert iri.doc_iri("central", "2024", "69-KL/TW") == iri.doc_iri("central", "2024", "69-KL/TW")
    assert str(iri.doc_iri("central", "2024", "69-KL/TW")).endswith("/id/doc/central/2024/69-kl-tw")
    assert str(iri.doc_iri("kon-tum", None, "3549/KH-UBND")).endswith("/kon-tum/undated/3549-kh-ubnd")


def test_untitled_documents_are_keyed_by_folded_title() -> None:
    a = iri.untitled_doc_iri("central", "2013", "Luật Khoa học và Công nghệ")
    b = iri.untitled_doc_iri("central", "2013", "LUẬT KHOA HỌC VÀ CÔNG NGHỆ")
    assert a == b


def test_same_department_of_two_provinces_is_two_agencies_central_body_is_one() -> None:
    assert iri.agency_iri("Lâm Đồng", "so-tai-chinh") != iri.agency_iri("Nam Định", "so-tai-chinh")
    assert str(iri.agency_iri(None, "bo-chinh-tri")).endswith("/agency/central/bo-chinh-tri")


def test_assignment_iri_separates_roles_and_agencies() -> None:
    doc = iri.doc_iri("lam-dong", "2024", "4655/KH-UBND")
    task = iri.task_iri(doc, "t3")
    lead = iri.assignment_iri(task, iri.agency_iri("Lâm Đồng", "so-tai-chinh"), "lead")
    coord = iri.assignment_iri(task, iri.agency_iri("Lâm Đồng", "so-tai-chinh"), "coordinate")
    assert lead != coord
    assert str(task) in str(lead).replace("/assignment/", "/task/")
