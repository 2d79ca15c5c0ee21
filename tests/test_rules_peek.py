"""Peeking: through a closed door or round a corner, 1 AP, silent, the guards beyond named,
nothing in the world changed, and it cannot be undone (it revealed something)."""

from __future__ import annotations

from game.asciiworld import build_world
from game.replay import GameSession
from game.sim import Cell, Peek, candidates, vision
from game.sim.actions.peek import PEEK_AP

BEHIND_A_DOOR = """
#########
#T+..G..#
#########
"""

ROUND_A_CORNER = """
#########
#T#######
#......G#
#########
"""


def test_a_peek_through_a_closed_door_sees_the_guard_beyond_and_changes_nothing():
    world = build_world(BEHIND_A_DOOR)
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    door = world.door_at(Cell(0, 2, 1))
    assert guard.id not in vision.guards_in_view(world)  # the door hides him
    before = {k: v for k, v in world.part_hashes().items() if k != "units"}
    result = world.apply(Peek(tony.id, door.cell))
    assert result, result.reason
    [event] = [e for e in result.events if e.kind == "peeked"]
    assert event.data["guards"] == [guard.id] and event.data["reveals"] is True
    assert "Guard 1" in event.text
    assert tony.ap == tony.max_ap - PEEK_AP
    assert not door.open and not world.noises  # silent, and the door stays shut
    after = {k: v for k, v in world.part_hashes().items() if k != "units"}
    assert after == before


def test_peeking_round_a_corner_looks_from_the_cell_next_door():
    world = build_world(ROUND_A_CORNER)
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    assert guard.id not in vision.guards_in_view(world)
    looks = candidates(world, tony)
    corner = Peek(tony.id, Cell(0, 1, 2))
    assert corner in looks
    result = world.apply(corner)
    assert result and result.events[-1].data["guards"] == [guard.id]
    assert tony.cell == Cell(0, 1, 1)  # he leaned out and back: nobody moved
    assert world.check(Peek(tony.id, Cell(0, 2, 1))) == (
        "There is a wall there; peek through a closed door or round a corner."
    )
    assert world.check(Peek(tony.id, Cell(0, 3, 2))) is not None  # not next to him


def test_a_peek_cannot_be_undone_and_needs_its_ap():
    world = build_world(BEHIND_A_DOOR)
    tony = world.unit_named("Tony")
    session = GameSession.unrecorded(world)
    assert session.apply(Peek(tony.id, Cell(0, 2, 1)))
    assert session.undo_reason().startswith("That cannot be undone: it revealed something")
    tony.ap = 0
    assert "AP" in (world.check(Peek(tony.id, Cell(0, 2, 1))) or "")
