"""The wheel is a working library outside the checkout (issue 11): vocabulary, ontology, named and QC queries
and templates ship inside it, and outputs go to the working directory.

The wheel is built from this checkout and installed, without its dependencies, into a fresh virtual
environment in a temporary folder; the dependencies come from the test's own environment (a .pth file), so
nothing is downloaded but the build backend. Every command then runs from a folder with no checkout in sight.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

from kg.paths import FROM_CHECKOUT, RAW_DIR

CHECKOUT = Path(__file__).resolve().parents[1]
SRC = CHECKOUT / "src"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info")


def _run(
    args: list[str], cwd: Path, env: dict[str, str], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_listed_packages_are_the_source_tree_and_the_mapped_data_folders() -> None:
    config = tomllib.loads((CHECKOUT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    mapped = {name: CHECKOUT / folder for name, folder in config["package-dir"].items() if name}
    in_src = {"kg"} | {
        ".".join(p.relative_to(SRC).parts)
        for p in (SRC / "kg").rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts and any(p.iterdir())
    }
    assert set(config["packages"]) == in_src | set(mapped)
    assert all(folder.is_dir() for folder in mapped.values())
    assert mapped["kg.resources.vocab"] == CHECKOUT / "data" / "vocab"
    assert mapped["kg.resources.ontology"] == CHECKOUT / "ontology"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(bin folder of a fresh venv holding the wheel, an empty working folder, the environment to run in)."""
    if not FROM_CHECKOUT:
        pytest.skip("needs the source checkout to build the wheel from")
    base = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_") and k != "PYTHONPATH"}
    # a copy of what the wheel is made of: setuptools' build/ folder in the checkout may hold stale files
    source = base / "source"
    for name in ("pyproject.toml", "README.md", "src", "data/vocab", "ontology", "queries"):
        if (CHECKOUT / name).is_dir():
            shutil.copytree(CHECKOUT / name, source / name, ignore=_IGNORE)
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(CHECKOUT / name, source / name)
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist"), str(source)],
        base,
        env,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((base / "dist").glob("vn_policy_kg-*.whl"))
    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], base, env).returncode == 0
    target = Path(
        _run(
            [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            base,
            env,
        ).stdout.strip()
    )
    (target / "kg-test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = _run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], base, env
    )
    assert done.returncode == 0, done.stderr
    work = base / "work"
    work.mkdir()
    return venv / "bin", work, env


@pytest.mark.slow
def test_the_wheel_carries_its_data_and_works_outside_the_checkout(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    where = _run(
        [str(bin_dir / "python"), "-c", "import kg, kg.paths as p; print(kg.__file__, p.VOCAB_DIR, p.HOME)"],
        work,
        env,
    )
    module, vocab_dir, home = where.stdout.split()
    assert not Path(module).is_relative_to(CHECKOUT)
    assert Path(vocab_dir).parts[-2:] == ("resources", "vocab") and not Path(vocab_dir).is_relative_to(
        CHECKOUT
    )
    assert Path(home) == work

    seed = sorted(RAW_DIR.glob("*.txt"))[0]
    extracted = _run([str(bin_dir / "kg"), "extract", "--json", str(seed)], work, env)
    assert extracted.returncode == 0, extracted.stderr
    assert '"assignments"' in extracted.stdout

    built = _run([str(bin_dir / "kg"), "build", str(RAW_DIR)], work, env)
    assert built.returncode == 0, built.stderr
    assert (work / "data" / "kg.ttl").is_file() and (work / "data" / "current" / "store").is_dir()

    listed = _run([str(bin_dir / "kg"), "queries"], work, env)
    assert listed.returncode == 0 and "lineage-down" in listed.stdout and "documents" in listed.stdout

    answered = _run([str(bin_dir / "kg"), "query", "documents", "--format", "csv"], work, env)
    assert answered.returncode == 0, answered.stderr
    assert "4655/KH-UBND" in answered.stdout

    home_flag = _run([str(bin_dir / "kg"), "--home", str(work), "status"], work.parent, env)
    assert home_flag.returncode == 0, home_flag.stderr
    assert "kg.ttl" in home_flag.stdout
