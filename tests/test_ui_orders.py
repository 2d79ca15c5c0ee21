"""Pacing: a go-to order beyond this turn's reach carries over turns and stops at news;
"wait until" ends turns until a guard comes into view; the first view fits crew and goal."""

from __future__ import annotations

from ui_helpers import make_app, run

from game.asciiworld import build_world
from game.replay.session import GameSession
from game.sim import Cell, Facing, Move, vision
from game.ui.orders import WAIT_TURNS
from game.ui.scenes.menus import play

LONG_HALL = "#" * 40 + "\n#T" + "." * 37 + "#\n" + "#" * 40


def _mission(tmp_path, world):
    app = make_app(tmp_path)
    play(app, GameSession.unrecorded(world), "")
    run(app, 3)
    return app, app.scene


def test_a_far_click_becomes_an_order_that_walks_on_each_turn(tmp_path):
    world = build_world(LONG_HALL)
    app, mission = _mission(tmp_path, world)
    tony = world.unit_named("Tony")
    goal = Cell(0, 38, 1)
    assert world.check(Move(tony.id, goal)) == "That is too far to reach this turn."
    mission.act_at(goal)
    assert tony.id in mission.orders.by_unit and "carry on" in app.message
    first = tony.cell
    assert first != Cell(0, 1, 1)  # walked as far as this turn allows
    turns = 0
    while tony.cell != goal and turns < 10:
        mission.end_turn()
        turns += 1
    assert tony.cell == goal and tony.id not in mission.orders.by_unit
    assert turns >= 2  # it did take several turns


def test_an_order_stops_when_something_new_is_seen(tmp_path):
    hall = LONG_HALL.replace("." * 37, "." * 30 + "G" + "." * 6)
    world = build_world(hall, facing={"Guard 1": Facing.W})
    app, mission = _mission(tmp_path, world)
    tony = world.unit_named("Tony")
    mission.act_at(Cell(0, 25, 1))
    for _ in range(6):
        if tony.id not in mission.orders.by_unit:
            break
        mission.end_turn()
    assert tony.id not in mission.orders.by_unit  # the order is dropped...
    assert tony.cell != Cell(0, 25, 1)  # ...before the goal...
    assert app.message == "Orders stopped: Guard 1 sees Tony!"  # ...saying why


def test_wait_until_ends_turns_until_a_guard_shows_up(tmp_path):
    hall = LONG_HALL.replace("." * 37, "." * 13 + "G" + "." * 23)
    world = build_world(hall, routes={"Guard 1": [(0, 14, 1), (0, 2, 1)]})
    app, mission = _mission(tmp_path, world)
    assert not vision.guards_in_view(world)
    mission.wait_until()
    assert 2 < world.turn < 1 + WAIT_TURNS  # several turns, not all of them
    assert app.message.startswith("Waited") and "Guard 1" in app.message
    assert vision.guards_in_view(world)  # he is in view now


def test_the_first_view_shows_the_crew_and_the_safe_of_the_tutorial(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    app = make_app(tmp_path)
    play(app, GameSession.start_map(root / "maps" / "tutorial.tmx", record=False), "")
    run(app, 2)
    mission = app.scene
    safe = next(mission.world.devices_in_order("safe"))
    for unit in mission.world.crew():
        assert mission.camera.view.contains(mission.camera.cell_rect(unit.cell.x, unit.cell.y))
    assert mission.camera.view.contains(mission.camera.cell_rect(safe.cell.x, safe.cell.y))
