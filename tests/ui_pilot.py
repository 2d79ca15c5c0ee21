"""A player at the controls: a golden walkthrough translated into posted mouse or key events.

:class:`Pilot` reads a script of ``tools/golden_scripts.py`` (walk here, drill there, end
the turn) and carries out each step the way a player would, through the real pygame loop:
with ``keys=False`` by clicking portraits, floor tabs, action buttons, map cells and the End
turn button; with ``keys=True`` by F1-F4, Page Up/Down, the arrow keys, the action hotkeys,
Enter and E. It only *reads* the world (to know where things are and whether an action is
allowed yet, as a player reads the screen); every change goes through posted events.
The waiting rules are the script runner's own (``_apply_or_wait``, ``_advance``), so the
same commands reach the rules and the game ends the same way.
"""

from __future__ import annotations

import dataclasses

import pygame

from game.sim import Cell, Command
from game.ui.actions import CONFIRMED
from game.ui.app import App
from game.ui.controls import key_code
from tests.ui_helpers import click, run
from tools import golden_scripts as scripts

MAX_TURNS = scripts.MAX_TURNS_PER_STEP


class PilotError(AssertionError):
    """The walkthrough could not be played through the screen."""


class Pilot:
    """Plays steps of a golden script on ``app``'s mission scene by mouse or by keys."""

    def __init__(self, app: App, keys: bool) -> None:
        self.app, self.keys = app, keys

    @property
    def mission(self):
        return self.app.scene

    @property
    def world(self):
        return self.mission.world

    # --- input ---------------------------------------------------------------------------

    def press(self, action: str, shift: bool = False, frames: int = 1) -> None:
        """Press the first key bound to ``action``."""
        code = key_code(self.app.keymap.keys[action][0])
        mod = pygame.KMOD_LSHIFT if shift else 0
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod))
        run(self.app, frames)

    def _hit(self, what: str, index: int = -1) -> pygame.Rect:
        hits = [h.rect for h in self.mission.hits.bar if h.what == what and h.index == index]
        if not hits:
            raise PilotError(f"no {what} button on screen")
        return hits[0]

    def select(self, unit_id: int) -> None:
        if self.mission.state.selected == unit_id:
            return
        if self.keys:
            index = [u.id for u in self.world.crew()].index(unit_id)
            self.press(f"crew_{index + 1}")
        else:
            rect = next(r for r, uid in self.mission.hits.crew if uid == unit_id)
            click(self.app, rect.center)
        assert self.mission.state.selected == unit_id

    def show_floor(self, floor: int) -> None:
        while self.mission.state.floor != floor:
            if self.keys:
                self.press("floor_up" if floor > self.mission.state.floor else "floor_down")
            else:
                rect = next(r for r, f in self.mission.hits.floors if f == floor)
                click(self.app, rect.center)

    def point(self, cell: Cell) -> None:
        """Put the map cursor on ``cell``: the arrow keys, or the mouse (panning by a right
        drag first when the cell is off screen)."""
        self.show_floor(cell.floor)
        mission = self.mission
        if self.keys:
            for delta, (more, less) in (
                (cell.x - mission.state.cursor.x, ("cursor_right", "cursor_left")),
                (cell.y - mission.state.cursor.y, ("cursor_down", "cursor_up")),
            ):
                action = more if delta > 0 else less
                for _ in range(abs(delta) // 5):
                    self.press(action, shift=True, frames=0)
                for _ in range(abs(delta) % 5):
                    self.press(action, frames=0)
            run(self.app, 1)
            assert mission.state.cursor == cell, (mission.state.cursor, cell)
            return
        for _ in range(6):
            run(self.app, 3)  # let a camera glide finish
            pos = mission.camera.cell_center(cell.x, cell.y)
            if mission.camera.screen_to_cell(pos) == (cell.x, cell.y) and not any(
                r.collidepoint(pos) for r, _ in mission.hits.floors
            ):
                break
            centre = mission.camera.view.center
            self._drag(centre, (centre[0] - (pos[0] - centre[0]), centre[1] - (pos[1] - centre[1])))
        pos = mission.camera.cell_center(cell.x, cell.y)
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
        )
        run(self.app, 1)
        assert mission.state.cursor == cell, (mission.state.cursor, cell)

    def _drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        post = pygame.event.post
        post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=3))
        post(pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(0, 0), buttons=(0, 0, 1)))
        post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=end, button=3))
        run(self.app, 1)

    def act(self, cell: Cell) -> None:
        """Click the cell, or put the cursor on it and press Enter."""
        self.point(cell)
        if self.keys:
            self.press("confirm")
        else:
            click(self.app, self.mission.camera.cell_center(cell.x, cell.y))

    def end_turn(self) -> None:
        turn = self.world.turn
        if self.keys:
            self.press("end_turn")
        else:
            click(self.app, self._hit("end_turn").center)
        assert self.world.turn > turn or self.world.outcome.over

    def sneak(self, on: bool) -> None:
        if self.mission.state.sneak != on:
            self.press("sneak") if self.keys else click(self.app, self._hit("sneak").center)

    def action(self, command: Command) -> None:
        """Point at the command's target, then its action button (or hotkey); if that only
        arms it (the bar picked another target), click or Enter on the target."""
        self.select(command.unit)
        target = target_cell(self.world, command)
        self.point(target)
        kinds = [o.kind for o in self.mission.options()]
        index = kinds.index(command.kind)
        version = self.mission.session.version
        if self.keys:
            self.press(f"action_{index + 1}")
        else:
            click(self.app, self._hit("action", index).center)
        if command.kind in CONFIRMED:  # a loud action is only aimed by the first press
            if self.mission.session.version != version:
                raise PilotError(f"{command} went off without a confirm")
            if self.mission.state.pending is None:  # the cursor was not on it: pick the target
                self.act(target)
            if self.mission.state.pending != command or self.mission.session.version != version:
                raise PilotError(f"{command} was not aimed: {self.mission.state.pending}")
            if self.mission.preview().command != command:  # its noise forecast is on screen
                raise PilotError(f"{command} aimed, but the preview shows something else")
        if self.mission.session.version == version and self.mission.state.armed == command.kind:
            self.act(target)  # the target (for a loud action, the confirm)
        if self.mission.session.version == version:
            raise PilotError(f"{command} did not happen: {self.app.message}")

    # --- the script's steps --------------------------------------------------------------

    def walk(self, who: str, goal: Cell, sneak: bool) -> bool:
        """One turn's worth of walking (the script's ``_advance``); True once there."""
        world = self.world
        unit = world.unit_named(who)
        if unit.cell == goal or unit.cell is None:
            return True
        self.select(unit.id)
        self.sneak(sneak)
        cell = scripts.step_toward(world, unit, goal, sneak)
        if cell is not None:
            self.act(cell)
        return cell == goal

    def do(self, step: scripts.Do) -> None:
        """One action, waiting for new turns while it is refused for lack of AP."""
        for _ in range(MAX_TURNS):
            command = step.make(self.world)
            reason = self.world.check(command)
            if reason is None:
                self.action(command)
                return
            fresh = all(u.ap == u.max_ap for u in self.world.crew() if u.can_act)
            if fresh and "AP" not in reason:
                raise PilotError(f"turn {self.world.turn}: {command}: {reason}")
            self.end_turn()
        raise PilotError(f"{step} never happened")

    def play(self, steps: list[scripts.Step]) -> None:
        """Every step of a script, then end turns until the mission is decided."""
        self.steps(steps)
        for _ in range(MAX_TURNS * 4):
            if self.world.outcome.over:
                return
            self.end_turn()

    def steps(self, steps: list[scripts.Step]) -> None:
        """Every step of a script, and no more."""
        for step in steps:
            assert not self.world.outcome.over, self.world.outcome
            if isinstance(step, scripts.Go):
                self._until(lambda s=step: self.walk(s.who, Cell(*s.to), s.sneak))
            elif type(step).__name__ == "GoAll":
                moves = [(who, Cell(*to)) for who, to in step.moves]
                self._until(lambda m=moves, s=step: all([self.walk(w, c, s.sneak) for w, c in m]))
            elif isinstance(step, scripts.Do):
                if step.until is None:
                    for _ in range(step.times):
                        self.do(step)
                else:
                    self._until(lambda s=step: s.until(self.world) or self.do(s), act=False)
            elif getattr(step, "until", None) is not None:
                self._until(lambda s=step: s.until(self.world), act=False)
            else:
                for _ in range(step.count):
                    self.end_turn()

    def _until(self, attempt, act: bool = True) -> None:
        for _ in range(MAX_TURNS):
            if attempt():
                return
            if self.world.outcome.over:
                raise PilotError(f"the mission ended early: {self.world.outcome}")
            self.end_turn()
        raise PilotError("a step never finished")


def target_cell(world, command: Command) -> Cell:
    """Where a player would point for ``command``: its cell, or the door, device or person it
    names, or (no target) the acting crew member's own cell."""
    for f in dataclasses.fields(command):
        value = getattr(command, f.name)
        if isinstance(value, Cell):
            return value
        if f.name in ("door",):
            return world.doors[value].cell
        if f.name in ("bell", "safe", "thing", "device"):
            return world.devices[value].cell
        if f.name in ("target", "person"):
            return world.units[value].cell
    return world.units[command.unit].cell
