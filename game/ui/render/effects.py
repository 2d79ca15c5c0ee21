"""Short motion on the map for what the rules just did: drill dust, plaster falling onto the
floor or into the umbrella, foam spraying the bell, a knockout, a guard waking and looking
round, a rope lowered through a hole (the coil paying out above, the rope dropping from the
ceiling below).

Driven only by what the world logged (its new events and noises since the last frame) and
never changing it: the effects live on the screen's side, age with the frame time and are
gone in a second. Each is drawn only where the crew sees (the fog hides a guard waking out of
sight, as the log does). A new world (undo, rewind, take-over) starts from what is logged
without playing it again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from game.sim.geometry import Cell
from game.sim.world import World
from game.ui import theme
from game.ui.art import art
from game.ui.render.camera import Camera

DUST = (176, 164, 140)
PLASTER = (222, 212, 186)
FOAM = (232, 240, 250)
HEMP = (176, 146, 98)
#: How long each kind of effect lasts, in seconds.
LIFE = {
    "dust": 0.9, "plaster": 0.8, "caught": 0.6, "foam": 1.0, "knockout": 0.9, "woke": 1.2,
    "coil": 0.5, "rope": 0.5,
}  # fmt: skip
#: Which event kinds and noise kinds start which effect.
FROM_EVENTS = {
    "drilled": "dust",
    "plaster": "plaster",
    "knocked_out": "knockout",
    "guard_woke": "woke",
    "rope": "coil",
}
#: Event kinds that also start an effect on the floor below the event's cell.
BELOW_EVENTS = {"rope": "rope"}
#: Effects during which the floor's picture leaves out the rope of their hole.
ROPE_EFFECTS = ("coil", "rope")
FROM_NOISES = {"plaster_caught": "caught", "foam": "foam"}
MAX_EFFECTS = 24


@dataclass
class Effect:
    """One effect playing at ``cell``; ``age`` in seconds since it began."""

    kind: str
    cell: Cell
    age: float = 0.0

    @property
    def share(self) -> float:
        """How far through its life it is, 0 to 1."""
        return min(1.0, self.age / LIFE[self.kind])


class Effects:
    """The effects playing now, started from the world's new events and noises."""

    def __init__(self) -> None:
        self.playing: list[Effect] = []
        self._world = 0
        self._events = 0
        self._noises: set[int] = set()

    def sync(self, world: World) -> None:
        """Start an effect for every new event or noise that has one."""
        noises = {id(noise) for noise in world.noises}
        if id(world) != self._world or len(world.events) < self._events:
            self._world, self._events, self._noises = id(world), len(world.events), noises
            return
        for event in world.events[self._events :]:
            kind = FROM_EVENTS.get(event.kind)
            if kind and event.cell is not None:
                self._start(kind, event.cell)
            below = BELOW_EVENTS.get(event.kind)
            if below and event.cell is not None and event.cell.floor > 0:
                self._start(below, event.cell.offset(0, 0, -1))
        for noise in world.noises:
            kind = FROM_NOISES.get(noise.kind)
            if kind and id(noise) not in self._noises:
                self._start(kind, noise.cell)
        self._events, self._noises = len(world.events), noises

    def _start(self, kind: str, cell: Cell) -> None:
        self.playing.append(Effect(kind, cell))
        del self.playing[:-MAX_EFFECTS]

    def update(self, dt: float) -> None:
        for effect in self.playing:
            effect.age += dt
        self.playing = [e for e in self.playing if e.age < LIFE[e.kind]]

    def finish(self) -> None:
        self.playing.clear()

    def lowering(self) -> frozenset[Cell]:
        """The holes (their upper cells) whose rope is being lowered: the floor's picture
        leaves that rope out until the effect has drawn it down."""
        return frozenset(
            e.cell if e.kind == "coil" else e.cell.offset(0, 0, 1)
            for e in self.playing
            if e.kind in ROPE_EFFECTS
        )

    def draw(self, target: pygame.Surface, camera: Camera, floor: int, seen: np.ndarray) -> None:
        """Draw the effects on ``floor`` in cells ``seen`` (a ``[floor, y, x]`` mask)."""
        for effect in self.playing:
            cell = effect.cell
            if cell.floor != floor or not seen[cell.index]:
                continue
            rect = camera.cell_rect(cell.x, cell.y)
            if rect.colliderect(camera.view):
                DRAW[effect.kind](target, rect, effect.share)


def _puff(
    target: pygame.Surface,
    center: tuple[float, float],
    radius: float,
    color: tuple[int, int, int],
    alpha: int,
) -> None:
    r = max(1, int(radius))
    blob = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
    pygame.draw.circle(blob, (*color, max(0, min(255, alpha))), (r + 1, r + 1), r)
    target.blit(blob, (center[0] - r - 1, center[1] - r - 1))


def _dust(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """Fine dust puffing up from the bit and drifting out."""
    tile = rect.width
    for k in range(6):
        a = k * math.tau / 6 + 0.4
        spread = tile * (0.12 + 0.35 * t)
        x = rect.centerx + math.cos(a) * spread
        y = rect.centery + math.sin(a) * spread * 0.6 - tile * 0.3 * t
        _puff(target, (x, y), tile * (0.06 + 0.08 * t), DUST, int(200 * (1 - t)))


def _falling(target: pygame.Surface, rect: pygame.Rect, t: float, depth: float) -> None:
    """Chunks dropping from the ceiling (the cell's top) ``depth`` of a cell, then a puff."""
    tile = rect.width
    drop = min(1.0, t * 1.6)
    for k, dx in enumerate((-0.18, 0.05, 0.2, -0.05)):
        y = rect.top + tile * 0.1 + depth * tile * drop * drop * (0.8 + 0.1 * k)
        x = rect.centerx + dx * tile
        pygame.draw.circle(target, PLASTER, (int(x), int(y)), max(1, tile // 14))
    if drop >= 1.0:
        land = rect.top + tile * 0.1 + depth * tile * 0.9
        after = (t - 1 / 1.6) / (1 - 1 / 1.6)
        _puff(
            target,
            (rect.centerx, land),
            tile * (0.2 + 0.3 * after),
            PLASTER,
            int(150 * (1 - after)),
        )


def _plaster(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    _falling(target, rect, t, 0.8)  # onto the floor


def _caught(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    _falling(target, rect, t, 0.35)  # into the canopy, near the ceiling


def _foam(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """Foam blobs sprayed in from the side, swelling over the bell."""
    tile = rect.width
    for k in range(7):
        start = k / 9
        if t < start:
            continue
        s = min(1.0, (t - start) * 3)
        x = rect.left - tile * 0.4 + (tile * 0.9) * s + (k % 3 - 1) * tile * 0.08
        y = rect.centery + ((k * 37) % 7 - 3) * tile * 0.05
        _puff(target, (x, y), tile * (0.08 + 0.12 * s), FOAM, int(230 * (1 - 0.5 * t)))


def _knockout(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """A white burst at the blow, then stars circling the fallen head."""
    tile = rect.width
    if t < 0.35:
        r = tile * (0.2 + t)
        points = [
            (rect.centerx + math.cos(k * math.pi / 5) * r * (1 if k % 2 else 0.45),
             rect.centery + math.sin(k * math.pi / 5) * r * (1 if k % 2 else 0.45))
            for k in range(10)
        ]  # fmt: skip
        pygame.draw.polygon(target, theme.PAPER, points)
    for k in range(3):
        a = t * math.tau * 1.5 + k * math.tau / 3
        x = rect.left + tile * 0.3 + math.cos(a) * tile * 0.22
        y = rect.top + tile * 0.3 + math.sin(a) * tile * 0.1
        label = theme.text("*", max(10, tile // 3), theme.AMBER, "sans_bold")
        target.blit(label, label.get_rect(center=(int(x), int(y))))


def _woke(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """A start ("!") and the head turning left, right, left: looking round."""
    tile = rect.width
    rise = min(1.0, t * 4)
    label = theme.text("!", max(12, tile // 2), theme.AMBER, "sans_bold")
    target.blit(label, label.get_rect(midbottom=(rect.centerx, rect.top - int(tile * 0.1 * rise))))
    side = -1 if int(t * 5) % 2 == 0 else 1
    x = rect.centerx + side * tile * 0.45
    box = pygame.Rect(0, 0, tile // 3, tile // 2)
    box.center = (int(x), rect.top + tile // 4)
    start, end = (math.pi / 2, 3 * math.pi / 2) if side < 0 else (-math.pi / 2, math.pi / 2)
    pygame.draw.arc(target, theme.PAPER, box, start, end, max(1, tile // 16))


def _coil(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """The coil at the hole paying out: smaller and smaller as the rope goes down."""
    tile = rect.width
    size = max(2, int(tile * (1 - 0.65 * t)))
    picture = art().scaled("sprite", "rope", tile)
    if picture is not None:
        coil = pygame.transform.smoothscale(picture, (size, size))
        target.blit(coil, coil.get_rect(center=rect.center))
    else:
        pygame.draw.circle(target, HEMP, rect.center, size // 2, max(1, tile // 10))


def _rope(target: pygame.Surface, rect: pygame.Rect, t: float) -> None:
    """The rope dropping from the ceiling to the floor, its end swinging as it uncoils."""
    tile = rect.width
    eased = 1 - (1 - t) ** 2
    sway = math.sin(t * math.tau * 1.5) * (1 - t) * tile * 0.18
    top = rect.midtop
    end = (rect.centerx + sway, rect.top + eased * (rect.height - 2))
    width = max(2, tile // 10)
    pygame.draw.line(target, theme.INK, top, end, width + 2)
    pygame.draw.line(target, HEMP, top, end, width)
    pygame.draw.circle(target, HEMP, (int(end[0]), int(end[1])), width)


DRAW = {
    "dust": _dust,
    "plaster": _plaster,
    "caught": _caught,
    "foam": _foam,
    "knockout": _knockout,
    "woke": _woke,
    "coil": _coil,
    "rope": _rope,
}
