"""The replay viewer scene, driven headless like a player would."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from replay_worlds import play_random

from game.replay import Playback, load
from game.ui import theme
from game.ui.app import App
from game.ui.scenes.menus import replay_scene
from game.ui.scenes.replay_viewer import ReplayScene
from game.ui.settings import Settings


def scene(app: App, path: Path) -> ReplayScene:
    """The viewer as the Replays menu opens it (taking over plays on)."""
    return replay_scene(app, Playback.open(path))


@pytest.fixture
def app(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RIFIFI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RIFIFI_CONFIG_DIR", str(tmp_path / "config"))
    # No pygame.quit() afterwards: the theme caches fonts that must outlive one test.
    return App(Settings(), size=(1000, 640), save_settings=False)


def _key(key: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def test_the_viewer_steps_seeks_plays_and_takes_over(app: App, tmp_path: Path):
    game = play_random(tmp_path / "rec", turns=6)
    game.close()
    viewer = scene(app, game.path)
    app.push(viewer)
    app.frame(0.016)
    playback = viewer.playback
    viewer.handle(_key(pygame.K_RIGHT))
    assert (playback.turn, playback.command) != (1, 0)
    viewer.handle(_key(pygame.K_UP))
    viewer.handle(_key(pygame.K_UP))
    turn = playback.turn
    viewer.handle(_key(pygame.K_LEFT))
    assert playback.turn == turn - 1
    viewer.handle(_key(pygame.K_END))
    assert playback.at_end
    viewer.handle(_key(pygame.K_SPACE))  # from the end: start over and play
    assert playback.playing
    viewer.handle(_key(pygame.K_PLUS))
    for _ in range(5):
        app.frame(0.25)
    assert playback.turn >= 1 and not playback.at_start
    track = viewer.timeline_rect
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(track.centerx, track.centery))
    viewer.handle(click)
    assert not playback.playing and 2 <= playback.turn <= 6
    turn = playback.turn
    app.go(viewer.handle(_key(pygame.K_t)))
    assert app.scene is not viewer  # the mission scene took over
    app.frame(0.016)
    child = sorted((tmp_path / "data" / "recordings").glob("*.replay"))
    assert len(child) == 1
    assert load(child[0], strict=False).header.parent["turn"] == turn


def test_a_bad_recording_gives_one_line(app: App, tmp_path: Path):
    bad = tmp_path / "bad.replay"
    bad.write_text("{}\n")
    from game.replay import RecordingError

    with pytest.raises(RecordingError, match="not a Rififi recording"):
        scene(app, bad)
    assert isinstance(ReplayScene, type)


ROOT = Path(__file__).resolve().parent.parent


def test_the_viewer_follows_the_floor_where_things_happen(app):
    root = ROOT
    viewer = ReplayScene(app, Playback.open(root / "tests" / "recordings" / "tutorial-won.replay"))
    assert viewer.floor == 0
    floors = set()
    for _ in range(400):
        viewer.key_action("replay_forward", False)
        viewer.update(0.01)
        floors.add(viewer.floor)
        last = next((e for e in reversed(viewer.world.events) if e.cell is not None), None)
        if last is not None:
            assert viewer.floor == last.cell.floor
    assert floors == {0, 1}  # Jo drills upstairs: the viewer went up with her


def test_the_header_never_counts_past_the_last_turn(app, monkeypatch):
    root = ROOT
    viewer = ReplayScene(app, Playback.open(root / "tests" / "recordings" / "tutorial-lost.replay"))
    viewer.key_action("replay_end", False)
    viewer.update(0.01)
    texts = []
    original = theme.blit_text

    def grab(surface, value, *args, **kwargs):
        texts.append(value)
        return original(surface, value, *args, **kwargs)

    monkeypatch.setattr(theme, "blit_text", grab)
    viewer.draw(app.screen)
    last = viewer.playback.last_turn
    assert any(f"after turn {last} of {last}" in t for t in texts), texts
    assert not any(f"turn {last + 1} of" in t for t in texts)


def test_taking_over_when_the_viewer_is_the_only_scene_plays_on(app: App, tmp_path: Path):
    """``rififi replay FILE`` opens the viewer alone: taking over must not quit the app."""
    from game.ui.scenes.mission import MissionScene

    game = play_random(tmp_path / "rec", turns=4)
    game.close()
    app.scenes = [scene(app, game.path)]
    app.frame(0.016)
    app.scene.handle(_key(pygame.K_UP))
    app.go(app.scene.handle(_key(pygame.K_t)))
    assert app.running
    assert isinstance(app.scene, MissionScene) and len(app.scenes) == 1
