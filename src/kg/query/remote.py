"""Talking to another server: who we are (credentials), how a URL is shown (never with its password), and
what a failed request means in one line (401, 403, a permission error, a timeout, a refused connection).

Issue 12: against Virtuoso, `kg push` got 401/403 with no way to give credentials, a URL with
``user:password@`` failed to parse and echoed the password, and a push hung two minutes. Here a password
lives only in :class:`Credentials` (never in its repr, a URL we print, or a message); a URL's ``user:pass@``
is moved out of it by :func:`split_credentials`; Basic and Digest are both answered (Virtuoso's
``/sparql-auth`` asks for Digest, Fuseki for Basic)."""

from __future__ import annotations

import ast
import base64
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field, replace

from kg.errors import EndpointError

SCHEMES = ("auto", "basic", "digest")
_CHALLENGE = re.compile(r'^\s*(\w+)(?:.*?\brealm="([^"]*)")?', re.IGNORECASE)
# what the server's error text says when the account may not do what was asked (Virtuoso: HTTP 500 "SR186")
_NO_PERMISSION = re.compile(r"SR186|No permission|permission denied|not authori[sz]ed", re.IGNORECASE)


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP authentication; ``scheme`` is basic, digest, or auto (whatever the
    server's challenge asks for). The password is left out of repr, so it cannot reach a log by accident."""

    user: str
    password: str = field(repr=False)
    scheme: str = "auto"


def _netloc(parts: urllib.parse.SplitResult, userinfo: str = "") -> str:
    host = parts.netloc.rpartition("@")[2]
    return f"{userinfo}@{host}" if userinfo else host


def shown_url(url: str, credentials: Credentials | None = None) -> str:
    """``url`` as it may be printed: a password in it, or the one of ``credentials``, shown as ``***``.

    >>> shown_url("http://dba:s3cret@host:8890/sparql-auth")
    'http://dba:***@host:8890/sparql-auth'
    >>> shown_url("http://host/sparql"), shown_url("http://host/sparql", Credentials("kg", "s3cret"))
    ('http://host/sparql', 'http://kg:***@host/sparql')
    """
    parts = urllib.parse.urlsplit(url)
    user, sep, _password = parts.netloc.rpartition("@")[0].partition(":")
    if credentials and not user:
        user, sep = urllib.parse.quote(credentials.user, safe=""), ":"
    if not sep:
        return url
    return urllib.parse.urlunsplit(parts._replace(netloc=_netloc(parts, f"{user}:***")))


def split_credentials(url: str, user: str | None = None) -> tuple[str, str | None, str | None]:
    """``url`` without its ``user:password@`` part, the user (``user``, else the URL's) and the URL's
    password (percent-decoded; None when the URL has none). A user given both ways must agree.

    >>> split_credentials("http://dba:p%40ss@host:8890/sparql-auth")
    ('http://host:8890/sparql-auth', 'dba', 'p@ss')
    >>> split_credentials("http://host/sparql", "kg")
    ('http://host/sparql', 'kg', None)
    """
    parts = urllib.parse.urlsplit(url)
    info, at, _host = parts.netloc.rpartition("@")
    if not at:
        return url, user, None
    name, sep, password = info.partition(":")
    name = urllib.parse.unquote(name)
    if user and name and user != name:
        raise EndpointError(f"{shown_url(url)}: the URL names user {name!r} but --user is {user!r}")
    clean = urllib.parse.urlunsplit(parts._replace(netloc=_netloc(parts)))
    return clean, user or name or None, urllib.parse.unquote(password) if sep else None


def _asked(url: str, timeout: float) -> str:
    """The WWW-Authenticate header a GET of ``url`` (no body, no credentials) is answered with, or ""."""
    try:
        # a private opener: SPARQLWrapper's Digest mode installs one as urllib's global opener, which would
        # answer the challenge we are asking for
        with urllib.request.build_opener().open(urllib.request.Request(url, method="GET"), timeout=timeout):
            return ""
    except urllib.error.HTTPError as exc:
        return str(exc.headers.get("WWW-Authenticate", "")) if exc.code == 401 else ""
    except (urllib.error.URLError, OSError) as exc:
        raise explain(exc, url, timeout) from exc


def challenge(url: str, timeout: float) -> tuple[str, str | None] | None:
    """The scheme (``basic``/``digest``) and realm a server asks for at ``url``, or None when it lets an
    unauthenticated GET through (or asks for something else)."""
    m = _CHALLENGE.match(_asked(url, timeout))
    if not m or m.group(1).lower() not in ("basic", "digest"):
        return None
    return m.group(1).lower(), m.group(2)


def authorize(request: urllib.request.Request, credentials: Credentials, timeout: float) -> None:
    """Give ``request`` its Authorization header before it is sent. Answering the 401 afterwards would mean
    sending the body twice, and Virtuoso closes the connection on a 401 before reading a large body (the
    upload then fails with "Broken pipe"): so the server's challenge is fetched with a GET first, and a
    Digest answer is computed for that challenge's nonce. A wrong password then comes back as a 401."""
    asked = "" if credentials.scheme == "basic" else _asked(request.full_url, timeout)
    scheme, _, params = asked.partition(" ")
    if scheme.lower() != "digest" or credentials.scheme == "basic":
        # asked for Basic, or nothing on a GET (a server may open reading and guard writing): as `curl -u`
        token = base64.b64encode(f"{credentials.user}:{credentials.password}".encode()).decode("ascii")
        request.add_unredirected_header("Authorization", f"Basic {token}")
    elif scheme.lower() == "digest":
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, request.full_url, credentials.user, credentials.password)
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
        answer = urllib.request.HTTPDigestAuthHandler(passwords).get_authorization(request, fields)
        if answer:
            request.add_unredirected_header("Authorization", f"Digest {answer}")


def settled(credentials: Credentials, url: str, timeout: float) -> tuple[Credentials, str | None]:
    """``credentials`` with an ``auto`` scheme made the one ``url`` asks for (basic when it asks none), and
    the realm it names (Digest needs it)."""
    if credentials.scheme != "auto":
        return credentials, None
    asked = challenge(url, timeout)
    scheme, realm = asked or ("basic", None)
    return replace(credentials, scheme=scheme), realm


def _timed_out(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", exc)
    return isinstance(reason, (TimeoutError, socket.timeout)) or "timed out" in str(reason)


def refusal(
    status: int, credentials: Credentials | None, body: str = "", right: str = "SPARQL_UPDATE"
) -> str:
    """Why a server answered ``status`` (401, 403, or an error whose text says permission), in words naming
    the likely cause; "" for any other status. ``right`` is what the request needed (Virtuoso's role name)."""
    who = f"user {credentials.user!r}" if credentials else "an anonymous request"
    if status == 401:
        if credentials:
            return (f"HTTP 401: the server refused {who} (wrong user or password, or it wants another "
                    "scheme: try --auth basic or --auth digest)")  # fmt: skip
        return "HTTP 401: the server wants credentials (give --user NAME and the password in KG_PASSWORD)"
    if status == 403 or (status >= 400 and _NO_PERMISSION.search(body)):
        if credentials:
            return f"HTTP {status}: {who} may not do this (the account lacks {right}, or rights on the graph)"
        return (f"HTTP {status}: the server refuses {who}: it is read-only (like `kg serve`) or needs "
                f"credentials with {right} (give --user NAME)")  # fmt: skip
    return ""


def explain(
    exc: BaseException,
    url: str,
    timeout: float,
    credentials: Credentials | None = None,
    right: str = "SPARQL_UPDATE",
    status: int | None = None,
) -> EndpointError:
    """One line for a failed request to ``url`` (shown without a password): a timeout, a refused
    connection, a 401/403, or the error's own words, shortened. ``status`` is the HTTP status when ``exc``
    does not carry it (SPARQLWrapper's errors)."""
    where = shown_url(url.split("?", 1)[0], credentials)  # a ?graph=… part only makes the message long
    if _timed_out(exc):
        return EndpointError(f"{where}: no answer within {timeout:g} s (--timeout); is this the right URL?")
    status = status or getattr(exc, "code", None)
    if isinstance(status, int):
        body = _body(exc)
        why = refusal(status, credentials, body, right)
        if why:
            return EndpointError(f"{where}: {why}")
        if status >= 400:
            return EndpointError(f"{where}: HTTP {status}: {server_says(body)}")
    reason = getattr(exc, "reason", None) or exc
    if isinstance(reason, ConnectionRefusedError):
        host = urllib.parse.urlsplit(url).netloc.rpartition("@")[2]
        return EndpointError(f"{where}: connection refused: no server is listening at {host}")
    if isinstance(exc, (urllib.error.URLError, OSError)) and not isinstance(exc, urllib.error.HTTPError):
        return EndpointError(f"{where}: cannot reach the server ({reason})")
    detail = " ".join(str(exc).split())[:200]  # server errors can span many lines
    return EndpointError(f"{where}: {type(exc).__name__}: {detail}")


def server_says(body: str) -> str:
    """The start of a server's error text on one line (Virtuoso's run over many lines and repeat the query).

    >>> server_says("Virtuoso 37000 Error SP030: syntax error\\n\\nSPARQL query:\\n…")
    'Virtuoso 37000 Error SP030: syntax error'
    """
    first = body.strip().split("\n\n", 1)[0]
    return " ".join(first.split())[:200] or "no explanation"


def _body(exc: BaseException) -> str:
    """The server's error text: an HTTPError's body, or what SPARQLWrapper put after "Response:" (the
    repr of the body's bytes)."""
    read = getattr(exc, "read", None)
    if read:
        try:
            return str(read(2000).decode("utf-8", "replace"))
        except (OSError, ValueError):
            return ""
    _, found, response = str(exc).partition("\n\nResponse:\n")
    if not found:
        return ""
    try:
        raw = ast.literal_eval(response)
    except (ValueError, SyntaxError):
        return response
    return raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
