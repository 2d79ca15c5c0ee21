"""Stealth-rule benchmarks: forecasts the screen calls on hover, on a 128x128x3 world.

The world turns themselves (with sight, hearing and the guards' minds) are timed in
``bench_sim.py`` (``sim.world_turn.*``).
"""

from __future__ import annotations

from run import Benchmark
from synthetic import synthetic_world

from game.sim import Cell, EndTurn, Move, guard_intents, noise_forecast, noise_reach, watched_cells


def _world():
    world = synthetic_world(128, 3, 30)
    world.apply(EndTurn())  # patrol loops are worked out once, on the first turn
    return world


def _noise_forecast(quick: bool):
    world = _world()
    tony = world.unit_named("Tony")
    command = Move(tony.id, Cell(0, 8, 3))  # six steps of footsteps, each heard or not

    def run():
        noise_forecast(world, command)

    return run


def _noise_reach(quick: bool):
    world = _world()

    def run():
        noise_reach(world, Cell(1, 40, 40), 30)  # the overlay of a loud noise (plaster)

    return run


def _guard_intents(quick: bool):
    world = _world()

    def run():
        guard_intents(world)

    return run


def _watched_cells(quick: bool):
    world = _world()

    def run():
        watched_cells(world)

    return run


BENCHMARKS = [
    Benchmark(
        "sim.noise_forecast", _noise_forecast, runs=200, quick_runs=40, target="median <= 3 ms"
    ),
    Benchmark(
        "sim.noise_reach.30", _noise_reach, runs=100, quick_runs=20, target="(overlay, loudness 30)"
    ),
    Benchmark(
        "sim.guard_intents",
        _guard_intents,
        runs=100,
        quick_runs=20,
        target="(30 guards, a dry world turn)",
    ),
    Benchmark("sim.watched_cells", _watched_cells, runs=100, quick_runs=20, target="(30 guards)"),
]
