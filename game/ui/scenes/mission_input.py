"""Mouse and keyboard in the mission: everything the player does becomes a command.

Full mouse play (click crew, map, action bar, end turn) and full keyboard play (a map cursor
moved by keys, Enter to act, hotkeys for actions, Tab for the crew) reach the same methods:
:meth:`MissionInput.act_at`, :meth:`MissionInput.press_action`, :meth:`MissionInput.end_turn`.
"""

from __future__ import annotations

import pygame

from game.sim.commands import Command, Move, OpenDoor
from game.sim.geometry import Cell, is_adjacent
from game.ui.actions import CONFIRMED, TARGETED, option_for
from game.ui.orders import wait_until, way_to
from game.ui.scenes.help import help_scene
from game.ui.scenes.mission_view import MissionView

OVERLAY_KEYS = {
    "toggle_vision": "vision",
    "toggle_noise": "noise",
    "toggle_forecast": "forecast",
    "toggle_path": "path",
    "toggle_reach": "reach",
    "toggle_intent": "intent",
    "toggle_alarm": "alarm",
}
CURSOR_KEYS = {
    "cursor_up": (0, -1),
    "cursor_down": (0, 1),
    "cursor_left": (-1, 0),
    "cursor_right": (1, 0),
}
PAN_KEYS = {"pan_up": (0, -1), "pan_down": (0, 1), "pan_left": (-1, 0), "pan_right": (1, 0)}


class MissionInput(MissionView):
    """The input layer of :class:`~game.ui.scenes.mission.MissionScene`."""

    hover_pos: tuple[int, int] | None = None
    mouse_seen = False
    drag: tuple[int, int, int] | None = None  # (button, x, y) while a pan drag is going
    dragged = False

    # --- commands ------------------------------------------------------------------------

    def apply(self, command: Command) -> bool:
        """Hand one command to the session; a refusal is told, not hidden."""
        if isinstance(command, Move):
            preview = self.preview()
            if preview.command == command and preview.path:
                self.animator.hint(command.unit, preview.path)
        unit_id = getattr(command, "unit", None)
        if isinstance(unit_id, int):
            self.orders.forget(unit_id)  # a new command for them replaces their order
        result = self.session.apply(command)
        if not result:
            self.app.notify(result.reason)
            return False
        unit = self.unit
        if unit is not None and unit.cell is not None and not unit.can_act:
            self.select_next()
        return True

    def act_at(self, cell: Cell) -> None:
        """Click or Enter on a cell: select crew there, use the armed action, or move."""
        world, unit = self.world, self.unit
        occupant = world.occupant(cell) if world.in_bounds(cell) else None
        if occupant is not None and occupant.is_crew and occupant.can_act and not self.armed:
            self.select(occupant.id)
            return
        if unit is None or not unit.can_act:
            self.app.notify("Select a crew member first (Tab, or click one).")
            return
        if self.armed in TARGETED:
            self.aim(cell)
            return
        if self.armed and self.armed != "move":
            option = option_for(world, unit, self.armed, cell, self.sneak)
            if option.command is None:
                self.app.notify(option.reason or "Not possible here.")
                return
            if self.apply(option.command):
                self.armed = None
            return
        door = world.door_at(cell)
        if door is not None and not door.open and unit.cell and is_adjacent(unit.cell, cell):
            self.apply(OpenDoor(unit=unit.id, door=door.id))
            return
        move = Move(unit=unit.id, to=cell, sneak=self.sneak)
        if self._far(move):  # out of this turn's reach: an order that carries over turns
            told = self.orders.give(self.session, unit, cell, self.sneak)
            if told is not None:
                self.armed = None
                self.app.notify(told)
                return
        if self.apply(move):
            self.armed = None

    def _far(self, move: Move) -> bool:
        """True when the rules refuse ``move`` only because it is beyond this turn's AP:
        a free, walkable goal with a way there."""
        world, goal = self.world, move.to
        if not world.in_bounds(goal) or world.check(move) is None:
            return False
        if not world.terrain.walkable[goal.index] or world.occupant(goal) is not None:
            return False
        unit = world.units[move.unit]
        return way_to(world, unit, goal) is not None

    def aim(self, cell: Cell, quiet: bool = False) -> None:
        """The armed targeted action at ``cell``: a silent one (peek) is done; a loud one is
        aimed there first (its noise forecast shows) and done when aimed at the same cell
        again. ``quiet``: say nothing when ``cell`` is not a target (the button was pressed
        with the cursor elsewhere: the player picks a target next)."""
        unit, kind = self.unit, self.armed
        if unit is None or kind is None:
            return
        world = self.world
        option = option_for(world, unit, kind, cell, self.sneak)
        command = option.command
        rule = world.rulebook.by_kind(kind)
        if command is None or cell not in rule.where(world, command):
            if not quiet:
                why = option.reason if command is None else None
                self.app.notify(why or f"{option.label}: not here; point at its target.")
            return
        if kind in CONFIRMED and command != self.pending:
            self.pending, self.pending_cell = command, cell
            self.app.notify(f"{option.label}: press again, Enter or click to confirm; Esc cancels.")
            return
        if self.apply(command):
            self.armed = None

    def press_action(self, index: int) -> None:
        """An action-bar button (by hotkey or click): do it now, or arm it for a target."""
        options = self.options()
        if not 0 <= index < len(options):
            return
        option = options[index]
        if option.kind == "move":
            self.armed = None if self.armed == "move" else "move"
            return
        if option.kind in TARGETED:
            if self.armed == option.kind and self.pending is not None:
                self.aim(self.pending_cell or self.cursor)  # the same key again: confirm
                return
            self.armed, self.pending, self.pending_cell = option.kind, None, None
            self.aim(self.cursor, quiet=True)  # the cursor already on a target: aim there
            if self.armed and self.pending is None and option.reason:
                self.app.notify(option.reason)
            return
        if option.command is not None:
            if self.apply(option.command):
                self.armed = None
            return
        self.armed = option.kind  # point at a target; the tooltip says what is missing
        if option.reason:
            self.app.notify(option.reason)

    def end_turn(self) -> None:
        if self.world.outcome.over:
            return
        self.armed = None
        result = self.session.end_turn()
        told = self.orders.carry_on(self.session, result.events)
        if told:
            self.app.notify(told)
        unit = self.unit
        if unit is None or not unit.can_act:
            self.select_next()

    def wait_until(self) -> None:
        """End turns until a guard comes into or leaves view or news arrives."""
        if self.world.outcome.over:
            return
        self.armed = None
        self.app.notify(wait_until(self.session, self.orders), 5.0)
        unit = self.unit
        if unit is None or not unit.can_act:
            self.select_next()

    def undo(self) -> None:
        why = self.session.undo()
        if why:
            self.app.notify(why)

    def rewind(self) -> None:
        why = self.session.rewind()
        if why:
            self.app.notify(why)

    # --- selection and view --------------------------------------------------------------

    def select(self, unit_id: int) -> None:
        unit = self.world.units.get(unit_id)
        if unit is None or not unit.is_crew:
            return
        self.selected = unit_id
        self.armed = None
        if unit.cell is not None:
            self.floor = unit.cell.floor
            self.cursor = unit.cell
            self.camera.keep_in_view(unit.cell.x, unit.cell.y)

    def select_next(self, step: int = 1) -> None:
        crew = [u for u in self.world.crew() if u.can_act]
        if not crew:
            return
        ids = [u.id for u in crew]
        current = ids.index(self.selected) if self.selected in ids else -1
        self.select(ids[(current + step) % len(ids)])

    def set_floor(self, floor: int) -> None:
        floor = max(0, min(self.world.terrain.floors - 1, floor))
        self.floor = floor
        self.cursor = Cell(floor, self.cursor.x, self.cursor.y)

    def move_cursor(self, dx: int, dy: int) -> None:
        t = self.world.terrain
        x = max(0, min(t.width - 1, self.cursor.x + dx))
        y = max(0, min(t.height - 1, self.cursor.y + dy))
        self.cursor = Cell(self.floor, x, y)
        self.camera.keep_in_view(x, y)

    # --- events --------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN:
            for action in self.app.keymap.actions_for(event.key):
                self.key_action(action, bool(event.mod & pygame.KMOD_SHIFT))
        elif event.type == pygame.MOUSEMOTION:
            self.mouse_motion(event.pos, event.buttons)
        elif event.type == pygame.MOUSEBUTTONDOWN:
            self.mouse_down(event.pos, event.button)
        elif event.type == pygame.MOUSEBUTTONUP:
            if self.drag and self.drag[0] == event.button:
                if event.button == 3 and not self.dragged:
                    self.armed, self.pending, self.pending_cell = None, None, None
                self.drag = None
        elif event.type == pygame.MOUSEWHEEL:
            self.camera.zoom(
                1 if event.y > 0 else -1 if event.y < 0 else 0,
                self.hover_pos or self.camera.view.center,
            )

    def key_action(self, action: str, shift: bool) -> None:
        if action in CURSOR_KEYS:
            dx, dy = CURSOR_KEYS[action]
            step = 5 if shift else 1
            self.move_cursor(dx * step, dy * step)
        elif action in PAN_KEYS:
            dx, dy = PAN_KEYS[action]
            self.camera.pan_pixels(dx * self.camera.tile * 3, dy * self.camera.tile * 3)
        elif action == "confirm":
            self.act_at(self.cursor)
        elif action == "back":
            if self.armed:
                self.armed, self.pending, self.pending_cell = None, None, None
            elif self.on_pause is not None:
                self.on_pause()
        elif action == "next_crew":
            self.select_next(-1 if shift else 1)
        elif action.startswith("crew_"):
            crew = self.world.crew()
            index = int(action.split("_")[1]) - 1
            if index < len(crew):
                self.select(crew[index].id)
        elif action.startswith("action_"):
            self.press_action(int(action.split("_")[1]) - 1)
        elif action == "sneak":
            self.sneak = not self.sneak
        elif action == "end_turn":
            self.end_turn()
        elif action == "wait_until":
            self.wait_until()
        elif action == "undo":
            self.undo()
        elif action == "rewind":
            self.rewind()
        elif action == "floor_up":
            self.set_floor(self.floor + 1)
        elif action == "floor_down":
            self.set_floor(self.floor - 1)
        elif action in ("zoom_in", "zoom_out"):
            self.camera.zoom(1 if action == "zoom_in" else -1, self.camera.view.center)
        elif action == "follow":
            self.follow = not self.follow
        elif action in OVERLAY_KEYS:
            name = OVERLAY_KEYS[action]
            overlays = self.app.settings.overlays
            overlays[name] = not overlays.get(name, True)
            self.app.notify(f"{name.capitalize()} overlay {'on' if overlays[name] else 'off'}.")
            self.app.save_settings()
        elif action == "help":
            self.app.push(help_scene(self.app))

    def mouse_motion(self, pos: tuple[int, int], buttons: tuple[int, ...]) -> None:
        if self.drag is not None:
            _, x, y = self.drag
            if abs(pos[0] - x) + abs(pos[1] - y) > 3:
                self.dragged = True
            self.camera.pan_pixels(x - pos[0], y - pos[1])
            self.drag = (self.drag[0], pos[0], pos[1])
        self.hover_pos = pos
        self.mouse_seen = True
        self.bar_hover = None
        for hit in self.bar_hits:
            if hit.what == "action" and hit.rect.collidepoint(pos):
                self.bar_hover = hit.index
        cell = self._map_cell(pos)
        if cell is not None:
            self.cursor = cell

    def _map_cell(self, pos: tuple[int, int]) -> Cell | None:
        if any(rect.collidepoint(pos) for rect, _ in self.floor_hits):
            return None
        found = self.camera.screen_to_cell(pos)
        return Cell(self.floor, *found) if found else None

    def mouse_down(self, pos: tuple[int, int], button: int) -> None:
        self.hover_pos = pos
        self.mouse_seen = True
        if button in (2, 3):
            self.drag, self.dragged = (button, pos[0], pos[1]), False
            return
        if button != 1:
            return
        for rect, unit_id in self.crew_hits:
            if rect.collidepoint(pos):
                self.select(unit_id)
                return
        for rect, floor in self.floor_hits:
            if rect.collidepoint(pos):
                self.set_floor(floor)
                return
        for hit in self.bar_hits:
            if hit.rect.collidepoint(pos):
                self.bar_click(hit.what, hit.index)
                return
        cell = self._map_cell(pos)
        if cell is not None:
            self.cursor = cell
            self.act_at(cell)

    def bar_click(self, what: str, index: int) -> None:
        if what == "action":
            self.press_action(index)
        elif what == "sneak":
            self.sneak = not self.sneak
        elif what == "undo":
            self.undo()
        elif what == "rewind":
            self.rewind()
        elif what == "end_turn":
            self.end_turn()
        elif what == "wait_until":
            self.wait_until()
