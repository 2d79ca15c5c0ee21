"""Guards who walk onto the map on a schedule (a guard's ``arrives``): the police patrol."""

from __future__ import annotations

from rules_worlds import place

from game.asciiworld import build_world
from game.sim import Cell, EndTurn, GuardState, KnockOut, Status
from game.sim.arrivals import waiting
from game.sim.entities import AlarmState
from game.sim.forecast import guard_intents, watched_by_anyone, watched_cells

# Tony waits in a closed-off passage (west); the street is east of the wall.
STREET = """
    ################
    #T#...........P#
    #.#............#
    #.#............#
    ################
"""
ENTRY = Cell(0, 6, 2)
ROUND = [(0, 6, 2), (0, 12, 2)]


def street(arrives: int = 3):
    world = build_world(
        STREET, routes={"Policeman": ROUND}, traits={"Policeman": {"arrives": arrives}}
    )
    return world, world.unit_named("Tony"), world.unit_named("Policeman")


def arrivals_logged(world) -> list:
    return [e for e in world.events if e.kind == "guard_arrived"]


def test_the_policeman_is_off_the_map_until_his_turn_then_walks_his_round():
    world, _tony, police = street(arrives=3)
    assert police.cell is None and police.status is Status.ACTIVE and waiting(police)
    assert world.occupant(Cell(0, 14, 1)) is None  # his map cell is free while he is away
    for turn in (1, 2):
        assert world.turn == turn
        world.apply(EndTurn())
        assert police.cell is None and waiting(police)
    assert not arrivals_logged(world)
    result = world.apply(EndTurn())  # world turn 3: he turns into the street
    logged = [e for e in result.events if e.kind == "guard_arrived"]
    assert [(e.turn, e.cell, e.data["guard"]) for e in logged] == [(3, ENTRY, police.id)]
    assert logged[0].text == "Policeman turns into the street."
    assert not waiting(police) and not police.offstage
    assert police.state is GuardState.PATROL
    steps = world.rules.guards.steps_per_turn
    assert police.cell == Cell(0, 6 + steps, 2)  # and patrols in the same world turn
    seen = {police.cell}
    for _ in range(6):
        world.apply(EndTurn())
        seen.add(police.cell)
    assert Cell(0, 12, 2) in seen and ENTRY in seen  # there and back along his round
    assert len(arrivals_logged(world)) == 1
    assert world.outcome.status == "ongoing"


def test_arrives_zero_means_there_from_the_start():
    world, _tony, police = street(arrives=0)
    world.apply(EndTurn())
    assert police.cell is not None and not waiting(police)
    assert not arrivals_logged(world)


def test_before_his_turn_he_neither_sees_nor_hears_nor_can_be_reached():
    world, tony, police = street(arrives=3)
    place(world, "Tony", ENTRY.offset(1, 0))  # right by where he will appear
    world.unit_named("Tony").ap = 8
    noise = world.emit_noise(ENTRY, 30, "clatter", tony.id)
    assert police.id not in noise.heard_by
    assert police.state is GuardState.PATROL and police.mind.target is None
    assert police.id not in watched_cells(world)
    assert not watched_by_anyone(world).any()
    refused = world.apply(KnockOut(tony.id, police.id))
    assert not refused and "not here" in refused.reason
    world.apply(EndTurn())
    assert not [e for e in world.events if e.kind in ("spotted", "guard_alerted")]
    assert world.alarm == AlarmState() and world.outcome.status == "ongoing"


def test_he_waits_while_someone_stands_on_his_entry_cell():
    world, _tony, police = street(arrives=1)
    place(world, "Tony", ENTRY)
    world.apply(EndTurn())  # his turn, but Tony is in the way
    assert police.cell is None and waiting(police) and not arrivals_logged(world)
    place(world, "Tony", Cell(0, 1, 1))  # back behind the wall
    world.apply(EndTurn())
    assert [e.turn for e in arrivals_logged(world)] == [2]
    assert police.cell is not None and not waiting(police)


def test_forecasts_cope_with_a_guard_not_on_the_map_yet():
    world, _tony, police = street(arrives=2)
    assert police.id not in guard_intents(world)  # still away after the next world turn
    assert guard_intents(world, [police.id]) == {}
    world.apply(EndTurn())
    intent = guard_intents(world)[police.id]  # he walks on in the coming world turn
    assert intent.path[0] == ENTRY and len(intent.path) > 1
    assert police.cell is None  # the forecast changed nothing
    world.apply(EndTurn())
    assert police.cell == intent.path[-1] and police.facing is intent.facing


def test_being_away_is_in_the_state_hash_and_forks_keep_it_apart():
    world, _tony, police = street(arrives=2)
    snapshot = police.snapshot()
    assert snapshot["cell"] is None and snapshot["memory"] == {"offstage": True}
    assert snapshot["traits"]["arrives"] == 2
    before = world.state_hash()
    twin = world.fork()
    twin.apply(EndTurn())
    twin.apply(EndTurn())
    assert twin.unit_named("Policeman").cell == Cell(0, 9, 2)
    assert police.cell is None and world.state_hash() == before
    again, _, _ = street(arrives=2)
    again.apply(EndTurn())
    again.apply(EndTurn())
    assert again.state_hash() == twin.state_hash()
