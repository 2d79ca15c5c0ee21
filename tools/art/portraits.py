"""64x64 crew portraits for the HUD and briefings: four faces in hard side light.

Noir portraits are mostly shadow: one key light from the left, half the face
falling away, a pool of light behind the head, film grain and a vignette. Each
man is told apart by the same cues as his sprite (hat, hair, coat colour).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from art import palette as P
from art.canvas import (
    Canvas,
    box,
    circle,
    ellipse,
    glow,
    grain,
    polygon,
    rng_for,
    segment,
    sepia,
)

S = 64
RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Face:
    coat: RGB
    hat: str  # fedora, beret, none
    hat_color: RGB
    hair: RGB
    shirt: RGB
    tie: RGB
    age: float  # 0 young .. 1 lined and gaunt
    moustache: str = ""  # "", "pencil", "full"
    smile: bool = False
    cigarette: bool = False
    collar_up: bool = False
    backdrop: RGB = (40, 52, 74)


FACES: dict[str, Face] = {
    "tony": Face((52, 54, 60), "fedora", (140, 140, 136), (120, 118, 112), P.PAPER,
                 (24, 24, 28), age=1.0, cigarette=True),
    "jo": Face((170, 144, 104), "none", (0, 0, 0), (222, 196, 128), P.PAPER,
               (80, 66, 50), age=0.0, collar_up=True, backdrop=(48, 58, 70)),
    "mario": Face((44, 56, 96), "fedora", (112, 76, 46), (34, 26, 22), (206, 196, 176),
                  P.RED, age=0.3, smile=True, backdrop=(60, 48, 50)),
    "cesar": Face((58, 74, 62), "beret", (34, 40, 66), (40, 30, 26), (226, 220, 204),
                  (226, 220, 204), age=0.5, moustache="pencil", backdrop=(44, 56, 56)),
}  # fmt: skip


def _light(cv: Canvas, cov: np.ndarray, strength: float = 0.75) -> None:
    """Key light from the upper left: the right half of the face drops into shadow."""
    side = np.clip((cv.px - 30) / 12, -1, 1)
    cv.shade(1.0 - 0.45 * strength * side, cov)


def _backdrop(cv: Canvas, face: Face, rng: np.random.Generator) -> None:
    t = cv.py / S
    top, bottom = np.array(face.backdrop), np.array(P.INK)
    cv.fill(top * (1 - t[..., None]) + bottom * t[..., None])
    cv.paint(glow(cv, 22, 26, 34), P.LAMP, 0.22)
    cv.shade(1 + 0.05 * grain(rng, S, S))


def _body(cv: Canvas, f: Face) -> None:
    cv.paint(box(cv, 26, 38, 38, 54, 3), P.SKIN_SHADOW)
    shoulders = ellipse(cv, 32, 72, 31, 24)
    cv.paint(shoulders, f.coat)
    _light(cv, shoulders, 0.6)
    cv.paint(polygon(cv, [(24, 49), (40, 49), (32, 64)]), f.shirt)
    cv.paint(polygon(cv, [(30.5, 51), (33.5, 51), (34.5, 60), (32, 64), (29.5, 60)]), f.tie)
    for sx in (-1, 1):
        lapel = [(32 + sx * 8, 48), (32 + sx * 13, 50), (32 + sx * 2, 64)]
        cv.paint(polygon(cv, lapel), np.array(f.coat) * 0.75)
    if f.collar_up:
        for sx in (-1, 1):
            cv.paint(
                polygon(
                    cv,
                    [(32 + sx * 7, 41), (32 + sx * 14, 46), (32 + sx * 12, 54), (32 + sx * 7, 50)],
                ),
                np.array(f.coat) * 0.9,
            )


def _head(cv: Canvas, f: Face) -> None:
    for sx in (-1, 1):
        cv.paint(ellipse(cv, 32 + sx * 11, 31, 2.2, 3.8), P.SKIN_SHADOW)
    jaw = 12.0 - 1.5 * f.age
    head = np.maximum(ellipse(cv, 32, 29, 11, 13), ellipse(cv, 32, 34, jaw * 0.85, 9))
    cv.paint(head, P.SKIN)
    hair = ellipse(cv, 32, 21, 12, 8) * (cv.py < 22 + 2 * (np.abs(cv.px - 32) > 8))
    cv.paint(hair, f.hair)
    if f.hat == "none":
        cv.paint(polygon(cv, [(21, 20), (38, 14), (44, 20), (30, 19)]), f.hair)
        cv.paint(segment(cv, 24, 17, 36, 15, 1.2), P.WHITE, 0.25)
    eye_y = 29.0
    for sx in (-1, 1):
        x = 32 + sx * 4.6
        cv.paint(ellipse(cv, x, eye_y - 0.8, 3.4, 2.2), P.SKIN_SHADOW, 0.6)
        cv.paint(ellipse(cv, x, eye_y, 2.1, 0.95), (206, 196, 184))
        cv.paint(circle(cv, x + 0.3, eye_y, 0.95), P.INK)
        cv.paint(segment(cv, x - 2.8, eye_y - 3.2, x + 2.6, eye_y - 3.6 + sx * 0.4, 1.3), f.hair)
        if f.age > 0.6:
            cv.paint(segment(cv, x - 2, eye_y + 2.2, x + 2, eye_y + 2.0, 0.6), P.SKIN_SHADOW)
    cv.paint(polyline_nose(cv), P.SKIN_SHADOW)
    if f.age > 0.6:
        for sx in (-1, 1):
            cv.paint(segment(cv, 32 + sx * 7.5, 33, 32 + sx * 6, 39, 1.0), P.SKIN_SHADOW, 0.7)
    mouth_y = 39.0
    if f.smile:
        cv.paint(ellipse(cv, 32, mouth_y - 0.4, 4, 1.6) * (cv.py > mouth_y - 0.4), (90, 40, 40))
        cv.paint(ellipse(cv, 32, mouth_y - 0.2, 3.2, 0.7) * (cv.py > mouth_y - 0.6), P.WHITE, 0.8)
    else:
        cv.paint(segment(cv, 29, mouth_y, 35, mouth_y - 0.3, 1.0), (110, 64, 58))
    if f.moustache == "pencil":
        cv.paint(segment(cv, 28.5, mouth_y - 2.2, 35.5, mouth_y - 2.2, 0.8), f.hair)
    elif f.moustache == "full":
        cv.paint(ellipse(cv, 32, mouth_y - 2.4, 5, 1.5), f.hair)
    _light(cv, head, 0.85)


def polyline_nose(cv: Canvas) -> np.ndarray:
    """The nose is only its shadow: a line down the dark side and a nostril."""
    ridge = segment(cv, 33.5, 29, 35, 35, 1.2)
    return np.maximum(ridge, ellipse(cv, 33.5, 35.6, 2.2, 0.9))


def _hat(cv: Canvas, f: Face) -> None:
    c = np.array(f.hat_color)
    if f.hat == "fedora":
        cv.paint(ellipse(cv, 32, 24, 12, 3.5) * (cv.py > 22), P.INK, 0.5)
        cv.paint(ellipse(cv, 32, 20.5, 19, 4.2), c * 0.7)
        crown = box(cv, 21, 6, 43, 20.5, 5)
        cv.paint(crown, c)
        cv.paint(polygon(cv, [(28, 6), (36, 6), (32, 10)]), c * 0.6)
        cv.paint(box(cv, 21, 16, 43, 19.5), c * 0.35)
        _light(cv, np.maximum(crown, ellipse(cv, 32, 20.5, 19, 4.2)), 0.7)
    elif f.hat == "beret":
        beret = ellipse(cv, 34, 16.5, 15, 6)
        cv.paint(ellipse(cv, 34, 18, 14, 5) * (cv.py > 18), P.INK, 0.5)
        cv.paint(beret, c)
        cv.paint(segment(cv, 35, 11, 36, 8, 1.6), c)
        cv.paint(ellipse(cv, 29, 14, 7, 1.8), P.WHITE, 0.18)
        _light(cv, beret, 0.6)


def _cigarette(cv: Canvas) -> None:
    cv.paint(segment(cv, 35, 39, 43, 41, 1.6), P.WHITE)
    cv.paint(circle(cv, 43.5, 41.1, 1.1), (255, 120, 50))
    cv.paint(glow(cv, 43.5, 41, 4), (255, 150, 80), 0.5)
    for k in range(14):
        y = 39 - k * 2.2
        x = 44 + 2.5 * np.sin(k * 0.7)
        cv.paint(circle(cv, x, y, 1.2 + k * 0.12), P.ASH, 0.25 * (1 - k / 14))


def portrait(name: str) -> np.ndarray:
    """One portrait as straight-alpha RGBA8, 64x64, opaque."""
    face = FACES[name]
    rng = rng_for("portrait:" + name)
    cv = Canvas(S, S)
    _backdrop(cv, face, rng)
    _body(cv, face)
    _head(cv, face)
    _hat(cv, face)
    if face.cigarette:
        _cigarette(cv)
    vignette = np.clip(1.4 - np.hypot(cv.px - 32, cv.py - 30) / 36, 0.4, 1.0)
    cv.shade(vignette * (1 + 0.06 * grain(rng, S, S)))
    sepia(cv, 0.18)
    return cv.rgba8()


DRAWINGS: dict[str, Callable[[str], np.ndarray]] = {name: portrait for name in FACES}
