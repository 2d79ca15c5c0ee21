"""The camera: which part of which floor is on screen, at which zoom.

Positions are in cells (floats), so zooming keeps the point under the mouse in place and
following a unit glides instead of jumping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

ZOOMS = (16, 20, 24, 32, 40, 48)
MAX_CACHE_PIXELS = 24_000_000  # a floor's picture larger than this is not allowed (zoom cap)
GLIDE = 10.0  # a glide's way left shrinks as exp(-GLIDE * seconds), at any frame rate


@dataclass
class Camera:
    """Centre (in cells), zoom level and the screen rectangle the map occupies."""

    width: int  # map size in cells
    height: int
    view: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 1280, 720))
    cx: float = 0.0
    cy: float = 0.0
    zoom_index: int = 4
    target: tuple[float, float] | None = None  # glide towards this centre

    def __post_init__(self) -> None:
        self.cx, self.cy = self.width / 2, self.height / 2
        while self.zoom_index > 0 and not self._fits(ZOOMS[self.zoom_index]):
            self.zoom_index -= 1

    def _fits(self, tile: int) -> bool:
        return self.width * tile * self.height * tile <= MAX_CACHE_PIXELS

    @property
    def tile(self) -> int:
        return ZOOMS[self.zoom_index]

    def zoom(self, steps: int, anchor: tuple[int, int] | None = None) -> None:
        """Zoom in (+) or out (-), keeping the cell under ``anchor`` where it is."""
        before = self.screen_to_cell_f(anchor) if anchor else None
        index = max(0, min(len(ZOOMS) - 1, self.zoom_index + steps))
        while index > 0 and not self._fits(ZOOMS[index]):
            index -= 1
        self.zoom_index = index
        if before and anchor:
            after = self.screen_to_cell_f(anchor)
            self.cx += before[0] - after[0]
            self.cy += before[1] - after[1]
        self.clamp()

    def pan_pixels(self, dx: float, dy: float) -> None:
        self.target = None
        self.cx += dx / self.tile
        self.cy += dy / self.tile
        self.clamp()

    def look_at(self, x: float, y: float, glide: bool = True) -> None:
        """Centre on a cell (smoothly unless ``glide`` is False)."""
        if glide:
            self.target = (x + 0.5, y + 0.5)
        else:
            self.cx, self.cy, self.target = x + 0.5, y + 0.5, None
            self.clamp()

    def fit(self, cells: list[tuple[int, int]], margin: int = 2) -> None:
        """Centre on these cells at the closest zoom that shows them all (with ``margin``
        cells around), or the farthest zoom when even that cannot: the first view of a
        mission shows the crew and the objective together."""
        if not cells:
            return
        xs, ys = [c[0] for c in cells], [c[1] for c in cells]
        wide, high = max(xs) - min(xs) + 1 + 2 * margin, max(ys) - min(ys) + 1 + 2 * margin
        index = len(ZOOMS) - 1
        while index > 0 and (
            wide * ZOOMS[index] > self.view.width
            or high * ZOOMS[index] > self.view.height
            or not self._fits(ZOOMS[index])
        ):
            index -= 1
        self.zoom_index = index
        self.look_at((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, glide=False)

    def keep_in_view(self, x: int, y: int, margin: int = 3) -> None:
        """Scroll just enough that a cell (the keyboard cursor) stays on screen."""
        half_w = self.view.width / self.tile / 2 - margin
        half_h = self.view.height / self.tile / 2 - margin
        cx, cy = self.cx, self.cy
        if x + 0.5 < cx - half_w:
            cx = x + 0.5 + half_w
        elif x + 0.5 > cx + half_w:
            cx = x + 0.5 - half_w
        if y + 0.5 < cy - half_h:
            cy = y + 0.5 + half_h
        elif y + 0.5 > cy + half_h:
            cy = y + 0.5 - half_h
        if (cx, cy) != (self.cx, self.cy):
            self.target = (cx, cy)

    def update(self, dt: float) -> None:
        if self.target is None:
            return
        tx, ty = self.target
        before = (self.cx, self.cy)
        blend = 1.0 - math.exp(-GLIDE * dt)  # the same glide at 60 Hz as at 144 Hz
        self.cx += (tx - self.cx) * blend
        self.cy += (ty - self.cy) * blend
        if abs(tx - self.cx) < 0.01 and abs(ty - self.cy) < 0.01:
            self.cx, self.cy, self.target = tx, ty, None
        self.clamp()
        if (self.cx, self.cy) == before:  # the edge of the map: nowhere further to go
            self.target = None

    def clamp(self) -> None:
        """Keep the map filling the view; a map smaller than the view stays centred."""
        half_w = self.view.width / self.tile / 2
        half_h = self.view.height / self.tile / 2
        margin = 1.0  # a cell of the night around the map's edge
        if self.width + 2 * margin <= 2 * half_w:
            self.cx = self.width / 2
        else:
            self.cx = max(half_w - margin, min(self.width + margin - half_w, self.cx))
        if self.height + 2 * margin <= 2 * half_h:
            self.cy = self.height / 2
        else:
            self.cy = max(half_h - margin, min(self.height + margin - half_h, self.cy))

    def origin(self) -> tuple[int, int]:
        """Screen position of the map's top-left corner (cell 0, 0)."""
        return (
            round(self.view.centerx - self.cx * self.tile),
            round(self.view.centery - self.cy * self.tile),
        )

    def cell_rect(self, x: float, y: float) -> pygame.Rect:
        ox, oy = self.origin()
        return pygame.Rect(
            round(ox + x * self.tile), round(oy + y * self.tile), self.tile, self.tile
        )

    def cell_center(self, x: float, y: float) -> tuple[int, int]:
        return self.cell_rect(x, y).center

    def screen_to_cell_f(self, pos: tuple[int, int]) -> tuple[float, float]:
        ox, oy = self.origin()
        return (pos[0] - ox) / self.tile, (pos[1] - oy) / self.tile

    def screen_to_cell(self, pos: tuple[int, int]) -> tuple[int, int] | None:
        """The map cell under a screen point, or None (outside the view or the map)."""
        if not self.view.collidepoint(pos):
            return None
        fx, fy = self.screen_to_cell_f(pos)
        x, y = int(fx // 1), int(fy // 1)
        if 0 <= x < self.width and 0 <= y < self.height:
            return x, y
        return None


@dataclass(frozen=True)
class Frame:
    """Cells at ``tile`` pixels with cell (0, 0) at pixel ``(ox, oy)`` of a picture: how an
    overlay drawn once into a picture of its own places cells, as :class:`Camera` places them
    on the screen (the same ``tile``, ``origin``, ``cell_rect`` and ``cell_center``)."""

    tile: int
    ox: int
    oy: int

    def origin(self) -> tuple[int, int]:
        return self.ox, self.oy

    def cell_rect(self, x: float, y: float) -> pygame.Rect:
        return pygame.Rect(round(self.ox + x * self.tile), round(self.oy + y * self.tile),
                           self.tile, self.tile)  # fmt: skip

    def cell_center(self, x: float, y: float) -> tuple[int, int]:
        return self.cell_rect(x, y).center
