"""The turn cycle: the world's turn, the clock, patrols, objectives and the deadline."""

from __future__ import annotations

from game.asciiworld import build_world
from game.sim import Cell, EndTurn, MissionInfo, Move, Status
from game.sim.patrol import patrol_loop

ROOM = """
    #########
    #T......#
    #.......#
    #......E#
    #########
"""


def test_end_of_turn_advances_the_clock_and_refills_ap():
    world = build_world(ROOM)
    tony = world.unit_named("Tony")
    world.apply(Move(tony.id, Cell(0, 3, 1)))
    start = world.clock
    world.apply(EndTurn())
    assert world.turn == 2
    assert world.clock == start + world.rules.clock.minutes_per_turn
    assert tony.ap == tony.max_ap


def test_crew_on_the_exit_leave_and_the_mission_is_won():
    world = build_world(ROOM)
    tony = world.unit_named("Tony")
    world.apply(Move(tony.id, Cell(0, 7, 2)))
    world.apply(EndTurn())
    assert world.outcome.status == "ongoing"
    world.apply(Move(tony.id, Cell(0, 7, 3)))
    world.apply(EndTurn())
    assert tony.status is Status.ESCAPED and tony.cell is None
    assert world.outcome.status == "won"
    assert not world.apply(EndTurn())


def test_passing_the_deadline_loses():
    mission = MissionInfo(start_minutes=6 * 60, deadline_minutes=6 * 60 + 10)
    world = build_world(ROOM, mission=mission)
    for _ in range(3):
        world.apply(EndTurn())
    assert world.outcome.status == "lost"
    assert "deadline" in world.outcome.reason


def test_a_patrolling_guard_walks_its_round_and_comes_back():
    world = build_world(
        """
        ##########
        #G.......#
        #........#
        ##########
        #T.......#
        ##########
        """,
        routes={"Guard 1": [(0, 1, 1), (0, 8, 1)]},
    )
    guard = world.unit_named("Guard 1")
    steps = world.rules.guards.steps_per_turn
    world.apply(EndTurn())
    assert guard.cell == Cell(0, 1 + steps, 1)
    seen = {guard.cell}
    for _ in range(20):
        world.apply(EndTurn())
        seen.add(guard.cell)
    assert Cell(0, 8, 1) in seen and Cell(0, 1, 1) in seen


def test_a_patrolling_guard_opens_doors_on_its_way():
    world = build_world(
        """
        #########
        #G..+...#
        #########
        #T......#
        #########
        """,
        routes={"Guard 1": [(0, 1, 1), (0, 7, 1)]},
    )
    door = world.door_at(Cell(0, 4, 1))
    for _ in range(3):
        world.apply(EndTurn())
    assert door.open
    assert world.unit_named("Guard 1").cell.x > 4


def test_a_patrol_round_does_not_depend_on_when_it_is_first_worked_out():
    """A forecast on hover may work the round out before a lock is picked, a replay after."""
    art = """
        #########
        #G..L..T#
        #.#####.#
        #.......#
        #########
    """
    routes = {"Guard 1": [(0, 1, 1), (0, 6, 1)]}
    early = build_world(art, routes=routes)
    early_loop = patrol_loop(early, early.unit_named("Guard 1"))
    late = build_world(art, routes=routes)
    late.door_at(Cell(0, 4, 1)).locked = False
    assert patrol_loop(late, late.unit_named("Guard 1")) == early_loop


def test_the_mission_is_lost_when_the_clock_reaches_the_deadline():
    """The jeweler opens at 07:30: at 07:30 the crew is too late, not five minutes after."""
    from game.asciiworld import build_world
    from game.sim import EndTurn, MissionInfo

    step = 5  # minutes a turn
    mission = MissionInfo(name="late", start_minutes=7 * 60 + 20, deadline_minutes=7 * 60 + 30)
    world = build_world("#######\n#T...E#\n#######", mission=mission)
    assert world.rules.clock.minutes_per_turn == step
    world.apply(EndTurn())  # 07:25
    assert world.outcome.status == "ongoing"
    world.apply(EndTurn())  # 07:30
    assert world.outcome.status == "lost" and "deadline" in world.outcome.reason
