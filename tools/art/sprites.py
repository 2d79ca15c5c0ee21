"""The objects tileset: every sprite by name, plus the small extras and markers.

``DRAWINGS`` maps each name in ``tilesets.OBJECTS`` to its drawing function; the
people come from :mod:`art.figures`, the big props from :mod:`art.props`, and the
few small things (markers, keys) are drawn here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from art import lights, props
from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    ellipse,
    outline,
    polygon,
    ring,
    segment,
)
from art.figures import CREW, KNOCKED_OUT, OTHERS, draw_figure

Rng = np.random.Generator
Draw = Callable[[Canvas, Rng], None]


def waypoint(cv: Canvas, rng: Rng) -> None:
    """A patrol route point: a small pale diamond with a dot."""
    pts = [(16, 8), (24, 16), (16, 24), (8, 16)]
    cv.paint(polygon(cv, pts), (200, 200, 190), 0.9)
    cv.paint(polygon(cv, [(16, 11), (21, 16), (16, 21), (11, 16)]), P.NAVY)
    cv.paint(circle(cv, 16, 16, 1.8), (200, 200, 190))
    outline(cv, P.INK)


def bag(cv: Canvas, rng: Rng) -> None:
    """A swag bag: dark canvas sack tied at the neck, gold peeping out."""
    cv.paint(ellipse(cv, 16, 27.5, 10, 2.5), P.INK, 0.5)
    sack = [(9, 12), (23, 12), (27, 22), (24, 28), (8, 28), (5, 22)]
    cv.paint(polygon(cv, sack), (70, 66, 58))
    cv.shade(1 + 0.25 * np.clip((16 - cv.px) / 10, -1, 1), polygon(cv, sack))
    cv.paint(ellipse(cv, 16, 10, 6, 3.5), (84, 80, 70))
    cv.paint(circle(cv, 14, 8.5, 1.6), P.GOLD)
    cv.paint(circle(cv, 17.5, 8, 1.3), P.GOLD_LIGHT)
    cv.paint(segment(cv, 10, 12.5, 22, 12.5, 1.6), P.WOOD)
    outline(cv, P.INK)


def pistol(cv: Canvas, rng: Rng) -> None:
    """A blued automatic pistol, side view."""
    cv.paint(box(cv, 6, 11, 26, 16, 1), (46, 48, 56))
    cv.paint(box(cv, 6, 11, 26, 12.2, 0.8), P.ASH, 0.5)
    cv.paint(polygon(cv, [(15, 15), (21, 15), (20, 26), (14, 26)]), (34, 30, 30))
    cv.paint(box(cv, 15.5, 17, 19.5, 25, 0.8), P.WOOD_DARK)
    cv.paint(ring(cv, 13.5, 17.5, 2.2, 1.0), (46, 48, 56))
    outline(cv, P.INK)


def key(cv: Canvas, rng: Rng) -> None:
    """A brass door key."""
    cv.paint(ring(cv, 10, 16, 4.5, 2.4), P.BRASS)
    cv.paint(segment(cv, 14, 16, 27, 16, 2.2), P.BRASS)
    cv.paint(box(cv, 22, 16, 24, 21, 0.3), P.BRASS)
    cv.paint(box(cv, 25.5, 16, 27, 20, 0.3), P.BRASS)
    cv.paint(segment(cv, 14, 15.4, 26, 15.4, 0.6), P.GOLD_LIGHT, 0.7)
    outline(cv, P.INK)


def torch(cv: Canvas, rng: Rng) -> None:
    """An electric torch with its warm beam."""
    beam = [(20, 13), (31, 6), (31, 26), (20, 19)]
    cv.paint(polygon(cv, beam), P.LAMP, 0.35)
    cv.paint(box(cv, 4, 13.5, 16, 18.5, 1.5), (64, 66, 72))
    cv.paint(box(cv, 15, 12, 21, 20, 1), (90, 92, 98))
    cv.paint(box(cv, 20, 12.5, 21, 19.5), P.LAMP)
    cv.paint(box(cv, 8, 13.5, 10, 15, 0.3), P.RED)
    cv.paint(box(cv, 4, 13.5, 16, 14.5, 0.5), P.WHITE, 0.3)
    outline(cv, P.INK)


def noise_marker(cv: Canvas, rng: Rng) -> None:
    """Where a noise was heard: concentric arcs around a dot."""
    cv.paint(circle(cv, 16, 16, 2.5), P.PAPER)
    for r, a in ((6.5, 0.9), (10.5, 0.65), (14.0, 0.4)):
        cv.paint(ring(cv, 16, 16, r, 1.5), P.PAPER, a)
    outline(cv, P.INK, 0.6)


DRAWINGS: dict[str, Draw] = {
    name: draw_figure(name)
    for name in [*CREW, *OTHERS, "sleeper", *(f"{n}_down" for n in KNOCKED_OUT)]
}
DRAWINGS.update(
    safe=props.safe,
    loot=props.loot,
    bell=props.bell,
    sensor=props.sensor,
    door_contact=props.door_contact,
    exit=props.exit_marker,
    car=props.car,
    umbrella=props.umbrella,
    rope=props.rope,
    hole=props.hole,
    drill=props.drill,
    extinguisher=props.extinguisher,
    waypoint=waypoint,
    bag=bag,
    pistol=pistol,
    key=key,
    torch=torch,
    noise=noise_marker,
    lamp=lights.lamp,
    street_light=lights.street_light,
    window_light=lights.window_light,
)
