"""Things: safe, loot, alarm parts, tools, the car and map markers.

Sprites sit on a transparent 32x32 cell above any floor, so each has a dark
outline and a contact shadow. Colour carries meaning across the set: gold is
loot, red is the alarm, pale cream is the crew's equipment and markers.
"""

from __future__ import annotations

import numpy as np

from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    ellipse,
    glow,
    outline,
    polygon,
    polyline,
    ring,
    segment,
)

Rng = np.random.Generator


def _star(cx: float, cy: float, r: float, inner: float, n: int = 4) -> list[tuple[float, float]]:
    pts = []
    for k in range(2 * n):
        rr = r if k % 2 == 0 else inner
        a = k * np.pi / n - np.pi / 2
        pts.append((cx + rr * np.cos(a), cy + rr * np.sin(a)))
    return pts


def safe(cv: Canvas, rng: Rng) -> None:
    """A squat steel safe, three-quarter view: lit top, dial, brass handle."""
    cv.paint(ellipse(cv, 16, 29, 12, 2.5), P.INK, 0.5)
    cv.paint(box(cv, 4, 4, 28, 11, 1.5), (104, 114, 112))
    cv.paint(box(cv, 4, 9, 28, 29, 1.5), (54, 62, 62))
    cv.paint(box(cv, 6.5, 11.5, 25.5, 26.5, 1), (44, 50, 52))
    cv.paint(box(cv, 6.5, 11.5, 25.5, 12.3), P.WHITE, 0.15)
    cv.paint(circle(cv, 14, 19, 5.0), P.BRASS)
    cv.paint(circle(cv, 14, 19, 3.8), (36, 40, 42))
    for k in range(12):
        a = k * np.pi / 6
        cv.paint(
            segment(
                cv,
                14 + 3 * np.cos(a),
                19 + 3 * np.sin(a),
                14 + 3.6 * np.cos(a),
                19 + 3.6 * np.sin(a),
                0.5,
            ),
            P.ASH,
        )
    cv.paint(circle(cv, 14, 19, 1.4), P.GOLD)
    cv.paint(segment(cv, 21.5, 16, 21.5, 22, 1.8), P.GOLD)
    cv.paint(circle(cv, 12.5, 17.5, 1.6), P.WHITE, 0.35)
    for y in (13, 25):
        cv.paint(box(cv, 4, y - 1.3, 5.5, y + 1.3), (30, 32, 34))
    cv.paint(box(cv, 4, 4, 28, 5, 1), P.WHITE, 0.25)
    outline(cv, P.INK)


def loot(cv: Canvas, rng: Rng) -> None:
    """A heap of gold coins, a pearl string and cut stones, glinting."""
    cv.paint(ellipse(cv, 16, 24, 12, 4), P.INK, 0.45)
    for _ in range(14):
        x, y = rng.uniform(7, 25), rng.uniform(14, 24)
        cv.paint(ellipse(cv, x, y + 0.8, 3.2, 1.9), P.GOLD_DARK)
        cv.paint(ellipse(cv, x, y, 3.2, 1.9), P.GOLD)
        cv.paint(ellipse(cv, x - 0.6, y - 0.5, 1.6, 0.8), P.GOLD_LIGHT, 0.8)
    for k in range(11):
        a = np.pi * (0.1 + 0.8 * k / 10)
        x, y = 16 + 9 * np.cos(a), 12 + 3.5 * np.sin(a) + 6
        cv.paint(circle(cv, x, y - 5, 1.2), P.WHITE)
        cv.paint(circle(cv, x - 0.35, y - 5.35, 0.45), (255, 255, 255), 0.9)
    for x, y, col in ((11, 12, P.RED_LIGHT), (20, 11, (90, 140, 220)), (16, 16, (90, 200, 140))):
        gem = [(x, y - 2.6), (x + 2.4, y), (x, y + 2.6), (x - 2.4, y)]
        cv.paint(polygon(cv, gem), col)
        cv.paint(polygon(cv, [(x, y - 2.6), (x + 2.4, y), (x, y)]), P.WHITE, 0.45)
    outline(cv, P.INK)
    cv.paint(polygon(cv, _star(22, 8, 3.5, 0.7)), P.WHITE, 0.95)
    cv.paint(polygon(cv, _star(9, 17, 2.4, 0.5)), P.WHITE, 0.9)


def bell(cv: Canvas, rng: Rng) -> None:
    """The alarm bell: a red dome on a wall box, clapper ready. Danger red."""
    cv.paint(glow(cv, 16, 16, 16), P.RED, 0.25)
    cv.paint(box(cv, 12, 3, 20, 8, 1), (60, 60, 64))
    cv.paint(circle(cv, 16, 17, 11), P.RED_DARK)
    cv.paint(circle(cv, 15.2, 16.2, 10), P.RED)
    cv.paint(glow(cv, 12, 12, 9), P.RED_LIGHT, 0.9)
    cv.paint(ring(cv, 16, 17, 7.5, 0.8), P.RED_DARK, 0.6)
    cv.paint(circle(cv, 16, 17, 2.6), (50, 50, 54))
    cv.paint(circle(cv, 11.5, 12, 1.6), P.WHITE, 0.7)
    cv.paint(segment(cv, 16, 8, 22, 13, 1.6), (50, 50, 54))
    cv.paint(circle(cv, 22.5, 13.5, 2.0), P.ASH)
    outline(cv, P.INK)


def sensor(cv: Canvas, rng: Rng) -> None:
    """A vibration sensor: a small steel box with a grille and a red pilot light."""
    for r in (8.5, 12.5):
        arc = ring(cv, 16, 17, r, 1.1) * (np.abs(cv.x - 16) > np.abs(cv.y - 17) * 0.6)
        cv.paint(arc, P.RED_LIGHT, 0.55)
    cv.paint(ellipse(cv, 16.5, 24, 7, 2), P.INK, 0.5)
    cv.paint(box(cv, 10, 10, 22, 24, 2), (120, 124, 128))
    cv.paint(box(cv, 10, 10, 22, 12, 1.5), P.WHITE, 0.25)
    for x in (13, 15, 17, 19):
        cv.paint(segment(cv, x, 14, x, 21, 0.8), (50, 52, 56))
    cv.paint(circle(cv, 20, 12.5, 1.2), P.RED_LIGHT)
    outline(cv, P.INK)


def door_contact(cv: Canvas, rng: Rng) -> None:
    """A door contact: switch and magnet blocks, with the red alarm wire leaving."""
    cv.paint(segment(cv, 10, 20, 10, 28, 1.2), P.RED)
    cv.paint(segment(cv, 10, 28, 30, 28, 1.2), P.RED)
    cv.paint(box(cv, 5, 9, 15, 20, 1.2), P.PAPER)
    cv.paint(box(cv, 17, 9, 27, 20, 1.2), P.ASH)
    cv.paint(box(cv, 5, 9, 15, 10.5, 1), P.WHITE, 0.6)
    cv.paint(box(cv, 5, 18.5, 15, 20), P.SMOKE, 0.6)
    for x in (7.5, 12.5):
        cv.paint(circle(cv, x, 14.5, 0.9), P.SMOKE)
    cv.paint(box(cv, 19, 13, 25, 16, 0.5), P.RED)
    cv.paint(segment(cv, 16, 6, 16, 23, 0.6), P.INK, 0.5)
    outline(cv, P.INK)


def exit_marker(cv: Canvas, rng: Rng) -> None:
    """Where the crew leaves the map: a ring on the ground and an arrow out."""
    cv.paint(ring(cv, 16, 16, 12.5, 2.0), (140, 210, 150), 0.85)
    arrow = [(16, 4), (25, 14), (20, 14), (20, 26), (12, 26), (12, 14), (7, 14)]
    cv.paint(polygon(cv, arrow), (140, 210, 150))
    cv.paint(polygon(cv, [(16, 4), (7, 14), (12, 14), (16, 9)]), P.WHITE, 0.4)
    outline(cv, P.INK)


def car(cv: Canvas, rng: Rng) -> None:
    """A black 1950s saloon from above: long bonnet, wings, chrome, lit headlamps.

    Black on a night road vanishes, so the body is carried by its reflections:
    a moonlit sheen down the left flank, chrome bumpers and pale glass.
    """
    cv.paint(glow(cv, 12, 1, 7), P.LAMP, 0.6)
    cv.paint(glow(cv, 20, 1, 7), P.LAMP, 0.6)
    cv.paint(box(cv, 8.5, 2.5, 24.5, 31.5, 5), P.INK, 0.5)
    for x in (7.5, 24.5):
        for y, ry in ((8.5, 4.5), (24.5, 4.0)):
            cv.paint(ellipse(cv, x, y, 2.4, ry), (26, 26, 32))
            cv.paint(ellipse(cv, x - 0.6, y - 0.8, 1.0, ry * 0.6), P.STEEL, 0.7)
    cv.paint(box(cv, 7.5, 1.5, 24.5, 30.5, 5), (32, 32, 40))
    cv.paint(box(cv, 9.5, 2.5, 22.5, 12, 4), (46, 46, 56))
    cv.paint(box(cv, 8.3, 4, 10.5, 28, 1), P.STEEL, 0.55)
    cv.paint(segment(cv, 16, 3, 16, 11, 0.7), P.ASH, 0.5)
    cv.paint(box(cv, 9, 12, 23, 15, 1.2), GLASS_CAR)
    cv.paint(box(cv, 9.5, 15, 22.5, 24.5, 2), (40, 40, 50))
    cv.paint(box(cv, 10.5, 15.8, 14, 23.5, 1.5), P.STEEL, 0.4)
    cv.paint(box(cv, 10, 24.5, 22, 27, 1.2), GLASS_CAR)
    cv.paint(polygon(cv, [(10, 15), (13, 12), (15, 12), (12, 15)]), P.WHITE, 0.35)
    cv.paint(segment(cv, 9, 1.5, 23, 1.5, 1.4), P.ASH)
    cv.paint(segment(cv, 9.5, 30.5, 22.5, 30.5, 1.4), P.ASH)
    for x in (11, 21):
        cv.paint(circle(cv, x, 2.8, 1.6), P.GOLD_LIGHT)
    for x in (10, 22):
        cv.paint(circle(cv, x, 29.8, 1.0), P.RED_LIGHT)
    outline(cv, P.INK)


GLASS_CAR = (92, 116, 140)


def umbrella(cv: Canvas, rng: Rng) -> None:
    """The umbrella opened under the hole, seen from above: a burgundy canopy with a
    scalloped edge between its eight ribs, the shaft and the hooked cane handle in the middle
    pointing up at the hole (the film's bowl that catches the plaster)."""
    cv.paint(circle(cv, 17.5, 18, 13.5), P.INK, 0.4)
    tips = [(16 + 14 * np.cos(a), 16 + 14 * np.sin(a)) for a in np.arange(8) * np.pi / 4]
    canopy = circle(cv, 16, 16, 14.2)
    for k in range(8):
        a = (k + 0.5) * np.pi / 4
        canopy = canopy - circle(cv, 16 + 17.5 * np.cos(a), 16 + 17.5 * np.sin(a), 5.2)
    canopy = np.clip(canopy, 0, 1)
    cv.paint(canopy, (120, 36, 48))
    for k in range(8):
        if k % 2:
            wedge = [(16, 16), tips[k], tips[(k + 1) % 8]]
            cv.paint(polygon(cv, wedge) * canopy, (92, 26, 38))
    for x, y in tips:
        cv.paint(segment(cv, 16, 16, x, y, 0.9), (210, 150, 150), 0.8)
        cv.paint(circle(cv, x, y, 1.1), P.ASH)
    cv.paint(glow(cv, 11, 10, 9), P.WHITE, 0.12)
    cv.paint(polyline(cv, [(16, 16), (16, 23), (18, 25.5), (20.5, 24), (20.5, 22)], 2.2), P.WOOD)
    cv.paint(circle(cv, 16, 16, 1.8), P.BRASS)
    outline(cv, P.INK)


def rope(cv: Canvas, rng: Rng) -> None:
    """A coil of hemp rope with its end trailing off."""
    hemp = (190, 156, 104)
    cv.paint(ellipse(cv, 16.5, 18.5, 12, 9), P.INK, 0.4)
    for r in (10.0, 7.5, 5.0):
        band = ring(cv, 16, 16, r, 2.4)
        cv.paint(band, hemp)
        twist = band * (np.sin(np.arctan2(cv.y - 16, cv.x - 16) * r * 2.2) > 0.2)
        cv.paint(twist, P.WOOD, 0.6)
    cv.paint(segment(cv, 25, 19, 30, 28, 2.4), hemp)
    cv.paint(circle(cv, 30, 28, 1.6), P.WOOD_LIGHT)
    cv.paint(glow(cv, 12, 11, 10), P.WHITE, 0.15)
    outline(cv, P.INK)


def hole(cv: Canvas, rng: Rng) -> None:
    """A ragged hole through the boards: splintered edge, plaster, darkness."""
    angles = np.arange(14) * 2 * np.pi / 14
    rr = rng.uniform(8.5, 11.5, 14)
    outer = [
        (16 + (r + 2.5) * np.cos(a), 16 + (r + 2.5) * np.sin(a))
        for r, a in zip(rr, angles, strict=True)
    ]
    inner = [(16 + r * np.cos(a), 16 + r * np.sin(a)) for r, a in zip(rr, angles, strict=True)]
    cv.paint(polygon(cv, outer), P.PLASTER)
    cv.paint(polygon(cv, inner), (4, 4, 6))
    cv.paint(glow(cv, 17, 18, 9), (40, 30, 24), 0.8)
    for k in range(0, 14, 3):
        x, y = outer[k]
        ix, iy = inner[k]
        cv.paint(segment(cv, x, y, (x + 2 * ix) / 3, (y + 2 * iy) / 3, 1.4), P.WOOD_LIGHT)
    outline(cv, P.INK, 0.7)


def drill(cv: Canvas, rng: Rng) -> None:
    """A carpenter's brace stood in the boards, side view: the round wooden head, the steel
    crank bowing out with its wooden grip, the chuck and the bit going into the floor."""
    steel, wood = (120, 124, 132), P.WOOD_LIGHT
    cv.paint(ellipse(cv, 15, 29.5, 8, 1.8), P.INK, 0.45)
    cv.paint(ellipse(cv, 13, 4, 6, 2.6), wood)
    cv.paint(ellipse(cv, 12, 3.2, 3.5, 1), P.WHITE, 0.3)
    crank = [(13, 5), (13, 8), (19, 8), (21, 10), (21, 18), (19, 20), (13, 20), (13, 22)]
    cv.paint(polyline(cv, crank, 2.2), steel)
    cv.paint(box(cv, 18.6, 10.5, 23.4, 17.5, 1.8), wood)
    cv.paint(box(cv, 18.6, 10.5, 19.8, 17.5, 0.6), P.WHITE, 0.25)
    cv.paint(box(cv, 11, 21, 15, 24, 0.8), (80, 84, 92))
    for n in range(3):
        y = 24.5 + n * 1.6
        cv.paint(segment(cv, 11.8, y, 14.2, y + 0.9, 1.1), P.ASH)
    cv.paint(ellipse(cv, 13, 29.4, 3.2, 1.2), P.PLASTER)
    outline(cv, P.INK)


def extinguisher(cv: Canvas, rng: Rng) -> None:
    """A red foam extinguisher standing up: brass valve, black hose."""
    cv.paint(ellipse(cv, 16, 29, 7, 2), P.INK, 0.5)
    cv.paint(box(cv, 10.5, 8, 21.5, 29, 4), P.RED)
    cv.paint(box(cv, 12, 9, 14, 27, 1), P.RED_LIGHT, 0.7)
    cv.paint(box(cv, 18.5, 9, 21.5, 28, 2), P.RED_DARK, 0.7)
    cv.paint(box(cv, 10.5, 15, 21.5, 21, 0.5), P.PAPER)
    cv.paint(segment(cv, 13, 18, 19, 18, 0.8), P.RED_DARK, 0.8)
    cv.paint(box(cv, 13.5, 4, 18.5, 8.5, 1), P.BRASS)
    cv.paint(segment(cv, 18, 5, 24, 3, 1.4), P.BRASS)
    cv.paint(segment(cv, 15, 6, 8, 10, 1.6), P.INK)
    cv.paint(segment(cv, 8, 10, 7, 20, 1.6), P.INK)
    outline(cv, P.INK)
