"""The furniture and ground that tell one room kind from another (``rooms.tsx``).

Each piece means exactly what an older tile means (a ``table``: blocks walking, not sight;
``grass_dark``: unlit lawn), so a designer swaps one for another in Tiled without changing
the rules: a jeweller's workbench in the back room, marble café tables, the country house's
long dining table, its kitchen range and its grand piano, and tufts and flower beds to break
up a dark lawn.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    ellipse,
    grain,
    polygon,
    ring,
    segment,
    textured,
    unlit,
    value_noise,
)
from art.furniture import _shadow
from art.terrain import T, floor_carpet, floor_tile, floor_wood, grass

Rng = np.random.Generator
Draw = Callable[[Canvas, Rng], None]
MARBLE = (214, 210, 198)
CAST_IRON = (40, 40, 44)
COPPER = (184, 108, 60)


def workbench(cv: Canvas, rng: Rng) -> None:
    """The jeweller's workbench: scarred dark top, a vice, a hammer, a loupe and a lamp."""
    floor_tile(cv, rng)
    cv.wrap = False
    grain_ = 0.12 * value_noise(rng, T, T, 2, 10) + 0.05 * grain(rng, T, T)
    _shadow(cv, 2, 4, 30, 28, 1.5)
    cv.paint(box(cv, 2, 4, 30, 28, 1.5), textured(P.WOOD_DARK, grain_, 1.0))
    cv.paint(box(cv, 2, 4, 30, 5.2, 1), P.WOOD_LIGHT, 0.4)
    cv.paint(ellipse(cv, 22, 12, 8, 6), P.LAMP, 0.18)  # the lamp's pool on the bench
    cv.paint(box(cv, 4, 7, 11, 13, 0.8), (92, 96, 104))  # the vice
    cv.paint(box(cv, 6.5, 13, 8.5, 17, 0.4), (70, 72, 78))
    cv.paint(segment(cv, 4, 15, 11, 15, 1.0), P.ASH)
    cv.paint(segment(cv, 13, 23, 24, 19, 1.6), P.WOOD_LIGHT)  # hammer handle
    cv.paint(box(cv, 23, 16.5, 26.5, 21.5, 0.6), (86, 88, 94))
    cv.paint(ring(cv, 8, 22, 2.4, 1.0), P.BRASS)  # the loupe
    cv.paint(circle(cv, 8, 22, 1.5), P.GLASS, 0.6)
    cv.paint(circle(cv, 24, 9, 2.4), (60, 64, 58))  # the lamp's shade, lit inside
    cv.paint(circle(cv, 24, 9, 1.2), P.LAMP)
    for x, y in ((16, 9), (17.5, 11), (15, 12)):
        cv.paint(circle(cv, x, y, 0.6), P.GOLD_LIGHT)  # a few stones being set
    cv.wrap = True


def cafe_table(cv: Canvas, rng: Rng) -> None:
    """A round marble café table with two bentwood chairs, a cup and a glass of pastis."""
    floor_wood(cv, rng)
    cv.wrap = False
    for cx, cy in ((5.5, 16), (26.5, 16)):  # the chairs, seen from above
        cv.paint(circle(cv, cx + 1, cy + 1.5, 4.6), P.INK, 0.3)
        cv.paint(circle(cv, cx, cy, 4.4), (70, 44, 30))
        cv.paint(ring(cv, cx, cy, 4.0, 1.0), (40, 26, 20))
    cv.paint(circle(cv, 17.2, 17.8, 9.2), P.INK, 0.35)
    cv.paint(circle(cv, 16, 16, 9), textured(MARBLE, 0.06 * value_noise(rng, T, T, 4, 4), 1.0))
    cv.paint(ring(cv, 16, 16, 9, 1.0), P.BRASS, 0.9)
    cv.paint(circle(cv, 13, 14, 2.2), P.WHITE)  # the cup on its saucer
    cv.paint(circle(cv, 13, 14, 1.3), (60, 36, 24))
    cv.paint(circle(cv, 19.5, 19, 1.8), (214, 200, 120), 0.8)  # the pastis
    cv.paint(ring(cv, 19.5, 19, 1.8, 0.5), P.WHITE, 0.7)
    cv.wrap = True


def dining_table(cv: Canvas, rng: Rng) -> None:
    """The country house's long table: a white cloth running edge to edge (so tables side by
    side make one), a place laid with its glass, a silver candlestick."""
    floor_carpet(cv, rng)
    cv.wrap = False
    cv.paint(box(cv, -1, 6.5, 33, 27.5), P.INK, 0.35)
    cloth = textured(P.WHITE, 0.04 * value_noise(rng, T, T, 8, 2), 1.0)
    cv.paint(box(cv, -1, 5, 33, 26), cloth)
    cv.paint(box(cv, -1, 24.8, 33, 26), P.ASH, 0.6)
    cv.paint(circle(cv, 10, 16, 4.2), P.PAPER)  # the plate
    cv.paint(ring(cv, 10, 16, 3.2, 0.6), P.GOLD_DARK, 0.7)
    cv.paint(segment(cv, 4.5, 13, 4.5, 19, 0.8), P.SMOKE)  # fork and knife
    cv.paint(segment(cv, 15.5, 13, 15.5, 19, 0.8), P.SMOKE)
    cv.paint(circle(cv, 18, 11, 1.6), P.GLASS, 0.7)
    cv.paint(circle(cv, 24, 18, 2.4), (170, 172, 176))  # the candlestick
    cv.paint(circle(cv, 24, 18, 1.0), P.PAPER)
    cv.paint(circle(cv, 24, 18, 3.8), P.LAMP, 0.15)
    cv.wrap = True


def stove(cv: Canvas, rng: Rng) -> None:
    """The kitchen range: cast iron, four burner rings, a brass rail and a copper pan."""
    floor_tile(cv, rng)
    cv.wrap = False
    _shadow(cv, 2, 3, 30, 29, 1)
    cv.paint(box(cv, 2, 3, 30, 29, 1), CAST_IRON)
    cv.paint(box(cv, 2, 3, 30, 4.2, 0.6), P.STEEL, 0.6)
    for cx, cy in ((9, 10), (21, 10), (9, 21), (21, 21)):
        cv.paint(ring(cv, cx, cy, 4.2, 1.0), (74, 74, 80))
        cv.paint(ring(cv, cx, cy, 2.2, 0.8), (74, 74, 80))
    cv.paint(circle(cv, 21, 21, 5.4), COPPER)  # a pan on the front right burner
    cv.paint(circle(cv, 21, 21, 4.2), (120, 70, 40))
    cv.paint(segment(cv, 25, 25, 30.5, 30.5, 1.6), COPPER)
    cv.paint(segment(cv, 2, 27.5, 30, 27.5, 1.2), P.BRASS)
    cv.paint(circle(cv, 9, 10, 1.6), (230, 90, 40), 0.6)  # the fire glows through
    cv.wrap = True


def piano(cv: Canvas, rng: Rng) -> None:
    """A black grand piano seen from above: the curved lid, a white keyboard at the front."""
    floor_carpet(cv, rng)
    cv.wrap = False
    body = [(4, 24), (4, 6), (9, 2.5), (16, 3), (21, 8), (28, 13), (28, 24)]
    cv.paint(polygon(cv, [(x + 1.2, y + 1.5) for x, y in body]), P.INK, 0.4)
    cv.paint(polygon(cv, body), (22, 20, 24))
    cv.paint(polygon(cv, [(6, 8), (10, 5), (15, 5.5), (19, 10)]), P.WHITE, 0.10)  # gloss
    cv.paint(box(cv, 4, 24, 28, 29, 0.6), P.WHITE)
    for k in range(1, 12):
        x = 4 + k * 2
        cv.paint(box(cv, x - 0.25, 24, x + 0.25, 29), P.ASH)
        if k % 7 not in (3, 0):
            cv.paint(box(cv, x - 0.7, 24, x + 0.7, 26.6), P.INK)
    cv.paint(segment(cv, 11, 10, 25, 20, 0.5), P.BRASS, 0.5)  # a string glimpsed
    cv.wrap = True


def _tufts(cv: Canvas, rng: Rng) -> list[tuple[float, float]]:
    """Lawn with darker tufts of long grass; returns where the moonlit blade tips are."""
    grass(cv, rng)
    tips = []
    for _ in range(7):
        x, y = rng.uniform(2, 30), rng.uniform(4, 30)
        for k in range(4):
            a = -np.pi / 2 + (k - 1.5) * 0.35
            tip = (x + 4 * np.cos(a), y + 4.5 * np.sin(a))
            cv.paint(segment(cv, x, y, *tip, 0.9), P.LEAF, 0.95)
            tips.append(tip)
    return tips


def _flowers(cv: Canvas, rng: Rng) -> list[tuple[float, float, tuple[int, int, int]]]:
    """A flower bed: dug earth, clumps of leaves, a box edging; returns the roses."""
    grass(cv, rng)
    cv.paint(box(cv, 2, 2, 30, 30, 3), textured(P.EARTH, 0.12 * grain(rng, T, T), 1.0))
    roses = []
    for _ in range(6):
        x, y = rng.uniform(6, 26), rng.uniform(6, 26)
        cv.paint(circle(cv, x, y, 3.4), P.LEAF)
        color = (236, 226, 230) if rng.random() < 0.6 else (210, 80, 90)
        for k in range(3):
            a = k * 2 * np.pi / 3 + rng.uniform(0, 1)
            roses.append((x + 1.6 * np.cos(a), y + 1.6 * np.sin(a), color))
    edge = box(cv, 1, 1, 31, 31, 3) - box(cv, 2.6, 2.6, 29.4, 29.4, 2)
    cv.paint(np.clip(edge, 0, 1), (60, 90, 56))
    return roses


def grass_dark_tufts(cv: Canvas, rng: Rng) -> None:
    """Tufts at night: the lawn night-graded, the blade tips catching the moon."""
    tips = _tufts(cv, rng)
    unlit(cv)
    for x, y in tips:
        cv.paint(circle(cv, x, y, 0.7), (150, 170, 180), 0.55)


def grass_dark_flowers(cv: Canvas, rng: Rng) -> None:
    """A flower bed at night: pale roses stay pale in the moonlight, red ones go dark."""
    cv.wrap = False
    roses = _flowers(cv, rng)
    unlit(cv)
    for x, y, color in roses:
        cv.paint(circle(cv, x, y, 1.2), np.array(color) * 0.75)
    cv.wrap = True


DRAWINGS: dict[str, Draw] = {
    "workbench": workbench,
    "cafe_table": cafe_table,
    "dining_table": dining_table,
    "stove": stove,
    "piano": piano,
    "grass_dark_tufts": grass_dark_tufts,
    "grass_dark_flowers": grass_dark_flowers,
}
