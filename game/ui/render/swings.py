"""Doors swinging open or shut on the map, over a fraction of a second.

Started by a door's state changing in the world, whoever changed it: the crew's Open and
Close (the rules log ``door_opened`` / ``door_closed``) and a guard opening one on its round
(the patrol opens it as part of a step, without a log line). While a door swings, the floor's
baked picture shows an empty doorway there (:meth:`DoorSwings.doorways`) and the leaf is drawn
turning on its hinge at the cell's top left corner, from across the doorway (shut, the door's
face fading in) to along the wall (open), as the ``door_open`` tile draws it. Nothing here
changes the world; a new world (undo, rewind) starts from its doors as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pygame

from game.sim.world import World
from game.ui import theme
from game.ui.art import art
from game.ui.render import filmlook
from game.ui.render.camera import Camera

SWING_SECONDS = 0.35
LEAF = (118, 82, 50)  # the wood of the leaf, as the door tiles paint it
LEAF_FILM = (96, 96, 96)


@dataclass
class Swing:
    """One door turning: ``opening`` or shutting, ``age`` seconds in."""

    door: int
    opening: bool
    age: float = 0.0

    @property
    def share(self) -> float:
        """How far open the door is drawn, 0 (shut) to 1 (open), eased out."""
        t = min(1.0, self.age / SWING_SECONDS)
        eased = 1 - (1 - t) ** 2
        return eased if self.opening else 1 - eased


class DoorSwings:
    """The doors swinging now, started from changes of the world's doors."""

    def __init__(self) -> None:
        self.swinging: list[Swing] = []
        self._world = 0
        self._open: dict[int, bool] = {}

    def sync(self, world: World) -> None:
        """Start a swing for every door whose state changed since the last look."""
        now = {door_id: world.doors[door_id].open for door_id in sorted(world.doors)}
        if id(world) == self._world:
            for door_id, is_open in now.items():
                if self._open.get(door_id, is_open) != is_open:
                    self.swinging = [s for s in self.swinging if s.door != door_id]
                    self.swinging.append(Swing(door_id, is_open))
        self._world, self._open = id(world), now

    def update(self, dt: float) -> None:
        for swing in self.swinging:
            swing.age += dt
        self.swinging = [s for s in self.swinging if s.age < SWING_SECONDS]

    def finish(self) -> None:
        self.swinging.clear()

    def doorways(self) -> frozenset[int]:
        """The doors the floor's picture shows as an empty doorway while they swing."""
        return frozenset(s.door for s in self.swinging)

    def draw(
        self,
        target: pygame.Surface,
        camera: Camera,
        world: World,
        floor: int,
        seen: np.ndarray,
        film: bool,
    ) -> None:
        """Draw the swinging leaves on ``floor`` in cells ``seen`` (``[floor, y, x]``)."""
        for swing in self.swinging:
            door = world.doors.get(swing.door)
            if door is None or door.cell.floor != floor or not seen[door.cell.index]:
                continue
            rect = camera.cell_rect(door.cell.x, door.cell.y)
            if rect.colliderect(camera.view):
                _leaf(target, rect, swing.share, film)


def _leaf(target: pygame.Surface, rect: pygame.Rect, share: float, film: bool) -> None:
    """The leaf at ``share`` open: the shut door's face fading out as it turns away."""
    tile = rect.width
    shut = 1 - share
    if shut > 0.05:
        face = art().scaled("tile", "door_closed", tile)
        if face is not None:
            if film:
                face = filmlook.black_and_white_sprite(face)
            face.set_alpha(int(255 * shut**2))
            target.blit(face, rect)
            face.set_alpha(None)
    angle = share * math.pi / 2  # 0: across the top of the cell, pi/2: down its left side
    width = max(2, tile // 8)
    hinge = (rect.left + 1 + width / 2, rect.top + 1 + width / 2)
    length = tile - 2 - width
    ux, uy = math.cos(angle), math.sin(angle)
    nx, ny = -uy * width / 2, ux * width / 2  # half the leaf's thickness each side
    points = [
        (hinge[0] + nx, hinge[1] + ny),
        (hinge[0] + ux * length + nx, hinge[1] + uy * length + ny),
        (hinge[0] + ux * length - nx, hinge[1] + uy * length - ny),
        (hinge[0] - nx, hinge[1] - ny),
    ]
    pygame.draw.polygon(target, LEAF_FILM if film else LEAF, points)
    pygame.draw.polygon(target, theme.INK, points, 1)
