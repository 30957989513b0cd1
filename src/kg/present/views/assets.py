"""The vis-network library shipped inside the pyvis package, and the site's own script and style.

Nothing is fetched: the files are copied beside the pages (visualizations/lib/), with vis-network's licence
header kept as a separate file.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from kg.errors import KGError

VIS_DIR = ("lib", "vis-9.1.2")
_LICENCE = re.compile(r"^/\*\*.*?\*/", re.S)


def _pyvis_file(name: str) -> bytes:
    try:
        return resources.files("pyvis").joinpath(*VIS_DIR, name).read_bytes()
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise KGError(f"pyvis package: {'/'.join(VIS_DIR)}/{name} not found; reinstall pyvis>=0.3.2") from exc


def _own_file(name: str) -> bytes:
    return resources.files("kg.present").joinpath("templates", "viz", name).read_bytes()


def library_files() -> dict[str, bytes]:
    """Files for visualizations/lib/: vis-network script, style and licence; the site's script and style."""
    script = _pyvis_file("vis-network.min.js")
    header = _LICENCE.match(script.decode("utf-8", "replace"))
    return {
        "lib/vis-network.min.js": script,
        "lib/vis-network.css": _pyvis_file("vis-network.css"),
        "lib/LICENSE-vis-network.txt": (
            header.group(0) if header else "vis-network: Apache-2.0 OR MIT"
        ).encode(),
        "lib/viz.js": _own_file("viz.js"),
        "lib/viz.css": _own_file("viz.css"),
    }


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write ``files`` (relative path → bytes) under ``out_dir``, skipping files whose bytes are unchanged."""
    return [write_file(out_dir, rel, data) for rel, data in sorted(files.items())]


def write_file(out_dir: Path, rel: str, data: bytes) -> Path:
    """Write one file under ``out_dir`` unless it already holds ``data`` (its time stamp then stays)."""
    path = out_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return path
