"""Scene flows driven by posted input events through the real pygame loop."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.replay.session import GameSession
from game.ui.scenes.menus import play, title_scene
from game.ui.scenes.mission import MissionScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.settings import Settings
from game.userdirs import config_dir
from tests.ui_helpers import click, hall, key, make_app, run

ROOT = Path(__file__).resolve().parent.parent


def _scene_title(app) -> str:
    return getattr(app.scene, "title", type(app.scene).__name__)


def test_title_settings_and_quit_by_keys(tmp_path):
    app = make_app(tmp_path)
    app.push(title_scene(app))
    run(app, 2)
    assert _scene_title(app) == "RIFIFI"
    for _ in range(4):  # Continue, Campaign, Play a map, Replays -> Settings
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SettingsScene)
    key(app, pygame.K_RETURN)  # volume +10 %
    assert abs(app.settings.volume - 0.8) < 1e-9
    saved = json.loads((config_dir() / "settings.json").read_text())
    assert abs(saved["volume"] - 0.8) < 1e-9
    key(app, pygame.K_ESCAPE)
    assert _scene_title(app) == "RIFIFI"
    key(app, pygame.K_UP)  # wraps from Settings up to Replays
    key(app, pygame.K_ESCAPE)
    assert not app.running


def test_rebinding_a_key_is_kept(tmp_path):
    app = make_app(tmp_path)
    scene = SettingsScene(app)
    app.push(scene)
    scene.index = next(i for i, row in enumerate(scene.rows) if "End the turn" in row.label)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_k)
    assert app.keymap.actions_for(pygame.K_k) == ["end_turn"]
    assert Settings.load().keys["end_turn"] == ["k"]


def test_mission_won_with_the_mouse_alone(tmp_path):
    app = make_app(tmp_path)
    app.push(title_scene(app))
    play(app, GameSession.unrecorded(hall()), "")
    run(app, 2)
    mission = app.scene
    assert isinstance(mission, MissionScene)
    camera = mission.camera
    click(app, camera.cell_center(6, 1))  # walk up to the door
    click(app, camera.cell_center(7, 1))  # click the closed door: open it
    assert mission.world.door_at(mission.world.units[1].cell.offset(1, 0)).open
    end = next(hit.rect.center for hit in mission.hits.bar if hit.what == "end_turn")
    click(app, end)
    click(app, camera.cell_center(12, 1), frames=2)  # on to the exit
    click(app, end, frames=30)
    assert mission.world.outcome.status == "won"
    assert getattr(app.scene, "title", "") == "Success"
    click(app, app.scene.menu.rects[0].center)  # Continue
    assert _scene_title(app) == "RIFIFI"


def test_mission_won_with_keys_alone(tmp_path):
    app = make_app(tmp_path)
    play(app, GameSession.unrecorded(hall()), "")
    run(app, 2)
    mission = app.scene
    for _ in range(5):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)  # walk to (6, 1)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)  # open the door
    key(app, pygame.K_e)
    for _ in range(5):
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)  # to the exit at (12, 1)
    key(app, pygame.K_e, frames=30)
    assert mission.world.outcome.status == "won"
    assert getattr(app.scene, "title", "") == "Success"


def test_pause_help_and_back_to_title(tmp_path):
    app = make_app(tmp_path)
    app.push(title_scene(app))
    play(app, GameSession.unrecorded(hall()), "")
    run(app, 2)
    key(app, pygame.K_ESCAPE)
    assert getattr(app.scene, "title", "") == "Pause"
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # Controls
    assert type(app.scene).__name__ == "HelpScene"
    key(app, pygame.K_SPACE)
    key(app, pygame.K_ESCAPE)  # resume
    assert isinstance(app.scene, MissionScene)
    key(app, pygame.K_ESCAPE)
    for _ in range(4):
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # quit to the title
    assert _scene_title(app) == "RIFIFI"


def test_a_refused_action_changes_nothing_and_says_why(tmp_path):
    app = make_app(tmp_path)
    session = GameSession.unrecorded(hall())
    play(app, session, "")
    run(app, 2)
    mission = app.scene
    before = session.world.state_hash()
    click(app, mission.camera.cell_center(11, 3))  # behind a closed door: refused
    assert session.version == 0 and session.world.state_hash() == before
    assert "door" in app.message.lower()


def test_the_campaign_comes_from_the_campaign_file_and_the_maps():
    from game.content import maps_dir
    from game.tiled import map_info
    from game.ui.missions import campaign

    missions = campaign()
    assert [m.path.name for m in missions] == ["tutorial.tmx", "jeweler.tmx", "country_house.tmx"]
    for mission in missions:
        assert mission.exists and mission.blurb
        assert mission.title == map_info(maps_dir() / mission.path.name).title


def test_undo_and_rewind_in_a_recorded_game_leave_only_what_was_kept(tmp_path):
    """The screen's undo button and rewind key play through the recorded session: the undone
    move is not in the recording, the rewind is, and a refusal is told in the rules' words."""
    from game.replay import load
    from game.sim.commands import Move
    from game.ui.missions import start_session

    app = make_app(tmp_path)
    session = start_session(ROOT / "maps" / "tutorial.tmx")
    play(app, session, "")
    run(app, 2)
    mission = app.scene
    key(app, pygame.K_u)
    assert app.message == "Nothing to undo this turn."
    before = mission.world.state_hash()
    cell = mission.unit.cell
    steps = ((1, 0), (-1, 0), (0, 1), (0, -1))
    assert any(mission.apply(Move(mission.unit.id, cell.offset(dx, dy))) for dx, dy in steps)
    undo = next(hit.rect.center for hit in mission.hits.bar if hit.what == "undo")
    click(app, undo)
    assert mission.world.state_hash() == before and session.version == 2
    key(app, pygame.K_e)
    key(app, pygame.K_e)
    key(app, pygame.K_r)  # back to the start of turn 2
    assert mission.world.turn == 2 and session.rewinds_left == 2
    session.close()
    recording = load(session.path)
    assert recording.rewinds == 1
    assert [[c.kind for c in t.commands] for t in recording.turns()] == [["end_turn"]]
    lines = [json.loads(line) for line in session.path.read_text().splitlines()[1:]]
    # the undone move is nowhere; the rewound turn stays in the file, then the rewind
    assert [(e.get("turn"), e.get("commands")) for e in lines[:2]] == [
        (1, [{"kind": "end_turn"}]),
        (2, [{"kind": "end_turn"}]),
    ]
    assert lines[2] == {"rewind": 2}


def test_the_campaign_opens_its_missions_in_order_with_won_marks(tmp_path):
    from game.ui.missions import campaign
    from game.ui.scenes.menus import campaign_scene
    from game.ui.settings import Progress

    app = make_app(tmp_path)
    fresh = campaign_scene(app).menu.items[:-1]
    assert fresh[0].enabled and not any(item.enabled for item in fresh[1:])
    assert all(item.label.endswith("(locked)") for item in fresh[1:])
    progress = Progress.load()
    progress.mark_done(campaign()[0].name)
    after = campaign_scene(app).menu.items[:-1]
    assert after[0].label.endswith("(won)") and after[1].enabled
    assert len(after) < 3 or not after[2].enabled


def test_the_campaign_shows_each_missions_best_win(tmp_path):
    from game.ui.missions import campaign
    from game.ui.scenes.menus import campaign_scene
    from game.ui.settings import Best, Progress

    app = make_app(tmp_path)
    Progress.load().mark_done(campaign()[0].name, Best(25, 12, 1))
    first = campaign_scene(app).menu.items[0]
    assert first.label.endswith("(won: 25 turns, loudest 12, 1 rewind)")
