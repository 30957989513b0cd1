"""Namespaces of the project and of the vocabularies it aligns to.

``VPO`` lists every term of ontology/policy.ttl. It is a ``DefinedNamespace`` with ``_fail = True`` so a
misspelt term raises instead of silently minting a new IRI; tests/test_ontology.py checks that this list and
the ontology file declare the same terms.
"""

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/vn-policy-kg/"
ONTOLOGY_IRI = URIRef(BASE + "ontology")
FIELDS_SCHEME_IRI = URIRef(BASE + "fields")

ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
FIELD = Namespace(BASE + "field/")
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")


class VPO(DefinedNamespace):
    """Vietnamese Policy Ontology (ontology/policy.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # --- documents -------------------------------------------------------------------------------------
    Document: URIRef  # any policy or legal document
    Directive: URIRef  # a document that directs others to act
    Resolution: URIRef  # Nghị quyết
    Conclusion: URIRef  # Kết luận
    Decision: URIRef  # Quyết định
    Instruction: URIRef  # Chỉ thị
    Law: URIRef  # Luật
    Decree: URIRef  # Nghị định
    Circular: URIRef  # Thông tư
    Strategy: URIRef  # Chiến lược
    Programme: URIRef  # Chương trình
    Scheme: URIRef  # Đề án
    Notice: URIRef  # Thông báo
    Guidance: URIRef  # Hướng dẫn
    ImplementingDocument: URIRef  # plans and action programmes
    Plan: URIRef  # Kế hoạch
    ActionProgramme: URIRef  # Chương trình hành động
    OfficialLetter: URIRef  # Công văn
    Submission: URIRef  # Tờ trình
    Report: URIRef  # Báo cáo
    # --- sources ---------------------------------------------------------------------------------------
    SourceText: URIRef  # a text file of the corpus
    OfficialText: URIRef  # the document's own text
    WebPage: URIRef  # legal-database web page wrapping the text
    NewsReport: URIRef  # an article reporting on a document
    # --- organisations ---------------------------------------------------------------------------------
    Agency: URIRef  # an organisation that issues documents or answers for tasks
    AgencyGroup: URIRef  # a collective group ("các sở, ban, ngành")
    Person: URIRef  # a signer
    Level: URIRef  # administrative level (individuals below)
    Branch: URIRef  # branch of the political system (individuals below)
    Jurisdiction: URIRef
    Province: URIRef
    # --- tasks -----------------------------------------------------------------------------------------
    Task: URIRef
    Assignment: URIRef  # n-ary: task, agency, role, deadline
    Role: URIRef
    Target: URIRef  # quantitative target
    Deadline: URIRef  # a timeframe as printed, with its interpretation
    # --- provenance ------------------------------------------------------------------------------------
    Evidence: URIRef  # a span of a source text stating a fact
    LineageStatement: URIRef  # qualified lineage edge (carries evidence)
    Mention: URIRef  # a document mentioned in a text (reference with its evidence)

    # --- object properties -----------------------------------------------------------------------------
    implements: URIRef
    basedOn: URIRef
    cites: URIRef
    derivesFrom: URIRef  # transitive lineage, fed by implements and basedOn
    implementsTransitively: URIRef  # transitive super-property of implements (used by answersFor's chain)
    issuedBy: URIRef
    jurisdiction: URIRef
    signedBy: URIRef
    reportsOn: URIRef  # source → document
    hasTask: URIRef  # document → task
    taskOf: URIRef  # inverse of hasTask
    hasAssignment: URIRef  # task → assignment
    assignedTask: URIRef  # assignment → task
    assignedAgency: URIRef  # assignment → agency
    role: URIRef  # assignment → role
    assignmentOf: URIRef  # agency → assignment (inverse of assignedAgency)
    leads: URIRef  # agency → task (shortcut of a lead assignment)
    coordinates: URIRef  # agency → task
    answersFor: URIRef  # agency → directive (property chain)
    inField: URIRef  # task/document/target → skos:Concept
    hasTarget: URIRef
    hasDeadline: URIRef
    level: URIRef
    branch: URIRef
    memberOf: URIRef  # agency group → agencies it stands for (not enumerated)
    parentAgency: URIRef
    successor: URIRef
    changeKind: URIRef
    effectiveDate: URIRef
    legalBasis: URIRef
    evidence: URIRef  # anything → Evidence
    source: URIRef  # Evidence → SourceText
    lineageStatement: URIRef  # document → LineageStatement
    lineageRelation: URIRef  # LineageStatement → vpo:implements | vpo:basedOn
    lineageTarget: URIRef
    mentions: URIRef  # source text → Mention
    mentionedDocument: URIRef  # Mention → Document
    describes: URIRef  # source text → the document its record is about

    # --- data properties -------------------------------------------------------------------------------
    identifier: URIRef  # canonical symbol "4655/KH-UBND"
    symbolAsPrinted: URIRef
    title: URIRef
    dateIssued: URIRef
    dateText: URIRef
    deadlineText: URIRef
    deadlineStart: URIRef
    deadlineEnd: URIRef
    recurrence: URIRef
    taskText: URIRef
    indicator: URIRef
    targetValue: URIRef
    minValue: URIRef
    maxValue: URIRef
    unit: URIRef
    targetYear: URIRef
    comparator: URIRef
    ingested: URIRef  # false for documents only cited
    fileName: URIRef
    sha256: URIRef
    nameAsWritten: URIRef
    abbreviation: URIRef

    # --- individuals -----------------------------------------------------------------------------------
    lead: URIRef
    coordinate: URIRef
    standingBody: URIRef
    reportsTo: URIRef
    funds: URIRef
    central: URIRef
    provincial: URIRef
    district: URIRef
    commune: URIRef
    party: URIRef
    state: URIRef
    massOrganisation: URIRef
