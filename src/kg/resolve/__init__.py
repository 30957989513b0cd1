"""Stage 4: identities. One per document across spelling variants and texts (``docid``); agencies scoped by
province, level and parent body against the gazetteer (``scope``); both resolved once for a whole corpus
(``corpus``) and carried to the RDF mapping.

Entry point: :func:`resolve_corpus`.
"""

from kg.resolve.corpus import Corpus, Document, RecordAgencies, resolve_corpus
from kg.resolve.docid import Identity, Mention
from kg.resolve.scope import AgencyInfo

__all__ = ["AgencyInfo", "Corpus", "Document", "Identity", "Mention", "RecordAgencies", "resolve_corpus"]
