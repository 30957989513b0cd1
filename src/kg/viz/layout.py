"""Precomputed, deterministic node positions (pixels), so pages open with physics off and never reflow.

Three layouts, all linear in the number of nodes: lineage tiers in rows, a ring per plan for its tasks and
agencies, and rings around a focus node. Positions are integers so the written pages are byte-stable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

Pos = dict[str, tuple[int, int]]

ROW_WRAP = 24  # documents per row before a tier wraps to a second row
DX, DY = 190, 150


def tier_rows(tiers: Mapping[str, int], y0: int = 0) -> Pos:
    """Rows of nodes by tier (0 at the top), centred, wrapping long tiers; order within a tier as given.

    >>> tier_rows({"a": 0, "b": 1, "c": 1})
    {'a': (0, 0), 'b': (-95, 150), 'c': (95, 150)}
    """
    by_tier: dict[int, list[str]] = {}
    for node, tier in tiers.items():
        by_tier.setdefault(tier, []).append(node)
    pos: Pos = {}
    y = y0
    for tier in sorted(by_tier):
        members = by_tier[tier]
        for start in range(0, len(members), ROW_WRAP):
            row = members[start : start + ROW_WRAP]
            for i, node in enumerate(row):
                pos[node] = (round((i - (len(row) - 1) / 2) * DX), y)
            y += DY
    return pos


def ring(center: tuple[float, float], members: Sequence[str], radius: float, phase: float = 0.0) -> Pos:
    """``members`` evenly on a circle, clockwise from the top.

    >>> ring((0, 0), ["a", "b"], 100)
    {'a': (0, -100), 'b': (0, 100)}
    """
    n = max(len(members), 1)
    return {
        node: (
            round(center[0] + radius * math.sin(phase + 2 * math.pi * i / n)),
            round(center[1] - radius * math.cos(phase + 2 * math.pi * i / n)),
        )
        for i, node in enumerate(members)
    }


def ring_radius(count: int, spacing: float = 42.0, minimum: float = 160.0) -> float:
    """Radius that leaves ``spacing`` pixels between ``count`` nodes on the circle."""
    return max(minimum, count * spacing / (2 * math.pi))


def plan_blocks(blocks: Sequence[tuple[str, Sequence[str], Sequence[str]]], y0: int = 0) -> Pos:
    """One block per plan: the plan in the centre, its tasks on a ring, its agencies on an outer ring.

    ``blocks`` holds (plan, tasks, agencies); blocks are laid on a grid, row by row, in the order given.
    """
    if not blocks:
        return {}
    radii = [ring_radius(len(t)) + ring_radius(len(a), 60.0, 120.0) + 80 for _, t, a in blocks]
    cell = 2 * max(radii) + 120
    cols = max(1, math.ceil(math.sqrt(len(blocks))))
    pos: Pos = {}
    for i, (plan, tasks, agencies) in enumerate(blocks):
        center = ((i % cols - (cols - 1) / 2) * cell, y0 + (i // cols + 0.5) * cell)
        inner = ring_radius(len(tasks))
        pos[plan] = (round(center[0]), round(center[1]))
        pos.update(ring(center, tasks, inner))
        pos.update(ring(center, agencies, inner + ring_radius(len(agencies), 60.0, 120.0), math.pi / 7))
    return pos


def rings_around(focus: str, rings: Iterable[Sequence[str]]) -> Pos:
    """The focus at the origin and each further ring of neighbours on a wider circle."""
    pos: Pos = {focus: (0, 0)}
    radius = 0.0
    for members in rings:
        radius = max(radius + 220, ring_radius(len(members), 70.0))
        pos.update(ring((0, 0), members, radius, 0.3 * len(pos)))
    return pos
