"""``rififi play MAP --watch``: saving the map in Tiled reloads it in the running game; a
broken save keeps the old map and says why; undo and rewind work before and after."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pygame

from game.sim.commands import Move
from game.ui.missions import start_session
from game.ui.scenes.menus import play
from game.ui.watch import reloader
from tests.ui_helpers import key, make_app, run

ROOT = Path(__file__).resolve().parent.parent
STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))


def _designers_copy(tmp_path: Path) -> Path:
    """The shipped maps folder copied beside the real assets, as a designer's checkout."""
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    return tmp_path / "maps" / "tutorial.tmx"


def _save(path: Path, old: str, new: str) -> None:
    time.sleep(0.01)  # a later modification time, as a real save has
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _watching(tmp_path: Path):
    """``rififi play tutorial.tmx --watch`` on a designer's copy: (the map, the app, the game)."""
    map_path = _designers_copy(tmp_path)
    app = make_app(tmp_path)
    session = start_session(map_path, record=False)
    play(app, session, "", watch=reloader(app, session))
    run(app, 3, dt=0.3)
    return map_path, app, session


def test_saving_the_map_reloads_it_and_a_broken_save_is_refused(tmp_path):
    map_path, app, _ = _watching(tmp_path)
    assert app.scene.world.mission.title == "La répétition"

    _save(map_path, 'value="La répétition"', 'value="La deuxième répétition"')
    run(app, 3, dt=0.3)
    assert app.scene.world.mission.title == "La deuxième répétition"

    _save(map_path, "<layer ", "<layer broken ")
    run(app, 3, dt=0.3)
    assert app.scene.world.mission.title == "La deuxième répétition"
    assert app.message is not None and app.message.startswith("Not reloaded")


def _step(mission) -> bool:
    """Move the selected crew member one cell, the first way the rules allow."""
    cell = mission.unit.cell
    return any(mission.apply(Move(mission.unit.id, cell.offset(dx, dy))) for dx, dy in STEPS)


def test_undo_and_rewind_work_while_watching_and_after_a_reload(tmp_path):
    map_path, app, session = _watching(tmp_path)
    mission = app.scene
    before = mission.world.state_hash()
    assert _step(mission)
    key(app, pygame.K_u)  # undo
    assert mission.world.state_hash() == before

    _save(map_path, 'value="La répétition"', 'value="La deuxième répétition"')
    run(app, 3, dt=0.3)
    assert app.scene is mission and mission.world.mission.title == "La deuxième répétition"
    assert app.message == "Map reloaded."
    reloaded = mission.world.state_hash()
    assert _step(mission)
    assert mission.world.state_hash() != reloaded
    key(app, pygame.K_u)  # undo, on the new map
    assert mission.world.state_hash() == reloaded
    key(app, pygame.K_e)
    key(app, pygame.K_e)
    assert mission.world.turn == 3
    key(app, pygame.K_r)  # rewind to the start of the previous turn
    assert mission.world.turn == 2 and session.rewinds_used == 1
    assert session.path is None  # --watch records nothing


def _designers_folder(tmp_path: Path) -> Path:
    """Maps and the tilesets copied (not linked), so a test may save either."""
    shutil.copytree(ROOT / "maps", tmp_path / "maps")
    shutil.copytree(ROOT / "assets" / "tilesets", tmp_path / "assets" / "tilesets")
    shutil.copytree(ROOT / "assets" / "tiles", tmp_path / "assets" / "tiles")
    return tmp_path / "maps" / "tutorial.tmx"


def _touch(path: Path) -> None:
    time.sleep(0.01)
    path.write_bytes(path.read_bytes())


def test_saving_the_project_file_or_a_tileset_reloads_the_map(tmp_path):
    map_path = _designers_folder(tmp_path)
    app = make_app(tmp_path)
    session = start_session(map_path, record=False)
    play(app, session, "", watch=reloader(app, session))
    run(app, 3, dt=0.3)
    for saved in (tmp_path / "maps" / "rififi.tiled-project",
                  tmp_path / "assets" / "tilesets" / "terrain.tsx"):  # fmt: skip
        before = app.scene.world
        _touch(saved)
        run(app, 3, dt=0.3)
        assert app.scene.world is not before, f"saving {saved.name} did not reload the map"


def test_a_refused_save_is_wrapped_in_the_window_and_printed_whole(tmp_path, capsys):
    map_path = _designers_copy(tmp_path)
    app = make_app(tmp_path)
    session = start_session(map_path, record=False)
    play(app, session, "", watch=reloader(app, session))
    run(app, 3, dt=0.3)
    # a save with several problems, each a long line naming file, floor, layer and object
    _save(map_path, 'template="templates/tony.tx" x="160"', 'template="templates/tony.tx" x="0"')
    _save(map_path, 'template="templates/jo.tx" x="224"', 'template="templates/jo.tx" x="0"')
    run(app, 3, dt=0.3)
    err = capsys.readouterr().err
    assert f"{map_path}: not reloaded:" in err
    problems = [line.strip() for line in err.splitlines() if "tutorial.tmx: floor 0" in line]
    assert len(problems) == 3, err  # Tony and Jo on a hedge, and on the same cell
    assert "see the terminal" in app.message
    from game.ui import theme

    width = app.screen.get_width()
    lines = app.message_lines()
    assert len(lines) >= 2 and " ".join(lines).split() == app.message.split()  # wrapped, not cut
    assert all(theme.text(line, 15).get_width() <= width - 80 for line in lines)
