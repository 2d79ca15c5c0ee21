"""The rules of Rififi: pure, deterministic, NumPy. No pygame, no files, no clock.

Build a :class:`World` (from a Tiled map via ``game.tiled``, or from ASCII art via
:mod:`game.sim.ascii` in tests), then drive it only with commands::

    result = world.apply(Move(unit=tony.id, to=Cell(0, 5, 3)))
    if not result:
        print(result.reason)
    world.apply(EndTurn())
    world.state_hash()
"""

from game.sim import actions as _actions  # noqa: F401  (registers the command handlers)
from game.sim.commands import (
    CloseDoor,
    Command,
    CommandFormatError,
    EndTurn,
    Move,
    OpenDoor,
    PickLock,
    Wait,
)
from game.sim.entities import Device, Door, GuardState, Status, Unit, UnitKind
from game.sim.events import CommandResult, Event, Noise, Outcome
from game.sim.geometry import Cell, Facing
from game.sim.rules import Rules
from game.sim.terrain import Terrain, TileProps
from game.sim.world import MissionInfo, Objective, World

__all__ = [
    "Cell",
    "CloseDoor",
    "Command",
    "CommandFormatError",
    "CommandResult",
    "Device",
    "Door",
    "EndTurn",
    "Event",
    "Facing",
    "GuardState",
    "MissionInfo",
    "Move",
    "Noise",
    "Objective",
    "OpenDoor",
    "Outcome",
    "PickLock",
    "Rules",
    "Status",
    "Terrain",
    "TileProps",
    "Unit",
    "UnitKind",
    "Wait",
    "World",
]
