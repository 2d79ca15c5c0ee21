"""The action bar's contents, built from the rules' own candidates and costs.

Every rule of action a crew member performs becomes a button, in the rulebook's order. The
rule lists the commands of its kind worth trying for the unit (``options``: every target in
reach), says which cells a player points at to mean each (``where``), and the world says
which is allowed now or why not (``World.plan``) and what it costs. So a new rule shows up in
the bar, with its AP and a precise "why not" tooltip, without touching the screen code.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.commands import Command, Move
from game.sim.contract import Rule
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
    "climb": ("Climb", "climb"),
    "foam": ("Foam bell", "foam"),
    "crack_safe": ("Crack safe", "crack"),
    "take_loot": ("Take loot", "take"),
    "knock_out": ("Knock out", "knockout"),
    "carry": ("Carry", "carry"),
    "drop": ("Put down", "drop"),
    "shoot": ("Shoot", "shoot"),
    "wait": ("Wait", "wait"),
    "peek": ("Peek", "peek"),
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
#: Actions aimed at a cell the player points at: the button arms them (or, with the cursor
#: already on a target, takes that one), and nothing is done on a cell they do not name.
TARGETED = frozenset({"peek", "drill", "shoot", "knock_out"})
#: Loud actions: once aimed, the noise forecast is shown and a second press (the key again,
#: Enter, or a click on the same target) carries them out. One key press never drills.
CONFIRMED = frozenset({"drill", "shoot", "knock_out"})
#: Options tried per button (the nearest first), so a crowded room stays cheap to hover.
MAX_TRIED = 24


@dataclass(frozen=True)
class ActionOption:
    """One button of the action bar for one crew member in one situation."""

    kind: str
    label: str
    icon: str
    command: Command | None  # what clicking it does now (None: unavailable)
    reason: str | None  # why it is unavailable
    needs_target: bool  # it acts on a cell the player points at (a move)
    ap: int | None  # its AP cost (None: it depends on where, as a move's)

    @property
    def available(self) -> bool:
        return self.command is not None


def crew_rules(world: World) -> list[Rule]:
    """The rules of the actions a crew member performs, in the rulebook's order."""
    return [rule for rule in world.rulebook if rule.by_crew]


def label_for(kind: str) -> tuple[str, str]:
    return LABELS.get(kind, (kind.replace("_", " ").capitalize(), kind))


def option_for(
    world: World, unit: Unit, kind: str, cursor: Cell | None, sneak: bool = False
) -> ActionOption:
    """The action ``kind`` for ``unit``: a command allowed now, or why there is none. A
    command aimed at the cursor's cell is preferred to one aimed elsewhere."""
    label, icon = label_for(kind)
    rule = world.rulebook.by_kind(kind)
    if rule.command is Move:
        label, icon = label_for("sneak" if sneak else "move")
        if cursor is None:
            return ActionOption(kind, label, icon, None, "Point at a cell to go to.", True, None)
        command: Command = Move(unit=unit.id, to=cursor, sneak=sneak)
        planned = world.plan(command)
        ap = planned.cost if planned.ok else None
        return ActionOption(
            kind, label, icon, command if planned.ok else None, planned.reason, True, ap
        )
    ap = rule.unit_cost(world, unit)
    options = list(rule.options(world, unit))
    if cursor is not None:
        options.sort(key=lambda c: cursor not in rule.where(world, c))  # stable: keeps order
    first_reason: str | None = None
    for candidate in options[:MAX_TRIED]:
        planned = world.plan(candidate)
        if planned.ok:
            return ActionOption(kind, label, icon, candidate, None, False, planned.cost)
        first_reason = first_reason or planned.reason
    if first_reason is None:
        first_reason = f"There is nothing to {label.lower()} nearby."
    return ActionOption(kind, label, icon, None, first_reason, False, ap)


def action_bar(
    world: World, unit: Unit | None, cursor: Cell | None, sneak: bool = False
) -> list[ActionOption]:
    """Every action of the selected crew member, in bar order."""
    if unit is None or unit.cell is None:
        return []
    return [option_for(world, unit, kind, cursor, sneak) for kind in unit_kinds(world, unit)]


def unit_kinds(world: World, unit: Unit) -> list[str]:
    """The command kinds of ``unit``'s bar: every crew action the rules say the unit gives
    at all (lone Tony gets no Drill, no Umbrella, no Foam; only a cracker cracks a safe)."""
    return [rule.command.kind for rule in crew_rules(world) if rule.open_to(world, unit)]
