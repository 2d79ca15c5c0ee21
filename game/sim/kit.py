"""What a crew member carries, and who may do what.

The map lists each crew member's items (``traits.items``); a member whose map lists none
carries the rules' kit for their role (``[kit]``). Items that are used up (the umbrella left
hanging under a hole, the rope left in it, the emptied extinguisher) are noted in
``kit.spent``, so they are part of the state hash and come back on rewind.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from game.sim.entities import Unit

if TYPE_CHECKING:
    from game.sim.rules import Rules

#: How refusals name each item ("Jo needs a drill for drilling.").
ITEM_NAMES = {
    "drill": "a drill",
    "umbrella": "an umbrella",
    "rope": "a rope",
    "extinguisher": "an extinguisher",
    "gun": "a gun",
    "lockpick": "a lockpick",
}


def items_of(rules: Rules, unit: Unit) -> list[str]:
    """Everything the unit set out with (used-up items included)."""
    items = unit.traits.items
    if not items:
        items = rules.kit.get(unit.role, ())
    return list(items)


def has_item(rules: Rules, unit: Unit, item: str) -> bool:
    """True while the unit carries ``item`` and has not used it up."""
    return items_of(rules, unit).count(item) > unit.kit.spent.count(item)


def spend(unit: Unit, item: str) -> None:
    """Use up one ``item`` (it stays where it was used)."""
    unit.kit = replace(unit.kit, spent=tuple(sorted([*unit.kit.spent, item])))


def is_armed(rules: Rules, unit: Unit) -> bool:
    """Armed by the map (``armed``) or carrying a gun."""
    return unit.armed or has_item(rules, unit, "gun")
