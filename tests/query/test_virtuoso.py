"""Another triple store gives the same answers (issue 12): Debian's Virtuoso 7, started here on free loopback
ports with a throwaway database, takes the seed graph from `kg push` with a user's credentials (Digest, as
its /sparql-auth asks), and every named query returns there the rows the embedded store returns, value for
value and as many times (Virtuoso prints booleans as 1/0 and lets `|` paths repeat rows)."""

import shlex
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import virtuoso_support as vs

from graph_seed import seed_store
from kg.errors import EndpointError
from kg.query.push import push, store_graphs
from kg.query.remote import Credentials
from kg.query.sparql import NamedQuery, bind, discover, empty_graphs, run_local, run_remote
from kg.store import DATASET

pytestmark = [pytest.mark.server, pytest.mark.slow]
if vs.missing():
    pytestmark.append(pytest.mark.skip(reason=vs.missing()))

CREDENTIALS = Credentials(vs.USER, vs.PASSWORD)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[vs.Virtuoso]:
    """A Virtuoso holding the seed graph, pushed with the test user's credentials."""
    with vs.running_virtuoso(tmp_path_factory.mktemp("virtuoso")) as v:
        vs.grant_update(v)
        vs.add_reader(v, "reader", "reader-pw")
        done = push(v.graph_crud_auth, store_graphs(seed_store()), timeout=30, credentials=CREDENTIALS)
        assert set(done) == {str(g) for g in DATASET}
        yield v


def example_params(query: NamedQuery) -> dict[str, str]:
    """The parameters of the query's first documented example (``--param k=v`` pairs)."""
    words = shlex.split(query.examples[0])
    return dict(w.partition("=")[::2] for w in words[words.index(query.name) + 1 :] if "=" in w)


QUERIES = discover()


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_named_query_gives_the_embedded_stores_rows(virtuoso: vs.Virtuoso, query: NamedQuery) -> None:
    text = bind(query, example_params(query))
    here = run_local(seed_store(), text)
    there = run_remote(virtuoso.sparql, text, DATASET, timeout=60)
    assert there.columns == here.columns
    assert Counter(there.rows) == Counter(here.rows), (
        f"only on Virtuoso: {sorted((Counter(there.rows) - Counter(here.rows)).elements())[:5]}; "
        f"only here: {sorted((Counter(here.rows) - Counter(there.rows)).elements())[:5]}"
    )


def test_the_comparison_is_not_of_empty_answers(virtuoso: vs.Virtuoso) -> None:
    answered = [q.name for q in QUERIES if run_local(seed_store(), bind(q, example_params(q))).rows]
    assert len(answered) >= len(QUERIES) - 2, f"only {answered} find rows on the seed graph"


def test_the_same_rows_through_digest_authentication(virtuoso: vs.Virtuoso) -> None:
    text = bind(discover()[0], example_params(discover()[0]))
    open_rows = run_remote(virtuoso.sparql, text, DATASET).rows
    assert run_remote(virtuoso.sparql_auth, text, DATASET, credentials=CREDENTIALS).rows == open_rows


def test_a_user_without_sparql_update_is_told_so(virtuoso: vs.Virtuoso) -> None:
    reader = Credentials("reader", "reader-pw")
    graphs = {"https://example.org/other": b"<http://e/a> <http://e/b> <http://e/c> .\n"}
    with pytest.raises(EndpointError, match=r"user 'reader' may not do this .*lacks SPARQL_UPDATE"):
        push(virtuoso.graph_crud_auth, graphs, timeout=30, credentials=reader)
    with pytest.raises(EndpointError, match=r"user 'reader' may not do this .*lacks SPARQL_UPDATE"):
        push(virtuoso.sparql_auth, graphs, timeout=30, credentials=reader)


def test_a_wrong_password_is_a_401_naming_the_user(virtuoso: vs.Virtuoso) -> None:
    with pytest.raises(EndpointError, match="HTTP 401: the server refused user 'kgtest'") as caught:
        run_remote(virtuoso.sparql_auth, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", credentials=Credentials(
            vs.USER, "not-the-password"))  # fmt: skip
    assert "not-the-password" not in str(caught.value)


def test_kg_push_with_the_password_in_the_url_never_prints_it(virtuoso: vs.Virtuoso, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    store = ox.Store(str(store_dir))
    triple = b"<http://e/a> <http://e/b> <http://e/c> .\n"
    store.bulk_load(triple, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode("https://example.org/url-copy"))
    store.flush()
    del store
    url = virtuoso.sparql_auth.replace("://", f"://{vs.USER}:{vs.PASSWORD}@")
    cmd = [
        sys.executable,
        "-m",
        "kg.cli",
        "push",
        "--endpoint",
        url,
        "--graph",
        "https://example.org/url-copy",
    ]
    ok = subprocess.run([*cmd, "--store", str(store_dir)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert "pushed <https://example.org/url-copy> (sparql update), confirmed" in ok.stdout
    bad = subprocess.run(
        [
            *cmd,
            "--store",
            str(store_dir),
            "--query-endpoint",
            virtuoso.sparql_auth.replace("-auth", "-nowhere"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
    assert vs.PASSWORD not in ok.stdout + ok.stderr + bad.stdout + bad.stderr


def test_a_default_graph_load_is_found_with_default_graph(virtuoso: vs.Virtuoso) -> None:
    """Virtuoso's default graph is the union of its graphs: --default-graph (no dataset) finds the data the
    project's graph names do not hold, where the project's graphs (here: other names) are empty."""
    others = ["https://example.org/empty-a", "https://example.org/empty-b"]
    assert empty_graphs(virtuoso.sparql, others)
    assert not empty_graphs(virtuoso.sparql, [str(g) for g in DATASET])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/vn-policy-kg/ontology#Plan> }"
    assert int(run_remote(virtuoso.sparql, count, []).rows[0][0]) > 0
    assert run_remote(virtuoso.sparql, count, others).rows == (("0",),)
