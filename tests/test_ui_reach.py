"""Pacing: the cells the selected crew member can reach this turn are shaded on the map,
one shade for the cells even a sneak reaches and another for those only a walk reaches;
the rules' reach is asked once per version and selection, not every frame."""

from __future__ import annotations

from ui_helpers import make_app, run

from game.asciiworld import build_world
from game.replay.session import GameSession
from game.sim import Cell, Move
from game.sim.pathing import reachable
from game.ui.render import reach as reach_module
from game.ui.scenes.menus import play

#: A long corridor: Tony (8 AP) sneaks 4 cells (2 AP each) and walks 8.
CORRIDOR = "################\n#T.............#\n################"


def _mission(tmp_path):
    world = build_world(CORRIDOR)
    app = make_app(tmp_path)
    play(app, GameSession.unrecorded(world), "")
    run(app, 3)
    return app, app.scene


def _pixel(app, mission, cell: Cell) -> tuple[int, int, int]:
    rect = mission.camera.cell_rect(cell.x, cell.y)
    return tuple(app.screen.get_at((rect.centerx, rect.centery + rect.height // 4))[:3])


def test_the_cells_in_reach_are_shaded_walking_and_sneaking_apart(tmp_path):
    app, mission = _mission(tmp_path)
    tony = mission.world.unit_named("Tony")
    mission.select(tony.id)
    reach = reachable(mission.world, tony)
    sneak_cell = max(reach.sneak, key=lambda c: c.x)  # the furthest a sneak goes
    walk_cell = max(reach.walk, key=lambda c: c.x)  # the furthest a walk goes
    beyond = walk_cell.offset(2, 0)
    assert walk_cell.x > sneak_cell.x and beyond not in reach.walk
    mission.state.cursor = Cell(0, 1, 2)  # the cursor on the wall: no path preview over the cells
    app.settings.overlays["reach"] = False
    run(app, 1)
    bare = {c: _pixel(app, mission, c) for c in (sneak_cell, walk_cell, beyond)}
    app.settings.overlays["reach"] = True
    run(app, 1)
    shaded = {c: _pixel(app, mission, c) for c in (sneak_cell, walk_cell, beyond)}
    assert shaded[beyond] == bare[beyond]  # out of reach: untouched
    assert shaded[sneak_cell] != bare[sneak_cell] and shaded[walk_cell] != bare[walk_cell]
    green = [s - b for s, b in zip(shaded[sneak_cell], bare[sneak_cell], strict=True)]
    pale = [s - b for s, b in zip(shaded[walk_cell], bare[walk_cell], strict=True)]
    assert green[1] > green[0] and green[1] > green[2]  # the sneak's zone leans green
    assert green != pale


def test_the_reach_is_asked_once_per_version_and_selection(tmp_path, monkeypatch):
    calls: list[int] = []

    def counted(world, unit):
        calls.append(unit.id)
        return reachable(world, unit)

    monkeypatch.setattr(reach_module, "reachable", counted)
    app, mission = _mission(tmp_path)
    tony = mission.world.unit_named("Tony")
    mission.select(tony.id)
    run(app, 5)
    assert len(calls) == 1
    mission.session.apply(Move(tony.id, Cell(0, 3, 1)))  # a new version: asked again
    run(app, 5)
    assert len(calls) == 2
