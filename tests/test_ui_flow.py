"""Scene flows driven by posted input events through the real pygame loop."""

from __future__ import annotations

import json

import pygame

from game.replay.session import GameSession
from game.ui.scenes.menus import play, title_scene
from game.ui.scenes.mission import MissionScene
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.settings import Settings
from game.userdirs import config_dir
from tests.ui_helpers import click, hall, key, make_app, run


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
    end = next(hit.rect.center for hit in mission.bar_hits if hit.what == "end_turn")
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
