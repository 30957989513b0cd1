"""Pull routed edges straight where nothing is in the way: a bend is dropped when the straight line that
replaces it is clear of every box but the edge's own ends. Fewer bends: fewer invisible waypoints for the
page to draw, and lines that read as lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kg.present.views.boxes import Size

Point = tuple[int, int]
Rect = tuple[float, float, float, float]
CELL = 256  # side of a square of the grid that finds the boxes near a segment
CLEARANCE = 4  # px kept between a straightened line and any box
_EPS = 1e-6  # px of slack in the cells of a segment


class Boxes:
    """The boxes of the placed nodes, in a grid for finding those near a segment."""

    def __init__(self, pos: Mapping[str, tuple[int, int]], size: Mapping[str, Size]) -> None:
        self.rect: dict[str, Rect] = {}
        self.grid: dict[tuple[int, int], list[str]] = {}
        for node, (x, y) in pos.items():
            if node not in size:
                continue
            left, top, right, bottom = size[node].box(x, y)
            rect = (left - CLEARANCE, top - CLEARANCE, right + CLEARANCE, bottom + CLEARANCE)
            self.rect[node] = rect
            for cell in _cells(rect):
                self.grid.setdefault(cell, []).append(node)

    def clear(self, a: tuple[float, float], b: tuple[float, float], ends: tuple[str, str]) -> bool:
        """Whether the segment a-b misses every box except those of ``ends``.

        Only the boxes in the grid cells the segment passes are tested: testing every box of the page for
        each long line made a big page quadratic (issue 15: agency pages at 1,000 documents)."""
        near = {n for cell in _segment_cells(a, b) for n in self.grid.get(cell, ())}
        return not any(n not in ends and hits(a, b, self.rect[n]) for n in near)


def _area(rect: Rect) -> float:
    return (rect[2] - rect[0] + CELL) * (rect[3] - rect[1] + CELL)


def _cells(rect: Rect) -> list[tuple[int, int]]:
    x0, y0, x1, y1 = (int(v // CELL) for v in rect)
    return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]


def _segment_cells(a: tuple[float, float], b: tuple[float, float]) -> list[tuple[int, int]]:
    """Every grid cell holding a point of the segment a-b (a few more at cell borders): column by column,
    the rows between the segment's heights where it enters and leaves the column. A box the segment meets
    shares such a cell, since a box is filed under every cell it touches."""
    (x0, y0), (x1, y1) = sorted((a, b))
    span = (x0, min(y0, y1), x1, max(y0, y1))
    if _area(span) <= 4 * CELL * CELL:  # a short line: the few cells around it are fewer steps
        return _cells(span)
    out: list[tuple[int, int]] = []
    for i in range(int(x0 // CELL), int(x1 // CELL) + 1):
        if x1 == x0:
            lo, hi = min(y0, y1), max(y0, y1)
        else:
            left, right = max(x0, i * CELL), min(x1, (i + 1) * CELL)
            ya, yb = (y0 + (y1 - y0) * (x - x0) / (x1 - x0) for x in (left, right))
            lo, hi = min(ya, yb) - _EPS, max(ya, yb) + _EPS  # rounding must not lose a border cell
        out.extend((i, j) for j in range(int(lo // CELL), int(hi // CELL) + 1))
    return out


def hits(a: tuple[float, float], b: tuple[float, float], rect: Rect) -> bool:
    """Whether the segment a-b meets the closed rectangle ``rect`` (Liang-Barsky)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, a[0] - rect[0]), (dx, rect[2] - a[0]), (-dy, a[1] - rect[1]), (dy, rect[3] - a[1])):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        lo, hi = (max(lo, t), hi) if p < 0 else (lo, min(hi, t))
        if lo > hi:
            return False
    return True


def straighten(path: Sequence[Point], boxes: Boxes, ends: tuple[str, str]) -> tuple[Point, ...]:
    """The bends of ``path`` (its first and last points are the ends' centres) that must stay: from each
    kept point, go on along the path while the straight line from it still misses every box (one test per
    point, so long routes stay linear)."""
    kept = [0]
    while kept[-1] < len(path) - 1:
        i, j = kept[-1], kept[-1] + 1
        while j + 1 < len(path) and boxes.clear(path[i], path[j + 1], ends):
            j += 1
        kept.append(j)
    return tuple(path[k] for k in kept[1:-1])


def straighten_all(
    pos: Mapping[str, tuple[int, int]],
    size: Mapping[str, Size],
    links: Sequence[tuple[str, str]],
    bends: Sequence[tuple[Point, ...]],
) -> tuple[tuple[Point, ...], ...]:
    """Every link's bends, straightened; a second link between the same two nodes keeps its route (drawn
    beside the first), and so does a link with an end not placed."""
    boxes = Boxes(pos, size)
    out = []
    seen: set[frozenset[str]] = set()
    for (a, b), route in zip(links, bends, strict=True):
        pair = frozenset((a, b))
        if a in pos and b in pos and pair not in seen:
            out.append(straighten([pos[a], *route, pos[b]], boxes, (a, b)))
        else:
            out.append(route)
        seen.add(pair)
    return tuple(out)
