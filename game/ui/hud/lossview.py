"""The failure screen's "what happened" panel: the map where it happened, marked, beside the
chain of events that led to it (from :func:`game.ui.loss.explain_loss`).

The map is the mission's own drawing (:class:`~game.ui.render.mapview.MapView`) with the fog
of the last moment, so the failure screen reveals no guard the crew did not see.
"""

from __future__ import annotations

import math

import pygame

from game.sim.world import World
from game.ui import theme
from game.ui.loss import LossReport
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import derive
from game.ui.render.mapview import MapView

#: The inset map's zoom (an index into ``camera.ZOOMS``): close enough to read who is where.
INSET_ZOOM = 2


class LossView:
    """Draws one report's panel; the map picture is baked once and reused every frame."""

    def __init__(self, world: World, report: LossReport, version: int) -> None:
        self.world, self.report = world, report
        self.knowledge = derive(world, version)
        self.mapview = MapView()
        self.animator = Animator()
        self.animator.sync(world)

    def draw(self, surface: pygame.Surface, box: pygame.Rect, now: float) -> None:
        """The panel in ``box``: headline on top, the map on the left, the chain beside it."""
        theme.panel(surface, box, 210)
        report = self.report
        y = box.top + 8
        for line in theme.wrap(report.headline, box.width - 24, 18, "serif_bold"):
            theme.blit_text(surface, line, (box.left + 12, y), 18, theme.RED, "serif_bold")
            y += 24
        body = pygame.Rect(box.left + 12, y + 4, box.width - 24, box.bottom - y - 12)
        chain_left = body.left
        if report.cell is not None:
            inset = pygame.Rect(body.left, body.top, min(340, body.width // 2), body.height)
            self._map(surface, inset, now)
            chain_left = inset.right + 16
        lines = list(report.chain) or ["Nothing led up to it that the crew could see."]
        ly = body.top
        for line in lines:
            for part in theme.wrap(line, body.right - chain_left, 15):
                if ly + 18 > body.bottom:
                    return
                theme.blit_text(surface, part, (chain_left, ly), 15, theme.PAPER)
                ly += 19

    def _map(self, surface: pygame.Surface, inset: pygame.Rect, now: float) -> None:
        cell = self.report.cell
        assert cell is not None
        terrain = self.world.terrain
        camera = Camera(terrain.width, terrain.height, inset)
        camera.zoom_index = min(INSET_ZOOM, camera.zoom_index)
        camera.look_at(cell.x, cell.y, glide=False)
        self.mapview.draw(
            surface, camera, self.world, self.knowledge, cell.floor, self.animator, True
        )
        rect = camera.cell_rect(cell.x, cell.y)
        grow = int(4 + 3 * math.sin(now * 4))
        clip = surface.get_clip()
        surface.set_clip(inset)
        pygame.draw.rect(surface, theme.RED, rect.inflate(grow * 2, grow * 2), 3)
        surface.set_clip(clip)
        pygame.draw.rect(surface, theme.PANEL_EDGE, inset, 1)
        label = f"floor {cell.floor}, ({cell.x}, {cell.y})"
        theme.blit_text(
            surface, label, (inset.left + 4, inset.bottom - 4), 13, theme.PAPER,
            anchor="bottomleft", shadow=True,
        )  # fmt: skip
