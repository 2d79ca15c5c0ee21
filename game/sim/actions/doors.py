"""Opening, closing and picking doors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import alarms
from game.sim.actions.common import acting_crew, doors_beside, reachable_door
from game.sim.commands import CloseDoor, OpenDoor, PickLock
from game.sim.contract import NoiseSpec, Refused, Rule, SetsOff

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.geometry import Cell
    from game.sim.world import World


class OpenDoorRule(Rule[OpenDoor]):
    command = OpenDoor
    doing = "opening a door"

    def validate(self, world: World, command: OpenDoor) -> None:
        door = reachable_door(world, acting_crew(world, command.unit), command.door)
        if door.open:
            raise Refused("That door is already open.")
        if door.locked:
            raise Refused("That door is locked; pick the lock first.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.doors.open_ap

    def where(self, world: World, command: OpenDoor) -> tuple[Cell, ...]:
        return (world.doors[command.door].cell,)

    def noises(self, world: World, command: OpenDoor) -> list[NoiseSpec]:
        loudness = world.rules.doors.open_loudness
        return [NoiseSpec(world.doors[command.door].cell, loudness, "door")]

    def sets_off(self, world: World, command: OpenDoor) -> SetsOff:
        found = super().sets_off(world, command)
        contacts = alarms.contacts_on(world, command.door)
        untripped = tuple(c.id for c in contacts if not c.state.tripped)
        return SetsOff(found.sensors, untripped)

    def execute(self, world: World, command: OpenDoor, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        door.open = True
        world.log("door_opened", f"{unit.name} opened the {door.name}.", door.cell, door=door.id)
        world.emit_noise(door.cell, world.rules.doors.open_loudness, "door", unit.id)

    def options(self, world: World, unit: Unit) -> list[OpenDoor]:
        return [OpenDoor(unit.id, d.id) for d in doors_beside(world, unit)]


class CloseDoorRule(Rule[CloseDoor]):
    command = CloseDoor
    doing = "closing a door"

    def validate(self, world: World, command: CloseDoor) -> None:
        door = reachable_door(world, acting_crew(world, command.unit), command.door)
        if not door.open:
            raise Refused("That door is already closed.")
        if world.occupant(door.cell) is not None:
            raise Refused("Someone is standing in the doorway.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.doors.close_ap

    def where(self, world: World, command: CloseDoor) -> tuple[Cell, ...]:
        return (world.doors[command.door].cell,)

    def noises(self, world: World, command: CloseDoor) -> list[NoiseSpec]:
        loudness = world.rules.doors.close_loudness
        return [NoiseSpec(world.doors[command.door].cell, loudness, "door")]

    def execute(self, world: World, command: CloseDoor, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        door.open = False
        world.log("door_closed", f"{unit.name} closed the {door.name}.", door.cell, door=door.id)
        world.emit_noise(door.cell, world.rules.doors.close_loudness, "door", unit.id)

    def options(self, world: World, unit: Unit) -> list[CloseDoor]:
        return [CloseDoor(unit.id, d.id) for d in doors_beside(world, unit)]


class PickLockRule(Rule[PickLock]):
    command = PickLock
    doing = "picking the lock"
    needs = ("lockpick",)
    needs_for = "picking a lock"

    def validate(self, world: World, command: PickLock) -> None:
        door = reachable_door(world, acting_crew(world, command.unit), command.door)
        if not door.locked:
            raise Refused("That door is not locked.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.doors.pick_ap

    def where(self, world: World, command: PickLock) -> tuple[Cell, ...]:
        return (world.doors[command.door].cell,)

    def noises(self, world: World, command: PickLock) -> list[NoiseSpec]:
        loudness = world.rules.doors.pick_loudness
        return [NoiseSpec(world.doors[command.door].cell, loudness, "lockpick")]

    def execute(self, world: World, command: PickLock, plan: None) -> None:
        unit, door = world.units[command.unit], world.own_door(world.doors[command.door])
        rules = world.rules.doors
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

    def options(self, world: World, unit: Unit) -> list[PickLock]:
        return [PickLock(unit.id, d.id) for d in doors_beside(world, unit)]
