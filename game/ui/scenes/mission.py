"""The mission: the map, the overlays and the HUD around one session.

This scene owns what the player is looking at and pointing at (floor, camera, selection,
cursor, armed action); the world is only read, and every action goes to the session as a
command. Input handling lives in :mod:`game.ui.scenes.mission_input`.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.sim import hearing
from game.sim.commands import Command
from game.sim.entities import GuardState, Status, Unit
from game.sim.events import CommandResult
from game.sim.geometry import Cell
from game.sim.world import World
from game.ui import theme
from game.ui.actions import ActionOption, action_bar
from game.ui.app import App
from game.ui.hud import actionbar, crewbar, panels
from game.ui.hud.layout import Layout
from game.ui.hud.widgets import tooltip
from game.ui.render import overlays
from game.ui.render.anim import Animator
from game.ui.render.camera import Camera
from game.ui.render.knowledge import Forecast, Forecasts, Knowledge, derive
from game.ui.render.mapview import MapView
from game.ui.scenes.mission_input import MissionInput
from game.ui.scenes.preview import Preview, preview_action, preview_move, preview_option
from game.ui.session import RecordedSession, Session


class MissionScene(MissionInput):
    """Plays one mission through ``session``; ``on_over`` is called when it ends."""

    def __init__(
        self,
        app: App,
        session: Session,
        name: str = "",
        on_over: Callable[[Session], None] | None = None,
        reload: Callable[[], Session | None] | None = None,
    ) -> None:
        self.app = app
        self.session = session
        self.name = name or session.world.mission.name
        self.on_over = on_over
        self.reload = reload  # --watch: returns a fresh session when the map changed
        self.mapview = MapView()
        self.animator = Animator()
        self.time = 0.0
        self.over_timer: float | None = None
        self._knowledge: Knowledge | None = None
        self.forecasts = Forecasts()
        self._bar: tuple[tuple[object, ...], list[ActionOption]] | None = None
        self._preview: tuple[tuple[object, ...], Preview] | None = None
        self.bar_hover: int | None = None
        self.bar_hits: list[actionbar.BarHit] = []
        self.crew_hits: list[tuple[pygame.Rect, int]] = []
        self.floor_hits: list[tuple[pygame.Rect, int]] = []
        self.layout = Layout.for_size(*app.screen.get_size())
        self._start(session)
        session.subscribe(self._on_result)

    def _start(self, session: Session) -> None:
        """Look at a (new) world: select the first crew member, centre on them."""
        world = session.world
        self.session = session
        self.camera = Camera(world.terrain.width, world.terrain.height, self.layout.view)
        crew = [u for u in world.crew() if u.can_act]
        self.selected: int | None = crew[0].id if crew else None
        first = crew[0].cell if crew and crew[0].cell else Cell(0, 0, 0)
        self.floor = first.floor
        self.cursor: Cell = first
        self.armed: str | None = None
        self.sneak = False
        self.follow = False
        self.camera.look_at(first.x, first.y, glide=False)
        self.mapview.forget()
        self.animator = Animator()
        self.animator.sync(world)
        self._knowledge = None
        self._seen_noises = {id(n) for n in world.noises}

    # --- derived state, cached per session version -------------------------------------------

    @property
    def world(self) -> World:
        return self.session.world

    @property
    def knowledge(self) -> Knowledge:
        version = (id(self.world), self.session.version)
        if self._knowledge is None or self._knowledge_key != version:
            self._knowledge = derive(self.world, self.session.version)
            self._knowledge_key = version
        return self._knowledge

    @property
    def unit(self) -> Unit | None:
        unit = self.world.units.get(self.selected) if self.selected is not None else None
        return unit if unit is not None and unit.is_crew else None

    def options(self) -> list[ActionOption]:
        key = (id(self.world), self.session.version, self.selected, self.cursor, self.sneak)
        if self._bar is None or self._bar[0] != key:
            unit = self.unit
            options = action_bar(self.world, unit, self.cursor, self.sneak) if unit else []
            self._bar = (key, options)
        return self._bar[1]

    def preview(self) -> Preview:
        hear = self.app.settings.overlays.get("forecast", True)
        key = (
            id(self.world),
            self.session.version,
            self.selected,
            self.cursor,
            self.sneak,
            self.armed,
            self.bar_hover,
            hear,
        )
        if self._preview is not None and self._preview[0] == key:
            return self._preview[1]
        unit = self.unit
        version = self.session.version

        def forecast(command: Command) -> Forecast:
            return self.forecasts.get(self.world, version, command)

        heard = forecast if hear else None
        if unit is None or not unit.can_act:
            result = Preview()
        elif self.bar_hover is not None and self.bar_hover < len(self.options()):
            option = self.options()[self.bar_hover]
            result = (
                preview_move(self.world, self.knowledge, unit.id, self.cursor, self.sneak, heard)
                if option.kind == "move"
                else preview_option(option, heard)
            )
        elif self.armed and self.armed != "move":
            result = preview_action(self.world, unit.id, self.armed, self.cursor, self.sneak, heard)
        else:
            result = preview_move(
                self.world, self.knowledge, unit.id, self.cursor, self.sneak, heard
            )
        self._preview = (key, result)
        return result

    # --- the session's news ----------------------------------------------------------------

    def _on_result(self, command: Command, result: CommandResult) -> None:
        if not result.ok:
            return
        audio = self.app.audio
        for event in result.events:
            audio.play_event(event.kind)
        fresh = [n for n in self.world.noises if id(n) not in self._seen_noises]
        for noise in fresh[:3]:
            audio.play_noise(noise.kind, noise.loudness)
        self._seen_noises = {id(n) for n in self.world.noises}

    # --- frame -----------------------------------------------------------------------------

    def update(self, dt: float) -> None:
        self.time += dt
        problem = recording_problem(self.session)
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
        if self.reload is not None and int(self.time * 2) != int((self.time - dt) * 2):
            fresh = self.reload()
            if fresh is not None:
                fresh.subscribe(self._on_result)
                self._start(fresh)
                self.app.notify("Map reloaded.")
        if self.world.outcome.over:
            if self.over_timer is None:
                self.over_timer = 0.0
            self.over_timer += dt
            if self.over_timer > 0.6 and self.on_over is not None:
                callback, self.on_over = self.on_over, None
                callback(self.session)

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
        preview = self.preview()
        if flags.get("path", True) and preview.path:
            overlays.path_preview(
                surface, self.camera, preview.path, preview.cost, preview.watched, floor
            )
        if flags.get("forecast", True) and preview.reach is not None:
            overlays.forecast_reach(surface, self.camera, world, preview.reach, floor)
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
        cursor = self.cursor if self.cursor.floor == floor else None
        overlays.cursor(surface, self.camera, cursor, selected)

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
            "undo": (self.session.can_undo(), keymap.label("undo"), self._undo_tip()),
            "rewind": (self.session.can_rewind(), keymap.label("rewind"), self._rewind_tip()),
            "end_turn": (
                not world.outcome.over,
                keymap.label("end_turn"),
                "End the turn: guards and devices act, the clock moves on.",
            ),
        }
        self.bar_hits = actionbar.draw_bar(
            surface, layout.bar, options, hotkeys, self.armed, self.sneak, tools, hover
        )
        panels.draw_side(
            surface, layout.side, world, self.hover_lines(world, knowledge), world.events
        )
        if self.armed:
            label = next((o.label for o in options if o.kind == self.armed), self.armed)
            theme.blit_text(
                surface,
                f"{label}: choose a target (right click or Esc to cancel)",
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

    def _rewind_tip(self) -> str:
        left = self.session.rewinds_allowed - self.session.rewinds_used
        return f"Back to the start of the previous turn ({max(0, left)} rewinds left)."

    def hover_lines(
        self, world: World, knowledge: Knowledge
    ) -> list[tuple[str, tuple[int, int, int]]]:
        cell = self.cursor
        if not world.in_bounds(cell):
            return []
        lines: list[tuple[str, tuple[int, int, int]]] = []
        name = world.terrain.tile_name(*cell).replace("_", " ")
        lines.append((f"{name}  ({cell.x}, {cell.y})", theme.DIM))
        door = world.door_at(cell)
        if door is not None:
            state = "open" if door.open else "locked" if door.locked else "closed"
            lines.append((f"{door.name.capitalize()}: {state}", theme.PAPER))
        for device in world.devices_at(cell):
            label = device.name or device.kind
            if device.kind == "sensor" and device.traits.get("sensor", "vibration") == "vibration":
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
            if preview.heard:
                names = ", ".join(
                    f"{world.units[i].name} ({lvl})"
                    if knowledge.visible(world.units[i])
                    else f"someone unseen ({lvl})"
                    for i, lvl in sorted(preview.heard.items())
                    if i in world.units
                )
                lines.append((f"Would be heard by: {names}", theme.FORECAST))
            elif self.app.settings.overlays.get("forecast", True):
                lines.append(("Nobody would hear it.", theme.DIM))
        return lines


def recording_problem(session: Session) -> str:
    """Why the game's recording cannot be written now (a full disk), or ""."""
    recorder = session.game.recorder if isinstance(session, RecordedSession) else None
    if recorder is None or not recorder.error:
        return ""
    held = recorder.pending
    return (
        f"The recording cannot be written ({recorder.error}): {held} "
        f"line{'s' * (held != 1)} kept, written as soon as there is space."
    )
