"""Light sources a designer places in Tiled (class ``light``): the lamp, the street light and
the lit window, each a warm point in the night the game grades around it."""

from __future__ import annotations

import numpy as np

from art import palette as P
from art.canvas import Canvas, box, circle, ellipse, glow, outline, polygon, segment

Rng = np.random.Generator
IRON = (38, 36, 34)


def lamp(cv: Canvas, rng: Rng) -> None:
    """A porch or wall lamp: a brass bracket holding a glass globe, glowing."""
    cv.paint(glow(cv, 16, 17, 16), P.LAMP, 0.4)
    cv.paint(box(cv, 13, 3, 19, 7, 1), IRON)
    cv.paint(segment(cv, 16, 6, 16, 10, 1.6), P.BRASS)
    cv.paint(box(cv, 11, 9, 21, 11.5, 1), P.BRASS)
    cv.paint(circle(cv, 16, 18, 7), P.GOLD_DARK)
    cv.paint(circle(cv, 16, 18, 6), P.LAMP)
    cv.paint(glow(cv, 14.5, 16.5, 5), P.WHITE, 0.9)
    cv.paint(box(cv, 13.5, 24.5, 18.5, 26.5, 1), P.BRASS)
    outline(cv, P.INK)


def street_light(cv: Canvas, rng: Rng) -> None:
    """A Paris street lantern seen from above: an iron hexagon around a bright lamp."""
    cv.paint(glow(cv, 16, 16, 16), P.LAMP, 0.45)
    cv.paint(circle(cv, 18, 18, 8.5), P.INK, 0.35)
    outer = [(16 + 8.5 * np.cos(a), 16 + 8.5 * np.sin(a)) for a in np.arange(6) * np.pi / 3]
    inner = [(16 + 6 * np.cos(a), 16 + 6 * np.sin(a)) for a in np.arange(6) * np.pi / 3]
    cv.paint(polygon(cv, outer), IRON)
    cv.paint(polygon(cv, inner), P.LAMP)
    cv.paint(glow(cv, 15, 15, 6), P.WHITE, 0.85)
    for a in np.arange(3) * np.pi / 3:
        dx, dy = 6 * np.cos(a), 6 * np.sin(a)
        cv.paint(segment(cv, 16 - dx, 16 - dy, 16 + dx, 16 + dy, 0.9), IRON, 0.9)
    cv.paint(circle(cv, 16, 16, 2), IRON)
    outline(cv, P.INK)


def window_light(cv: Canvas, rng: Rng) -> None:
    """A lit window: warm panes behind glazing bars, a curtain drawn to one side."""
    cv.paint(glow(cv, 16, 16, 16), P.LAMP, 0.35)
    cv.paint(box(cv, 6, 6, 26, 26, 1), P.WOOD_DARK)
    cv.paint(box(cv, 8, 8, 24, 24), P.LAMP)
    cv.paint(glow(cv, 13, 13, 9), P.WHITE, 0.6)
    cv.paint(polygon(cv, [(8, 8), (13, 8), (11, 24), (8, 24)]), P.WINE, 0.85)
    cv.paint(segment(cv, 16, 8, 16, 24, 1.2), P.WOOD_DARK)
    cv.paint(segment(cv, 8, 16, 24, 16, 1.2), P.WOOD_DARK)
    cv.paint(ellipse(cv, 16, 27, 9, 1.4), P.INK, 0.4)
    outline(cv, P.INK)
