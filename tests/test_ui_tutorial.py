"""The real tutorial map finished through the real pygame loop, by mouse alone and by keys
alone: title -> campaign -> briefing -> mission -> debrief, every action a posted event.

The walkthrough is the golden winning script (``tools/golden_scripts.TUTORIAL_WON``)
translated into clicks or key presses by :class:`tests.ui_pilot.Pilot`.
"""

from __future__ import annotations

import pygame

from game.cli.replay import verify_file
from game.sim import Peek
from game.ui.scenes.debrief import DebriefScene
from game.ui.scenes.menus import title_scene
from game.ui.scenes.mission import MissionScene
from game.ui.scenes.mission_hud import rewind_label
from game.ui.settings import Best, Progress
from tests.ui_helpers import click, key, make_app, run
from tests.ui_pilot import Pilot
from tools.golden_scripts import _TUTORIAL_START, TUTORIAL_LOST, TUTORIAL_WON


def _menu_pick(app, label: str, keys: bool) -> None:
    """Choose a menu entry by its label: arrow keys and Enter, or a click."""
    menu = app.scene.menu
    index = next(i for i, item in enumerate(menu.items) if item.label.startswith(label))
    if keys:
        while menu.index != index:
            key(app, pygame.K_DOWN)
        key(app, pygame.K_RETURN)
    else:
        click(app, menu.rects[index].center)


def _to_the_tutorial(app, keys: bool) -> MissionScene:
    app.push(title_scene(app))
    run(app, 2)
    _menu_pick(app, "Campaign", keys)
    _menu_pick(app, app.scene.menu.items[0].label, keys)  # the first job: the tutorial
    assert app.scene.subtitle == "Briefing"
    _menu_pick(app, "Begin", keys)
    run(app, 2)
    assert isinstance(app.scene, MissionScene)
    assert app.scene.world.mission.name.startswith("tutorial")
    return app.scene


def _won(app, keys: bool) -> None:
    mission = _to_the_tutorial(app, keys)
    Pilot(app, keys).play(TUTORIAL_WON)
    assert mission.world.outcome.status == "won", mission.world.outcome
    run(app, 20)  # the debrief opens
    assert isinstance(app.scene, DebriefScene)
    summary = app.scene.summary
    assert summary["status"] == "won"
    assert summary["loot_out"] > 0
    best = Progress.load().best.get("tutorial")  # the campaign keeps the best win
    assert best == Best(summary["turns"], summary["noise_peak"], summary["rewinds"])


def test_tutorial_won_with_the_mouse_alone(tmp_path):
    _won(make_app(tmp_path), keys=False)


def test_tutorial_won_with_keys_alone(tmp_path):
    _won(make_app(tmp_path), keys=True)


def _lost_then_rewound(app, keys: bool) -> None:
    """The careless tutorial (drilling with no umbrella) loses; the failure screen says what
    happened and where, and its rewind goes back into the mission, which plays on."""
    mission = _to_the_tutorial(app, keys)
    Pilot(app, keys).play(TUTORIAL_LOST)
    assert mission.world.outcome.status == "lost"
    run(app, 20)
    debrief = app.scene
    assert isinstance(debrief, DebriefScene)
    report = debrief.report
    assert report is not None and report.headline.startswith("The police arrived at turn")
    assert any("trips" in line for line in report.chain)  # the sensor set it off
    assert report.cell is not None  # shown on the map
    first = report.rewind_turns[0]
    _menu_pick(app, f"Rewind to the start of turn {first}", keys)
    run(app, 2)
    assert app.scene is mission
    assert mission.world.turn == first and not mission.world.outcome.over
    assert mission.session.rewinds_left == 2
    assert rewind_label(mission.session) == "Rewind 2"  # the counter on the Rewind button
    assert app.message.startswith(f"Back to the start of turn {first} (2 rewinds left)")
    assert mission.unit is not None and mission.unit.can_act
    Pilot(app, keys).end_turn()  # the game goes on, and is recorded on
    assert mission.world.turn == first + 1
    mission.session.close()
    assert verify_file(str(mission.session.path))[0] == 0


def test_tutorial_lost_and_rewound_with_the_mouse_alone(tmp_path):
    _lost_then_rewound(make_app(tmp_path), keys=False)


def test_tutorial_lost_and_rewound_with_keys_alone(tmp_path):
    _lost_then_rewound(make_app(tmp_path), keys=True)


def _peeked(app, keys: bool) -> None:
    """Jo at the closed door upstairs looks through it (the Peek button or key, then the
    door): the sleeping landlady beyond shows for this turn, the door stays shut, and undo
    cannot take the look back."""
    mission = _to_the_tutorial(app, keys)
    pilot = Pilot(app, keys)
    pilot.steps(_TUTORIAL_START[:4])  # Jo stands at the upstairs door
    world = mission.world
    jo, landlady = world.unit_named("Jo"), world.unit_named("The landlady")
    door = next(  # the closed door Jo stands at (found on the map, not by its id)
        d
        for d in world.doors.values()
        if not d.open
        and d.cell.floor == jo.cell.floor
        and abs(d.cell.x - jo.cell.x) + abs(d.cell.y - jo.cell.y) == 1
    )
    assert not mission.knowledge.visible(landlady)
    ap = jo.ap
    pilot.action(Peek(jo.id, door.cell))
    assert mission.knowledge.visible(landlady) and not door.open
    assert jo.ap == ap - 1
    assert mission.session.undo_reason().startswith("That cannot be undone")
    assert any("peeks through the door: The landlady" in e.text for e in world.events)
    pilot.end_turn()  # the look was for that turn only
    assert not mission.knowledge.visible(landlady)


def test_tutorial_peek_with_the_mouse_alone(tmp_path):
    _peeked(make_app(tmp_path), keys=False)


def test_tutorial_peek_with_keys_alone(tmp_path):
    _peeked(make_app(tmp_path), keys=True)
