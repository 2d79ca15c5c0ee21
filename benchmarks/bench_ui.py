"""UI benchmarks: one frame of the mission screen, pyscroll for comparison, and start-up.

``ui.frame.jeweler``: the mission scene on ``maps/jeweler.tmx`` at 1280x720 with every
overlay on (dummy video driver), after a first walk (so noise rings are drawn), the mouse
moving to another cell every 8 frames so a path preview and the rules' noise forecast are
worked out (then taken from the per-version cache, as in play) and drawn.
``ui.frame.jeweler_busy`` and ``ui.frame.country_house_busy``: the same screen as it looks
in the thick of a mission, at 40 px a cell: three guards in view (their vision cones and next
turn's intents drawn), the police called (the alarm banner), a walk just made (its noise
ring), the pointer going round four cells whose moves some guard would hear (a path preview
and the forecast markers on the guards), and the camera panning two pixels a frame, back and
forth. Their ``extra`` fields count what the last frame drew, so the smoke test can check the
rows do what they say.
``ui.frame.pyscroll_reference`` (jeweler) and ``ui.frame.pyscroll_reference.country_house``:
pyscroll drawing the same map's tile layers at the same view and zoom, panning the same way;
the ``ratio_to_pyscroll`` rows divide a busy frame by its map's reference of the same run.
``ui.startup``: a fresh process from start to its first drawn frame (the title). The fresh
processes keep their bytecode between runs, as a player's installed game does.
``ui.first_mission_frame``: ``rififi play maps/jeweler.tmx`` in a fresh process, from its
start to its first frame shown (the mission's; the game says when under ``RIFIFI_FIRST_FRAME``).
``ui.idle_cpu``: the share of a core the game uses on the jeweler's mission screen, at the
display's rate, with nothing moving and no input, over 10 s (process CPU time over wall time).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from run import Benchmark, Timed

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)


def _map_path() -> Path:
    return ROOT / "maps" / "jeweler.tmx"


def load_world(path: Path):
    from game.tiled import load_world as load

    return load(path)


def _world():
    return load_world(_map_path())


def _app():
    import tempfile

    os.environ.setdefault("RIFIFI_CONFIG_DIR", tempfile.mkdtemp(prefix="rififi-bench-"))
    os.environ.setdefault("RIFIFI_DATA_DIR", tempfile.mkdtemp(prefix="rififi-bench-"))
    from game.ui.app import App
    from game.ui.settings import Settings

    return App(Settings(), fps=0, size=SIZE, save_settings=False)


def point_at(scene, cell) -> None:
    """The mouse moves over ``cell`` (its event is queued for the next frame)."""
    import pygame

    pos = scene.camera.cell_center(cell.x, cell.y)
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    )


def frame_setup(quick: bool):

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
            point_at(scene, targets[(n // 8) % len(targets)])
        app.frame(1 / 60)

    for _ in range(3):
        one_frame()
    return one_frame


@dataclass(frozen=True)
class Busy:
    """Where a busy frame's mission stands: units put on these cells, these guards woken (a
    sleeping guard has no cone), the police called, ``walker`` walking ``step`` (the noise
    ring), the pointer going round ``targets`` (offsets from the walker, each a move some guard
    would hear)."""

    map: str
    places: dict[int, tuple[int, int]]
    woken: tuple[int, ...]
    walker: int
    step: tuple[int, int]
    targets: tuple[tuple[int, int], ...]


BUSY = {
    "jeweler": Busy(
        "jeweler",
        {
            15: (20, 22),
            16: (18, 23),
            17: (21, 24),
            18: (19, 21),
            12: (27, 20),
            19: (13, 22),
            6: (24, 24),
        },
        woken=(6,),
        walker=15,
        step=(1, 0),
        targets=((1, 1), (2, 0), (-5, 0), (3, 0)),
    ),
    "country_house": Busy(
        "country_house",
        {5: (25, 23), 1: (20, 22), 2: (31, 22), 4: (25, 27)},
        woken=(),
        walker=5,
        step=(0, -1),
        targets=((-2, 0), (0, 2), (3, 0), (-3, 0)),
    ),
}
PAN = 2  # pixels a frame
PAN_FRAMES = 60  # frames before the pan turns back
BUSY_TILE = 40  # pixels a cell: the zoom the pyscroll reference draws at


def _pan(n: int) -> int:
    return PAN if (n // PAN_FRAMES) % 2 == 0 else -PAN


def _busy_world(busy: Busy):
    from game.sim import alarms
    from game.sim.entities import GuardState
    from game.sim.geometry import Cell

    world = load_world(ROOT / "maps" / f"{busy.map}.tmx")
    for unit_id, (x, y) in busy.places.items():
        world.move_unit(world.units[unit_id], Cell(0, x, y))
    for guard_id in busy.woken:
        world.units[guard_id].state = GuardState.STANDING
    alarms.raise_alarm(world, "the benchmark")
    return world


def drawn_counts(scene) -> dict[str, int]:
    """What the mission screen shows now, from the state it draws: guards on screen, cone
    cells, intents, forecast listeners, path cells, the banner, noise rings."""
    from game.ui.hud import panels
    from game.ui.render import overlays

    world, knowledge, camera = scene.world, scene.knowledge, scene.camera
    on_screen = [
        g
        for g in world.guards()
        if knowledge.visible(g)
        and g.cell is not None
        and g.cell.floor == scene.state.floor
        and camera.cell_rect(g.cell.x, g.cell.y).colliderect(camera.view)
    ]
    preview = scene.preview()
    recent = [n for n in world.noises[-overlays.RECENT_NOISES :] if n.turn >= world.turn - 1]
    return {
        "guards_in_view": len(on_screen),
        "cone_cells": int(knowledge.watched[scene.state.floor].sum()),
        "intents": len(knowledge.intents),
        "forecast": len(preview.heard),
        "path": len(preview.path),
        "banner": int(panels.alarm_status(world).shown),
        "noise_rings": len(overlays.untangled(recent)),
    }


def busy_setup(name: str):
    def setup(quick: bool) -> Timed:

        from game.replay.session import GameSession
        from game.sim.commands import Move
        from game.ui.render.camera import ZOOMS
        from game.ui.scenes.mission import MissionScene

        busy = BUSY[name]
        world = _busy_world(busy)
        app = _app()
        session = GameSession.unrecorded(world)
        walker = world.units[busy.walker]
        assert walker.cell is not None
        result = session.apply(Move(walker.id, walker.cell.offset(*busy.step), False))
        assert result, result.reason
        scene = MissionScene(app, session)
        app.push(scene)
        for overlay in app.settings.overlays:
            app.settings.overlays[overlay] = True
        scene.camera.zoom_index = ZOOMS.index(BUSY_TILE)
        scene.camera.look_at(walker.cell.x, walker.cell.y, glide=False)
        state = {"n": 0}

        def one_frame() -> None:
            n = state["n"]
            state["n"] += 1
            scene.camera.pan_pixels(_pan(n), 0)
            if n % 8 == 0:  # the pointer moves to another cell: a new preview and forecast
                assert walker.cell is not None
                point_at(scene, walker.cell.offset(*busy.targets[(n // 8) % len(busy.targets)]))
            app.frame(1 / 60)

        for _ in range(3):
            one_frame()
        return Timed(one_frame, extra=lambda: drawn_counts(scene))

    return setup


def pyscroll_setup(map_name: str):
    def setup(quick: bool):
        import pygame
        import pyscroll
        import pytmx

        app = _app()  # the same window and driver
        tmx = pytmx.load_pygame(str(ROOT / "maps" / f"{map_name}.tmx"))
        data = pyscroll.TiledMapData(tmx)
        from game.ui.hud.layout import Layout

        view = Layout.for_size(*SIZE).view
        scale = BUSY_TILE / tmx.tilewidth
        layer = pyscroll.BufferedRenderer(data, view.size, zoom=scale)
        busy = BUSY[map_name]
        x, y = busy.places[busy.walker]
        center = [(x + 0.5) * tmx.tilewidth, (y + 0.5) * tmx.tileheight]
        layer.center(center)
        screen = app.screen
        sub = screen.subsurface(view)
        state = {"n": 0}

        def one_frame() -> None:  # panning as the busy frames do, in map pixels
            center[0] += _pan(state["n"]) / scale
            state["n"] += 1
            layer.center(center)
            layer.draw(sub, sub.get_rect())
            pygame.display.flip()

        one_frame()
        return one_frame

    return setup


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


def player_env(folder: Path) -> dict[str, str]:
    """A fresh process's environment as a player's: bytecode kept between starts (as an
    installed game has it; a shell with PYTHONDONTWRITEBYTECODE would recompile every module
    at every start, a tenth of a second), in ``folder``, not in the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder / "pycache")}


def startup_setup(quick: bool):
    import tempfile

    code = STARTUP_CODE.format(root=str(ROOT))
    env = {**player_env(Path(tempfile.mkdtemp(prefix="rififi-bench-"))),
           "PYGAME_HIDE_SUPPORT_PROMPT": "1"}  # fmt: skip

    def start() -> None:
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)

    return start


def first_mission_frame_setup(quick: bool) -> Timed:
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="rififi-bench-"))
    env = {
        **player_env(folder),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "RIFIFI_CONFIG_DIR": str(folder / "config"),
        "RIFIFI_DATA_DIR": str(folder / "data"),
        "RIFIFI_FIRST_FRAME": "1",
    }
    command = [sys.executable, "-m", "game", "play", str(_map_path())]

    def start() -> float:
        began = time.perf_counter()
        child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        assert child.stderr is not None
        try:
            for line in child.stderr:
                if line.startswith("rififi: first frame"):
                    shown = time.perf_counter()
                    assert line.split()[-1] == "MissionScene", line
                    return (shown - began) * 1000
            raise AssertionError(f"no first frame (exit {child.wait()})")
        finally:
            child.kill()
            child.wait()

    return Timed(start, measures=True)


IDLE_SECONDS = 10.0


def idle_setup(quick: bool) -> Timed:
    from game.replay.session import GameSession
    from game.ui.app import App
    from game.ui.scenes.mission import MissionScene
    from game.ui.settings import Settings

    _app()  # the temporary folders
    app = App(Settings(), size=SIZE, save_settings=False)  # the display's own rate
    scene = MissionScene(app, GameSession.unrecorded(_world()))
    app.push(scene)
    seconds = 1.0 if quick else IDLE_SECONDS

    def idle() -> float:
        for _ in range(30):  # the first view settles
            app.frame()
        cpu, wall = time.process_time(), time.perf_counter()
        while time.perf_counter() - wall < seconds:
            app.frame()
        return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)

    return Timed(idle, measures=True, warm_up=False)


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
        pyscroll_setup("jeweler"),
        runs=600,
        quick_runs=240,
        target="for comparison (jeweler, panning)",
    ),
    Benchmark(
        "ui.frame.pyscroll_reference.country_house",
        pyscroll_setup("country_house"),
        runs=600,
        quick_runs=240,
        target="for comparison (panning)",
    ),
    Benchmark(
        "ui.frame.jeweler_busy",
        busy_setup("jeweler"),
        runs=600,
        quick_runs=240,
        target="median <= 2x pyscroll, p99 <= 6 ms",
    ),
    Benchmark(
        "ui.frame.jeweler_busy.ratio_to_pyscroll",
        None,
        unit="x",
        target="<= 2",
        ratio_of=("ui.frame.jeweler_busy", "ui.frame.pyscroll_reference"),
    ),
    Benchmark(
        "ui.frame.country_house_busy",
        busy_setup("country_house"),
        runs=600,
        quick_runs=240,
        target="median <= 2x pyscroll, p99 <= 6 ms",
    ),
    Benchmark(
        "ui.frame.country_house_busy.ratio_to_pyscroll",
        None,
        unit="x",
        target="<= 2",
        ratio_of=("ui.frame.country_house_busy", "ui.frame.pyscroll_reference.country_house"),
    ),
    Benchmark("ui.startup", startup_setup, runs=7, quick_runs=3, target="median <= 1500 ms"),
    Benchmark(
        "ui.first_mission_frame",
        first_mission_frame_setup,
        runs=7,
        quick_runs=3,
        target="median <= 600 ms",
    ),
    Benchmark("ui.idle_cpu", idle_setup, runs=3, quick_runs=1, unit="%", target="<= 2 % of a core"),
]

if __name__ == "__main__":  # pragma: no cover
    start = time.perf_counter()
    run = frame_setup(True)
    run()
    print(f"one frame: {(time.perf_counter() - start) * 1000:.1f} ms")
