"""Cell masks as pictures: the one way a ``[y, x]`` mask becomes pixels on the map."""

from __future__ import annotations

import numpy as np
import pygame


def mask_surface(mask: np.ndarray, rgba: tuple[int, int, int, int], tile: int) -> pygame.Surface:
    """A ``[y, x]`` mask as a translucent picture at ``tile`` pixels per cell."""
    height, width = mask.shape
    pixels = np.zeros((height, width, 4), dtype=np.uint8)
    pixels[mask] = rgba
    small = pygame.image.frombuffer(pixels.tobytes(), (width, height), "RGBA")
    return pygame.transform.scale(small, (width * tile, height * tile))
