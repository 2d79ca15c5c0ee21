"""The one exception of the rules: a command refused, with a sentence for the player."""

from __future__ import annotations


class Refused(Exception):
    """A command that cannot be carried out now. ``reason`` is a sentence for the player.

    Rules raise it from ``validate``; it is caught only where a command enters the engine
    (:meth:`World.apply` and :meth:`World.check`), and a refused command has changed nothing.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
