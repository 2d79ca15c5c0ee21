"""The bell, the safe and the loot: foam, crack, take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from game.sim import alarms, kit
from game.sim.actions import handles
from game.sim.actions.common import acting_crew, affordable, device_of
from game.sim.commands import Command
from game.sim.entities import Device
from game.sim.geometry import beside

if TYPE_CHECKING:
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
    return int(device.traits.get("value") or default)


def safe_difficulty(world: World, safe: Device) -> int:
    return int(safe.traits.get("difficulty") or world.rules.safe.difficulty)


@handles(Foam)
class FoamHandler:
    def validate(self, world: World, command: Foam) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        bell = device_of(world, command.bell, ("bell",), "alarm bell")
        if isinstance(bell, str):
            return bell
        if not beside(unit.cell, bell.cell):
            return f"{unit.name} must stand next to the bell."
        if bell.memory.get("smothered"):
            return "That bell is already full of foam."
        return kit.needs(world, unit, "extinguisher", "foaming the bell") or affordable(
            unit, world.rules.foam.ap, "foaming the bell"
        )

    def execute(self, world: World, command: Foam, plan: None) -> None:
        unit, bell = world.units[command.unit], world.devices[command.bell]
        unit.ap -= world.rules.foam.ap
        kit.spend(unit, "extinguisher")
        alarms.smother(world, bell)
        world.emit_noise(bell.cell, int(world.rules.foam.loudness), "foam", unit.id)


@handles(CrackSafe)
class CrackSafeHandler:
    def validate(self, world: World, command: CrackSafe) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        safe = device_of(world, command.safe, ("safe",), "safe")
        if isinstance(safe, str):
            return safe
        if unit.role not in world.rules.safe.crackers:
            return "Only César knows how to open a safe."
        if not beside(unit.cell, safe.cell):
            return f"{unit.name} must stand next to the safe."
        if safe.memory.get("open"):
            return "The safe is already open."
        return affordable(unit, world.rules.safe.ap, "working on the safe")

    def execute(self, world: World, command: CrackSafe, plan: None) -> None:
        unit, safe = world.units[command.unit], world.devices[command.safe]
        rules = world.rules.safe
        unit.ap -= rules.ap
        progress = int(safe.memory.get("progress", 0)) + int(rules.progress)
        safe.memory["progress"] = progress
        needed = safe_difficulty(world, safe)
        if progress >= needed:
            safe.memory["open"] = True
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
        world.emit_noise(safe.cell, int(rules.loudness), "safe", unit.id)


@handles(TakeLoot)
class TakeLootHandler:
    def validate(self, world: World, command: TakeLoot) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        thing = device_of(world, command.thing, ("loot", "safe"), "loot")
        if isinstance(thing, str):
            return thing
        if not beside(unit.cell, thing.cell):
            return f"{unit.name} must stand next to it."
        if thing.kind == "safe":
            if not thing.memory.get("open"):
                return "The safe is shut; César must crack it first."
            if thing.memory.get("emptied"):
                return "The safe is empty."
        elif thing.memory.get("taken_by") is not None:
            return "Someone already took that."
        return affordable(unit, world.rules.loot.ap, "taking the loot")

    def execute(self, world: World, command: TakeLoot, plan: None) -> None:
        unit, thing = world.units[command.unit], world.devices[command.thing]
        unit.ap -= world.rules.loot.ap
        value = loot_value(world, thing)
        if thing.kind == "safe":
            thing.memory["emptied"] = True
        thing.memory["taken_by"] = unit.id
        unit.memory["loot"] = int(unit.memory.get("loot", 0)) + value
        world.count("loot_taken", value)
        world.log(
            "loot_taken",
            f"{unit.name} pockets loot worth {value}.",
            thing.cell,
            unit=unit.id,
            device=thing.id,
            value=value,
        )
        world.emit_noise(thing.cell, int(world.rules.loot.loudness), "loot", unit.id)
