"""Paths and costs across floors, with tcod's pathfinder.

Movement is four-way on a floor; stairs link a cell on one floor with the same cell on the
floor above. To keep a hover's path preview cheap on big maps, searches look only inside a
box around the start that is as large as the farthest the unit could go.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import tcod.path

from game.sim.geometry import Cell

if TYPE_CHECKING:
    from game.sim.world import World

_CARDINAL = [[0, 1, 0], [1, 0, 1], [0, 1, 0]]


def walkable_now(world: World, *, doors_passable: bool = False) -> np.ndarray:
    """Cells a person can step on now: walkable terrain not blocked by a shut door.

    With ``doors_passable`` closed (but not locked) doors count as open: guards on patrol open
    the doors on their way.
    """
    mask = world.terrain.walkable.copy()
    doors, index = door_index(world)
    if doors:
        if doors_passable:
            shut = [not d.open and d.locked for d in doors]
        else:
            shut = [not d.open for d in doors]
        blocked = np.fromiter(shut, dtype=bool, count=len(doors))
        mask[index[0][blocked], index[1][blocked], index[2][blocked]] = False
    return mask


def door_index(world: World) -> tuple[list, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The world's doors in a fixed order with their cells as index arrays (doors never move
    or appear, so this is worked out once and kept in the world's cache)."""
    cached = world.cache.get("door_index")
    if cached is None or len(cached[0]) != len(world.doors):
        doors = [world.doors[i] for i in sorted(world.doors)]
        cells = [d.cell.index for d in doors]
        index = tuple(np.array([c[axis] for c in cells], dtype=np.intp) for axis in range(3))
        cached = world.cache["door_index"] = ([d.id for d in doors], index)
    ids, index = cached
    return [world.doors[i] for i in ids], index


def find_path(
    world: World,
    start: Cell,
    goal: Cell,
    passable: np.ndarray,
    *,
    stairs_cost: int = 1,
    reach: int | None = None,
    climb_cost: int = 2,
) -> list[Cell] | None:
    """The cheapest path from ``start`` to ``goal`` (both included), or None.

    ``passable`` is a ``[floor, y, x]`` mask (the start need not be in it). ``reach`` limits
    the search to cells within that many steps of the start on each axis. A drilled hole with
    a rope in it links its cell with the one below, like stairs costing ``climb_cost`` extra.
    """
    if start == goal:
        return [start]
    if not world.in_bounds(goal) or not passable[goal.index]:
        return None
    floors, height, width = passable.shape
    if reach is None:
        x0, y0, x1, y1 = 0, 0, width, height
    else:
        if abs(goal.x - start.x) > reach or abs(goal.y - start.y) > reach:
            return None
        x0, x1 = max(0, start.x - reach), min(width, start.x + reach + 1)
        y0, y1 = max(0, start.y - reach), min(height, start.y + reach + 1)
    window = passable[:, y0:y1, x0:x1]
    cost = window.astype(np.int32)
    cost[start.floor, start.y - y0, start.x - x0] = 1
    up = world.terrain.stairs_up[:, y0:y1, x0:x1]
    down = world.terrain.stairs_down[:, y0:y1, x0:x1]

    graph = tcod.path.CustomGraph(cost.shape)
    graph.add_edges(edge_map=_CARDINAL, cost=cost)
    if floors > 1:
        # From an "up" stair on floor f to the "down" stair above it, and back.
        climb = np.zeros_like(up)
        climb[:-1] = up[:-1] & down[1:]
        descend = np.zeros_like(down)
        descend[1:] = down[1:] & up[:-1]
        graph.add_edge((1, 0, 0), 1 + stairs_cost, cost=cost, condition=climb)
        graph.add_edge((-1, 0, 0), 1 + stairs_cost, cost=cost, condition=descend)
        rope = world.holes[:, y0:y1, x0:x1] & world.ropes[:, y0:y1, x0:x1]
        if rope[1:].any():
            rope_down = np.zeros_like(rope)
            rope_down[1:] = rope[1:]
            rope_up = np.zeros_like(rope)
            rope_up[:-1] = rope[1:]
            graph.add_edge((-1, 0, 0), 1 + climb_cost, cost=cost, condition=rope_down)
            graph.add_edge((1, 0, 0), 1 + climb_cost, cost=cost, condition=rope_up)
    graph.set_heuristic(cardinal=1)
    finder = tcod.path.Pathfinder(graph)
    finder.add_root((start.floor, start.y - y0, start.x - x0))
    nodes = finder.path_to((goal.floor, goal.y - y0, goal.x - x0))
    if len(nodes) < 2:
        return None
    return [Cell(f, x + x0, y + y0) for f, y, x in nodes.tolist()]


def is_stairs_step(world: World, a: Cell, b: Cell) -> bool:
    """True when a step between floors is a flight of stairs (else it is a rope climb)."""
    low, high = (a, b) if a.floor < b.floor else (b, a)
    return bool(world.terrain.stairs_up[low.index] and world.terrain.stairs_down[high.index])
