"""Furniture tiles: counter, table, shelf, bed and sofa on their usual floors.

Furniture blocks walking; only the shelf also blocks sight, so it is the one
drawn tall and full (books and boxes up to the edges) while the low pieces leave
floor showing around them.
"""

from __future__ import annotations

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
    value_noise,
)
from art.terrain import T, floor_tile, floor_wood

Rng = np.random.Generator
RED_EMBER = (255, 120, 60)
VELVET = (62, 96, 78)


def _shadow(cv: Canvas, x0: float, y0: float, x1: float, y1: float, r: float = 2) -> None:
    """Soft contact shadow offset down-right, as if lit by a lamp up-left."""
    cv.paint(box(cv, x0 + 1.5, y0 + 2, x1 + 1.5, y1 + 2, r), P.INK, 0.35)
    cv.paint(box(cv, x0 + 0.7, y0 + 1, x1 + 0.7, y1 + 1, r), P.INK, 0.3)


def counter(cv: Canvas, rng: Rng) -> None:
    """The jeweller's glass display counter with a few glints inside."""
    floor_tile(cv, rng)
    cv.wrap = False
    grain_ = 0.08 * value_noise(rng, T, T, 2, 10)
    _shadow(cv, 2, 5, 30, 27)
    cv.paint(box(cv, 2, 5, 30, 27, 1.5), textured(P.WOOD_DARK, grain_, 1.0))
    cv.paint(box(cv, 2, 5, 30, 6.2, 1.0), P.WOOD_LIGHT, 0.45)
    cv.paint(box(cv, 5, 8, 27, 24, 0.8), P.GLASS_DARK)
    cv.paint(box(cv, 6, 9, 26, 23, 0.8), (64, 30, 36))
    for x, y, col in ((10, 13, P.GOLD), (16, 17, P.WHITE), (21, 12, P.GOLD), (12, 20, P.RED)):
        cv.paint(circle(cv, x, y, 1.3), col)
        cv.paint(circle(cv, x - 0.4, y - 0.4, 0.5), P.WHITE, 0.8)
    cv.paint(polygon(cv, [(5, 24), (10, 24), (22, 8), (17, 8)]), P.WHITE, 0.14)
    cv.paint(box(cv, 5, 8, 27, 24) - box(cv, 5.8, 8.8, 26.2, 23.2), P.BRASS, 0.8)
    cv.wrap = True


def table(cv: Canvas, rng: Rng) -> None:
    """A kitchen table: newspaper, wine bottle, glass and a smoking ashtray."""
    floor_wood(cv, rng)
    cv.wrap = False
    grain_ = 0.10 * value_noise(rng, T, T, 2, 12) + 0.04 * grain(rng, T, T)
    _shadow(cv, 4, 4, 28, 28, 2.5)
    cv.paint(box(cv, 4, 4, 28, 28, 2.5), textured(P.WOOD_LIGHT, grain_, 1.0))
    cv.paint(box(cv, 4, 27, 28, 28, 1), P.INK, 0.35)
    cv.paint(box(cv, 4, 4, 28, 5, 1), P.WHITE, 0.2)
    paper = [(7, 9), (17, 7), (19, 17), (9, 19)]
    cv.paint(polygon(cv, [(x + 0.8, y + 0.8) for x, y in paper]), P.INK, 0.3)
    cv.paint(polygon(cv, paper), P.PAPER)
    for k in range(4):
        y = 10.5 + k * 2.2
        cv.paint(segment(cv, 9 + 0.2 * k, y, 16 + 0.2 * k, y - 1.3, 0.6), P.SMOKE, 0.8)
    cv.paint(circle(cv, 22.5, 11.5, 2.8), (34, 58, 40))
    cv.paint(circle(cv, 22.5, 11.5, 1.1), (150, 120, 80))
    cv.paint(circle(cv, 21.5, 10.5, 0.8), P.WHITE, 0.35)
    cv.paint(circle(cv, 21, 21, 2.2), P.GLASS, 0.6)
    cv.paint(ring(cv, 21, 21, 2.2, 0.6), P.WHITE, 0.7)
    cv.paint(circle(cv, 11, 23, 2.6), (70, 70, 74))
    cv.paint(circle(cv, 11, 23, 1.5), (30, 30, 32))
    cv.paint(segment(cv, 11, 23, 14.5, 21.5, 0.8), P.PAPER)
    cv.paint(circle(cv, 14.6, 21.4, 0.6), RED_EMBER)
    cv.wrap = True


def shelf(cv: Canvas, rng: Rng) -> None:
    """A tall bookcase seen from above: a dark carcass packed with spines and boxes."""
    floor_wood(cv, rng)
    cv.wrap = False
    _shadow(cv, 1, 2, 31, 30, 1)
    cv.paint(box(cv, 1, 2, 31, 30, 1), (46, 34, 28))
    x = 3.0
    while x < 28.5:
        w = rng.uniform(1.6, 3.4) if rng.random() < 0.75 else rng.uniform(4.0, 6.0)
        w = min(w, 29 - x)
        col = np.array(
            rng.choice([(96, 40, 40), (52, 62, 84), (70, 80, 60), (130, 112, 82), P.ASH])
        ) * rng.uniform(0.7, 1.0)
        cv.paint(box(cv, x, 4, x + w - 0.4, 28, 0.4), col)
        cv.paint(box(cv, x, 4, x + 0.6, 28), P.WHITE, 0.12)
        if w > 2.6:
            cv.paint(box(cv, x + 0.6, 9, x + w - 1.0, 10), P.GOLD_DARK, 0.7)
        x += w
    cv.paint(box(cv, 1, 2, 31, 4), P.WOOD_DARK)
    cv.paint(box(cv, 1, 28, 31, 30), P.WOOD_DARK)
    cv.paint(box(cv, 1, 15.2, 31, 16.8), P.WOOD_DARK)
    cv.paint(box(cv, 1, 2, 31, 2.8), P.WOOD_LIGHT, 0.5)
    cv.wrap = True


def bed(cv: Canvas, rng: Rng) -> None:
    """A single bed: wooden frame, pillow at the head, blanket turned down."""
    floor_wood(cv, rng)
    cv.wrap = False
    _shadow(cv, 3, 1, 29, 31, 2)
    cv.paint(box(cv, 3, 1, 29, 31, 2), P.WOOD_DARK)
    cv.paint(box(cv, 5, 3, 27, 30, 1.5), P.PAPER)
    cv.paint(box(cv, 7, 4, 25, 10, 3), P.WHITE)
    cv.paint(ellipse(cv, 16, 9, 8, 1.2), P.ASH, 0.5)
    blanket = textured((60, 72, 100), 0.06 * grain(rng, T, T), 1.0)
    cv.paint(box(cv, 5, 13, 27, 30, 1.5), blanket)
    cv.paint(box(cv, 5, 13, 27, 15.5, 1), (200, 198, 190))
    for y in (19, 24):
        cv.paint(segment(cv, 7, y, 25, y + 1.5, 0.7), (38, 46, 70), 0.7)
    cv.paint(box(cv, 3, 1, 29, 2.5, 1), P.WOOD_LIGHT, 0.5)
    cv.wrap = True


def sofa(cv: Canvas, rng: Rng) -> None:
    """A green velvet sofa: back along the top, two arms, two cushions."""
    floor_wood(cv, rng)
    cv.wrap = False
    tex = 0.08 * value_noise(rng, T, T, 4, 4) + 0.05 * grain(rng, T, T)
    leather = textured(VELVET, tex, 1.0)
    _shadow(cv, 1, 5, 31, 28, 3)
    cv.paint(box(cv, 1, 5, 31, 28, 3), textured(np.array(VELVET) * 0.55, tex, 1.0))
    cv.paint(box(cv, 2, 5, 30, 11, 2.5), leather)
    for x0 in (1, 25):
        cv.paint(box(cv, x0, 6, x0 + 6, 28, 2.5), leather)
        cv.paint(box(cv, x0 + 1, 7, x0 + 2, 27, 0.5), P.WHITE, 0.15)
    for x0 in (7.3, 16.2):
        cv.paint(box(cv, x0, 11.5, x0 + 8.5, 26.5, 1.5), leather)
        cv.paint(box(cv, x0, 11.5, x0 + 8.5, 13, 1), P.WHITE, 0.15)
        cv.paint(box(cv, x0, 25.5, x0 + 8.5, 26.5, 0.5), P.INK, 0.3)
    for x in (7, 12, 17, 22, 27):
        cv.paint(circle(cv, x - 1.5, 8, 0.6), P.INK, 0.5)
    cv.paint(box(cv, 2, 5, 30, 6, 1), P.WHITE, 0.2)
    cv.wrap = True
