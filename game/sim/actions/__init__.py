"""Command handlers: for each command type, how it is validated and carried out.

A handler's ``validate`` returns a sentence a player can read when the command cannot be
done now (and must change nothing); ``execute`` carries it out and may assume validation
passed. New rules register handlers for their own commands with :func:`handles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.world import World


class Handler(Protocol):
    def validate(self, world: World, command: Command) -> str | None: ...

    def execute(self, world: World, command: Command) -> None: ...


_HANDLERS: dict[type, Handler] = {}


def handles(command_type: type):
    """Class decorator registering one handler instance for ``command_type``."""

    def register(handler_class: type) -> type:
        if command_type in _HANDLERS:
            raise TypeError(f"{command_type.__name__} already has a handler")
        _HANDLERS[command_type] = handler_class()
        return handler_class

    return register


def handler_for(command: Command) -> Handler:
    try:
        return _HANDLERS[type(command)]
    except KeyError:
        raise TypeError(f"no rule handles {type(command).__name__} commands") from None


# Importing the modules registers their handlers.
from game.sim.actions import doors, heist, loot, movement, people, turn  # noqa: E402, F401
