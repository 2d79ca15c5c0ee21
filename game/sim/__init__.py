"""The rules of Rififi: pure, deterministic, NumPy. No pygame, no files, no clock.

Build a :class:`World` (from a Tiled map via ``game.tiled``, or from ASCII art via
:mod:`game.asciiworld` in tests), then drive it only with commands::

    result = world.apply(Move(unit=tony.id, to=Cell(0, 5, 3)))
    if not result:
        print(result.reason)      # refused: nothing changed
    world.apply(EndTurn())
    world.state_hash()
"""

from game.sim.actions import RULEBOOK, candidates, legal_commands
from game.sim.actions.heist import Climb, DeployUmbrella, Drill, LowerRope
from game.sim.actions.loot import CrackSafe, Foam, TakeLoot
from game.sim.actions.peek import Peek
from game.sim.actions.people import Carry, Drop, KnockOut, Shoot
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
from game.sim.contract import NoiseSpec, Observer, Refused, Rule
from game.sim.engine import new_world
from game.sim.entities import Device, Door, GuardState, Status, Unit, UnitKind
from game.sim.events import CommandResult, Event, Noise, Outcome
from game.sim.forecast import (
    GuardIntent,
    guard_intents,
    noise_forecast,
    noise_reach,
    watched_by_anyone,
    watched_cells,
)
from game.sim.geometry import Cell, Facing
from game.sim.rules import Rules
from game.sim.score import score_summary
from game.sim.terrain import Terrain, TileProps
from game.sim.world import MissionInfo, Objective, Planned, World

__all__ = [
    "RULEBOOK",
    "Carry",
    "Cell",
    "Climb",
    "CloseDoor",
    "Command",
    "CommandFormatError",
    "CommandResult",
    "CrackSafe",
    "DeployUmbrella",
    "Device",
    "Door",
    "Drill",
    "Drop",
    "EndTurn",
    "Event",
    "Facing",
    "Foam",
    "GuardIntent",
    "GuardState",
    "KnockOut",
    "LowerRope",
    "MissionInfo",
    "Move",
    "Noise",
    "NoiseSpec",
    "Objective",
    "Observer",
    "OpenDoor",
    "Outcome",
    "Peek",
    "PickLock",
    "Planned",
    "Refused",
    "Rule",
    "Rules",
    "Shoot",
    "Status",
    "TakeLoot",
    "Terrain",
    "TileProps",
    "Unit",
    "UnitKind",
    "Wait",
    "World",
    "candidates",
    "guard_intents",
    "legal_commands",
    "new_world",
    "noise_forecast",
    "noise_reach",
    "score_summary",
    "watched_by_anyone",
    "watched_cells",
]
