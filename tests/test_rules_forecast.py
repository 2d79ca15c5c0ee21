"""Forecasts are pure, and say exactly what then happens."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_worlds import HOLE, jeweler, place
from sim_scenarios import random_commands, scenario_world

from game.sim import (
    Cell,
    Drill,
    EndTurn,
    Move,
    guard_intents,
    noise_forecast,
    watched_by_anyone,
    watched_cells,
)


def _noise_facts(noises) -> list[dict]:
    return [n.to_dict() for n in noises]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_a_noise_forecast_changes_nothing_and_is_what_then_happens(command_seed, world_seed):
    world = scenario_world(world_seed)
    for command in random_commands(command_seed, 60, world):
        before = world.state_hash()
        forecast = noise_forecast(world, command)
        assert world.state_hash() == before, f"forecasting {command} changed the world"
        known = {id(n) for n in world.noises}
        result = world.apply(command)
        made = [n for n in world.noises if id(n) not in known]
        if result:
            assert _noise_facts(forecast) == _noise_facts(made), command
        else:
            assert forecast == [] and made == []


def test_guard_intents_are_what_the_guards_then_do():
    world = scenario_world(3)
    for _ in range(6):
        before = world.state_hash()
        intents = guard_intents(world)
        assert world.state_hash() == before
        world.apply(EndTurn())
        for gid, intent in intents.items():
            guard = world.units[gid]
            assert intent.path[-1] == guard.cell, guard.name
            assert intent.facing is guard.facing and intent.state is guard.state


def test_the_drill_forecast_names_who_would_hear_the_plaster():
    world = jeweler()
    mario, concierge = world.unit_named("Mario"), world.unit_named("Concierge")
    place(world, "Mario", Cell(1, 5, 4))
    world.apply(Drill(mario.id, HOLE))
    world.apply(EndTurn())
    forecast = noise_forecast(world, Drill(mario.id, HOLE))
    plaster = [n for n in forecast if n.kind == "plaster"]
    assert plaster and concierge.id in plaster[0].heard_by
    sensor = next(world.devices_in_order("sensor"))
    assert sensor.id in plaster[0].heard_by
    assert not world.noises or all(n.kind != "plaster" for n in world.noises)


def test_watched_cells_are_pure_and_cover_the_union():
    world = scenario_world(5)
    before = world.state_hash()
    masks = watched_cells(world)
    assert world.state_hash() == before
    union = watched_by_anyone(world)
    combined = np.zeros_like(union)
    for mask in masks.values():
        combined |= mask
    assert (combined == union).all()
    assert world.apply(Move(world.unit_named("Tony").id, Cell(0, 2, 1)))
