"""The heist on the map: a hole half drilled shows its progress on the floor drilled and on
the ceiling below, the umbrella hangs under it, and a smothered bell wears its foam."""

from __future__ import annotations

import pygame
from ui_helpers import make_app, run

from game.asciiworld import build_world
from game.replay.session import GameSession
from game.sim import Cell, DeployUmbrella, Drill, EndTurn, Foam
from game.ui.render import heist
from game.ui.scenes.menus import play

GROUND = "######\n#T...#\n#B...#\n######"
UPSTAIRS = "######\n#J_..#\n#....#\n######"
HOLE = Cell(1, 2, 1)


def _count(app, mission, cell: Cell, color) -> int:
    rect = mission.camera.cell_rect(cell.x, cell.y)
    area = app.screen.subsurface(rect.clip(app.screen.get_rect()))
    want = pygame.Color(*color)
    return sum(
        1
        for x in range(area.get_width())
        for y in range(area.get_height())
        if area.get_at((x, y))[:3] == want[:3]
    )


def _burgundy(app, mission, cell: Cell) -> int:
    """Pixels of the cell in the umbrella's burgundy (red twice the green, well above the
    blue: not the boards, not the dust)."""
    rect = mission.camera.cell_rect(cell.x, cell.y).clip(app.screen.get_rect())
    rgb = pygame.surfarray.array3d(app.screen.subsurface(rect)).astype(int)
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    return int(((r > 2 * g) & (r > 1.6 * b) & (r > 70)).sum())


def test_a_hole_in_progress_shows_on_both_floors_with_the_umbrella_below(tmp_path):
    world = build_world(GROUND, UPSTAIRS)
    jo = world.unit_named("Jo")
    session = GameSession.unrecorded(world)
    assert session.apply(Drill(jo.id, HOLE))
    assert session.apply(DeployUmbrella(jo.id, HOLE))
    app = make_app(tmp_path)
    app.settings.overlays["reach"] = False  # its shade would tint the colours counted here
    play(app, session, "")
    mission = app.scene
    run(app, 3)
    mission.state.set_floor(mission.world, 1)
    run(app, 1)
    assert 0 < world.drilled[HOLE.index] < world.rules.drill.work
    upstairs_progress = _count(app, mission, HOLE, (240, 176, 64))  # the amber arc
    assert upstairs_progress > 0
    mission.state.set_floor(mission.world, 0)
    run(app, 1)
    assert _burgundy(app, mission, HOLE.offset(0, 0, -1)) > 200  # the umbrella's canopy
    session.apply(EndTurn())
    bell = next(world.devices_in_order("bell"))
    tony = world.unit_named("Tony")
    before = _count(app, mission, bell.cell, heist.FOAM)
    assert session.apply(Foam(tony.id, bell.id)), world.check(Foam(tony.id, bell.id))
    run(app, 1)
    assert before == 0 and _count(app, mission, bell.cell, heist.FOAM) > 10


def _drilled_thrice(tmp_path, umbrella: bool) -> int:
    """Jo drills three times (a pilot hole, then two falls of plaster unless the umbrella
    catches them): the plaster-coloured pixels of the cell under the hole on the ground."""
    world = build_world(GROUND, UPSTAIRS)
    jo = world.unit_named("Jo")
    session = GameSession.unrecorded(world)
    assert session.apply(Drill(jo.id, HOLE))
    if umbrella:
        assert session.apply(DeployUmbrella(jo.id, HOLE))
    for _ in range(2):
        session.apply(EndTurn())  # the AP for one more go
        assert session.apply(Drill(jo.id, HOLE))
    falls = [e for e in world.events if e.kind == "plaster"]
    assert len(falls) == (0 if umbrella else 2)
    app = make_app(tmp_path)
    app.settings.overlays["reach"] = False  # its shade would tint the colours counted here
    play(app, session, "")
    mission = app.scene
    mission.state.set_floor(mission.world, 0)
    run(app, 3)
    return _count(app, mission, HOLE.offset(0, 0, -1), heist.PLASTER)


def test_plaster_that_fell_lies_on_the_floor_under_the_hole(tmp_path):
    caught = _drilled_thrice(tmp_path, umbrella=True)
    fallen = _drilled_thrice(tmp_path, umbrella=False)
    assert fallen > caught + 20, (fallen, caught)  # a heap of chunks, not only the hole
