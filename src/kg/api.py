"""The library's front door, re-exported by ``kg`` (see ``kg.__all__`` and the README's "Python API").

Names differ from the submodules they would shadow: ``kg.build_graph`` (kg.build is the module),
``kg.run_query`` (kg.query is the package).

Each function is a thin call into one stage, with the defaults the command line uses: the store and built
files under the working directory (kg.paths.HOME), the named queries shipped with the package.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.analysis.compare import Comparison, compare_documents
from kg.analysis.convert import PolicyGraphs, to_networkx
from kg.analysis.focus import compare_in, trace_in, who_in
from kg.analysis.load import load_source
from kg.analysis.trace import Trace
from kg.analysis.who import WhoResult
from kg.build import BuildResult, build
from kg.paths import DATA_DIR, RAW_DIR
from kg.query import Credentials
from kg.query.sparql import NamedQuery, Table, bind, discover, resolve, run_local, run_remote
from kg.store import ASSERTED_GRAPH, DATASET, INFERRED_GRAPH, open_store, to_rdflib

PathLike = str | Path


Data = PathLike | Sequence[PathLike] | None  # RDF files to read instead of the store
Store = ox.Store | PathLike | None  # an open store, a store directory, or None: the built store


def _paths(data: Data) -> list[Path]:
    if data is None:
        return []
    if isinstance(data, str | Path):
        return [Path(data)]
    return [Path(p) for p in data]


def _source(data: Data, store: Store) -> Any:
    """What to read: the RDF files, else the open store, else the store directory or built files."""
    if isinstance(store, ox.Store) and not data:
        return store
    return load_source(_paths(data), Path(store) if isinstance(store, str | Path) else None)


def queries() -> list[NamedQuery]:
    """The named researcher questions shipped with the package (queries/*.rq), sorted by name."""
    return discover()


def build_graph(
    paths: Sequence[PathLike] = (), out_dir: PathLike | None = None, store_dir: PathLike | None = None
) -> BuildResult:
    """Build the graph of the texts (or record files, or folders of them) in ``paths`` — default data/raw of
    the working directory — into ``out_dir`` (kg.ttl, kg.nt, kg.jsonld, kg-inferred.ttl; default data/) and
    its store ``out_dir/current/store``, which ``store_dir`` (if given) links to. Skipped inputs are listed in
    the result."""
    return build(
        [Path(p) for p in paths] or [RAW_DIR],
        Path(out_dir) if out_dir else DATA_DIR,
        Path(store_dir) if store_dir else None,
    )


def run_query(
    name: str,
    params: Mapping[str, str] | None = None,
    *,
    store: Store = None,
    endpoint: str | None = None,
    credentials: Credentials | None = None,
    timeout: float = 60,
) -> Table:
    """Run a named query (or a ``.rq`` file) on the built store, an open store, or a SPARQL endpoint.

    Args:
        name: a name from :func:`queries` ("lineage-down") or the path of a .rq file.
        params: values of the query's ``$parameters`` ({"doc": "69-KL/TW"}).
        store: an open store (:func:`open_store`) or a store directory; default: the built store.
        endpoint: a SPARQL 1.1 query endpoint URL instead of the store.
        credentials: ``Credentials(user, password)`` for an endpoint that asks (Basic or Digest).
        timeout: seconds an endpoint may take to connect, and for each read.

    Returns:
        A :class:`Table` (``columns``, ``rows``; ``to_records()``, ``to_dataframe()``).
    """
    named = resolve(name)
    text = bind(named, dict(params or {}))
    if endpoint:
        return run_remote(endpoint, text, DATASET, timeout, credentials)
    opened = store if isinstance(store, ox.Store) else open_store(Path(store) if store else None)
    return run_local(opened, text, DATASET, str(named.path))


def load_graph(data: Data = None, store: Store = None, inferred: bool = True) -> Graph:
    """The graph as an rdflib Graph: from RDF files ``data``, else the store, else the built data/kg.ttl.

    From a store, the asserted graph plus (``inferred``) the inferred one; the ontology is left out.
    """
    source = _source(data, store)
    if isinstance(source, Graph):
        return source
    graphs = [str(ASSERTED_GRAPH), str(INFERRED_GRAPH)] if inferred else [str(ASSERTED_GRAPH)]
    return to_rdflib(source, graphs)


def load_networkx(data: Data = None, store: Store = None) -> PolicyGraphs:
    """The graph as NetworkX graphs (``lineage``, ``responsibility`` and their directories)."""
    return to_networkx(_source(data, store))


def trace(document: str, data: Data = None, store: Store = None) -> Trace:
    """The lineage of ``document`` (a symbol such as "69-KL/TW", a label or an IRI) up and down."""
    return trace_in(_source(data, store), document)


def who(agency: str, province: str | None = None, data: Data = None, store: Store = None) -> WhoResult:
    """What an agency answers for ("so khcn", "Sở Tài chính"), with the chain above each duty."""
    return who_in(_source(data, store), agency, province)


def compare(
    implementing: str | None = None, documents: Sequence[str] = (), data: Data = None, store: Store = None
) -> Comparison:
    """Plans side by side: those implementing a directive, or the ``documents`` named."""
    if implementing:  # only the documents below the directive are read, as `kg compare` does
        return compare_in(_source(data, store), implementing)
    return compare_documents(to_networkx(_source(data, store)), list(documents))
