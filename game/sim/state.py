"""The typed state of things: what a map says of them (traits) and what the rules change
(a guard's mind, who carries whom, a safe, a bell, the alarm...), one small frozen dataclass
per concern, replaced whole when it changes, so a fork can share it with its world; and the
enums of who a unit is and what state it is in.

Each ``to_json`` gives the JSON-ready form the state hash and saves encode, leaving out what
is not set, so the form is the one the recordings were made with.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar

from game.sim.fingerprint import canonical
from game.sim.fingerprint import digest as fingerprint_digest
from game.sim.geometry import Cell, Facing


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
