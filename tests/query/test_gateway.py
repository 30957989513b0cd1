"""`kg serve`'s gateway against a real Oxigraph child (issue 14): what it refuses, how it bounds a query,
that its child never outlives it, and that it follows a rebuilt store."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import serve_support
from serve_support import GatewayFactory, make_store, query, request

from kg.query import serve

pytestmark = pytest.mark.server
chain_store = serve_support.chain_store  # fixtures, shared with the other server tests
run_gateway = serve_support.run_gateway

COUNT_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATH_CLOSURE = "SELECT (COUNT(*) AS ?n) WHERE { ?x (<http://example.org/p>|^<http://example.org/p>)* ?y }"
STREAMED_PRODUCT = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/sparql"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture()
def listener() -> object:
    lst = Listener()
    yield lst
    lst.close()


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def test_service_clauses_are_refused_and_the_named_address_hears_nothing(
    chain_store: Path, run_gateway: GatewayFactory, listener: Listener
) -> None:
    gw = run_gateway(chain_store)
    for text in (
        f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ OPTIONAL {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{listener.url}> {{ ?s ?p ?o }} }}",  # SPARQL expands \\u first
    ):
        answer = query(gw.port, text)
        assert answer.status == 400, text
        assert "SERVICE (federated query) is disabled" in answer.body
    time.sleep(0.5)
    assert listener.connections == 0
    # the control: the engine behind the gateway would have called out (so the listener can tell)
    serve.answers(gw.backend.current.server.query_url)
    direct = f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}> {{ ?s ?p ?o }} }}"
    request(gw.backend.current.server.port, "/query", {"query": direct}, {"Host": "localhost"})
    time.sleep(0.5)
    assert listener.connections >= 1


def test_the_word_service_in_a_comment_or_a_string_is_no_service_clause(
    chain_store: Path, run_gateway: GatewayFactory
) -> None:
    gw = run_gateway(chain_store)
    text = 'SELECT ?o WHERE { ?s ?p ?o FILTER(?o != "SERVICE <http://x/> {}") } LIMIT 1 # SERVICE <http://y/>'
    answer = query(gw.port, text)
    assert answer.status == 200, answer.body
    assert "example.org/s" in answer.body


def test_concurrent_clients_are_all_answered(chain_store: Path, run_gateway: GatewayFactory) -> None:
    # the query parser of the gateway was once shared unsafely between threads: every later query failed
    gw = run_gateway(chain_store)
    texts = [f"SELECT ?o WHERE {{ <http://example.org/s{i}> ?p ?o }}" for i in range(8)]
    answers: list[tuple[int, int, str]] = []

    def client(i: int) -> None:
        for _ in range(10):
            answer = query(gw.port, texts[i])
            answers.append((i, answer.status, answer.body))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 80
    for i, status, body in answers:
        assert status == 200, body
        assert f"example.org/s{i + 1}" in body


def test_updates_are_refused(chain_store: Path, run_gateway: GatewayFactory) -> None:
    gw = run_gateway(chain_store)
    for path, form in (("/update", {"update": "DROP ALL"}), ("/query", {"update": "DROP ALL"})):
        answer = request(gw.port, path, form)
        assert answer.status == 403, path
        assert "read-only" in answer.body
    assert query(gw.port, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1").status == 200


def test_only_the_bound_address_is_accepted_as_host(chain_store: Path, run_gateway: GatewayFactory) -> None:
    gw = run_gateway(chain_store)
    for host in (f"evil.example:{gw.port}", "127.0.0.1", f"127.0.0.1:{gw.port + 1}"):
        answer = query(gw.port, "ASK {}", headers={"Host": host})
        assert answer.status == 403, host
        assert "not this server's address" in answer.body
    for host in (f"localhost:{gw.port}", f"127.0.0.1:{gw.port}", f"LOCALHOST:{gw.port}"):
        assert query(gw.port, "ASK {}", headers={"Host": host}).status == 200, host
    page_elsewhere = {"Origin": "http://evil.example"}
    assert query(gw.port, "ASK {}", headers=page_elsewhere).status == 403
    assert query(gw.port, "ASK {}", headers={"Origin": f"http://localhost:{gw.port}"}).status == 200


def test_the_query_ui_and_the_graph_store_pass_through(
    chain_store: Path, run_gateway: GatewayFactory
) -> None:
    gw = run_gateway(chain_store)
    page = request(gw.port, "/", headers={"Accept": "text/html"})
    assert page.status == 200
    assert "yasgui" in page.body.lower()
    assert request(gw.port, "/yasgui.min.js", headers={"Accept": "*/*"}).status == 200
    graph = request(
        gw.port,
        "/store?graph=https://w3id.org/vn-policy-kg/graph/asserted",
        headers={"Accept": "application/n-triples"},
    )
    assert graph.status == 200
    assert graph.body.count("\n") == 20_000


@pytest.mark.slow
@pytest.mark.parametrize("text", [COUNT_PRODUCT, PATH_CLOSURE, STREAMED_PRODUCT])
def test_a_runaway_query_is_answered_503_and_stopped(
    chain_store: Path, run_gateway: GatewayFactory, text: str
) -> None:
    gw = run_gateway(chain_store, timeout=2, max_result_bytes=10**10)
    engine = gw.backend.current.server.process.pid
    began = time.monotonic()
    answer = query(gw.port, text)
    waited = time.monotonic() - began
    assert answer.status == 503
    assert "time limit of 2 s" in answer.body
    assert waited < 2 + 3, f"answered after {waited:.1f}s"
    # past the engine's own timeout (3 s) and the gateway's grace period: the engine cancelled the query
    # or was killed and replaced
    time.sleep(5)
    for pid in {engine, gw.backend.current.server.process.pid}:
        if _alive(pid):
            before = _cpu_seconds(pid)
            time.sleep(2)
            assert _cpu_seconds(pid) - before < 0.5, "the engine is still computing the abandoned query"
    assert query(gw.port, "ASK { ?s ?p ?o }").status == 200


def test_a_result_over_the_size_limit_is_refused(chain_store: Path, run_gateway: GatewayFactory) -> None:
    gw = run_gateway(chain_store, max_result_bytes=10_000)
    answer = query(gw.port, "SELECT * WHERE { ?s ?p ?o }")
    assert answer.status == 413
    assert "larger than this server's limit of 10000 bytes" in answer.body
    assert query(gw.port, "SELECT * WHERE { ?s ?p ?o } LIMIT 3").status == 200


def _swap_symlink(link: Path, target: Path) -> None:
    tmp = link.with_name(link.name + ".new")
    tmp.symlink_to(target)
    os.replace(tmp, link)


def test_the_server_follows_a_rebuilt_store(tmp_path: Path, run_gateway: GatewayFactory) -> None:
    # `kg build` repoints data/current to a new build directory; the server must answer from the new store
    for build, prefix in (("one", "http://one.example/"), ("two", "http://two.example/")):
        (tmp_path / ".builds" / build).mkdir(parents=True)
        make_store(tmp_path / ".builds" / build / "store", 3, prefix)
    current = tmp_path / "current"
    _swap_symlink(current, tmp_path / ".builds" / "one")
    gw = run_gateway(current / "store")
    ask = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    assert "one.example" in query(gw.port, ask).body
    first = gw.backend.current.server.process
    _swap_symlink(current, tmp_path / ".builds" / "two")
    assert "two.example" in query(gw.port, ask).body
    assert first.wait(timeout=10) is not None, "the child of the old build is still running"


def test_the_server_follows_a_store_replaced_by_renames(tmp_path: Path, run_gateway: GatewayFactory) -> None:
    # how kg.store.replace_dir swaps a new store in: same path, another directory
    store = make_store(tmp_path / "store", 3, "http://one.example/")
    gw = run_gateway(store)
    ask = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    assert "one.example" in query(gw.port, ask).body
    make_store(tmp_path / "store.new", 3, "http://two.example/")
    os.replace(store, tmp_path / "store.old")
    os.replace(tmp_path / "store.new", store)
    assert "two.example" in query(gw.port, ask).body


def _kg_serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    return [int(c) for t in tasks.iterdir() for c in (t / "children").read_text().split()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.slow
def test_sigkill_of_kg_serve_takes_its_oxigraph_child_down(chain_store: Path) -> None:
    port = serve.free_port()
    proc = _kg_serve("--store", str(chain_store), "--port", str(port))
    try:
        first = proc.stdout.readline() if proc.stdout else ""
        assert f"127.0.0.1:{port}/query" in first
        (child,) = _children(proc.pid)
        assert _alive(child)
    finally:
        proc.kill()  # SIGKILL: no handler of ours runs
        proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "the oxigraph child outlived a SIGKILL of kg serve"
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))  # the public port is free again


def test_a_damaged_store_gets_one_line_and_exit_code_2(tmp_path: Path) -> None:
    store = tmp_path / "store"
    store.mkdir()
    (store / "CURRENT").write_bytes(os.urandom(512))
    (store / "000001.sst").write_bytes(os.urandom(4096))
    proc = _kg_serve("--store", str(store))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2
    assert err.count("\n") == 1, err
    assert str(store) in err
    assert "damaged or unreadable" in err
    assert "backtrace" not in err.lower()
    assert out == ""


def test_sigterm_stops_kg_serve_and_its_child(chain_store: Path) -> None:
    proc = _kg_serve("--store", str(chain_store))
    try:
        first = proc.stdout.readline() if proc.stdout else ""
        query_url = first.split()[2]
        assert serve.answers(query_url), first
        (child,) = _children(proc.pid)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    assert proc.returncode == 0
    assert not serve.answers(query_url)
    assert not _alive(child)
