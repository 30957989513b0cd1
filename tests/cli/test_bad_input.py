"""Bad input never sinks a batch (issue 14): one table, each row a kind of bad file, run through the real
`kg extract` and `kg build` (``python -m kg.cli`` in a subprocess) with a good text beside it; `kg add`
refuses each (issue 15), one line naming it, and copies nothing.

A refused file gets exactly one line on stderr naming it (its name escaped when it is not UTF-8), the good
file is still extracted and built, the exit status is 1, and no traceback is printed. With --strict the build
fails (exit 2) and the previous build is left byte for byte as it was. A file that is odd but still a text
(numbering a thousand levels deep) is simply read."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.paths import RAW_DIR

GOOD = RAW_DIR / "ubnd-kon-tum_3549-kh-ubnd_2022_news.txt"  # the smallest seed text: quick to extract
GOOD_NUMBER = "3549/KH-UBND"
LIMIT = 10_000  # --max-bytes of the "too large" row: above the good text (7.5 kB), below that file

TEXT = "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nSở Tài chính chủ trì thực hiện.\n"


def kg(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )


def _docx() -> bytes:
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"kg-bad-input-{os.getpid()}.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document>{TEXT}</w:document>")
    data = path.read_bytes()
    path.unlink()
    return data


def _random(seed: int, low: int = 0) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(6000))


def _socket(path: Path) -> None:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()  # the socket file stays


@dataclass(frozen=True)
class Case:
    """One kind of bad input: how to make it in a folder, and the words its one line must hold."""

    kind: str
    name: str
    make: Callable[[Path], Path]
    says: str  # in the line naming the file; "" for an input that is read
    limit: int | None = None  # --max-bytes, when not the default

    def options(self) -> list[str]:
        return ["--max-bytes", str(self.limit)] if self.limit else []

    def shown(self, path: Path) -> str:
        """The file's name as the message prints it."""
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def _write(name: str | bytes, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / (os.fsdecode(name) if isinstance(name, bytes) else name)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return make


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _unix_socket(folder: Path) -> Path:
    _socket(folder / "sock.txt")
    return folder / "sock.txt"


CASES = [
    Case("utf-16 of odd length", "u16.txt", _write("u16.txt", TEXT.encode("utf-16") + b"A"), "UTF-16"),
    Case("utf-32 with BOM", "u32.txt", _write("u32.txt", TEXT.encode("utf-32")), "UTF-32"),
    Case("utf-32 without BOM", "u32le.txt", _write("u32le.txt", TEXT.encode("utf-32-le")), "UTF-32"),
    Case("pdf", "doc.txt", _write("doc.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"), "PDF"),
    Case("docx", "plan.txt", lambda d: _write("plan.txt", _docx())(d), "DOCX"),
    Case("png", "scan.txt", _write("scan.txt", b"\x89PNG\r\n\x1a\n" + _random(1)), "PNG image"),
    Case("random bytes", "noise.txt", _write("noise.txt", _random(2)), "binary"),
    Case("random high bytes", "high.txt", _write("high.txt", _random(3, low=0x20)), "binary"),
    Case("empty", "empty.txt", _write("empty.txt", b""), "empty"),
    Case("over --max-bytes", "big.txt", _write("big.txt", TEXT * (LIMIT // 50)), "too large", LIMIT),
    Case("a 5 MB line", "line.txt", _write("line.txt", "Điều 1. " + "chủ trì " * 640_000), "a line of"),
    Case("100,000-deep JSON", "deep.json", _write("deep.json", "[" * 100_000 + "]" * 100_000), "deep"),
    Case("FIFO", "pipe.txt", _fifo, "FIFO"),
    Case("socket", "sock.txt", _unix_socket, "socket"),
    Case("character device", "zero", lambda _d: Path("/dev/zero"), "character device"),
    Case("name not UTF-8", "k\\xe9.txt", _write(b"k\xe9.txt", TEXT), "not valid UTF-8"),
    Case(
        "numbering 1,000 levels deep",
        "deep.txt",
        _write(
            "deep.txt", "\n".join(".".join(["1"] * (i + 1)) + ". Sở Tài chính chủ trì" for i in range(1000))
        ),
        "",
    ),
]
IDS = [c.kind for c in CASES]


@pytest.fixture(params=CASES, ids=IDS)
def bad(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Case, Path]]:
    case: Case = request.param
    folder = tmp_path / "in"
    folder.mkdir()
    yield case, case.make(folder)


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished build of the good text (copied into each test that may touch it)."""
    out = tmp_path_factory.mktemp("previous")
    proc = kg("build", GOOD, "--out-dir", out, "--store", out / "store", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    return out


def _naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if name in line]


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every built file's hash; the build lock is left out (each build writes its pid there)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".build.lock"
    }


def test_kg_extract_names_the_bad_file_once_and_extracts_the_good_one(bad: tuple[Case, Path]) -> None:
    case, path = bad
    proc = kg("extract", path, GOOD, *case.options())
    assert "Traceback" not in proc.stderr + proc.stdout
    assert str(GOOD) in proc.stdout and GOOD_NUMBER in proc.stdout  # the good file's record
    if not case.says:
        assert proc.returncode == 0, proc.stderr
        assert case.shown(path) in proc.stdout
        return
    assert proc.returncode == 1, proc.stderr
    lines = _naming(proc.stderr, case.shown(path))
    assert len(lines) == 1, proc.stderr
    assert case.says in lines[0]
    assert "TCVN3" not in lines[0]  # never guessed as a legacy encoding


def test_kg_build_skips_the_bad_file_by_name_and_builds_the_good_one(
    bad: tuple[Case, Path], tmp_path: Path
) -> None:
    case, path = bad
    out = tmp_path / "out"
    proc = kg("build", path, GOOD, "--out-dir", out, "--store", out / "store", "-j", "1", *case.options())
    assert "Traceback" not in proc.stderr + proc.stdout
    assert GOOD_NUMBER in (out / "kg.ttl").read_text(encoding="utf-8")
    if not case.says:
        assert proc.returncode == 0, proc.stderr
        return
    assert proc.returncode == 1, proc.stderr
    lines = _naming(proc.stderr, case.shown(path))
    assert len(lines) == 1, proc.stderr
    assert case.says in lines[0]


def test_kg_build_strict_fails_by_name_and_keeps_the_previous_build(
    bad: tuple[Case, Path], previous: Path, tmp_path: Path
) -> None:
    case, path = bad
    if not case.says:
        pytest.skip("a file that is read fails no build")
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = _fingerprint(out)
    proc = kg("build", "--strict", path, GOOD, "--out-dir", out, "--store", out / "store", *case.options())
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and case.shown(path) in lines[0], proc.stderr
    assert _fingerprint(out) == before


def test_kg_add_refuses_the_bad_file_by_name_and_copies_nothing(
    bad: tuple[Case, Path], tmp_path: Path
) -> None:
    """A file `kg build` would skip is not let into the corpus, where every later build would skip it."""
    case, path = bad
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    shutil.copyfile(GOOD, raw / GOOD.name)
    proc = kg("add", path, "--raw-dir", raw, "--out-dir", out, "-j", "1", *case.options())
    assert "Traceback" not in proc.stderr + proc.stdout
    if not case.says:
        assert proc.returncode == 0, proc.stderr
        assert (raw / path.name).read_bytes() == path.read_bytes()
        return
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and case.shown(path) in lines[0] and case.says in lines[0], proc.stderr
    assert [p.name for p in raw.iterdir()] == [GOOD.name]
    assert not out.exists()


def test_a_second_copy_of_a_text_is_skipped_naming_both_and_the_graph_validates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    first, second = folder / "a.txt", folder / "b.txt"
    shutil.copyfile(GOOD, first)
    shutil.copyfile(GOOD, second)
    out = tmp_path / "out"
    proc = kg("build", folder, "--out-dir", out, "--store", out / "store", "-j", "1")
    assert proc.returncode == 1, proc.stderr
    lines = _naming(proc.stderr, str(second))
    assert len(lines) == 1 and str(first) in lines[0] and "same text" in lines[0], proc.stderr
    valid = kg("validate", "--store", out / "store")
    assert valid.returncode == 0, valid.stdout + valid.stderr


def test_an_impossible_date_is_kept_as_text_with_a_warning(tmp_path: Path) -> None:
    seed = RAW_DIR / "ubnd-lam-dong_4655-kh-ubnd_2024.txt"
    source = tmp_path / "date.txt"
    # its place/date line, "Lâm Đồng, ngày 10 tháng 6 năm 2024", as 31 February (no such day)
    text = seed.read_text(encoding="utf-8")
    source.write_text(
        text.replace("ngày 10 tháng 6 năm 2024", "ngày 31 tháng 2 năm 2024", 1), encoding="utf-8"
    )
    extracted = kg("extract", source)
    assert extracted.returncode == 0, extracted.stderr
    assert "2024-02-31" in extracted.stdout and "impossible-date" in extracted.stdout, extracted.stdout
    out = tmp_path / "out"
    built = kg("build", source, "--out-dir", out, "--store", out / "store", "-j", "1")
    assert built.returncode == 0, built.stderr
    warnings = _naming(built.stderr, str(source))
    assert len(warnings) == 1 and "2024-02-31" in warnings[0], built.stderr
    turtle = (out / "kg.ttl").read_text(encoding="utf-8")
    assert "2024-02-31" not in turtle and "4655/KH-UBND" in turtle
    for command in (
        ("validate", "--store", out / "store"),
        ("viz", "--data", out / "kg.ttl", "--out", out / "v"),
    ):
        proc = kg(*command)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
