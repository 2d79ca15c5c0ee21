"""People: one parametric figure drawing dressed up as every character.

A figure is drawn in a local frame (feet at the origin, head up, one unit a
pixel at adult size) so the same code gives a child (scaled down), a big man
(scaled up) and someone lying on the floor (rotated). Characters differ by what
reads at 32 pixels: hat shape, hair, coat colour and one accent colour.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from art import palette as P
from art.canvas import Canvas, box, circle, ellipse, outline, polygon, segment

RGB = tuple[int, int, int]
Draw = Callable[[Canvas, np.random.Generator], None]


@dataclass(frozen=True)
class Look:
    """What a character wears; every field is something visible at sprite size."""

    coat: RGB
    trousers: RGB = (34, 34, 40)
    hat: str = "fedora"  # fedora, cap, beret, kepi, nightcap, none
    hat_color: RGB = (40, 40, 44)
    band: RGB = (20, 20, 22)
    hair: RGB = (40, 32, 28)
    shirt: RGB = P.PAPER
    tie: RGB = (30, 30, 34)
    long_coat: bool = False
    cape: bool = False
    stripes: bool = False
    belt: bool = False
    moustache: bool = False
    width: float = 1.0  # broad-shouldered men are wider
    holding: str = ""  # "", "pistol", "torch", "baton"


def _torso_light(cv: Canvas, cov: np.ndarray, half_width: float) -> None:
    """Side lighting across the body: lit from the left, falling into shadow."""
    cv.shade(1.0 + 0.28 * np.clip(-cv.x / half_width, -1, 1), cov)


def _legs(cv: Canvas, look: Look) -> None:
    for sx in (-1, 1):
        leg = box(cv, sx * 2 - 1.6, -8.5, sx * 2 + 1.6, -1.2, 0.8)
        cv.paint(leg, look.trousers)
        if look.stripes:
            cv.paint(leg * (np.sin(cv.x * 2.4) > 0.3), P.WHITE, 0.45)
        cv.paint(ellipse(cv, sx * 2.2, -1.1, 2.1, 1.2), P.INK)


def _body(cv: Canvas, look: Look) -> None:
    w = 6.0 * look.width
    bottom = -5.0 if look.long_coat else -7.5
    torso = box(cv, -w, -18.5, w, bottom, 2.5)
    cv.paint(torso, look.coat)
    if look.stripes:
        cv.paint(torso * (np.sin(cv.x * 2.4) > 0.3), P.WHITE, 0.4)
    _torso_light(cv, torso, w)
    v_neck = [(-2.4, -18.6), (2.4, -18.6), (0.0, -12.5)]
    cv.paint(polygon(cv, v_neck), look.shirt)
    tie = [(-0.7, -17.6), (0.7, -17.6), (1.0, -13.6), (0.0, -12.4), (-1.0, -13.6)]
    cv.paint(polygon(cv, tie), look.tie)
    for sx in (-1, 1):
        lapel = [(sx * 2.4, -18.6), (sx * 3.6, -18.4), (sx * 0.6, -11.8)]
        cv.paint(polygon(cv, lapel), np.array(look.coat) * 0.78)
    if look.belt:
        cv.paint(box(cv, -w, -11.2, w, -10.0), np.array(look.coat) * 0.6)
        cv.paint(box(cv, -1, -11.4, 1, -9.8), P.BRASS)
    if look.cape:
        cape = [(-3.5, -18.8), (3.5, -18.8), (w + 2.2, -7.0), (-w - 2.2, -7.0)]
        cv.paint(polygon(cv, cape), look.coat)
        _torso_light(cv, polygon(cv, cape), w + 2)
        cv.paint(box(cv, -3.5, -19, 3.5, -17.2, 0.8), np.array(look.coat) * 0.7)
        return
    for sx in (-1, 1):
        x = sx * (w - 0.3)
        cv.paint(segment(cv, x, -17.2, x + sx * 1.2, -9.6, 3.2), np.array(look.coat) * 0.85)
        cv.paint(circle(cv, x + sx * 1.3, -8.8, 1.4), P.SKIN)


def _held(cv: Canvas, look: Look) -> None:
    """Something in the right hand: a pistol, a torch or a baton."""
    hx = 6.0 * look.width + 1.3
    if look.holding == "pistol":
        cv.paint(box(cv, hx - 0.6, -10.6, hx + 3.8, -9.2, 0.4), P.INK)
        cv.paint(box(cv, hx - 0.4, -9.6, hx + 0.9, -7.4, 0.3), P.INK)
    elif look.holding == "torch":
        cv.paint(box(cv, hx - 0.8, -11.5, hx + 3.5, -8.8, 0.6), (60, 62, 66))
        cv.paint(circle(cv, hx + 3.6, -10.15, 1.2), P.LAMP)
    elif look.holding == "baton":
        cv.paint(segment(cv, hx, -9, hx + 3.5, -13, 1.2), P.WHITE)


def _head(cv: Canvas, look: Look, eyes_closed: bool = False) -> None:
    cv.paint(box(cv, -1.3, -19.2, 1.3, -17.5), P.SKIN_SHADOW)
    head = circle(cv, 0, -21.6, 4.3)
    cv.paint(head, P.SKIN)
    cv.shade(1.0 - 0.22 * np.clip(cv.x / 4.3, 0, 1), head)
    if look.hat in ("none", "cap", "kepi", "beret"):
        hair = ellipse(cv, 0, -24.2, 4.7, 2.6) * (cv.y < -23.0)
        cv.paint(hair, look.hair)
        cv.paint(box(cv, -4.6, -24.0, -3.3, -20.5, 0.6), look.hair)
        cv.paint(box(cv, 3.3, -24.0, 4.6, -20.5, 0.6), look.hair)
    if eyes_closed:
        for sx in (-1, 1):
            cv.paint(segment(cv, sx * 1.7 - 0.8, -21.2, sx * 1.7 + 0.8, -21.2, 0.6), P.INK, 0.8)
    else:
        for sx in (-1, 1):
            cv.paint(circle(cv, sx * 1.7, -21.4, 0.65), P.INK)
    if look.moustache:
        cv.paint(box(cv, -1.8, -19.9, 1.8, -19.2, 0.3), look.hair)


def _hat(cv: Canvas, look: Look) -> None:
    c = look.hat_color
    dark = np.array(c) * 0.7
    if look.hat == "fedora":
        cv.paint(ellipse(cv, 0, -22.6, 5.0, 1.6), P.INK, 0.45)  # brim shadow on the eyes
        cv.paint(ellipse(cv, 0, -24.4, 6.8, 1.9), dark)
        cv.paint(box(cv, -3.9, -29.2, 3.9, -24.2, 1.8), c)
        cv.paint(box(cv, -3.9, -25.9, 3.9, -24.7), look.band)
        cv.paint(box(cv, -0.5, -29.4, 0.5, -27.5), dark)
        cv.paint(box(cv, -3.6, -29.0, -2.4, -26.0, 0.5), P.WHITE, 0.18)
    elif look.hat == "cap":
        cv.paint(box(cv, -4.6, -28.6, 4.6, -24.6, 1.8), c)
        cv.paint(ellipse(cv, 0, -24.3, 4.9, 1.3), P.INK)
        cv.paint(box(cv, -4.6, -25.8, 4.6, -24.8), look.band)
        cv.paint(circle(cv, 0, -27.0, 1.0), P.GOLD)
    elif look.hat == "kepi":
        cv.paint(box(cv, -3.8, -29.6, 3.8, -24.6, 0.8), c)
        cv.paint(ellipse(cv, 0, -29.6, 3.8, 0.9), np.array(c) * 1.3)
        cv.paint(box(cv, -3.8, -26.2, 3.8, -24.8), look.band)
        cv.paint(ellipse(cv, 0, -24.3, 4.6, 1.2), P.INK)
    elif look.hat == "beret":
        cv.paint(ellipse(cv, 1.2, -25.0, 6.4, 2.4), P.INK, 0.6)
        cv.paint(ellipse(cv, 1.2, -25.6, 6.2, 2.5), c)
        cv.paint(ellipse(cv, -0.6, -26.6, 3.4, 0.9), P.WHITE, 0.22)
        cv.paint(segment(cv, 1.6, -27.8, 2.4, -29.4, 1.0), c)
    elif look.hat == "nightcap":
        cone = [(-4.3, -24.4), (4.3, -24.4), (2.0, -28.5), (6.6, -27.0)]
        cv.paint(polygon(cv, cone), c)
        cv.paint(box(cv, -4.5, -25.2, 4.5, -23.6, 0.8), P.WHITE)
        cv.paint(circle(cv, 6.8, -26.6, 1.3), P.WHITE)


def figure(cv: Canvas, look: Look, scale: float = 1.0, eyes_closed: bool = False) -> None:
    """Draw a standing figure with its feet at the bottom centre of a 32x32 canvas."""
    cv.paint(ellipse(cv, 16, 29.6, 7.5 * scale * look.width, 2.2), P.INK, 0.45)
    with cv.frame(16, 29.8, scale):
        _legs(cv, look)
        _body(cv, look)
        _held(cv, look)
        _head(cv, look, eyes_closed)
        _hat(cv, look)
    outline(cv, P.INK, 0.9)


def lying(cv: Canvas, look: Look, head_left: bool = True) -> None:
    """A figure lying on its back across the cell (asleep or knocked out)."""
    cv.paint(ellipse(cv, 16.5, 19.5, 14, 5.5), P.INK, 0.4)
    angle, ox = (-90.0, 29.5) if head_left else (90.0, 2.5)
    with cv.frame(ox, 17.0, 0.98, angle):
        _legs(cv, look)
        _body(cv, replace(look, holding=""))
        _head(cv, look, eyes_closed=True)
        if look.hat == "nightcap":
            _hat(cv, look)
    outline(cv, P.INK, 0.9)


CREW: dict[str, Look] = {
    "tony": Look(
        coat=(58, 60, 66), hat_color=(150, 150, 146), band=(30, 30, 32),
        tie=(20, 20, 24), long_coat=True,
    ),
    "jo": Look(
        coat=(176, 150, 108), hat="none", hair=(226, 200, 130), tie=(70, 60, 50),
        long_coat=True, belt=True,
    ),
    "mario": Look(
        coat=(44, 56, 96), hat_color=(112, 76, 46), band=(60, 36, 22),
        tie=P.RED, shirt=(200, 190, 170),
    ),
    "cesar": Look(
        coat=(60, 76, 64), hat="beret", hat_color=(34, 40, 66), hair=(58, 44, 36),
        shirt=(230, 226, 214), tie=(230, 226, 214), moustache=True,
    ),
}  # fmt: skip

OTHERS: dict[str, Look] = {
    "guard": Look(
        coat=(36, 46, 78), trousers=(28, 34, 56), hat="cap", hat_color=(30, 38, 64),
        band=(20, 24, 40), tie=(20, 24, 40), belt=True, holding="torch",
    ),
    "gangster": Look(
        coat=(30, 30, 34), hat_color=(24, 24, 26), band=(140, 136, 128),
        tie=P.RED, long_coat=True, holding="pistol",
    ),
    "remi": Look(
        coat=(150, 136, 112), trousers=(90, 80, 66), hat_color=(40, 36, 34),
        band=(120, 30, 30), tie=P.RED_DARK, width=1.15, holding="pistol",
    ),
    "louis": Look(
        coat=(70, 70, 78), hat_color=(30, 30, 34), band=P.WHITE, tie=P.RED,
        stripes=False, holding="pistol",
    ),
    "police": Look(
        coat=(30, 38, 62), trousers=(26, 30, 46), hat="kepi", hat_color=(32, 40, 68),
        band=(170, 30, 34), cape=True, holding="baton",
    ),
    "neighbour": Look(
        coat=(120, 140, 170), trousers=(120, 140, 170), hat="nightcap",
        hat_color=(150, 60, 60), hair=(120, 110, 100), shirt=(120, 140, 170),
        tie=(120, 140, 170), stripes=True,
    ),
    "tonio": Look(
        coat=(150, 60, 50), trousers=(60, 60, 70), hat="cap", hat_color=(70, 70, 80),
        band=(50, 50, 60), hair=(60, 40, 30), tie=(150, 60, 50), shirt=(150, 60, 50),
    ),
    "concierge": Look(
        coat=(104, 50, 74), trousers=(104, 50, 74), hat="nightcap",
        hat_color=(190, 180, 160), shirt=(200, 180, 150), tie=(104, 50, 74),
        long_coat=True, belt=True,
    ),
    "body": Look(coat=(36, 46, 78), trousers=(28, 34, 56), hat="none", hair=(50, 44, 40)),
}  # fmt: skip


def _zzz(cv: Canvas) -> None:
    """Sleep marks floating above a sleeper."""
    for x, y, k in ((20, 8, 1.0), (24.5, 4.5, 0.8)):
        z = [
            (x - 2 * k, y - 2 * k),
            (x + 2 * k, y - 2 * k),
            (x - 2 * k, y + 2 * k),
            (x + 2 * k, y + 2 * k),
        ]
        for a, b in itertools.pairwise(z):
            cv.paint(segment(cv, *a, *b, 0.9), (190, 210, 240), 0.9)


def _stars(cv: Canvas) -> None:
    """Little stars circling a knocked-out head."""
    for x, y in ((5, 9), (11, 7), (8, 12.5)):
        pts = []
        for k in range(8):
            r = 2.0 if k % 2 == 0 else 0.8
            a = k * np.pi / 4
            pts.append((x + r * np.cos(a), y + r * np.sin(a)))
        cv.paint(polygon(cv, pts), P.GOLD_LIGHT)


def sleeper(cv: Canvas, look: Look) -> None:
    """Someone asleep in bed, seen from above: the pillow, the head on it (hair, nightcap
    or hat left on), the body a long hump under a wool blanket turned down at the chest."""
    cv.paint(ellipse(cv, 16.5, 17.5, 12.5, 14), P.INK, 0.35)
    cv.paint(box(cv, 6, 2, 26, 10, 3), P.WHITE)
    cv.paint(ellipse(cv, 16, 9, 9, 1.4), P.ASH, 0.5)
    cv.paint(circle(cv, 16, 7.5, 4.4), P.SKIN)
    top = ellipse(cv, 16, 5.2, 4.8, 2.9) * (cv.py < 6.5)
    cv.paint(top, look.hat_color if look.hat in ("nightcap", "beret", "cap") else look.hair)
    for sx in (-1, 1):
        cv.paint(segment(cv, 16 + sx * 1.7 - 0.8, 8, 16 + sx * 1.7 + 0.8, 8, 0.6), P.INK, 0.8)
    blanket = (96, 40, 48)
    body = box(cv, 5, 11, 27, 31, 4)
    cv.paint(body, blanket)
    cv.shade(1.0 + 0.25 * np.clip((16 - cv.px) / 11, -1, 1), body)
    cv.paint(box(cv, 5, 11, 27, 14, 1.2), (200, 194, 180))
    cv.paint(ellipse(cv, 16, 22, 6.5, 7.5), P.WHITE, 0.10)  # the hump of the body
    for y in (19, 25):
        cv.paint(segment(cv, 7, y, 25, y + 1.4, 0.7), P.INK, 0.35)
    outline(cv, P.INK, 0.9)
    _zzz(cv)


#: Who has a picture of their own knocked out (``<name>_down``): lying face up with the
#: stars, dressed as they stood; the rest use the generic ``body``.
KNOCKED_OUT = ("gangster", "remi", "louis", "police", "neighbour", "concierge", "tonio")


def draw_figure(name: str) -> Draw:
    """Drawing function for a named character (crew, guards, bystanders), ``sleeper`` in
    bed, or ``<name>_down``: that character knocked out on the floor."""
    base = name.removesuffix("_down")
    look = CREW.get(base) or OTHERS.get(base) or OTHERS["body"]

    def drawn(cv: Canvas, _rng: np.random.Generator) -> None:
        if name == "sleeper":
            sleeper(cv, replace(look, hat="none"))
        elif name == "body" or name.endswith("_down"):
            lying(cv, look, head_left=True)
            _stars(cv)
        else:
            scale = {"tonio": 0.74, "remi": 1.04}.get(name, 1.0)
            figure(cv, look, scale)

    return drawn
