"""Checks and target lists shared by many rules of action; checks raise :class:`Refused`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.contract import Refused, acting_crew
from game.sim.entities import Device, Door, Unit
from game.sim.geometry import CARDINAL_STEPS, Cell, beside

if TYPE_CHECKING:
    from game.sim.world import World

__all__ = ["acting_crew", "device_of", "devices_beside", "doors_beside", "reachable_door"]


def reachable_door(world: World, unit: Unit, door_id: int) -> Door:
    """The door, which must exist and be next to the unit (or under it)."""
    door = world.doors.get(door_id)
    if door is None:
        raise Refused(f"There is no door with id {door_id}.")
    assert unit.cell is not None
    if not _next_to(door.cell, unit.cell):
        raise Refused(f"{unit.name} must stand next to the door.")
    return door


def _next_to(a: Cell, b: Cell) -> bool:
    """Same floor and at most one step apart, four-way (or the same cell)."""
    return a.floor == b.floor and abs(a.x - b.x) + abs(a.y - b.y) <= 1


def doors_beside(world: World, unit: Unit) -> list[Door]:
    """The doors a unit could reach out to now, by id."""
    here = unit.cell
    if here is None:
        return []
    found = [world.door_at(here.offset(dx, dy)) for dx, dy in _FOUR_AND_HERE]
    return sorted((d for d in found if d is not None), key=lambda d: d.id)


_FOUR_AND_HERE = ((0, 0), *CARDINAL_STEPS)


def device_of(world: World, device_id: int, kinds: tuple[str, ...], what: str) -> Device:
    """The device, which must exist and be of one of ``kinds``."""
    device = world.devices.get(device_id)
    if device is None or device.kind not in kinds:
        raise Refused(f"There is no {what} with id {device_id}.")
    return device


def devices_beside(world: World, unit: Unit, kinds: tuple[str, ...]) -> list[Device]:
    """Devices of ``kinds`` on or around the unit's cell, by id."""
    return [d for d in world.devices_in_order() if d.kind in kinds and beside(unit.cell, d.cell)]
