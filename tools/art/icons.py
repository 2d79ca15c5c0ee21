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


def _brace(cv: Canvas, x: float, y: float) -> None:
    """A carpenter's brace (the hand drill of the film) with its head at (x, y): a round
    head, the square crank bowing out with its gold grip, the chuck and a spiral bit."""
    cv.paint(ellipse(cv, x, y, 6.5, 2.6), INK_)
    crank = [(x, y), (x, y + 4), (x + 6, y + 4), (x + 8, y + 6), (x + 8, y + 14),
             (x + 6, y + 16), (x, y + 16), (x, y + 18)]  # fmt: skip
    cv.paint(polyline(cv, crank, 3.0), INK_)
    cv.paint(box(cv, x + 5.5, y + 6.5, x + 10.5, y + 13.5, 1.8), P.GOLD)
    cv.paint(box(cv, x - 2.4, y + 17, x + 2.4, y + 20.5, 1), INK_)
    for n in range(3):
        yy = y + 21.5 + n * 2.0
        cv.paint(segment(cv, x - 1.8, yy, x + 1.8, yy + 1.2, 1.5), INK_)
    cv.paint(polygon(cv, [(x - 1, y + 26.5), (x + 1, y + 26.5), (x, y + 28)]), INK_)


def drill(cv: Canvas, rng: Rng) -> None:
    """A brace boring into the boards, plaster dust puffing out at the bit."""
    _brace(cv, 13, 3)
    cv.paint(segment(cv, 2, 30.5, 30, 30.5, 1.4), P.ASH, 0.8)
    for x, y, r in ((7.5, 28.5, 1.5), (19, 28.5, 1.4), (22.5, 26, 1.0), (5, 26, 0.9)):
        cv.paint(circle(cv, x, y, r), P.ASH)
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


def _coil(cv: Canvas, cx: float, cy: float) -> None:
    """Three loops of rope, hemp-gold, the end hanging."""
    for r in (10.5, 7.2, 4.0):
        band = ring(cv, cx, cy, r, 2.2)
        cv.paint(band, P.GOLD)
        twist = np.sin(np.arctan2(cv.py - cy, cv.px - cx) * 9) > 0.4
        cv.paint(band * twist, P.GOLD_DARK, 0.7)


def rope(cv: Canvas, rng: Rng) -> None:
    """A coiled rope with its end hanging down: lower the rope."""
    _coil(cv, 14, 13)
    cv.paint(polyline(cv, [(24, 13), (26, 20), (26, 29)], 2.4), P.GOLD)
    cv.paint(ellipse(cv, 26, 29, 2, 1.6), P.GOLD_DARK)
    _done(cv)


def climb(cv: Canvas, rng: Rng) -> None:
    """A rope hanging from a hole with a knot to grip, arrows up and down: climb it."""
    cv.paint(ellipse(cv, 13, 5, 9, 2.6), INK_)
    cv.paint(ellipse(cv, 13, 5, 6.5, 1.5), P.INK)
    cv.paint(segment(cv, 13, 5, 13, 29, 2.2), P.GOLD)
    for y in (12, 19, 26):
        cv.paint(ellipse(cv, 13, y, 2.4, 1.6), P.GOLD_DARK)
    cv.paint(polygon(cv, [(25, 6), (30, 13), (20, 13)]), INK_)
    cv.paint(polygon(cv, [(25, 29), (30, 22), (20, 22)]), INK_)
    cv.paint(segment(cv, 25, 12, 25, 23, 2.0), INK_)
    _done(cv)


def _cylinder(cv: Canvas, x0: float, y0: float, x1: float, y1: float) -> None:
    """A red extinguisher body with a brass valve, a paper label and a black hose."""
    cv.paint(box(cv, x0, y0, x1, y1, 2.5), P.RED)
    cv.paint(box(cv, x0 + 1, y0 + 1, x0 + 2.6, y1 - 1.5, 0.8), P.RED_LIGHT, 0.8)
    cv.paint(box(cv, x0, (y0 + y1) / 2 - 2, x1, (y0 + y1) / 2 + 2), INK_)
    cx = (x0 + x1) / 2
    cv.paint(box(cv, cx - 2.2, y0 - 4, cx + 2.2, y0 + 0.5, 0.8), P.BRASS)


def foam(cv: Canvas, rng: Rng) -> None:
    """An extinguisher spraying a cloud of foam: smother the bell."""
    _cylinder(cv, 3, 14, 11, 30)
    cv.paint(polyline(cv, [(7, 10.5), (12, 7), (16, 9)], 1.6), INK_)
    foam_col = (220, 232, 246)
    for x, y, r in ((21, 11, 4.8), (26.5, 7, 3.6), (26, 15, 3.8), (18, 5, 2.6), (29, 22, 2.4)):
        cv.paint(circle(cv, x, y, r), foam_col)
    _done(cv)


def extinguisher(cv: Canvas, rng: Rng) -> None:
    """A foam extinguisher standing up: the item."""
    _cylinder(cv, 10, 8, 22, 30)
    cv.paint(polyline(cv, [(16, 5), (24, 6), (26, 12)], 1.8), INK_)
    cv.paint(segment(cv, 13, 4, 20, 2.5, 1.8), P.BRASS)
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
    """A swag bag with a cut diamond and a pearl string spilling out: take the loot."""
    sack = [(7, 14), (21, 14), (25, 24), (22, 30), (6, 30), (3, 24)]
    cv.paint(polygon(cv, sack), INK_)
    cv.paint(segment(cv, 8, 15, 20, 15, 1.6), P.GOLD_DARK)
    gem = [(17, 8), (20, 4), (26, 4), (29, 8), (23, 16)]
    cv.paint(polygon(cv, gem), P.GOLD)
    cv.paint(polygon(cv, [(17, 8), (29, 8), (23, 16)]), P.GOLD_DARK, 0.5)
    for k in range(5):
        cv.paint(circle(cv, 6 + k * 2.2, 10.5 - abs(k - 2) * 1.2, 1.1), P.WHITE)
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


def _bearer(cv: Canvas, x: float) -> None:
    """A man standing, seen from the side, his arm raised to his shoulder."""
    cv.paint(circle(cv, x, 6, 3.4), INK_)
    cv.paint(box(cv, x - 4, 11, x + 4, 23, 2.5), INK_)
    cv.paint(box(cv, x - 3.5, 22, x - 0.5, 30, 1), INK_)
    cv.paint(box(cv, x + 0.5, 22, x + 3.5, 30, 1), INK_)


def carry(cv: Canvas, rng: Rng) -> None:
    """A man with a limp body slung over his shoulder: carry someone (or the loot)."""
    _bearer(cv, 12)
    slumped = [(3, 13), (10, 10.5), (22, 10.5), (28, 13), (27, 16), (16, 15.5), (6, 17)]
    cv.paint(polygon(cv, slumped), P.ASH)
    cv.paint(circle(cv, 28, 18, 2.6), P.ASH)
    cv.paint(segment(cv, 4, 14, 2, 22, 1.6), P.ASH)
    _done(cv)


def drop(cv: Canvas, rng: Rng) -> None:
    """A bundle set down on the floor, an arrow pointing down: put down."""
    _bearer(cv, 9)
    cv.paint(ellipse(cv, 22, 27.5, 8, 3), P.ASH)
    cv.paint(segment(cv, 22, 6, 22, 18, 2.2), P.GOLD)
    cv.paint(polygon(cv, [(22, 23), (17.5, 17), (26.5, 17)]), P.GOLD)
    cv.paint(segment(cv, 1, 30.5, 31, 30.5, 1.4), INK_, 0.6)
    _done(cv)


def _pistol(cv: Canvas, x: float) -> None:
    """An automatic pistol side view: slide, trigger guard, grip."""
    cv.paint(box(cv, x, 11, x + 17, 16, 1), INK_)
    cv.paint(segment(cv, x + 1, 12.2, x + 16, 12.2, 0.6), P.ASH, 0.7)
    cv.paint(polygon(cv, [(x + 4, 15), (x + 10, 15), (x + 8, 26), (x + 2, 26)]), INK_)
    cv.paint(ring(cv, x + 11, 17.5, 2.4, 1.2) * (cv.py > 16), INK_)


def shoot(cv: Canvas, rng: Rng) -> None:
    """A pistol firing, the flash red: shoot."""
    _pistol(cv, 4)
    cv.paint(polygon(cv, [(22, 13.5), (31, 8), (28, 13.5), (31, 19)]), P.RED)
    _done(cv)


def gun(cv: Canvas, rng: Rng) -> None:
    """A pistol at rest: the item."""
    _pistol(cv, 7)
    _done(cv)


def lockpick(cv: Canvas, rng: Rng) -> None:
    """A hook pick and a tension wrench, fanned: the item."""
    cv.paint(segment(cv, 5, 27, 11, 21, 4.2), P.GOLD)
    cv.paint(polyline(cv, [(11, 21), (25, 7), (26.5, 3.5)], 2.0), INK_)
    cv.paint(segment(cv, 9, 29, 15, 25, 4.2), P.GOLD_DARK)
    cv.paint(polyline(cv, [(15, 25), (28, 15), (30, 17)], 2.0), INK_)
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
    "end_turn": end_turn, "peek": peek, "climb": climb, "drop": drop,
    "extinguisher": extinguisher, "gun": gun, "lockpick": lockpick,
}  # fmt: skip
