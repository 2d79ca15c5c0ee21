"""Sight: cones, walls, windows, darkness, and being spotted in the middle of a move."""

from __future__ import annotations

from rules_worlds import place

from game.asciiworld import build_world
from game.sim import Cell, Facing, GuardState, Move, OpenDoor, watched_cells
from game.sim.vision import sees


def test_the_police_see_through_the_shop_window_but_not_through_the_wall():
    world = build_world(
        """
        ::::P::::P:::::
        ####=##########
        #......#..#...#
        #......+..+...#
        #T.....#J.#...#
        ###############
        """,
        facing={"Policeman": Facing.S},
    )
    police = [g for g in world.guards() if g.role == "police"]
    at_window, at_wall = sorted(police, key=lambda g: g.cell.x)
    assert sees(world, at_window, Cell(0, 4, 3))  # inside the shop, through the glass
    assert not sees(world, at_wall, Cell(0, 8, 3))  # the back room, behind brick
    tony = world.unit_named("Tony")
    result = world.apply(Move(tony.id, Cell(0, 6, 4)))
    assert result
    assert tony.cell == Cell(0, 4, 4) or tony.cell.x < 6  # stopped where he was seen
    assert any(e.kind == "spotted" for e in result.events)
    assert at_window.state is GuardState.ALERTED


def test_a_guard_sees_a_cone_ahead_and_not_behind():
    world = build_world(
        """
        #############
        #...........#
        #.....G.....#
        #...........#
        #############
        """,
        facing={"Guard 1": Facing.E},
    )
    guard = world.unit_named("Guard 1")
    assert sees(world, guard, Cell(0, 10, 2))
    assert sees(world, guard, Cell(0, 9, 1))  # within 45 degrees
    assert not sees(world, guard, Cell(0, 2, 2))  # behind
    assert sees(world, guard, Cell(0, 6, 1))  # right beside him
    assert not sees(world, guard, Cell(0, 5, 1))  # beside and behind: a blind spot


def test_darkness_shortens_sight():
    world = build_world(
        """
        ##############
        #G...........#
        #G,,,,,,,,,,,#
        ##############
        """,
        facing={"Guard 1": Facing.E, "Guard 2": Facing.E},
    )
    lit, dark = world.unit_named("Guard 1"), world.unit_named("Guard 2")
    far = world.rules.vision.range_lit
    near = world.rules.vision.range_unlit
    assert sees(world, lit, Cell(0, 1 + far, 1))
    assert sees(world, dark, Cell(0, 1 + near, 2))
    assert not sees(world, dark, Cell(0, 2 + near, 2))


def test_a_shut_door_blocks_sight_and_an_open_one_does_not():
    world = build_world(
        """
        ###########
        #G...+..T.#
        ###########
        """,
        facing={"Guard 1": Facing.E},
    )
    guard, tony = world.unit_named("Guard 1"), world.unit_named("Tony")
    assert not sees(world, guard, Cell(0, 7, 1))
    door = world.door_at(Cell(0, 5, 1))
    place(world, "Tony", Cell(0, 6, 1))
    result = world.apply(OpenDoor(tony.id, door.id))
    assert result and sees(world, guard, Cell(0, 6, 1))


def test_walking_into_view_stops_the_move_there_and_alerts_the_guard():
    world = build_world(
        """
        ##############
        #T...........#
        ######.#######
        #.....G......#
        ##############
        """,
        facing={"Guard 1": Facing.N},
    )
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    assert world.apply(Move(tony.id, Cell(0, 8, 1)))
    assert tony.cell.x <= 7  # the guard looks up the gap at x=6
    assert guard.state is GuardState.ALERTED
    assert tony.ap > 0
    assert world.alarm.called


def test_watched_cells_are_what_the_guard_sees():
    world = build_world(
        """
        #########
        #...G...#
        #...#...#
        #########
        """,
        facing={"Guard 1": Facing.S},
    )
    guard = world.unit_named("Guard 1")
    masks = watched_cells(world)
    mask = masks[guard.id]
    for f, y, x in zip(*mask.nonzero(), strict=True):
        assert sees(world, guard, Cell(int(f), int(x), int(y)))
    assert mask[0, 1, 5] and mask[0, 1, 3]  # both sides of him (he faces south)
    assert not mask[0, 2, 2]  # not round the corner of the pillar
