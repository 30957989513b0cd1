"""Where each page lives under visualizations/, derived from the IRI of what it shows (stable across runs)."""

from __future__ import annotations

import hashlib
import re

from kg.namespaces import ID

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _key(iri: str, section: str) -> str:
    """File-name key of an IRI: its path below id:<section>/ with '/' as '--'; else a hash."""
    prefix = f"{ID}{section}/"
    rest = iri[len(prefix) :] if iri.startswith(prefix) else ""
    key = rest.replace("/", "--")
    if not key or _UNSAFE.search(key) or len(key) > 120:
        return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16]
    return key


def node_page(iri: str, section: str) -> str:
    """Relative path of a document/agency/province page.

    >>> node_page("https://w3id.org/vn-policy-kg/id/doc/ubnd-x/2024/1-kh-ubnd", "doc")
    'doc/ubnd-x--2024--1-kh-ubnd.html'
    """
    return f"{section}/{_key(iri, section)}.html"


def source_page(iri: str) -> str:
    """Relative path of the page showing a source text."""
    return f"sources/{_key(iri, 'source')}.html"
