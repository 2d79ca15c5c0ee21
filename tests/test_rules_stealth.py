"""The price of carelessness: lockpicks, civilians who scream, reaction fire, the police."""

from __future__ import annotations

from game.asciiworld import LEGEND, Glyph, build_world
from game.sim import (
    Cell,
    EndTurn,
    Facing,
    GuardState,
    MissionInfo,
    Move,
    OpenDoor,
    PickLock,
    Shoot,
    Status,
)
from game.sim.entities import AlarmState


def test_picking_a_lock_needs_a_lockpick_in_the_kit():
    plan = "#######\n#.TL..#\n#######"
    world = build_world(plan, traits={"Tony": {"items": ["rope"]}})
    tony, door = world.unit_named("Tony"), world.door_at(Cell(0, 3, 1))
    assert door is not None
    before = world.state_hash()
    result = world.apply(PickLock(tony.id, door.id))
    assert not result and result.reason == "Tony needs a lockpick for picking a lock."
    assert world.state_hash() == before
    armed = build_world(plan, traits={"Tony": {"items": ["lockpick"]}})
    assert armed.apply(PickLock(armed.unit_named("Tony").id, door.id))


def test_a_woken_civilian_screams_calls_the_police_and_flees_but_catches_nobody():
    world = build_world("############\n#T.S.......#\n############")
    tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
    assert world.apply(Move(tony.id, Cell(0, 2, 1)))  # a footstep beside her bed
    assert concierge.state is GuardState.ALERTED
    assert any(n.kind == "scream" for n in world.noises)
    assert world.alarm.police_turn is not None
    assert any(e.kind == "civilian_alarm" for e in world.events)
    world.apply(EndTurn())
    assert tony.status is Status.ACTIVE  # she stood right beside him and did not catch him
    assert concierge.cell is not None and concierge.cell.x > 3  # she ran off
    assert not any(e.kind == "caught" for e in world.events)


def test_an_armed_alerted_guard_fires_at_once_at_a_crew_member_moving_in_view():
    world = build_world(
        "##########\n#T.....R.#\n##########",
        facing={"Gangster 1": Facing.W},
        traits={"Tony": {"items": ["gun"]}},
    )
    tony, gangster = world.unit_named("Tony"), world.unit_named("Gangster 1")
    gangster.state = GuardState.ALERTED
    hp = tony.hp
    world.apply(Move(tony.id, Cell(0, 4, 1)))
    assert tony.hp == hp - world.rules.shoot.damage  # shot in the player's turn
    assert tony.cell == Cell(0, 2, 1)  # the move stopped at the first step
    assert any(e.kind == "reaction_fire" for e in world.events)


def test_an_unaware_guard_can_still_be_shot_first():
    world = build_world(
        "##########\n#T.....R.#\n##########",
        facing={"Gangster 1": Facing.E},
        traits={"Tony": {"items": ["gun"]}},
    )
    tony, gangster = world.unit_named("Tony"), world.unit_named("Gangster 1")
    hp = tony.hp
    assert world.apply(Shoot(tony.id, gangster.id))
    assert gangster.status is Status.DEAD and tony.hp == hp


def test_police_who_search_the_grounds_find_crew_outdoors():
    plan = "#######\n#:t:::#\n#######"
    outdoors = {"t": Glyph(LEGEND[":"].tile, "crew:Tony")}  # Tony on the lawn
    for grounds, lost in ((True, True), (False, False)):
        mission = MissionInfo(police_search_grounds=grounds)
        world = build_world(plan, mission=mission, legend=outdoors)
        world.alarm = AlarmState(raised=1, police_turn=1, why="test")
        world.apply(EndTurn())
        assert (world.outcome.status == "lost") is lost
        if lost:
            assert world.outcome.reason == "the police arrived with Tony on the grounds"


def test_acting_in_an_alerted_gunmans_view_draws_fire_too():
    world = build_world(
        "##########\n#T+....R.#\n##########",
        facing={"Gangster 1": Facing.W},
    )
    tony, gangster = world.unit_named("Tony"), world.unit_named("Gangster 1")
    gangster.state = GuardState.ALERTED
    door = world.door_at(Cell(0, 2, 1))
    assert door is not None and world.apply(OpenDoor(tony.id, door.id))
    assert tony.hp == world.rules.crew.max_hp - world.rules.shoot.damage


def test_a_gunman_who_only_now_spots_the_mover_shouts_first():
    world = build_world(
        "##########\n#T.....R.#\n##########",
        facing={"Gangster 1": Facing.W},
    )
    tony, gangster = world.unit_named("Tony"), world.unit_named("Gangster 1")
    world.apply(Move(tony.id, Cell(0, 2, 1)))
    assert gangster.state is GuardState.ALERTED
    assert tony.hp == world.rules.crew.max_hp  # spotted, not yet shot
    world.apply(Move(tony.id, Cell(0, 3, 1)))
    assert tony.hp < world.rules.crew.max_hp  # the next step in his view is answered
