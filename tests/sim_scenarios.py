"""A small two-floor world and random command sequences over it, shared by property tests."""

from __future__ import annotations

import numpy as np

from game.asciiworld import build_world
from game.sim import (
    Carry,
    Cell,
    Climb,
    CloseDoor,
    Command,
    CrackSafe,
    DeployUmbrella,
    Drill,
    Drop,
    EndTurn,
    Foam,
    KnockOut,
    LowerRope,
    Move,
    OpenDoor,
    PickLock,
    Shoot,
    TakeLoot,
    Wait,
    World,
)
from game.sim.rng import WorldRandom

GROUND = """
    ############
    #T..+..#..G#
    #J..#..L...#
    #...#..#...#
    ##/####+####
    #..V>...X..#
    #M..B..C.$E#
    ############
"""
UPSTAIRS = """
    ############
    #S...#.....#
    #....+.....#
    #....#.....#
    #....#######
    #...<.__...#
    #.....G....#
    ############
"""
ROUTES = {
    "Guard 1": [(0, 8, 1), (0, 10, 3), (0, 8, 3)],
    "Guard 2": [(1, 6, 6), (1, 9, 5), (1, 7, 1)],
}


def scenario_world(seed: int = 7) -> World:
    return build_world(
        GROUND,
        UPSTAIRS,
        seed=seed,
        routes=ROUTES,
        traits={"Tony": {"items": ["gun", "rope", "extinguisher"]}},
    )


def random_commands(seed: int, count: int, world: World) -> list[Command]:
    """A reproducible mix of sensible and silly commands for ``world``'s shape, the heist's
    commands included (aimed at the world's drillable cells, devices and people)."""
    rng = WorldRandom(seed)
    floors, height, width = world.terrain.shape
    unit_ids = [*sorted(world.units), 999]
    door_ids = [*sorted(world.doors), 998]
    device_ids = [*sorted(world.devices), 997]
    drill_cells = [Cell(int(f), int(x), int(y)) for f, y, x in np.argwhere(world.terrain.drillable)]
    drill_cells.append(Cell(0, 1, 1))
    commands: list[Command] = []
    for _ in range(count):
        roll = rng.randint(0, 15)
        unit = rng.choice(unit_ids)
        if roll <= 4:
            cell = Cell(rng.randint(0, floors - 1), rng.randint(-1, width), rng.randint(-1, height))
            commands.append(Move(unit, cell, sneak=rng.chance(1, 3)))
        elif roll == 5:
            commands.append(OpenDoor(unit, rng.choice(door_ids)))
        elif roll == 6:
            commands.append(CloseDoor(unit, rng.choice(door_ids)))
        elif roll == 7:
            commands.append(PickLock(unit, rng.choice(door_ids)))
        elif roll == 8:
            commands.append(Wait(unit))
        elif roll == 9:
            commands.append(EndTurn())
        elif roll == 10:
            commands.append(Drill(unit, rng.choice(drill_cells)))
        elif roll == 11:
            kind = rng.choice([DeployUmbrella, LowerRope])
            commands.append(kind(unit, rng.choice(drill_cells)))
        elif roll == 12:
            commands.append(Climb(unit, up=rng.chance(1, 2)))
        elif roll == 13:
            kind = rng.choice([Foam, CrackSafe, TakeLoot])
            commands.append(kind(unit, rng.choice(device_ids)))
        elif roll == 14:
            kind = rng.choice([KnockOut, Carry, Shoot])
            commands.append(kind(unit, rng.choice(unit_ids)))
        else:
            cell = Cell(
                rng.randint(0, floors - 1), rng.randint(0, width - 1), rng.randint(0, height - 1)
            )
            commands.append(Drop(unit, cell))
    return commands
