"""Mouse and keyboard in the mission: events become intents
(:mod:`game.ui.scenes.mission_intents`), intents change the mission's state
(:class:`~game.ui.scenes.mission_state.MissionState`) or become commands for the session.

Full mouse play (click crew, map, action bar, end turn) and full keyboard play (a map cursor
moved by keys, Enter to act, hotkeys for actions, Tab for the crew) reach the same intents
and methods: :meth:`MissionInput.act_at`, :meth:`MissionInput.press_action`,
:meth:`MissionInput.end_turn`.
"""

from __future__ import annotations

import pygame

from game.sim.commands import Command, Move, OpenDoor
from game.sim.geometry import Cell, is_adjacent
from game.ui.actions import CONFIRMED, TARGETED, option_for
from game.ui.orders import wait_until, way_to
from game.ui.scene import Next, Push
from game.ui.scenes.help import help_scene
from game.ui.scenes.mission_intents import (
    Back,
    ChangeFloor,
    Confirm,
    EndTurn,
    Help,
    Intent,
    MoveCursor,
    NextCrew,
    Pan,
    Point,
    Press,
    PressAction,
    Release,
    Rewind,
    SelectCrew,
    ToggleFollow,
    ToggleOverlay,
    ToggleSneak,
    Undo,
    WaitUntil,
    Zoom,
    read,
)
from game.ui.scenes.mission_view import MissionView

#: What the bar's tool buttons ask for (its action buttons ask for ``PressAction``).
BAR_TOOLS: dict[str, Intent] = {
    "sneak": ToggleSneak(),
    "undo": Undo(),
    "rewind": Rewind(),
    "end_turn": EndTurn(),
    "wait_until": WaitUntil(),
}


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
        world, unit, state = self.world, self.unit, self.state
        occupant = world.occupant(cell) if world.in_bounds(cell) else None
        if occupant is not None and occupant.is_crew and occupant.can_act and not state.armed:
            self.select(occupant.id)
            return
        if unit is None or not unit.can_act:
            self.app.notify("Select a crew member first (Tab, or click one).")
            return
        if state.armed in TARGETED:
            self.aim(cell)
            return
        if state.armed and state.armed != "move":
            option = option_for(world, unit, state.armed, cell, state.sneak)
            if option.command is None:
                self.app.notify(option.reason or "Not possible here.")
                return
            if self.apply(option.command):
                state.armed = None
            return
        door = world.door_at(cell)
        if door is not None and not door.open and unit.cell and is_adjacent(unit.cell, cell):
            self.apply(OpenDoor(unit=unit.id, door=door.id))
            return
        move = Move(unit=unit.id, to=cell, sneak=state.sneak)
        if self._far(move):  # out of this turn's reach: an order that carries over turns
            told = self.orders.give(self.session, unit, cell, state.sneak)
            if told is not None:
                state.armed = None
                self.app.notify(told)
                return
        if self.apply(move):
            state.armed = None

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
        unit, kind = self.unit, self.state.armed
        if unit is None or kind is None:
            return
        world = self.world
        option = option_for(world, unit, kind, cell, self.state.sneak)
        command = option.command
        rule = world.rulebook.by_kind(kind)
        if command is None or cell not in rule.where(world, command):
            if not quiet:
                why = option.reason if command is None else None
                self.app.notify(why or f"{option.label}: not here; point at its target.")
            return
        if kind in CONFIRMED and command != self.state.pending:
            self.state.pending, self.state.pending_cell = command, cell
            self.app.notify(f"{option.label}: press again, Enter or click to confirm; Esc cancels.")
            return
        if self.apply(command):
            self.state.armed = None

    def press_action(self, index: int) -> None:
        """An action-bar button (by hotkey or click): do it now, or arm it for a target."""
        options = self.options()
        if not 0 <= index < len(options):
            return
        option, state = options[index], self.state
        if option.kind == "move":
            state.armed = None if state.armed == "move" else "move"
            return
        if option.kind in TARGETED:
            if state.armed == option.kind and state.pending is not None:
                self.aim(state.pending_cell or state.cursor)  # the same key again: confirm
                return
            state.disarm()
            state.armed = option.kind
            self.aim(state.cursor, quiet=True)  # the cursor already on a target: aim there
            if state.armed and state.pending is None and option.reason:
                self.app.notify(option.reason)
            return
        if option.command is not None:
            if self.apply(option.command):
                state.armed = None
            return
        state.armed = option.kind  # point at a target; the tooltip says what is missing
        if option.reason:
            self.app.notify(option.reason)

    def end_turn(self) -> None:
        if self.world.outcome.over:
            return
        self.state.armed = None
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
        self.state.armed = None
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
        cell = self.state.select(self.world, unit_id)
        if cell is not None:
            self.camera.keep_in_view(cell.x, cell.y)

    def select_next(self, step: int = 1) -> None:
        cell = self.state.select_next(self.world, step)
        if cell is not None:
            self.camera.keep_in_view(cell.x, cell.y)

    # --- intents ---------------------------------------------------------------------------

    def handle(self, event: pygame.event.Event) -> Next | None:
        """Carry out the event's intents; what comes next, if one says (pause, help)."""
        for intent in read(event, self.app.keymap):
            step = self.do(intent)
            if step is not None:
                return step
        return None

    def do(self, intent: Intent) -> Next | None:
        """Carry out one intent (from a key, the mouse or a button of the bar)."""
        state, world, camera = self.state, self.world, self.camera
        match intent:
            case MoveCursor(dx, dy):
                cell = state.move_cursor(world, dx, dy)
                camera.keep_in_view(cell.x, cell.y)
            case Pan(dx, dy):
                camera.pan_pixels(dx * camera.tile * 3, dy * camera.tile * 3)
            case Confirm():
                self.act_at(state.cursor)
            case Back():
                if state.armed:
                    state.disarm()
                elif self.on_pause is not None:
                    return self.on_pause()
            case NextCrew(step):
                self.select_next(step)
            case SelectCrew(index):
                crew = world.crew()
                if index < len(crew):
                    self.select(crew[index].id)
            case PressAction(index):
                self.press_action(index)
            case ToggleSneak():
                state.sneak = not state.sneak
            case EndTurn():
                self.end_turn()
            case WaitUntil():
                self.wait_until()
            case Undo():
                self.undo()
            case Rewind():
                self.rewind()
            case ChangeFloor(step):
                state.set_floor(world, state.floor + step)
            case Zoom(steps, at_pointer):
                camera.zoom(steps, (self.hover_pos if at_pointer else None) or camera.view.center)
            case ToggleFollow():
                state.follow = not state.follow
            case ToggleOverlay(name):
                shown = self.app.settings.overlays
                shown[name] = not shown.get(name, True)
                self.app.notify(f"{name.capitalize()} overlay {'on' if shown[name] else 'off'}.")
                self.app.save_settings()
            case Help():
                return Push(help_scene(self.app))
            case Point(pos, _):
                self.mouse_motion(pos)
            case Press(pos, button):
                return self.mouse_down(pos, button)
            case Release(button):
                if self.drag and self.drag[0] == button:
                    if button == 3 and not self.dragged:  # a right click, not a drag: cancel
                        state.disarm()
                    self.drag = None

    def mouse_motion(self, pos: tuple[int, int]) -> None:
        if self.drag is not None:
            _, x, y = self.drag
            if abs(pos[0] - x) + abs(pos[1] - y) > 3:
                self.dragged = True
            self.camera.pan_pixels(x - pos[0], y - pos[1])
            self.drag = (self.drag[0], pos[0], pos[1])
        self.hover_pos = pos
        self.mouse_seen = True
        self.state.bar_hover = None
        for hit in self.hits.bar:
            if hit.what == "action" and hit.rect.collidepoint(pos):
                self.state.bar_hover = hit.index
        cell = self._map_cell(pos)
        if cell is not None:
            self.state.cursor = cell

    def _map_cell(self, pos: tuple[int, int]) -> Cell | None:
        if any(rect.collidepoint(pos) for rect, _ in self.hits.floors):
            return None
        found = self.camera.screen_to_cell(pos)
        return Cell(self.state.floor, *found) if found else None

    def mouse_down(self, pos: tuple[int, int], button: int) -> Next | None:
        self.hover_pos = pos
        self.mouse_seen = True
        if button in (2, 3):
            self.drag, self.dragged = (button, pos[0], pos[1]), False
            return None
        if button != 1:
            return None
        for rect, unit_id in self.hits.crew:
            if rect.collidepoint(pos):
                self.select(unit_id)
                return None
        for rect, floor in self.hits.floors:
            if rect.collidepoint(pos):
                self.state.set_floor(self.world, floor)
                return None
        for hit in self.hits.bar:
            if hit.rect.collidepoint(pos):
                return self.do(
                    PressAction(hit.index) if hit.what == "action" else BAR_TOOLS[hit.what]
                )
        cell = self._map_cell(pos)
        if cell is not None:
            self.state.cursor = cell
            self.act_at(cell)
        return None
