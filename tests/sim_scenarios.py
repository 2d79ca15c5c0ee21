"""A small two-floor world and random command sequences over it, shared by property tests."""

from __future__ import annotations

from game.asciiworld import build_world
from game.sim import Cell, CloseDoor, Command, EndTurn, Move, OpenDoor, PickLock, Wait, World
from game.sim.rng import WorldRandom

GROUND = """
    ############
    #T..+..#..G#
    #J..#..L...#
    #...#..#...#
    ##/####+####
    #...>......#
    #M.....C..E#
    ############
"""
UPSTAIRS = """
    ############
    #....#.....#
    #....+.....#
    #....#.....#
    #....#######
    #...<......#
    #.....G....#
    ############
"""
ROUTES = {
    "Guard 1": [(0, 8, 1), (0, 10, 3), (0, 8, 3)],
    "Guard 2": [(1, 6, 6), (1, 9, 5), (1, 7, 1)],
}


def scenario_world(seed: int = 7) -> World:
    return build_world(GROUND, UPSTAIRS, seed=seed, routes=ROUTES)


def random_commands(seed: int, count: int, world: World) -> list[Command]:
    """A reproducible mix of sensible and silly commands for ``world``'s shape."""
    rng = WorldRandom(seed)
    floors, height, width = world.terrain.shape
    unit_ids = [*sorted(world.units), 999]
    door_ids = [*sorted(world.doors), 998]
    commands: list[Command] = []
    for _ in range(count):
        roll = rng.randint(0, 9)
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
        else:
            commands.append(EndTurn())
    return commands
