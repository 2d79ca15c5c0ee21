"""What guards see: a cone in the direction they face, plus the cells beside and ahead of them.

Sight uses tcod's symmetric shadowcasting on a small window of the guard's floor (never the
whole map): walls and shut doors block it, windows do not. Inside what is in line of sight a
guard watches the cone (``vision.angle``) up to ``range_lit`` cells into lit cells and
``range_unlit`` into dark ones, and the five adjacent cells that are not behind it (so a
careful crew member can still creep up from behind). Everything is integer arithmetic or
exactly rounded, so the same cells are watched on every machine.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import tcod.constants
import tcod.map

from game.sim.entities import GuardState, Status, Unit, UnitKind
from game.sim.geometry import Cell, Facing

if TYPE_CHECKING:
    from game.sim.world import World


def is_watching(guard: Unit) -> bool:
    """True for a guard who is awake, conscious and on the map."""
    return (
        guard.is_guard
        and guard.status is Status.ACTIVE
        and guard.cell is not None
        and guard.state is not GuardState.SLEEPING
    )


def sight_ranges(world: World, guard: Unit) -> tuple[int, int]:
    """``(range into lit cells, range into unlit cells)`` for this guard.

    The map's ``vision`` trait (0 = default) beats the role's entry in ``vision.role``,
    which beats ``vision.range_lit``; the unlit range never exceeds the lit one.
    """
    key = ("sight", guard.id)
    ranges = world.cache.get(key)
    if ranges is None:  # depends only on the map and the rules: worked out once
        rules = world.rules.vision
        lit = guard.traits.vision or 0
        if lit <= 0:
            lit = rules.range_lit_of(guard.role)
        ranges = world.cache[key] = (lit, min(lit, rules.range_unlit))
    return ranges


@functools.lru_cache(maxsize=256)
def _cone(facing: Facing, radius: int, angle: int) -> np.ndarray:
    """A ``(2r+1)^2`` mask of the cells within ``angle`` degrees of ``facing`` (centre False).

    Cells exactly on the cone's edge are inside. Compared in integers against cos² rounded to
    millionths, so no floating-point edge case differs between machines.
    """
    fx, fy = facing.vector
    span = np.arange(-radius, radius + 1)
    dy, dx = np.meshgrid(span, span, indexing="ij")
    dot = dx * fx + dy * fy
    d2 = dx * dx + dy * dy
    f2 = fx * fx + fy * fy
    half = min(180, max(0, angle)) / 2
    c = round(math.cos(math.radians(half)) ** 2 * 1_000_000)
    lhs = dot.astype(np.int64) ** 2 * 1_000_000
    rhs = c * d2.astype(np.int64) * f2
    # Up to 90 degrees either side: ahead and close enough to the axis; wider: anything
    # ahead, plus what behind is no further from the axis than the edge.
    inside = (dot >= 0) & (lhs >= rhs) if half <= 90 else (dot >= 0) | (lhs <= rhs)
    near = (np.abs(dx) <= 1) & (np.abs(dy) <= 1) & (dot >= 0)  # beside and ahead, not behind
    mask = inside | near
    mask[radius, radius] = False
    return mask


@functools.lru_cache(maxsize=64)
def _discs(radius: int, lit: int, unlit: int) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the cells within ``lit`` and ``unlit`` range (Euclidean, in integers)."""
    span = np.arange(-radius, radius + 1)
    dy, dx = np.meshgrid(span, span, indexing="ij")
    d2 = dx * dx + dy * dy
    near = (np.abs(dx) <= 1) & (np.abs(dy) <= 1)
    return (d2 <= lit * lit) | near, (d2 <= unlit * unlit) | near


def transparency(world: World, floor: int, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """Where sight passes in a window of one floor now: terrain, with doors as they stand."""
    clear = ~world.terrain.opaque[floor, y0:y1, x0:x1]
    for y, x in np.argwhere(world.terrain.door[floor, y0:y1, x0:x1]):
        door = world.door_at(Cell(floor, int(x) + x0, int(y) + y0))
        if door is not None:
            clear[y, x] = door.open
    return clear


def line_of_sight(world: World, cell: Cell, radius: int) -> tuple[int, int, np.ndarray]:
    """``(x0, y0, mask)``: the cells of ``cell``'s floor in plain sight within ``radius``."""
    _, height, width = world.terrain.shape
    x0, y0 = max(0, cell.x - radius), max(0, cell.y - radius)
    x1, y1 = min(width, cell.x + radius + 1), min(height, cell.y + radius + 1)
    clear = transparency(world, cell.floor, x0, y0, x1, y1)
    return x0, y0, field_of_view(clear, (cell.y - y0, cell.x - x0), radius)


def field_of_view(clear: np.ndarray, origin: tuple[int, int], radius: int) -> np.ndarray:
    """The cells of ``clear`` (``[y, x]``, True where sight passes) seen from ``origin``
    (``(y, x)``) within ``radius``, the walls that stop it included: tcod's symmetric
    shadowcasting, the one field of view of the game (a guard's sight, a lamp's light)."""
    return tcod.map.compute_fov(
        clear,
        origin,
        radius=radius + 1,  # tcod's radius is exclusive; the caller trims to the exact range
        light_walls=True,
        algorithm=tcod.constants.FOV_SYMMETRIC_SHADOWCAST,
    )


#: Sight and watch windows are kept in the world's cache (shared with its forks) by everything
#: they depend on; past this many of a kind the store is emptied and starts again.
WATCH_CACHE_SIZE = 16384


def _kept_window(
    world: World, store: str, key: tuple, make: Callable[[], tuple[int, int, np.ndarray]]
) -> tuple[int, int, np.ndarray]:
    """The window kept under ``key`` in the cache's ``store``, made (read-only) if missing."""
    kept = world.cache.setdefault(store, {})
    window = kept.get(key)
    if window is None:
        window = make()
        window[2].flags.writeable = False
        if len(kept) >= WATCH_CACHE_SIZE:
            kept.clear()
        kept[key] = window
    return window


def sight_window(world: World, cell: Cell, radius: int) -> tuple[int, int, np.ndarray]:
    """:func:`line_of_sight`, read-only and kept while the doors in its window stand as they
    do (the terrain never changes): the crew's view is asked for before and after every
    command, and most commands move nobody and open no door."""
    key = (cell, radius, _doors_now(world, cell, radius))
    return _kept_window(world, "sight_windows", key, lambda: line_of_sight(world, cell, radius))


def watch_window(world: World, guard: Unit) -> tuple[int, int, np.ndarray]:
    """``(x0, y0, mask)``: the cells of the guard's floor it watches now, as a window.

    The mask is read-only: it is kept and handed out again while nothing it depends on has
    changed (the guard's cell, facing and sight, and the doors in the window; the terrain
    and the rules never change), which is every step of a crew member's move.
    """
    cell = guard.cell
    assert cell is not None
    lit, unlit = sight_ranges(world, guard)
    radius = max(1, lit)
    angle = world.rules.vision.angle
    facing = guard.facing
    key = (cell, facing, lit, unlit, angle, _doors_now(world, cell, radius))
    return _kept_window(
        world,
        "watch_windows",
        key,
        lambda: _watch_window(world, cell, facing, lit, unlit, angle),
    )


def _watch_window(
    world: World, cell: Cell, facing: Facing, lit: int, unlit: int, angle: int
) -> tuple[int, int, np.ndarray]:
    radius = max(1, lit)
    x0, y0, fov = line_of_sight(world, cell, radius)
    cone = _cone(facing, radius, angle)
    far, near = _discs(radius, lit, unlit)
    # Crop the centred masks to the window (it is smaller at the map's edges).
    ox, oy = cell.x - radius - x0, cell.y - radius - y0
    h, w = fov.shape
    sl = (slice(-oy, -oy + h), slice(-ox, -ox + w))
    lit_here = world.terrain.lit[cell.floor, y0 : y0 + h, x0 : x0 + w]
    reach = np.where(lit_here, far[sl], near[sl])
    return x0, y0, fov & cone[sl] & reach


def _doors_now(world: World, cell: Cell, radius: int) -> tuple[bool, ...]:
    """Whether each door in :func:`line_of_sight`'s window stands open (the doors of a window
    never change, so they are found once and kept in the world's cache)."""
    found = world.cache.setdefault("window_doors", {})
    ids = found.get((cell, radius))
    if ids is None:
        _, height, width = world.terrain.shape
        x0, y0 = max(0, cell.x - radius), max(0, cell.y - radius)
        x1, y1 = min(width, cell.x + radius + 1), min(height, cell.y + radius + 1)
        ids = []
        for y, x in np.argwhere(world.terrain.door[cell.floor, y0:y1, x0:x1]).tolist():
            door = world.door_at(Cell(cell.floor, x + x0, y + y0))
            if door is not None:
                ids.append(door.id)
        ids = found[cell, radius] = tuple(ids)
    doors = world.doors
    return tuple(doors[i].open for i in ids)


def watched_mask(world: World, guard: Unit) -> np.ndarray:
    """A ``[floor, y, x]`` mask of the cells the guard watches now (empty if it cannot see)."""
    mask = np.zeros(world.terrain.shape, dtype=bool)
    if is_watching(guard):
        assert guard.cell is not None
        x0, y0, window = watch_window(world, guard)
        h, w = window.shape
        mask[guard.cell.floor, y0 : y0 + h, x0 : x0 + w] = window
    return mask


def could_see(world: World, guard: Unit, cell: Cell) -> bool:
    """Cheap test: is ``cell`` near enough that the guard might see it (same floor, in range)?"""
    here = guard.cell
    if here is None or cell.floor != here.floor:
        return False
    distance = max(abs(cell.x - here.x), abs(cell.y - here.y))
    return distance <= 1 or distance <= sight_ranges(world, guard)[0]


def sees(world: World, guard: Unit, cell: Cell) -> bool:
    """True when a watching guard sees ``cell`` now."""
    if not is_watching(guard) or not could_see(world, guard, cell):
        return False
    x0, y0, window = watch_window(world, guard)
    return bool(window[cell.y - y0, cell.x - x0])


def visible_to_crew(world: World, radius: int | None = None) -> np.ndarray:
    """A ``[floor, y, x]`` mask of what the crew sees (all around, lit range): the fog of war.

    Guards are shown only where this is True (the screen's business; the rules do not use it).
    """
    mask = np.zeros(world.terrain.shape, dtype=bool)
    reach = radius if radius is not None else world.rules.vision.range_lit
    for unit in world.crew():
        if unit.can_act and unit.cell is not None:
            x0, y0, fov = sight_window(world, unit.cell, reach)
            h, w = fov.shape
            mask[unit.cell.floor, y0 : y0 + h, x0 : x0 + w] |= fov
    return mask


def guards_in_view(world: World) -> dict[int, int]:
    """``{guard id: id of the first crew member (by id) who sees it}`` for every guard on the
    map the crew sees now: exactly the guards on a cell :func:`visible_to_crew` shows, worked
    out only around crew members with a guard in range."""
    reach = world.cache.get("crew_sight")
    if reach is None:  # the rules never change in play
        reach = world.cache["crew_sight"] = world.rules.vision.range_lit
    # Asked before and after every command: the guards' cells are read once, and the test
    # for being in range is inlined.
    spots = [(g, g.cell) for g in world.ordered(UnitKind.GUARD) if g.cell is not None]
    seen: dict[int, int] = {}
    if not spots:
        return seen
    for unit in world.ordered(UnitKind.CREW):
        here = unit.cell
        if here is None or not unit.can_act:
            continue
        floor, x, y = here
        near = [
            (guard, cell)
            for guard, cell in spots
            if cell[0] == floor
            and abs(cell[1] - x) <= reach
            and abs(cell[2] - y) <= reach
            and guard.id not in seen
        ]
        if not near:
            continue
        x0, y0, fov = sight_window(world, here, reach)
        for guard, cell in near:
            if fov[cell[2] - y0, cell[1] - x0]:
                seen[guard.id] = unit.id
    return seen


def note_sightings(world: World, before: dict[int, int], now: dict[int, int]) -> None:
    """After a command: log ``guard_sighted`` for each guard the crew sees now but did not see
    before it (``before`` and ``now`` are :func:`guards_in_view` then and now), once per guard
    and turn. The event
    is flagged ``reveals`` (undo may not take such a command back). Events are not part of the
    state hash."""
    new = [g for g in sorted(now) if g not in before]
    if not new:
        return
    already = set()
    for event in reversed(world.events):
        if event.turn != world.turn:
            break
        if event.kind == "guard_sighted":
            already.add(event.data.get("guard"))
    for guard_id in new:
        if guard_id in already:
            continue
        guard, seer = world.units[guard_id], world.units[now[guard_id]]
        world.log(
            "guard_sighted",
            f"{seer.name} sees {guard.name}.",
            guard.cell,
            reveals=True,
            guard=guard_id,
            unit=seer.id,
        )
