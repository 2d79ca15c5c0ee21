"""The things on the map: units (crew, guards, civilians), doors and devices.

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
import itertools
import json.encoder
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar

from game.sim.fingerprint import canonical
from game.sim.fingerprint import digest as fingerprint_digest
from game.sim.geometry import Cell, Facing

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


#: Stamps for :class:`Changes`: every change anywhere takes the next one, so no two changes,
#: in any world, share a stamp.
_STAMPS = itertools.count(1)


class Changes:
    """When one world's units and doors (``any``), its units not of the crew (``guards``), its
    devices (``devices``) and its map arrays (``maps``) last changed, as stamps: each change
    takes a new stamp no other change anywhere has. A fork starts with its world's stamps, so
    two worlds with the same stamp hold the same things: what one worked out from them
    (:meth:`World.kept`: who the crew sees, who could hear) holds for the other too, and
    forks share it. Each unit, device and door claim of a world holds its world's stamps."""

    __slots__ = ("any", "devices", "guards", "maps")

    def __init__(self) -> None:
        self.any = self.guards = self.devices = self.maps = next(_STAMPS)

    def copy(self) -> Changes:
        twin = object.__new__(Changes)
        twin.any, twin.guards, twin.devices, twin.maps = (
            self.any,
            self.guards,
            self.devices,
            self.maps,
        )
        return twin


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


class Claim:
    """Whether a world may change its devices in place: a fork shares them with the world it
    came from (few commands change a device), so a fork voids the claim both held and each
    takes a new one; :meth:`World.own_device` gives a world its own copy of a device to
    change. Changing a device whose claim is void is a bug, refused at once."""

    __slots__ = ("valid",)

    def __init__(self) -> None:
        self.valid = True


class DoorClaim:
    """Which world may change a door, and that world's digest of all its doors.

    A fork shares its doors with the world it came from (most children of a search open no
    door), so neither may change a shared door in place: :meth:`World.own_door` gives the
    world its own copy first. Each world holds one claim; its doors carry it, and a fork
    voids the claim both worlds held. Changing a door whose claim is void is a bug, refused
    at once rather than leaking into the other world; changing any other door forgets the
    digest (the doors part of the state hash) of the world it belongs to.
    """

    __slots__ = ("changes", "derived", "digest", "valid")

    def __init__(
        self, changes: Changes, digest: str | None = None, derived: dict | None = None
    ) -> None:
        self.changes = changes  # the world's counter of changes
        self.valid = True
        self.digest = digest
        # What follows from the doors as they stand (see ``pathing.walkable_now``), never
        # changed in place once stored: a fork's claim starts with the same.
        self.derived: dict = {} if derived is None else derived

    def changed(self) -> None:
        """A door of this claim changed: forget what followed from the doors."""
        self.changes.any = next(_STAMPS)
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


# --- typed state -----------------------------------------------------------------------------


def _json(value: Any) -> Any:
    """A state value in its JSON form (cells as lists, enums as their value)."""
    if isinstance(value, Cell):
        return value.to_json()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    return value


@dataclass(frozen=True)
class _State:
    """Base of the typed state: ``to_json`` lists the fields that are set, by their JSON
    names (``KEYS`` renames a field where the recordings' name differs)."""

    KEYS: ClassVar[dict[str, str]] = {}
    #: Fields written even when None (a map setting left empty is part of the hash).
    ALWAYS: ClassVar[bool] = False

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, JSON-ready (a new dict: the caller may change it)."""
        return dict(self._json)

    @functools.cached_property
    def canonical(self) -> str:
        """The canonical JSON of :meth:`to_json`, worked out once per value."""
        return canonical(self.to_json()).decode()

    @functools.cached_property
    def _json(self) -> dict[str, Any]:
        # Worked out once per value: the state is frozen, and snapshots are asked for often
        # (the state hash encodes every unit that changed after every command).
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None and not self.ALWAYS:
                continue
            if value is False or value == ():
                continue  # never set: flags and lists appear once they hold something
            out[self.KEYS.get(f.name, f.name)] = _json(value)
        return out


@dataclass(frozen=True)
class UnitTraits(_State):
    """What the map says of a person (0 or None: the rules' default)."""

    items: tuple[str, ...] | None = None  # a crew member's kit (None: the rules' for the role)
    hearing: int | None = None  # least level it notices awake
    vision: int | None = None  # how far it sees into lit cells
    wake: int | None = None  # level that wakes it from sleep
    arrives: int | None = None  # the turn it walks onto the map

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        if self.items == ():
            out["items"] = []  # the map listed no items: still part of the hash
        return out


@dataclass(frozen=True)
class GuardMind(_State):
    """A guard's (or civilian's) frame of mind beyond its state: where it belongs, what it
    heard and is looking into, who it saw and where."""

    home: GuardState | None = None  # the state to go back to once calm
    post: Cell | None = None  # where it was when pulled away
    post_facing: Facing | None = None
    target: Cell | None = None  # where the noise it goes to look at was
    target_level: int | None = None  # how loud that noise was when heard
    target_turn: int | None = None  # when it was heard
    search: int | None = None  # world turns of looking around left
    searching: bool = False  # arrived, looking around
    last_seen: Cell | None = None  # where it last saw the crew (chasing)
    bodies_seen: tuple[int, ...] = ()  # guards it found down (each alerts once)


@dataclass(frozen=True)
class Carrying(_State):
    """Who carries whom: ``person`` on the carrier, ``by`` and ``status_before`` on the one
    carried (the status it gets back when put down)."""

    KEYS: ClassVar[dict[str, str]] = {
        "person": "carrying",
        "by": "carried_by",
        "status_before": "carried_status",
    }

    person: int | None = None
    by: int | None = None
    status_before: Status | None = None


@dataclass(frozen=True)
class KitState(_State):
    """What a crew member used up, and the loot in their pockets."""

    spent: tuple[str, ...] = ()  # sorted; used items stay where they were used
    loot: int | None = None


@dataclass(frozen=True)
class _DeviceTraits(_State):
    ALWAYS: ClassVar[bool] = True  # the map's value is hashed even when left empty


@dataclass(frozen=True)
class NoTraits(_DeviceTraits):
    """Exits and the car: nothing to set."""


@dataclass(frozen=True)
class LootTraits(_DeviceTraits):
    value: int | None = None  # 0 or None: the rules' value


@dataclass(frozen=True)
class SafeTraits(_DeviceTraits):
    difficulty: int | None = None  # progress it needs (None/0: the rules')
    value: int | None = None


@dataclass(frozen=True)
class BellTraits(_DeviceTraits):
    loudness: int | None = None


@dataclass(frozen=True)
class SensorTraits(_DeviceTraits):
    sensor: str | None = None  # "vibration" (the default) or "door_contact"
    threshold: int | None = None  # a vibration sensor's trip level (None/0: the rules')
    bell: int | None = None  # the bell it is wired to (None: a silent alarm)
    door: int | None = None  # a door contact's door

    @property
    def is_vibration(self) -> bool:
        return (self.sensor or "vibration") == "vibration"


@dataclass(frozen=True)
class NoState(_State):
    """Exits and the car change nothing."""


@dataclass(frozen=True)
class LootState(_State):
    taken_by: int | None = None


@dataclass(frozen=True)
class SafeState(_State):
    progress: int | None = None  # cracking work done
    open: bool = False
    emptied: bool = False
    taken_by: int | None = None


@dataclass(frozen=True)
class BellState(_State):
    ringing: bool = False
    smothered: bool = False  # full of foam: silent for good


@dataclass(frozen=True)
class SensorState(_State):
    tripped: bool = False


#: The map's settings and the changing state of each kind of device.
DEVICE_TRAITS: dict[str, type[_State]] = {
    "exit": NoTraits,
    "car": NoTraits,
    "loot": LootTraits,
    "safe": SafeTraits,
    "bell": BellTraits,
    "sensor": SensorTraits,
}
DEVICE_STATES: dict[str, type[_State]] = {
    "exit": NoState,
    "car": NoState,
    "loot": LootState,
    "safe": SafeState,
    "bell": BellState,
    "sensor": SensorState,
}


@dataclass(frozen=True)
class AlarmState:
    """The alarm: when it was raised and why, when the police come, when they came."""

    raised: int | None = None
    police_turn: int | None = None
    why: str | None = None
    police_arrived: int | None = None

    @functools.cached_property
    def digest(self) -> str:
        """The digest of :meth:`to_json` (the alarm part of the state hash), worked out once
        per value: the state is frozen."""
        return fingerprint_digest(self.to_json())

    @property
    def called(self) -> bool:
        """True once the police have been called (they come at ``police_turn``)."""
        return self.police_turn is not None

    def to_json(self) -> dict[str, Any]:
        items = (
            ("police_arrived", self.police_arrived),
            ("police_turn", self.police_turn),
            ("raised", self.raised),
            ("why", self.why),
        )
        return {key: value for key, value in items if value is not None}
