"""Simulation benchmarks: a world turn on big synthetic maps, and command throughput."""

from __future__ import annotations

from run import Benchmark
from synthetic import synthetic_world

from game.sim import Cell, EndTurn, Move


def _world_turn(size: int, guards: int):
    def setup(quick: bool):
        world = synthetic_world(size, 3, guards)
        world.apply(EndTurn())  # patrol loops are worked out once, on the first turn

        def run():
            world.apply(EndTurn())

        return run

    return setup


COMMANDS_PER_RUN = 200


def _commands(quick: bool):
    world = synthetic_world(128, 3, 30)
    tony = world.unit_named("Tony")
    there, back = Cell(0, 5, 2), Cell(0, 2, 2)

    def run():
        for i in range(COMMANDS_PER_RUN // 2):
            world.apply(Move(tony.id, there if i % 2 == 0 else back))
            world.apply(EndTurn())

    return run


BENCHMARKS = [
    Benchmark(
        "sim.world_turn.synthetic_128",
        _world_turn(128, 30),
        runs=200,
        quick_runs=30,
        target="median <= 5 ms",
    ),
    Benchmark(
        "sim.world_turn.synthetic_512",
        _world_turn(512, 100),
        runs=40,
        quick_runs=8,
        target="median <= 100 ms",
    ),
    Benchmark(
        "sim.commands_per_s",
        _commands,
        runs=10,
        quick_runs=3,
        unit="per s",
        items_per_run=COMMANDS_PER_RUN,
        target="(move + end turn pairs)",
    ),
]
