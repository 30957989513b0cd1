"""The record cache of a build folder: each text's record, kept so a rebuild extracts only what changed.

Layout: ``<out>/.cache/records/<version>/<sha256>.json``, where ``sha256`` is of the text's bytes and
``version`` the extractor's (kg.extract.version). An entry is a JSON object: ``format``, ``version``,
``sha256`` and the ``record`` (the ``kg extract --json`` form). Another text, or the same text under another
extractor, has another entry; entries of other versions can never be read again, so :meth:`tidy` removes them.

Written atomically: a temporary file in the same folder, then one ``os.replace``, so a reader (or a build
killed mid-write) never sees half an entry under an entry's name. Not fsynced: a torn entry after a power
loss is only a miss. Read defensively: an entry that is not JSON, has another format, version or text hash,
or is no valid record, is a miss (the text is extracted again and the entry rewritten), never trusted.
The path a record names is the one the build is given now, not the one it was extracted from."""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from dataclasses import replace
from pathlib import Path

from kg.models import Record
from kg.text.decode import read_source

FORMAT = "kg-record-cache/1"
CACHE_DIR = Path(".cache") / "records"  # under a build's output folder
MAX_ENTRY_BYTES = 200_000_000  # far above any record of a text the build accepts (20 MB by default)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_TEMPORARY = ".tmp-"


class RecordCache:
    """Records by (text sha256, extractor version) in one folder."""

    def __init__(self, root: Path, version: str) -> None:
        if not _SHA256.fullmatch(version):
            raise ValueError(f"extractor version {version!r} is no sha256")
        self.root = root
        self.version = version
        self.folder = root / version

    def entry(self, sha256: str) -> Path:
        """Where the record of the text with this sha256 is kept."""
        if not _SHA256.fullmatch(sha256):
            raise ValueError(f"{sha256!r} is no sha256")
        return self.folder / f"{sha256}.json"

    def get(self, sha256: str, path: str) -> Record | None:
        """The cached record of the text with ``sha256``, naming ``path`` as its source; None on a miss."""
        entry = self.entry(sha256)
        if not entry.is_file():
            return None
        try:
            record = self._read(entry, sha256)
        except Exception:  # whatever is wrong with an entry, it is a miss: the text is extracted again
            return None
        if record is None or record.source.sha256 != sha256:
            return None
        return replace(record, source=replace(record.source, path=path))

    def _read(self, entry: Path, sha256: str) -> Record | None:
        # json.loads, not models.load_json: its nesting pre-scan would double the time of a warm build, and
        # an entry nested too deep for the parser raises RecursionError here, which get() takes as a miss
        data = json.loads(read_source(entry, MAX_ENTRY_BYTES))
        if not isinstance(data, dict):
            return None
        if (data.get("format"), data.get("version"), data.get("sha256")) != (FORMAT, self.version, sha256):
            return None
        return Record.from_json(data["record"])

    def put(self, record: Record) -> None:
        """Keep ``record`` under its text's sha256 (atomically); OSError when the folder cannot be written."""
        sha256 = record.source.sha256
        entry = self.entry(sha256)
        body = {"format": FORMAT, "version": self.version, "sha256": sha256, "record": record.to_json()}
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_name(f".{entry.name}{_TEMPORARY}{uuid.uuid4().hex[:8]}")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, entry)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def tidy(self) -> None:
        """Remove the entries of other extractor versions and the temporaries a killed build left (run under
        the build lock: no other writer is at work)."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.name != self.version:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        if self.folder.is_dir():
            for tmp in self.folder.glob(f".*{_TEMPORARY}*"):
                tmp.unlink(missing_ok=True)
