"""Checks shared by many actions, each answering with a sentence for the player."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.entities import Device, Door, Unit

if TYPE_CHECKING:
    from game.sim.world import World


def acting_crew(world: World, unit_id: int) -> Unit | str:
    """The crew member who is to act, or why they cannot."""
    unit = world.units.get(unit_id)
    if unit is None:
        return f"There is nobody with id {unit_id}."
    if not unit.is_crew:
        return f"{unit.name} is not one of the crew."
    if not unit.can_act:
        return f"{unit.name} cannot act ({unit.status.value.replace('_', ' ')})."
    return unit


def affordable(unit: Unit, cost: int, what: str) -> str | None:
    """None if the unit has ``cost`` AP left, else the reason."""
    if unit.ap < cost:
        return f"{unit.name} has {unit.ap} AP left; {what} costs {cost}."
    return None


def reachable_door(world: World, unit: Unit, door_id: int) -> Door | str:
    """The door if it exists and is next to the unit (or under it), else why not."""
    door = world.doors.get(door_id)
    if door is None:
        return f"There is no door with id {door_id}."
    assert unit.cell is not None
    dx = abs(door.cell.x - unit.cell.x)
    dy = abs(door.cell.y - unit.cell.y)
    if door.cell.floor != unit.cell.floor or dx + dy > 1:
        return f"{unit.name} must stand next to the door."
    return door


def device_of(world: World, device_id: int, kinds: tuple[str, ...], what: str) -> Device | str:
    """The device if it exists and is of one of ``kinds``, else why not."""
    device = world.devices.get(device_id)
    if device is None or device.kind not in kinds:
        return f"There is no {what} with id {device_id}."
    return device
