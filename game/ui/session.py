"""The seam between the screen and the simulation: one small object drives the world.

Scenes never call ``world.apply`` themselves; they go through a :class:`Session`. It applies
commands, ends turns, counts what the debrief needs, and bumps :attr:`Session.version` after
every change so the renderer can cache what it derived from the world.

A plain :class:`Session` plays without recording (tests, the ``--watch`` reload); a real game
is a :class:`RecordedSession`, which hands each command to the replay layer's ``GameSession``
so it is recorded and undo and rewind work. The screen only relies on the
:class:`SessionLike` protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from game.sim.commands import Command, EndTurn
from game.sim.events import CommandResult
from game.sim.world import World

if TYPE_CHECKING:
    from game.replay.session import GameSession

Listener = Callable[[Command, CommandResult], None]


class SessionLike(Protocol):
    """What the mission scene needs from whatever drives the world."""

    world: World
    version: int
    rewinds_used: int
    rewinds_allowed: int

    def apply(self, command: Command) -> CommandResult: ...
    def end_turn(self) -> CommandResult: ...
    def check(self, command: Command) -> str | None: ...
    def undo_reason(self) -> str | None: ...
    def can_undo(self) -> bool: ...
    def undo(self) -> bool: ...
    def can_rewind(self) -> bool: ...
    def rewind(self) -> bool: ...
    def subscribe(self, listener: Listener) -> None: ...


@dataclass
class Session:
    """Plays one mission: every player action comes here as a command.

    ``listeners`` are told about each applied command and its result (sounds, animations,
    the event log, a recorder).
    """

    world: World
    rewinds_allowed: int = 3
    source: str = ""  # the map file, for restart and --watch
    version: int = 0
    rewinds_used: int = 0
    commands: list[Command] = field(default_factory=list)
    listeners: list[Listener] = field(default_factory=list)

    def subscribe(self, listener: Listener) -> None:
        self.listeners.append(listener)

    def check(self, command: Command) -> str | None:
        """Why the command would be refused now, or None. Changes nothing."""
        return self.world.check(command)

    def apply(self, command: Command) -> CommandResult:
        """Carry out one command; a refused command changes nothing (no version bump)."""
        result = self._carry_out(command)
        if result.ok:
            self.commands.append(command)
            self.version += 1
        for listener in list(self.listeners):
            listener(command, result)
        return result

    def end_turn(self) -> CommandResult:
        """End the player's turn; the world acts."""
        return self.apply(EndTurn())

    def _carry_out(self, command: Command) -> CommandResult:
        return self.world.apply(command)

    # --- hooks for the replay layer: without it there is no undo or rewind ----------------

    def undo_reason(self) -> str | None:
        """Why undo is not possible now (None when it is)."""
        return "Undo works in recorded games (not while --watch reloads the map)."

    def can_undo(self) -> bool:
        return self.undo_reason() is None

    def undo(self) -> bool:
        return False

    def can_rewind(self) -> bool:
        return False

    def rewind(self) -> bool:
        return False

    def replace_world(self, world: World) -> None:
        """Show another state of the mission (after undo, rewind or a map reload)."""
        self.world = world
        self.version += 1


class RecordedSession(Session):
    """A :class:`Session` backed by the replay layer's ``GameSession``: every command is
    recorded, and undo and rewind work. ``world`` always mirrors the game session's world.
    """

    def __init__(self, game: GameSession, source: str = "") -> None:
        super().__init__(world=game.world, source=source)
        self.game = game
        limit = game.settings.rewind_limit
        self.rewinds_allowed = 99 if limit < 0 else limit
        self.rewinds_used = game.rewinds_used

    def _carry_out(self, command: Command) -> CommandResult:
        result = self.game.apply(command)
        self.world = self.game.world
        return result

    def undo_reason(self) -> str | None:
        return self.game.undo_reason()

    def undo(self) -> bool:
        if self.game.undo() is not None:
            return False
        self.replace_world(self.game.world)
        return True

    def rewind_target(self) -> int:
        """Rewind goes to the start of the previous turn."""
        return max(1, self.world.turn - 1)

    def can_rewind(self) -> bool:
        return self.game.rewind_reason(self.rewind_target()) is None

    def rewind(self) -> bool:
        if self.game.rewind(self.rewind_target()) is not None:
            return False
        self.rewinds_used = self.game.rewinds_used
        self.replace_world(self.game.world)
        return True

    def close(self) -> None:
        self.game.close()
