"""Reading source bytes: which texts are decoded, and what a user is told about the ones that are not."""

from __future__ import annotations

import unicodedata

import pytest

from kg.errors import InputError
from kg.text.decode import decode, guess_encoding

TEXT = (
    "ỦY BAN NHÂN DÂN TỈNH\nSố: 12/KH-UBND\nKẾ HOẠCH Triển khai thực hiện Nghị quyết\n"
    "Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành liên quan; thời hạn: năm 2025.\n"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: a letter it has precomposed stays whole, else base letter + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)


def test_cp1258_helper_round_trips() -> None:
    assert unicodedata.normalize("NFC", to_cp1258(TEXT).decode("cp1258")) == TEXT


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"],
    ids=["utf-8", "utf-8 with BOM", "utf-16 with BOM", "utf-16-le without BOM", "utf-16-be without BOM"],
)
def test_unicode_texts_are_read_whatever_the_form(encoding: str) -> None:
    assert decode(TEXT.encode(encoding), "plan.txt") == TEXT


@pytest.mark.parametrize(
    "data,expected",
    [
        (to_cp1258(TEXT), r"looks like Windows-1258 \(Vietnamese ANSI\).*iconv -f WINDOWS-1258"),
        # VNI writes "tỉnh" as "tænh" and "chỉ thị" as "chæ thò": 0xF2 is a whole letter after a consonant
        (
            b"U\xfby ban nha\xe2n da\xe2n t\xe6nh; ch\xe6 th\xf2 so\xe1 12",
            "TCVN3 \\(ABC\\) or VNI, not Windows-1258",
        ),
        (b"%PDF-1.4\n" + bytes(range(256)) * 4, "binary"),
        (b"   \n\n", "empty"),
    ],
    ids=["windows-1258", "vni", "pdf", "blank"],
)
def test_unreadable_bytes_name_the_file_and_the_likely_cause(data: bytes, expected: str) -> None:
    with pytest.raises(InputError, match=f"^plan.txt: .*{expected}"):
        decode(data, "plan.txt")


def test_windows_1258_is_named_even_with_few_toned_letters() -> None:
    assert guess_encoding(to_cp1258("Điều 2. Giao Sở Tài chính")) == "Windows-1258 (Vietnamese ANSI)"
