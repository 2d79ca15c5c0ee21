"""The seam between the screen and the simulation: one small object drives the world.

Scenes never call ``world.apply`` themselves; they go through a :class:`Session`. It applies
commands, ends turns, counts what the debrief needs, and bumps :attr:`Session.version` after
every change so the renderer can cache what it derived from the world.

The replay layer wraps or subclasses this to record every command and to offer undo and
rewind: override :meth:`apply` / :meth:`end_turn` (call ``super()``), :meth:`can_undo`,
:meth:`undo`, :meth:`can_rewind` and :meth:`rewind`, and call :meth:`replace_world` after
putting back an earlier state. The screen only relies on the :class:`SessionLike` protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from game.sim.commands import Command, EndTurn
from game.sim.events import CommandResult
from game.sim.world import World

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
        result = self.world.apply(command)
        if result.ok:
            self.commands.append(command)
            self.version += 1
        for listener in list(self.listeners):
            listener(command, result)
        return result

    def end_turn(self) -> CommandResult:
        """End the player's turn; the world acts."""
        return self.apply(EndTurn())

    # --- hooks for the replay layer: without it there is no undo or rewind ----------------

    def can_undo(self) -> bool:
        return False

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

    def __init__(self, game: object, source: str = "") -> None:
        super().__init__(world=game.world, source=source)  # type: ignore[attr-defined]
        self.game = game
        settings = getattr(game, "settings", None)
        limit = getattr(settings, "rewind_limit", 3)
        self.rewinds_allowed = 99 if limit < 0 else limit
        self.rewinds_used = getattr(game, "rewinds_used", 0)

    def apply(self, command: Command) -> CommandResult:
        result = self.game.apply(command)  # type: ignore[attr-defined]
        self.world = self.game.world  # type: ignore[attr-defined]
        if result.ok:
            self.commands.append(command)
            self.version += 1
        for listener in list(self.listeners):
            listener(command, result)
        return result

    def undo_reason(self) -> str | None:
        return self.game.undo_reason()  # type: ignore[attr-defined]

    def can_undo(self) -> bool:
        return self.undo_reason() is None

    def undo(self) -> bool:
        if self.game.undo() is not None:  # type: ignore[attr-defined]
            return False
        self.replace_world(self.game.world)  # type: ignore[attr-defined]
        return True

    def rewind_target(self) -> int:
        """Rewind goes to the start of the previous turn."""
        return max(1, self.world.turn - 1)

    def can_rewind(self) -> bool:
        return self.game.rewind_reason(self.rewind_target()) is None  # type: ignore[attr-defined]

    def rewind(self) -> bool:
        if self.game.rewind(self.rewind_target()) is not None:  # type: ignore[attr-defined]
            return False
        self.rewinds_used = self.game.rewinds_used  # type: ignore[attr-defined]
        self.replace_world(self.game.world)  # type: ignore[attr-defined]
        return True

    def close(self) -> None:
        close = getattr(self.game, "close", None)
        if callable(close):
            close()
