"""Action icons for the HUD: pale glyphs with a dark outline, one accent each.

Icons sit on whatever panel the UI draws, so they are cream shapes with an ink
outline (legible on dark and light), and use the set's colour meanings: gold
for taking loot, red for violence and danger, blue-white for foam.
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
    outline,
    polygon,
    polyline,
    ring,
    segment,
)

Rng = np.random.Generator
Draw = Callable[[Canvas, Rng], None]
INK_ = P.PAPER  # glyph colour


def _done(cv: Canvas) -> None:
    outline(cv, P.INK)


def _shoe(cv: Canvas, x: float, y: float, alpha: float = 1.0) -> None:
    cv.paint(ellipse(cv, x, y, 2.8, 4.2), INK_, alpha)
    cv.paint(ellipse(cv, x, y + 6.2, 2.2, 1.8), INK_, alpha)


def move(cv: Canvas, rng: Rng) -> None:
    _shoe(cv, 11, 15)
    _shoe(cv, 21, 7)
    _done(cv)


def sneak(cv: Canvas, rng: Rng) -> None:
    """Tiptoe prints (ball of the foot and toes only), the later one fading."""
    for x, y, a in ((11, 19, 1.0), (21, 9, 0.55)):
        cv.paint(ellipse(cv, x, y, 3.0, 3.6), INK_, a)
        for k, dx in enumerate((-2.4, 0.0, 2.4)):
            cv.paint(circle(cv, x + dx, y - 5.2 + abs(dx) * 0.3, 1.1 - 0.1 * k), INK_, a)
    cv.paint(segment(cv, 5, 28, 27, 28, 1.0), P.ASH, 0.6)
    _done(cv)


def _door(cv: Canvas, ajar: bool) -> None:
    cv.paint(box(cv, 7, 4, 25, 29) - box(cv, 9, 6, 23, 29), INK_)
    if ajar:
        cv.paint(polygon(cv, [(9, 6), (17, 9), (17, 30), (9, 27)]), INK_)
    else:
        cv.paint(box(cv, 10, 7, 22, 28), INK_, 0.85)
        cv.paint(circle(cv, 19.5, 18, 1.2), P.INK)


def open_(cv: Canvas, rng: Rng) -> None:
    _door(cv, ajar=True)
    cv.paint(segment(cv, 20, 18, 29, 18, 2), P.GOLD)
    cv.paint(polygon(cv, [(30, 18), (26, 14), (26, 22)]), P.GOLD)
    _done(cv)


def close(cv: Canvas, rng: Rng) -> None:
    _door(cv, ajar=False)
    cv.paint(segment(cv, 3, 18, 10, 18, 2), P.GOLD)
    cv.paint(polygon(cv, [(11, 18), (7, 14), (7, 22)]), P.GOLD)
    _done(cv)


def pick(cv: Canvas, rng: Rng) -> None:
    """A keyhole with a bent pick going in."""
    cv.paint(circle(cv, 13, 12, 4.5), INK_)
    cv.paint(polygon(cv, [(10.5, 13), (15.5, 13), (17, 24), (9, 24)]), INK_)
    cv.paint(polyline(cv, [(14, 18), (24, 26), (28, 24)], 1.6), P.GOLD)
    _done(cv)


def drill(cv: Canvas, rng: Rng) -> None:
    """A spiral drill bit boring down."""
    cv.paint(box(cv, 13, 3, 19, 9, 1), INK_)
    for k in range(5):
        y = 10 + k * 3.6
        cv.paint(segment(cv, 11.5, y, 20.5, y + 2.2, 2), INK_)
    cv.paint(polygon(cv, [(12, 27), (20, 27), (16, 31)]), INK_)
    cv.paint(circle(cv, 6, 27, 1.5), P.ASH)
    cv.paint(circle(cv, 26, 26, 1.2), P.ASH)
    _done(cv)


def umbrella(cv: Canvas, rng: Rng) -> None:
    canopy = circle(cv, 16, 15, 12) * (cv.py < 15)
    for x in (8, 16, 24):
        canopy = canopy - circle(cv, x, 15.5, 4)
    cv.paint(np.clip(canopy, 0, 1), INK_)
    cv.paint(segment(cv, 16, 14, 16, 26, 1.6), INK_)
    cv.paint(ring(cv, 13.5, 26, 2.5, 1.6) * (cv.py > 26), INK_)
    for _ in range(3):
        x, y = rng.uniform(6, 26), rng.uniform(2, 6)
        cv.paint(circle(cv, x, y, 1.0), P.ASH)
    _done(cv)


def rope(cv: Canvas, rng: Rng) -> None:
    """A rope hanging down through a hole."""
    cv.paint(ellipse(cv, 16, 6, 10, 3), INK_)
    cv.paint(ellipse(cv, 16, 6, 7, 1.8), P.INK)
    pts = [(16, 5)] + [(16 + 1.8 * np.sin(k), 7 + k * 2.6) for k in range(1, 9)]
    cv.paint(polyline(cv, pts, 2.2), P.GOLD)
    cv.paint(polygon(cv, [(16, 31), (12, 26), (20, 26)]), INK_)
    _done(cv)


def foam(cv: Canvas, rng: Rng) -> None:
    """A spray nozzle and a cloud of foam."""
    cv.paint(segment(cv, 4, 27, 12, 19, 3), P.RED)
    foam_col = (220, 232, 246)
    for x, y, r in ((17, 14, 5.5), (23, 10, 4.5), (24, 18, 4.5), (14, 8, 3.5), (27, 25, 3)):
        cv.paint(circle(cv, x, y, r), foam_col)
    _done(cv)


def crack(cv: Canvas, rng: Rng) -> None:
    """A safe dial with one tick lit gold."""
    cv.paint(circle(cv, 16, 16, 12), INK_)
    cv.paint(circle(cv, 16, 16, 8.5), P.INK)
    for k in range(12):
        a = k * np.pi / 6
        col = P.GOLD if k == 0 else INK_
        cv.paint(
            segment(
                cv,
                16 + 9.5 * np.sin(a),
                16 - 9.5 * np.cos(a),
                16 + 11.5 * np.sin(a),
                16 - 11.5 * np.cos(a),
                1.0,
            ),
            P.INK if k else col,
        )
    cv.paint(circle(cv, 16, 16, 3), INK_)
    cv.paint(segment(cv, 16, 16, 16, 9, 1.6), P.GOLD)
    _done(cv)


def take(cv: Canvas, rng: Rng) -> None:
    """A cut diamond: loot."""
    gem = [(8, 12), (12, 7), (20, 7), (24, 12), (16, 26)]
    cv.paint(polygon(cv, gem), P.GOLD)
    cv.paint(polygon(cv, [(8, 12), (24, 12), (16, 26)]), P.GOLD_DARK, 0.5)
    cv.paint(polyline(cv, [(12, 7), (14, 12), (16, 7), (18, 12), (20, 7)], 0.8), P.GOLD_LIGHT)
    _done(cv)


def knockout(cv: Canvas, rng: Rng) -> None:
    """A cosh swinging onto a burst."""
    pts = [
        (
            16 + (9 if k % 2 == 0 else 4) * np.cos(k * np.pi / 6),
            19 + (9 if k % 2 == 0 else 4) * np.sin(k * np.pi / 6),
        )
        for k in range(12)
    ]
    cv.paint(polygon(cv, pts), P.RED)
    cv.paint(segment(cv, 6, 4, 17, 15, 3.4), INK_)
    cv.paint(circle(cv, 17, 15, 3.2), INK_)
    _done(cv)


def carry(cv: Canvas, rng: Rng) -> None:
    """A figure with a bundle over the shoulder."""
    cv.paint(circle(cv, 13, 8, 3.5), INK_)
    cv.paint(box(cv, 8, 12, 18, 24, 2.5), INK_)
    cv.paint(box(cv, 9, 23, 12, 30, 1), INK_)
    cv.paint(box(cv, 14, 23, 17, 30, 1), INK_)
    cv.paint(ellipse(cv, 22, 11, 6.5, 3.5), P.GOLD)
    _done(cv)


def shoot(cv: Canvas, rng: Rng) -> None:
    cv.paint(box(cv, 4, 11, 21, 16, 1), INK_)
    cv.paint(polygon(cv, [(8, 15), (14, 15), (12, 26), (6, 26)]), INK_)
    cv.paint(polygon(cv, [(22, 13.5), (31, 8), (28, 13.5), (31, 19)]), P.RED)
    _done(cv)


def wait(cv: Canvas, rng: Rng) -> None:
    """An hourglass."""
    cv.paint(box(cv, 8, 3, 24, 6, 1), INK_)
    cv.paint(box(cv, 8, 26, 24, 29, 1), INK_)
    glass = [(10, 6), (22, 6), (17, 16), (22, 26), (10, 26), (15, 16)]
    cv.paint(polygon(cv, glass), INK_, 0.55)
    cv.paint(polygon(cv, [(12, 8), (20, 8), (16, 14)]), P.GOLD)
    cv.paint(polygon(cv, [(16, 20), (20, 25), (12, 25)]), P.GOLD)
    _done(cv)


def end_turn(cv: Canvas, rng: Rng) -> None:
    """A moon and a forward chevron: the night moves on."""
    cv.paint(circle(cv, 12, 14, 8) - circle(cv, 15, 11, 7), INK_)
    cv.paint(polyline(cv, [(19, 14), (26, 20), (19, 26)], 2.6), P.GOLD)
    _done(cv)


def peek(cv: Canvas, rng: Rng) -> None:
    """An eye at a door's edge: look before you go."""
    cv.paint(box(cv, 3, 3, 9, 29, 1), INK_, 0.55)
    cv.paint(ellipse(cv, 19, 16, 10, 6.5) - ellipse(cv, 19, 16, 8, 4.6), INK_)
    cv.paint(circle(cv, 19, 16, 3.6), P.GOLD)
    cv.paint(circle(cv, 19, 16, 1.4), P.INK)
    _done(cv)


DRAWINGS: dict[str, Draw] = {
    "move": move, "sneak": sneak, "open": open_, "close": close, "pick": pick,
    "drill": drill, "umbrella": umbrella, "rope": rope, "foam": foam, "crack": crack,
    "take": take, "knockout": knockout, "carry": carry, "shoot": shoot, "wait": wait,
    "end_turn": end_turn, "peek": peek,
}  # fmt: skip
