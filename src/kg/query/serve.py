"""`kg serve`: the built store as a real SPARQL 1.1 endpoint, via the Oxigraph server of the `oxigraph`
package.

The server binds 127.0.0.1 only, opens the store read-only (``oxigraph serve-read-only``; pyoxigraph 0.5 and
the oxigraph 0.5 server share the RocksDB format, so no export/import is needed) and uses the union of the
named graphs as its default graph, so the query UI at the root URL answers the library's queries as they
are. Endpoints: ``/query`` (SPARQL query), ``/store`` (Graph Store Protocol); a read-write server
(``read_only=False``, in memory when no location is given) also takes ``/update``."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import EndpointError, StoreError

HOST = "127.0.0.1"


@dataclass
class Server:
    """A running Oxigraph server."""

    process: subprocess.Popen[bytes]
    base_url: str

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/store"


def oxigraph_executable() -> str:
    """The `oxigraph` CLI next to this Python (the venv), else on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    found = str(local) if local.exists() else shutil.which("oxigraph")
    if not found:
        raise EndpointError("the `oxigraph` server executable is missing: pip install oxigraph")
    return found


def free_port() -> int:
    """A TCP port free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def check_port_free(port: int) -> None:
    """EndpointError if ``port`` is taken on the loopback interface.

    Checked before starting because a server already listening there would answer our readiness probe, and
    `kg serve` would announce someone else's endpoint while its own server exits."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        # like the server itself: a port whose old connections linger in TIME_WAIT is free to listen on
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
        except OSError as exc:
            raise EndpointError(
                f"port {port} on {HOST} is already in use ({exc.strerror}): choose another --port, "
                "or leave --port out to use a free one"
            ) from exc


def command(location: Path | None, port: int, read_only: bool = True) -> list[str]:
    """The server command line."""
    mode = "serve-read-only" if read_only else "serve"
    cmd = [oxigraph_executable(), mode, "--bind", f"{HOST}:{port}", "--union-default-graph"]
    return [*cmd, "--location", str(location)] if location else cmd


def start(
    location: Path | None, port: int | None = None, read_only: bool = True, timeout: float = 20
) -> Server:
    """Start the server and wait (bounded) until it answers a query; EndpointError if it does not."""
    if read_only and (location is None or not Path(location).is_dir()):
        raise StoreError(f"no graph store at {location}: run `kg build` first")
    if port:
        check_port_free(port)
    port = port or free_port()
    proc = subprocess.Popen(
        command(location, port, read_only), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    server = Server(proc, f"http://{HOST}:{port}")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
            raise EndpointError(f"oxigraph server exited at start (code {proc.returncode}): {err[-300:]}")
        if _answers(server.query_url):
            return server
        time.sleep(0.1)
    stop(server)
    raise EndpointError(f"oxigraph server did not answer on {server.base_url} within {timeout:.0f}s")


def wait(server: Server) -> None:
    """Block until the server process ends; EndpointError with its last words if it failed."""
    code = server.process.wait()
    if code not in (0, -signal.SIGINT, -signal.SIGTERM):
        err = server.process.stderr.read().decode("utf-8", "replace").strip() if server.process.stderr else ""
        raise EndpointError(f"oxigraph server on {server.base_url} stopped (code {code}): {err[-300:]}")


def _answers(query_url: str) -> bool:
    url = query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    try:
        with urllib.request.urlopen(url, timeout=1) as resp:
            return bool(resp.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def stop(server: Server, timeout: float = 10) -> None:
    """Stop the server (terminate, then kill after ``timeout`` seconds)."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=timeout)
    if server.process.stderr:
        server.process.stderr.close()
