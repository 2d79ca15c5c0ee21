"""Writes the pictures of the ``own_art`` test map (run once; the PNGs are committed).

A designer's own tilesets, unlike the game's: 16-pixel tiles on a sheet with a margin and
spacing, and an image collection whose pictures are not cell-sized. Every picture is
lopsided so a flipped or rotated tile shows it.
"""

from pathlib import Path

import pygame

HERE = Path(__file__).resolve().parent
COLOURS = [(150, 120, 90), (90, 90, 100), (170, 150, 110), (80, 60, 50),
           (200, 60, 60), (60, 160, 80), (60, 90, 200), (220, 200, 60)]  # fmt: skip


def sheet() -> pygame.Surface:
    """8 tiles of 16x16, 4 columns, margin 1, spacing 2, magenta between them."""
    surface = pygame.Surface((1 + 4 * 16 + 3 * 2 + 1, 1 + 2 * 16 + 2 + 1), pygame.SRCALPHA)
    surface.fill((255, 0, 255, 255))
    for n, colour in enumerate(COLOURS):
        x, y = 1 + (n % 4) * 18, 1 + (n // 4) * 18
        tile = pygame.Rect(x, y, 16, 16)
        surface.fill(colour, tile)
        if n >= 4:  # decoration: an "L" in the top-left corner, transparent elsewhere
            surface.fill((0, 0, 0, 0), tile)
            surface.fill(colour, (x, y, 10, 3))
            surface.fill(colour, (x, y, 3, 12))
        else:
            surface.fill((255, 255, 255), (x + 2, y + 2, 4, 2))
    return surface


def lamp() -> pygame.Surface:
    """16x32: taller than a cell, drawn up from its cell's bottom."""
    surface = pygame.Surface((16, 32), pygame.SRCALPHA)
    surface.fill((240, 230, 120), (3, 0, 10, 8))
    surface.fill((60, 60, 60), (7, 8, 2, 24))
    return surface


def rug() -> pygame.Surface:
    """24x12: wider than a cell, half transparent."""
    surface = pygame.Surface((24, 12), pygame.SRCALPHA)
    surface.fill((160, 40, 120, 128))
    surface.fill((250, 250, 250, 255), (0, 0, 5, 5))
    return surface


if __name__ == "__main__":
    pygame.image.save(sheet(), str(HERE / "stones.png"))
    pygame.image.save(lamp(), str(HERE / "lamp.png"))
    pygame.image.save(rug(), str(HERE / "rug.png"))
