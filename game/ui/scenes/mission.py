"""The mission: the map, the overlays and the HUD around one session.

The player's choices are a :class:`~game.ui.scenes.mission_state.MissionState`; what is
derived from the session and the state is :class:`~game.ui.scenes.mission_view.MissionView`;
input, read into intents, is :class:`~game.ui.scenes.mission_input.MissionInput`; the panels
are the view :class:`~game.ui.scenes.mission_hud.MissionHud`. This module adds the frame
(animation, pace, ``--watch`` polling, the end of the mission) and the map's view. The world
is only read, and every action goes to the session as a command.
"""

from __future__ import annotations

from functools import cached_property

import pygame

from game.sim.world import World
from game.ui.hud.layout import Layout
from game.ui.render import badges, overlays
from game.ui.render.knowledge import Knowledge
from game.ui.scene import Next
from game.ui.scenes.mission_hud import MissionHud
from game.ui.scenes.mission_input import MissionInput
from game.ui.scenes.preview import Preview

SLOW_PULSE = 20  # frames a second for what only pulses: rings, a ringing bell, an aimed target
SMOOTH_SECONDS = 4.0  # after news, rings spread at the display's rate this long


class MissionScene(MissionInput):
    """Plays one mission through ``session`` (see :class:`MissionView` for the hooks)."""

    # --- frame -----------------------------------------------------------------------------

    @cached_property
    def hud(self) -> MissionHud:
        """The view of the panels, drawn from the state (made with the first frame)."""
        return MissionHud()

    def rate(self) -> int | None:
        """How often the mission needs a frame (see :mod:`game.ui.app`): at the display's
        rate while something moves (a walk, the camera, fresh noise rings, the ending about
        to be told), a slow pulse for rings, a ringing bell or an aimed target, and none
        at all otherwise: a turn-based game waits for its player."""
        world = self.world
        if (
            self.animator.moving()
            or self.camera.target is not None
            or self.panning
            or (world.outcome.over and not self.over_told)
            or self.time < self.news_at + SMOOTH_SECONDS
        ):
            return None
        floor = self.state.floor
        rings = any(n.cell.floor == floor for n in overlays.recent_noises(world))
        bells = any(
            b.state.ringing and b.cell.floor == floor for b in world.devices_in_order("bell")
        )
        if rings or bells or self.state.pending_cell is not None:
            return SLOW_PULSE
        return 0

    def update(self, dt: float) -> Next | None:
        self.time += dt
        problem = self.session.recording_problem()
        if problem:  # told for as long as it lasts; each turn end tries again
            self.app.notify(problem, 0.5)
        self.animator.sync(self.world)
        self.animator.update(dt)
        self.camera.update(dt)
        self._edge_pan(dt)
        unit = self.unit
        if self.state.follow and unit is not None:
            place = self.animator.position(unit.id)
            if place and place[0] == self.state.floor:
                self.camera.cx, self.camera.cy = place[1] + 0.5, place[2] + 0.5
                self.camera.target = None
        if self.watch is not None and int(self.time * 2) != int((self.time - dt) * 2):
            self.watch()  # a reload is heard as a change (MissionView._on_change)
        if self.world.outcome.over:
            if self.over_timer is None:
                self.over_timer = 0.0
            self.over_timer += dt
            if self.over_timer > 0.6 and self.on_over is not None and not self.over_told:
                self.over_told = True  # once per ending: a rewind from it plays on
                return self.on_over(self.session)
        return None

    def _edge_pan(self, dt: float) -> None:
        self.panning = False
        if not (self.app.settings.edge_pan and self.mouse_seen and pygame.mouse.get_focused()):
            return
        x, y = pygame.mouse.get_pos()
        width, height = self.app.screen.get_size()
        margin, speed = 4, 700 * dt
        dx = -speed if x <= margin else speed if x >= width - 1 - margin else 0
        dy = -speed if y <= margin else speed if y >= height - 1 - margin else 0
        before = (self.camera.cx, self.camera.cy)
        if dx or dy:
            self.camera.pan_pixels(dx, dy)
        self.panning = (self.camera.cx, self.camera.cy) != before

    def draw(self, surface: pygame.Surface) -> None:
        layout = Layout.for_size(*surface.get_size())
        if layout.view != self.layout.view:  # resized: keep the selected crew member in sight
            self.layout, self.camera.view = layout, layout.view
            if self.unit is not None and self.unit.cell is not None:
                self.camera.keep_in_view(self.unit.cell.x, self.unit.cell.y)
        world, knowledge, flags = self.world, self.knowledge, self.app.settings.overlays
        # Under the pause menu (or any scene on top) the pointer is not on the map: no path.
        preview = self.preview() if self.app.scene is self else Preview()
        hear = flags.get("forecast", True)
        self.mapview.draw(
            surface,
            self.camera,
            world,
            knowledge,
            self.state.floor,
            self.animator,
            flags.get("vision", True),
            film=self.app.settings.film_look,
            reach=preview.reach if hear else None,
            zone=self._zone(flags),
        )
        surface.set_clip(self.layout.view)
        self._overlays(surface, world, knowledge, flags, preview)
        surface.set_clip(None)
        self.hits = self.hud.draw(surface, self, world, knowledge, flags)

    def _zone(self, flags: dict[str, bool]) -> tuple[pygame.Surface, int, int] | None:
        """The selected crew member's cells in reach, unless an armed action aims elsewhere."""
        unit = self.unit
        moving = self.state.armed in (None, "move")
        if not (flags.get("reach", True) and unit is not None and unit.can_act and moving):
            return None
        return self.reach.picture(
            self.world, self.session.version, unit, self.state.floor, self.camera.tile
        )

    def _overlays(
        self,
        surface: pygame.Surface,
        world: World,
        knowledge: Knowledge,
        flags: dict[str, bool],
        preview: Preview,
    ) -> None:
        floor = self.state.floor
        overlays.bells(surface, self.camera, world, floor, self.time)
        if flags.get("intent", True):
            self.pictures.intents(surface, self.camera, world, knowledge, floor)
        if flags.get("noise", True):
            overlays.noise_rings(
                surface, self.camera, world, knowledge, floor, self.animator, self.time
            )
        if flags.get("path", True) and preview.path:
            self.pictures.path_preview(
                surface, self.camera, preview.path, preview.cost, preview.watchers, floor,
                preview.stop.cell if preview.stop else None, preview,
            )  # fmt: skip
        goals = [(o.unit, o.goal) for o in self.orders.by_unit.values()]
        if goals:
            overlays.order_goals(surface, self.camera, world, goals, floor)
        if flags.get("forecast", True) and preview.heard:
            overlays.forecast_markers(
                surface, self.camera, world, knowledge, floor, self.animator, preview.heard
            )
        unit = self.unit
        selected = None
        if unit is not None:
            place = self.animator.position(unit.id)
            if place and place[0] == floor:
                selected = self.camera.cell_rect(place[1], place[2])
        cursor = self.state.cursor if self.state.cursor.floor == floor else None
        badges.patrol(surface, self.camera, world, knowledge, self.state.cursor, floor)
        overlays.cursor(surface, self.camera, cursor, selected)
        aimed = self.state.pending_cell
        if aimed is not None and aimed.floor == floor:  # a loud action waiting for its confirm
            overlays.aimed(surface, self.camera, aimed, self.time)
