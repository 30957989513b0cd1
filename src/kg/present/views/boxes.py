"""How big a node is drawn: its label's width and how far it reaches above and below its centre (px).

vis-network draws box and ellipse shapes with the label inside, and dots, squares, hexagons and stars with
the label below the shape. The estimates were fitted to what Chromium draws at the pages' 14 px sans-serif
(vis-network's ``getBoundingBox``), rounded up so that a drawn node always fits in its estimated box; the
layout keeps edges out of these boxes and tests/present/test_layout.py checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

FONT_PX = 14  # the pages' label font (viz.js FONT_PX)
FOCUS_SCALE = 1.3  # the focused node's label is 17 px bold (viz.js): about this much wider
INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})  # shapes that hold their label
BOX_PADDING = 22  # label margins and border of a box, px
BOX_HALF_HEIGHT = 18  # half the height of a one-line box at 14 px (20 for the focused node)
# Average advance of a character at 14 px, by class; "…" (the cut mark of short labels) is wide.
_ADVANCE = {"digit": 8.9, "upper": 10.2, "lower": 7.7, "space": 4.5, "other": 5.6, "…": 14.0}
_SAFETY = 1.08  # rounds the fitted advances up: the estimate must not be narrower than the drawing


@dataclass(frozen=True)
class Size:
    """A node's drawn extent around its centre: full width, reach above (``up``) and below (``down``)."""

    width: int
    up: int
    down: int

    def box(self, x: float, y: float) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the node drawn at (x, y)."""
        return (x - self.width / 2, y - self.up, x + self.width / 2, y + self.down)


def text_width(label: str, scale: float = 1.0) -> int:
    """Estimated width (px) of ``label`` drawn at the pages' font.

    >>> text_width("69-KL/TW")
    79
    """
    total = sum(_ADVANCE.get(ch) or _ADVANCE[_char_class(ch)] for ch in label)
    return round((total * _SAFETY + 4) * scale)


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "digit"
    if ch.isupper():
        return "upper"
    if ch.islower():
        return "lower"
    return "space" if ch == " " else "other"


# A node is sized once on every page it is drawn on (an agency of a province on hundreds): remember the sizes.
@lru_cache(maxsize=1 << 16)
def node_size(labels: tuple[str, ...], shape: str, size: int, focus: bool = False) -> Size:
    """The drawn extent of a node whose label is the widest of ``labels`` (both languages: the toggle
    relabels the page without moving anything), drawn as ``shape`` of radius ``size``.

    >>> node_size(("69-KL/TW",), "box", 16)
    Size(width=101, up=18, down=18)
    >>> node_size(("Sở Y tế",), "dot", 14)
    Size(width=61, up=14, down=28)
    """
    scale = FOCUS_SCALE if focus else 1.0
    text = max((text_width(label, scale) for label in labels), default=0)
    if shape in INSIDE:
        half = BOX_HALF_HEIGHT + (2 if focus else 0)
        return Size(text + BOX_PADDING, half, half)
    return Size(max(text, 2 * size), size, size + round(FONT_PX * scale))
