"""The ontology as a library: load it, convert it for owlready2, and reason over it with HermiT.

``load_ontology()`` parses ontology/policy.ttl and ontology/fields.ttl into one rdflib graph.
``check_consistency()`` runs HermiT (a JVM subprocess, through owlready2) on the ontology plus optional
instance data and reports consistency, unsatisfiable classes and the object-property values HermiT infers for
the lineage and responsibility properties (``vpo:derivesFrom``, ``vpo:implementsTransitively``,
``vpo:answersFor``). ``check_ontology()`` bundles what `kg ontology check` reports: the QC queries, the
drift between the ontology and ``kg.namespaces.VPO``, and HermiT's verdict. Nothing here prints or exits;
failures raise ``kg.errors.OntologyError``.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import OntologyError
from kg.namespaces import VPO
from kg.paths import FIELDS_FILE, ONTOLOGY_FILE, QC_DIR
from kg.quality.qc import QCResult, qc_queries, run_qc

# The properties whose inferred values a check reports: the lineage closure and the property chain.
INFERRED_PROPERTIES: tuple[URIRef, ...] = (VPO.derivesFrom, VPO.implementsTransitively, VPO.answersFor)

# HermiT's heap. The ontology is small; instance data of a few thousand documents fits easily.
JAVA_MEMORY_MB = 1500

_DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)

Pair = tuple[str, str]


@dataclass(frozen=True)
class ConsistencyResult:
    """What HermiT concluded about the ontology (and any instance data given with it).

    ``inferred`` maps each property IRI of ``INFERRED_PROPERTIES`` to the sorted (subject, object) IRI pairs
    that hold after reasoning (asserted and inferred). It is empty when the ontology is inconsistent.
    """

    consistent: bool
    unsatisfiable: tuple[str, ...] = ()
    inferred: dict[str, tuple[Pair, ...]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Consistent and every class satisfiable."""
        return self.consistent and not self.unsatisfiable

    @property
    def answers_for(self) -> tuple[Pair, ...]:
        """(agency, directive) pairs of ``vpo:answersFor``."""
        return self.inferred.get(str(VPO.answersFor), ())


def load_ontology(paths: Sequence[Path] = (ONTOLOGY_FILE, FIELDS_FILE)) -> Graph:
    """Parse the ontology files (policy.ttl and fields.ttl by default) into one graph.

    Raises:
        OntologyError: a file is missing or is not valid Turtle (the message names the file and line).
    """
    graph = Graph()
    for path in paths:
        parse_turtle(path, into=graph)
    return graph


def parse_turtle(path: Path, into: Graph | None = None) -> Graph:
    """Parse one Turtle file into ``into`` (or a new graph), turning parser errors into ``OntologyError``."""
    graph = into if into is not None else Graph()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyError(f"{path}: cannot read the file: {exc}") from exc
    try:
        graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
    except SyntaxError as exc:  # rdflib's BadSyntax is a SyntaxError carrying a 0-based line number
        line = getattr(exc, "lines", None)
        why = getattr(exc, "_why", None) or str(exc).splitlines()[0]
        where = f"{path}:{line + 1}" if isinstance(line, int) else str(path)
        raise OntologyError(f"{where}: not valid Turtle: {why}") from exc
    except ValueError as exc:  # e.g. an undefined prefix
        raise OntologyError(f"{path}: not valid Turtle: {exc}") from exc
    return graph


def to_ntriples(graph: Graph) -> bytes:
    """N-Triples bytes of ``graph``, lines sorted so the output is deterministic (owlready2 reads this)."""
    text = graph.serialize(format="nt", encoding="utf-8")
    lines = sorted(line for line in text.decode("utf-8").splitlines() if line.strip())
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_rdfxml(graph: Graph) -> bytes:
    """RDF/XML bytes of ``graph`` (the other format owlready2 reads)."""
    return graph.serialize(format="xml", encoding="utf-8")


def declared_terms(graph: Graph, namespace: str) -> set[str]:
    """Local names of the terms in ``namespace`` that ``graph`` declares (class, property or individual)."""
    names: set[str] = set()
    for kind in _DECLARATION_TYPES:
        names |= declared_terms_of_kind(graph, namespace, kind)
    return names


def find_java() -> str:
    """Path of the ``java`` executable HermiT needs.

    Raises:
        OntologyError: no Java runtime is on PATH (install default-jre-headless).
    """
    java = shutil.which("java")
    if java is None:
        raise OntologyError(
            "java: not found on PATH; HermiT needs a Java runtime (e.g. apt-get install default-jre-headless)"
        )
    return java


def check_consistency(
    extra_data: Graph | None = None,
    ontology: Graph | None = None,
    properties: Iterable[URIRef] = INFERRED_PROPERTIES,
) -> ConsistencyResult:
    """Run HermiT on the ontology (loaded from disk unless given) plus ``extra_data``.

    Each call uses a fresh owlready2 World, so checks do not leak into each other.

    Raises:
        OntologyError: Java is missing, or HermiT failed for another reason than inconsistency.
    """
    import owlready2  # deferred: importing owlready2 is slow and only this function needs it

    graph = _union(ontology if ontology is not None else load_ontology(), extra_data)
    owlready2.JAVA_EXE = find_java()
    owlready2.reasoning.JAVA_MEMORY = JAVA_MEMORY_MB
    world = owlready2.World()
    try:
        world.get_ontology("http://localhost/kg-check/").load(
            fileobj=io.BytesIO(to_ntriples(graph)), format="ntriples"
        )
        try:
            # infer_property_values makes HermiT report object-property values (chains, transitivity);
            # gYear/gYearMonth literals are outside OWL 2's datatype map, hence ignore_unsupported_datatypes.
            owlready2.sync_reasoner_hermit(
                world, infer_property_values=True, debug=0, ignore_unsupported_datatypes=True
            )
        except owlready2.OwlReadyInconsistentOntologyError:
            return ConsistencyResult(consistent=False)
        except owlready2.OwlReadyJavaError as exc:
            raise OntologyError(f"HermiT failed: {_first_lines(str(exc))}") from exc
        except OSError as exc:
            raise OntologyError(f"cannot run Java ({owlready2.JAVA_EXE}): {exc}") from exc
        unsatisfiable = tuple(sorted(c.iri for c in world.inconsistent_classes()))
        inferred = {str(p): _property_pairs(world, p) for p in properties}
        return ConsistencyResult(consistent=True, unsatisfiable=unsatisfiable, inferred=inferred)
    finally:
        world.close()


def _union(ontology: Graph, extra: Graph | None) -> Graph:
    """A new graph with the triples of both (inputs are left untouched)."""
    merged = Graph()
    for part in (ontology, extra):
        if part is not None:
            for triple in part:
                merged.add(triple)
    return merged


def _property_pairs(world: object, prop: URIRef) -> tuple[Pair, ...]:
    """Sorted (subject, object) IRIs that hold for ``prop`` in an owlready2 world after reasoning.

    HermiT reports for each property only the pairs not already entailed by one of its sub-properties
    (checked on tests/fixtures/ontology/chain.ttl: ``implements`` pairs are not repeated under
    ``implementsTransitively``), and owlready2 stores them under that property. The full extension is
    therefore the union over the property and all its sub-properties.
    """
    entity = world[str(prop)]  # type: ignore[index]
    if entity is None:
        return ()
    pairs = {
        (s.iri, o.iri)
        for sub in entity.descendants()
        for s, o in sub.get_relations()
        if hasattr(s, "iri") and hasattr(o, "iri")
    }
    return tuple(sorted(pairs))


def _first_lines(text: str, n: int = 5) -> str:
    """The first ``n`` non-empty lines of a Java error, so the message stays short."""
    lines = [line for line in text.splitlines() if line.strip()]
    return " | ".join(lines[:n])


@dataclass(frozen=True)
class OntologyReport:
    """What `kg ontology check` looks at: QC query results, code/ontology drift, and HermiT's verdict."""

    qc: tuple[QCResult, ...]
    missing_in_ontology: tuple[str, ...]  # in kg.namespaces.VPO, not declared in policy.ttl
    missing_in_code: tuple[str, ...]  # declared in policy.ttl, not in kg.namespaces.VPO
    reasoning: ConsistencyResult | None  # None when reasoning was skipped

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return (
            all(r.passed for r in self.qc)
            and not self.missing_in_ontology
            and not self.missing_in_code
            and (self.reasoning is None or self.reasoning.ok)
        )


def vpo_drift(graph: Graph) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(terms listed in kg.namespaces.VPO but not declared in ``graph``, terms declared but not listed)."""
    declared = declared_terms(graph, str(VPO._NS))
    listed = set(VPO.__annotations__)
    return tuple(sorted(listed - declared)), tuple(sorted(declared - listed))


def check_ontology(qc_dir: Path = QC_DIR, reason: bool = True) -> OntologyReport:
    """Parse the ontology, run every QC check in ``qc_dir`` on it, compare it with VPO, and run HermiT.

    Raises:
        OntologyError: the ontology does not parse, or HermiT cannot run.
        QueryError: a QC query is malformed.
    """
    graph = load_ontology()
    missing_in_ontology, missing_in_code = vpo_drift(graph)
    return OntologyReport(
        qc=tuple(run_qc(graph, qc_queries(qc_dir))),
        missing_in_ontology=missing_in_ontology,
        missing_in_code=missing_in_code,
        reasoning=check_consistency(ontology=graph) if reason else None,
    )


@dataclass(frozen=True)
class TermRow:
    """One vpo: term for listing: local name, kind, and its labels."""

    name: str
    kind: str  # class | object-property | data-property | individual
    label_vi: str
    label_en: str


_KINDS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "class"),
    (OWL.ObjectProperty, "object-property"),
    (OWL.DatatypeProperty, "data-property"),
    (OWL.NamedIndividual, "individual"),
)


def term_table(graph: Graph) -> list[TermRow]:
    """The vpo: terms of ``graph`` by kind, then name, with their vi and en rdfs:labels."""
    namespace = str(VPO._NS)
    rows = []
    for kind_iri, kind in _KINDS:
        for name in sorted(declared_terms_of_kind(graph, namespace, kind_iri)):
            term = URIRef(namespace + name)
            rows.append(TermRow(name, kind, _label(graph, term, "vi"), _label(graph, term, "en")))
    return rows


def declared_terms_of_kind(graph: Graph, namespace: str, kind: URIRef) -> set[str]:
    """Local names of the terms in ``namespace`` typed ``kind`` in ``graph``."""
    return {
        str(s)[len(namespace) :]
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and str(s).startswith(namespace)
    }


def _label(graph: Graph, term: URIRef, lang: str) -> str:
    """The term's rdfs:label in ``lang`` (the smallest, if several), or an empty string."""
    labels = sorted(str(o) for o in graph.objects(term, RDFS.label) if getattr(o, "language", None) == lang)
    return labels[0] if labels else ""
