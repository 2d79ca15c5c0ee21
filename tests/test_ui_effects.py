"""Motion for what the rules did: each effect starts from the world's own events and noises,
plays where they happened, never for what the crew cannot see, and changes nothing."""

from __future__ import annotations

import pygame
from ui_helpers import make_app, run

from game.asciiworld import build_world
from game.replay.session import GameSession
from game.sim import Cell, DeployUmbrella, Drill, EndTurn, Facing, Foam, KnockOut, vision
from game.ui.render.camera import Camera
from game.ui.render.effects import Effects
from game.ui.scenes.menus import play

GROUND = "######\n#T...#\n#B...#\n######"
UPSTAIRS = "######\n#J_..#\n#....#\n######"
HOLE = Cell(1, 2, 1)


def _played(world, *commands) -> list[tuple[str, Cell]]:
    effects = Effects()
    effects.sync(world)  # what was logged before is not played again
    for command in commands:
        assert world.apply(command), world.check(command)
    effects.sync(world)
    return [(e.kind, e.cell) for e in effects.playing]


def _drill_until_plaster(world, jo, umbrella: bool) -> list[tuple[str, Cell]]:
    played = _played(world, Drill(jo.id, HOLE))  # the pilot hole: nothing falls yet
    if umbrella:
        assert world.apply(DeployUmbrella(jo.id, HOLE))

    while world.drilled[HOLE.index] <= world.rules.drill.starter:  # until the plaster falls
        if world.check(Drill(jo.id, HOLE)):  # out of AP
            assert world.apply(EndTurn())
        played += _played(world, Drill(jo.id, HOLE))
    return played


def test_drilling_raises_dust_and_the_plaster_falls_to_the_floor_below():
    world = build_world(GROUND, UPSTAIRS)
    jo = world.unit_named("Jo")
    played = _drill_until_plaster(world, jo, umbrella=False)
    assert ("dust", HOLE) in played
    assert ("plaster", HOLE.offset(0, 0, -1)) in played
    assert not any(kind == "caught" for kind, _ in played)


def test_under_an_umbrella_the_plaster_falls_into_it():
    world = build_world(GROUND, UPSTAIRS)
    jo = world.unit_named("Jo")
    played = _drill_until_plaster(world, jo, umbrella=True)
    assert ("caught", HOLE.offset(0, 0, -1)) in played
    assert not any(kind == "plaster" for kind, _ in played)


def test_foam_sprays_the_bell_and_a_knockout_shows_where_it_landed():
    world = build_world(GROUND, UPSTAIRS)
    tony = world.unit_named("Tony")
    bell = next(world.devices_in_order("bell"))
    assert ("foam", bell.cell) in _played(world, Foam(tony.id, bell.id))
    world = build_world("######\n#TR..#\n######", facing={"Gangster 1": Facing.E})
    tony, gangster = world.unit_named("Tony"), world.guards()[0]
    assert _played(world, KnockOut(tony.id, gangster.id)) == [("knockout", gangster.cell)]


def test_effects_play_on_screen_only_where_the_crew_sees_and_change_nothing(tmp_path):
    world = build_world(GROUND, UPSTAIRS)
    jo = world.unit_named("Jo")
    session = GameSession.unrecorded(world)
    app = make_app(tmp_path)
    play(app, session, "")
    mission = app.scene
    run(app, 2)
    assert session.apply(Drill(jo.id, HOLE))
    mission.state.set_floor(mission.world, 1)
    run(app, 1)
    assert [e.kind for e in mission.animator.effects.playing] == ["dust"]
    hashed = world.state_hash()
    run(app, 3)
    assert world.state_hash() == hashed  # drawing it changed nothing
    run(app, 40)  # a second later it is over
    assert mission.animator.effects.playing == []


def test_a_guard_waking_out_of_sight_plays_nothing(tmp_path):
    make_app(tmp_path)
    world = build_world("##########\n#T.#....S#\n##########")
    sleeper = world.guards()[0]
    effects = Effects()
    effects.sync(world)
    world.log("guard_woke", "The sleeper wakes up.", sleeper.cell, guard=sleeper.id)
    effects.sync(world)
    assert [e.kind for e in effects.playing] == ["woke"]

    seen = vision.visible_to_crew(world)
    assert not seen[sleeper.cell.index]
    screen = pygame.Surface((320, 96))
    camera = Camera(world.terrain.width, world.terrain.height, pygame.Rect(0, 0, 320, 96))
    camera.look_at(sleeper.cell.x, sleeper.cell.y, glide=False)
    effects.draw(screen, camera, 0, seen)
    assert not pygame.surfarray.array3d(screen).any()  # nothing drawn
    seen[sleeper.cell.index] = True
    effects.draw(screen, camera, 0, seen)
    assert pygame.surfarray.array3d(screen).any()
