"""Floor and ground tiles: textures that must tile seamlessly across a map.

Every function paints a wrapping 32x32 canvas. Textures come from periodic noise
so that repeating a tile shows no seams; lit variants are warm (lamplight), the
``_dark`` variants are the same drawing passed through ``unlit`` so a lit patch
fades into shadow without changing pattern.
"""

from __future__ import annotations

import numpy as np

from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    ellipse,
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

T = 32  # tile size in pixels

Rng = np.random.Generator


def _bands(cv: Canvas, ys: list[float], color: tuple[int, int, int], alpha: float) -> None:
    """Thin horizontal lines across the whole (wrapping) tile: gaps and joints."""
    for y in ys:
        cv.paint(box(cv, -2, y - 0.5, T + 2, y + 0.5), color, alpha)


def floor_wood(cv: Canvas, rng: Rng) -> None:
    """Long planks, one staggered joint per row, streaky grain."""
    streak = value_noise(rng, T, T, 16, 2)
    fine = grain(rng, T, T)
    row_tone = np.repeat(rng.uniform(-0.12, 0.12, 4), 8)[:, None]
    cv.fill(textured(P.WOOD, row_tone + 0.12 * streak + 0.05 * fine, 1.0))
    _bands(cv, [0.5, 8.5, 16.5, 24.5], P.WOOD_DARK, 0.9)
    _bands(cv, [1.5, 9.5, 17.5, 25.5], P.WOOD_LIGHT, 0.25)
    for row, x in enumerate((5, 21, 12, 28)):
        y = row * 8
        cv.paint(box(cv, x - 0.5, y + 1, x + 0.5, y + 8), P.WOOD_DARK, 0.85)
        cv.paint(circle(cv, x + 2.5, y + 4.5, 0.7), P.WOOD_DARK, 0.5)


def floor_tile(cv: Canvas, rng: Rng) -> None:
    """Cement tiles in two soft tones (cream and warm stone, not a harsh black-and-white
    checkerboard), a little worn and glossy, with fine grout lines."""
    n = 0.05 * fbm(rng, T, T, 2) + 0.03 * grain(rng, T, T)
    checker = ((cv.px // 8 + cv.py // 8) % 2).astype(float)
    base = np.where(checker[..., None] > 0, np.array(P.CREAM), np.array((150, 136, 116)))
    cv.fill(base * (1 + n)[..., None])
    for cx in (0, 8, 16, 24):  # a faint rosette at every other tile's centre
        for cy in (0, 8, 16, 24):
            if (cx + cy) % 16 == 0:
                cv.paint(circle(cv, cx + 4, cy + 4, 1.6), (170, 150, 120), 0.35)
    for k in range(4):
        g = k * 8 + 0.5
        cv.paint(box(cv, g - 0.5, -2, g + 0.5, T + 2), (110, 102, 92), 0.30)
        cv.paint(box(cv, -2, g - 0.5, T + 2, g + 0.5), (110, 102, 92), 0.30)
    cv.paint(glow(cv, 10, 10, 18), P.WHITE, 0.08)


def floor_carpet(cv: Canvas, rng: Rng) -> None:
    """A deep wine carpet with a small diamond lattice and gold knots."""
    cv.fill(textured(P.WINE, 0.10 * fbm(rng, T, T, 2) + 0.10 * grain(rng, T, T), 1.0))
    for cx, cy in ((8, 8), (24, 24), (8, 24), (24, 8)):
        diamond = [(cx, cy - 6), (cx + 6, cy), (cx, cy + 6), (cx - 6, cy)]
        cv.paint(polygon(cv, diamond), (70, 22, 30), 0.7)
        cv.paint(circle(cv, cx, cy, 1.3), P.GOLD_DARK, 0.8)
    for cx, cy in ((0, 0), (16, 16), (0, 16), (16, 0)):
        cv.paint(circle(cv, cx, cy, 1.0), P.GOLD, 0.5)
    cv.shade(0.85)


def pavement(cv: Canvas, rng: Rng) -> None:
    """Big concrete slabs (two by two per tile) with stains and worn joints."""
    stains = fbm(rng, T, T, 2)
    slab = np.repeat(np.repeat(rng.uniform(-0.06, 0.06, (2, 2)), 16, 0), 16, 1)
    cv.fill(textured(P.CONCRETE, 0.10 * stains + slab + 0.05 * grain(rng, T, T), 1.0))
    for g in (0.5, 16.5):
        cv.paint(box(cv, g - 0.5, -2, g + 0.5, T + 2), (70, 66, 60), 0.7)
        cv.paint(box(cv, -2, g - 0.5, T + 2, g + 0.5), (70, 66, 60), 0.7)
        cv.paint(box(cv, g + 0.5, -2, g + 1.5, T + 2), P.ASH, 0.15)
    cv.paint(glow(cv, 16, 16, 30), P.LAMP, 0.10)


def road(cv: Canvas, rng: Rng) -> None:
    """Paris cobbles (pavés) in staggered rows, drawn already in the night's blue."""
    cv.fill((40, 40, 44))
    tone = fbm(rng, T, T, 2)
    for row in range(4):
        y0 = row * 8
        shift = 0 if row % 2 == 0 else 16 / 3
        for k in range(3):
            x0 = k * 32 / 3 + shift
            d = rng.uniform(-0.10, 0.10)
            stone = box(cv, x0 + 0.8, y0 + 0.8, x0 + 32 / 3 - 0.8, y0 + 7.2, 2.2)
            cv.paint(stone, textured(P.COBBLE, d + 0.10 * tone, 1.0))
            top = box(cv, x0 + 1.6, y0 + 1.4, x0 + 32 / 3 - 1.6, y0 + 3.2, 1.0)
            cv.paint(top, P.ASH, 0.18)
    cv.shade(1 + 0.06 * grain(rng, T, T))


def grass(cv: Canvas, rng: Rng) -> None:
    """Lawn: cloudy patches and short blades leaning in the wind."""
    cv.fill(textured(P.GRASS, 0.16 * fbm(rng, T, T, 2) + 0.06 * grain(rng, T, T), 1.0))
    for _ in range(70):
        x, y = rng.uniform(0, T, 2)
        lean = rng.uniform(-1.5, 1.5)
        shade = rng.choice([0.72, 0.85, 1.18, 1.3])
        col = tuple(c * shade for c in P.GRASS)
        cv.paint(segment(cv, x, y, x + lean, y - rng.uniform(2, 4), 0.8), col, 0.8)


def gravel(cv: Canvas, rng: Rng) -> None:
    """Garden path: pebbles of mixed greys on dark earth."""
    cv.fill(textured(P.EARTH, 0.10 * fbm(rng, T, T, 2), 1.0))
    for _ in range(95):
        x, y = rng.uniform(0, T, 2)
        rx, ry = rng.uniform(1.0, 2.1), rng.uniform(0.8, 1.6)
        col = np.array(rng.choice([P.ASH, P.SMOKE, P.CREAM, (150, 130, 110)]))
        col = col * rng.uniform(0.7, 1.0)
        cv.paint(ellipse(cv, x + 0.4, y + 0.5, rx, ry), P.INK, 0.5)
        cv.paint(ellipse(cv, x, y, rx, ry), col)
        cv.paint(ellipse(cv, x - 0.4, y - 0.4, rx * 0.45, ry * 0.4), P.WHITE, 0.3)
    cv.shade(0.72)


def void(cv: Canvas, rng: Rng) -> None:
    """Outside the map: black, with a breath of grain so it is not dead flat."""
    cv.fill(textured((7, 8, 12), 0.25 * grain(rng, T, T), 1.0))


def drillable_floor_wood(cv: Canvas, rng: Rng) -> None:
    """The vacant flat's boards: unlit wood with faint chalk marks and nail heads.

    The chalk crosses sit on the tile corners, so a drillable area shows a faint
    grid of casing marks that only becomes obvious when you look for it.
    """
    floor_wood(cv, rng)
    unlit(cv, 0.52)
    cv.paint(segment(cv, -3, 0, 3, 0, 1.0), P.PAPER, 0.35)
    cv.paint(segment(cv, 0, -3, 0, 3, 1.0), P.PAPER, 0.35)
    for x, y in ((3, 4.5), (29, 12.5), (7, 20.5), (25, 28.5)):
        cv.paint(circle(cv, x, y, 0.8), P.ASH, 0.4)
    cv.paint(ring(cv, 16, 16, 5.5, 0.8), P.PAPER, 0.10)


def rubble(cv: Canvas, rng: Rng) -> None:
    """Fallen plaster and lath on a dusty floor: where a ceiling came down."""
    cv.fill(textured((60, 60, 64), 0.12 * fbm(rng, T, T, 2), 1.0))
    cv.paint(glow(cv, 16, 16, 17), P.ASH, 0.45)
    cv.wrap = False
    for _ in range(3):
        x, y = rng.uniform(6, 26, 2)
        cv.paint(segment(cv, x - 5, y - 1, x + 5, y + 1, 1.4), P.WOOD_DARK, 0.9)
    for _ in range(14):
        cx, cy = rng.uniform(4, 28, 2)
        r = rng.uniform(1.5, 3.8)
        angles = np.sort(rng.uniform(0, 2 * np.pi, 5))
        pts = [(cx + r * np.cos(a), cy + r * np.sin(a)) for a in angles]
        shadow = [(x + 0.8, y + 1.0) for x, y in pts]
        cv.paint(polygon(cv, shadow), P.INK, 0.5)
        cv.paint(polygon(cv, pts), np.array(P.PLASTER) * rng.uniform(0.85, 1.15))
    for _ in range(30):
        x, y = rng.uniform(2, 30, 2)
        cv.paint(circle(cv, x, y, rng.uniform(0.4, 0.9)), P.ASH, 0.8)
    cv.wrap = True


def lamp_post(cv: Canvas, rng: Rng) -> None:
    """A street lamp seen from above: iron lantern in a pool of warm light."""
    pavement(cv, rng)
    cv.paint(glow(cv, 16, 16, 22), P.LAMP, 0.45)
    cv.wrap = False
    cv.paint(circle(cv, 18, 18, 7.5), P.INK, 0.35)
    hexagon = [(16 + 7 * np.cos(a), 16 + 7 * np.sin(a)) for a in np.arange(6) * np.pi / 3]
    cv.paint(polygon(cv, hexagon), (38, 36, 34))
    inner = [(16 + 5 * np.cos(a), 16 + 5 * np.sin(a)) for a in np.arange(6) * np.pi / 3]
    cv.paint(polygon(cv, inner), P.LAMP)
    cv.paint(glow(cv, 15, 15, 5), P.WHITE, 0.8)
    for a in np.arange(3) * np.pi / 3:
        dx, dy = 5 * np.cos(a), 5 * np.sin(a)
        cv.paint(segment(cv, 16 - dx, 16 - dy, 16 + dx, 16 + dy, 0.8), (38, 36, 34), 0.9)
    cv.paint(circle(cv, 16, 16, 1.8), (38, 36, 34))
    cv.wrap = True
