"""Headless Chromium (Debian's, through Playwright) for the viz tests, with every network request refused.

The fixtures ``chromium`` and ``offline_page`` are made available by tests/conftest.py. Pages are opened from
file://; any request to another scheme is aborted and recorded, and console errors are collected, so a test
can assert that neither happened.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LOCAL = ("file:", "data:", "blob:")
ARTIFACTS = Path(__file__).parent / "artifacts"


@dataclass
class Watched:
    """A page plus what it tried to do: network requests refused, console errors and page errors."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        """Go to ``url`` and wait until the graph (if the page has one) has been drawn once."""
        self.page.goto(url)
        self.page.wait_for_function("window.kgViz && (!kgViz.network || kgViz.drawn())", timeout=30_000)

    def shot(self, name: str) -> Path:
        """Save a screenshot under tests/artifacts/ for a human to look at."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test session; skipped with a reason when Chromium is not installed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip(
            "chromium is not installed (make test installs it: scripts/ensure-system-deps.sh chromium)"
        )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def offline_page(chromium: Any) -> Iterator[Watched]:
    """A fresh page in a fresh context: requests outside file:/data:/blob: are aborted and recorded."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    watched = Watched(context.new_page())

    def route(r: Any) -> None:
        if r.request.url.startswith(LOCAL):
            r.continue_()
        else:
            watched.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    watched.page.on(
        "request", lambda req: None if req.url.startswith(LOCAL) else watched.blocked.append(req.url)
    )
    watched.page.on("console", lambda msg: watched.errors.append(msg.text) if msg.type == "error" else None)
    watched.page.on("pageerror", lambda exc: watched.errors.append(str(exc)))
    yield watched
    context.close()
