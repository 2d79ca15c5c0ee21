"""Command handlers: for each command type, how it is validated and carried out.

A handler's ``validate`` returns a sentence a player can read when the command cannot be
done now (and must change nothing); otherwise it returns the *plan* it worked out on the way
(such as a move's path), or None when there is nothing worth handing over. ``execute`` gets
that plan (:meth:`World.apply` calls it at once, so the plan still holds), carries the
command out, and may assume validation passed. New rules register handlers for their own
commands with :func:`handles`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.world import World


class Handler(Protocol):
    def validate(self, world: World, command: Command) -> str | Any:
        """Why the command is refused (a ``str``), else the plan for :meth:`execute`."""
        ...

    def execute(self, world: World, command: Command, plan: Any) -> None: ...


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
