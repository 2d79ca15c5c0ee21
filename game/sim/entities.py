"""The things on the map: units (crew, guards, civilians), doors and devices.

Their typed state lives in :mod:`game.sim.state` and how forks share them in
:mod:`game.sim.sharing`; the names are also found here, where the rules have long looked.

Every thing has a stable integer id, unique across the whole world (maps reuse Tiled's
object ids), and the rules always visit things in id order. Static facts a map gives a thing
are its ``traits`` (a frozen dataclass per kind of thing); what the rules change is typed state,
one small frozen dataclass per concern (a guard's mind, who carries whom, a safe, a bell...),
replaced whole when it changes, so a fork can share it with the world it came from.

Each ``snapshot`` gives the JSON-ready form the state hash and saves encode. State that is not
set (``None``) is left out, so a thing's snapshot lists only what happened to it: the form
(``"traits"`` and ``"memory"`` objects) is the one the recordings were made with.
"""

from __future__ import annotations

import functools
import json.encoder
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from game.sim.fingerprint import canonical
from game.sim.geometry import Cell, Facing
from game.sim.sharing import _STAMPS, STATUS_CHANGES, Changes, Claim, DoorClaim
from game.sim.state import (
    DEVICE_STATES,
    DEVICE_TRAITS,
    AlarmState,
    BellState,
    BellTraits,
    Carrying,
    GuardMind,
    GuardState,
    KitState,
    LootState,
    LootTraits,
    NoState,
    NoTraits,
    SafeState,
    SafeTraits,
    SensorState,
    SensorTraits,
    Status,
    UnitKind,
    UnitTraits,
)

_string = json.encoder.encode_basestring_ascii  # a JSON string, as canonical JSON writes it


#: The fields of a unit whose values make up its ``memory`` (see :meth:`Unit.memory`).
_MEMORY_FIELDS = frozenset({"mind", "carrying", "kit", "ko_turns", "left_by", "offstage"})
#: ... and those that never change in play (see :meth:`Unit.canonical_json`).
_STATIC_FIELDS = frozenset(
    {"id", "kind", "name", "role", "max_ap", "armed", "route", "route_closed"}
)


@dataclass
class Unit:
    """A person on the map."""

    id: int
    kind: UnitKind
    name: str
    role: str  # "tony", "cesar", "guard", "concierge", "police", "tonio"...
    cell: Cell | None  # None while off the map (escaped, carried)
    facing: Facing = Facing.S
    ap: int = 0
    max_ap: int = 0
    hp: int = 1
    status: Status = Status.ACTIVE
    state: GuardState = GuardState.STANDING
    route: tuple[Cell, ...] = ()  # patrol waypoints from the map, in order
    route_closed: bool = True  # a loop (polygon) rather than there-and-back (polyline)
    route_pos: int = 0  # where along the patrol loop the guard is
    armed: bool = False
    traits: UnitTraits = field(default_factory=lambda: UnitTraits())
    mind: GuardMind = field(default_factory=lambda: GuardMind())
    carrying: Carrying = field(default_factory=lambda: Carrying())
    kit: KitState = field(default_factory=lambda: KitState())
    ko_turns: int | None = None  # turns a knocked-out unit still lies senseless
    left_by: str | None = None  # the kind of exit it left the map through ("exit", "car")
    offstage: bool = False  # a guard the map brings on later (see ``game.sim.arrivals``)

    def __setattr__(self, name: str, value: Any) -> None:
        # Every field is a plain value in the instance's dict, so it is set there directly;
        # on the way, what was kept from the old value is forgotten (several times a step).
        values = self.__dict__
        values[name] = value
        values.pop("_encoded", None)  # the kept encoding (see World.part_hashes)
        changes = values.get("_changes")
        if changes is not None:
            changes.any = stamp = next(_STAMPS)
            if values["kind"] is not UnitKind.CREW:
                changes.guards = stamp
        if name in _MEMORY_FIELDS:
            values.pop("_memory_encoded", None)
        elif name in _STATIC_FIELDS:
            values.pop("_static_encoded", None)
        elif name == "status":
            STATUS_CHANGES[0] += 1

    @property
    def is_crew(self) -> bool:
        return self.kind is UnitKind.CREW

    @property
    def is_guard(self) -> bool:
        return self.kind is UnitKind.GUARD

    @property
    def on_map(self) -> bool:
        """True while the unit stands on a cell (active, or lying there)."""
        return self.cell is not None

    @property
    def can_act(self) -> bool:
        return self.status is Status.ACTIVE and self.cell is not None

    def snapshot(self) -> dict[str, Any]:
        """Everything that matters about the unit, JSON-ready, for hashing and saves."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "name": self.name,
            "role": self.role,
            "cell": self.cell.to_json() if self.cell else None,
            "facing": self.facing.value,
            "ap": self.ap,
            "max_ap": self.max_ap,
            "hp": self.hp,
            "status": self.status.value,
            "state": self.state.value,
            "route": [c.to_json() for c in self.route],
            "route_closed": self.route_closed,
            "route_pos": self.route_pos,
            "armed": self.armed,
            "traits": self.traits.to_json(),
            "memory": self.memory(),
        }

    def memory(self) -> dict[str, Any]:
        """The unit's changing state as one JSON object (what is set of it)."""
        out = {**self.mind.to_json(), **self.carrying.to_json(), **self.kit.to_json()}
        if self.ko_turns is not None:
            out["ko_turns"] = self.ko_turns
        if self.left_by is not None:
            out["left_by"] = self.left_by
        if self.offstage:
            out["offstage"] = True
        return out

    def _memory_json(self) -> str:
        """The canonical JSON of :meth:`memory`, kept until one of its fields is set (a move
        changes the cell, not what the unit has in mind)."""
        values = self.__dict__
        kept = values.get("_memory_encoded")
        if kept is None:
            kept = values["_memory_encoded"] = canonical(self.memory()).decode()
        return kept

    def canonical_json(self) -> bytes:
        """``fingerprint.canonical(self.snapshot())``, written out directly (the state hash
        encodes every unit that changed after every command): the same bytes, which
        ``tests/test_sim_caches.py`` checks. What never changes in play (id, name, route...)
        is written once and kept (until set); anything unusual (a number that is not an int,
        a cell that is not three ints) goes through the JSON encoder instead."""
        values = self.__dict__
        static = values.get("_static_encoded")
        if static is None:
            static = values["_static_encoded"] = self._static_json()
        if static is False:
            return canonical(self.snapshot())
        cell, ap, hp, route_pos = self.cell, self.ap, self.hp, self.route_pos
        if type(ap) is not int or type(hp) is not int or type(route_pos) is not int:
            return canonical(self.snapshot())
        if cell is None:
            where = "null"
        elif len(cell) == 3 and type(cell[0]) is type(cell[1]) is type(cell[2]) is int:
            where = f"[{cell[0]},{cell[1]},{cell[2]}]"
        else:
            return canonical(self.snapshot())
        armed, ids, names = static
        return (
            f'{{"ap":{ap},{armed}"cell":{where},"facing":{_enum_json(self.facing)},'
            f'"hp":{hp},{ids}"memory":{self._memory_json()},{names}"route_pos":{route_pos},'
            f'"state":{_enum_json(self.state)},"status":{_enum_json(self.status)},'
            f'"traits":{self.traits.canonical}}}'
        ).encode()

    def _static_json(self) -> tuple[str, str, str] | bool:
        """The parts of :meth:`canonical_json` that never change in play, or False when one
        is not of the plain type the direct writing expects."""
        if (
            type(self.id) is not int
            or type(self.max_ap) is not int
            or type(self.armed) is not bool
            or type(self.route_closed) is not bool
            or type(self.name) is not str
            or type(self.role) is not str
            or any(len(c) != 3 or any(type(v) is not int for v in c) for c in self.route)
        ):
            return False
        route = ",".join(f"[{c[0]},{c[1]},{c[2]}]" for c in self.route)
        return (
            f'"armed":{"true" if self.armed else "false"},',
            f'"id":{self.id},"kind":{_enum_json(self.kind)},"max_ap":{self.max_ap},',
            f'"name":{_string(self.name)},"role":{_string(self.role)},"route":[{route}],'
            f'"route_closed":{"true" if self.route_closed else "false"},',
        )


@functools.cache
def _enum_json(value: StrEnum) -> str:
    """An enum's value as a JSON string (a handful of values, asked for at every encoding)."""
    return _string(value.value)


@dataclass
class Door:
    """A door on a door cell: open, closed, or locked (pick it open)."""

    id: int
    cell: Cell
    open: bool = False
    locked: bool = False
    lock_difficulty: int = 2
    lock_progress: int = 0
    name: str = "door"

    def __setattr__(self, name: str, value: Any) -> None:
        claim = self.__dict__.get("_claim")
        if claim is not None:
            if not claim.valid:
                raise RuntimeError(
                    f"the {self.name} (id {self.id}) is shared with a fork: "
                    "change it through World.own_door"
                )
            claim.changed()
            self.__dict__.pop("_encoded", None)
        object.__setattr__(self, name, value)

    def snapshot(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "cell": self.cell.to_json(),
            "open": self.open,
            "locked": self.locked,
            "lock_difficulty": self.lock_difficulty,
            "lock_progress": self.lock_progress,
            "name": self.name,
            "traits": {},
        }


@dataclass
class Device:
    """A placed thing that is not a person or a door: safe, loot, bell, sensor, exit, car...

    ``kind`` says which rules drive it; ``traits`` holds the map's settings for it (e.g. a
    sensor's threshold and the bell it is wired to), ``state`` what changes (both typed by
    kind: see :data:`DEVICE_TRAITS` and :data:`DEVICE_STATES`).
    """

    id: int
    kind: str
    cell: Cell
    name: str = ""
    traits: Any = None
    state: Any = None

    def __post_init__(self) -> None:
        if self.kind not in DEVICE_TRAITS:
            raise ValueError(f"there is no kind of device called {self.kind!r}")
        if self.traits is None:
            self.traits = DEVICE_TRAITS[self.kind]()
        if self.state is None:
            self.state = DEVICE_STATES[self.kind]()

    def __setattr__(self, name: str, value: Any) -> None:
        values = self.__dict__
        claim = values.get("_claim")
        if claim is not None and not claim.valid:
            raise RuntimeError(
                f"the {self.name or self.kind} (id {self.id}) is shared with a fork: "
                "change it through World.own_device"
            )
        values.pop("_encoded", None)  # the kept encoding (see World.part_hashes)
        changes = values.get("_changes")
        if changes is not None:
            changes.devices = next(_STAMPS)
        object.__setattr__(self, name, value)

    def snapshot(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "cell": self.cell.to_json(),
            "name": self.name,
            "traits": self.traits.to_json(),
            "memory": self.state.to_json(),
        }


__all__ = [
    "DEVICE_STATES",
    "DEVICE_TRAITS",
    "STATUS_CHANGES",
    "AlarmState",
    "BellState",
    "BellTraits",
    "Carrying",
    "Changes",
    "Claim",
    "Device",
    "Door",
    "DoorClaim",
    "GuardMind",
    "GuardState",
    "KitState",
    "LootState",
    "LootTraits",
    "NoState",
    "NoTraits",
    "SafeState",
    "SafeTraits",
    "SensorState",
    "SensorTraits",
    "Status",
    "Unit",
    "UnitKind",
    "UnitTraits",
]
