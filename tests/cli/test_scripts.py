"""The helper scripts (scripts/) keep importing what the package has: a module moved inside src/kg/ must not
leave a script that fails on its first line (scripts/agency_recall.py did, for a while, unnoticed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = sorted((Path(__file__).resolve().parents[2] / "scripts").rglob("*.py"))


def test_there_are_scripts_to_check() -> None:
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_each_script_imports(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Loading runs the imports and definitions; every script keeps its work under `if __name__ == "__main__"`.
    assert 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"script_{path.stem}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
