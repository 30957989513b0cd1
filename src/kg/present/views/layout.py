"""Precomputed, deterministic node positions (pixels), so pages open with physics off and never reflow.

Two layouts, both near-linear in the number of nodes: lineage tiers in rows (each node as wide as its label,
rows wrapped at ``ROW_WIDTH``, order within a row chosen to shorten edges), one block per plan (agencies |
tasks | plan, in columns). Positions are integers so pages are byte-stable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

Pos = dict[str, tuple[int, int]]
Point = tuple[int, int]

ROW_WIDTH = 1400  # widest row before a tier wraps: about one screen at the pages' minimum zoom
GAP = 36  # horizontal space between two labels in a row
DY = 120  # from one tier to the next
WRAP_DY = 76  # from one wrapped row of a tier to its next row
CHAR_PX = 7.6  # average width of one character of a label at the pages' 14 px font
DEFAULT_WIDTH = 160

# Plan blocks: columns agencies | tasks | plan, one task per line.
TASK_DY = 46
AGENCY_DY = 64
AGENCY_TO_TASK = 430
TASK_TO_PLAN = 400
BLOCK_GAP = 110


def label_width(label: str, padding: int = 24) -> int:
    """Estimated on-screen width (px) of a node drawn with ``label``.

    >>> label_width("69-KL/TW")
    85
    """
    return round(len(label) * CHAR_PX + padding)


def tier_rows(
    tiers: Mapping[str, int],
    widths: Mapping[str, int] | None = None,
    links: Iterable[tuple[str, str]] = (),
    y0: int = 0,
) -> Pos:
    """Rows of nodes by tier (0 at the top), centred, each node given its label's width, long tiers wrapped.

    Within a tier, nodes linked to nodes above sit under the middle of those (barycentre order, stable
    otherwise), which shortens and uncrosses edges.

    >>> tier_rows({"a": 0, "b": 1, "c": 1}, {"a": 100, "b": 100, "c": 100})
    {'a': (0, 0), 'b': (-68, 120), 'c': (68, 120)}
    """
    width = dict(widths or {})
    by_tier: dict[int, list[str]] = {}
    for node, tier in tiers.items():
        by_tier.setdefault(tier, []).append(node)
    adjacent = _adjacency(links, set(tiers))
    pos: Pos = {}
    y = y0
    for tier in sorted(by_tier):
        members = _barycentre_order(by_tier[tier], adjacent, pos)
        for row in _wrap(members, width):
            pos.update(_row(row, width, y))
            y += WRAP_DY
        y += DY - WRAP_DY
    return pos


def _adjacency(links: Iterable[tuple[str, str]], nodes: set[str]) -> dict[str, set[str]]:
    adjacent: dict[str, set[str]] = {}
    for a, b in links:
        if a in nodes and b in nodes and a != b:
            adjacent.setdefault(a, set()).add(b)
            adjacent.setdefault(b, set()).add(a)
    return adjacent


def _barycentre_order(members: list[str], adjacent: Mapping[str, set[str]], placed: Pos) -> list[str]:
    """Members sorted by the mean x of their already placed neighbours; unlinked ones keep their order."""

    def key(item: tuple[int, str]) -> tuple[float, int]:
        index, node = item
        xs = [placed[n][0] for n in sorted(adjacent.get(node, ())) if n in placed]
        return (sum(xs) / len(xs) if xs else math.inf, index)

    return [node for _, node in sorted(enumerate(members), key=key)]


def _wrap(members: list[str], width: Mapping[str, int]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    used = 0
    for node in members:
        w = width.get(node, DEFAULT_WIDTH) + GAP
        if rows[-1] and used + w > ROW_WIDTH:
            rows.append([])
            used = 0
        rows[-1].append(node)
        used += w
    return [r for r in rows if r]


def _row(row: Sequence[str], width: Mapping[str, int], y: int) -> Pos:
    sizes = [width.get(n, DEFAULT_WIDTH) + GAP for n in row]
    x = -sum(sizes) / 2
    pos: Pos = {}
    for node, size in zip(row, sizes, strict=True):
        pos[node] = (round(x + size / 2), y)
        x += size
    return pos


def plan_blocks(blocks: Sequence[tuple[str, Sequence[str], Sequence[str]]], y0: int = 0) -> Pos:
    """One block per plan, stacked top to bottom: its agencies | its tasks, one per line | the plan.

    ``blocks`` holds (plan, tasks, agencies) in the order to draw (``order_agencies`` puts each agency level
    with the tasks it holds).

    >>> plan_blocks([("p", ["t1", "t2"], ["a"])])
    {'t1': (0, 23), 't2': (0, 69), 'a': (-430, 46), 'p': (400, 46)}
    """
    pos: Pos = {}
    y = y0
    for plan, tasks, agencies in blocks:
        height = max(len(tasks) * TASK_DY, len(agencies) * AGENCY_DY, TASK_DY)
        mid = y + height / 2
        pos.update(_column(tasks, 0, mid, TASK_DY))
        pos.update(_column(agencies, -AGENCY_TO_TASK, mid, AGENCY_DY))
        pos[plan] = (TASK_TO_PLAN, round(mid))
        y += height + BLOCK_GAP
    return pos


def _column(members: Sequence[str], x: int, mid: float, step: int) -> Pos:
    """``members`` one under the other, ``step`` apart, centred on the line ``mid``."""
    top = mid - (len(members) - 1) * step / 2
    return {node: (x, round(top + i * step)) for i, node in enumerate(members)}


def order_agencies(
    tasks: Sequence[str], agencies: Sequence[str], links: Mapping[str, Iterable[str]]
) -> list[str]:
    """Agencies sorted by the mean line of the tasks they hold (``links``: agency → tasks), so edges run flat.

    >>> order_agencies(["t1", "t2"], ["a", "b"], {"a": ["t2"], "b": ["t1"]})
    ['b', 'a']
    """
    line = {t: i for i, t in enumerate(tasks)}

    def key(item: tuple[int, str]) -> tuple[float, int]:
        index, agency = item
        rows = [line[t] for t in links.get(agency, ()) if t in line]
        return (sum(rows) / len(rows) if rows else math.inf, index)

    return [a for _, a in sorted(enumerate(agencies), key=key)]
