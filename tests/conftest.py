"""Shared pytest fixtures. Browser fixtures (headless Chromium, requests outside file:// refused) live in
tests/viz_browser.py and are registered here so any test module can ask for them by name."""

from viz_browser import chromium, offline_page  # noqa: F401  (fixtures, registered by import)
