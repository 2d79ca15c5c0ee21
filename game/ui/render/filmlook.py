"""The film look: the map in black and white, as Rififi was shot in 1955.

Only the picture of the world turns grey (terrain, furniture, things, people); what the
screen tells the player (vision cones, fog, paths, noise rings, the HUD) is drawn over it
afterwards in its own colours, so the warnings read as well as ever. A touch of contrast
keeps lamplight and night apart once the colour is gone.
"""

from __future__ import annotations

import numpy as np
import pygame

CONTRAST = 125  # percent: grey values spread this much away from the middle

#: Sprites turned grey, kept with their originals (a reused id never fetches another's).
_SPRITES: dict[int, tuple[pygame.Surface, pygame.Surface]] = {}


def black_and_white(surface: pygame.Surface) -> pygame.Surface:
    """A grey copy of ``surface`` (alpha kept), its contrast raised a little."""
    grey = pygame.transform.grayscale(surface)
    rgb = pygame.surfarray.pixels3d(grey)
    rgb[...] = np.clip((rgb.astype(np.int16) - 128) * CONTRAST // 100 + 128, 0, 255)
    del rgb  # unlock the surface
    return grey


def black_and_white_sprite(picture: pygame.Surface) -> pygame.Surface:
    """``black_and_white`` for a sprite drawn every frame, cached per picture."""
    found = _SPRITES.get(id(picture))
    if found is None or found[0] is not picture:
        if len(_SPRITES) > 128:
            _SPRITES.clear()
        found = _SPRITES[id(picture)] = (picture, black_and_white(picture))
    return found[1]
