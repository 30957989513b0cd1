"""Ground floor: Vietnamese string primitives with no domain knowledge.

``strings``: NFC, diacritic folding with an explicit đ→d, slugs, search keys, whitespace. ``aligned``: a fold
and the modern tone placement that keep one character per character, so offsets carry over. ``decode``: the
bytes of a file → text, refusing binary and legacy encodings with a message that names them. ``variants``:
the layout variants a text must extract identically under. Imports nothing from the project but ``kg.errors``.
"""

from kg.text.decode import decode, read_text
from kg.text.strings import collapse, fold, nfc, search_key, slug

__all__ = ["collapse", "decode", "fold", "nfc", "read_text", "search_key", "slug"]
