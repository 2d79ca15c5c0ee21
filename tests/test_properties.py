"""Invariants under random play: no crash, no overlap, no wall-walking, no negative AP,
refused commands change nothing, and the same game gives the same hashes in any process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sim_scenarios import random_commands, scenario_world

from game.sim import Cell, Observer

ROOT = Path(__file__).resolve().parent.parent


def _assert_invariants(world) -> None:
    seen: dict[Cell, str] = {}
    shut = world.closed_doors()
    for unit in world.units_in_order():
        assert unit.ap >= 0, f"{unit.name} has {unit.ap} AP"
        if unit.cell is None:
            continue
        assert unit.cell not in seen, f"{unit.name} and {seen[unit.cell]} share {unit.cell}"
        seen[unit.cell] = unit.name
        assert world.terrain.walkable[unit.cell.index], f"{unit.name} stands in a wall"
        assert not shut[unit.cell.index], f"{unit.name} stands in a shut door"


class _StepRecorder(Observer):
    """Notes every step any unit takes, as ``(from, to)`` (an observer the test adds)."""

    def __init__(self, steps: list[tuple[Cell, Cell]]) -> None:
        self.steps = steps

    def unit_moved(self, world, unit, came_from):
        if came_from is not None and unit.cell is not None:
            self.steps.append((came_from, unit.cell))


def _watch_steps(world, steps: list[tuple[Cell, Cell]]) -> None:
    world.add_observer(_StepRecorder(steps))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_random_commands_keep_the_world_sound(command_seed, world_seed):
    world = scenario_world(world_seed)
    steps: list[tuple[Cell, Cell]] = []
    _watch_steps(world, steps)
    for command in random_commands(command_seed, 80, world):
        before = world.state_hash()
        result = world.apply(command)
        if not result:
            assert result.reason, f"{command} refused without a reason"
            assert world.state_hash() == before, f"refused {command} changed the world"
        _assert_invariants(world)
    for a, b in steps:
        flat = a.floor == b.floor and abs(a.x - b.x) + abs(a.y - b.y) == 1
        stairs = a.floor != b.floor and (a.x, a.y) == (b.x, b.y)
        assert flat or stairs, f"a step from {a} to {b} jumps"
        assert world.terrain.walkable[b.index], f"someone walked into the wall at {b}"


def _hashes_in_process(seed: int, count: int) -> list[str]:
    world = scenario_world(seed)
    hashes = []
    for command in random_commands(seed, count, world):
        world.apply(command)
        hashes.append(world.state_hash())
    return hashes


def test_same_seed_and_commands_give_same_hashes_in_separate_processes():
    script = (
        "import json, sys; sys.path.insert(0, 'tests');"
        "from test_properties import _hashes_in_process;"
        "print(json.dumps(_hashes_in_process(11, 150)))"
    )
    runs = []
    for hash_seed in ("1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(out.stdout))
    assert runs[0] == runs[1] == _hashes_in_process(11, 150)
    assert len(set(runs[0])) > 10, "the game should actually change over 150 commands"


def test_different_play_gives_different_hashes():
    assert _hashes_in_process(1, 40)[-1] != _hashes_in_process(2, 40)[-1]
