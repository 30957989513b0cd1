"""Plain data the views are drawn from: nodes and edges read from the graph, with their facts and evidence.

These are the only types the page renderer sees; RDF is read once, by kg.analysis.convert, and mapped here by
kg.present.views.read. All frozen: view functions build new values and never mutate these.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Node kinds (style keys). Documents use the local name of their most specific class, e.g. "Plan".
AGENCY = "Agency"
AGENCY_GROUP = "AgencyGroup"
TASK = "Task"
PROVINCE = "Province"
CLUSTER = "Cluster"
MORE = "More"


@dataclass(frozen=True)
class Fact:
    """One line of a tooltip or details panel: a key ("type", "date", ...) and its value in both languages."""

    key: str
    vi: str
    en: str
    original: bool = False  # the English side is the Vietnamese original (a number, a quote, a task's text)


@dataclass(frozen=True)
class Evidence:
    """Where a source text states something: the source, half-open character offsets, the verbatim quote."""

    source: str  # IRI of the source text
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class VNode:
    """A node of the site graph: a document, agency, task or province."""

    id: str  # IRI
    kind: str  # style key
    label_vi: str
    label_en: str
    facts: tuple[Fact, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    province: str | None = None  # province IRI (jurisdiction), for filters and clustering
    fields: tuple[str, ...] = ()  # field labels (vi) for the field filter
    search: tuple[str, ...] = ()  # normalised search keys (kg.present.views.search)
    page: str | None = None  # the node's own page, relative to the site root
    tier: int | None = None  # lineage level (documents): 0 central party ... 4 department
    cited_only: bool = False  # a document only cited, never ingested
    members: int = 0  # for a cluster: how many nodes it stands for
    number: str = ""  # a document's number as a search key ("69 kl tw"): the top tier of search
    en_original: bool = False  # label_en is the Vietnamese original (no English name in the graph)


@dataclass(frozen=True)
class VEdge:
    """A typed edge: implements/basedOn between documents, lead/coordinate from agency to task, ..."""

    source: str
    target: str
    relation: str  # "implements", "basedOn", "lead", "coordinate", "taskOf", "issuedBy", "answersFor", ...
    facts: tuple[Fact, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class SourceDoc:
    """A source text of the corpus, as named in the graph."""

    id: str  # IRI
    file_name: str
    page: str  # relative to the site root
    describes: str | None = None  # document IRI


@dataclass(frozen=True)
class SiteGraph:
    """Everything the pages draw: nodes by IRI (sorted), edges (sorted), sources, kind labels."""

    nodes: dict[str, VNode]
    edges: tuple[VEdge, ...]
    sources: dict[str, SourceDoc] = field(default_factory=dict)
    kind_labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # kind -> (vi, en)
    # document -> document it cites: listed in the pages' text, not drawn (a citation is not lineage)
    citations: tuple[VEdge, ...] = ()
    field_names: dict[str, str] = field(default_factory=dict)  # a field's Vietnamese label -> its English
