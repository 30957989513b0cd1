"""Credentials and the messages of a refusing or silent server (issue 12), against a tiny local HTTP server
that asks for Basic credentials, answers 403, or sleeps; and a load into an Oxigraph server's default
graph, which `kg query --endpoint` finds with --default-graph and warns about without it."""

import base64
import os
import pty
import select
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from kg.errors import EndpointError
from kg.query import serve
from kg.query.push import push
from kg.query.remote import Credentials, shown_url, split_credentials
from kg.query.sparql import run_remote

pytestmark = pytest.mark.server

SECRET = "s3cret-pw"
GRAPHS = {"https://example.org/g": b"<http://e/a> <http://e/b> <http://e/c> .\n"}
ANSWER = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"1"}}]}}'


class _Guarded(BaseHTTPRequestHandler):
    """``mode``: "basic" asks for Basic credentials (user kg, SECRET) and answers every query with one row;
    "forbid" answers 403; "sleep" answers nothing for 30 s. Every Authorization header is kept in ``seen``."""

    mode = "basic"
    seen: ClassVar[list[str]] = []

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append(self.headers.get("Authorization", ""))
        if self.mode == "sleep":
            time.sleep(30)
            return
        token = base64.b64encode(f"kg:{SECRET}".encode()).decode()
        if self.mode == "forbid":
            self.send_response(403)
        elif self.headers.get("Authorization") != f"Basic {token}":
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="test"')
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(ANSWER)))
            self.end_headers()
            self.wfile.write(ANSWER)
            return
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def guarded(request: pytest.FixtureRequest) -> Iterator[tuple[str, list[str]]]:
    """The server's SPARQL URL (mode from the test's parameter, "basic" by default) and what it was sent."""
    seen: ClassVar[list[str]] = []
    handler = type("Handler", (_Guarded,), {"mode": getattr(request, "param", "basic"), "seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    httpd.block_on_close = False  # a sleeping handler must not hold the test's end
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql", seen
    httpd.shutdown()
    httpd.server_close()


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def test_a_url_with_a_password_is_split_and_shown_masked() -> None:
    assert split_credentials(f"http://kg:{SECRET}@h:1/sparql") == ("http://h:1/sparql", "kg", SECRET)
    assert shown_url(f"http://kg:{SECRET}@h:1/sparql") == "http://kg:***@h:1/sparql"
    with pytest.raises(EndpointError, match="names user 'kg' but --user is 'other'") as caught:
        split_credentials(f"http://kg:{SECRET}@h/sparql", "other")
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(Credentials("kg", SECRET))


def test_without_credentials_a_401_says_to_give_them(guarded: tuple[str, list[str]]) -> None:
    with pytest.raises(EndpointError, match=r"HTTP 401: the server wants credentials \(give --user NAME"):
        run_remote(guarded[0], COUNT, timeout=10)


def test_basic_credentials_are_sent_and_a_wrong_password_is_named_not_shown(
    guarded: tuple[str, list[str]],
) -> None:
    url, seen = guarded
    assert run_remote(url, COUNT, timeout=10, credentials=Credentials("kg", SECRET)).rows == (("1",),)
    assert seen[-1] == "Basic " + base64.b64encode(f"kg:{SECRET}".encode()).decode()
    with pytest.raises(EndpointError, match="HTTP 401: the server refused user 'kg'") as caught:
        run_remote(url, COUNT, timeout=10, credentials=Credentials("kg", "wrong-pw"))
    assert "wrong-pw" not in str(caught.value)


@pytest.mark.parametrize("guarded", ["forbid"], indirect=True)
def test_a_403_names_the_right_the_account_lacks(guarded: tuple[str, list[str]]) -> None:
    url, _ = guarded
    with pytest.raises(
        EndpointError, match=r"HTTP 403: user 'kg' may not do this \(the account lacks SPARQL_UPDATE"
    ):
        push(url, GRAPHS, timeout=10, credentials=Credentials("kg", SECRET, "basic"))
    with pytest.raises(
        EndpointError, match=r"HTTP 403: the server refuses an anonymous request: it is read-only"
    ):
        push(url, GRAPHS, timeout=10)
    with pytest.raises(EndpointError, match="lacks SPARQL_SELECT"):
        run_remote(url, COUNT, timeout=10, credentials=Credentials("kg", SECRET, "basic"))


@pytest.mark.parametrize("guarded", ["sleep"], indirect=True)
def test_a_sleeping_server_is_given_up_on_after_the_timeout(guarded: tuple[str, list[str]]) -> None:
    url, _ = guarded
    with pytest.raises(EndpointError, match=r"no answer within 1 s \(--timeout\)"):
        run_remote(url, COUNT, timeout=1)
    with pytest.raises(EndpointError, match=r"no answer within 0.5 s \(--timeout\)"):
        push(url.replace("/sparql", "/store"), GRAPHS, timeout=0.5)


def test_a_refused_connection_names_the_address() -> None:
    with pytest.raises(EndpointError, match=r"connection refused: no server is listening at 127\.0\.0\.1:1"):
        run_remote("http://127.0.0.1:1/sparql", COUNT, timeout=5)


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "KG_PASSWORD"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=environ,
        stdin=subprocess.DEVNULL,  # not a terminal: no prompt, a message instead
    )


@pytest.mark.parametrize(
    ("how", "env"),
    [
        ("env", {"KG_PASSWORD": SECRET}),
        ("password-env", {"MY_PW": SECRET}),
        ("url", {}),
    ],
)
def test_kg_query_takes_the_password_from_the_environment_or_the_url(
    guarded: tuple[str, list[str]], how: str, env: dict[str, str]
) -> None:
    url, seen = guarded
    args = {"env": ["--user", "kg"], "password-env": ["--user", "kg", "--password-env", "MY_PW"], "url": []}[
        how
    ]
    endpoint = url.replace("://", f"://kg:{SECRET}@") if how == "url" else url
    proc = _kg(
        "query",
        "documents",
        "--endpoint",
        endpoint,
        "--format",
        "csv",
        "--graph",
        "http://e/g",
        *args,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1] == "1"
    assert SECRET not in proc.stdout + proc.stderr
    assert seen[-1].startswith("Basic ")


def test_kg_query_without_a_password_off_a_terminal_says_where_to_put_it(
    guarded: tuple[str, list[str]],
) -> None:
    proc = _kg("query", "documents", "--endpoint", guarded[0], "--user", "kg")
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("no password for user 'kg': set KG_PASSWORD (or --password-env VAR), "
                                        "or run on a terminal to be asked")  # fmt: skip
    missing = _kg("query", "documents", "--endpoint", guarded[0], "--user", "kg", "--password-env", "NOPE_PW")
    assert (
        missing.returncode == 2
        and "--password-env NOPE_PW: that environment variable is not set" in missing.stderr
    )


def test_kg_query_with_a_wrong_password_in_the_url_fails_in_one_line_without_it(
    guarded: tuple[str, list[str]],
) -> None:
    proc = _kg("query", "documents", "--endpoint", guarded[0].replace("://", "://kg:wrong-pw@"))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "HTTP 401: the server refused user 'kg'" in proc.stderr
    assert guarded[0].replace("://", "://kg:***@") in proc.stderr  # the URL as given, its password masked
    assert "wrong-pw" not in proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def default_graph_load() -> Iterator[serve.Server]:
    """An Oxigraph server holding the built kg.nt in its default graph only (no named graphs)."""
    srv = serve.start(None, read_only=False)
    try:
        data = (Path(__file__).parents[2] / "data" / "kg.nt").read_bytes()
        req = urllib.request.Request(
            f"{srv.store_url}?default",
            data=data,
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        with urllib.request.urlopen(req, timeout=30) as resp:
            assert resp.status in (201, 204)
        yield srv
    finally:
        serve.stop(srv)


def test_kg_query_warns_when_the_named_graphs_are_empty(default_graph_load: serve.Server) -> None:
    proc = _kg("query", "documents", "--endpoint", default_graph_load.query_url, "--format", "csv")
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 1  # the header only
    assert "holds no triples in <https://w3id.org/vn-policy-kg/graph/asserted>" in proc.stderr
    assert "add --default-graph" in proc.stderr
    found = _kg(
        "query", "documents", "--endpoint", default_graph_load.query_url, "--format", "csv", "--default-graph"
    )
    assert found.returncode == 0 and found.stderr == ""
    assert "4655/KH-UBND (Lâm Đồng)" in found.stdout


def test_kg_query_asks_for_the_password_on_a_terminal_without_echoing_it(
    guarded: tuple[str, list[str]],
) -> None:
    """On a terminal (a pseudo-terminal here) the password is asked for, read, sent, and never shown."""
    url, seen = guarded
    main, side = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k != "KG_PASSWORD"}
    cmd = [
        sys.executable,
        "-m",
        "kg.cli",
        "query",
        "documents",
        "--endpoint",
        url,
        "--user",
        "kg",
        "--graph",
        "http://e/g",
    ]
    proc = subprocess.Popen([*cmd, "--format", "csv"], stdin=side, stdout=side, stderr=side, env=environ)
    os.close(side)
    shown = _read_until(main, b"Password for kg at ")
    os.write(main, f"{SECRET}\n".encode())
    assert proc.wait(timeout=120) == 0
    shown += _read_until(main, b"")
    os.close(main)
    assert SECRET.encode() not in shown
    assert seen[-1] == "Basic " + base64.b64encode(f"kg:{SECRET}".encode()).decode()


def _read_until(fd: int, marker: bytes) -> bytes:
    """What the terminal shows, up to ``marker`` (or until the other side closes, for b"")."""
    out = b""
    while not marker or marker not in out:
        ready, _, _ = select.select([fd], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the other side closed (Linux: EIO)
            break
        if not chunk:
            break
        out += chunk
    return out


def test_the_python_api_takes_credentials_and_a_timeout(guarded: tuple[str, list[str]]) -> None:
    import kg

    table = kg.run_query(
        "documents", endpoint=guarded[0], credentials=kg.Credentials("kg", SECRET), timeout=10
    )
    assert table.rows == (("1",),)
    with pytest.raises(kg.KGError, match="HTTP 401: the server wants credentials"):
        kg.run_query("documents", endpoint=guarded[0], timeout=10)


def test_default_graph_goes_with_an_endpoint_and_not_with_graph(tmp_path: Path) -> None:
    alone = _kg("query", "documents", "--default-graph", "--store", str(tmp_path))
    assert alone.returncode == 2 and "--default-graph and --user go with --endpoint" in alone.stderr
    both = _kg(
        "query", "documents", "--endpoint", "http://127.0.0.1:1/q", "--graph", "http://e/g", "--default-graph"
    )
    assert both.returncode == 2 and "--graph and --default-graph exclude each other" in both.stderr
