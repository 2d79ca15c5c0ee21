"""The heist's actions: drill, umbrella, rope, climb, the safe, loot, carrying, the score."""

from __future__ import annotations

from rules_worlds import HOLE, drill_through, jeweler, place

from game.asciiworld import build_world
from game.sim import (
    Carry,
    Cell,
    CrackSafe,
    DeployUmbrella,
    Drill,
    Drop,
    EndTurn,
    Facing,
    LowerRope,
    Move,
    Objective,
    Status,
    TakeLoot,
    score_summary,
)


def test_drilling_takes_several_actions_and_turns_and_needs_a_drill():
    world = jeweler()
    mario, tony = world.unit_named("Mario"), world.unit_named("Tony")
    place(world, "Mario", Cell(1, 5, 4))
    turns = drill_through(world, mario.id, HOLE, umbrella=False)
    assert turns >= 2 and world.holes[HOLE.index]
    place(world, "Tony", Cell(1, 4, 2))
    refused = world.apply(Drill(tony.id, Cell(1, 4, 3)))
    assert not refused and "needs a drill" in refused.reason


def test_drilling_is_refused_with_reasons():
    world = jeweler()
    mario = world.unit_named("Mario")
    for cell, words in [
        (Cell(1, 1, 5), "cannot be drilled"),
        (HOLE, "on or next to"),
        (Cell(0, 3, 3), "nothing below"),
    ]:
        before = world.state_hash()
        result = world.apply(Drill(mario.id, cell))
        assert not result and words in result.reason, result.reason
        assert world.state_hash() == before


def test_the_umbrella_goes_through_the_pilot_hole_or_is_opened_from_below():
    world = jeweler()
    jo, mario = world.unit_named("Jo"), world.unit_named("Mario")
    place(world, "Mario", Cell(1, 5, 4))
    refused = world.apply(DeployUmbrella(mario.id, HOLE))
    assert not refused and "pilot hole" in refused.reason
    assert world.apply(Drill(mario.id, HOLE))
    assert world.apply(DeployUmbrella(mario.id, HOLE))
    assert world.umbrellas[HOLE.index]
    again = world.apply(DeployUmbrella(mario.id, HOLE))
    assert not again
    below = jeweler(traits={"Tony": {"items": ["umbrella"]}})
    place(below, "Tony", Cell(0, 5, 4))
    assert below.apply(DeployUmbrella(below.unit_named("Tony").id, HOLE))
    assert jo is not None


def test_down_the_rope_and_back_up_by_moving_across_the_hole():
    world = jeweler()
    tony = world.unit_named("Tony")
    world.set_map("holes", HOLE, True)
    place(world, "Tony", Cell(1, 5, 2))
    assert not world.apply(Move(tony.id, Cell(0, 5, 3)))  # no rope yet
    assert world.apply(LowerRope(tony.id, HOLE))
    assert world.apply(Move(tony.id, Cell(0, 4, 3)))
    assert tony.cell == Cell(0, 4, 3)
    spent = tony.max_ap - tony.ap
    rules = world.rules
    assert spent == rules.rope.lower_ap + 1 * rules.move.walk_ap + rules.rope.climb_ap + 1
    assert any(n.kind == "rope" for n in world.noises)
    world.apply(EndTurn())
    assert world.apply(Move(tony.id, Cell(1, 5, 2)))


def test_only_cesar_cracks_the_safe_over_several_turns_then_the_loot_is_taken_out():
    world = jeweler(objectives=[Objective("loot", "The jewels", {"value": 500})])
    cesar = world.unit_named("César")
    tony = world.unit_named("Tony")
    safe = next(world.devices_in_order("safe"))
    place(world, "César", Cell(0, 2, 5))
    place(world, "Tony", Cell(0, 1, 4))
    refused = world.apply(CrackSafe(tony.id, safe.id))
    assert not refused and "César" in refused.reason
    turns = 0
    while not safe.state.open:
        if not world.apply(CrackSafe(cesar.id, safe.id)):
            world.apply(EndTurn())
            turns += 1
    assert turns >= 2
    assert any(n.kind == "safe" and n.loudness > 0 for n in world.noises)
    world.apply(EndTurn())
    assert world.apply(TakeLoot(cesar.id, safe.id))
    assert not world.apply(TakeLoot(cesar.id, safe.id))
    assert cesar.kit.loot == world.rules.safe.value
    exit_cell = next(world.devices_in_order("exit")).cell
    world.move_unit(cesar, exit_cell)  # the way out is long; the test only needs the verdict
    for name in ("Jo", "Mario", "Tony"):
        world.move_unit(world.unit_named(name), None)
        world.unit_named(name).status = Status.ESCAPED
    world.apply(EndTurn())
    assert world.outcome.status == "won"
    summary = score_summary(world)
    assert summary["loot_out"] == world.rules.safe.value and summary["status"] == "won"


def test_carrying_tonio_to_the_car_rescues_him_and_carrying_is_slower():
    world = build_world(
        """
        ############
        #TK.......A#
        ############
        """,
        objectives=[Objective("rescue", "Bring Tonio back", {"person": 2})],
    )
    tony, tonio = world.unit_named("Tony"), world.unit_named("Tonio")
    assert world.apply(Carry(tony.id, tonio.id))
    assert tonio.cell is None and tony.carrying.person == tonio.id
    start = tony.ap
    assert world.apply(Move(tony.id, Cell(0, 3, 1)))
    per_step = world.rules.move.walk_ap + world.rules.carry.extra_ap_per_step
    assert start - tony.ap == 2 * per_step
    assert world.apply(Drop(tony.id, Cell(0, 4, 1)))
    assert tonio.cell == Cell(0, 4, 1)
    world.apply(EndTurn())
    assert world.apply(Carry(tony.id, tonio.id))
    for _ in range(4):
        assert world.apply(Move(tony.id, Cell(0, min(tony.cell.x + 3, 10), 1)))
        world.apply(EndTurn())
        if world.outcome.over:
            break
    assert world.outcome.status == "won", world.outcome


def test_the_score_summary_counts_knockouts_kills_noise_and_turns():
    world = build_world("#########\n#T.G..R.#\n#########", traits={"Tony": {"items": ["gun"]}})
    tony = world.unit_named("Tony")
    place(world, "Tony", Cell(0, 2, 1))
    from game.sim import KnockOut, Shoot

    world.unit_named("Guard 1").facing = Facing.E
    assert world.apply(KnockOut(tony.id, world.unit_named("Guard 1").id))
    assert world.apply(Shoot(tony.id, world.unit_named("Gangster 1").id))
    summary = score_summary(world)
    assert summary["knockouts"] == 1 and summary["kills"] == 1
    assert summary["noise_peak"] == world.rules.shoot.loudness
    assert summary["turns"] == 0 and summary["status"] == "ongoing"
    assert score_summary(world) == summary  # pure
