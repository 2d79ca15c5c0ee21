"""The game in a real X window (Xvfb), not only the dummy driver: the window opens, the
mission draws into it, and a resize is survived. Skips when Xvfb is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed")

CHILD = """
import sys, pygame
from game.content import maps_dir
from game.ui.app import App
from game.ui.missions import start_session
from game.ui.scenes.menus import play
from game.ui.settings import Settings

app = App(Settings(), fps=0, size=(1280, 720))
assert pygame.display.get_driver() == "x11", pygame.display.get_driver()
play(app, start_session(maps_dir() / "jeweler.tmx", record=False), "jeweler")
app.run(max_frames=20)
pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1024, h=640, size=(1024, 640)))
app.run(max_frames=40)
pygame.image.save(pygame.display.get_surface(), sys.argv[1])
"""


@pytest.fixture
def display():
    number = 90 + os.getpid() % 9
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def test_the_mission_draws_into_a_real_window(display, tmp_path):
    shot = tmp_path / "window.png"
    env = {**os.environ, "DISPLAY": display, "SDL_VIDEODRIVER": "x11"}
    env["RIFIFI_CONFIG_DIR"] = str(tmp_path / "config")
    env["RIFIFI_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(shot)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    picture = pygame.image.load(str(shot))
    width, height = picture.get_size()
    assert width >= 640 and height >= 400
    colours = {
        tuple(picture.get_at((x, y)))[:3] for x in range(0, width, 37) for y in range(0, height, 29)
    }
    assert len(colours) > 50, "the window should show a drawn map and HUD, not a blank screen"
