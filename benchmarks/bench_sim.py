"""Simulation benchmarks: a world turn on big synthetic maps, and command throughput."""

from __future__ import annotations

import dataclasses

from run import Benchmark
from synthetic import synthetic_world

from game.content import maps_dir
from game.sim import EndTurn, Move
from game.tiled import load_world


def _world_turn(size: int, guards: int):
    """The guards' rounds, one world turn per run. Tony waits in his hideout: where the guards
    could reach him they would catch him within a few turns, the mission would be lost, and
    every later run would time a refused command instead of a world turn."""

    def setup(quick: bool):
        world = synthetic_world(size, 3, guards, hidden=True)
        world.apply(EndTurn())  # patrol loops are worked out once, on the first turn

        def run():
            if not world.apply(EndTurn()):
                raise AssertionError(f"synthetic_{size}: the mission ended ({world.outcome})")

        return run

    return setup


COMMANDS_PER_RUN = 200


def _commands(quick: bool):
    """Tony paces his hideout (out of every guard's sight and hearing): a three-cell walk and
    the end of the turn, again and again; each one is carried out, not refused."""
    world = synthetic_world(128, 3, 30, hidden=True)
    tony = world.unit_named("Tony")
    assert tony.cell is not None
    here, there = tony.cell, tony.cell.offset(3, 0)
    pairs = [(Move(tony.id, there), EndTurn()), (Move(tony.id, here), EndTurn())]

    def play(count: int) -> None:
        for i in range(count):
            for command in pairs[i % 2]:
                result = world.apply(command)
                if not result:
                    raise AssertionError(f"sim.commands_per_s: {command} refused: {result.reason}")

    play(20)  # the setup's check: every command is carried out, the guards never notice
    assert tony.cell == here and not world.outcome.over and world.alarm == {}

    def run():
        play(COMMANDS_PER_RUN // 2)

    return run


def _jeweler_turn(quick: bool):
    """One world turn on the shipped jeweler's map (its deadline lifted so it never ends)."""
    world = load_world(maps_dir() / "jeweler.tmx")
    world.mission = dataclasses.replace(world.mission, deadline_minutes=None)
    assert world.apply(EndTurn())

    def run():
        if not world.apply(EndTurn()):
            raise AssertionError(f"sim.world_turn.jeweler: the mission ended ({world.outcome})")

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
        "sim.world_turn.jeweler", _jeweler_turn, runs=200, quick_runs=30, target="median <= 5 ms"
    ),
    Benchmark(
        "sim.commands_per_s",
        _commands,
        runs=10,
        quick_runs=3,
        unit="per s",
        items_per_run=COMMANDS_PER_RUN,
        target="(moves and ends of turn, alternately)",
    ),
]
