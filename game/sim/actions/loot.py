"""The bell, the safe and the loot: foam, crack, take."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from game.sim import alarms, kit
from game.sim.actions.common import acting_crew, device_of, devices_beside
from game.sim.commands import Command
from game.sim.contract import NoiseSpec, Refused, Rule
from game.sim.entities import Device, Unit
from game.sim.geometry import beside

if TYPE_CHECKING:
    from game.sim.geometry import Cell
    from game.sim.world import World


@dataclass(frozen=True)
class Foam(Command):
    """Fill an alarm bell with extinguisher foam, from beside it: silent for good."""

    kind: ClassVar[str] = "foam"
    unit: int
    bell: int


@dataclass(frozen=True)
class CrackSafe(Command):
    """Work on a safe's lock (César's trade); it opens after enough actions."""

    kind: ClassVar[str] = "crack_safe"
    unit: int
    safe: int


@dataclass(frozen=True)
class TakeLoot(Command):
    """Take loot lying beside one, or empty an open safe."""

    kind: ClassVar[str] = "take_loot"
    unit: int
    thing: int


def loot_value(world: World, device: Device) -> int:
    """What a loot object or a safe's contents are worth (the map's value, else the rules')."""
    default = world.rules.safe.value if device.kind == "safe" else world.rules.loot.value
    return int(device.traits.value or default)


def safe_difficulty(world: World, safe: Device) -> int:
    return int(safe.traits.difficulty or world.rules.safe.difficulty)


class FoamRule(Rule[Foam]):
    command = Foam
    doing = "foaming the bell"
    needs = ("extinguisher",)

    def validate(self, world: World, command: Foam) -> None:
        unit = acting_crew(world, command.unit)
        bell = device_of(world, command.bell, ("bell",), "alarm bell")
        if not beside(unit.cell, bell.cell):
            raise Refused(f"{unit.name} must stand next to the bell.")
        if bell.state.smothered:
            raise Refused("That bell is already full of foam.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.foam.ap

    def where(self, world: World, command: Foam) -> tuple[Cell, ...]:
        return (world.devices[command.bell].cell,)

    def noises(self, world: World, command: Foam) -> list[NoiseSpec]:
        cell = world.devices[command.bell].cell
        return [NoiseSpec(cell, world.rules.foam.loudness, "foam")]

    def execute(self, world: World, command: Foam, plan: None) -> None:
        unit, bell = world.units[command.unit], world.devices[command.bell]
        kit.spend(unit, "extinguisher")
        alarms.smother(world, bell)
        world.emit_noise(bell.cell, world.rules.foam.loudness, "foam", unit.id)

    def options(self, world: World, unit: Unit) -> list[Foam]:
        return [Foam(unit.id, bell.id) for bell in devices_beside(world, unit, ("bell",))]


class CrackSafeRule(Rule[CrackSafe]):
    command = CrackSafe
    doing = "working on the safe"

    def validate(self, world: World, command: CrackSafe) -> None:
        unit = acting_crew(world, command.unit)
        safe = device_of(world, command.safe, ("safe",), "safe")
        crackers = world.rules.safe.crackers
        if unit.role not in crackers:
            names = _names_of(world, crackers)
            raise Refused(f"Only {names} knows how to open a safe.")
        if not beside(unit.cell, safe.cell):
            raise Refused(f"{unit.name} must stand next to the safe.")
        if safe.state.open:
            raise Refused("The safe is already open.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.safe.ap

    def open_to(self, world: World, unit: Unit) -> bool:
        return unit.role in world.rules.safe.crackers

    def where(self, world: World, command: CrackSafe) -> tuple[Cell, ...]:
        return (world.devices[command.safe].cell,)

    def noises(self, world: World, command: CrackSafe) -> list[NoiseSpec]:
        cell = world.devices[command.safe].cell
        return [NoiseSpec(cell, world.rules.safe.loudness, "safe")]

    def execute(self, world: World, command: CrackSafe, plan: None) -> None:
        unit, safe = world.units[command.unit], world.devices[command.safe]
        rules = world.rules.safe
        progress = (safe.state.progress or 0) + rules.progress
        needed = safe_difficulty(world, safe)
        safe = world.own_device(safe)
        safe.state = replace(safe.state, progress=progress, open=progress >= needed)
        if progress >= needed:
            world.log(
                "safe_open",
                f"{unit.name} swings the safe door open.",
                safe.cell,
                unit=unit.id,
                device=safe.id,
            )
        else:
            world.log(
                "safe_progress",
                f"{unit.name} works the safe ({progress}/{needed}).",
                safe.cell,
                unit=unit.id,
                device=safe.id,
            )
        world.emit_noise(safe.cell, rules.loudness, "safe", unit.id)

    def options(self, world: World, unit: Unit) -> list[CrackSafe]:
        return [CrackSafe(unit.id, safe.id) for safe in devices_beside(world, unit, ("safe",))]


def _names_of(world: World, roles: tuple[str, ...]) -> str:
    """Who plays these roles, by name where the map has them (else the role, capitalised)."""
    names = []
    for role in roles:
        unit = next((u for u in world.crew() if u.role == role), None)
        names.append(unit.name if unit is not None else role.capitalize())
    return " or ".join(names)


class TakeLootRule(Rule[TakeLoot]):
    command = TakeLoot
    doing = "taking the loot"

    def validate(self, world: World, command: TakeLoot) -> None:
        unit = acting_crew(world, command.unit)
        thing = device_of(world, command.thing, ("loot", "safe"), "loot")
        if not beside(unit.cell, thing.cell):
            raise Refused(f"{unit.name} must stand next to it.")
        if thing.kind == "safe":
            if not thing.state.open:
                crackers = _names_of(world, world.rules.safe.crackers)
                raise Refused(f"The safe is shut; {crackers} must crack it first.")
            if thing.state.emptied:
                raise Refused("The safe is empty.")
        elif thing.state.taken_by is not None:
            raise Refused("Someone already took that.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.loot.ap

    def where(self, world: World, command: TakeLoot) -> tuple[Cell, ...]:
        return (world.devices[command.thing].cell,)

    def noises(self, world: World, command: TakeLoot) -> list[NoiseSpec]:
        cell = world.devices[command.thing].cell
        return [NoiseSpec(cell, world.rules.loot.loudness, "loot")]

    def execute(self, world: World, command: TakeLoot, plan: None) -> None:
        unit, thing = world.units[command.unit], world.devices[command.thing]
        value = loot_value(world, thing)
        if thing.kind == "safe":
            thing = world.own_device(thing)
            thing.state = replace(thing.state, emptied=True)
        thing = world.own_device(thing)
        thing.state = replace(thing.state, taken_by=unit.id)
        unit.kit = replace(unit.kit, loot=(unit.kit.loot or 0) + value)
        world.count("loot_taken", value)
        world.log(
            "loot_taken",
            f"{unit.name} pockets loot worth {value}.",
            thing.cell,
            unit=unit.id,
            device=thing.id,
            value=value,
        )
        world.emit_noise(thing.cell, world.rules.loot.loudness, "loot", unit.id)

    def options(self, world: World, unit: Unit) -> list[TakeLoot]:
        things = devices_beside(world, unit, ("loot", "safe"))
        return [TakeLoot(unit.id, thing.id) for thing in things]
