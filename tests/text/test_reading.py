"""Reading one source file in isolation (issue 14): whatever the file is, it is refused by name without
blocking or reading more than the limit, or decoded; never guessed as a legacy encoding when it is no text."""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.decode import decode, read_source

TEXT = "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nSở Tài chính chủ trì thực hiện.\n"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes to it: opening it for reading would wait forever
    with pytest.raises(InputError, match=r"pipe.txt: is a FIFO, not a regular file"):
        read_source(fifo)


def test_a_device_is_refused_before_it_is_read() -> None:
    with pytest.raises(InputError, match=r"^/dev/zero: is a character device"):
        read_source("/dev/zero")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    with pytest.raises(InputError, match=r"s.txt: is a socket"):
        read_source(path)


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    assert read_source(path, max_bytes=2000) == b"x" * 2000
    with pytest.raises(InputError, match=r"big.txt: the file is too large \(2,000 bytes; the limit is 1,999"):
        read_source(path, max_bytes=1999)


def test_a_file_whose_size_is_unknown_is_read_up_to_the_limit_only() -> None:
    # /proc files say they are empty; the limit still holds because at most limit + 1 bytes are read
    with pytest.raises(
        InputError, match=r"status: the file is too large \(larger than that; the limit is 10 "
    ):
        read_source("/proc/self/status", max_bytes=10)


def test_a_name_that_is_not_utf8_is_refused_and_shown_escaped(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/k\xe9 ho\xe0ch.txt"))
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_source(path)
    assert str(err.value).endswith("k\\xe9 ho\\xe0ch.txt: the file name is not valid UTF-8; rename the file")
    str(err.value).encode("utf-8")  # printable as it is


def _random(seed: int, low: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(5000))


@pytest.mark.parametrize(
    "data,says",
    [
        (TEXT.encode("utf-16") + b"A", r"not valid UTF-16 at byte \d+ \(\d+ bytes, an odd number"),
        (TEXT.encode("utf-32"), "UTF-32 text, which is not read"),
        (TEXT.encode("utf-32-be"), "UTF-32 text"),
        (b"%PDF-1.7\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00word/document.xml", r"a Word document \(DOCX\)"),
        (b"PK\x03\x04\x14\x00\x00\x00data.csv", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), r"an old Office document \(DOC/XLS\)"),
        (b"\xff\xd8\xff\xe0" + _random(1, 0), "a JPEG image"),
        (_random(2, 0), "binary"),
        (_random(3, 0x20), "binary"),  # no NUL, no control byte: still no text
        (("Điều 1. " + "chủ trì " * 20_000).encode(), "a line of 160,008 characters"),
    ],
    ids=[
        "utf-16 odd",
        "utf-32",
        "utf-32-be no BOM",
        "pdf",
        "docx",
        "zip",
        "doc",
        "jpeg",
        "random",
        "random high",
        "line",
    ],
)
def test_what_is_no_document_text_is_refused_by_name(data: bytes, says: str) -> None:
    with pytest.raises(InputError, match=f"^plan.txt: .*{says}") as err:
        decode(data, "plan.txt")
    assert "TCVN3" not in str(err.value)


def test_long_lines_are_allowed_where_asked() -> None:
    line = "[" + "1," * 60_000 + "1]"
    assert decode(line.encode(), "r.json", max_line=None) == line
