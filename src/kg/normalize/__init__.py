"""Stage 1: raw text → :class:`Text` (NFC, offsets back to the original, chrome set aside, lines joined).

Entry point: :func:`normalize`.
"""

from kg.normalize.text import Text, chrome_match, chrome_scope, normalize

__all__ = ["Text", "chrome_match", "chrome_scope", "normalize"]
