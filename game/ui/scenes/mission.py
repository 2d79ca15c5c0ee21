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


class MissionScene(MissionInput):
    """Plays one mission through ``session`` (see :class:`MissionView` for the hooks)."""

    # --- frame -----------------------------------------------------------------------------

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
        if self.follow and unit is not None:
            place = self.animator.position(unit.id)
            if place and place[0] == self.floor:
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
        if not (self.app.settings.edge_pan and self.mouse_seen and pygame.mouse.get_focused()):
            return
        x, y = pygame.mouse.get_pos()
        width, height = self.app.screen.get_size()
        margin, speed = 4, 700 * dt
        dx = -speed if x <= margin else speed if x >= width - 1 - margin else 0
        dy = -speed if y <= margin else speed if y >= height - 1 - margin else 0
        if dx or dy:
            self.camera.pan_pixels(dx, dy)

    def draw(self, surface: pygame.Surface) -> None:
        layout = Layout.for_size(*surface.get_size())
        if layout.view != self.layout.view:  # resized: keep the selected crew member in sight
            self.layout, self.camera.view = layout, layout.view
            if self.unit is not None and self.unit.cell is not None:
                self.camera.keep_in_view(self.unit.cell.x, self.unit.cell.y)
        world, knowledge, flags = self.world, self.knowledge, self.app.settings.overlays
        self.mapview.draw(
            surface,
            self.camera,
            world,
            knowledge,
            self.floor,
            self.animator,
            flags.get("vision", True),
            film=self.app.settings.film_look,
        )
        surface.set_clip(self.layout.view)
        self._overlays(surface, world, knowledge, flags)
        surface.set_clip(None)
        self._hud(surface, world, knowledge, flags)

    def _overlays(
        self, surface: pygame.Surface, world: World, knowledge: Knowledge, flags: dict[str, bool]
    ) -> None:
        floor = self.floor
        overlays.bells(surface, self.camera, world, floor, self.time)
        if flags.get("intent", True):
            overlays.intents(surface, self.camera, world, knowledge, floor, knowledge.intents)
        if flags.get("noise", True):
            overlays.noise_rings(
                surface, self.camera, world, knowledge, floor, self.animator, self.time
            )
        unit = self.unit
        moving = self.armed in (None, "move")  # an armed action aims elsewhere: no reach
        if flags.get("reach", True) and unit is not None and unit.can_act and moving:
            self.reach.draw(surface, self.camera, world, self.session.version, unit, floor)
        # Under the pause menu (or any scene on top) the pointer is not on the map: no path.
        preview = self.preview() if self.app.scene is self else Preview()
        if flags.get("path", True) and preview.path:
            overlays.path_preview(
                surface, self.camera, preview.path, preview.cost, preview.watchers, floor,
                preview.stop.cell if preview.stop else None,
            )  # fmt: skip
        goals = [(o.unit, o.goal) for o in self.orders.by_unit.values()]
        if goals:
            overlays.order_goals(surface, self.camera, world, goals, floor)
        if flags.get("forecast", True) and preview.reach is not None:
            overlays.forecast_reach(surface, self.camera, world, preview.reach, floor)
        if flags.get("forecast", True) and preview.heard:
            overlays.forecast_markers(
                surface, self.camera, world, knowledge, floor, self.animator, preview.heard
            )
        selected = None
        if unit is not None:
            place = self.animator.position(unit.id)
            if place and place[0] == floor:
                selected = self.camera.cell_rect(place[1], place[2])
        cursor = self.cursor if self.cursor.floor == floor else None
        overlays.cursor(surface, self.camera, cursor, selected)
        aimed = self.pending_cell
        if aimed is not None and aimed.floor == floor:  # a loud action waiting for its confirm
            overlays.aimed(surface, self.camera, aimed, self.time)

    def _hud(
        self, surface: pygame.Surface, world: World, knowledge: Knowledge, flags: dict[str, bool]
    ) -> None:
        layout, keymap = self.layout, self.app.keymap
        hover = self.hover_pos
        panels.draw_top(surface, layout.top, world, flags.get("alarm", True))
        visible = [u for u in world.units_in_order() if knowledge.visible(u)]
        self.floor_hits = panels.floor_tabs(surface, layout.view, world, self.floor, visible, hover)
        crew = world.crew()
        labels = [keymap.label(f"crew_{n + 1}") for n in range(len(crew))]
        self.crew_hits = crewbar.draw_crew(surface, layout.crew, crew, self.selected, hover, labels)
        options = self.options()
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
        self.bar_hits = actionbar.draw_bar(
            surface, layout.bar, options, hotkeys, self.armed, self.sneak, tools, hover
        )
        log = self.chronicle.events(world, knowledge)
        panels.draw_side(surface, layout.side, world, self.hover_lines(world, knowledge), log)
        if self.armed:
            label = next((o.label for o in options if o.kind == self.armed), self.armed)
            aimed = self.pending_cell
            ask = (
                f"{label} at ({aimed.x}, {aimed.y}): the forecast shows who hears it. Confirm: "
                "the key again, Enter, or click it (right click or Esc to cancel)"
                if aimed is not None
                else f"{label}: choose a target (right click or Esc to cancel)"
            )
            theme.blit_text(
                surface,
                ask,
                (layout.view.centerx, layout.view.bottom - 8),
                15,
                theme.AMBER,
                anchor="midbottom",
                shadow=True,
            )
        if hover is not None:
            for hit in self.bar_hits:
                if hit.rect.collidepoint(hover) and hit.tooltip:
                    tooltip(surface, list(hit.tooltip), hover)

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
        cell = self.cursor
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
