"""Night and lamplight over a floor's terrain: lit cells warm, unlit ones dark blue.

The rules read light from the tiles' ``lit`` property: a guard sees ``vision.range_lit``
cells into lit cells and only ``vision.range_unlit`` into unlit ones. The screen grades the
same cells, so what looks dark is dark to a guard too. The grade is worked out per cell and
smoothed between cells (a bilinear scale of a cell-sized picture), so a lamp's pool fades at
its edge instead of ending in a square.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.sim.world import World
from game.ui.render.masks import mask_surface

#: Unlit cells: a night blue laid over the tiles' own (already cold) drawing.
NIGHT = (10, 16, 46, 90)
#: Lit cells: a faint warm wash of lamplight.
LAMPLIGHT = (255, 190, 110, 26)


def _smooth(
    mask: np.ndarray, rgba: tuple[int, int, int, int], tile: int, within: pygame.Surface
) -> pygame.Surface:
    """``mask`` (``[y, x]``) as a translucent picture at ``tile`` pixels per cell, its
    edges blended over half a cell, but only over the cells of ``within`` (walls and
    furniture keep their own colours)."""
    height, width = mask.shape
    pixels = np.zeros((height + 2, width + 2, 4), dtype=np.uint8)
    pixels[..., :3] = rgba[:3]
    pixels[1:-1, 1:-1, 3] = np.where(mask, rgba[3], 0)
    pixels[0, :, 3], pixels[-1, :, 3] = pixels[1, :, 3], pixels[-2, :, 3]
    pixels[:, 0, 3], pixels[:, -1, 3] = pixels[:, 1, 3], pixels[:, -2, 3]
    small = pygame.image.frombuffer(pixels.tobytes(), (width + 2, height + 2), "RGBA")
    big = pygame.transform.smoothscale(small, ((width + 2) * tile, (height + 2) * tile))
    graded = big.subsurface((tile, tile, width * tile, height * tile)).copy()
    graded.blit(within, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    return graded


def grade(surface: pygame.Surface, world: World, floor: int, tile: int) -> None:
    """Lay the night and the lamplight of ``floor`` over its terrain picture."""
    t = world.terrain
    ground = t.walkable[floor] | t.window[floor]
    dark = ~t.lit[floor] & ground
    lit = t.lit[floor] & ground
    within = mask_surface(ground, (255, 255, 255, 255), tile)
    if dark.any():
        surface.blit(_smooth(dark, NIGHT, tile, within), (0, 0))
    if lit.any():
        surface.blit(_smooth(lit, LAMPLIGHT, tile, within), (0, 0))
