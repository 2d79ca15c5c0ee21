"""Commands are plain data: they round-trip through JSON and bad ones are named clearly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sim_scenarios import random_commands, scenario_world

from game.sim import Cell, Command, CommandFormatError, EndTurn, Move, OpenDoor
from game.sim.commands import command_kinds


def test_every_command_round_trips_through_json():
    world = scenario_world()
    for command in random_commands(5, 200, world):
        text = json.dumps(command.to_dict())
        assert Command.from_dict(json.loads(text)) == command


@given(st.integers(0, 5), st.integers(-3, 40), st.integers(-3, 40), st.booleans())
def test_move_round_trip(floor, x, y, sneak):
    move = Move(unit=3, to=Cell(floor, x, y), sneak=sneak)
    assert Command.from_dict(move.to_dict()) == move


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "teleport"}, "unknown command kind 'teleport'"),
        ({"kind": "move", "to": [0, 1, 1]}, "missing 'unit'"),
        ({"kind": "move", "unit": "1", "to": [0, 1, 1]}, "field 'unit' has a bad value"),
        ({"kind": "move", "unit": 1, "to": [0, 1]}, "field 'to' has a bad value"),
        ({"kind": "move", "unit": True, "to": [0, 1, 1]}, "field 'unit' has a bad value"),
        ({"kind": "end_turn", "extra": 1}, "unknown fields ['extra']"),
        (["move"], "a command is a JSON object"),
    ],
)
def test_malformed_commands_are_refused_with_their_fault(data, message):
    with pytest.raises(CommandFormatError) as error:
        Command.from_dict(data)
    assert message in str(error.value)


def test_the_foundation_commands_are_registered():
    assert {"move", "open_door", "close_door", "pick_lock", "wait", "end_turn"} <= set(
        command_kinds()
    )
    assert EndTurn().to_dict() == {"kind": "end_turn"}
    assert OpenDoor(1, 2).to_dict() == {"kind": "open_door", "unit": 1, "door": 2}
