"""Guards: knockouts, suspicion and search, the chase, bodies, shooting, the police."""

from __future__ import annotations

from rules_worlds import place

from game.asciiworld import build_world
from game.sim import Cell, EndTurn, Facing, GuardState, KnockOut, Move, Status
from game.sim.entities import AlarmState

CORRIDOR = """
    ##############
    #T..G........#
    ##############
"""


def test_a_knocked_out_guard_wakes_suspicious_after_n_turns():
    world = build_world(CORRIDOR, facing={"Guard 1": Facing.E})
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    assert world.apply(Move(tony.id, Cell(0, 3, 1), sneak=True))
    assert guard.state is GuardState.STANDING  # sneaking up from behind: nothing heard
    assert world.apply(KnockOut(tony.id, guard.id))
    assert guard.status is Status.KNOCKED_OUT and world.stats["knockouts"] == 1
    place(world, "Tony", Cell(0, 1, 1))
    turns = world.rules.guard_states.knockout_turns
    for _ in range(turns - 1):
        world.apply(EndTurn())
        assert guard.status is Status.KNOCKED_OUT
    world.apply(EndTurn())
    assert guard.status is Status.ACTIVE
    assert guard.state is GuardState.SUSPICIOUS
    assert any(e.kind == "came_to" for e in world.events)


def test_a_guard_who_would_see_you_coming_cannot_be_knocked_out():
    world = build_world(CORRIDOR, facing={"Guard 1": Facing.W})
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    place(world, "Tony", Cell(0, 3, 1))
    before = world.state_hash()
    result = world.apply(KnockOut(tony.id, guard.id))
    assert not result and "would see" in result.reason
    assert world.state_hash() == before


def test_a_sleeper_can_be_knocked_out_from_any_side():
    world = build_world("#######\n#T.S..#\n#######")
    tony, concierge = world.unit_named("Tony"), world.unit_named("Concierge")
    assert world.apply(Move(tony.id, Cell(0, 2, 1), sneak=True))
    assert world.apply(KnockOut(tony.id, concierge.id))


def test_a_suspicious_guard_goes_to_look_searches_and_returns_to_his_round():
    world = build_world(
        """
        ################
        #G.............#
        #..............#
        ########+#######
        #T+............#
        ################
        """,
        routes={"Guard 1": [(0, 1, 1), (0, 4, 1)]},
    )
    tony, guard = world.unit_named("Tony"), world.unit_named("Guard 1")
    world.apply(EndTurn())
    noise = world.emit_noise(Cell(0, 8, 4), 20, "clatter", tony.id)  # something falls over
    assert guard.id in noise.heard_by
    assert guard.state is GuardState.SUSPICIOUS
    assert guard.mind.target == Cell(0, 8, 4)
    world.apply(EndTurn())
    assert guard.cell.x > 4  # off his round, on his way to look
    states = []
    for _ in range(15):
        world.apply(EndTurn())
        states.append(guard.state)
        if guard.state is GuardState.PATROL:
            break
    assert guard.state is GuardState.PATROL
    assert world.door_at(Cell(0, 8, 3)).open  # he went through to have a look
    assert world.outcome.status == "ongoing"


def test_an_alerted_guard_chases_and_catches_and_the_mission_is_lost():
    world = build_world(
        """
        ##########
        #T.....G.#
        ##########
        """,
        facing={"Guard 1": Facing.W},
    )
    assert any(True for _ in world.guards())
    world.apply(EndTurn())
    assert world.unit_named("Guard 1").state is GuardState.ALERTED
    for _ in range(3):
        world.apply(EndTurn())
    assert world.unit_named("Tony").status is Status.CAUGHT
    assert world.outcome.status == "lost" and "caught" in world.outcome.reason


def test_an_armed_gangster_shoots_what_he_sees():
    world = build_world("############\n#T.....R...#\n############", facing={"Gangster 1": Facing.W})
    tony = world.unit_named("Tony")
    world.apply(EndTurn())
    world.apply(EndTurn())
    assert tony.hp < world.rules.crew.max_hp
    assert any(n.kind == "shot" for n in world.noises)


def test_finding_a_colleague_on_the_floor_alerts_a_guard():
    world = build_world(
        """
        ###########
        #T.G......#
        #.....G...#
        ###########
        """,
        facing={"Guard 1": Facing.E, "Guard 2": Facing.W},
    )
    tony, first, second = (world.unit_named(n) for n in ("Tony", "Guard 1", "Guard 2"))
    place(world, "Tony", Cell(0, 2, 1))
    assert world.apply(KnockOut(tony.id, first.id))
    place(world, "Tony", Cell(0, 1, 2))
    world.apply(EndTurn())
    assert second.state is GuardState.ALERTED
    assert first.id in second.mind.bodies_seen


def test_police_arriving_with_the_crew_inside_lose_the_mission():
    world = build_world("#######\n#T...E#\n#######", facing={})
    world.alarm = AlarmState(raised=1, police_turn=3)
    world.apply(EndTurn())
    assert world.outcome.status == "ongoing"
    world.apply(EndTurn())
    world.apply(EndTurn())
    assert world.outcome.status == "lost" and "police" in world.outcome.reason


def test_crew_out_on_the_street_when_the_police_come_is_not_lost():
    world = build_world("#######\n#T:::E#\n#######")
    world.alarm = AlarmState(raised=1, police_turn=2)
    place(world, "Tony", Cell(0, 3, 1))
    world.apply(EndTurn())
    world.apply(EndTurn())
    assert world.outcome.status == "ongoing"
