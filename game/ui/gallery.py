"""Screenshots of every scene, as a player sees them: ``python -m game.ui.gallery OUT_DIR``.

For looking at the game without playing it (reviews, the pictures in ``docs/images``): the
real app on the dummy video driver, the real scenes, real maps and the golden recordings in
``tests/recordings``. Mission pictures point the mouse where the overlays have something to
say (a path crossing a guard's view, a listener who would hear), found by asking the scene's
own preview, so they stay meaningful when a map changes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame

from game.sim.geometry import Cell
from game.ui.app import App
from game.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent.parent
SIZE = (1280, 720)


def _app(folder: Path) -> App:
    os.environ.setdefault("RIFIFI_CONFIG_DIR", str(folder / ".config"))
    os.environ.setdefault("RIFIFI_DATA_DIR", str(folder / ".data"))
    return App(Settings(), fps=0, size=SIZE, save_settings=False)


def _settle(app: App, frames: int = 4) -> None:
    for _ in range(frames):
        app.frame(0.05)
    finish = getattr(getattr(app.scene, "animator", None), "finish", None)
    if callable(finish):
        finish()
    app.frame(0.05)


def _hover(app: App, pos: tuple[int, int]) -> None:
    event = pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
    pygame.event.post(event)
    _settle(app, 2)


def point_at_something(app: App, want: Callable[[object], bool], radius: int = 9) -> bool:
    """Move the mouse to the nearest cell whose preview satisfies ``want``."""
    mission = app.scene
    unit = mission.unit
    if unit is None or unit.cell is None:
        return False
    here = unit.cell
    cells = sorted(
        (Cell(here.floor, here.x + dx, here.y + dy) for dx in range(-radius, radius + 1)
         for dy in range(-radius, radius + 1)),
        key=lambda c: abs(c.x - here.x) + abs(c.y - here.y),
    )  # fmt: skip
    for cell in cells:
        if not mission.world.in_bounds(cell):
            continue
        mission.state.cursor = cell
        if want(mission.preview()):
            mission.camera.look_at(cell.x, cell.y, glide=False)
            _hover(app, mission.camera.cell_center(cell.x, cell.y))
            return True
    return False


def wait_for_a_guard(app: App, turns: int = 16) -> None:
    """Walk the last crew member a few cells along and end turns until a watching guard is
    in the crew's sight, so the picture has a vision cone and a guard's next steps."""
    from game.sim.commands import Move

    mission = app.scene
    for _ in range(turns):
        knowledge = mission.knowledge
        if knowledge.cones or mission.world.outcome.over:
            return
        lead = mission.world.crew()[-1]
        if lead.cell is not None and lead.cell.floor == 0:
            mission.apply(Move(lead.id, lead.cell.offset(2, 0), False))
        mission.end_turn()
        _settle(app, 1)


def mission_pictures(app: App, out: Path) -> list[Path]:
    """Each map's mission screen on each floor, overlays on, the mouse on something telling."""
    from game.ui.missions import start_session
    from game.ui.scenes.menus import play

    saved = []
    for name in ("tutorial", "jeweler", "country_house"):
        app.reset(_blank())
        play(app, start_session(ROOT / "maps" / f"{name}.tmx", None, 3), name)
        _settle(app)
        mission = app.scene
        wait_for_a_guard(app)
        for floor in range(mission.world.terrain.floors):
            units = [u for u in mission.world.crew() if u.cell and u.cell.floor == floor]
            seen = [mission.world.units[g].cell for g in mission.knowledge.cones]
            units.sort(key=lambda u: min((abs(c.x - u.cell.x) for c in seen if c), default=0))
            if units:
                mission.select(units[0].id)
            mission.state.set_floor(mission.world, floor)
            if not units:  # nobody up there: look at the middle of the floor
                terrain = mission.world.terrain
                mission.camera.look_at(terrain.width / 2, terrain.height / 2, glide=False)
            _settle(app)
            found = point_at_something(app, lambda p: bool(p.watched) and bool(p.heard))
            found = found or point_at_something(app, lambda p: bool(p.heard))
            found = found or point_at_something(app, lambda p: bool(p.watched))
            found or point_at_something(app, lambda p: len(p.path) > 3)
            saved.append(_save(app, out / f"mission_{name}_floor{floor}.png"))
    return saved


def recorded_mission(app: App, recording: str, turns: int) -> None:
    """The mission scene after the first ``turns`` turns of a golden recording's commands.

    The commands are played through an unrecorded session (not verified: a recording made
    under older rules still gives a telling picture; a refused command is skipped)."""
    from game.replay.format import load
    from game.ui.missions import start_session
    from game.ui.scenes.menus import play

    record = load(ROOT / "tests" / "recordings" / recording, strict=False)
    source = ROOT / "maps" / "tutorial.tmx"
    session = start_session(source, record.header.seed, record=False)
    for entry in record.turns()[:turns]:
        for command in entry.commands:
            if not session.world.outcome.over:
                session.apply(command)
    app.reset(_blank())
    play(app, session, "tutorial")
    _settle(app)


def _blank() -> object:
    from game.ui.scenes.menus import title_scene

    return title_scene(_APP[0])


_APP: list[App] = []


def _save(app: App, path: Path) -> Path:
    app.message = ""  # a notice left over from setting the scene up is not part of it
    app.frame(0.05)
    pygame.image.save(app.screen, str(path))
    return path


def gallery(out: Path) -> list[Path]:
    """Take every picture into ``out``; returns their paths."""
    from game.replay.playback import Playback
    from game.ui.scenes import menus
    from game.ui.scenes.settings_scene import SettingsScene

    out.mkdir(parents=True, exist_ok=True)
    app = _app(out)
    _APP[:] = [app]
    shots: list[Path] = []
    app.push(menus.title_scene(app))
    _settle(app)
    shots.append(_save(app, out / "title.png"))
    app.push(menus.campaign_scene(app))
    shots.append(_save(app, out / "campaign.png"))
    app.push(menus.briefing_scene(app, ROOT / "maps" / "jeweler.tmx", "jeweler"))
    shots.append(_save(app, out / "briefing.png"))
    app.reset(SettingsScene(app))
    shots.append(_save(app, out / "settings.png"))
    app.reset(menus.help_scene(app))  # type: ignore[arg-type]
    shots.append(_save(app, out / "help.png"))
    shots += mission_pictures(app, out)
    recorded_mission(app, "tutorial-won.replay", 11)  # upstairs: drilling under an umbrella
    jo = app.scene.world.unit_named("Jo")
    app.scene.select(jo.id)
    app.scene.camera.look_at(jo.cell.x - 4, jo.cell.y, glide=False)
    point_at_something(app, lambda p: len(p.path) > 2, 4)
    shots.append(_save(app, out / "mission_drill.png"))
    recorded_mission(app, "tutorial-lost.replay", 7)  # the bell rings, the police come
    point_at_something(app, lambda p: bool(p.heard) or bool(p.path))
    shots.append(_save(app, out / "mission_alarm.png"))
    app.push(menus.pause_scene(app, app.scene))
    shots.append(_save(app, out / "pause.png"))
    for recording, name in (("tutorial-won.replay", "won"), ("tutorial-lost.replay", "lost")):
        recorded_mission(app, recording, 999)
        _settle(app, 20)  # the mission scene opens the debrief
        shots.append(_save(app, out / f"debrief_{name}.png"))
    playback = Playback.open(ROOT / "tests" / "recordings" / "tutorial-won.replay")
    app.reset(menus.replay_scene(app, playback))
    app.scene.playback.seek(12)  # type: ignore[attr-defined]
    _settle(app)
    shots.append(_save(app, out / "replay_viewer.png"))
    return shots


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "gallery")
    for shot in gallery(target):
        print(shot)
