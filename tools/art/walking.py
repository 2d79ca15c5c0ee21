"""Walk cycles: the frames a standing figure steps through while the screen moves it.

Every role that stands on the map (the crew and everyone in ``figures.OTHERS`` but the
generic ``body``) gets four frames, dressed exactly as its standing picture:

- ``<role>_stride0`` / ``<role>_stride1``: seen from the side walking right (the screen
  mirrors them for a walk to the left), the near leg forward then the far one, the body
  leaning into the step and dropped a little at the widest stride;
- ``<role>_step0`` / ``<role>_step1``: seen from the front walking up or down the screen,
  the left foot lifted then the right, the body rising on the standing leg.

A cycle on screen is stride0, standing, stride1, standing (or the same with the steps), so
two drawn frames and the standing picture make four. The frames live in a sheet of their
own (``walk.png``, ``walk.tsx``) so the objects tileset keeps its ids.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from art import palette as P
from art.canvas import Canvas, ellipse, outline, segment
from art.figures import CREW, OTHERS, Look, _body, _hat, _head, _held

Draw = Callable[[Canvas, np.random.Generator], None]

#: The roles that walk: every standing character.
WALKERS: dict[str, Look] = {**CREW, **{k: v for k, v in OTHERS.items() if k != "body"}}
#: The frame names after ``<role>_``, in sheet order.
FRAMES = ("stride0", "stride1", "step0", "step1")
#: Drawn a little smaller or bigger than an adult, as their standing pictures are.
SCALE = {"tonio": 0.74, "remi": 1.04}


def _leg(cv: Canvas, look: Look, hip: tuple[float, float], foot: tuple[float, float],
         shade: float, toe: float) -> None:  # fmt: skip
    colour = np.array(look.trousers) * shade
    cv.paint(segment(cv, *hip, *foot, 3.1), colour)
    if look.stripes:
        cv.paint(segment(cv, *hip, *foot, 3.1) * (np.sin(cv.y * 2.4) > 0.3), P.WHITE, 0.4)
    cv.paint(ellipse(cv, foot[0] + toe, foot[1] + 0.2, 2.1, 1.1), P.INK)


def stride(cv: Canvas, look: Look, forward: float, scale: float) -> None:
    """Walking right, mid-stride: ``forward`` +1 puts the near leg ahead, -1 the far one."""
    cv.paint(ellipse(cv, 16, 29.6, 8.5 * scale * look.width, 2.2), P.INK, 0.45)
    drop = 0.8  # the hips come down as the legs open
    with cv.frame(16, 29.8, scale):
        for side, shade in ((-forward, 0.72), (forward, 1.0)):  # the far leg first
            _leg(cv, look, (side * 0.8, -8.4 + drop), (side * 4.4, -1.3), shade, 0.9)
    with cv.frame(16.4, 29.8 + drop * scale, scale, 7.0):  # leaning into the walk
        _body(cv, look)
        _held(cv, look)
        _head(cv, look)
        _hat(cv, look)
    outline(cv, P.INK, 0.9)


def step(cv: Canvas, look: Look, lifted: int, scale: float) -> None:
    """Walking up or down the screen: the foot on side ``lifted`` (-1 left, +1 right) off
    the ground, the body raised on the other leg."""
    cv.paint(ellipse(cv, 16, 29.6, 7.0 * scale * look.width, 2.0), P.INK, 0.45)
    rise = 0.7
    with cv.frame(16, 29.8, scale):
        for sx in (-1, 1):
            up = 2.2 if sx == lifted else 0.0
            _leg(cv, look, (sx * 2, -8.5 - rise), (sx * 2.1, -1.4 - up), 1.0, 0.0)
    with cv.frame(16, 29.8 - rise * scale, scale):
        _body(cv, look)
        _held(cv, look)
        _head(cv, look)
        _hat(cv, look)
    outline(cv, P.INK, 0.9)


def _drawing(role: str, frame: str) -> Draw:
    look, scale = WALKERS[role], SCALE.get(role, 1.0)

    def drawn(cv: Canvas, _rng: np.random.Generator) -> None:
        if frame.startswith("stride"):
            stride(cv, look, 1.0 if frame == "stride0" else -1.0, scale)
        else:
            step(cv, look, -1 if frame == "step0" else 1, scale)

    return drawn


#: Sprite names in sheet order (append only: tile ids are positions).
NAMES: list[str] = [f"{role}_{frame}" for role in WALKERS for frame in FRAMES]
DRAWINGS: dict[str, Draw] = {
    f"{role}_{frame}": _drawing(role, frame) for role in WALKERS for frame in FRAMES
}
