"""The cells the selected crew member can reach this turn, walking and sneaking.

The cells come from the rules (:func:`game.sim.pathing.reachable`: exactly the moves
:class:`~game.sim.commands.Move` accepts now, with the AP they cost), so a shaded cell is a
move the rules take. Two zones: cells reachable even sneaking (green, a solid edge) and the
further cells only a walk reaches (pale, a thin edge). Both are worked out once per session
version, selection, floor and zoom (a Dijkstra pass per mode and a picture), not per frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pygame

from game.sim.entities import Unit
from game.sim.pathing import Reachable, reachable
from game.sim.world import World
from game.ui.render.masks import mask_surface

SNEAK_FILL = (110, 190, 120, 46)  # theme.GREEN, faint
SNEAK_EDGE = (110, 190, 120, 200)
WALK_FILL = (228, 222, 206, 22)  # theme.PAPER, fainter
WALK_EDGE = (228, 222, 206, 120)


def zone_masks(world: World, reach: Reachable, floor: int) -> tuple[np.ndarray, np.ndarray]:
    """``[y, x]`` masks of ``floor``: the cells reachable sneaking, and those only walking."""
    shape = world.terrain.shape[1:]
    sneak = np.zeros(shape, dtype=bool)
    walk = np.zeros(shape, dtype=bool)
    for cell in reach.sneak:
        if cell.floor == floor:
            sneak[cell.y, cell.x] = True
    for cell in reach.walk:
        if cell.floor == floor:
            walk[cell.y, cell.x] = True
    return sneak, walk & ~sneak


def _edges(mask: np.ndarray) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The cell sides between a cell of ``mask`` and one outside it, as (x, y) corner pairs
    in cells: the outline of the zone."""
    padded = np.pad(mask, 1)
    inside = padded[1:-1, 1:-1]
    sides = []
    for dy, dx, corners in (
        (-1, 0, ((0, 0), (1, 0))),
        (1, 0, ((0, 1), (1, 1))),
        (0, -1, ((0, 0), (0, 1))),
        (0, 1, ((1, 0), (1, 1))),
    ):
        outside = ~padded[1 + dy : padded.shape[0] - 1 + dy, 1 + dx : padded.shape[1] - 1 + dx]
        for y, x in np.argwhere(inside & outside):
            (ax, ay), (bx, by) = corners
            sides.append(((int(x) + ax, int(y) + ay), (int(x) + bx, int(y) + by)))
    return sides


def zone_picture(
    sneak: np.ndarray, walk: np.ndarray, tile: int
) -> tuple[pygame.Surface, int, int] | None:
    """Both zones drawn on one translucent picture of the box they cover, with its offset
    in pixels from the floor's corner; None when nothing is in reach."""
    either = sneak | walk
    ys, xs = np.nonzero(either)
    if not len(xs):
        return None
    y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    picture = mask_surface(walk[y0:y1, x0:x1], WALK_FILL, tile).convert_alpha()
    picture.blit(mask_surface(sneak[y0:y1, x0:x1], SNEAK_FILL, tile), (0, 0))
    for mask, color, width in ((either, WALK_EDGE, 1), (sneak, SNEAK_EDGE, 2)):
        for (ax, ay), (bx, by) in _edges(mask[y0:y1, x0:x1]):
            pygame.draw.line(picture, color, (ax * tile, ay * tile), (bx * tile, by * tile), width)
    return picture, x0 * tile, y0 * tile


@dataclass
class ReachOverlay:
    """The reach of the selected crew member, remembered per version and selection."""

    _reach: tuple[tuple[World, int, int], Reachable] | None = None
    _picture: tuple[tuple[object, ...], tuple[pygame.Surface, int, int] | None] | None = None

    def reach(self, world: World, version: int, unit: Unit) -> Reachable:
        """The rules' reach of ``unit`` in this version of ``world`` (worked out once)."""
        key = (world, version, unit.id)
        if self._reach is None or self._reach[0] != key:
            self._reach = (key, reachable(world, unit))
        return self._reach[1]

    def picture(
        self, world: World, version: int, unit: Unit, floor: int, tile: int
    ) -> tuple[pygame.Surface, int, int] | None:
        """The zones' picture on ``floor`` at ``tile`` pixels a cell, with its offset from
        the floor's corner (the map view paints it into the floor's picture, once)."""
        reach = self.reach(world, version, unit)
        key = (world, version, unit.id, floor, tile)
        if self._picture is None or self._picture[0] != key:
            sneak, walk = zone_masks(world, reach, floor)
            self._picture = (key, zone_picture(sneak, walk, tile))
        return self._picture[1]
