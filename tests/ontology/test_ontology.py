"""The ontology (ontology/policy.ttl + fields.ttl): its header, its term list, OWL 2 DL care, HermiT reasoning
(consistency and the inferences the graph relies on: lineage closure and answersFor), docs and CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from kg.cli import cli
from kg.errors import OntologyError
from kg.namespaces import FIELD, FIELDS_SCHEME_IRI, ONTOLOGY_IRI, VPO
from kg.ontology import check as ontology
from kg.ontology import check_consistency, load_ontology, parse_turtle, vpo_drift
from kg.ontology.docs import write_docs
from kg.paths import VOCAB_DIR

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ontology"
EX = "https://example.org/chain/"

# The notations the extractor's data/vocab/fields.yaml maps headings to (issue 2); narrower ones with parent.
FIELD_NOTATIONS = {
    "agriculture": None,
    "forestry": "agriculture",
    "fisheries": "agriculture",
    "industry": None,
    "trade": None,
    "energy": None,
    "construction": None,
    "transport": None,
    "natural-resources-environment": None,
    "health": None,
    "education-training": None,
    "science-technology": None,
    "engineering-technology": "science-technology",
    "natural-sciences": "science-technology",
    "social-sciences-humanities": "science-technology",
    "innovation": None,
    "intellectual-property": None,
    "standards-metrology-quality": None,
    "digital-transformation": None,
    "information-communications": None,
    "culture-sports-tourism": None,
    "labour-social-affairs": None,
    "home-affairs": None,
    "justice": None,
    "finance": None,
    "planning-investment": None,
    "defence-security": None,
    "foreign-affairs": None,
    "ethnic-religious-affairs": None,
    "party-building": None,
    "propaganda-education": None,
    "administrative-reform": None,
    "human-resources": None,
    "enterprise-development": None,
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def chain_result() -> ontology.ConsistencyResult:
    return check_consistency(parse_turtle(FIXTURES / "chain.ttl"))


# --- the file itself ------------------------------------------------------------------------------------


def test_header_has_version_licence_and_bilingual_description(graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in graph
    assert graph.value(ONTOLOGY_IRI, OWL.versionIRI) is not None
    assert graph.value(ONTOLOGY_IRI, DCTERMS.license) is not None
    languages = {
        o.language for o in graph.objects(ONTOLOGY_IRI, DCTERMS.description) if isinstance(o, Literal)
    }
    assert languages == {"vi", "en"}


def test_declared_vpo_terms_equal_the_namespace_list(graph: Graph) -> None:
    missing_in_ontology, missing_in_code = vpo_drift(graph)
    assert missing_in_ontology == (), "listed in kg.namespaces.VPO but not declared in policy.ttl"
    assert missing_in_code == (), "declared in policy.ttl but missing from kg.namespaces.VPO"


def test_drift_is_detected_both_ways() -> None:
    g = Graph()
    g.add((URIRef(str(VPO._NS) + "NotInCode"), RDF.type, OWL.Class))
    missing_in_ontology, missing_in_code = vpo_drift(g)
    assert missing_in_code == ("NotInCode",)
    assert "Document" in missing_in_ontology


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', "bad.ttl:3"),
        ("ex:a ex:b ex:c .\n", "bad.ttl"),  # undefined prefix
    ],
)
def test_parse_error_names_file_and_line(tmp_path: Path, text: str, expected: str) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(OntologyError, match=expected):
        load_ontology((bad,))


def test_missing_file_is_an_ontology_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match=r"absent\.ttl"):
        load_ontology((tmp_path / "absent.ttl",))


def test_non_simple_properties_carry_no_dl_forbidden_characteristic(graph: Graph) -> None:
    # Transitive properties, their super-properties and chain super-properties are non-simple in OWL 2 DL.
    forbidden = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.IrreflexiveProperty,
                 OWL.AsymmetricProperty}  # fmt: skip
    for prop in (VPO.derivesFrom, VPO.implementsTransitively, VPO.answersFor):
        assert not forbidden & set(graph.objects(prop, RDF.type)), prop


def test_lineage_properties_feed_the_transitive_ones(graph: Graph) -> None:
    assert (VPO.implementsTransitively, RDF.type, OWL.TransitiveProperty) in graph
    assert (VPO.derivesFrom, RDF.type, OWL.TransitiveProperty) in graph
    assert (VPO.implements, RDFS.subPropertyOf, VPO.implementsTransitively) in graph
    assert (VPO.implementsTransitively, RDFS.subPropertyOf, VPO.derivesFrom) in graph
    assert (VPO.basedOn, RDFS.subPropertyOf, VPO.derivesFrom) in graph


@pytest.mark.parametrize(
    ("individual", "kind"),
    [(VPO[n], VPO.Role) for n in ("lead", "coordinate", "standingBody", "reportsTo", "funds")]
    + [(VPO[n], VPO.Level) for n in ("central", "provincial", "district", "commune")]
    + [(VPO[n], VPO.Branch) for n in ("party", "state", "massOrganisation")],
)
def test_individuals_are_typed(graph: Graph, individual: URIRef, kind: URIRef) -> None:
    assert (individual, RDF.type, kind) in graph


# --- fields -----------------------------------------------------------------------------------------------


def test_field_notations_are_exactly_the_agreed_list(graph: Graph) -> None:
    notations = {str(n) for n in graph.objects(None, SKOS.notation)}
    assert notations == set(FIELD_NOTATIONS)


@pytest.mark.parametrize(("notation", "parent"), sorted(FIELD_NOTATIONS.items()))
def test_field_hierarchy(graph: Graph, notation: str, parent: str | None) -> None:
    concept = FIELD[notation]
    if parent is None:
        assert (concept, SKOS.topConceptOf, FIELDS_SCHEME_IRI) in graph
    else:
        assert (concept, SKOS.broader, FIELD[parent]) in graph


def test_every_field_the_extractor_maps_to_exists(graph: Graph) -> None:
    path = VOCAB_DIR / "fields.yaml"
    if not path.exists():
        pytest.skip("data/vocab/fields.yaml not written yet")
    entries = yaml.safe_load(path.read_text(encoding="utf-8")).get("entries", [])
    used = {str(e.get("notation") or e.get("field")) for e in entries if e.get("notation") or e.get("field")}
    assert used <= set(FIELD_NOTATIONS), used - set(FIELD_NOTATIONS)


# --- HermiT -----------------------------------------------------------------------------------------------


def test_ontology_alone_is_consistent_with_no_unsatisfiable_class(graph: Graph) -> None:
    result = check_consistency(ontology=graph)
    assert result.consistent
    assert result.unsatisfiable == ()


def test_chain_fixture_is_consistent(chain_result: ontology.ConsistencyResult) -> None:
    assert chain_result.ok


def test_answers_for_follows_the_two_step_implements_chain(chain_result: ontology.ConsistencyResult) -> None:
    # plan → party plan → conclusion: both leads answer for both; the coordinator and based-on law do not.
    assert set(chain_result.answers_for) == {
        (EX + "leadAgency", EX + "partyPlan"),
        (EX + "leadAgency", EX + "conclusion"),
        (EX + "otherLead", EX + "partyPlan"),  # its task is linked only by vpo:hasTask (inverse of taskOf)
        (EX + "otherLead", EX + "conclusion"),
    }


@pytest.mark.parametrize(
    ("prop", "pair", "holds"),
    [
        (VPO.implementsTransitively, ("plan", "conclusion"), True),
        (VPO.implementsTransitively, ("plan", "partyPlan"), True),  # direct edges count (length >= 1)
        (VPO.implementsTransitively, ("plan", "law"), False),  # based-on is not implementation
        (VPO.derivesFrom, ("plan", "law"), True),
        (VPO.derivesFrom, ("plan", "conclusion"), True),
        (VPO.derivesFrom, ("plan", "resolution"), True),  # implements then basedOn
        (VPO.derivesFrom, ("conclusion", "plan"), False),  # lineage has a direction
    ],
)
def test_lineage_closure(
    chain_result: ontology.ConsistencyResult, prop: URIRef, pair: tuple[str, str], holds: bool
) -> None:
    pairs = chain_result.inferred[str(prop)]
    assert ((EX + pair[0], EX + pair[1]) in pairs) is holds


def test_contradictory_data_is_reported_inconsistent(graph: Graph) -> None:
    # An agency that is also a document breaks the disjointness of the top-level classes.
    data = Graph()
    node = URIRef(EX + "confused")
    data.add((node, RDF.type, VPO.Agency))
    data.add((node, RDF.type, VPO.Plan))
    result = check_consistency(data, ontology=graph)
    assert not result.consistent
    assert not result.ok


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, graph: Graph) -> None:
    monkeypatch.setattr(ontology.shutil, "which", lambda name: None)
    with pytest.raises(OntologyError, match="java"):
        check_consistency(ontology=graph)


# --- docs and CLI -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    result = write_docs(out)
    assert result.external_links == (), "documentation pages must work offline"
    return out


def test_docs_document_every_class_and_property(docs_dir: Path, graph: Graph) -> None:
    html = (docs_dir / "index.html").read_text(encoding="utf-8")
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            if str(term).startswith(str(VPO._NS)):
                assert str(term) in html, term


def test_docs_keep_the_two_labels_of_a_term_apart(docs_dir: Path, graph: Graph) -> None:
    """pyLODE alone ran them together ("agencycơ quan", issue 12); each heading now reads "en · vi"."""
    html = (docs_dir / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h3>([^<]+?)\s*<sup", html)
    assert "agency · cơ quan" in headings
    for term in graph.subjects(RDF.type, OWL.Class):
        labels = {o.language: str(o) for o in graph.objects(term, RDFS.label) if isinstance(o, Literal)}
        if str(term).startswith(str(VPO._NS)) and {"en", "vi"} <= labels.keys():
            assert labels["en"] + labels["vi"] not in html, term  # never run together
            assert f"{labels['en']} · {labels['vi']}" in headings, term


def test_fields_page_lists_every_field(docs_dir: Path) -> None:
    html = (docs_dir / "fields.html").read_text(encoding="utf-8")
    for notation in FIELD_NOTATIONS:
        assert str(FIELD[notation]) in html, notation


def test_docs_are_deterministic(docs_dir: Path, tmp_path: Path) -> None:
    write_docs(tmp_path)
    for page in ("index.html", "fields.html"):
        assert (tmp_path / page).read_bytes() == (docs_dir / page).read_bytes(), page


def test_cli_check_passes_on_the_ontology() -> None:
    result = CliRunner().invoke(cli, ["ontology", "check"])
    assert result.exit_code == 0, result.output
    assert "ontology OK" in result.output


def test_cli_check_exits_1_when_a_check_finds_rows(tmp_path: Path) -> None:
    (tmp_path / "always-violation.rq").write_text("SELECT ?s WHERE { ?s a ?c } LIMIT 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ontology", "check", "--no-reason", "--qc-dir", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "always-violation" in result.output


def test_cli_terms_lists_bilingual_labels() -> None:
    result = CliRunner().invoke(cli, ["ontology", "terms", "--kind", "object-property"])
    assert result.exit_code == 0, result.output
    assert "answersFor" in result.output and "answers for" in result.output
    assert "ImplementingDocument" not in result.output  # a class, filtered out


def test_cli_docs_writes_pages(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["docs", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "index.html").is_file() and (tmp_path / "fields.html").is_file()


def test_cli_reports_a_parse_error_without_traceback_and_exits_2(tmp_path: Path) -> None:
    # KG_ONTOLOGY_DIR and KG_QUERIES_DIR point at copies whose policy.ttl is broken on line 2.
    (tmp_path / "ontology").mkdir()
    (tmp_path / "queries" / "qc").mkdir(parents=True)
    (tmp_path / "ontology" / "policy.ttl").write_text("@prefix ex: <http://ex/> .\nex:a ex:b .\n", "utf-8")
    (tmp_path / "ontology" / "fields.ttl").write_text("", encoding="utf-8")
    kg = Path(sys.executable).parent / "kg"
    env = {
        **os.environ,
        "KG_ONTOLOGY_DIR": str(tmp_path / "ontology"),
        "KG_QUERIES_DIR": str(tmp_path / "queries"),
    }
    done = subprocess.run(
        [str(kg), "ontology", "check", "--no-reason"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 2
    assert "policy.ttl:2" in done.stderr
    assert "Traceback" not in done.stderr
