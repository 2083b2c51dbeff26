"""A layered, top-down drawing of the process map: boxes for steps, curves for edges.

Steps are put in layers by their median position in the journeys when it is known, else by
the longest path through the graph once its loops are broken (greedy, most frequent edges
kept forward). Within a layer, steps sit under the steps they follow most.

>>> from mittelpunkt.report.model import Activity, Process, Transition
>>> process = Process((Activity("a", 9, position=0), Activity("b", 9, hurts=3, position=1)),
...                   (Transition("a", "b", 9, hurts=3), Transition("b", "b", 2)))
>>> drawing = draw_map(process)
>>> [(n.name, n.layer) for n in drawing.nodes]
[('a', 0), ('b', 1)]
>>> [e.kind for e in drawing.edges]
['forward', 'loop']
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from mittelpunkt.report.model import Process, Transition

__all__ = ["MapDrawing", "MapEdge", "MapNode", "draw_map", "layers"]

NODE_W, NODE_H = 184, 46
H_GAP, V_GAP = 36, 64
MARGIN = 48
PER_ROW = 5
LABELLED_EDGES = 12
LABELLED_HURTS = 6


@dataclass(frozen=True, slots=True)
class MapNode:
    """A step drawn as a box."""

    name: str
    count: int
    hurts: int
    top_codes: tuple[tuple[str, int], ...]
    layer: int
    x: float
    y: float
    heat: float


@dataclass(frozen=True, slots=True)
class MapEdge:
    """A transition drawn as a curve, with where its label goes."""

    source: str
    target: str
    count: int
    hurts: int
    median_seconds: float | None
    kind: str
    path: str
    width: float
    heat: float
    label_x: float
    label_y: float
    labelled: bool


@dataclass(frozen=True, slots=True)
class MapDrawing:
    """The whole map and its size."""

    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    width: float
    height: float


def draw_map(process: Process) -> MapDrawing:
    """Lay the process out and draw it (coordinates in SVG user units)."""
    rows = _rows(process)
    widest = max((len(names) for _, names in rows), default=1)
    width = 2 * MARGIN + widest * NODE_W + (widest - 1) * H_GAP + 60
    boxes: dict[str, MapNode] = {}
    most_hurt = max((a.hurts for a in process.activities), default=0) or 1
    by_name = {a.name: a for a in process.activities}
    for row, (layer, names) in enumerate(rows):
        left = (width - 60 - len(names) * (NODE_W + H_GAP) + H_GAP) / 2
        for column, name in enumerate(names):
            a = by_name[name]
            x, y = left + column * (NODE_W + H_GAP), MARGIN + row * (NODE_H + V_GAP)
            codes = tuple(sorted(a.hurts_by_code.items(), key=lambda kv: -kv[1])[:3])
            boxes[name] = MapNode(name, a.count, a.hurts, codes, layer, x, y, a.hurts / most_hurt)
    height = 2 * MARGIN + len(rows) * (NODE_H + V_GAP) - V_GAP
    return MapDrawing(tuple(boxes.values()), _edges(process, boxes), width, height)


def layers(process: Process) -> dict[str, int]:
    """The layer of each step: by median position when every step has one, else by graph.

    >>> from mittelpunkt.report.model import Activity, Process, Transition
    >>> loop = Process((Activity("a", 1), Activity("b", 1), Activity("c", 1)),
    ...                (Transition("a", "b", 5), Transition("b", "c", 5), Transition("c", "a", 1)))
    >>> layers(loop)
    {'a': 0, 'b': 1, 'c': 2}
    """
    positions = [a.position for a in process.activities]
    if positions and all(p is not None for p in positions):
        ranks = sorted({round(p) for p in positions if p is not None})
        dense = {r: i for i, r in enumerate(ranks)}
        return {a.name: dense[round(a.position or 0)] for a in process.activities}
    order = _greedy_order(process)
    place = {name: i for i, name in enumerate(order)}
    layer = dict.fromkeys(order, 0)
    for name in order:
        for e in process.edges:
            if e.source == name and place[e.target] > place[name]:
                layer[e.target] = max(layer[e.target], layer[name] + 1)
    return layer


def _greedy_order(process: Process) -> list[str]:
    """An order of the steps with few, light backward edges (Eades, Lin and Smyth)."""
    left = {a.name for a in process.activities}
    edges = [e for e in process.edges if e.source != e.target]
    order: list[str] = []
    while left:
        weight: Counter[str] = Counter()
        for e in edges:
            if e.source in left and e.target in left:
                weight[e.source] += e.count
                weight[e.target] -= e.count
        first = max(sorted(left), key=lambda n: weight[n])
        order.append(first)
        left.remove(first)
    return order


def _rows(process: Process) -> list[tuple[int, list[str]]]:
    """Steps by layer, each layer in rows of at most :data:`PER_ROW`, under their sources."""
    layer = layers(process)
    grouped: defaultdict[int, list[str]] = defaultdict(list)
    for a in sorted(process.activities, key=lambda a: (-a.count, a.name)):
        grouped[layer[a.name]].append(a.name)
    column: dict[str, float] = {}
    rows: list[tuple[int, list[str]]] = []
    for number in sorted(grouped):
        names = sorted(grouped[number], key=lambda n: _barycentre(n, process.edges, column))
        for start in range(0, len(names), PER_ROW):
            row = names[start : start + PER_ROW]
            column.update({n: i - (len(row) - 1) / 2 for i, n in enumerate(row)})
            rows.append((number, row))
    return rows


def _barycentre(name: str, edges: tuple[Transition, ...], column: dict[str, float]) -> float:
    incoming = [
        (column[e.source], e.count) for e in edges if e.target == name and e.source in column
    ]
    total = sum(w for _, w in incoming)
    return sum(c * w for c, w in incoming) / total if total else 0.0


def _edges(process: Process, boxes: dict[str, MapNode]) -> tuple[MapEdge, ...]:
    most = max((e.count for e in process.edges), default=1)
    most_hurt = max((e.hurts for e in process.edges), default=0) or 1
    ranked = sorted(process.edges, key=lambda e: -e.count)
    labelled = {(e.source, e.target) for e in ranked[:LABELLED_EDGES]}
    hurt = sorted((e for e in process.edges if e.hurts), key=lambda e: -e.hurts)
    labelled |= {(e.source, e.target) for e in hurt[:LABELLED_HURTS]}
    drawn = []
    for e in process.edges:
        kind, points = _curve(boxes[e.source], boxes[e.target])
        (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
        path = f"M{x0:.1f},{y0:.1f} C{x1:.1f},{y1:.1f} {x2:.1f},{y2:.1f} {x3:.1f},{y3:.1f}"
        label = ((x0 + 3 * x1 + 3 * x2 + x3) / 8, (y0 + 3 * y1 + 3 * y2 + y3) / 8)
        width = 1.2 + 9 * math.sqrt(e.count / most)
        heat = e.hurts / most_hurt
        key = (e.source, e.target)
        drawn.append(
            MapEdge(e.source, e.target, e.count, e.hurts, e.median_seconds, kind, path, width,
                    heat, label[0], label[1], key in labelled)
        )  # fmt: skip
    return tuple(drawn)


Point = tuple[float, float]


def _curve(a: MapNode, b: MapNode) -> tuple[str, tuple[Point, Point, Point, Point]]:
    """The kind of an edge and its cubic Bézier control points."""
    if a is b:
        x, y = a.x + NODE_W, a.y
        return "loop", ((x, y + 12), (x + 44, y - 10), (x + 44, y + NODE_H + 10), (x, y + 34))
    if b.y > a.y:
        start, end = (a.x + NODE_W / 2, a.y + NODE_H), (b.x + NODE_W / 2, b.y)
        bend = (end[1] - start[1]) / 2
        return "forward", (start, (start[0], start[1] + bend), (end[0], end[1] - bend), end)
    if b.y == a.y:
        start, end = (a.x + NODE_W / 2, a.y), (b.x + NODE_W / 2, b.y)
        lift = 28 + abs(end[0] - start[0]) / 8
        return "across", (start, (start[0], a.y - lift), (end[0], b.y - lift), end)
    start, end = (a.x + NODE_W, a.y + NODE_H / 2), (b.x + NODE_W, b.y + NODE_H / 2)
    out = 40 + (a.y - b.y) / 6
    return "back", (start, (start[0] + out, start[1]), (end[0] + out, end[1]), end)
