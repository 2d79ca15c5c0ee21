"""The player's own files: a damaged settings or progress file never stops the game, is
moved aside (never silently replaced) and the title screen says what was reset; a failed
start leaves no recording; the title's Continue and Replays survive bad recordings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from replay_worlds import play_random

import game.ui.settings as settings_module
from game.ui.settings import Progress, Settings
from game.ui.userfiles import take_notices

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "recordings"


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    data.mkdir()
    monkeypatch.setenv("RIFIFI_CONFIG_DIR", str(config))
    monkeypatch.setenv("RIFIFI_DATA_DIR", str(data))
    monkeypatch.setattr(settings_module, "_UNSAVED", None)
    take_notices()
    return config, data


BAD_SETTINGS = {
    "400-digit volume": b'{"volume": 1' + b"0" * 400 + b"}",
    "100,000 deep": b'{"keys": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "binary": bytes(range(256)) * 8,
    "UTF-16": json.dumps({"volume": 0.5}).encode("utf-16"),
    "NaN": b'{"volume": NaN}',
    "a list": b"[1, 2, 3]",
    "5000-digit number": b'{"volume": ' + b"9" * 5000 + b"}",
    "huge": b'{"keys": {}, "pad": "' + b"x" * (300 * 1024) + b'"}',
}


@pytest.mark.parametrize("content", BAD_SETTINGS.values(), ids=BAD_SETTINGS.keys())
def test_damaged_settings_are_moved_aside_and_the_player_told(folders, content: bytes):
    config, _ = folders
    (config / "settings.json").write_bytes(content)
    settings = Settings.load()
    assert settings == Settings()  # the defaults, and the game starts
    kept = list(config.glob("settings.json.bad-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content  # a copy, not a loss
    assert not (config / "settings.json").exists()
    (notice,) = take_notices()
    assert "settings file could not be used" in notice and kept[0].name in notice


def test_one_bad_value_resets_only_that_setting(folders):
    config, _ = folders
    (config / "settings.json").write_text(json.dumps({"volume": 7, "fullscreen": True}))
    settings = Settings.load()
    assert settings.volume == Settings().volume and settings.fullscreen is True
    (notice,) = take_notices()
    assert "volume back to the default" in notice
    assert list(config.glob("settings.json.bad-*"))


def test_good_settings_are_read_and_nothing_is_moved(folders):
    config, _ = folders
    Settings(volume=0.3, keys={"end_turn": ["k"]}).save()
    assert Settings.load().volume == 0.3
    assert take_notices() == [] and not list(config.glob("*.bad-*"))


def test_settings_symlinked_to_dev_zero_do_not_stop_the_game(folders):
    config, _ = folders
    (config / "settings.json").symlink_to("/dev/zero")
    assert Settings.load() == Settings()
    assert "not a regular file" in take_notices()[0]
    Settings(volume=0.2).save()  # replaces the link itself, never writes through it
    assert not (config / "settings.json").is_symlink()


@pytest.mark.parametrize(
    "content",
    [
        b'{"done": ["tutorial", ',
        b'{"done": "tutorial"}',
        bytes(1000),
        b'{"done": [1, 2]}',
        b'{"done": [], "best": {"tutorial": {"turns": "ten", "noise": 1, "rewinds": 0}}}',
        b'{"done": [], "best": {"tutorial": {"turns": -3, "noise": 1, "rewinds": 0}}}',
        b'{"done": [], "best": ["tutorial"]}',
    ],
)
def test_damaged_progress_is_moved_aside_and_the_title_says_so(folders, tmp_path, content):
    from game.ui.scenes.menus import title_scene
    from tests.ui_helpers import make_app

    _, data = folders
    (data / "progress.json").write_bytes(content)
    app = make_app(tmp_path)
    title = title_scene(app)
    assert "campaign progress file could not be used" in title.body
    assert "the campaign starts afresh" in title.body
    (kept,) = data.glob("progress.json.bad-*")
    assert kept.read_bytes() == content and kept.name in title.body
    Progress(["tutorial"]).save()  # the next save does not touch the copy
    assert kept.read_bytes() == content
    assert title_scene(app).body == ""  # told once


def test_a_game_that_cannot_open_its_window_leaves_no_recording(tmp_path: Path):
    env = dict(os.environ, SDL_VIDEODRIVER="no-such-driver")
    env["RIFIFI_DATA_DIR"] = str(tmp_path / "data")
    env["RIFIFI_CONFIG_DIR"] = str(tmp_path / "config")
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_bytes(BAD_SETTINGS["100,000 deep"])
    done = subprocess.run(
        [sys.executable, "-m", "game", "play", str(ROOT / "maps" / "tutorial.tmx")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "cannot open the game window" in done.stderr
    assert not list((tmp_path / "data").rglob("*.replay"))


def test_the_title_screen_survives_bad_recordings(folders, tmp_path: Path):
    from game.ui.scenes.menus import continue_game, title_scene, watch
    from tests.ui_helpers import make_app, run

    _, data = folders
    saves = data / "recordings"
    saves.mkdir()
    outside = play_random(tmp_path / "outside", turns=2)
    outside.close()
    before = outside.path.read_bytes()
    (saves / "20990101-000000-link.replay").symlink_to(outside.path)  # the newest: Continue
    hostile = [json.loads(line) for line in (GOLDEN / "tutorial-won.replay").open()]
    hostile[0]["world"]["path"] = "../../../../etc/passwd"
    bad = saves / "20980101-000000-hostile.replay"
    bad.write_text("".join(json.dumps(line) + "\n" for line in hostile))
    app = make_app(tmp_path)
    app.push(title_scene(app))
    app.go(continue_game(app))
    assert "Could not resume" in app.message and "symlink" in app.message
    assert outside.path.read_bytes() == before
    assert app.scene.title == "La répétition"  # skipped: the next mission's briefing instead
    app.pop()
    app.go(watch(app, bad))
    assert "leaves" in app.message
    run(app, 2)
    assert app.running and app.scene.title == "RIFIFI"


def test_continue_skips_a_damaged_newest_file_for_the_last_game(folders, tmp_path: Path):
    from game.ui.scenes.menus import _latest_save

    _, data = folders
    saves = data / "recordings"
    session = play_random(saves, turns=2)
    session.close()
    (saves / "29990101-000000-junk.replay").write_bytes(bytes(range(256)) * 4)
    assert _latest_save() == session.path


def test_a_missions_best_win_is_kept_and_only_a_better_one_replaces_it(folders):
    from game.ui.settings import Best

    progress = Progress.load()
    progress.mark_done("tutorial", Best(30, 20, 1))
    assert Progress.load().best["tutorial"] == Best(30, 20, 1)
    for worse in (Best(31, 0, 0), Best(30, 21, 0), Best(30, 20, 2)):
        Progress.load().mark_done("tutorial", worse)
        assert Progress.load().best["tutorial"] == Best(30, 20, 1), worse
    Progress.load().mark_done("tutorial", Best(30, 20, 0))  # as fast, as quiet, no rewind
    assert Progress.load().best["tutorial"] == Best(30, 20, 0)
    Progress.load().mark_done("tutorial", Best(25, 40, 3))  # faster counts first
    assert Progress.load().best["tutorial"] == Best(25, 40, 3)


def test_a_progress_file_from_before_best_results_still_loads(folders):
    _, data = folders
    (data / "progress.json").write_text('{"done": ["tutorial"], "last": "tutorial"}')
    progress = Progress.load()
    assert progress.done == ["tutorial"] and progress.best == {}
    assert take_notices() == []
