"""Opening, closing and picking doors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.actions import handles
from game.sim.actions.common import acting_crew, affordable, reachable_door
from game.sim.commands import CloseDoor, OpenDoor, PickLock
from game.sim.entities import Door, Unit

if TYPE_CHECKING:
    from game.sim.world import World


def _door_check(world: World, unit_id: int, door_id: int) -> tuple[Unit, Door] | str:
    unit = acting_crew(world, unit_id)
    if isinstance(unit, str):
        return unit
    door = reachable_door(world, unit, door_id)
    if isinstance(door, str):
        return door
    return unit, door


@handles(OpenDoor)
class OpenDoorHandler:
    def validate(self, world: World, command: OpenDoor) -> str | None:
        found = _door_check(world, command.unit, command.door)
        if isinstance(found, str):
            return found
        unit, door = found
        if door.open:
            return "That door is already open."
        if door.locked:
            return "That door is locked; pick the lock first."
        return affordable(unit, world.rules.doors.open_ap, "opening a door")

    def execute(self, world: World, command: OpenDoor, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        unit.ap -= world.rules.doors.open_ap
        door.open = True
        world.log("door_opened", f"{unit.name} opened the {door.name}.", door.cell, door=door.id)
        world.emit_noise(door.cell, world.rules.doors.open_loudness, "door", unit.id)


@handles(CloseDoor)
class CloseDoorHandler:
    def validate(self, world: World, command: CloseDoor) -> str | None:
        found = _door_check(world, command.unit, command.door)
        if isinstance(found, str):
            return found
        unit, door = found
        if not door.open:
            return "That door is already closed."
        if world.occupant(door.cell) is not None:
            return "Someone is standing in the doorway."
        return affordable(unit, world.rules.doors.close_ap, "closing a door")

    def execute(self, world: World, command: CloseDoor, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        unit.ap -= world.rules.doors.close_ap
        door.open = False
        world.log("door_closed", f"{unit.name} closed the {door.name}.", door.cell, door=door.id)
        world.emit_noise(door.cell, world.rules.doors.close_loudness, "door", unit.id)


@handles(PickLock)
class PickLockHandler:
    def validate(self, world: World, command: PickLock) -> str | None:
        found = _door_check(world, command.unit, command.door)
        if isinstance(found, str):
            return found
        unit, door = found
        if not door.locked:
            return "That door is not locked."
        return affordable(unit, world.rules.doors.pick_ap, "picking the lock")

    def execute(self, world: World, command: PickLock, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        rules = world.rules.doors
        unit.ap -= rules.pick_ap
        door.lock_progress += rules.pick_progress
        world.emit_noise(door.cell, rules.pick_loudness, "lockpick", unit.id)
        if door.lock_progress >= door.lock_difficulty:
            door.locked = False
            world.log("lock_picked", f"{unit.name} picked the lock.", door.cell, door=door.id)
        else:
            left = door.lock_difficulty - door.lock_progress
            world.log(
                "lock_progress",
                f"{unit.name} works the lock ({left} more to go).",
                door.cell,
                door=door.id,
            )
