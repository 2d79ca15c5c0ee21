"""Coming to see a guard is news: a ``guard_sighted`` event, once per guard and turn, that
undo treats as revealing and that leaves the state hash alone."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sim_scenarios import random_commands, scenario_world

from game.asciiworld import build_world
from game.replay import AsciiSource, GameSession
from game.replay.reveal import event_reveals
from game.sim import Cell, CloseDoor, EndTurn, Move, OpenDoor, vision

# Tony's room, a shut door, and the concierge asleep at the end of the corridor (a sleeper
# hears nothing as quiet as a door, and sees nothing).
HALL = """
    ###########
    #T..+....S#
    ###########
"""
DOOR = Cell(0, 4, 1)


def _sightings(events) -> list:
    return [e for e in events if e.kind == "guard_sighted"]


def test_opening_the_door_reveals_the_concierge_once_a_turn():
    world = build_world(HALL)
    tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
    door = world.door_at(DOOR).id
    assert not _sightings(world.apply(Move(tony.id, Cell(0, 3, 1))).events)
    opened = world.apply(OpenDoor(tony.id, door))
    [event] = _sightings(opened.events)
    assert event.data == {"reveals": True, "guard": concierge.id, "unit": tony.id}
    assert event.cell == concierge.cell and event_reveals(event)
    assert not _sightings(world.apply(CloseDoor(tony.id, door)).events)
    assert not _sightings(world.apply(OpenDoor(tony.id, door)).events)  # seen this turn
    assert not _sightings(world.apply(EndTurn()).events)  # still in view: nothing new
    assert not _sightings(world.apply(CloseDoor(tony.id, door)).events)
    assert _sightings(world.apply(OpenDoor(tony.id, door)).events)  # a new turn


def test_a_sighting_leaves_the_state_hash_alone():
    world = build_world(HALL)
    tony = world.unit_named("Tony")
    world.apply(Move(tony.id, Cell(0, 3, 1)))
    quiet = world.fork()
    world.apply(OpenDoor(tony.id, world.door_at(DOOR).id))
    assert _sightings(world.events)
    quiet.apply(OpenDoor(tony.id, quiet.door_at(DOOR).id))
    quiet.events = [e for e in quiet.events if e.kind != "guard_sighted"]
    assert quiet.state_hash() == world.state_hash()


def test_undo_refuses_the_command_that_showed_a_guard():
    session = GameSession.start(AsciiSource([HALL], name="hall"), record=False)
    tony = session.world.unit_named("Tony").id
    session.apply(Move(tony, Cell(0, 3, 1)))
    session.apply(OpenDoor(tony, session.world.door_at(DOOR).id))
    assert "it revealed something (Tony sees Concierge.)" in session.undo_reason()
    assert session.undo() is not None
    session.apply(CloseDoor(tony, session.world.door_at(DOOR).id))
    assert session.undo() is None  # hiding him again shows nothing new
    session.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_guards_in_view_are_the_guards_on_visible_cells(command_seed, world_seed):
    world = scenario_world(world_seed)
    for command in random_commands(command_seed, 60, world):
        before = vision.guards_in_view(world)
        result = world.apply(command)
        seen = vision.guards_in_view(world)
        mask = vision.visible_to_crew(world)
        on_map = [g for g in world.guards() if g.cell is not None]
        assert set(seen) == {g.id for g in on_map if mask[g.cell.index]}
        sighted = {e.data["guard"] for e in _sightings(result.events)}
        assert sighted <= set(seen) - set(before)
        for unit_id in seen.values():
            assert world.units[unit_id].is_crew
    assert isinstance(mask, np.ndarray)
