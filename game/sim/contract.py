"""The contract between the world and its rules: refusals, rules of action, observers.

The world drives the rulebook and observers it was given without importing them: it states
what it needs of an observer (:class:`~game.sim.world.Observer`) and catches
:class:`~game.sim.refusal.Refused`; the rules here import the world, never the other way
round, so the package has no import circle (not even one of type hints).

- A **rule of action** (:class:`Rule`) owns one kind of command: ``validate`` raises
  :class:`Refused` with a sentence a player reads, ``cost`` is the AP it takes (the one number
  the screen's labels and the rules both use), ``execute`` carries it out, and ``candidates``
  lists the legal commands of that kind for a unit now (what the screen's action bar, the
  solver and bots enumerate). Rules live in :mod:`game.sim.actions`, one module per topic.
- An **observer** (:class:`Observer`) reacts to what happens in the world: a step taken, a
  noise made, a unit moved, a command about to be or just carried out. The world holds a list
  of them, which :meth:`World.fork` copies; the stealth rules (hearing, reaction fire,
  sight) are observers, and a forecast adds its own recorder to a fork instead of patching
  methods onto it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from game.sim import hearing
from game.sim.commands import Command
from game.sim.kit import ITEM_NAMES, has_item
from game.sim.refusal import Refused
from game.sim.world import Observer

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.geometry import Cell
    from game.sim.world import World

__all__ = ["NoiseSpec", "Observer", "Refused", "Rule", "Rulebook", "SetsOff", "acting_crew"]


@dataclass(frozen=True)
class NoiseSpec:
    """A noise an action will make: where, how loud, what kind (before it is made)."""

    cell: Cell
    loudness: int
    kind: str


@dataclass(frozen=True)
class SetsOff:
    """What a command would set off, known before it is tried: the vibration sensors its own
    noises reach at their threshold and the door contacts it trips (ids, untripped ones).
    Reactions (a guard's shout, a bell) are not counted: a forecast shows those."""

    sensors: tuple[int, ...] = ()
    contacts: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sensors or self.contacts)


C = TypeVar("C", bound=Command)


class Rule(Generic[C]):
    """One action: how its command is validated, what it costs, what it does, and which
    commands of its kind a unit could give now.

    Subclasses set :attr:`command` and override :meth:`validate`, :meth:`cost`,
    :meth:`execute` and :meth:`options`. The world calls :meth:`check` (validate, then the
    items in :attr:`needs`, then the AP from :meth:`cost`), takes the AP, and calls
    :meth:`execute` with the plan ``validate`` returned (such as a move's path).
    """

    command: ClassVar[type[Command]]
    #: Names the action in refusals: "Tony has 2 AP left; opening a door costs 3."
    doing: ClassVar[str] = ""
    #: Items the actor must carry (and not have used up), as data a caller can read.
    needs: ClassVar[tuple[str, ...]] = ()
    #: How the item refusal names the action ("needs a drill for drilling"), if not ``doing``.
    needs_for: ClassVar[str] = ""
    #: False for an action that takes its AP as it goes (a move pays step by step, and one
    #: interrupted by a guard costs only the steps walked); True: the world takes ``cost``.
    pays_upfront: ClassVar[bool] = True
    #: False for a command nobody in particular gives (the end of the turn).
    by_crew: ClassVar[bool] = True

    def actor(self, world: World, command: C) -> Unit | None:
        """The crew member who acts (checked able to), or None for a command nobody gives."""
        unit_id = getattr(command, "unit", None)
        return None if unit_id is None else acting_crew(world, unit_id)

    def validate(self, world: World, command: C) -> Any:
        """Raise :class:`Refused` if the command cannot be done now, else return its plan."""
        return None

    def cost(self, world: World, command: C) -> int:
        """The AP the command takes (asked after ``validate`` passed). By default the same
        whatever the target: :meth:`unit_cost`."""
        unit = self.actor(world, command)
        return 0 if unit is None else self.unit_cost(world, unit) or 0

    def plan_cost(self, world: World, command: C, plan: Any) -> int:
        """:meth:`cost`, knowing the plan ``validate`` returned (a move's cost is its path's,
        not worth searching again)."""
        return self.cost(world, command)

    def unit_cost(self, world: World, unit: Unit) -> int | None:
        """The AP the action takes ``unit`` whatever its target, for the action bar's label
        (None where it depends on the target, as a move's does)."""
        return 0

    def where(self, world: World, command: C) -> tuple[Cell, ...]:
        """The cells a player points at to mean this command (its door, its target...)."""
        return ()

    def execute(self, world: World, command: C, plan: Any) -> None:
        """Carry the command out (``check`` passed and, for most rules, the AP are taken)."""
        raise NotImplementedError

    def noises(self, world: World, command: C) -> list[NoiseSpec]:
        """The noises the command itself makes (not what they set off), for callers that
        want to know before trying it: the solver, the screen's hints."""
        return []

    def sets_off(self, world: World, command: C) -> SetsOff:
        """The alarms the command itself would set off (see :class:`SetsOff`)."""
        sensors: set[int] = set()
        for noise in self.noises(world, command):
            sensors.update(hearing.sensors_reached(world, noise.cell, noise.loudness))
        return SetsOff(tuple(sorted(sensors)))

    def open_to(self, world: World, unit: Unit) -> bool:
        """Whether ``unit`` is someone who gives commands of this kind at all: carries the
        items it needs (and, for some rules, plays a role allowed to). The action bar lists
        only these; whether a command is allowed *now* is ``check``'s to say."""
        return all(has_item(world.rules, unit, item) for item in self.needs)

    def options(self, world: World, unit: Unit) -> Iterable[C]:
        """Commands of this kind worth asking about for ``unit`` now: every target within its
        reach (legal or not; :meth:`candidates` keeps the legal ones)."""
        return ()

    # --- what callers use ---------------------------------------------------------------

    def check(self, world: World, command: C) -> Any:
        """Validate fully: the rule's own checks, then the items, then the AP. Returns the
        plan; raises :class:`Refused`."""
        return self.check_actor(world, command)[0]

    def check_actor(self, world: World, command: C) -> tuple[Any, Unit | None]:
        """:meth:`check`, and who acts (None for a command nobody gives)."""
        plan = self.validate(world, command)
        unit = self.actor(world, command)
        if unit is not None:
            for item in self.needs:
                if not has_item(world.rules, unit, item):
                    what = ITEM_NAMES.get(item, item)
                    raise Refused(f"{unit.name} needs {what} for {self.needs_for or self.doing}.")
            if self.pays_upfront:
                cost = self.cost(world, command)
                if unit.ap < cost:
                    raise Refused(f"{unit.name} has {unit.ap} AP left; {self.doing} costs {cost}.")
        return plan, unit

    def candidates(self, world: World, unit: Unit) -> list[C]:
        """The legal commands of this kind for ``unit`` now."""
        legal = []
        for command in self.options(world, unit):
            try:
                self.check(world, command)
            except Refused:
                continue
            legal.append(command)
        return legal


class Rulebook:
    """The rules of action a world plays by, one per command type, in a fixed order (the
    order candidates are listed in)."""

    def __init__(self, rules: Iterable[Rule[Any]]) -> None:
        self.rules: tuple[Rule[Any], ...] = tuple(rules)
        self._by_type: dict[type[Command], Rule[Any]] = {}
        for rule in self.rules:
            if rule.command in self._by_type:
                raise TypeError(f"{rule.command.__name__} has two rules")
            self._by_type[rule.command] = rule

    def by_kind(self, kind: str) -> Rule[Any]:
        """The rule of the command kind called ``kind`` (``"open_door"``...)."""
        for rule in self.rules:
            if rule.command.kind == kind:
                return rule
        raise KeyError(f"no rule for commands of kind {kind!r}")

    def rule_for(self, command: Command | type[Command]) -> Rule[Any]:
        kind = command if isinstance(command, type) else type(command)
        try:
            return self._by_type[kind]
        except KeyError:
            raise TypeError(f"no rule handles {kind.__name__} commands") from None

    def __iter__(self) -> Iterator[Rule[Any]]:
        return iter(self.rules)


# --- shared checks (each raises Refused with a sentence for the player) ---------------------


def acting_crew(world: World, unit_id: int) -> Unit:
    """The crew member who is to act; refused if there is none or they cannot act."""
    unit = world.units.get(unit_id)
    if unit is None:
        raise Refused(f"There is nobody with id {unit_id}.")
    if not unit.is_crew:
        raise Refused(f"{unit.name} is not one of the crew.")
    if not unit.can_act:
        raise Refused(f"{unit.name} cannot act ({unit.status.value.replace('_', ' ')}).")
    return unit
