"""The badges tell what the rules know about a guard, only of guards the crew may see: the
pistol of one who fires back, the torch of one searching, the waypoints of a patrol under the
cursor; and the extinguisher left beside a foamed bell."""

from __future__ import annotations

from dataclasses import replace

import pygame
from ui_helpers import make_app

from game.content import maps_dir
from game.sim import GuardState
from game.tiled import load_world
from game.ui.render import badges
from game.ui.render.camera import Camera
from game.ui.render.knowledge import derive


def _drawn(surface: pygame.Surface, rect: pygame.Rect) -> bool:
    return bool(pygame.surfarray.array3d(surface.subsurface(rect)).any())


def test_an_armed_guard_awake_shows_his_pistol_a_sleeper_does_not(tmp_path):
    make_app(tmp_path)
    world = load_world(maps_dir() / "country_house.tmx")
    guards = world.guards()
    awake = next(g for g in guards if g.armed and g.state is not GuardState.SLEEPING)
    asleep = next(g for g in guards if g.armed and g.state is GuardState.SLEEPING)
    cell = pygame.Rect(0, 0, 40, 40)
    for unit, expected in ((awake, True), (asleep, False), (replace(awake, armed=False), False)):
        screen = pygame.Surface((40, 40))
        badges.guard(screen, cell, unit)
        assert _drawn(screen, pygame.Rect(0, 20, 20, 20)) is expected, unit.name


def test_a_searching_guard_carries_a_torch(tmp_path):
    make_app(tmp_path)
    world = load_world(maps_dir() / "country_house.tmx")
    guard = next(g for g in world.guards() if g.state is GuardState.PATROL)
    cell = pygame.Rect(0, 0, 40, 40)
    for state, expected in ((GuardState.PATROL, False), (GuardState.SUSPICIOUS, True)):
        screen = pygame.Surface((40, 40))
        badges.guard(screen, cell, replace(guard, state=state))
        assert _drawn(screen, pygame.Rect(20, 20, 20, 20)) is expected


def test_the_patrol_of_a_seen_guard_under_the_cursor_is_marked_an_unseen_one_is_not(tmp_path):
    make_app(tmp_path)
    world = load_world(maps_dir() / "country_house.tmx")
    guard = next(g for g in world.guards() if g.route and g.cell is not None)
    assert guard.cell is not None
    camera = Camera(world.terrain.width, world.terrain.height, pygame.Rect(0, 0, 2000, 1400))
    camera.look_at(world.terrain.width / 2, world.terrain.height / 2, glide=False)
    waypoint = next(c for c in guard.route if c.floor == guard.cell.floor)
    around = camera.cell_rect(waypoint.x, waypoint.y).clip(camera.view)
    for fog, expected in ((False, True), (True, False)):  # no fog: seen; at the start: unseen
        knowledge = derive(world, 0, fog)
        if fog:
            assert not knowledge.visible(guard)
        screen = pygame.Surface(camera.view.size)
        badges.patrol(screen, camera, world, knowledge, guard.cell, guard.cell.floor)
        assert _drawn(screen, around) is expected


def test_a_foamed_bell_has_its_extinguisher_beside_it(tmp_path):
    make_app(tmp_path)
    world = load_world(maps_dir() / "tutorial.tmx")
    bell = next(world.devices_in_order("bell"))
    tile = 32
    spot = pygame.Rect(bell.cell.x * tile, bell.cell.y * tile, tile, tile)
    size = (world.terrain.width * tile, world.terrain.height * tile)
    before = pygame.Surface(size)
    badges.spent_extinguisher(before, world, bell.cell.floor, tile)
    assert not _drawn(before, spot)
    foamed = world.own_device(bell)
    foamed.state = replace(foamed.state, smothered=True)
    after = pygame.Surface(size)
    badges.spent_extinguisher(after, world, bell.cell.floor, tile)
    assert _drawn(after, spot)
