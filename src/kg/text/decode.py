"""Bytes → text for a source file, with clear errors for what cannot be read as a document.

Vietnamese texts come as UTF-8 (with or without BOM), sometimes as UTF-16 (Windows "Unicode" exports, with or
without a BOM), and older ones in Windows-1258 or VNI/TCVN3 legacy encodings. Only UTF-8/UTF-16 are decoded;
anything else is an ``InputError`` that says which encoding the bytes look like (Windows-1258 is told apart
from TCVN3/VNI), so the user can convert the file.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError

# Windows-1258 writes most toned letters as a vowel followed by a combining tone mark: grave 0xCC, acute 0xEC,
# tilde 0xDE, hook above 0xD2, dot below 0xF2. TCVN3 and VNI use these same bytes for whole letters (e.g. VNI
# 0xEC "ì", 0xF2 "ị"), which mostly follow consonants — so "tone bytes sit after vowels" tells them apart.
_CP1258_TONES = frozenset(b"\xcc\xec\xde\xd2\xf2")
# the vowels a tone mark can follow in Windows-1258: ASCII ones and â ă ê ô ơ ư (both cases)
_CP1258_VOWELS = frozenset(b"aeiouyAEIOUY\xe2\xe3\xea\xf4\xf5\xfd\xc2\xc3\xca\xd4\xd5\xdd")
_CP1258_MIN_SHARE = 0.9


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
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # NULs where UTF-16 has them, yet not UTF-16: binary after all
    if _looks_binary(data):
        raise InputError(path, "the file is binary (not a text document); extract its text first")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = guess_encoding(data)
        how = " (iconv -f WINDOWS-1258 -t UTF-8)" if guess.startswith("Windows-1258") else ""
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}); it looks like {guess}: convert it to UTF-8 first{how}"
        ) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when the bytes look like UTF-16 saved without a byte-order mark, else None.

    Vietnamese UTF-16 has a NUL byte beside every ASCII character (spaces, digits, most letters), always on
    the same side of each pair; binary files have NULs scattered on both sides."""
    if len(data) < 4 or len(data) % 2:
        return None  # UTF-16 comes in whole pairs of bytes
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    if odd > pairs * 0.3 and even == 0:
        return "utf-16-le"
    if even > pairs * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> str:
    """A human name for the legacy encoding ``data`` most likely uses.

    >>> guess_encoding(b"\\xd0i\\xea\\xccu 2. Giao S\\xf4\\xd2 T\\xe0i ch\\xednh")
    'Windows-1258 (Vietnamese ANSI)'
    >>> guess_encoding(b"U\\xfby ban nha\\xe2n da\\xe2n t\\xe6nh; ch\\xe6 th\\xf2")  # VNI "… tỉnh; chỉ thị"
    'a legacy Vietnamese encoding such as TCVN3 (ABC) or VNI, not Windows-1258'
    """
    if not any(b >= 0x80 for b in data):
        return "ASCII with stray bytes"
    tones = [i for i, b in enumerate(data) if b in _CP1258_TONES]
    after_vowel = sum(1 for i in tones if i and data[i - 1] in _CP1258_VOWELS)
    if tones and after_vowel / len(tones) >= _CP1258_MIN_SHARE:
        return "Windows-1258 (Vietnamese ANSI)"
    return "a legacy Vietnamese encoding such as TCVN3 (ABC) or VNI, not Windows-1258"


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
