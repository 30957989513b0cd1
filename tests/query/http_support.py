"""Plain HTTP requests with full control of the headers (the Host header tests need that)."""

import http.client
import urllib.parse
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    status: int
    body: str


def request(
    port: int,
    path: str,
    form: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> Answer:
    """GET ``path`` (or POST ``form``) to 127.0.0.1:``port``; Host is 127.0.0.1:port unless given."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    sent = {"Host": f"127.0.0.1:{port}", "Accept": "application/sparql-results+json", **(headers or {})}
    try:
        if form is None:
            conn.request("GET", path, headers=sent)
        else:
            body = urllib.parse.urlencode(form)
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
            conn.request("POST", path, body=body, headers=sent)
        resp = conn.getresponse()
        return Answer(resp.status, resp.read().decode("utf-8", "replace"))
    finally:
        conn.close()


def query(port: int, text: str, **kwargs: object) -> Answer:
    return request(port, "/query", {"query": text}, **kwargs)  # type: ignore[arg-type]
