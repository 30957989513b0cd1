"""The shape of the package (issue 11; docs/architecture.md): no import cycles, no import guards around
modules that are always present, no private names imported across modules, stages imported only from the
floors below them. Read from the source with ``ast``, so a violation names the file and line."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg

SRC = Path(kg.__file__).resolve().parent
PACKAGE = SRC.name

# What each room may import (besides the shared modules and itself), bottom to top. A room is the first part
# of a module name below ``kg``; the shared modules (errors, paths, namespaces, iri, models, tabular) serve
# every room.
SHARED = {"errors", "paths", "namespaces", "iri", "models", "tabular"}
MAY_IMPORT: dict[str, set[str]] = {
    "text": set(),
    "lexicon": {"text"},
    "normalize": {"text", "lexicon"},
    "segment": {"text", "lexicon", "normalize"},
    "extract": {"text", "lexicon", "normalize", "segment"},
    "resolve": {"text", "lexicon"},
    "rdf": {"text", "lexicon", "resolve"},
    "store": {"text", "rdf"},
    "quality": {"text", "lexicon", "normalize", "extract", "rdf", "store", "query"},
    "ontology": {"quality"},
    "query": {"text", "store"},
    "analysis": {"text", "lexicon", "store"},
    "present": {"text", "analysis", "store"},
    "build_inputs": {"text", "extract", "store"},
    "build_fingerprint": {"extract"},
    "build": {"text", "build_fingerprint", "build_inputs", "extract", "resolve", "rdf", "store"},
    "intake": {"text", "build", "build_inputs"},
    "api": {"text", "extract", "build", "store", "query", "analysis", "models"},
    "commands": {"*"},
    "cli": {"*"},
}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(module: str, path: Path) -> Iterator[tuple[int, str, str]]:
    """(line, imported module, imported name or '') of every kg import in ``path``, nested ones included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    yield node.lineno, alias.name, ""
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == PACKAGE:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                yield node.lineno, (sub if sub in MODULES else node.module), alias.name


def _graph() -> dict[str, set[str]]:
    return {m: {target for _, target, _ in _imports(m, p) if target != m} for m, p in MODULES.items()}


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                return [*stack[stack.index(n) :], n]
            if n not in state and (found := visit(n)):
                return found
        stack.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_there_are_modules_to_check() -> None:
    assert {"kg.extract", "kg.resolve", "kg.rdf.mapping", "kg.lexicon.gazetteer"} <= set(MODULES)


def test_no_import_cycles() -> None:
    cycle = _find_cycle(_graph())
    assert cycle is None, "import cycle: " + " → ".join(cycle or [])


def test_find_cycle_sees_a_cycle() -> None:
    assert _find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_private_names_imported_across_modules() -> None:
    found = [
        f"{MODULES[m].relative_to(SRC.parent)}:{line} imports {name} from {target}"
        for m, p in MODULES.items()
        for line, target, name in _imports(m, p)
        if name.startswith("_") and not name.startswith("__") and target != m
    ]
    assert not found, "\n".join(found)


def _guards(path: Path) -> Iterator[int]:
    """Lines of ``try: import kg... except ImportError``: the project's modules are always there."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
        if not caught & {"ImportError", "ModuleNotFoundError"}:
            continue
        for stmt in node.body:
            for sub in ast.walk(stmt):
                if isinstance(sub, ast.ImportFrom) and (sub.module or "").split(".")[0] == PACKAGE:
                    yield node.lineno


def test_no_import_guards_around_project_modules() -> None:
    found = [f"{p.relative_to(SRC.parent)}:{line}" for p in MODULES.values() for line in _guards(p)]
    assert not found, "import guards: " + ", ".join(found)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("room", sorted(MAY_IMPORT))
def test_rooms_import_only_the_floors_below(room: str) -> None:
    allowed = MAY_IMPORT[room]
    found = []
    for m, p in MODULES.items():
        if _room(m) != room or "*" in allowed:
            continue
        for line, target, _ in _imports(m, p):
            other = _room(target)
            if other and other != room and other not in SHARED and other not in allowed:
                found.append(f"{p.relative_to(SRC.parent)}:{line} imports {target}")
    assert not found, f"{room} may import {sorted(allowed | SHARED)} only:\n" + "\n".join(found)


TESTS = Path(__file__).resolve().parent
WHOLE_PACKAGE_TESTS = {"test_architecture.py", "test_api.py", "test_packaging.py"}
NOT_ROOMS = {"fixtures", "corpus", "artifacts", "__pycache__"}  # test data and outputs, not tests of a room


def test_tests_mirror_the_rooms() -> None:
    """tests/<room>/test_*.py for a room of src/kg (build, cli, benchmarks too); only whole-package tests on
    top."""
    # benchmarks/ holds code too (the corpus generator), tested in tests/benchmarks
    rooms = {_room(m) for m in MODULES if _room(m)} | {"build", "cli", "benchmarks"}
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and p.name not in NOT_ROOMS}
    assert folders <= rooms, f"test folders that are no room of src/kg: {sorted(folders - rooms)}"
    on_top = {p.name for p in TESTS.glob("test_*.py")}
    assert on_top <= WHOLE_PACKAGE_TESTS, f"move into tests/<room>/: {sorted(on_top - WHOLE_PACKAGE_TESTS)}"
