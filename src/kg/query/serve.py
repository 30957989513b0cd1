"""The Oxigraph server process (the ``oxigraph`` package's CLI) that `kg serve` runs behind its gateway, and
that tests run as a writable push target.

The child binds 127.0.0.1 only, opens the store read-only (``oxigraph serve-read-only``; pyoxigraph 0.5 and
the oxigraph 0.5 server share the RocksDB format, so no export/import is needed) and uses the union of the
named graphs as its default graph. Endpoints: ``/query`` (SPARQL query), ``/store`` (Graph Store Protocol);
a read-write server (``read_only=False``, in memory when no location is given) also takes ``/update``.

The child never outlives its parent: it is started with ``PR_SET_PDEATHSIG`` (Linux), so even a SIGKILL of
`kg serve` takes it down and frees its port. Linux sends that signal when the *thread* that forked the child
ends, so every child is started from one long-lived thread (``_SPAWNER``), never from a request thread."""

from __future__ import annotations

import ctypes
import ctypes.util
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO

from kg.errors import EndpointError, StoreError

HOST = "127.0.0.1"
_PR_SET_PDEATHSIG = 1
# one worker thread that lives as long as the process: the parent thread the kernel watches (see above)
_SPAWNER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-oxigraph-spawner")


@dataclass
class Server:
    """A running Oxigraph server."""

    process: subprocess.Popen[bytes]
    base_url: str
    location: Path | None = None
    log: IO[bytes] | None = None  # the server's stderr

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base_url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base_url}/store"

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])


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


@cache
def supports_query_timeout() -> bool:
    """Whether this oxigraph server cancels queries itself (``--timeout-s``, oxigraph 0.5)."""
    out = subprocess.run(
        [oxigraph_executable(), "serve-read-only", "--help"], capture_output=True, text=True, timeout=30
    )
    return "--timeout-s" in out.stdout


def command(
    location: Path | None, port: int, read_only: bool = True, query_timeout: float | None = None
) -> list[str]:
    """The server command line (``query_timeout``: seconds after which the server cancels a query)."""
    mode = "serve-read-only" if read_only else "serve"
    cmd = [oxigraph_executable(), mode, "--bind", f"{HOST}:{port}", "--union-default-graph"]
    if query_timeout and supports_query_timeout():
        cmd += ["--timeout-s", str(math.ceil(query_timeout))]
    return [*cmd, "--location", str(location)] if location else cmd


def _die_with_parent() -> None:
    """Runs in the child between fork and exec: ask the kernel for SIGKILL when the parent goes."""
    if _LIBC is not None:
        _LIBC.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name, use_errno=True) if sys.platform.startswith("linux") and name else None


_LIBC = _libc()  # resolved before any fork: the child only calls it


def _popen(cmd: list[str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    # RUST_BACKTRACE=0: a damaged store must give one error line, not a Rust stack trace
    env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log, env=env, preexec_fn=_die_with_parent)


def start(
    location: Path | None,
    port: int | None = None,
    read_only: bool = True,
    timeout: float = 20,
    query_timeout: float | None = None,
) -> Server:
    """Start the server and wait (bounded by ``timeout``) until it answers a query.

    StoreError (one line, naming the store) if the store is missing or damaged; EndpointError if the server
    fails otherwise."""
    if read_only and (location is None or not Path(location).is_dir()):
        raise StoreError(f"no graph store at {location}: run `kg build` first")
    port = port or free_port()
    cmd = command(location, port, read_only, query_timeout)
    # stderr to a file, not a pipe: the server writes a line per dropped connection, and a full pipe nobody
    # reads would block it
    log = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the server; stop() closes it)
    proc = _SPAWNER.submit(_popen, cmd, log).result()
    server = Server(proc, f"http://{HOST}:{port}", Path(location) if location else None, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = _stderr(server)
            log.close()
            raise _start_error(server, err)
        if answers(server.query_url):
            return server
        time.sleep(0.05)
    stop(server)
    raise EndpointError(f"oxigraph server did not answer on {server.base_url} within {timeout:.0f}s")


def _stderr(server: Server) -> str:
    if server.log is None or server.log.closed:
        return ""
    server.log.seek(0)
    return server.log.read().decode("utf-8", "replace").strip()


def _start_error(server: Server, err: str) -> Exception:
    """The one-line error of a server that exited at start: the first ``Error:`` line it printed."""
    lines = [ln.strip() for ln in err.splitlines() if ln.strip()]
    first = next((ln for ln in lines if ln.startswith("Error:")), lines[0] if lines else "no message")
    problem = first.removeprefix("Error:").strip()[:200]
    if "address" in problem.lower() and "in use" in problem.lower():
        return EndpointError(f"{server.base_url}: port in use ({problem})")
    if server.location is not None:
        return StoreError(
            f"the graph store at {server.location} is damaged or unreadable ({problem}): "
            "run `kg build` to rebuild it"
        )
    return EndpointError(f"oxigraph server exited at start (code {server.process.returncode}): {problem}")


def wait(server: Server) -> None:
    """Block until the server process ends; EndpointError with its last words if it failed."""
    code = server.process.wait()
    if code not in (0, -signal.SIGINT, -signal.SIGTERM):
        last = _stderr(server)[-300:]
        raise EndpointError(f"oxigraph server on {server.base_url} stopped (code {code}): {last}")


def answers(query_url: str) -> bool:
    """Whether a SPARQL endpoint answers ``ASK {}`` within a second."""
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
    if server.log:
        server.log.close()


def kill(server: Server) -> None:
    """Stop the server at once (SIGKILL): the way to end a computation it cannot cancel."""
    if server.process.poll() is None:
        server.process.kill()
    server.process.wait()
    if server.log:
        server.log.close()
