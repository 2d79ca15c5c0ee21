"""Moving, doors, stairs and AP, on small ASCII worlds."""

from __future__ import annotations

from game.asciiworld import build_world
from game.sim import Cell, CloseDoor, EndTurn, Facing, Move, OpenDoor, PickLock, Wait

CORRIDOR = """
    ##########
    #T.......#
    ####+#####
    #....L...#
    ##########
"""


def test_walking_spends_one_ap_per_cell_and_turns_the_walker():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    assert world.apply(Move(tony.id, Cell(0, 4, 1)))
    assert tony.cell == Cell(0, 4, 1)
    assert tony.ap == tony.max_ap - 3
    assert tony.facing is Facing.E


def test_sneaking_costs_twice_as_much_and_is_quieter():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    world.apply(Move(tony.id, Cell(0, 3, 1), sneak=True))
    assert tony.ap == tony.max_ap - 4
    assert {n.loudness for n in world.noises} == {world.rules.move.sneak_loudness}


def test_a_move_beyond_the_ap_left_is_refused_and_changes_nothing():
    world = build_world(CORRIDOR, rules=None)
    tony = world.unit_named("Tony")
    before = world.state_hash()
    result = world.apply(Move(tony.id, Cell(0, 8, 1), sneak=True))
    assert not result
    assert "too far" in result.reason or "AP" in result.reason
    assert world.state_hash() == before


def test_walls_stop_movement_with_a_reason():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    result = world.apply(Move(tony.id, Cell(0, 0, 1)))
    assert not result and result.reason == "Nobody can stand there."


def test_a_closed_door_must_be_opened_first():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    world.apply(Move(tony.id, Cell(0, 4, 1)))
    refused = world.apply(Move(tony.id, Cell(0, 4, 3)))
    assert not refused and "closed door" in refused.reason
    door = world.door_at(Cell(0, 4, 2))
    assert world.apply(OpenDoor(tony.id, door.id))
    assert world.apply(Move(tony.id, Cell(0, 4, 3)))
    assert world.noises[-2].kind == "door" or any(n.kind == "door" for n in world.noises)


def test_doors_open_only_from_next_to_them_and_close_only_when_empty():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    door = world.door_at(Cell(0, 4, 2))
    far = world.apply(OpenDoor(tony.id, door.id))
    assert not far and "next to the door" in far.reason
    world.apply(Move(tony.id, Cell(0, 4, 1)))
    world.apply(OpenDoor(tony.id, door.id))
    world.apply(Move(tony.id, Cell(0, 4, 2)))
    blocked = world.apply(CloseDoor(tony.id, door.id))
    assert not blocked and "doorway" in blocked.reason


def test_a_locked_door_opens_after_enough_picking():
    world = build_world(CORRIDOR, rules=None)
    tony = world.unit_named("Tony")
    tony_cell = Cell(0, 4, 3)
    world.move_unit(tony, tony_cell)
    lock = world.door_at(Cell(0, 5, 3))
    assert "locked" in world.apply(OpenDoor(tony.id, lock.id)).reason
    attempts = 0
    while lock.locked:
        if not world.apply(PickLock(tony.id, lock.id)):
            world.apply(EndTurn())
        attempts += 1
        assert attempts < 10
    assert world.apply(OpenDoor(tony.id, lock.id))


def test_stairs_lead_to_the_floor_above_and_cost_extra():
    world = build_world(
        """
        #####
        #T.>#
        #####
        """,
        """
        #####
        #..<#
        #####
        """,
    )
    tony = world.unit_named("Tony")
    assert world.apply(Move(tony.id, Cell(1, 1, 1)))
    assert tony.cell == Cell(1, 1, 1)
    rules = world.rules.move
    assert tony.ap == tony.max_ap - (5 * rules.walk_ap + rules.stairs_extra_ap)  # 2 + climb + 2


def test_units_block_cells():
    world = build_world("#####\n#TJ.#\n#####")
    tony, jo = world.unit_named("Tony"), world.unit_named("Jo")
    result = world.apply(Move(tony.id, jo.cell))
    assert not result and result.reason == "Jo is there."


def test_waiting_gives_up_the_remaining_ap():
    world = build_world(CORRIDOR)
    tony = world.unit_named("Tony")
    assert world.apply(Wait(tony.id))
    assert tony.ap == 0
    assert not world.apply(Move(tony.id, Cell(0, 2, 1)))


def test_guards_cannot_be_ordered_about():
    world = build_world("######\n#T..G#\n######")
    guard = world.unit_named("Guard 1")
    result = world.apply(Move(guard.id, Cell(0, 3, 1)))
    assert not result and "not one of the crew" in result.reason
