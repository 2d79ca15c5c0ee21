"""Walls, openings, stairs, furniture and vegetation tiles.

These are the tiles that block something (walking, sight or both), so they are
drawn to read at a glance: walls have a raised edge, glass is pale and streaked,
doors show their state by shape (slab, swung leaf, iron bands and padlock), and
furniture sits on the floor it usually stands on with a soft shadow.
"""

from __future__ import annotations

import itertools

import numpy as np

from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    fbm,
    glow,
    grain,
    polygon,
    ring,
    segment,
    textured,
    unlit,
    value_noise,
)
from art.terrain import T, floor_wood, grass

Rng = np.random.Generator


def wall_edge(cv: Canvas) -> None:
    """The subtle raised edge every wall tile shares: light top-left, dark bottom-right."""
    cv.paint(box(cv, 0, 0, T, 1), P.WHITE, 0.16)
    cv.paint(box(cv, 0, 0, 1, T), P.WHITE, 0.10)
    cv.paint(box(cv, 0, T - 1, T, T), P.INK, 0.35)
    cv.paint(box(cv, T - 1, 0, T, T), P.INK, 0.22)


def _bevel(cv: Canvas, x0: float, y0: float, x1: float, y1: float, k: float) -> None:
    cv.paint(box(cv, x0, y0, x1, y0 + 1), P.WHITE, 0.14 * k)
    cv.paint(box(cv, x0, y1 - 1, x1, y1), P.INK, 0.30 * k)


def wall_brick(cv: Canvas, rng: Rng) -> None:
    """Running-bond brickwork, 16x8 bricks, each a slightly different fire."""
    cv.fill(P.MORTAR)
    tex = 0.10 * fbm(rng, T, T, 2) + 0.07 * grain(rng, T, T)
    for row in range(4):
        y0 = row * 8
        for k in range(3):
            x0 = k * 16 - (8 if row % 2 else 0)
            tone = rng.uniform(-0.13, 0.13)
            brick = box(cv, x0 + 0.5, y0 + 0.5, x0 + 15.5, y0 + 7.5, 0.8)
            cv.paint(brick, textured(P.BRICK, tone + tex, 1.0))
            _bevel(cv, x0 + 1, y0 + 0.5, x0 + 15, y0 + 7.5, 1.0)
    wall_edge(cv)


def wall_plaster(cv: Canvas, rng: Rng) -> None:
    """Interior plaster: old ochre-grey distemper, blotchy, a faint hairline crack."""
    tex = 0.08 * fbm(rng, T, T, 2) + 0.04 * grain(rng, T, T)
    cv.fill(textured(P.PLASTER, tex, 1.0))
    x, y = rng.uniform(6, 12), rng.uniform(4, 10)
    pts = [(x, y)]
    for _ in range(4):
        x, y = x + rng.uniform(2, 5), y + rng.uniform(1, 4)
        pts.append((x, y))
    cv.wrap = False
    for (ax, ay), (bx, by) in itertools.pairwise(pts):
        cv.paint(segment(cv, ax, ay, bx, by, 0.6), (96, 90, 82), 0.22)
    cv.wrap = True
    wall_edge(cv)


def wall_stone(cv: Canvas, rng: Rng) -> None:
    """Dressed stone in two courses of uneven blocks: the country house."""
    cv.fill((64, 64, 66))
    tex = 0.12 * fbm(rng, T, T, 3) + 0.08 * grain(rng, T, T)
    for y0, joints in ((0, (0, 13, 22)), (16, (6, 19))):
        edges = [*joints, joints[0] + T]
        for a, b in itertools.pairwise(edges):
            tone = rng.uniform(-0.12, 0.12)
            block = box(cv, a + 0.6, y0 + 0.6, b - 0.6, y0 + 15.4, 1.5)
            cv.paint(block, textured(P.STONE, tone + tex, 1.0))
            _bevel(cv, a + 1, y0 + 0.6, b - 1, y0 + 15.4, 1.2)
    wall_edge(cv)


def hedge(cv: Canvas, rng: Rng) -> None:
    """Clipped box hedge: a mass of leaf clumps lit from the top left."""
    cv.fill((22, 34, 26))
    for _ in range(34):
        x, y = rng.uniform(0, T, 2)
        r = rng.uniform(3.0, 5.0)
        tone = rng.uniform(0.8, 1.15)
        cv.paint(circle(cv, x + 0.8, y + 1.0, r), (14, 22, 18), 0.6)
        cv.paint(circle(cv, x, y, r), np.array(P.LEAF) * tone)
        cv.paint(circle(cv, x - r * 0.35, y - r * 0.35, r * 0.45), (110, 140, 100), 0.22)
    cv.shade(1 + 0.12 * grain(rng, T, T))


def tree(cv: Canvas, rng: Rng) -> None:
    """A tree crown seen from above over dark lawn, casting a moon shadow."""
    grass(cv, rng)
    unlit(cv)
    cv.wrap = False
    cv.paint(circle(cv, 19, 20, 13), P.INK, 0.55)
    cv.paint(circle(cv, 16, 16, 13.2), (26, 42, 32))
    for _ in range(26):
        a, d = rng.uniform(0, 2 * np.pi), rng.uniform(0, 9)
        x, y = 16 + d * np.cos(a), 16 + d * np.sin(a)
        r = rng.uniform(3.0, 5.0)
        lit = 1.0 + 0.35 * (-(x - 16) - (y - 16)) / 13
        cv.paint(circle(cv, x, y, r), np.array((44, 70, 50)) * lit * rng.uniform(0.85, 1.1))
    cv.paint(glow(cv, 11, 10, 10), (150, 176, 150), 0.22)
    cv.shade(1 + 0.1 * grain(rng, T, T))
    cv.wrap = True


def window(cv: Canvas, rng: Rng) -> None:
    """A casement window set in brick: stone surround, cross bars, moonlit glass."""
    wall_brick(cv, rng)
    cv.wrap = False
    cv.paint(box(cv, 3, 3, 29, 29, 1), (150, 146, 136))
    cv.paint(box(cv, 3, 28, 29, 29), P.INK, 0.4)
    glass = 0.5 + 0.5 * (cv.px + cv.py) / (2 * T)
    col = np.array(P.GLASS_DARK) * (1 - glass[..., None]) + np.array(P.GLASS) * glass[..., None]
    cv.paint(box(cv, 6, 6, 26, 26), col)
    for off in (-4, 3):
        streak = [(6 + off, 26), (12 + off, 26), (26, 12 - off), (26, 6 - off)]
        cv.paint(polygon(cv, streak), P.WHITE, 0.13)
    cv.paint(box(cv, 15.2, 6, 16.8, 26), P.WOOD_DARK)
    cv.paint(box(cv, 6, 15.2, 26, 16.8), P.WOOD_DARK)
    cv.paint(box(cv, 5.5, 5.5, 26.5, 26.5) - box(cv, 6.5, 6.5, 25.5, 25.5), P.WOOD_DARK)
    cv.wrap = True


def shop_window(cv: Canvas, rng: Rng) -> None:
    """Plate glass across the whole cell, bronze frame, a gilt pinstripe."""
    y = cv.py / T
    col = np.array(P.GLASS_DARK) * (1 - y[..., None] * 0.4) + np.array(P.GLASS) * (
        y[..., None] * 0.4
    )
    cv.fill(col * (1 + 0.05 * value_noise(rng, T, T, 2, 2))[..., None])
    for x0, w in ((2, 7), (13, 3), (22, 5)):
        streak = [(x0, T), (x0 + w, T), (x0 + w + 12, 0), (x0 + 12, 0)]
        cv.paint(polygon(cv, streak), P.WHITE, 0.10)
    cv.paint(box(cv, -2, 0, T + 2, 3), (70, 58, 40))
    cv.paint(box(cv, -2, T - 3, T + 2, T), (70, 58, 40))
    cv.paint(box(cv, -2, 0, T + 2, 1), P.BRASS, 0.5)
    cv.paint(box(cv, -2, T - 6, T + 2, T - 5.2), P.GOLD, 0.7)
    cv.paint(box(cv, -2, T - 1, T + 2, T), P.INK, 0.5)


def _door_slab(cv: Canvas, rng: Rng) -> None:
    """A panelled wooden door filling its frame."""
    cv.fill((52, 48, 46))
    grain_ = 0.10 * value_noise(rng, T, T, 2, 12) + 0.05 * grain(rng, T, T)
    cv.paint(box(cv, 2, 1, 30, 31, 0.5), textured(P.WOOD, grain_, 1.0))
    for y0, y1 in ((4, 14), (17, 28)):
        cv.paint(box(cv, 6, y0, 26, y1, 0.8), textured(P.WOOD_DARK, grain_, 1.0), 0.7)
        cv.paint(box(cv, 6, y1 - 1, 26, y1), P.WOOD_LIGHT, 0.35)
        cv.paint(box(cv, 6, y0, 26, y0 + 1), P.INK, 0.35)
    cv.paint(box(cv, 2, 1, 3, 31), P.WOOD_LIGHT, 0.3)
    cv.paint(box(cv, 29, 1, 30, 31), P.INK, 0.4)


def door_closed(cv: Canvas, rng: Rng) -> None:
    _door_slab(cv, rng)
    cv.wrap = False
    cv.paint(circle(cv, 25.5, 16.5, 2.2), P.INK, 0.5)
    cv.paint(circle(cv, 25, 16, 1.9), P.BRASS)
    cv.paint(circle(cv, 24.4, 15.4, 0.7), P.GOLD_LIGHT, 0.8)
    cv.wrap = True


def door_locked(cv: Canvas, rng: Rng) -> None:
    """Closed door barred with iron straps and a brass padlock."""
    _door_slab(cv, rng)
    cv.wrap = False
    for y in (7, 23):
        cv.paint(box(cv, 2, y - 1.6, 30, y + 1.6), (40, 42, 46))
        for x in (5, 11, 21, 27):
            cv.paint(circle(cv, x, y, 0.8), P.SMOKE)
    cv.paint(ring(cv, 16, 13.5, 3.2, 1.5), (150, 150, 150))
    cv.paint(box(cv, 11, 14, 21.5, 22.5, 1.5), P.INK, 0.5)
    cv.paint(box(cv, 10.5, 13.5, 21, 22, 1.5), P.BRASS)
    cv.paint(box(cv, 10.5, 13.5, 21, 15, 1.0), P.GOLD_LIGHT, 0.5)
    cv.paint(circle(cv, 15.75, 17, 1.2), P.INK)
    cv.paint(box(cv, 15.25, 17, 16.25, 20), P.INK)
    cv.wrap = True


def door_open(cv: Canvas, rng: Rng) -> None:
    """A doorway: floor through the frame, the leaf swung back, its swing arc."""
    floor_wood(cv, rng)
    cv.wrap = False
    cv.paint(box(cv, 0, 0, 32, 32) - box(cv, 1, 1, 31, 31), (52, 48, 46), 0.8)
    arc = ring(cv, 3, 29, 25, 0.8) * ((cv.px > 3) & (cv.py < 29))
    cv.paint(arc * (np.sin(cv.px + cv.py) > -0.2), P.PAPER, 0.35)
    cv.paint(box(cv, 3.5, 4, 8, 31), P.INK, 0.35)
    cv.paint(box(cv, 1.5, 3, 6, 30, 0.5), P.WOOD)
    cv.paint(box(cv, 1.5, 3, 2.5, 30), P.WOOD_LIGHT, 0.5)
    cv.paint(circle(cv, 5, 8, 1.2), P.BRASS)
    cv.wrap = True


def _stairs(cv: Canvas, rng: Rng, up: bool) -> None:
    """Six treads between rails; brighter towards where they lead, with an arrow."""
    cv.fill((40, 36, 34))
    tex = 0.08 * value_noise(rng, T, T, 2, 8) + 0.05 * grain(rng, T, T)
    for k in range(6):
        y0 = 1 + k * 5
        t = k / 5 if not up else 1 - k / 5
        col = np.array(P.WOOD) * (0.55 + 0.6 * (1 - t))
        cv.paint(box(cv, 5, y0, 27, y0 + 4.4, 0.5), textured(col, tex, 1.0))
        cv.paint(box(cv, 5, y0, 27, y0 + 0.8), P.WHITE, 0.18)
        cv.paint(box(cv, 5, y0 + 4.0, 27, y0 + 4.8), P.INK, 0.45)
    for x0 in (1, 27.5):
        cv.paint(box(cv, x0, -1, x0 + 3.5, T + 1), P.WOOD_DARK)
        cv.paint(box(cv, x0 + 0.5, -1, x0 + 1.3, T + 1), P.WOOD_LIGHT, 0.4)
    tip, base = (7.0, 25.0) if up else (25.0, 7.0)
    cv.wrap = False
    arrow = [(16, tip), (21, (tip + base) / 2), (11, (tip + base) / 2)]
    cv.paint(polygon(cv, arrow), P.PAPER, 0.75)
    cv.paint(segment(cv, 16, (tip + base) / 2, 16, base, 2.2), P.PAPER, 0.75)
    cv.wrap = True


def stairs_up(cv: Canvas, rng: Rng) -> None:
    _stairs(cv, rng, up=True)


def stairs_down(cv: Canvas, rng: Rng) -> None:
    _stairs(cv, rng, up=False)
