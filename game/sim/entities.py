"""The things on the map: units (crew, guards, civilians), doors and devices.

Every thing has a stable integer id, unique across the whole world (maps reuse Tiled's
object ids), and the rules always visit things in id order. Static facts a map gives a thing
live in ``traits``; rule modules keep their per-thing state in ``memory``. Both hold only
JSON-ready values so the state hash and recordings can encode them canonically.
"""

from __future__ import annotations

import json.encoder
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from game.sim.fingerprint import canonical
from game.sim.geometry import Cell, Facing

_string = json.encoder.encode_basestring_ascii  # a JSON string, as canonical JSON writes it

_string = json.encoder.encode_basestring_ascii  # a JSON string, as canonical JSON writes it


class UnitKind(StrEnum):
    """Who a unit plays for."""

    CREW = "crew"
    GUARD = "guard"
    CIVILIAN = "civilian"


class Status(StrEnum):
    """Whether a unit is still in play."""

    ACTIVE = "active"
    ESCAPED = "escaped"  # left the map through an exit
    CAUGHT = "caught"
    KNOCKED_OUT = "knocked_out"
    DEAD = "dead"
    CARRIED = "carried"


class GuardState(StrEnum):
    """A guard's (or sleeper's) frame of mind; see the rules chapter of the docs."""

    SLEEPING = "sleeping"
    PATROL = "patrol"
    STANDING = "standing"
    SUSPICIOUS = "suspicious"
    ALERTED = "alerted"


#: How many times any unit's ``status`` was set, in any world: what the world keeps about who
#: lies on the floor (:meth:`World.bodies`) is good while this stays the same.
STATUS_CHANGES = [0]


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
    traits: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "status":
            STATUS_CHANGES[0] += 1
        values = self.__dict__
        if "_encoded" in values:  # the kept encoding (see World.part_hashes) is out of date
            del values["_encoded"]
        object.__setattr__(self, name, value)

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
            "traits": self.traits,
            "memory": self.memory,
        }

    def canonical_json(self) -> bytes:
        """``fingerprint.canonical(self.snapshot())``, written out directly (the state hash
        encodes every unit that changed after every command): the same bytes, which
        ``tests/test_sim_caches.py`` checks. Anything unusual (a number that is not an int,
        a cell that is not three ints) goes through the JSON encoder instead."""
        ints = (self.ap, self.hp, self.id, self.max_ap, self.route_pos)
        cells = self.route if self.cell is None else (self.cell, *self.route)
        if (
            any(type(v) is not int for v in ints)
            or type(self.armed) is not bool
            or type(self.route_closed) is not bool
            or any(len(c) != 3 or any(type(v) is not int for v in c) for c in cells)
            or type(self.name) is not str
            or type(self.role) is not str
        ):
            return canonical(self.snapshot())
        cell = "null" if self.cell is None else f"[{self.cell[0]},{self.cell[1]},{self.cell[2]}]"
        route = ",".join(f"[{c[0]},{c[1]},{c[2]}]" for c in self.route)
        text = (
            f'{{"ap":{self.ap},"armed":{"true" if self.armed else "false"},"cell":{cell},'
            f'"facing":{_string(self.facing.value)},"hp":{self.hp},"id":{self.id},'
            f'"kind":{_string(self.kind.value)},"max_ap":{self.max_ap},'
            f'"memory":{canonical(self.memory).decode()},"name":{_string(self.name)},'
            f'"role":{_string(self.role)},"route":[{route}],'
            f'"route_closed":{"true" if self.route_closed else "false"},'
            f'"route_pos":{self.route_pos},"state":{_string(self.state.value)},'
            f'"status":{_string(self.status.value)},"traits":{canonical(self.traits).decode()}}}'
        )
        return text.encode()


class DoorClaim:
    """Which world may change a door, and that world's digest of all its doors.

    A fork shares its doors with the world it came from (most children of a search open no
    door), so neither may change a shared door in place: :meth:`World.own_door` gives the
    world its own copy first. Each world holds one claim; its doors carry it, and a fork
    voids the claim both worlds held. Changing a door whose claim is void is a bug, refused
    at once rather than leaking into the other world; changing any other door forgets the
    digest (the doors part of the state hash) of the world it belongs to.
    """

    __slots__ = ("derived", "digest", "valid")

    def __init__(self, digest: str | None = None, derived: dict | None = None) -> None:
        self.valid = True
        self.digest = digest
        # What follows from the doors as they stand (see ``pathing.walkable_now``), never
        # changed in place once stored: a fork's claim starts with the same.
        self.derived: dict = {} if derived is None else derived

    def changed(self) -> None:
        """A door of this claim changed: forget what followed from the doors."""
        self.digest = None
        self.derived = {}


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
    traits: dict[str, Any] = field(default_factory=dict)

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
            "traits": self.traits,
        }


@dataclass
class Device:
    """A placed thing that is not a person or a door: safe, loot, bell, sensor, exit, car...

    ``kind`` says which rule module drives it; ``traits`` holds the map's settings for it
    (e.g. a sensor's threshold and the bell it is wired to) and ``memory`` its changing state.
    """

    id: int
    kind: str
    cell: Cell
    name: str = ""
    traits: dict[str, Any] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)

    def __setattr__(self, name: str, value: Any) -> None:
        values = self.__dict__
        if "_encoded" in values:  # the kept encoding (see World.part_hashes) is out of date
            del values["_encoded"]
        object.__setattr__(self, name, value)

    def snapshot(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "cell": self.cell.to_json(),
            "name": self.name,
            "traits": self.traits,
            "memory": self.memory,
        }
