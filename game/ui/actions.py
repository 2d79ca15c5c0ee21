"""The action bar's contents, built from the commands the rules have registered.

Rules add commands as they are written (drill, foam, crack the safe...). Rather than a
hand-made button per command, each registered command class that takes a ``unit`` becomes
an action; its other fields are filled with the things near the crew member (or under the
cursor), and ``world.check`` says which filling is allowed now, or why none is. So a new
rule shows up in the bar, with a precise "why not" tooltip, without touching the screen code.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass
from itertools import product
from typing import Any

from game.sim.commands import _REGISTRY, Command, Move
from game.sim.entities import Unit
from game.sim.geometry import Cell
from game.sim.world import World

#: kind -> (label, icon name): a label short enough for its button, with the icon from
#: ``assets/tiles/ui_icons.json``. Kinds not listed get a label from their name.
LABELS: dict[str, tuple[str, str]] = {
    "move": ("Walk", "move"),
    "sneak": ("Sneak", "sneak"),
    "open_door": ("Open", "open"),
    "close_door": ("Close", "close"),
    "pick_lock": ("Pick lock", "pick"),
    "drill": ("Drill", "drill"),
    "deploy_umbrella": ("Umbrella", "umbrella"),
    "lower_rope": ("Rope", "rope"),
    "climb": ("Climb", "rope"),
    "foam": ("Foam bell", "foam"),
    "crack_safe": ("Crack safe", "crack"),
    "take_loot": ("Take loot", "take"),
    "knock_out": ("Knock out", "knockout"),
    "carry": ("Carry", "carry"),
    "drop": ("Put down", "carry"),
    "shoot": ("Shoot", "shoot"),
    "wait": ("Wait", "wait"),
}
#: A shorter label for narrow windows, where the full one does not fit its button.
SHORT: dict[str, str] = {
    "Pick lock": "Pick",
    "Umbrella": "Brolly",
    "Foam bell": "Foam",
    "Crack safe": "Crack",
    "Take loot": "Take",
    "Knock out": "KO",
    "Put down": "Drop",
}
ORDER = tuple(LABELS)
DOOR_FIELDS = {"door"}
DEVICE_FIELDS = {"device", "safe", "bell", "loot", "sensor", "item", "thing"}
UNIT_FIELDS = {"target", "victim", "person", "body", "guard", "who", "other"}
MAX_CANDIDATES = 12


@dataclass(frozen=True)
class ActionOption:
    """One button of the action bar for one crew member in one situation."""

    kind: str
    label: str
    icon: str
    command: Command | None  # what clicking it does now (None: unavailable)
    reason: str | None  # why it is unavailable
    needs_target: bool  # it acts on a cell or thing the player points at
    ap: int | None  # its AP cost when known

    @property
    def available(self) -> bool:
        return self.command is not None


def unit_command_kinds() -> list[str]:
    """Registered command kinds a crew member performs (they have a ``unit`` field)."""
    kinds = [
        kind
        for kind, cls in _REGISTRY.items()
        if "unit" in {f.name for f in dataclasses.fields(cls)}
    ]
    known = [k for k in ORDER if k in kinds]
    return known + sorted(k for k in kinds if k not in known)


def label_for(kind: str) -> tuple[str, str]:
    return LABELS.get(kind, (kind.replace("_", " ").capitalize(), kind))


_costs: dict[tuple[int, str], int | None] = {}


def ap_cost(world: World, kind: str) -> int | None:
    """The AP an action costs, from the rules; remembered per rules object, because the bar
    asks on every pointer move and the rules never change during a game."""
    key = (id(world.rules), kind)
    if key not in _costs:
        _costs[key] = _look_up_cost(world, kind)
    return _costs[key]


def _look_up_cost(world: World, kind: str) -> int | None:
    """The AP an action costs, looked up in the rules (``<section>.<verb>_ap``)."""
    rules = world.rules
    verb = kind.split("_")[0]
    for field in dataclasses.fields(rules):
        section_name, section = field.name, getattr(rules, field.name)
        if not dataclasses.is_dataclass(section):
            continue  # the digest, the kit
        values = {f.name: getattr(section, f.name) for f in dataclasses.fields(section)}
        for key, value in values.items():
            if not isinstance(value, int) or not key.endswith("_ap"):
                continue
            stem = key[: -len("_ap")]
            if stem in (kind, verb) or (stem in ("ap", "cost") and section_name in kind):
                return value
        if section_name == kind and isinstance(values.get("ap"), int):
            return int(values["ap"])
    return None


def _things_near(world: World, unit: Unit, cursor: Cell | None, domain: str) -> list[int]:
    """Ids of doors, devices or units at the cursor first, then around the unit."""
    assert unit.cell is not None
    here = unit.cell

    def distance(cell: Cell | None) -> int:
        if cell is None:
            return 99
        if cell.floor != here.floor:
            return 1 if (cell.x, cell.y) == (here.x, here.y) else 99
        return max(abs(cell.x - here.x), abs(cell.y - here.y))

    things: list[tuple[int, int, int]] = []
    pools: dict[str, list[tuple[int, Cell | None]]] = {
        "door": [(d.id, d.cell) for d in world.doors.values()],
        "device": [(d.id, d.cell) for d in world.devices.values()],
        "unit": [(u.id, u.cell) for u in world.units.values() if u.id != unit.id],
    }
    for name in ("door", "device", "unit") if domain == "any" else (domain,):
        for thing_id, cell in pools[name]:
            at_cursor = cursor is not None and cell == cursor
            reach = distance(cell)
            limit = 10 if name == "unit" else 1
            if at_cursor or reach <= limit:
                things.append((0 if at_cursor else 1, reach, thing_id))
    return [thing_id for *_, thing_id in sorted(things)[:MAX_CANDIDATES]]


def _cells_near(unit: Unit, cursor: Cell | None) -> list[Cell]:
    assert unit.cell is not None
    here = unit.cell
    cells = [cursor] if cursor is not None else []
    cells += [here, *(here.offset(dx, dy) for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)))]
    cells += [here.offset(0, 0, -1), here.offset(0, 0, 1)]
    return list(dict.fromkeys(cells))


@functools.cache
def _fields(cls: type[Command]) -> tuple[tuple[dataclasses.Field, tuple[Any, ...]], ...]:
    """A command's fields other than ``unit`` with their types (type hints are slow to
    evaluate, and the bar reads them on every pointer move)."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (f, typing.get_args(hints[f.name]) or (hints[f.name],))
        for f in dataclasses.fields(cls)
        if f.name != "unit"
    )


def _field_options(
    world: World, cls: type[Command], unit: Unit, cursor: Cell | None
) -> dict[str, list[Any]] | None:
    options: dict[str, list[Any]] = {}
    for f, args in _fields(cls):
        if bool in args:  # a flag (climb up or down): both ways, the default first
            options[f.name] = [True, False] if f.default is not False else [False, True]
        elif f.default is not dataclasses.MISSING and not (Cell in args or int in args):
            continue  # texts keep their defaults
        elif Cell in args:
            options[f.name] = _cells_near(unit, cursor)
        elif int in args:
            domain = (
                "door"
                if f.name in DOOR_FIELDS
                else "device"
                if f.name in DEVICE_FIELDS
                else "unit"
                if f.name in UNIT_FIELDS
                else "any"
            )
            options[f.name] = _things_near(world, unit, cursor, domain)
            if f.default is not dataclasses.MISSING:
                options[f.name].append(f.default)
        else:
            return None  # a field the bar cannot fill
    return options


def option_for(
    world: World, unit: Unit, kind: str, cursor: Cell | None, sneak: bool = False
) -> ActionOption:
    """The action ``kind`` for ``unit``: a command allowed now, or why there is none."""
    label, icon = label_for(kind)
    cls = _REGISTRY[kind]
    cost = ap_cost(world, kind)
    if cls is Move:
        label, icon = label_for("sneak" if sneak else "move")
        if cursor is None:
            return ActionOption(kind, label, icon, None, "Point at a cell to go to.", True, None)
        command: Command = Move(unit=unit.id, to=cursor, sneak=sneak)
        reason = world.check(command)
        return ActionOption(kind, label, icon, None if reason else command, reason, True, None)
    options = _field_options(world, cls, unit, cursor)
    if options is None:
        return ActionOption(
            kind, label, icon, None, "Not available from the action bar.", True, cost
        )
    needs_target = bool(options)
    first_reason: str | None = None
    for values in product(*options.values()) if options else [()]:
        candidate = cls(unit=unit.id, **dict(zip(options, values, strict=True)))  # type: ignore[call-arg]
        reason = world.check(candidate)
        if reason is None:
            return ActionOption(kind, label, icon, candidate, None, needs_target, cost)
        first_reason = first_reason or reason
    if first_reason is None:
        first_reason = f"There is nothing to {label.lower()} nearby."
    return ActionOption(kind, label, icon, None, first_reason, needs_target, cost)


def action_bar(
    world: World, unit: Unit | None, cursor: Cell | None, sneak: bool = False
) -> list[ActionOption]:
    """Every action of the selected crew member, in bar order."""
    if unit is None or unit.cell is None:
        return []
    return [option_for(world, unit, kind, cursor, sneak) for kind in unit_command_kinds()]
