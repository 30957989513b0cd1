"""Precomputed, deterministic node positions and edge routes (pixels), so pages open with physics off, never
reflow, and no edge is drawn through a node that is not one of its ends.

A page is drawn in two parts: documents (and lone agencies) as a layered tree by tier on top
(kg.present.views.layered), then one block per plan below (its agencies | its tasks, one per line | the plan,
in columns). Edges inside the tree run between rows; edges inside the blocks run in the corridors between
the columns or, around the columns, in side lanes; an edge from the tree to a block leaves the tree at a
port under its last row, runs along a track of its own above the blocks, then down a side lane. Every route
is then pulled straight wherever the straight line is clear of every box (kg.present.views.route).
Positions are integers so pages are byte-stable.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kg.present.views import layered, route
from kg.present.views.boxes import Size

Pos = dict[str, tuple[int, int]]
Point = tuple[int, int]
Block = tuple[str, Sequence[str], Sequence[str]]  # (plan, its tasks, its agencies)

ROW_WIDTH = 1400  # widest row of the tree before it wraps: about one screen at the pages' minimum zoom
TASK_DY = 46
AGENCY_DY = 64
CORRIDOR = 140  # least width of the space between two columns of the blocks, where edges cross
MIN_AGENCY_TO_TASK = 430
MIN_TASK_TO_PLAN = 400
BLOCK_GAP = 110
LANE = 8  # between two side lanes, and between two tracks
TRACK_MARGIN = 40  # between the tree and the first track, and the last track and the blocks
STUB = layered.STUB


@dataclass(frozen=True)
class Placement:
    """Node positions, the bends of each edge (in the order given), the nodes of the tree."""

    pos: Pos
    bends: tuple[tuple[Point, ...], ...]
    layered: frozenset[str]


@dataclass(frozen=True)
class Columns:
    """x of the three block columns and of the lanes beside them."""

    agency: int
    plan: int
    agency_right: int  # where the agency column's widest box ends
    task_half: int
    plan_left: int
    left_lane: int
    right_lane: int


def place(
    tiers: Mapping[str, int],
    blocks: Sequence[Block],
    size: Mapping[str, Size],
    links: Sequence[tuple[str, str]],
) -> Placement:
    """Lay out a page: the ``tiers`` nodes as a tree (mapping order is the first order within a row), the
    ``blocks`` below it, and route every link (source, target) between the nodes placed."""
    cols = _columns(blocks, size)
    sides = _Sides(cols, blocks)
    ports = {i: f"\x01port{i}" for i, (a, b) in enumerate(links) if (a in tiers) != (b in tiers)}
    ports = {i: p for i, p in ports.items() if all(n in tiers or n in sides.column for n in links[i])}
    tracked = [i for i, (a, b) in enumerate(links) if i in ports or sides.needs_track(a, b)]
    tree, tree_bends = _tree(tiers, size, links, ports)
    first_track = tree.bottom + TRACK_MARGIN if tiers else 0
    track = {i: first_track + LANE * k for k, i in enumerate(tracked)}
    pos = {n: p for n, p in tree.pos.items() if n in tiers}
    pos.update(plan_blocks(blocks, cols, first_track + LANE * len(tracked) + TRACK_MARGIN))
    bends: list[tuple[Point, ...]] = []
    for i, (a, b) in enumerate(links):
        if i in ports:
            path = _cross(tree_bends[i], tree.pos[ports[i]], track[i], b if a in tiers else a, pos, sides)
            bends.append(path if a in tiers else path[::-1])
        elif a in sides.column and b in sides.column:
            bends.append(_in_blocks(a, b, pos, sides, track.get(i, 0)))
        else:
            bends.append(tree_bends.get(i, ()))
    return Placement(pos, route.straighten_all(pos, size, links, bends), frozenset(tiers))


def slots(tiers: Mapping[str, int], size: Mapping[str, Size], links: Sequence[tuple[str, str]]) -> int:
    """Edge slots the tree of ``tiers`` would need (kg.present.views.layered.slots)."""
    return layered.slots(tiers, size, links, ROW_WIDTH)


def _tree(
    tiers: Mapping[str, int],
    size: Mapping[str, Size],
    links: Sequence[tuple[str, str]],
    ports: Mapping[int, str],
) -> tuple[layered.Drawing, dict[int, tuple[Point, ...]]]:
    """The tree of the ``tiers`` nodes, with one port (an empty node on a row under all others) per link
    from the tree to a block; and the bends of each link the tree draws, by link index."""
    port_tier = max(tiers.values(), default=0) + 1
    tree_tiers = {**tiers, **dict.fromkeys(ports.values(), port_tier)}
    tree_size = {**size, **{p: Size(0, 0, 0) for p in ports.values()}}
    drawn: list[tuple[int, tuple[str, str]]] = []
    for i, (a, b) in enumerate(links):
        if i in ports:
            drawn.append((i, (a if a in tiers else b, ports[i])))  # bends from the tree node to the port
        elif a in tiers and b in tiers:
            drawn.append((i, (a, b)))
    tree = layered.draw(tree_tiers, tree_size, [lk for _, lk in drawn], ROW_WIDTH)
    return tree, {i: bends for (i, _), bends in zip(drawn, tree.bends, strict=True)}


# --- blocks ---------------------------------------------------------------------------------------------


def _columns(blocks: Sequence[Block], size: Mapping[str, Size]) -> Columns:
    """Columns far enough apart that each corridor between them is at least CORRIDOR wide."""

    def half(nodes: Iterable[str]) -> int:
        return max((math.ceil(size[n].width / 2) for n in nodes if n in size), default=0)

    a_half = half(a for _, _, agencies in blocks for a in agencies)
    t_half = half(t for _, tasks, _ in blocks for t in tasks)
    p_half = half(p for p, _, _ in blocks)
    agency = -max(MIN_AGENCY_TO_TASK, t_half + CORRIDOR + a_half)
    plan = max(MIN_TASK_TO_PLAN, t_half + CORRIDOR + p_half)
    return Columns(
        agency,
        plan,
        agency + a_half,
        t_half,
        plan - p_half,
        agency - a_half - 2 * STUB,
        plan + p_half + 2 * STUB,
    )


def plan_blocks(blocks: Sequence[Block], cols: Columns | None = None, y0: int = 0) -> Pos:
    """One block per plan, stacked top to bottom: its agencies | its tasks, one per line | the plan.

    ``blocks`` holds (plan, tasks, agencies) in the order to draw (``order_agencies`` puts each agency level
    with the tasks it holds).

    >>> plan_blocks([("p", ["t1", "t2"], ["a"])])
    {'t1': (0, 23), 't2': (0, 69), 'a': (-430, 46), 'p': (400, 46)}
    """
    cols = cols or _columns(blocks, {})
    pos: Pos = {}
    y = y0
    for plan, tasks, agencies in blocks:
        height = max(len(tasks) * TASK_DY, len(agencies) * AGENCY_DY, TASK_DY)
        mid = y + height / 2
        pos.update(_column(tasks, 0, mid, TASK_DY))
        pos.update(_column(agencies, cols.agency, mid, AGENCY_DY))
        pos[plan] = (cols.plan, round(mid))
        y += height + BLOCK_GAP
    return pos


def _column(members: Sequence[str], x: int, mid: float, step: int) -> Pos:
    """``members`` one under the other, ``step`` apart, centred on the line ``mid``."""
    top = mid - (len(members) - 1) * step / 2
    return {node: (x, round(top + i * step)) for i, node in enumerate(members)}


class _Sides:
    """Which column each block node is in, and a lane of its own for each edge that goes round the columns."""

    def __init__(self, cols: Columns, blocks: Sequence[Block]) -> None:
        self.cols = cols
        self.column = {p: "plan" for p, _, _ in blocks}
        self.column.update({t: "task" for _, tasks, _ in blocks for t in tasks})
        self.column.update({a: "agency" for _, _, agencies in blocks for a in agencies})
        self.used = {"left": 0, "right": 0, "middle": 0}

    def needs_track(self, a: str, b: str) -> bool:
        """Whether an edge between two block nodes goes round the columns on a track above the blocks."""
        if a not in self.column or b not in self.column:
            return False
        ca, cb = self.column[a], self.column[b]
        return {ca, cb} not in ({"agency", "task"}, {"task", "plan"}) and not (ca == cb != "task")

    def exit(self, node: str, y: int) -> Point:
        """A fresh lane beside ``node``'s column at height ``y``: left of the agencies, right of the plans,
        in the corridor left of the tasks."""
        col = self.column[node]
        side = {"agency": "left", "plan": "right"}.get(col, "middle")
        k = self.used[side]
        self.used[side] += 1
        if side == "left":
            return (self.cols.left_lane - LANE * k, y)
        if side == "right":
            return (self.cols.right_lane + LANE * k, y)
        corridor = -self.cols.task_half - 2 * STUB - LANE * (k % 8)
        return (corridor, y)


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


# --- routes ---------------------------------------------------------------------------------------------


def _in_blocks(a: str, b: str, pos: Pos, sides: _Sides, track: int) -> tuple[Point, ...]:
    """Bends of an edge between two block nodes: across the corridor between neighbouring columns; along one
    side lane within one column; otherwise out to lanes beside both columns and across on a track above."""
    ca, cb = sides.column[a], sides.column[b]
    ya, yb = pos[a][1], pos[b][1]
    cols = sides.cols
    pair = {ca, cb}
    if pair == {"agency", "task"}:
        at_a = (cols.agency_right + STUB, ya) if ca == "agency" else (-cols.task_half - STUB, ya)
        at_b = (cols.agency_right + STUB, yb) if cb == "agency" else (-cols.task_half - STUB, yb)
        return (at_a, at_b)
    if pair == {"task", "plan"}:
        at_a = (cols.task_half + STUB, ya) if ca == "task" else (cols.plan_left - STUB, ya)
        at_b = (cols.task_half + STUB, yb) if cb == "task" else (cols.plan_left - STUB, yb)
        return (at_a, at_b)
    out_a = sides.exit(a, ya)
    if not sides.needs_track(a, b):  # both in the agency column, or both in the plan column
        return (out_a, (out_a[0], yb))
    out_b = sides.exit(b, yb)
    return (out_a, (out_a[0], track), (out_b[0], track), out_b)


def _cross(
    tree_bends: tuple[Point, ...], port: Point, track: int, node: str, pos: Pos, sides: _Sides
) -> tuple[Point, ...]:
    """Bends from a tree node to a block node: the tree's route to the port, down to the edge's own track,
    along it to a lane beside the block node's column, down the lane to the node's height."""
    lane = sides.exit(node, pos[node][1])
    return (*tree_bends, port, (port[0], track), (lane[0], track), lane)
