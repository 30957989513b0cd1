"""A layered drawing (Sugiyama): nodes in rows by tier, every edge routed between rows, never through a node.

Steps: rows (a tier is split into sub-rows so that an edge between two nodes of one tier runs from one row
to another, target above; rows wider than ``row_width`` wrap), a dummy node on every row an edge passes
(so the edge gets a slot of its own between the boxes of that row), order within each row by barycentre
sweeps (kept: the order with the fewest crossings), x by least squares under the no-overlap constraint
(isotonic regression), integer positions.

An edge is drawn as a polyline: out of its upper end straight down to the gap under that row, across the
gap, through its slot in every row between (straight down), and into its lower end from the gap above it.
Between rows there is nothing but edges, and a slot is clear of every box, so no edge passes a node.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from kg.present.views.boxes import Size

Point = tuple[int, int]

ROW_GAP = 64  # vertical space between two rows (where edges cross from row to row)
NODE_GAP = 36  # horizontal space between two boxes of a row
SLOT_GAP = 14  # between an edge's slot and its neighbours in a row
STUB = 8  # how far into the gap an edge leaves or enters a row
PARALLEL = 10  # horizontal offset of a second edge between the same two nodes
SWEEPS = 6  # barycentre rounds (down and up)
PLACEMENT_ROUNDS = 8
BIG_DRAWING = 3000  # nodes and slots up to which every refinement round is run


@dataclass(frozen=True)
class Drawing:
    """Positions of the nodes and, per edge in the order given, the bends of its polyline."""

    pos: dict[str, Point]
    bends: tuple[tuple[Point, ...], ...]
    bottom: int  # lowest y any box reaches


def draw(
    tiers: Mapping[str, int],
    size: Mapping[str, Size],
    edges: Sequence[tuple[str, str]],
    row_width: int,
    y0: int = 0,
) -> Drawing:
    """Lay out ``tiers`` (node → tier, 0 at the top; mapping order is the initial order within a row)."""
    rank = _ranks(tiers, size, edges, row_width)
    rows, chains = _with_dummies(rank, edges)
    rows = _order(rows, _neighbours(chains))
    x = _place(rows, _neighbours(chains), size)
    ys, bands = _row_ys(rows, size, y0)
    pos = {n: (x[n], ys[r]) for r, row in enumerate(rows) for n in row if n in tiers}
    bends = tuple(
        _edge_bends(edges[i], chain, rank, x, bands, _offset(edges, i)) for i, chain in enumerate(chains)
    )
    bottom = max((b for _, b in bands), default=y0)
    return Drawing(pos, bends, bottom)


def slots(
    tiers: Mapping[str, int], size: Mapping[str, Size], edges: Sequence[tuple[str, str]], row_width: int
) -> int:
    """How many edge slots (dummies) the drawing of these nodes and edges would need: what its cost grows
    with, for callers that aggregate a view rather than draw too many."""
    rank = _ranks(tiers, size, edges, row_width)
    return sum(max(0, abs(rank[a] - rank[b]) - 1) for a, b in edges if a in rank and b in rank)


# --- rows -----------------------------------------------------------------------------------------------


def _ranks(
    tiers: Mapping[str, int], size: Mapping[str, Size], edges: Sequence[tuple[str, str]], row_width: int
) -> dict[str, int]:
    """Row of every node: tiers top to bottom, each in sub-rows (target above source), long rows wrapped."""
    by_tier: dict[int, list[str]] = {}
    for node, tier in tiers.items():
        by_tier.setdefault(tier, []).append(node)
    rank: dict[str, int] = {}
    rows = 0
    for tier in sorted(by_tier):
        members = by_tier[tier]
        inside = set(members)
        level = _longest_path(members, [(a, b) for a, b in edges if a in inside and b in inside])
        for sub in sorted(set(level.values())):
            row = [n for n in members if level[n] == sub]
            for part in _wrap(row, size, row_width):
                rank.update(dict.fromkeys(part, rows))
                rows += 1
    return rank


def _longest_path(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Sub-row of each node: one below the lowest of the nodes its edges point to (targets above sources).
    Edges closing a cycle (found depth first, in the given order) are ignored."""
    targets: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        if a != b:
            targets[a].append(b)
    level: dict[str, int] = {}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for start in nodes:
        stack = [(start, iter(targets[start]))]
        state.setdefault(start, 1)
        while stack:
            node, it = stack[-1]
            nxt = next((t for t in it if state.get(t) != 1), None)
            if nxt is None:
                level[node] = max((level[t] + 1 for t in targets[node] if t in level), default=0)
                state[node] = 2
                stack.pop()
            elif nxt not in state:
                state[nxt] = 1
                stack.append((nxt, iter(targets[nxt])))
    return level


def _wrap(row: list[str], size: Mapping[str, Size], row_width: int) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    used = 0
    for node in row:
        w = size[node].width + NODE_GAP
        if parts[-1] and used + w > row_width:
            parts.append([])
            used = 0
        parts[-1].append(node)
        used += w
    return [p for p in parts if p]


def _with_dummies(
    rank: Mapping[str, int], edges: Sequence[tuple[str, str]]
) -> tuple[list[list[str]], list[list[str]]]:
    """Rows with a dummy on every row an edge passes; per edge its chain from upper to lower end."""
    rows: list[list[str]] = [[] for _ in range(max(rank.values(), default=-1) + 1)]
    for node, r in rank.items():
        rows[r].append(node)
    chains: list[list[str]] = []
    for i, (a, b) in enumerate(edges):
        if a not in rank or b not in rank or rank[a] == rank[b]:
            chains.append([])
            continue
        upper, lower = (a, b) if rank[a] < rank[b] else (b, a)
        dummies = [f"\x00{i}:{r}" for r in range(rank[upper] + 1, rank[lower])]
        for r, d in zip(range(rank[upper] + 1, rank[lower]), dummies, strict=True):
            rows[r].append(d)
        chains.append([upper, *dummies, lower])
    return rows, chains


def _neighbours(chains: Iterable[list[str]]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(neighbours in the row above, neighbours in the row below) of every node and dummy."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for chain in chains:
        for a, b in pairwise(chain):
            down.setdefault(a, []).append(b)
            up.setdefault(b, []).append(a)
    return up, down


# --- order within rows ----------------------------------------------------------------------------------


def _order(rows: list[list[str]], nbrs: tuple[dict[str, list[str]], dict[str, list[str]]]) -> list[list[str]]:
    """Barycentre sweeps down and up; the order with the fewest crossings seen wins (first one on ties)."""
    up, down = nbrs
    rows = [list(r) for r in rows]
    best, fewest = [list(r) for r in rows], _crossings(rows, down)
    for _ in range(_rounds(SWEEPS, rows)):
        for r in range(1, len(rows)):
            rows[r] = _by_barycentre(rows[r], rows[r - 1], up)
        for r in range(len(rows) - 2, -1, -1):
            rows[r] = _by_barycentre(rows[r], rows[r + 1], down)
        count = _crossings(rows, down)
        if count < fewest:
            best, fewest = [list(r) for r in rows], count
    return best


def _rounds(most: int, rows: list[list[str]]) -> int:
    """Rounds of a refinement: ``most`` on a page of usual size, fewer as rows fill with edge slots (a
    round costs one pass over every node and slot), at least one."""
    slots = sum(map(len, rows))
    return max(1, min(most, BIG_DRAWING * most // max(slots, 1)))


def _by_barycentre(row: list[str], fixed: list[str], nbrs: Mapping[str, list[str]]) -> list[str]:
    at = {n: i for i, n in enumerate(fixed)}

    def key(item: tuple[int, str]) -> tuple[float, int]:
        i, node = item
        xs = [at[n] for n in nbrs.get(node, ()) if n in at]
        return (sum(xs) / len(xs) if xs else float(i), i)

    return [n for _, n in sorted(enumerate(row), key=key)]


def _crossings(rows: list[list[str]], down: Mapping[str, list[str]]) -> int:
    total = 0
    for upper, lower in pairwise(rows):
        at = {n: i for i, n in enumerate(lower)}
        ends = sorted((i, at[b]) for i, a in enumerate(upper) for b in down.get(a, ()) if b in at)
        total += _inversions([b for _, b in ends])
    return total


def _inversions(seq: list[int]) -> int:
    """Pairs i < j with seq[i] > seq[j] (merge sort)."""
    if len(seq) < 2:
        return 0
    mid = len(seq) // 2
    left, right = sorted(seq[:mid]), sorted(seq[mid:])
    count = _inversions(seq[:mid]) + _inversions(seq[mid:])
    j = 0
    for value in left:  # for each left value, how many right values are smaller
        while j < len(right) and right[j] < value:
            j += 1
        count += j
    return count


# --- x coordinates --------------------------------------------------------------------------------------


def _width(node: str, size: Mapping[str, Size]) -> int:
    return size[node].width if node in size else 0


def _seps(row: list[str], size: Mapping[str, Size]) -> list[int]:
    """Least distance between the centres of each two neighbours of a row."""
    out = []
    for a, b in pairwise(row):
        gap = NODE_GAP if a in size and b in size else SLOT_GAP
        out.append(-(-(_width(a, size) + _width(b, size)) // 2) + gap)
    return out


def _place(
    rows: list[list[str]], nbrs: tuple[dict[str, list[str]], dict[str, list[str]]], size: Mapping[str, Size]
) -> dict[str, int]:
    """x of every node and dummy: rows packed and centred, then each row moved towards the mean x of its
    neighbours (rows above and below), as close as least squares allows without two boxes touching."""
    up, down = nbrs
    x: dict[str, float] = {}
    for row in rows:
        offsets = _offsets(_seps(row, size))
        shift = offsets[-1] / 2 if offsets else 0
        x.update({n: o - shift for n, o in zip(row, offsets, strict=True)})
    order = [*range(len(rows)), *range(len(rows) - 1, -1, -1)]
    for _ in range(_rounds(PLACEMENT_ROUNDS, rows)):
        for r in order:
            want = [_mean([x[n] for n in (*up.get(v, ()), *down.get(v, ()))], x[v]) for v in rows[r]]
            x.update(zip(rows[r], _fit(want, _seps(rows[r], size)), strict=True))
    final: dict[str, int] = {}
    for row in rows:  # round within the isotonic solution, so separations survive rounding
        offsets = _offsets(_seps(row, size))
        final.update({n: round(x[n] - o) + o for n, o in zip(row, offsets, strict=True)})
    return final


def _offsets(seps: list[int]) -> list[int]:
    out = [0]
    for s in seps:
        out.append(out[-1] + s)
    return out


def _mean(values: list[float], default: float) -> float:
    return sum(values) / len(values) if values else default


def _fit(want: list[float], seps: list[int]) -> list[float]:
    """Positions closest to ``want`` (least squares) with neighbours at least ``seps`` apart."""
    offsets = _offsets(seps)
    blocks: list[list[float]] = []  # [sum, count] of pooled adjacent values (pool adjacent violators)
    for w, o in zip(want, offsets, strict=True):
        blocks.append([w - o, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    fitted = [s / c for s, c in blocks for _ in range(int(c))]
    return [f + o for f, o in zip(fitted, offsets, strict=True)]


# --- y coordinates and bends ----------------------------------------------------------------------------


def _row_ys(
    rows: list[list[str]], size: Mapping[str, Size], y0: int
) -> tuple[list[int], list[tuple[int, int]]]:
    """y of each row's centre line and (top, bottom) of its band: its tallest box above and below."""
    ys: list[int] = []
    bands: list[tuple[int, int]] = []
    top = y0
    for row in rows:
        up = max((size[n].up for n in row if n in size), default=0)
        down = max((size[n].down for n in row if n in size), default=0)
        ys.append(top + up)
        bands.append((top, top + up + down))
        top += up + down + ROW_GAP
    return ys, bands


def _offset(edges: Sequence[tuple[str, str]], i: int) -> int:
    """Sideways offset of edge ``i`` where it leaves and enters its ends: the k-th edge between the same
    two nodes is drawn k × PARALLEL px to the side, so parallel edges stay apart."""
    pair = frozenset(edges[i])
    k = sum(1 for e in edges[:i] if frozenset(e) == pair)
    return k * PARALLEL


def _edge_bends(
    edge: tuple[str, str],
    chain: list[str],
    rank: Mapping[str, int],
    x: Mapping[str, int],
    bands: list[tuple[int, int]],
    off: int,
) -> tuple[Point, ...]:
    """The polyline's bends from the edge's source to its target (none for an edge within a row)."""
    if not chain:
        return ()
    points = _bends(chain, rank, x, bands, off)
    return points if edge[0] == chain[0] else points[::-1]


def _bends(
    chain: list[str], rank: Mapping[str, int], x: Mapping[str, int], bands: list[tuple[int, int]], off: int
) -> tuple[Point, ...]:
    """The polyline's bends from the chain's upper end to its lower end."""
    upper, lower = chain[0], chain[-1]
    points = [(x[upper] + off, bands[rank[upper]][1] + STUB)]
    for r, dummy in enumerate(chain[1:-1], start=rank[upper] + 1):
        points += [(x[dummy], bands[r][0] - STUB), (x[dummy], bands[r][1] + STUB)]
    points.append((x[lower] + off, bands[rank[lower]][0] - STUB))
    return tuple(points)
