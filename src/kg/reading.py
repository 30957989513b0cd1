"""Bytes → text for a source file, with clear errors for what cannot be read as a document.

Vietnamese texts come as UTF-8 (with or without BOM), sometimes as UTF-16 (Windows "Unicode" exports), and
older ones in Windows-1258 or VNI/TCVN3 legacy encodings. Only UTF-8/UTF-16 are decoded; anything else is an
``InputError`` that says which encoding the bytes look like, so the user can convert the file.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

# Bytes that only Windows-1258 (Vietnamese ANSI) text uses for tone marks and letters (Ð, ð, combining tones).
_CP1258_HINTS = frozenset(b"\xd0\xf0\xcc\xde\xd2\xec\xf2\xc3\xe3\xd5\xf5\xdd\xfd\xaa\xba")


def decode(data: bytes, path: str = "<bytes>") -> str:
    """Decode file bytes as text, or raise InputError naming the problem.

    >>> decode("Số: 4655/KH-UBND".encode())
    'Số: 4655/KH-UBND'
    >>> decode(b"")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: <bytes>: the file is empty
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_binary(data):
        raise InputError(path, "the file is binary (not a text document); extract its text first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = guess_encoding(data)
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}); it looks like {guess}: convert it to UTF-8 first"
        ) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def guess_encoding(data: bytes) -> str:
    """A human name for the legacy encoding ``data`` most likely uses.

    >>> guess_encoding(b"\\xd0i\\xea\\xccu 2. Giao S\\xf4\\xd2 T\\xe0i ch\\xednh")
    'Windows-1258 (Vietnamese ANSI)'
    """
    high = [b for b in data if b >= 0x80]
    if not high:
        return "ASCII with stray bytes"
    hints = sum(1 for b in high if b in _CP1258_HINTS)
    if hints / len(high) > 0.2:
        return "Windows-1258 (Vietnamese ANSI)"
    return "a legacy 8-bit encoding (Windows-1258, TCVN3 or VNI)"


def read_text(path: str | Path) -> str:
    """Read a source file as text (see ``decode``); a missing or unreadable file is an InputError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(str(p), "no such file") from exc
    except OSError as exc:
        raise InputError(str(p), f"cannot be read ({exc.strerror})") from exc
    return decode(data, str(p))
