"""The world: terrain, things, clock, random generator and outcome of one mission.

The world owns all state the rules change. Everything outside ``game.sim`` changes it only by
handing commands to :meth:`World.apply`; the screen, recordings and tests read it. Iteration
is always in id order, randomness comes only from ``self.rng``, and :meth:`state_hash`
fingerprints everything that matters after any command.

The world plays by the rulebook and observers it is given (see :mod:`game.sim.contract`;
:func:`game.sim.engine.new_world` gives the game's own), so this module imports no rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from game.sim.commands import Command
from game.sim.entities import Device, Door, Unit
from game.sim.events import CommandResult, Event, Noise, Outcome
from game.sim.fingerprint import Encodings
from game.sim.geometry import Cell
from game.sim.refusal import Refused
from game.sim.rng import WorldRandom
from game.sim.rules import Rules
from game.sim.sharing import _STAMPS, STATUS_CHANGES, Changes, Claim, DoorClaim
from game.sim.state import AlarmState, Status, UnitKind
from game.sim.terrain import Terrain
from game.sim.worldhash import MAP_ARRAYS, Fingerprints
from game.sim.worldshare import Sharing


@dataclass(frozen=True)
class Objective:
    """One thing the mission asks for, read from the map: ``kind`` plus its settings."""

    kind: str  # "escape", "loot", "rescue", ...
    text: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Planned:
    """A command's preview (see :meth:`World.plan`): why it is refused, else its AP cost and
    the rule's plan (for a move, the path and each step's AP)."""

    reason: str | None
    cost: int = 0
    plan: Any = None

    @property
    def ok(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class MissionInfo:
    """Static facts about the mission, from the map's own properties."""

    name: str = "untitled"
    title: str = ""
    briefing: str = ""
    start_minutes: int = 23 * 60  # clock at turn 1, in minutes after midnight of day one
    deadline_minutes: int | None = None  # the mission is lost once the clock reaches this
    source: str = ""  # where the mission came from (a map path), for messages
    police_delay: int = 0  # turns from a ringing bell to the police (0: the rules' default)
    police_search_grounds: bool = False  # arriving police catch crew outdoors on the map too


class Rulebook(Protocol):
    r"""What the world needs of the rules of action it plays by (the game's own are
    :data:`game.sim.actions.RULEBOOK`, each a :class:`game.sim.contract.Rule`): the rule of a
    command, which ``check``\ s it (raising :class:`Refused`), names its ``actor``, says its
    ``cost`` and whether it ``pays_upfront``, and ``execute``\ s it."""

    def rule_for(self, command: Command) -> Any: ...

    def by_kind(self, kind: str) -> Any: ...

    def __iter__(self) -> Iterator[Any]: ...


class Observer:
    """Something that reacts to what happens in the world. Every method does nothing by
    default; an observer overrides what it cares about. Observers must not keep world state
    of their own (forks share them), except recorders a forecast adds to its own fork."""

    def noise_made(self, world: World, noise: Noise) -> None:
        """A noise was just made (``world.noises`` holds it)."""

    def stepped(self, world: World, unit: Unit) -> bool:
        """A crew member just entered a cell. True stops the rest of its move."""
        return False

    def unit_moved(self, world: World, unit: Unit, came_from: Cell | None) -> None:
        """Any unit was just put on ``unit.cell`` (None: off the map) from ``came_from``."""

    def before_command(self, world: World) -> object:
        """A command is about to be carried out; what is returned comes back to
        :meth:`after_command`."""
        return None

    def after_command(self, world: World, before: object) -> None:
        """A command was just carried out."""

    def acted(self, world: World, unit: Unit) -> None:
        """``unit`` just carried out a command where it stands (it spent AP and did not move;
        told right after this observer's :meth:`after_command`)."""


class World(Fingerprints, Sharing):
    """All the state of one mission in play."""

    def __init__(
        self,
        rules: Rules,
        terrain: Terrain,
        seed: int,
        mission: MissionInfo,
        *,
        rulebook: Rulebook,
        observers: list[Observer],
    ) -> None:
        self.rules = rules
        self.rulebook = rulebook
        self._set_observers(tuple(observers))
        self.terrain = terrain
        self.seed = seed
        self.mission = mission
        self.rng = WorldRandom(seed)
        self.units: dict[int, Unit] = {}
        self.doors: dict[int, Door] = {}
        self.devices: dict[int, Device] = {}
        self.objectives: list[Objective] = []
        self.turn = 1
        self.clock = mission.start_minutes
        self.outcome = Outcome()
        self.holes = _frozen(np.zeros(terrain.shape, dtype=bool))  # drilled through
        self.ropes = _frozen(np.zeros(terrain.shape, dtype=bool))  # a rope hangs through the hole
        # Drilling progress of each drillable cell's floor, and where an umbrella hangs open
        # beneath a (started) hole to catch the plaster; both indexed by the upper cell.
        self.drilled = _frozen(np.zeros(terrain.shape, dtype=np.int16))
        self.umbrellas = _frozen(np.zeros(terrain.shape, dtype=bool))
        self.alarm = AlarmState()  # when it was raised, when the police come, if they came
        self.events: list[Event] = []  # everything that happened, in order
        self.noises: list[Noise] = []  # noises of this turn and the one before
        self.stats: dict[str, int] = {}  # counters for the debrief (noise peak, knockouts...)
        self._occupant: dict[Cell, int] = {}
        # Units by ascending id, of each kind (None: all), kept until a unit is added; and
        # the ids of guards lying on the floor, kept while no unit's status changes.
        self._order: dict[UnitKind | None, tuple[Unit, ...]] = {}
        self._bodies: tuple[int, tuple[int, ...]] = (-1, ())
        self._door_at: dict[Cell, int] = {}  # doors never move: shared by forks
        # Doors are shared with forks until changed (see own_door); the claim says which the
        # world may change in place, and keeps the digest of all its doors.
        self._changes = Changes()
        self._claim = DoorClaim(self._changes)
        self._device_claim = Claim()  # devices are shared with forks too (see own_device)
        self._devices_shared = False
        self._doors_shared = False
        self._owned_maps: set[str] = set(MAP_ARRAYS)  # map arrays no fork shares
        self.noise_queue: list[Noise] = []  # noises waiting to be heard (see hearing.hear)
        # Values worked out from the units and doors, by name and the stamp of what they
        # follow from (see ``kept``): shared with forks, which start with the same stamps.
        self._kept: dict[tuple[str, int], Any] = {}
        self.cache: dict[Any, Any] = {}  # derived data (patrol loops...), never hashed
        # Fingerprinting without redoing unchanged work (see part_hashes): the digest of each
        # map array, by array object; the canonical encodings of parts and things, by value.
        self._map_digests: dict[str, tuple[np.ndarray, str]] = {}
        self._encodings = Encodings()

    # --- building ---------------------------------------------------------------------------

    def _check_new_id(self, thing_id: int) -> None:
        if thing_id in self.units or thing_id in self.doors or thing_id in self.devices:
            raise ValueError(f"two things share the id {thing_id}")

    def add_unit(self, unit: Unit) -> Unit:
        """Place a unit; refuses a taken id or cell."""
        self._check_new_id(unit.id)
        if unit.cell is not None:
            if unit.cell in self._occupant:
                other = self.units[self._occupant[unit.cell]]
                raise ValueError(f"{unit.name} and {other.name} both stand at {unit.cell}")
            self._occupant[unit.cell] = unit.id
        self.units[unit.id] = unit
        unit.__dict__["_changes"] = self._changes
        self._changes.any = self._changes.guards = next(_STAMPS)
        self._order = {}
        return unit

    def add_door(self, door: Door) -> Door:
        """Put a door on a door cell."""
        self._check_new_id(door.id)
        if door.cell in self._door_at:
            raise ValueError(f"two doors at {door.cell}")
        if self._doors_shared:
            self.doors, self._door_at = dict(self.doors), dict(self._door_at)
            self._doors_shared = False
        if door.__dict__.get("_claim") is not None:
            raise ValueError(f"the {door.name} (id {door.id}) is already in a world")
        door.__dict__["_claim"] = self._claim
        self._claim.changed()
        self.doors[door.id] = door
        self._door_at[door.cell] = door.id
        return door

    def add_device(self, device: Device) -> Device:
        """Place a device (safe, loot, bell, sensor, exit...)."""
        self._check_new_id(device.id)
        if device.__dict__.get("_claim") is not None:
            raise ValueError(f"the {device.name} (id {device.id}) is already in a world")
        if self._devices_shared:
            self.devices = dict(self.devices)
            self._devices_shared = False
        self.devices[device.id] = device
        device.__dict__["_claim"] = self._device_claim
        device.__dict__["_changes"] = self._changes
        self._changes.devices = next(_STAMPS)
        return device

    def refill_ap(self) -> None:
        """Give every crew member still in play a full turn's AP (start of each turn)."""
        for unit in self.crew():
            unit.ap = unit.max_ap if unit.can_act else 0

    def next_free_id(self) -> int:
        """An id above every id in use, for things the map did not number."""
        used = [*self.units, *self.doors, *self.devices]
        return max(used, default=0) + 1

    # --- queries ----------------------------------------------------------------------------

    def units_in_order(self, kind: UnitKind | None = None) -> Iterator[Unit]:
        """Units by ascending id, optionally of one kind."""
        return iter(self._units_of(kind))

    def crew(self) -> list[Unit]:
        return self._units_of(UnitKind.CREW)

    def guards(self) -> list[Unit]:
        return self._units_of(UnitKind.GUARD)

    def ordered(self, kind: UnitKind | None = None) -> tuple[Unit, ...]:
        """The units by ascending id, optionally of one kind, as the world keeps them: a
        tuple not to be changed (the hot loops of sight and hearing read it without a copy)."""
        found = self._order.get(kind)
        if found is not None:  # kept until a unit is added (add_unit starts afresh)
            return found
        order = self._order
        everyone = order.get(None)
        if everyone is None:
            everyone = order[None] = tuple(self.units[i] for i in sorted(self.units))
        if kind is None:
            return everyone
        units = order[kind] = tuple(u for u in everyone if u.kind is kind)
        return units

    def _units_of(self, kind: UnitKind | None) -> list[Unit]:
        """A new list of the units by ascending id, optionally of one kind (asked for at every
        step of every move and every look of every guard: the order is kept, not re-sorted,
        until a unit is added; a fork, with units of its own, starts again)."""
        return list(self.ordered(kind))

    def bodies(self) -> list[Unit]:
        """Guards knocked out or dead on the floor (not carried), by ascending id."""
        epoch = STATUS_CHANGES[0]
        if self._bodies[0] != epoch:
            down = (Status.KNOCKED_OUT, Status.DEAD)
            ids = tuple(g.id for g in self.guards() if g.status in down)
            self._bodies = (epoch, ids)
        units = self.units
        return [units[i] for i in self._bodies[1] if units[i].cell is not None]

    def devices_in_order(self, kind: str | None = None) -> Iterator[Device]:
        """Devices by ascending id, optionally of one kind."""
        for device_id in sorted(self.devices):
            device = self.devices[device_id]
            if kind is None or device.kind == kind:
                yield device

    def devices_at(self, cell: Cell) -> list[Device]:
        return [d for d in self.devices_in_order() if d.cell == cell]

    def unit_named(self, name: str) -> Unit:
        """The unit with this name (case-insensitive); for tests, bots and messages."""
        for unit in self.units_in_order():
            if unit.name.lower() == name.lower():
                return unit
        raise KeyError(f"no unit called {name!r}")

    def occupant(self, cell: Cell) -> Unit | None:
        """The unit standing or lying on a cell, if any."""
        unit_id = self._occupant.get(cell)
        return None if unit_id is None else self.units[unit_id]

    def door_at(self, cell: Cell) -> Door | None:
        door_id = self._door_at.get(cell)
        return None if door_id is None else self.doors[door_id]

    def in_bounds(self, cell: Cell) -> bool:
        return self.terrain.in_bounds(cell.floor, cell.x, cell.y)

    def closed_doors(self) -> np.ndarray:
        """A ``[floor, y, x]`` mask of doors that are shut now (closed or locked)."""
        mask = np.zeros(self.terrain.shape, dtype=bool)
        for door in self.doors.values():
            if not door.open:
                mask[door.cell.index] = True
        return mask

    def occupied_cells(self) -> Iterator[Cell]:
        """The cells where a unit stands or lies, in no particular order."""
        return iter(self._occupant)

    def occupied(self) -> np.ndarray:
        """A mask of cells where a unit stands or lies."""
        mask = np.zeros(self.terrain.shape, dtype=bool)
        for cell in self._occupant:
            mask[cell.index] = True
        return mask

    @property
    def time_text(self) -> str:
        """The in-game clock as ``HH:MM`` (with the day when past midnight)."""
        day, minutes = divmod(self.clock, 24 * 60)
        text = f"{minutes // 60:02d}:{minutes % 60:02d}"
        return text if day == 0 else f"{text} (+{day}d)"

    # --- changing -----------------------------------------------------------------------------

    def move_unit(self, unit: Unit, cell: Cell | None) -> None:
        """Put a unit on another cell (or off the map) keeping occupancy consistent."""
        if cell is not None:
            holder = self._occupant.get(cell)
            if holder is not None and holder != unit.id:
                raise ValueError(f"{cell} is taken by {self.units[holder].name}")
        came_from = unit.cell
        if came_from is not None and self._occupant.get(came_from) == unit.id:
            del self._occupant[came_from]
        unit.cell = cell
        if cell is not None:
            self._occupant[cell] = unit.id
        for moved in self._on_move:
            moved(self, unit, came_from)

    def set_map(self, name: str, cell: Cell, value: bool | int) -> None:
        """Change one cell of a map array (``holes``, ``ropes``, ``drilled``, ``umbrellas``);
        they are read-only otherwise."""
        if name not in MAP_ARRAYS:
            raise KeyError(f"{name!r} is not one of the world's map arrays {MAP_ARRAYS}")
        array = getattr(self, name)
        self._map_digests.pop(name, None)
        self._changes.maps = next(_STAMPS)
        if name not in self._owned_maps:  # shared with a fork: copy on write
            array = array.copy()
            setattr(self, name, array)
            self._owned_maps.add(name)
        array.flags.writeable = True
        try:
            array[cell.index] = value
        finally:
            array.flags.writeable = False

    def log(self, kind: str, text: str, cell: Cell | None = None, **data: Any) -> Event:
        """Record an event of the current turn."""
        event = Event(self.turn, kind, text, cell, data)
        self.events.append(event)
        return event

    def count(self, stat: str, amount: int = 1) -> None:
        """Add to a debrief counter."""
        self.stats[stat] = self.stats.get(stat, 0) + amount

    def emit_noise(self, cell: Cell, loudness: int, kind: str, source: int | None) -> Noise:
        """Make a noise: record it, then tell the observers (the listeners react)."""
        noise = Noise(self.turn, cell, loudness, kind, source)
        self.noises.append(noise)
        stats = self.stats
        peak = stats.get("noise_peak")
        if peak is None or loudness > peak:
            stats["noise_peak"] = max(0, loudness) if peak is None else loudness
        for heard in self._on_noise:
            heard(self, noise)
        return noise

    @property
    def observers(self) -> tuple[Observer, ...]:
        """What reacts to what happens here, in the order it is told (see :class:`Observer`)."""
        return self._observers

    def add_observer(self, observer: Observer) -> None:
        """Let one more observer react from now on (a forecast's recorder, a test's ears)."""
        self._set_observers((*self._observers, observer))

    def remove_observers(self, kind: type[Observer]) -> None:
        """Let the observers of ``kind`` react no more (a test's world on older rules)."""
        self._set_observers(tuple(o for o in self._observers if not isinstance(o, kind)))

    def _set_observers(self, observers: tuple[Observer, ...]) -> None:
        """Keep, for each moment, only the observers that react to it: a step is heard and
        watched for at every cell of every move, so the others are not even called."""

        def overriding(name: str) -> tuple[Observer, ...]:
            return tuple(
                o for o in observers if getattr(type(o), name) is not getattr(Observer, name)
            )

        self._observers = observers
        self._on_move = tuple(o.unit_moved for o in overriding("unit_moved"))
        self._on_noise = tuple(o.noise_made for o in overriding("noise_made"))
        self._on_step = tuple(o.stepped for o in overriding("stepped"))
        commands = ("before_command", "after_command", "acted")
        self._on_command = tuple(
            o for o in observers if any(o in overriding(name) for name in commands)
        )

    def stepped(self, unit: Unit) -> bool:
        """A crew member just entered a cell: tell the observers. True stops its move."""
        stop = False
        for step in self._on_step:
            stop = step(self, unit) or stop
        return stop

    def apply(self, command: Command) -> CommandResult:
        """Validate and carry out one command. A refused command changes nothing."""
        if self.outcome.over:
            return CommandResult(False, f"The mission is over ({self.outcome.reason}).")
        rule = self.rulebook.rule_for(command)
        try:
            plan, unit = rule.check_actor(self, command)
        except Refused as refusal:
            return CommandResult(False, refusal.reason)
        first_event = len(self.events)
        watching = self._on_command
        before = [observer.before_command(self) for observer in watching]
        start = None if unit is None else (unit.ap, unit.cell)
        if unit is not None and rule.pays_upfront:
            unit.ap -= rule.cost(self, command)
        rule.execute(self, command, plan)
        # Acted where they stand: spent AP without moving (steps are told one by one).
        in_place = start is not None and unit.ap < start[0] and unit.cell == start[1]
        for observer, seen in zip(watching, before, strict=True):
            observer.after_command(self, seen)
            if in_place:
                observer.acted(self, unit)
        return CommandResult(True, "", tuple(self.events[first_event:]))

    def check(self, command: Command) -> str | None:
        """Why a command would be refused now, or None if it would be carried out (its cost is
        not worked out: a bot asks this of every command it tries)."""
        if self.outcome.over:
            return f"The mission is over ({self.outcome.reason})."
        try:
            self.rulebook.rule_for(command).check(self, command)
        except Refused as refusal:
            return refusal.reason
        return None

    def plan(self, command: Command) -> Planned:
        """What a command would do now, without doing it: refused (and why), or its AP cost
        and the rule's plan (a move's path). For previews; :meth:`apply` works it out again."""
        if self.outcome.over:
            return Planned(f"The mission is over ({self.outcome.reason}).")
        rule = self.rulebook.rule_for(command)
        try:
            plan = rule.check(self, command)
        except Refused as refusal:
            return Planned(refusal.reason)
        return Planned(None, rule.plan_cost(self, command, plan), plan)

    def fork(self) -> World:
        """An independent copy for dry runs (forecasts, bots, a search): cheap, shares what
        never changes and what has not changed yet.

        Terrain, rules, mission, rulebook and objectives are shared (nothing changes them in
        play); so are the map arrays and the doors until one of the two worlds changes one
        (copy on write: see :meth:`set_map` and :meth:`own_door`). Units, devices and counters
        are copied (their typed state is frozen, so the copies share it), so applying commands
        to the fork leaves this world untouched. Observers added to the fork (a forecast's
        recorder) are the fork's alone.
        """
        twin = object.__new__(World)
        twin.__dict__ = self.__dict__.copy()
        twin.noise_queue = []
        twin.rng = WorldRandom(0)
        twin.rng.state = self.rng.state
        # Doors and map arrays: shared; neither world may now change them in place.
        self._claim.valid = False
        kept = self._claim.digest, self._claim.derived
        twin._changes = self._changes.copy()
        twin.units = _clones(self.units, twin._changes)
        # Devices: shared too, each world changing its own copy (see own_device).
        self._device_claim.valid = False
        self._device_claim, twin._device_claim = Claim(), Claim()
        self._devices_shared = twin._devices_shared = True
        self._claim = DoorClaim(self._changes, *kept)
        twin._claim = DoorClaim(twin._changes, *kept)
        self._doors_shared = twin._doors_shared = True
        self._owned_maps = set()
        twin._owned_maps = set()
        twin._map_digests = dict(self._map_digests)
        twin.events = list(self.events)
        twin.noises = list(self.noises)
        twin.stats = dict(self.stats)
        twin._occupant = dict(self._occupant)
        # Its own unit objects, in the order this world keeps (found without sorting again).
        units = twin.units
        twin._order = {
            kind: tuple([units[u.id] for u in group]) for kind, group in self._order.items()
        }
        # The cache holds only what follows from the map and the rules (patrol loops, sight
        # ranges...), valid for both worlds, so it is shared: what one works out, both keep.
        # So are the encodings (twin._encodings): they are found by value, not by world.
        twin.cache = self.cache
        return twin


def _frozen(array: np.ndarray) -> np.ndarray:
    """The array made read-only (see :data:`MAP_ARRAYS`)."""
    array.flags.writeable = False
    return array


def _clones(things: dict[int, Any], changes: Changes | None = None) -> dict[int, Any]:
    """Copies of units or devices: a shallow copy each, enough because what is not a plain
    value (traits, a guard's mind, a safe's state...) is frozen and replaced whole; units
    count their changes on their new world's ``changes``. A fork copies hundreds of units on
    big maps, so this is one loop, not a call per thing."""
    new, set_attribute = object.__new__, object.__setattr__
    copies = {}
    for key, thing in things.items():
        twin = new(type(thing))
        values = thing.__dict__.copy()
        set_attribute(twin, "__dict__", values)  # past the thing's own __setattr__
        if changes is not None:
            values["_changes"] = changes
        copies[key] = twin
    return copies


__all__ = ["MAP_ARRAYS", "MissionInfo", "Objective", "Observer", "Planned", "Rulebook", "World"]
