"""Pages written beside the site and moved in only when every page is made.

Why: `kg viz` writes each page as it is rendered (issue 15), so a failure halfway (a bad node, a full disk,
Ctrl-C) would leave a site half old, half new. Pages go to a hidden folder inside the output folder (same
file system, so moving in is a rename); only after the last page is made are they renamed into place. On any
failure the folder is removed and the previous site is untouched. A page whose bytes are already on disk is
not staged, so its time stamp stays.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = ".kg-viz-"


class Staging:
    """A hidden folder under ``out_dir`` holding the pages of one run until ``commit``."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out_dir)
        self.out_dir = out_dir
        self.dir = Path(tempfile.mkdtemp(prefix=PREFIX, dir=out_dir))

    def write(self, rel: str, data: bytes) -> Path:
        """Stage ``data`` for ``out_dir/rel`` unless that file already holds it; the final path."""
        target = self.out_dir / rel
        if target.is_file() and target.read_bytes() == data:
            return target
        staged = self.dir / rel
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(data)
        return target

    def commit(self) -> None:
        """Move every staged page into place, then remove the staging folder."""
        for staged in sorted(p for p in self.dir.rglob("*") if p.is_file()):
            target = self.out_dir / staged.relative_to(self.dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        self.discard()

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> None:
    """Staging folders of a run that was killed before it could clean up (SIGKILL, power loss)."""
    for old in out_dir.glob(PREFIX + "*"):
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
