"""Telegraphed danger: before a move or an action, the screen says who would hear it and
what each would do, which path cells a seen guard watches, and where a move would stop;
guards the crew cannot see are neither named nor hinted at."""

from __future__ import annotations

from dataclasses import replace

from ui_helpers import guarded

from game.asciiworld import build_world
from game.sim import Cell, Move, hearing
from game.ui.render.knowledge import derive, forecast
from game.ui.scenes.preview import preview_move
from game.ui.telegraph import reactions

ROOM_WITH_SLEEPER = "#######\n#T..S.#\n#######"


def _hear(world):
    return lambda command: forecast(world, command)


def test_a_step_beside_a_sleeper_says_her_wake_level_and_that_she_wakes():
    world = build_world(ROOM_WITH_SLEEPER)
    tony, sleeper = world.unit_named("Tony"), world.unit_named("Concierge")
    knowledge = derive(world, 0)
    walk = preview_move(world, knowledge, tony.id, Cell(0, 3, 1), False, _hear(world))
    [reaction] = walk.reactions
    wake = hearing.guard_threshold(world, sleeper)
    assert reaction.line.startswith(f"Concierge: hears it at {walk.heard[sleeper.id]}")
    assert f"(wakes at {wake})" in reaction.line
    assert reaction.does.startswith("wakes")
    sneak = preview_move(world, knowledge, tony.id, Cell(0, 3, 1), True, _hear(world))
    assert sneak.reactions == []  # sneaking there wakes nobody, and the screen says so


def test_a_listener_the_crew_cannot_see_is_left_out():
    world = build_world(ROOM_WITH_SLEEPER)
    tony, sleeper = world.unit_named("Tony"), world.unit_named("Concierge")
    knowledge = derive(world, 0)
    knowledge.crew_sees[sleeper.cell.index] = False  # as if she slept behind a wall
    walk = preview_move(world, knowledge, tony.id, Cell(0, 3, 1), False, _hear(world))
    assert sleeper.id in walk.heard  # the rules know she would hear it...
    assert walk.reactions == []  # ...the screen does not tell of her
    assert walk.stop is None  # nor of the sighting that would cut the move short


def test_a_path_across_a_guards_view_is_marked_and_stops_where_he_would_see():
    world = guarded()
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    knowledge = derive(world, 0)
    goal = Cell(0, 3, 3)
    walk = preview_move(world, knowledge, tony.id, goal, False, _hear(world))
    assert walk.watchers and all(w.guards == ("Guard 1",) for w in walk.watchers)
    assert walk.stop is not None and walk.stop.cell != goal
    assert walk.stop.cell in walk.path
    assert "Guard 1 would see Tony" in walk.stop.why
    world.apply(Move(tony.id, goal))  # and that is what happens
    assert tony.cell == walk.stop.cell
    assert guard.state.value == "alerted"


def test_a_step_beside_a_touchy_sensor_says_it_trips_the_bell():
    world = build_world("#########\n#T..V.B.#\n#.......#\n#########")
    bell = next(world.devices_in_order("bell"))
    sensor = next(world.devices_in_order("sensor"))
    sensor.traits = replace(sensor.traits, bell=bell.id, threshold=2)
    knowledge = derive(world, 0)
    found = forecast(world, Move(world.unit_named("Tony").id, Cell(0, 3, 1)))
    [reaction] = [r for r in reactions(world, knowledge, found) if r.listener == sensor.id]
    assert reaction.verb == "trips" and reaction.threshold == 2
    assert reaction.does == "trips the bell"
    assert "(trips at 2), trips the bell" in reaction.line
