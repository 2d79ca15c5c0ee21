"""Guards walking their rounds.

A guard's route is the ordered waypoints the map gives it. The full loop of cells between
them is worked out once (tcod paths, doors passable since guards open doors on their way) and
kept in the world's cache; each world turn the guard walks a few cells further along it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.entities import Unit
from game.sim.geometry import Cell, Facing
from game.sim.pathing import find_path, walkable_now

if TYPE_CHECKING:
    from game.sim.world import World


def patrol_loop(world: World, guard: Unit) -> list[Cell]:
    """Every cell of the guard's round, in walking order; the last leads back to the first."""
    key = ("patrol", guard.id)
    loop = world.cache.get(key)
    if loop is None:
        loop = _build_loop(world, guard)
        world.cache[key] = loop
    return loop


def _build_loop(world: World, guard: Unit) -> list[Cell]:
    """The round from the map alone: walls, not the doors' current state.

    The loop is cached the first time anyone asks (a world turn, or a forecast on hover), so
    it must not depend on when that is: a lock picked before the first ask would otherwise
    give a different round in a replay that never hovered. Doors count as passable; the
    validator refuses routes through locked doors, and a guard meeting one waits.
    """
    waypoints = list(guard.route)
    if len(waypoints) < 2:
        return waypoints
    stops = [*waypoints, waypoints[0]] if guard.route_closed else waypoints + waypoints[-2::-1]
    passable = world.terrain.walkable
    loop: list[Cell] = [stops[0]]
    for a, b in itertools.pairwise(stops):
        reach = max(abs(a.x - b.x), abs(a.y - b.y)) + 24
        leg = find_path(world, a, b, passable, reach=reach) or find_path(world, a, b, passable)
        if leg is None:
            return [waypoints[0]]  # the validator reports routes through walls; stand still
        loop.extend(leg[1:])
    return loop[:-1]  # the last cell is the first again


def patrol(world: World, guard: Unit, after_step: Callable[[], bool] | None = None) -> None:
    """Walk the guard up to ``guards.steps_per_turn`` cells along its round.

    A guard found off its round (it went to look at something, or the map placed it beside
    its route) first walks back to the nearest cell of the round. ``after_step`` is called
    after every step (the guard looks around); when it answers True the walk stops there.
    """
    loop = patrol_loop(world, guard)
    if len(loop) < 2 or guard.cell is None:
        return
    steps = world.rules.guards.steps_per_turn
    if guard.cell != loop[guard.route_pos % len(loop)]:
        if guard.cell in loop:
            guard.route_pos = loop.index(guard.cell)
        else:
            used, stopped = _walk_back(world, guard, loop, steps, after_step)
            if stopped:
                return
            steps -= used
    for _ in range(steps):
        following = (guard.route_pos + 1) % len(loop)
        if not step_guard(world, guard, loop[following]):
            return
        if guard.cell == loop[following]:
            guard.route_pos = following
        if after_step is not None and after_step():
            return


def step_guard(world: World, guard: Unit, target: Cell) -> bool:
    """One step of a guard towards an adjacent cell, opening a closed door first.

    Returns False when the guard is stuck (a locked door, someone in the way).
    """
    assert guard.cell is not None
    door = world.door_at(target)
    if door is not None and not door.open:
        if door.locked:
            return False
        door = world.own_door(door)
        door.open = True  # opening the door takes the step
        world.emit_noise(target, world.rules.doors.open_loudness, "door", guard.id)
        return True
    if world.occupant(target) is not None:
        return False
    facing = Facing.toward(target.x - guard.cell.x, target.y - guard.cell.y)
    if facing is not None:
        guard.facing = facing
    world.move_unit(guard, target)
    return True


def _walk_back(
    world: World,
    guard: Unit,
    loop: list[Cell],
    steps: int,
    after_step: Callable[[], bool] | None = None,
) -> tuple[int, bool]:
    """Walk towards the nearest cell of the round; returns (steps used, stopped by a look)."""
    assert guard.cell is not None
    nearest = _nearest_index(loop, guard.cell)
    passable = walkable_now(world, doors_passable=True) & ~world.occupied()
    path = find_path(world, guard.cell, loop[nearest], passable)
    if path is None:
        return steps, False
    used = 0
    for cell in path[1 : steps + 1]:
        used += 1
        moved = step_guard(world, guard, cell) and guard.cell == cell
        if after_step is not None and after_step():
            return used, True
        if not moved:
            break
    if guard.cell == loop[nearest]:
        guard.route_pos = nearest
    return used, False


def _nearest_index(loop: list[Cell], cell: Cell) -> int:
    """The loop position closest to where the guard is (after it was pulled off its round)."""
    best, best_distance = 0, None
    for index, point in enumerate(loop):
        distance = (
            abs(point.x - cell.x) + abs(point.y - cell.y) + 100 * abs(point.floor - cell.floor)
        )
        if best_distance is None or distance < best_distance:
            best, best_distance = index, distance
    return best
