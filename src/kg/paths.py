"""Where the project's files live. One place, so no module hard-codes a path.

Paths are relative to the project root (the checkout). KG_HOME overrides the root, e.g. for tests that build
into a temporary directory.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("KG_HOME", Path(__file__).resolve().parents[2]))
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "policy.ttl"
FIELDS_FILE = ONTOLOGY_DIR / "fields.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DATA_DIR = ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
VOCAB_DIR = Path(os.environ.get("KG_VOCAB_DIR", DATA_DIR / "vocab"))
STORE_DIR = DATA_DIR / "store"
QUERIES_DIR = ROOT / "queries"
QC_DIR = QUERIES_DIR / "qc"
VIS_DIR = ROOT / "visualizations"
DOCS_DIR = ROOT / "docs"
