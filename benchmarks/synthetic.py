"""Big synthetic worlds for benchmarks: rooms, corridors, doors, stairs and patrolling guards."""

from __future__ import annotations

import numpy as np

from game.content import load_rules
from game.sim import (
    Cell,
    Door,
    GuardState,
    MissionInfo,
    Move,
    Terrain,
    Unit,
    UnitKind,
    World,
    new_world,
)
from game.sim.patrol import patrol_loop
from game.sim.rng import WorldRandom
from game.sim.terrain import FLOOR, WALL, TileProps

DOOR = TileProps(name="door", opaque=True, attenuation=8, door="closed")
UP = TileProps(name="stairs_up", stairs="up")
DOWN = TileProps(name="stairs_down", stairs="down")


#: A room no patrol goes through: the bottom-left one (routes keep to the rows of rooms above
#: the bottom row), behind shut doors, so a crew member there is neither seen nor heard.
HIDEOUT = (4, -8)  # (x, y from the bottom) on floor 0


def synthetic_world(
    size: int, floors: int, guards: int, seed: int = 1, *, hidden: bool = False
) -> World:
    """A ``size`` x ``size`` building of ``floors`` floors: 16-cell rooms on a grid, a door in
    every room wall, stairs in a corner room, ``guards`` guards patrolling rectangles. Tony
    starts near the stairs, or with ``hidden`` in the :data:`HIDEOUT`."""
    palette = [WALL, FLOOR, DOOR, UP, DOWN]
    ids = np.ones((floors, size, size), dtype=np.int32)
    room = 16
    ids[:, ::room, :] = 0
    ids[:, :, ::room] = 0
    ids[:, 0, :] = ids[:, -1, :] = 0
    ids[:, :, 0] = ids[:, :, -1] = 0
    for start in range(0, size - room, room):
        for other in range(room // 2, size - 1, room):
            ids[:, start, other] = 2  # doors in horizontal walls
            ids[:, other, start] = 2  # and vertical ones
    ids[:, 0, :] = ids[:, -1, :] = 0
    ids[:, :, 0] = ids[:, :, -1] = 0
    for f in range(floors - 1):
        ids[f, 3, 3] = 3
        ids[f + 1, 3, 3] = 4
    terrain = Terrain(floors, size, size)
    terrain.fill(ids, palette)
    rules = load_rules()
    world = new_world(rules, terrain, seed, MissionInfo(name=f"synthetic_{size}"))
    next_id = 1
    rng = WorldRandom(seed)
    rooms = size // room
    taken: set[Cell] = set()
    for g in range(guards):
        f = g % floors
        while True:
            rx, ry = rng.randint(0, rooms - 2), rng.randint(0, rooms - 2)
            x0, y0 = rx * room + 4, ry * room + 4
            route = (
                Cell(f, x0, y0),
                Cell(f, x0 + room, y0),
                Cell(f, x0 + room, y0 + 6),
                Cell(f, x0, y0 + 6),
            )
            if route[0] not in taken:
                break
        taken.add(route[0])
        world.add_unit(
            Unit(
                next_id,
                UnitKind.GUARD,
                f"Guard {g + 1}",
                "watchman",
                route[0],
                state=GuardState.PATROL,
                route=route,
            )
        )
        next_id += 1
    crew_cell = Cell(0, HIDEOUT[0], size + HIDEOUT[1]) if hidden else Cell(0, 2, 2)
    world.add_unit(
        Unit(
            next_id,
            UnitKind.CREW,
            "Tony",
            "tony",
            crew_cell,
            max_ap=rules.crew.ap_per_turn,
            hp=rules.crew.max_hp,
        )
    )
    next_id += 1
    for f, y, x in np.argwhere(terrain.door):
        world.add_door(Door(next_id, Cell(int(f), int(x), int(y))))
        next_id += 1
    world.refill_ap()
    return world


def add_bait(world: World, count: int, ahead: int = 4) -> None:
    """Put ``count`` more crew members on the rounds of guards spread over the map, ``ahead``
    cells in front of them (or less where someone stands there), so that the guards see them,
    shout, chase and catch, and hear their steps (see :func:`bait_steps`): a world that stays
    busy, not one where nobody ever meets anyone."""
    guards = [g for g in world.guards() if g.cell is not None]
    next_id = world.next_free_id()
    for b in range(min(count, len(guards))):
        guard = guards[b * len(guards) // count]
        loop = patrol_loop(world, guard)
        for distance in range(ahead, 1, -1):
            spot = loop[(guard.route_pos + distance) % len(loop)]
            if world.occupant(spot) is None and world.door_at(spot) is None:
                break
        else:
            continue
        world.add_unit(
            Unit(
                next_id,
                UnitKind.CREW,
                f"Bait {b + 1}",
                "tony",
                spot,
                ap=world.rules.crew.ap_per_turn,
                max_ap=world.rules.crew.ap_per_turn,
                hp=world.rules.crew.max_hp,
            )
        )
        next_id += 1


def bait_steps(world: World) -> list[Move]:
    """One loud step for every bait crew member who can act (east on odd turns, back west
    on even ones): footsteps the guards around hear."""
    dx = 1 if world.turn % 2 else -1
    return [
        Move(unit.id, unit.cell.offset(dx, 0))
        for unit in world.crew()
        if unit.name.startswith("Bait") and unit.can_act and unit.cell is not None
    ]
