"""Bytes → text for a source file, with clear errors for what cannot be read as a document.

Vietnamese texts come as UTF-8 (with or without BOM), sometimes as UTF-16 (Windows "Unicode" exports, with or
without a BOM), and older ones in Windows-1258 or VNI/TCVN3 legacy encodings. Only UTF-8/UTF-16 are decoded;
anything else is an ``InputError`` that says which encoding the bytes look like (Windows-1258 is told apart
from TCVN3/VNI), so the user can convert the file. UTF-32, other file formats (PDF, Word, images, archives)
and bytes that are no text at all are refused by name, never guessed as a legacy encoding.

Reading is bounded whatever the file is (``read_source``): only regular files are opened (a FIFO, a device or
a socket is refused before ``open``, so nothing blocks), at most ``max_bytes + 1`` bytes are read, and a file
whose name is not UTF-8 is refused with the name shown escaped.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kg.errors import InputError, shown_path

# The default size limit of a source text (`kg extract/build --max-bytes`): the longest real documents are
# a few hundred kB, so 20 MB is far beyond any of them yet bounds the memory one file can take.
MAX_BYTES = 20_000_000
# The longest line a document's text may have. Real texts (PDF copies, web pages, docx exports) have lines
# of a few thousand characters at most; a line of megabytes is a dump, not a document's layout.
MAX_LINE = 100_000

# Windows-1258 writes most toned letters as a vowel followed by a combining tone mark: grave 0xCC, acute 0xEC,
# tilde 0xDE, hook above 0xD2, dot below 0xF2. TCVN3 and VNI use these same bytes for whole letters (e.g. VNI
# 0xEC "ì", 0xF2 "ị"), which mostly follow consonants — so "tone bytes sit after vowels" tells them apart.
_CP1258_TONES = frozenset(b"\xcc\xec\xde\xd2\xf2")
# the vowels a tone mark can follow in Windows-1258: ASCII ones and â ă ê ô ơ ư (both cases)
_CP1258_VOWELS = frozenset(b"aeiouyAEIOUY\xe2\xe3\xea\xf4\xf5\xfd\xc2\xc3\xca\xd4\xd5\xdd")
_CP1258_MIN_SHARE = 0.9

# File formats by their first bytes ("magic numbers"), named so the user knows what to convert from.
_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (DOC/XLS)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)
# ZIP containers, told apart by the names of their parts.
_ZIP_KINDS: tuple[tuple[bytes, str], ...] = (
    (b"word/", "a Word document (DOCX)"),
    (b"xl/", "an Excel workbook (XLSX)"),
    (b"ppt/", "a PowerPoint file (PPTX)"),
    (b"opendocument", "an OpenDocument file (ODT/ODS)"),
)


def decode(data: bytes, path: str = "<bytes>", max_line: int | None = MAX_LINE) -> str:
    """Decode file bytes as text, or raise InputError naming the problem (also: a line longer than
    ``max_line`` characters, unless None — record JSON files may be written on one line).

    >>> decode("Số: 4655/KH-UBND".encode())
    'Số: 4655/KH-UBND'
    >>> decode(b"")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: <bytes>: the file is empty
    >>> decode(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: <bytes>: the file is a PDF document (binary), not text: extract its text first
    """
    if not data.strip():
        raise InputError(path, "the file is empty")
    _refuse_other_formats(data, path)
    text = _decode_unicode(data, path)
    return _check_lines(text, path, max_line) if max_line is not None else text


def _refuse_other_formats(data: bytes, path: str) -> None:
    """InputError when the bytes are a known non-text format (by magic number) or UTF-32."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or _utf32_without_bom(data):
        raise InputError(path, "the file is UTF-32 text, which is not read: convert it to UTF-8 first")
    for magic, name in _FORMATS:
        if data.startswith(magic):
            raise InputError(path, f"the file is {name} (binary), not text: extract its text first")
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        head = data[:65536]
        name = next((n for key, n in _ZIP_KINDS if key in head), "a ZIP archive")
        raise InputError(path, f"the file is {name} (binary), not text: extract its text first")


def _decode_unicode(data: bytes, path: str) -> str:
    """UTF-16 (with or without BOM) or UTF-8; else InputError naming "binary" or the likely legacy
    encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _utf16(data, "utf-16", path)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # NULs where UTF-16 has them, yet not UTF-16: binary after all
    if _looks_binary(data):
        raise InputError(path, _BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not _looks_like_text(data):
            raise InputError(path, _BINARY) from exc
        guess = guess_encoding(data)
        how = " (iconv -f WINDOWS-1258 -t UTF-8)" if guess.startswith("Windows-1258") else ""
        raise InputError(
            path, f"not valid UTF-8 (byte {exc.start}); it looks like {guess}: convert it to UTF-8 first{how}"
        ) from exc


_BINARY = "the file is binary (not a text document); extract its text first"


def _utf16(data: bytes, encoding: str, path: str) -> str:
    """UTF-16 with a byte-order mark; a truncated file (odd length) or a broken pair is named, not guessed."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        odd = f" ({len(data)} bytes, an odd number: the file is cut short)" if len(data) % 2 else ""
        problem = f"not valid UTF-16 at byte {exc.start}{odd}; convert it to UTF-8 first"
        raise InputError(path, problem) from exc


def _check_lines(text: str, path: str, max_line: int) -> str:
    """``text``, or InputError when a line is longer than any document's."""
    longest = max(map(len, text.splitlines()), default=0)
    if longest > max_line:
        raise InputError(
            path,
            f"a line of {longest:,} characters (limit {max_line:,}): not a document's text layout; "
            "put its paragraphs on lines of their own",
        )
    return text


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _looks_like_text(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 still read like text in some 8-bit encoding: mostly printable ASCII
    with spaces between words. Vietnamese in TCVN3/VNI/Windows-1258 keeps ASCII letters for about three
    quarters of its bytes; random bytes have half of theirs above 0x7F and hardly any spaces."""
    head = data[:4096]
    ascii_ = sum(1 for b in head if 32 <= b < 127 or b in (9, 10, 13))
    spaces = head.count(b" ") + head.count(b"\n")
    return ascii_ >= len(head) * 0.6 and (len(head) < 64 or spaces >= len(head) * 0.03)


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


def _utf32_without_bom(data: bytes) -> bool:
    """Whether the bytes look like UTF-32 without a byte-order mark: every Vietnamese letter is below
    U+10000, so two of each four bytes are NUL, always the same two (the high ones)."""
    if len(data) < 8 or len(data) % 4:
        return False
    head = data[:4096]
    lanes = [head[k::4] for k in range(4)]
    little = not any(lanes[2]) and not any(lanes[3]) and any(lanes[0])
    big = not any(lanes[0]) and not any(lanes[1]) and any(lanes[3])
    return little or big


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


def read_source(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a source file, read in isolation: refused (InputError naming the file) when it is not a
    regular file, its name is not UTF-8, or it is larger than ``max_bytes``. Never blocks, never reads more
    than ``max_bytes + 1`` bytes."""
    name = shown_path(path)
    if name != os.fsdecode(path):
        raise InputError(name, "the file name is not valid UTF-8; rename the file")
    try:
        _check_kind(os.stat(path), name, max_bytes)
        # O_NONBLOCK: should the file be swapped for a FIFO after the check, open still returns at once
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise InputError(name, "no such file") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as f:
        _check_kind(os.fstat(f.fileno()), name, max_bytes)
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:  # the file grew, or its size is not known beforehand (/proc)
        raise InputError(name, _too_large(max_bytes))
    return data


def _check_kind(st: os.stat_result, name: str, max_bytes: int) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a directory, not a text file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, f"is {_special_kind(st.st_mode)}, not a regular file: not read")
    if st.st_size > max_bytes:
        raise InputError(name, _too_large(max_bytes, st.st_size))


def _special_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _too_large(limit: int, size: int | None = None) -> str:
    has = f"{size:,} bytes" if size is not None else "larger than that"
    return f"the file is too large ({has}; the limit is {limit:,} bytes, see --max-bytes)"


def read_text(path: str | Path, max_bytes: int = MAX_BYTES) -> str:
    """Read a source file as text (``read_source``, then ``decode``); InputError when it cannot be."""
    return decode(read_source(path, max_bytes), shown_path(path))
