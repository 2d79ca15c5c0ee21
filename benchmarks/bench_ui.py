"""UI benchmarks: one frame of the mission screen, pyscroll for comparison, and start-up.

``ui.frame.jeweler``: the mission scene on ``maps/jeweler.tmx`` at 1280x720 with every
overlay on (dummy video driver), after a first walk (so noise rings are drawn), the mouse
moving to another cell every 8 frames so a path preview and the rules' noise forecast are
worked out (then taken from the per-version cache, as in play) and drawn.
``ui.frame.pyscroll_reference``: pyscroll drawing the same map's tile layers at the same view.
``ui.startup``: a fresh process from start to its first drawn frame.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from run import Benchmark

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)


def _map_path() -> Path:
    return ROOT / "maps" / "jeweler.tmx"


def _world():
    from game.tiled import load_world

    return load_world(_map_path())


def _app():
    import tempfile

    os.environ.setdefault("RIFIFI_CONFIG_DIR", tempfile.mkdtemp(prefix="rififi-bench-"))
    os.environ.setdefault("RIFIFI_DATA_DIR", tempfile.mkdtemp(prefix="rififi-bench-"))
    from game.ui.app import App
    from game.ui.settings import Settings

    return App(Settings(), fps=0, size=SIZE, save_settings=False)


def frame_setup(quick: bool):
    import pygame

    from game.replay.session import GameSession
    from game.sim.commands import Move
    from game.ui.scenes.mission import MissionScene

    world = _world()
    app = _app()
    session = GameSession.unrecorded(world)
    first = world.crew()[0]
    assert first.cell is not None
    session.apply(Move(first.id, first.cell.offset(3, 0), False))  # footsteps: noise rings
    scene = MissionScene(app, session)
    app.push(scene)
    for name in app.settings.overlays:
        app.settings.overlays[name] = True
    unit = scene.unit
    assert unit is not None and unit.cell is not None
    targets = [unit.cell.offset(dx, dy) for dx, dy in ((2, -1), (0, -2), (3, -3), (-1, -1))]
    state = {"n": 0}

    def one_frame() -> None:
        n = state["n"]
        state["n"] += 1
        if n % 8 == 0:  # the pointer moves to another cell: a new preview and forecast
            cell = targets[(n // 8) % len(targets)]
            pos = scene.camera.cell_center(cell.x, cell.y)
            pygame.event.post(
                pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            )
        app.frame(1 / 60)

    for _ in range(3):
        one_frame()
    return one_frame


def pyscroll_setup(quick: bool):
    import pygame
    import pyscroll
    import pytmx

    app = _app()  # the same window and driver
    path = _map_path()
    tmx = pytmx.load_pygame(str(path))
    data = pyscroll.TiledMapData(tmx)
    from game.ui.hud.layout import Layout

    view = Layout.for_size(*SIZE).view
    layer = pyscroll.BufferedRenderer(data, view.size, zoom=40 / tmx.tilewidth)
    layer.center((tmx.width * tmx.tilewidth // 2, tmx.height * tmx.tileheight // 2))
    screen = app.screen
    sub = screen.subsurface(view)

    def one_frame() -> None:
        layer.draw(sub, sub.get_rect())
        pygame.display.flip()

    one_frame()
    return one_frame


STARTUP_CODE = """
import os, sys, time
os.environ.setdefault("SDL_VIDEODRIVER", "dummy"); os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, {root!r})
from game.ui.app import App
from game.ui.settings import Settings
from game.ui.scenes.menus import title_scene
app = App(Settings(), fps=0, save_settings=False)
app.push(title_scene(app))
app.frame()
"""


def startup_setup(quick: bool):
    code = STARTUP_CODE.format(root=str(ROOT))

    def start() -> None:
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            env={**os.environ, "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
        )

    return start


BENCHMARKS = [
    Benchmark(
        "ui.frame.jeweler",
        frame_setup,
        runs=600,
        quick_runs=240,
        target="median <= 6 ms, p99 <= 12 ms",
    ),
    Benchmark(
        "ui.frame.pyscroll_reference",
        pyscroll_setup,
        runs=600,
        quick_runs=240,
        target="for comparison",
    ),
    Benchmark("ui.startup", startup_setup, runs=7, quick_runs=3, target="median <= 1500 ms"),
]

if __name__ == "__main__":  # pragma: no cover
    start = time.perf_counter()
    run = frame_setup(True)
    run()
    print(f"one frame: {(time.perf_counter() - start) * 1000:.1f} ms")
