"""Where the project's files live. One place, so no module hard-codes a path.

Two kinds of files:

- What ships with the library: the vocabulary (``data/vocab``), the ontology files (``ontology/*.ttl``), the
  named and QC queries (``queries/``, ``queries/qc/``). In an installed wheel they are package data under
  ``kg/resources/`` and are found with importlib.resources; in a source checkout (editable install) they are
  the repository's own top-level folders, which setuptools maps into ``kg.resources`` when it builds the
  wheel (pyproject.toml, ``package-dir``), so the repository keeps one copy. KG_VOCAB_DIR, KG_ONTOLOGY_DIR
  and KG_QUERIES_DIR point at other copies (tests use them).
- The working directory ``HOME``, where inputs are read (``data/raw``) and outputs written (``data/kg.*``,
  the store, ``visualizations/``, ``docs/ontology``): KG_HOME (``kg --home DIR`` sets it), else the checkout
  when running from one, else the current directory.

A build writes a generation directory ``data/.builds/<id>/`` (the graph files and the store) and then points
the symlink ``data/current`` at it (kg.store.generations); ``data/kg.*`` are published copies of current's
files. Readers take built files through ``data/current`` (:func:`built_file`), so they never mix two builds.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

# src/kg/paths.py → the checkout holding pyproject.toml, when the package runs from a source tree
_CHECKOUT = Path(__file__).resolve().parents[2]
FROM_CHECKOUT = (_CHECKOUT / "pyproject.toml").is_file() and (_CHECKOUT / "src" / "kg").is_dir()


def _home() -> Path:
    if os.environ.get("KG_HOME"):
        return Path(os.environ["KG_HOME"])
    return _CHECKOUT if FROM_CHECKOUT else Path.cwd()


def shipped(name: str, in_checkout: str, env: str) -> Path:
    """The folder of shipped data ``name`` (``vocab``, ``ontology``, ``queries``): ``$env`` when set, else the
    package's copy (``kg/resources/<name>``, importlib.resources), else the checkout's ``in_checkout``.

    >>> shipped("vocab", "data/vocab", "KG_NO_SUCH_VARIABLE").joinpath("agencies.yaml").is_file()
    True
    """
    if os.environ.get(env):
        return Path(os.environ[env])
    packaged = Path(str(resources.files("kg.resources"))) / name
    return packaged if packaged.is_dir() else _CHECKOUT / in_checkout


ROOT = HOME = _home()

VOCAB_DIR = shipped("vocab", "data/vocab", "KG_VOCAB_DIR")
ONTOLOGY_DIR = shipped("ontology", "ontology", "KG_ONTOLOGY_DIR")
ONTOLOGY_FILE = ONTOLOGY_DIR / "policy.ttl"
FIELDS_FILE = ONTOLOGY_DIR / "fields.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = shipped("queries", "queries", "KG_QUERIES_DIR")
QC_DIR = QUERIES_DIR / "qc"

DATA_DIR = HOME / "data"
RAW_DIR = DATA_DIR / "raw"
CURRENT_DIR = DATA_DIR / "current"  # symlink to the generation of the last complete build
STORE_DIR = CURRENT_DIR / "store"
VIS_DIR = HOME / "visualizations"
DOCS_DIR = HOME / "docs"


def built_file(name: str, out_dir: Path | None = None) -> Path:
    """The built file ``name`` (``kg.ttl``, …) of the output folder ``out_dir`` (default data/): the current
    generation's copy when there is one, else the published ``out_dir/name`` (a clone without a build).

    >>> built_file("kg.ttl", Path("/nonexistent")).as_posix()
    '/nonexistent/kg.ttl'
    """
    folder = out_dir or DATA_DIR
    in_current = folder / "current" / name
    return in_current if in_current.is_file() else folder / name
