"""A throwaway Virtuoso server for the parity test: Debian's virtuoso-opensource
(scripts/ensure-system-deps.sh virtuoso), started on 127.0.0.1 on free ports with a database in a
temporary folder and a generated virtuoso.ini; no system service, no fixed port. ``running_virtuoso``
kills it (its whole process group) when the block ends, however it ends, and the kernel kills it if the
test process itself is killed.

A test user gets SPARQL_UPDATE and write rights on every graph through isql, as an administrator would."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER = "virtuoso-t"
ISQL = "isql-vt"
USER = "kgtest"
PASSWORD = "kg-test-pw"  # a throwaway account of a throwaway database
_START_TIMEOUT = 120.0

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
AllowOSCalls = 0
DirsAllowed = ., {dir}
ThreadsPerQuery = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}/vsp
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running server: its SPARQL endpoints (open, and behind Digest authentication) and SQL port."""

    http_port: int
    sql_port: int
    folder: Path

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def sparql_auth(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-auth"

    @property
    def graph_crud_auth(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    def isql(self, statements: str) -> str:
        """Run SQL statements as the administrator (dba/dba of a fresh database); the output, or an error."""
        cmd = [ISQL, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
        if proc.returncode != 0 or "*** Error" in proc.stdout + proc.stderr:
            raise RuntimeError(f"isql failed: {proc.stdout}{proc.stderr}")
        return proc.stdout


def missing() -> str:
    """Why Virtuoso cannot run here ("" when it can)."""
    absent = [tool for tool in (SERVER, ISQL) if shutil.which(tool) is None]
    if absent:
        return f"{', '.join(absent)} not installed (scripts/ensure-system-deps.sh virtuoso)"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"virtuoso exited with {server.returncode}: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=5) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"virtuoso did not answer within {_START_TIMEOUT:.0f} s")


def _die_with_parent() -> None:
    """In the child before exec: a SIGKILL when the test process dies, even by SIGKILL (Linux)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def running_virtuoso(folder: Path) -> Iterator[Virtuoso]:
    """A fresh Virtuoso with its database in ``folder``; killed at the end of the block."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    v = Virtuoso(_free_port(), _free_port(), folder)
    ini = folder / "virtuoso.ini"
    ini.write_text(_INI.format(dir=folder, sql_port=v.sql_port, http_port=v.http_port), encoding="utf-8")
    log = folder / "stdout.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(ini)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so the kill below takes everything it started
            preexec_fn=_die_with_parent,
        )
    try:
        _wait_until_up(server, v.sparql, folder / "virtuoso.log")
        yield v
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def grant_update(v: Virtuoso, user: str = USER, password: str = PASSWORD) -> None:
    """A user who may query and update through /sparql-auth and write every graph."""
    v.isql(
        f"DB.DBA.USER_CREATE('{user}', '{password}'); "
        f'GRANT SPARQL_SELECT TO "{user}"; GRANT SPARQL_UPDATE TO "{user}"; '
        f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 7);"
    )


def add_reader(v: Virtuoso, user: str, password: str) -> None:
    """A user who may query through /sparql-auth but not update."""
    v.isql(f"DB.DBA.USER_CREATE('{user}', '{password}'); GRANT SPARQL_SELECT TO \"{user}\";")
