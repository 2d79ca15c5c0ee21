"""Commands: plain data that drives the simulation.

The mouse, the keyboard, a recording, a test and a bot all build the same command objects and
hand them to :meth:`game.sim.world.World.apply`. Each command turns into a JSON-ready dict and
back; ``from_dict`` checks every field so a tampered recording gets a clear message instead of
a crash. Rule modules add commands by subclassing :class:`Command` with a unique ``kind``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar

from game.sim.geometry import Cell


class CommandFormatError(ValueError):
    """A command dict that does not describe a valid command."""


_REGISTRY: dict[str, type[Command]] = {}


@dataclass(frozen=True)
class Command:
    """Base of every command. Subclasses are frozen dataclasses with a ``kind``."""

    kind: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.kind:
            raise TypeError(f"{cls.__name__} needs a 'kind'")
        if cls.kind in _REGISTRY:
            raise TypeError(f"two commands are called {cls.kind!r}")
        _REGISTRY[cls.kind] = cls

    def to_dict(self) -> dict[str, Any]:
        """``{"kind": ..., field: value...}`` with cells as ``[floor, x, y]``."""
        out: dict[str, Any] = {"kind": self.kind}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            out[f.name] = value.to_json() if isinstance(value, Cell) else value
        return out

    @staticmethod
    def from_dict(data: object) -> Command:
        """Build a command from its dict form, checking every field's type."""
        if not isinstance(data, dict):
            raise CommandFormatError(f"a command is a JSON object, not {type(data).__name__}")
        kind = data.get("kind")
        cls = _REGISTRY.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise CommandFormatError(f"unknown command kind {kind!r}")
        fields, names = _fields_of(cls)
        values: dict[str, Any] = {}
        for name, hint, optional in fields:
            if name not in data:
                if optional:
                    continue
                raise CommandFormatError(f"'{kind}' command is missing '{name}'")
            values[name] = _coerce(kind, name, hint, data[name])
        if len(data) != len(values) + 1:
            extra = set(data) - names
            if extra:
                raise CommandFormatError(f"'{kind}' command has unknown fields {sorted(extra)}")
        return cls(**values)


#: Per command class: ``(name, type hint, has a default)`` of each field, and every key its
#: dict form may hold. ``typing.get_type_hints`` is slow (it evaluates the annotations), and
#: a recording decodes thousands of commands, so each class's are worked out once.
_FIELDS: dict[type, tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]] = {}


def _fields_of(cls: type) -> tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]:
    kept = _FIELDS.get(cls)
    if kept is None:
        hints = typing.get_type_hints(cls)
        fields = tuple(
            (f.name, hints[f.name], f.default is not dataclasses.MISSING)
            for f in dataclasses.fields(cls)
        )
        kept = _FIELDS[cls] = (fields, frozenset({"kind", *(name for name, _, _ in fields)}))
    return kept


def command_kinds() -> list[str]:
    """Every registered command kind, sorted."""
    return sorted(_REGISTRY)


def _coerce(kind: str, name: str, hint: Any, value: Any) -> Any:
    options = typing.get_args(hint) if isinstance(hint, types.UnionType) else (hint,)
    for option in options:
        if option is type(None) and value is None:
            return None
        if option is Cell:
            try:
                return Cell.from_json(value)
            except ValueError:
                continue
        if option is bool and isinstance(value, bool):
            return value
        if option is int and isinstance(value, int) and not isinstance(value, bool):
            return value
        if option is str and isinstance(value, str):
            return value
    raise CommandFormatError(f"'{kind}' command field '{name}' has a bad value {value!r}")


# --- The foundation's commands. Rule modules define more next to their handlers. -----------


@dataclass(frozen=True)
class Move(Command):
    """Walk (or sneak) a crew member to a cell along the cheapest path."""

    kind: ClassVar[str] = "move"
    unit: int
    to: Cell
    sneak: bool = False


@dataclass(frozen=True)
class OpenDoor(Command):
    """Open an unlocked door next to the unit."""

    kind: ClassVar[str] = "open_door"
    unit: int
    door: int


@dataclass(frozen=True)
class CloseDoor(Command):
    """Close an open door next to the unit (nobody may stand in it)."""

    kind: ClassVar[str] = "close_door"
    unit: int
    door: int


@dataclass(frozen=True)
class PickLock(Command):
    """Work on a locked door's lock; it opens after enough attempts."""

    kind: ClassVar[str] = "pick_lock"
    unit: int
    door: int


@dataclass(frozen=True)
class Wait(Command):
    """The unit holds still for the rest of the turn (its remaining AP are given up)."""

    kind: ClassVar[str] = "wait"
    unit: int


@dataclass(frozen=True)
class EndTurn(Command):
    """End the player's turn: the world acts, the clock advances, the crew's AP refill."""

    kind: ClassVar[str] = "end_turn"
