"""Noise: how far it carries through air, doors, walls and floors, and who hears it."""

from __future__ import annotations

from rules_worlds import HOLE, SECOND, drill_through, jeweler, place

from game.asciiworld import build_world
from game.sim import Cell, EndTurn, GuardState, Move, Shoot, noise_reach


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


def test_footsteps_next_to_a_sleeper_do_not_wake_him_but_are_noted_by_a_guard():
    world = build_world(
        """
        ###########
        #T..S...G.#
        ###########
        """,
        facing={"Guard 1": __import__("game.sim", fromlist=["Facing"]).Facing.E},
    )
    tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
    assert world.apply(Move(tony.id, Cell(0, 3, 1)))
    assert concierge.state is GuardState.SLEEPING
    heard = [n for n in world.noises if concierge.id in n.heard_by]
    assert heard == []


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
    assert "police_turn" in world.alarm
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
