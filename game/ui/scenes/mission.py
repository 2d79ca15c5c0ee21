"""The mission: the map, the overlays and the HUD around one session.

The state and what is derived from it are :class:`~game.ui.scenes.mission_view.MissionView`,
input is :class:`~game.ui.scenes.mission_input.MissionInput`; this module adds the frame:
animation, ``--watch`` polling, the end of the mission, and drawing. The world is only read,
and every action goes to the session as a command.
"""

from __future__ import annotations

import pygame

from game.sim import hearing
from game.sim.entities import GuardState, Status
from game.sim.world import World
from game.ui import theme
from game.ui.hud import actionbar, crewbar, panels
from game.ui.hud.layout import Layout
from game.ui.hud.widgets import tooltip
from game.ui.render import overlays
from game.ui.render.knowledge import Knowledge
from game.ui.scenes.mission_input import MissionInput
from game.ui.scenes.preview import Preview


def _seen_lines(preview: Preview) -> list[str]:
    """'Seen by Louis at (4, 5), (4, 6)': the path cells each visible guard watches."""
    cells: dict[str, list[str]] = {}
    for watcher in preview.watchers:
        for name in watcher.guards:
            cells.setdefault(name, []).append(f"({watcher.cell.x}, {watcher.cell.y})")
    return [
        f"Seen by {name} at {', '.join(at[:4])}{' ...' if len(at) > 4 else ''}"
        for name, at in cells.items()
    ]


def _hovered(rects: list[pygame.Rect], hover: tuple[int, int] | None) -> int | None:
    """Which of ``rects`` the mouse is over (what a hover highlight depends on)."""
    if hover is None:
        return None
    return next((n for n, rect in enumerate(rects) if rect.collidepoint(hover)), None)


SLOW_PULSE = 20  # frames a second for what only pulses: rings, a ringing bell, an aimed target
SMOOTH_SECONDS = 4.0  # after news, rings spread at the display's rate this long


class MissionScene(MissionInput):
    """Plays one mission through ``session`` (see :class:`MissionView` for the hooks)."""

    # --- frame -----------------------------------------------------------------------------

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

    def update(self, dt: float) -> None:
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
                self.on_over(self.session)

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
            preview.reach if hear else None,
            self._zone(flags),
        )
        surface.set_clip(self.layout.view)
        self._overlays(surface, world, knowledge, flags, preview)
        surface.set_clip(None)
        self._hud(surface, world, knowledge, flags)

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
        overlays.cursor(surface, self.camera, cursor, selected)
        aimed = self.state.pending_cell
        if aimed is not None and aimed.floor == floor:  # a loud action waiting for its confirm
            overlays.aimed(surface, self.camera, aimed, self.time)

    def _hud(
        self, surface: pygame.Surface, world: World, knowledge: Knowledge, flags: dict[str, bool]
    ) -> None:
        """The panels, each painted again only when what it shows changed (the session's
        version, the selection, the cursor and its preview, the hovered button, the keys)."""
        layout, keymap, parts = self.layout, self.app.keymap, self.panels
        hover = self.hover_pos
        size, version = surface.get_size(), self.session.version
        show_alarm = flags.get("alarm", True)
        parts.part(
            "top",
            size,
            layout.top,
            (version, show_alarm),
            lambda picture: panels.draw_top(picture, layout.top, world, show_alarm),
        )
        self._floor_tabs(surface, world, knowledge, hover)
        crew = world.crew()
        card = _hovered(crewbar.card_rects(layout.crew, len(crew)), hover)
        self.crew_hits = parts.part(
            "crew",
            size,
            layout.crew,
            (version, self.state.selected, card, keymap),
            lambda picture: crewbar.draw_crew(
                picture,
                layout.crew,
                crew,
                self.state.selected,
                hover,
                [keymap.label(f"crew_{n + 1}") for n in range(len(crew))],
            ),
        )
        options = self.options()
        button = _hovered([hit.rect for hit in self.bar_hits], hover)
        bar_key = (
            self._bar[0] if self._bar else None,
            self.state.armed,
            self.state.sneak,
            button,
            keymap,
        )
        self.bar_hits = parts.part(
            "bar", size, layout.bar, bar_key, lambda picture: self._bar_panel(picture, options)
        )
        lines_key = (version, self.state.cursor, self.preview(), flags.get("forecast", True))
        parts.part(
            "side",
            size,
            layout.side,
            lines_key,
            lambda picture: panels.draw_side(
                picture,
                layout.side,
                world,
                self.hover_lines(world, knowledge),
                self.chronicle.events(world, knowledge),
            ),
        )
        on_screen = self.app.untouched if surface is self.app.screen else lambda _: False
        parts.show(surface, on_screen)
        if self.state.armed:
            self._ask(surface, options)
        if hover is not None:
            for hit in self.bar_hits:
                if hit.rect.collidepoint(hover) and hit.tooltip:
                    box = tooltip(surface, list(hit.tooltip), hover)
                    if box is not None:
                        parts.drawn_over(box)

    def _floor_tabs(
        self,
        surface: pygame.Surface,
        world: World,
        knowledge: Knowledge,
        hover: tuple[int, int] | None,
    ) -> None:
        """The floor tabs over the map: a translucent picture of their own, painted again
        when the floor, who is seen where or the hovered tab changes."""
        floors = world.terrain.floors
        if floors <= 1:
            self.floor_hits = []
            return
        view = self.layout.view
        origin = (view.left + panels.TAB_MARGIN, view.top + panels.TAB_MARGIN)
        local = pygame.Rect(-panels.TAB_MARGIN, -panels.TAB_MARGIN, view.width, view.height)
        visible = [u for u in world.units_in_order() if knowledge.visible(u)]
        tab = _hovered([rect for rect, _ in self.floor_hits], hover)
        key = (self.session.version, self.state.floor, tab)
        at = None if tab is None else self.floor_hits[tab][0].move(-origin[0], -origin[1]).center
        hits = self.tab_picture.draw(
            surface,
            origin,
            panels.tabs_size(floors),
            key,
            lambda picture: panels.floor_tabs(picture, local, world, self.state.floor, visible, at),
        )
        self.floor_hits = [(rect.move(origin), floor) for rect, floor in hits]

    def _bar_panel(self, picture: pygame.Surface, options: list) -> list[actionbar.BarHit]:
        keymap, world = self.app.keymap, self.world
        hotkeys = [keymap.label(f"action_{n + 1}") for n in range(len(options))]
        tools = {
            "sneak": (True, keymap.label("sneak"), "Sneak: half speed, almost silent."),
            "undo": (self.session.undo_reason() is None, keymap.label("undo"), self._undo_tip()),
            "rewind": (
                self.session.rewind_reason() is None,
                keymap.label("rewind"),
                self._rewind_tip(),
                self._rewind_label(),
            ),
            "end_turn": (
                not world.outcome.over,
                keymap.label("end_turn"),
                "End the turn: guards and devices act, the clock moves on.",
            ),
            "wait_until": (
                not world.outcome.over,
                keymap.label("wait_until"),
                "End turns until a guard comes into or leaves view, or someone hears "
                "something (orders carry on meanwhile).",
            ),
        }
        return actionbar.draw_bar(
            picture, self.layout.bar, options, hotkeys, self.state.armed, self.state.sneak, tools,
            self.hover_pos,
        )  # fmt: skip

    def _ask(self, surface: pygame.Surface, options: list) -> None:
        """What an armed action waits for, over the bottom of the map."""
        label = next((o.label for o in options if o.kind == self.state.armed), self.state.armed)
        aimed = self.state.pending_cell
        ask = (
            f"{label} at ({aimed.x}, {aimed.y}): the forecast shows who hears it. Confirm: "
            "the key again, Enter, or click it (right click or Esc to cancel)"
            if aimed is not None
            else f"{label}: choose a target (right click or Esc to cancel)"
        )
        view = self.layout.view
        theme.blit_text(
            surface,
            ask,
            (view.centerx, view.bottom - 8),
            15,
            theme.AMBER,
            anchor="midbottom",
            shadow=True,
        )

    def _undo_tip(self) -> str:
        reason = self.session.undo_reason()
        return reason or "Undo the last action of this turn."

    def _rewind_label(self) -> str:
        """The Rewind button with the rewinds left: "Rewind 2", "Rewind 0"; no count when
        unlimited."""
        left = self.session.rewinds_left
        return "Rewind" if left < 0 else f"Rewind {left}"

    def _rewind_tip(self) -> str:
        left = self.session.rewinds_left
        count = "unlimited rewinds" if left < 0 else f"{left} rewind{'s' * (left != 1)} left"
        return f"Back to the start of the previous turn ({count})."

    def hover_lines(
        self, world: World, knowledge: Knowledge
    ) -> list[tuple[str, tuple[int, int, int]]]:
        cell = self.state.cursor
        if not world.in_bounds(cell):
            return []
        lines: list[tuple[str, tuple[int, int, int]]] = []
        door = world.door_at(cell)
        name = world.terrain.tile_name(*cell).replace("_", " ")
        if door is not None:  # the tile's name tells how the map drew it, not how it stands
            name = "doorway"
        lines.append((f"{name}  ({cell.x}, {cell.y})", theme.DIM))
        if door is not None:
            state = "open" if door.open else "locked" if door.locked else "closed"
            lines.append((f"{door.name.capitalize()}: {state}", theme.PAPER))
        for device in world.devices_at(cell):
            label = device.name or device.kind
            if device.kind == "sensor" and device.traits.is_vibration:
                label += f": trips at noise level {hearing.sensor_threshold(world, device)}"
            lines.append((label, theme.PAPER))
        occupant = world.occupant(cell)
        if occupant is not None and knowledge.visible(occupant):
            state = occupant.state.value if occupant.is_guard else occupant.status.value
            if occupant.status is not Status.ACTIVE:
                state = occupant.status.value.replace("_", " ")
            elif occupant.is_guard:  # how loud is too loud, so nothing is hidden dice
                level = hearing.guard_threshold(world, occupant)
                verb = "wakes" if occupant.state is GuardState.SLEEPING else "hears"
                state += f", {verb} at noise level {level}"
            lines.append((f"{occupant.name} ({state})", theme.PAPER))
        if knowledge.watched[cell.index] and knowledge.crew_sees[cell.index]:
            lines.append(("A guard watches this cell.", theme.WATCHED))
        preview = self.preview()
        if preview.reason:
            lines.append(
                (
                    f"{preview.label}: {preview.reason}" if preview.label else preview.reason,
                    theme.RED,
                )
            )
        elif preview.command is not None:
            cost = f", {preview.cost} AP" if preview.cost else ""
            lines.append((f"{preview.label}{cost}", theme.PATH_OK))
            for watcher in _seen_lines(preview):
                lines.append((watcher, theme.WATCHED))
            if preview.stop is not None:
                lines.append((preview.stop.why, theme.WATCHED))
            if preview.reactions:  # only listeners the crew knows of: no hidden guard hinted
                lines.append(("Would be heard by:", theme.FORECAST))
                lines += [(f"  {r.line}", theme.FORECAST) for r in preview.reactions]
            elif self.app.settings.overlays.get("forecast", True):
                lines.append(("Nobody you know of would hear it.", theme.DIM))
        return lines
