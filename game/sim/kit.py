"""What a crew member carries, and who may do what.

The map lists each crew member's items (``traits["items"]``); a member whose map lists none
carries the rules' kit for their role (``[kit]``). Items that are used up (the umbrella left
hanging under a hole, the rope left in it, the emptied extinguisher) are noted in
``memory["spent"]``, so they are part of the state hash and come back on rewind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.entities import Unit

if TYPE_CHECKING:
    from game.sim.world import World

ITEM_NAMES = {
    "drill": "a drill",
    "umbrella": "an umbrella",
    "rope": "a rope",
    "extinguisher": "an extinguisher",
    "gun": "a gun",
    "lockpick": "a lockpick",
}


def items_of(world: World, unit: Unit) -> list[str]:
    """Everything the unit set out with (used-up items included)."""
    items = unit.traits.get("items")
    if isinstance(items, str):
        items = [i.strip() for i in items.split(",") if i.strip()]
    if not items:
        items = list(world.rules.kit.get(unit.role, ()))
    return list(items)


def has_item(world: World, unit: Unit, item: str) -> bool:
    """True while the unit carries ``item`` and has not used it up."""
    spent = unit.memory.get("spent", [])
    return items_of(world, unit).count(item) > spent.count(item)


def spend(unit: Unit, item: str) -> None:
    """Use up one ``item`` (it stays where it was used)."""
    unit.memory["spent"] = sorted([*unit.memory.get("spent", []), item])


def needs(world: World, unit: Unit, item: str, what: str) -> str | None:
    """None if the unit has ``item``, else a reason naming it."""
    if has_item(world, unit, item):
        return None
    return f"{unit.name} needs {ITEM_NAMES.get(item, item)} for {what}."


def is_armed(world: World, unit: Unit) -> bool:
    """Armed by the map (``armed``) or carrying a gun."""
    return unit.armed or has_item(world, unit, "gun")
