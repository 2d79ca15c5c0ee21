"""Paths and costs across floors, with tcod's pathfinder.

Movement is four-way on a floor; stairs link a cell on one floor with the same cell on the
floor above. To keep a hover's path preview cheap on big maps, searches look only inside a
box around the start that is as large as the farthest the unit could go.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import tcod.path

from game.sim.geometry import Cell
from game.sim.pathgraph import (
    CARDINAL,
    GRAPH_CACHE_CELLS,
    Search,
    build,
    keep,
    rope_window,
    stair_links,
)

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.world import World


def walkable_now(world: World, *, doors_passable: bool = False) -> np.ndarray:
    """Cells a person can step on now: walkable terrain not blocked by a shut door.

    With ``doors_passable`` closed (but not locked) doors count as open: guards on patrol open
    the doors on their way. The mask is read-only and kept until a door changes.
    """
    kept = world.doors_derived()
    key = ("walkable", doors_passable)
    mask = kept.get(key)
    if mask is None:
        mask = kept[key] = _walkable_now(world, doors_passable)
        mask.flags.writeable = False
    return mask


def _walkable_now(world: World, doors_passable: bool) -> np.ndarray:
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
    _, height, width = passable.shape
    if reach is None:
        x0, y0, x1, y1 = 0, 0, width, height
    else:
        if abs(goal.x - start.x) > reach or abs(goal.y - start.y) > reach:
            return None
        x0, x1 = max(0, start.x - reach), min(width, start.x + reach + 1)
        y0, y1 = max(0, start.y - reach), min(height, start.y + reach + 1)
    search = _graph(world, start, passable, (x0, y0, x1, y1), stairs_cost, climb_cost)
    nodes = search.path(
        (start.floor, start.y - y0, start.x - x0), (goal.floor, goal.y - y0, goal.x - x0)
    )
    if len(nodes) < 2:
        return None
    return [Cell(f, x + x0, y + y0) for f, y, x in nodes.tolist()]


def _graph(
    world: World,
    start: Cell,
    passable: np.ndarray,
    box: tuple[int, int, int, int],
    stairs_cost: int,
    climb_cost: int,
) -> Search:
    """:func:`find_path`'s graph over a window, kept by value: setting up a tcod graph costs
    several times the search itself, and every move from one position (each child of a
    search's node, every target the screen checks) searches the same one. A search on a
    kept graph finds exactly the path a new graph gives."""
    x0, y0, x1, y1 = box
    window = passable[:, y0:y1, x0:x1]
    rope = rope_window(world, box)
    store, key = None, None
    if window.size <= GRAPH_CACHE_CELLS:
        key = (
            start,
            box,
            stairs_cost,
            climb_cost,
            window.tobytes(),
            None if rope is None else rope.tobytes(),
        )
        store = world.cache.setdefault("path_graphs", {})
        kept = store.get(key)
        if kept is not None:
            return kept
    search = build(world, start, window, box, rope, stairs_cost, climb_cost)
    if store is not None:
        keep(store, key, search)
    return search


def find_move_path(
    world: World, start: Cell, goal: Cell, *, stairs_cost: int, reach: int, climb_cost: int
) -> list[Cell] | None:
    """``find_path(world, start, goal, walkable_now(world) & ~world.occupied(), ...)``: a
    move's path, found without building those masks for the whole map. Its graph is kept
    with the doors' derived data (see ``World.doors_derived``) by the people and ropes in
    its window, so moves from one position search one graph however large the map."""
    if start == goal:
        return [start]
    walkable = walkable_now(world)
    if not world.in_bounds(goal) or not walkable[goal.index] or world.occupant(goal) is not None:
        return None
    _, height, width = walkable.shape
    if abs(goal.x - start.x) > reach or abs(goal.y - start.y) > reach:
        return None
    x0, x1 = max(0, start.x - reach), min(width, start.x + reach + 1)
    y0, y1 = max(0, start.y - reach), min(height, start.y + reach + 1)
    box = (x0, y0, x1, y1)
    people = tuple(sorted(c for c in world.occupied_cells() if x0 <= c.x < x1 and y0 <= c.y < y1))
    ropes = (world.map_digest("holes"), world.map_digest("ropes"))
    key = ("move", start, box, stairs_cost, climb_cost, people, ropes)
    store = world.doors_derived().setdefault("move_graphs", {})
    search = store.get(key)
    if search is None:
        window = walkable[:, y0:y1, x0:x1].copy()
        for cell in people:
            window[cell.floor, cell.y - y0, cell.x - x0] = False
        search = build(world, start, window, box, rope_window(world, box), stairs_cost, climb_cost)
        keep(store, key, search)
    nodes = search.path(
        (start.floor, start.y - y0, start.x - x0), (goal.floor, goal.y - y0, goal.x - x0)
    )
    if len(nodes) < 2:
        return None
    return [Cell(f, x + x0, y + y0) for f, y, x in nodes.tolist()]


def is_stairs_step(world: World, a: Cell, b: Cell) -> bool:
    """True when a step between floors is a flight of stairs (else it is a rope climb)."""
    low, high = (a, b) if a.floor < b.floor else (b, a)
    return bool(world.terrain.stairs_up[low.index] and world.terrain.stairs_down[high.index])


@dataclass(frozen=True)
class StepCosts:
    """What each kind of step of a move costs: AP, and the extra the path search counts for
    stairs and ropes (it counts 1 per step plus these, whatever the AP)."""

    per_step: int  # AP per cell along a floor
    stairs: int  # AP for a flight of stairs
    climb: int  # AP for a climb up or down a rope
    stairs_extra: int  # path-search cost of stairs above a plain step
    climb_extra: int  # ... and of a rope


def step_costs(world: World, unit: Unit, sneak: bool) -> StepCosts:
    """The costs of one move's steps for this unit now: walking or sneaking, plus the carry
    rule's extra AP per step for someone carrying a person."""
    carrying = unit.carrying.person is not None
    key = ("step costs", sneak, carrying)
    found = world.cache.get(key)  # they follow from the rules alone: worked out once
    if found is None:
        rules = world.rules
        extra = rules.carry.extra_ap_per_step if carrying else 0
        per_step = (rules.move.sneak_ap if sneak else rules.move.walk_ap) + extra
        stairs_extra = rules.move.stairs_extra_ap
        climb = rules.rope.climb_ap + extra
        found = world.cache[key] = StepCosts(
            per_step, per_step + stairs_extra, climb, stairs_extra, max(0, climb - per_step)
        )
    return found


def path_costs(world: World, path: list[Cell], steps: StepCosts) -> list[int]:
    """The AP of each step of a path: along a floor, up or down stairs, or a rope climb."""
    return [
        steps.per_step
        if a.floor == b.floor
        else (steps.stairs if is_stairs_step(world, a, b) else steps.climb)
        for a, b in itertools.pairwise(path)
    ]


@dataclass(frozen=True)
class Reachable:
    """What one crew member can reach this turn: ``{cell: AP cost}`` walking and sneaking,
    exactly the cells and costs :class:`~game.sim.commands.Move` accepts now."""

    walk: dict[Cell, int]
    sneak: dict[Cell, int]

    def cost(self, cell: Cell, sneak: bool = False) -> int | None:
        """The AP a move to ``cell`` costs, or None when it would be refused."""
        return (self.sneak if sneak else self.walk).get(cell)


def reachable(world: World, unit: Unit) -> Reachable:
    """Every cell ``unit`` can move to now, with what the move costs, walking and sneaking.

    One Dijkstra pass per mode over the graph :func:`find_path` searches (the same window,
    stairs, ropes, shut doors and people in the way). A move follows the path
    :func:`find_path` returns and costs that path's AP; where several cheapest paths cost
    different AP (sneaking or carrying someone through stairs or a rope), the pass finds the
    least and the most, and only where they differ is the move's own path asked for.
    """
    if world.outcome.over or not unit.can_act or unit.cell is None or not unit.is_crew:
        return Reachable({}, {})
    return Reachable(_reach(world, unit, False), _reach(world, unit, True))


def _reach(world: World, unit: Unit, sneak: bool) -> dict[Cell, int]:
    """:func:`reachable` for one mode (the rules of ``plan_move``, over every goal at once)."""
    start = unit.cell
    assert start is not None
    steps = step_costs(world, unit, sneak)
    per_step, stairs_ap, climb_ap = steps.per_step, steps.stairs, steps.climb
    stairs_cost, climb_cost = steps.stairs_extra, steps.climb_extra
    ap = unit.ap
    reach = ap // max(1, per_step)
    if reach < 1:
        return {}
    floors, height, width = world.terrain.shape
    x0, x1 = max(0, start.x - reach), min(width, start.x + reach + 1)
    y0, y1 = max(0, start.y - reach), min(height, start.y + reach + 1)
    passable = walkable_now(world) & ~world.occupied()
    cost = passable[:, y0:y1, x0:x1].astype(np.int32)
    cost[start.floor, start.y - y0, start.x - x0] = 1
    edges = _vertical_edges(world, x0, y0, x1, y1) if floors > 1 else None
    root = (start.floor, start.y - y0, start.x - x0)
    # Each edge's AP is ``per_step`` times its graph cost: every cheapest path costs the same.
    # (A rope hanging in a stairwell is searched at the cheaper of the two but costs as
    # stairs, so there the two extras must be equal too.)
    proportional = edges is None or (
        stairs_ap == per_step * (1 + stairs_cost)
        and climb_ap == per_step * (1 + climb_cost)
        and (stairs_cost == climb_cost or not _rope_in_stairwell(edges))
    )
    if proportional:
        dist = _dijkstra(cost, root, edges, stairs_cost, climb_cost, None)
        reached = dist < UNREACHED
        least = most = dist * per_step
        graph_cost = dist
    else:
        # Lexicographic costs: graph cost first (the path find_path takes), then AP.
        scale = (ap + 1) * max(per_step, stairs_ap, climb_ap) + 1
        aps = (per_step, stairs_ap, climb_ap)
        low = _dijkstra(cost, root, edges, stairs_cost, climb_cost, (scale, aps, 1))
        high = _dijkstra(cost, root, edges, stairs_cost, climb_cost, (scale, aps, -1))
        reached = low < UNREACHED
        graph_cost = low // scale
        least = low - graph_cost * scale
        most = graph_cost * scale - high
    found: dict[Cell, int] = {}
    candidates = (graph_cost <= ap) & (least <= ap) & (cost > 0) & reached
    candidates[root] = False
    for f, y, x in np.argwhere(candidates).tolist():
        cell = Cell(f, x + x0, y + y0)
        low_ap, high_ap = int(least[f, y, x]), int(most[f, y, x])
        if low_ap == high_ap:
            found[cell] = low_ap
            continue
        # Cheapest paths that differ in AP: the one find_path takes decides.
        path = find_path(
            world,
            start,
            cell,
            passable,
            stairs_cost=stairs_cost,
            reach=reach,
            climb_cost=climb_cost,
        )
        if path is not None and sum(path_costs(world, path, steps)) <= ap:
            found[cell] = sum(path_costs(world, path, steps))
    return found


def _rope_in_stairwell(edges: dict[str, np.ndarray]) -> bool:
    return bool(
        (edges["rope_down"] & edges["descend"]).any() or (edges["rope_up"] & edges["climb"]).any()
    )


#: What tcod leaves in the distance of a cell no path reaches.
UNREACHED = int(np.iinfo(np.int32).max)


def _vertical_edges(world: World, x0: int, y0: int, x1: int, y1: int) -> dict[str, np.ndarray]:
    """Where :func:`find_path` links floors in a window: stairs both ways, and ropes (split
    by whether stairs stand there too, since such a step costs as stairs)."""
    climb, descend = stair_links(world, (x0, y0, x1, y1))
    rope = world.holes[:, y0:y1, x0:x1] & world.ropes[:, y0:y1, x0:x1]
    rope_down = np.zeros_like(rope)
    rope_down[1:] = rope[1:]
    rope_up = np.zeros_like(rope)
    rope_up[:-1] = rope[1:]
    return {"climb": climb, "descend": descend, "rope_down": rope_down, "rope_up": rope_up}


def _dijkstra(
    cost: np.ndarray,
    root: tuple[int, int, int],
    edges: dict[str, np.ndarray] | None,
    stairs_cost: int,
    climb_cost: int,
    lexicographic: tuple[int, tuple[int, int, int], int] | None,
) -> np.ndarray:
    """Distances from ``root`` over :func:`find_path`'s graph. With ``lexicographic``
    ``(scale, (flat AP, stairs AP, rope AP), sign)`` each edge costs ``scale`` times its graph
    cost plus (sign +1) or minus (sign -1) its AP."""

    def weight(graph_cost: int, ap: int) -> int:
        if lexicographic is None:
            return graph_cost
        scale, _, sign = lexicographic
        return scale * graph_cost + sign * ap

    aps = lexicographic[1] if lexicographic is not None else (0, 0, 0)
    if edges is None or not (
        edges["climb"].any()
        or edges["descend"].any()
        or edges["rope_up"].any()
        or edges["rope_down"].any()
    ):
        dist = tcod.path.maxarray(cost.shape[1:], dtype=np.int32)
        dist[root[1:]] = 0
        flat = weight(1, aps[0])
        tcod.path.dijkstra2d(dist, cost[root[0]] * flat, cardinal=1, diagonal=None, out=dist)
        out = np.full(cost.shape, UNREACHED, dtype=np.int64)
        out[root[0]] = dist
        return out
    graph = tcod.path.CustomGraph(cost.shape)
    graph.add_edges(edge_map=np.array(CARDINAL) * weight(1, aps[0]), cost=cost)
    stairs = weight(1 + stairs_cost, aps[1])
    graph.add_edge((1, 0, 0), stairs, cost=cost, condition=edges["climb"])
    graph.add_edge((-1, 0, 0), stairs, cost=cost, condition=edges["descend"])
    for name, step, stairs_too in (
        ("rope_down", -1, edges["descend"]),
        ("rope_up", 1, edges["climb"]),
    ):
        rope = edges[name]
        if rope.any():
            plain, shared = rope & ~stairs_too, rope & stairs_too
            if plain.any():
                graph.add_edge(
                    (step, 0, 0), weight(1 + climb_cost, aps[2]), cost=cost, condition=plain
                )
            if shared.any():
                graph.add_edge(
                    (step, 0, 0), weight(1 + climb_cost, aps[1]), cost=cost, condition=shared
                )
    finder = tcod.path.Pathfinder(graph)
    finder.add_root(root)
    finder.resolve()
    return finder.distance.astype(np.int64)
