"""The rules contract: every action is one rule that refuses by raising, costs one number,
lists its legal commands, and reads its needs as data; observers, not patches, react."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_worlds import HOLE, jeweler, place
from sim_scenarios import random_commands, scenario_world

from game.asciiworld import build_world
from game.sim import (
    RULEBOOK,
    Cell,
    Drill,
    EndTurn,
    Move,
    Observer,
    OpenDoor,
    Refused,
    candidates,
    legal_commands,
)
from game.ui.actions import action_bar

ACTIONS = Path(__file__).resolve().parent.parent / "game" / "sim" / "actions"


def test_no_rule_refuses_by_returning_a_string():
    """A refusal is raised (``Refused``), never returned: no ``validate`` returns text."""
    offenders = []
    for path in sorted(ACTIONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "validate":
                returns = [r for r in ast.walk(node) if isinstance(r, ast.Return)]
                offenders += [f"{path.name}:{r.lineno}" for r in returns if _is_text(r.value)]
    assert offenders == []


def _is_text(value: ast.expr | None) -> bool:
    return isinstance(value, ast.JoinedStr) or (
        isinstance(value, ast.Constant) and isinstance(value.value, str)
    )


def test_every_command_kind_has_exactly_one_rule():
    kinds = [rule.command.kind for rule in RULEBOOK]
    assert len(kinds) == len(set(kinds))
    assert {"move", "drill", "foam", "crack_safe", "end_turn"} <= set(kinds)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_candidates_are_exactly_the_legal_commands(command_seed, world_seed):
    """Every candidate is accepted, and every command the rules accept is a candidate."""
    world = scenario_world(world_seed)
    for command in random_commands(command_seed, 40, world):
        legal = legal_commands(world)
        assert len(legal) == len(set(legal)), "a candidate is listed twice"
        for candidate in legal[:: max(1, len(legal) // 25)]:  # a spread of them, for speed
            twin = world.fork()
            assert twin.apply(candidate), f"candidate {candidate} was refused"
        if world.check(command) is None:
            assert command in legal, f"{command} is legal but no rule lists it"
        world.apply(command)


def test_the_refusal_is_the_same_sentence_from_apply_check_and_plan():
    world = jeweler()
    mario = world.unit_named("Mario")
    far = Drill(mario.id, HOLE)
    result = world.apply(far)
    assert not result and result.reason == world.check(far) == world.plan(far).reason
    assert "must stand on or next to" in result.reason


def test_an_action_needs_its_items_as_data_and_says_which():
    world = jeweler(traits={"Tony": {"items": ["rope"]}})
    drill = RULEBOOK.rule_for(Drill)
    assert drill.needs == ("drill",)
    tony = world.unit_named("Tony")
    place(world, "Tony", HOLE)
    reason = world.check(Drill(tony.id, HOLE))
    assert reason == "Tony needs a drill for drilling."
    assert not any(isinstance(c, Drill) for c in candidates(world, world.unit_named("Tony")))


def test_a_rule_says_what_noise_its_command_will_make_before_it_is_made():
    world = jeweler()
    place(world, "Mario", HOLE)
    mario = world.unit_named("Mario")
    command = Drill(mario.id, HOLE)
    announced = RULEBOOK.rule_for(Drill).noises(world, command)
    made = world.apply(command)
    assert made
    assert [(n.cell, n.loudness, n.kind) for n in announced] == [
        (n.cell, n.loudness, n.kind) for n in world.noises if n.turn == world.turn
    ][-len(announced) :]


def test_every_action_button_shows_its_ap_cost():
    """The bar reads each rule's cost: umbrella, safe, loot, knockout and carry included."""
    world = jeweler()
    bar = {}
    for unit in world.crew():  # each member's bar lists what that member can do at all
        bar.update({option.kind: option for option in action_bar(world, unit, None)})
    for kind, option in bar.items():
        if kind != "move":
            assert option.ap is not None, f"{kind} shows no AP cost"
    assert bar["deploy_umbrella"].ap == world.rules.umbrella.ap
    assert bar["crack_safe"].ap == world.rules.safe.ap
    assert bar["take_loot"].ap == world.rules.loot.ap
    assert bar["knock_out"].ap == world.rules.knockout.ap
    assert bar["carry"].ap == world.rules.carry.pick_up_ap


def test_the_bar_prefers_the_door_under_the_cursor():
    world = build_world("#######\n#.+T+.#\n#######")
    tony = world.unit_named("Tony")
    west, east = sorted(world.doors.values(), key=lambda d: d.cell.x)
    for door in (west, east):
        option = next(o for o in action_bar(world, tony, door.cell) if o.kind == "open_door")
        assert option.command == OpenDoor(tony.id, door.id)


class _Ears(Observer):
    def __init__(self) -> None:
        self.heard: list[str] = []

    def noise_made(self, world, noise):
        self.heard.append(noise.kind)


def test_an_observer_added_to_a_fork_leaves_the_world_alone():
    world = build_world("#######\n#T....#\n#######")
    twin = world.fork()
    ears = _Ears()
    twin.add_observer(ears)
    tony = twin.unit_named("Tony")
    assert twin.apply(Move(tony.id, Cell(0, 3, 1)))
    assert ears.heard == ["footsteps", "footsteps"]
    assert all(not isinstance(o, _Ears) for o in world.observers)
    assert world.apply(Move(world.unit_named("Tony").id, Cell(0, 3, 1)))
    assert ears.heard == ["footsteps", "footsteps"]


def test_end_of_turn_is_always_a_legal_command_and_never_refused():
    world = build_world("#####\n#T..#\n#####")
    assert legal_commands(world)[-1] == EndTurn()
    assert world.plan(EndTurn()).ok


def test_refused_is_raised_by_validate_and_caught_by_the_world():
    world = build_world("#####\n#T..#\n#####")
    rule = RULEBOOK.rule_for(Move)
    command = Move(world.unit_named("Tony").id, Cell(0, 0, 0))
    try:
        rule.validate(world, command)
    except Refused as refusal:
        assert refusal.reason == "Nobody can stand there."
    else:
        raise AssertionError("a move into a wall was not refused")
    assert world.apply(command).reason == "Nobody can stand there."


def test_a_rule_says_which_alarms_its_command_would_set_off_before_it_is_tried():
    """The door contact an opening trips, and the sensor a careless step reaches, are known
    before the command is carried out, and are exactly what then trips."""
    world = build_world("##########\n#T.+Q.B..#\n##########")
    tony = world.unit_named("Tony")
    place(world, "Tony", Cell(0, 2, 1))
    door = world.door_at(Cell(0, 3, 1))
    contact = next(world.devices_in_order("sensor"))
    opening = OpenDoor(tony.id, door.id)
    assert RULEBOOK.rule_for(OpenDoor).sets_off(world, opening).contacts == (contact.id,)
    assert world.apply(opening) and contact.state.tripped
    assert not RULEBOOK.rule_for(OpenDoor).sets_off(world, opening)  # tripped: nothing new

    shop = jeweler()
    sensor = next(shop.devices_in_order("sensor"))
    rule = RULEBOOK.rule_for(Drill)
    mario = shop.unit_named("Mario")
    place(shop, "Mario", HOLE)
    quiet = Drill(mario.id, HOLE)
    assert rule.sets_off(shop, quiet).sensors == ()  # the pilot hole drops no plaster
    assert shop.apply(quiet) and not sensor.state.tripped
    loud = rule.sets_off(shop, quiet)  # now plaster falls into the shop
    assert loud.sensors == (sensor.id,)
    assert shop.apply(quiet) and sensor.state.tripped
