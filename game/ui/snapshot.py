"""Whole-map pictures without a window: ``rififi render``, docs and tests.

It uses the game's own renderer (map view and overlays) with the fog lifted, so the picture
is what the game draws, only all of it at once.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.sim.world import World
from game.ui import theme
from game.ui.render import overlays
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import derive
from game.ui.render.mapview import MapView
from game.ui.render.tilelayers import tile_layers

TILE = 32
LABEL = 30


def _ensure_display() -> None:
    if not pygame.get_init():
        pygame.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1), pygame.HIDDEN if hasattr(pygame, "HIDDEN") else 0)


def render_world(world: World, floor: int | None = None, tile: int = TILE) -> pygame.Surface:
    """One floor (or every floor side by side when ``floor`` is None) as a picture."""
    _ensure_display()
    floors = [floor] if floor is not None else list(range(world.terrain.floors))
    knowledge = derive(world, 0, fog=False)
    width, height = world.terrain.width * tile, world.terrain.height * tile
    gap = tile // 2
    picture = pygame.Surface(((width + gap) * len(floors) - gap, height + LABEL))
    picture.fill(theme.INK)
    animator = Animator()
    animator.sync(world)
    view = MapView()
    for n, f in enumerate(floors):
        left = n * (width + gap)
        camera = Camera(
            world.terrain.width, world.terrain.height, pygame.Rect(left, LABEL, width, height)
        )
        camera.zoom_index = 0
        while camera.tile < tile and camera.zoom_index < 5:
            camera.zoom_index += 1
        camera.cx, camera.cy = world.terrain.width / 2, world.terrain.height / 2
        view.draw(picture, camera, world, knowledge, f, animator, cones=True)
        picture.set_clip(camera.view)
        overlays.intents(picture, camera, world, knowledge, f, knowledge.intents)
        picture.set_clip(None)
        name = "Ground floor" if f == 0 else f"Floor {f}"
        title = world.mission.title or world.mission.name
        theme.blit_text(
            picture,
            f"{title}  -  {name}",
            (left + 6, LABEL // 2),
            17,
            theme.PAPER,
            "serif_bold",
            anchor="midleft",
        )
    return picture


def render_tiles(path: Path, floor: int) -> pygame.Surface | None:
    """Only ``floor``'s own tile layers, as Tiled draws them (None: pictures unreadable)."""
    _ensure_display()
    layers = tile_layers(str(path))
    return None if layers is None else layers.floor(floor)
