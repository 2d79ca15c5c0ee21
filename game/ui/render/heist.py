"""The film's central beat drawn on the map: the hole being drilled (the brace standing in
it), on both floors, the umbrella hanging under it, the rope, the plaster that fell when
there was no umbrella, and the foam on a smothered bell.

Drawn into the floor's baked picture (once per session version, not per frame), from the
world's own arrays (``drilled``, ``holes``, ``umbrellas``, ``ropes``), its ``plaster``
events and the rules' amount of work a hole takes (``rules.drill.work``), so "3 of 10" on
screen is the rules' number.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from game.sim.geometry import Cell
from game.sim.world import World
from game.ui import theme
from game.ui.art import art

PLASTER = (214, 204, 176)
DUST = (120, 110, 92)
FOAM = (226, 238, 250)
CANOPY = (140, 44, 56)  # the umbrella: a burgundy canopy, clear on any floor


def _progress_ring(surface: pygame.Surface, rect: pygame.Rect, share: float) -> None:
    """An arc round the cell, as full as the work done, with the bare ring behind it."""
    box = rect.inflate(-4, -4)
    pygame.draw.ellipse(surface, theme.INK, box, 3)
    if share > 0:
        end = math.pi / 2
        start = end - 2 * math.pi * min(1.0, share)
        pygame.draw.arc(surface, theme.AMBER, box, start, end, 3)


def _label(surface: pygame.Surface, rect: pygame.Rect, text: str, color: theme.Color) -> None:
    size = max(9, rect.height // 3)
    label = theme.text(text, size, color, "sans_bold")
    place = label.get_rect(midbottom=(rect.centerx, rect.bottom - 1))
    shadow = theme.text(text, size, theme.INK, "sans_bold")
    surface.blit(shadow, place.move(1, 1))
    surface.blit(label, place)


def _umbrella(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """The umbrella opened under the hole (the art's ``umbrella`` sprite: a burgundy canopy
    seen from above, its handle pointing up at the hole), or a plain canopy without it."""
    picture = art().scaled("sprite", "umbrella", rect.width)
    if picture is not None:
        surface.blit(picture, rect)
        return
    r = rect.width * 0.42
    cx, cy = rect.centerx, rect.centery
    points = [
        (cx + r * math.cos(a), cy + r * math.sin(a))
        for a in (i * math.pi / 4 + math.pi / 8 for i in range(8))
    ]
    pygame.draw.polygon(surface, CANOPY, points)
    pygame.draw.polygon(surface, theme.PAPER, points, 2)


def draw_holes(
    surface: pygame.Surface,
    world: World,
    floor: int,
    tile: int,
    lowering: frozenset[Cell] = frozenset(),
) -> None:
    """Every hole being drilled or done that shows on ``floor``: from above (the floor
    drilled) and from below (the ceiling of the floor under it); the ropes of the holes
    ``lowering`` are left to the animation lowering them."""
    pictures = art()
    hole = pictures.scaled("sprite", "hole", tile)
    rope = pictures.scaled("sprite", "rope", tile)
    brace = pictures.scaled("sprite", "drill", tile)
    work = max(1, world.rules.drill.work)
    started = (world.drilled > 0) | world.holes
    for f, y, x in np.argwhere(started):
        if f not in (floor, floor + 1):
            continue
        rect = pygame.Rect(int(x) * tile, int(y) * tile, tile, tile)
        done = bool(world.holes[f, y, x])
        roped = bool(world.ropes[f, y, x]) and Cell(int(f), int(x), int(y)) not in lowering
        progress = int(world.drilled[f, y, x])
        share = 1.0 if done else progress / work
        if f == floor:  # the drilled floor, seen from above
            if done and hole is not None:
                surface.blit(hole, rect)
            else:
                radius = max(2, int(tile * 0.38 * max(0.15, share)))
                pygame.draw.circle(surface, DUST, rect.center, radius + 2)
                pygame.draw.circle(surface, theme.INK, rect.center, radius)
            if done and roped and rope is not None:
                surface.blit(rope, rect)
            if not done:
                if brace is not None:  # the brace still stands in the boards
                    surface.blit(brace, rect.move(tile // 5, -tile // 4))
                _progress_ring(surface, rect, share)
                _label(surface, rect, f"{progress}/{work}", theme.AMBER)
        else:  # the ceiling above this floor: cracks, then the hole, and the umbrella
            if world.umbrellas[f, y, x]:
                _umbrella(surface, rect)
            radius = max(2, int(tile * 0.34 * max(0.15, share)))
            pygame.draw.circle(surface, PLASTER, rect.center, radius, 0 if done else 2)
            if done and roped:
                pygame.draw.line(surface, PLASTER, rect.midtop, rect.midbottom, 3)
            if not done:
                _progress_ring(surface, rect, share)
                _label(surface, rect, f"{progress}/{work}", PLASTER)


#: Where the chunks of one fall of plaster land, as (dx, dy, size) in tenths of a cell from
#: the centre of the cell under the hole: scattered round it (the hole's own marks stay
#: readable) and over its neighbours; each fall adds the next few, so the heap grows.
CHUNKS = (
    (-6, 5, 1.6), (6, -4, 1.5), (5, 7, 1.3), (-7, -5, 1.3), (0, 8, 1.2), (8, 2, 1.2),
    (-9, 1, 1.1), (2, -8, 1.1), (-4, 10, 1.0), (11, -1, 1.0), (-11, -3, 0.9), (7, 10, 0.9),
    (-2, -11, 0.9), (10, 7, 0.8), (-9, 9, 0.8), (12, -7, 0.8), (-12, 6, 0.7), (4, 12, 0.7),
)  # fmt: skip
#: Chunks each fall adds (the first fall also lays the dust).
CHUNKS_PER_FALL = 4


def plaster_falls(world: World, floor: int) -> dict[tuple[int, int], int]:
    """How many times plaster crashed onto each ``(x, y)`` cell of ``floor`` (the rules log
    a ``plaster`` event at the cell below the hole each time it falls uncaught)."""
    falls: dict[tuple[int, int], int] = {}
    for event in world.events:
        if event.kind == "plaster" and event.cell is not None and event.cell.floor == floor:
            key = (event.cell.x, event.cell.y)
            falls[key] = falls.get(key, 0) + 1
    return falls


def draw_debris(surface: pygame.Surface, world: World, floor: int, tile: int) -> None:
    """The plaster that fell uncaught (drilling with no umbrella below): a pale dust and a
    heap of chunks on the floor under the hole, bigger with every fall."""
    if not ((world.drilled > 0) | world.holes).any():
        return  # nothing drilled anywhere, so nothing fell (most frames of most maps)
    rubble = art().scaled("tile", "rubble", tile)
    for (x, y), falls in sorted(plaster_falls(world, floor).items()):
        rect = pygame.Rect(x * tile, y * tile, tile, tile)
        if rubble is not None:  # the boards under the hole buried in broken plaster
            surface.blit(rubble, rect)
        spread = rect.inflate(tile * 2, tile * 2)
        dust = pygame.Surface(spread.size, pygame.SRCALPHA)
        pygame.draw.ellipse(dust, (*PLASTER, 70), dust.get_rect().inflate(-tile // 2, -tile))
        surface.blit(dust, spread)
        for dx, dy, size in CHUNKS[: min(len(CHUNKS), falls * CHUNKS_PER_FALL)]:
            center = (rect.centerx + dx * tile // 10, rect.centery + dy * tile // 10)
            radius = max(1, int(size * tile / 10))
            pygame.draw.circle(surface, DUST, (center[0] + 1, center[1] + 1), radius)
            pygame.draw.circle(surface, PLASTER, center, radius)


def draw_foam(surface: pygame.Surface, rect: pygame.Rect) -> None:
    """Extinguisher foam heaped over a smothered bell."""
    t = rect.width
    blobs = ((0.35, 0.4, 0.22), (0.6, 0.35, 0.2), (0.5, 0.6, 0.25), (0.28, 0.62, 0.15),
             (0.72, 0.6, 0.16))  # fmt: skip
    for bx, by, br in blobs:
        center = (rect.left + int(bx * t), rect.top + int(by * t))
        pygame.draw.circle(surface, (150, 170, 190), center, int(br * t) + 1)
        pygame.draw.circle(surface, FOAM, center, int(br * t))
