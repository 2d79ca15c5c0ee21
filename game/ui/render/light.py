"""Night and lamplight over a floor's terrain: lit cells warm, unlit ones dark blue.

The rules read light from ``terrain.lit``: the tiles' own ``lit`` property plus the cells
the map's light sources reach (:mod:`game.tiled.lights`). A guard sees ``vision.range_lit``
cells into lit cells and only ``vision.range_unlit`` into unlit ones. The screen grades the
same cells, so what looks dark is dark to a guard too. The grade is worked out per cell and
smoothed between cells (a bilinear scale of a cell-sized picture), so a lit area fades at
its edge instead of ending in a square; around each light source a warmer pool falls off
with the distance, over the very cells that source lights.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

from game.sim.world import World
from game.tiled.lights import Light, lit_by
from game.ui.render.masks import mask_surface

#: Unlit cells: a night blue laid over the tiles' own (already cold) drawing.
NIGHT = (10, 16, 46, 90)
#: Lit cells: a faint warm wash of lamplight.
LAMPLIGHT = (255, 190, 110, 26)
#: Around a light source: this much more warmth at the source, none at its radius.
POOL = (255, 200, 120, 70)


def _smooth(
    alpha: np.ndarray, rgb: tuple[int, int, int], tile: int, within: pygame.Surface
) -> pygame.Surface:
    """Per-cell ``alpha`` (``[y, x]``) of colour ``rgb`` as a picture at ``tile`` pixels per
    cell, blended between cells, but only over the cells of ``within`` (walls and furniture
    keep their own colours)."""
    height, width = alpha.shape
    pixels = np.zeros((height + 2, width + 2, 4), dtype=np.uint8)
    pixels[..., :3] = rgb
    pixels[1:-1, 1:-1, 3] = alpha
    pixels[0, :, 3], pixels[-1, :, 3] = pixels[1, :, 3], pixels[-2, :, 3]
    pixels[:, 0, 3], pixels[:, -1, 3] = pixels[:, 1, 3], pixels[:, -2, 3]
    small = pygame.image.frombuffer(pixels.tobytes(), (width + 2, height + 2), "RGBA")
    big = pygame.transform.smoothscale(small, ((width + 2) * tile, (height + 2) * tile))
    graded = big.subsurface((tile, tile, width * tile, height * tile)).copy()
    graded.blit(within, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return graded


def pools(world: World, floor: int, sources: Sequence[Light]) -> np.ndarray:
    """``[y, x]`` alpha of the warm pools around the floor's light sources: strongest at a
    source, none beyond its radius, only over the cells it lights (the brightest wins)."""
    t = world.terrain
    alpha = np.zeros((t.height, t.width), dtype=np.float32)
    ys, xs = np.ogrid[: t.height, : t.width]
    for source in sources:
        if source.floor != floor:
            continue
        distance = np.sqrt((xs - source.x) ** 2 + (ys - source.y) ** 2)
        warmth = np.clip(1 - distance / (source.radius + 1), 0, 1) * lit_by(t, source)
        alpha = np.maximum(alpha, warmth)
    return np.round(alpha * POOL[3]).astype(np.uint8)


def grade(
    surface: pygame.Surface, world: World, floor: int, tile: int, sources: Sequence[Light] = ()
) -> None:
    """Lay the night, the lamplight and the pools of ``sources`` of ``floor`` over its
    terrain picture."""
    t = world.terrain
    ground = t.walkable[floor] | t.window[floor]
    dark = ~t.lit[floor] & ground
    lit = t.lit[floor] & ground
    within = mask_surface(ground, (255, 255, 255, 255), tile)
    if dark.any():
        surface.blit(_smooth(np.where(dark, NIGHT[3], 0), NIGHT[:3], tile, within), (0, 0))
    if lit.any():
        surface.blit(_smooth(np.where(lit, LAMPLIGHT[3], 0), LAMPLIGHT[:3], tile, within), (0, 0))
    warm = pools(world, floor, sources) * ground
    if warm.any():
        surface.blit(_smooth(warm, POOL[:3], tile, within), (0, 0))
