"""Noise: how far it carries through air, doors, walls and floors, and who hears it."""

from __future__ import annotations

from rules_worlds import HOLE, SECOND, drill_through, jeweler, place

from game.asciiworld import build_world
from game.sim import Cell, EndTurn, GuardState, Move, OpenDoor, Shoot, noise_reach


def test_drilling_under_an_umbrella_does_not_wake_the_concierge():
    world = jeweler()
    mario, concierge = world.unit_named("Mario"), world.unit_named("Concierge")
    place(world, "Mario", Cell(1, 5, 4))
    drill_through(world, mario.id, HOLE, umbrella=True)
    assert concierge.state is GuardState.SLEEPING
    assert all(concierge.id not in n.heard_by for n in world.noises)
    kinds = {n.kind for n in world.noises}
    assert "plaster_caught" in kinds and "plaster" not in kinds


def test_drilling_without_the_umbrella_wakes_him_a_floor_below_and_two_rooms_away():
    world = jeweler()
    mario, concierge = world.unit_named("Mario"), world.unit_named("Concierge")
    place(world, "Mario", Cell(1, 5, 4))
    drill_through(world, mario.id, HOLE, umbrella=False)
    assert concierge.state is not GuardState.SLEEPING
    woke = [e for e in world.events if e.kind == "guard_woke"]
    assert woke and woke[0].data["guard"] == concierge.id
    plaster = [n for n in world.noises if n.kind == "plaster"]
    assert plaster and plaster[0].cell == Cell(0, HOLE.x, HOLE.y)


def test_the_first_turn_of_the_drill_bores_a_pilot_hole_without_plaster():
    world = jeweler()
    mario = world.unit_named("Mario")
    place(world, "Mario", Cell(1, 4, 4))
    from game.sim import Drill

    assert world.apply(Drill(mario.id, SECOND))
    assert [n.kind for n in world.noises] == ["drill"]
    assert world.noises[0].heard_by == {}  # through the floor, nobody below hears the drill


def test_noise_costs_air_doors_walls_and_floors():
    world = build_world(
        """
        ##############
        #....+....#..#
        ##############
        """,
        """
        ##############
        #............#
        ##############
        """,
    )
    rules = world.rules.terrain
    levels = noise_reach(world, Cell(0, 1, 1), 40)
    assert levels[0, 1, 4] == 40 - 3 * rules.air_attenuation
    assert levels[0, 1, 6] == 40 - 3 - rules.door_attenuation - 1  # through the shut door
    assert levels[0, 1, 11] == levels[0, 1, 9] - 12 - 1  # the wall at x=10 costs 12
    assert levels[1, 1, 1] == 40 - world.terrain.floor_attenuation[1, 1, 1]
    world.doors[min(world.doors)].open = True
    assert noise_reach(world, Cell(0, 1, 1), 40)[0, 1, 6] == 40 - 5  # open: like air


def test_a_drilled_hole_lets_noise_through_almost_freely():
    world = build_world("#####\n#...#\n#####", "#####\n#._.#\n#####")
    hole = Cell(1, 2, 1)
    before = noise_reach(world, hole, 40)[0, 1, 2]
    world.set_map("holes", hole, True)
    after = noise_reach(world, hole, 40)[0, 1, 2]
    assert before == 40 - 30 and after == 40 - world.rules.terrain.hole_attenuation


_BEDROOM = """
#########
#.......#
#.T.....#
#...S...#
#.......#
#########
"""


def _woke(world, guard) -> bool:
    return any(e.kind == "guard_woke" and e.data["guard"] == guard.id for e in world.events)


def _walk_row(world, unit, y: int, sneak: bool = False) -> None:
    """Step by step along row ``y`` from column 2 to 6 (the sleeper lies at (4, 3))."""
    if unit.cell != Cell(0, 2, y):
        assert world.apply(Move(unit.id, Cell(0, 2, y)))
    for x in range(3, 7):
        assert world.apply(Move(unit.id, Cell(0, x, y), sneak=sneak)), (x, y)


def test_walking_right_past_a_sleeper_wakes_him_sneaking_does_not():
    for sneak, wakes in ((False, True), (True, False)):
        world = build_world(_BEDROOM)
        tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
        _walk_row(world, tony, 2, sneak)  # past (4, 2), right beside the bed: 4 - 1 = 3
        assert _woke(world, concierge) is wakes, sneak
        assert (concierge.state is GuardState.SLEEPING) is not wakes


def test_a_sleepers_wake_level_comes_from_the_map():
    for wake, wakes in ((0, False), (2, True)):  # a row further off: a footstep is 4 - 2
        world = build_world(_BEDROOM, traits={"Concierge": {"wake": wake}})
        tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
        _walk_row(world, tony, 1)
        assert _woke(world, concierge) is wakes, wake
    heavy = build_world(_BEDROOM, traits={"Concierge": {"wake": 9}})
    tony, concierge = heavy.unit_named("Tony"), heavy.unit_named("Concierge")
    _walk_row(heavy, tony, 2)  # right past her (3): the heavy sleeper sleeps on
    assert concierge.state is GuardState.SLEEPING


def test_a_door_opened_beside_a_sleeper_does_not_wake_him():
    world = build_world(
        """
        ###########
        #T..+S....#
        ###########
        """
    )
    tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
    assert world.apply(Move(tony.id, Cell(0, 3, 1)))
    door = world.door_at(Cell(0, 4, 1))
    assert door is not None and world.apply(OpenDoor(tony.id, door.id))
    assert concierge.state is GuardState.SLEEPING  # the door (3) is 2 at her bed


def test_a_gunshot_brings_every_guard_on_the_floor():
    world = build_world(
        """
        #####################
        #T..G#.....#.....G..#
        #....+..G..+........#
        #....#.....#...G....#
        #####################
        #.........G.........#
        #####################
        """,
        traits={"Tony": {"items": ["gun"]}},
    )
    tony = world.unit_named("Tony")
    target = world.unit_named("Guard 1")
    others = [g for g in world.guards() if g.id != target.id]
    assert world.apply(Shoot(tony.id, target.id))
    assert target.status.value == "dead" and world.stats["kills"] == 1
    shot = next(n for n in world.noises if n.kind == "shot")
    assert {g.id for g in others} <= set(shot.heard_by)
    assert all(g.state is GuardState.ALERTED for g in others)
    assert world.alarm.called
    start = {g.id: g.cell for g in others}
    world.apply(EndTurn())
    in_the_rooms = [g for g in others if g.cell.y <= 3]  # the corridor below is walled off
    assert len(in_the_rooms) == 3
    for g in in_the_rooms:
        assert g.cell.x < start[g.id].x or tony.status.value != "active", g.name


def test_guards_ignore_the_doors_their_colleagues_open():
    world = build_world(
        """
        ###########
        #G..+.G...#
        ###########
        #T........#
        ###########
        """,
        routes={"Guard 1": [(0, 1, 1), (0, 5, 1)]},
    )
    other = world.unit_named("Guard 2")
    world.apply(EndTurn())
    door_noises = [n for n in world.noises if n.kind == "door"]
    assert door_noises and all(other.id in n.heard_by for n in door_noises)
    assert other.state is GuardState.STANDING
