"""Through the ceiling: drilling, the umbrella, the rope and climbing.

The film's method. Drilling works on a drillable cell of an upper floor, from that cell or
beside it. The first action bores a pilot hole (no plaster falls yet); from then on every
action drops plaster into the room below, a loud noise there, unless an umbrella hangs open
under the hole. The umbrella is pushed through the pilot hole from above (or opened beneath
from the floor below). Once the work is done the hole is finished: noise passes it freely, a
rope can be lowered through it, and the crew climb down or up (or simply Move across it).

Arrays on the world hold this state by the drilled (upper) cell: ``drilled`` (progress),
``umbrellas``, ``holes``, ``ropes``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from game.sim import hooks, kit
from game.sim.actions import handles
from game.sim.actions.common import acting_crew, affordable
from game.sim.bodies import is_free
from game.sim.commands import Command
from game.sim.entities import Unit
from game.sim.geometry import Cell, beside

if TYPE_CHECKING:
    from game.sim.world import World


@dataclass(frozen=True)
class Drill(Command):
    """Drill into the floor at ``cell`` (on the driller's floor, under or beside them)."""

    kind: ClassVar[str] = "drill"
    unit: int
    cell: Cell


@dataclass(frozen=True)
class DeployUmbrella(Command):
    """Open an umbrella under the hole being drilled at ``cell`` (the upper floor's cell)."""

    kind: ClassVar[str] = "deploy_umbrella"
    unit: int
    cell: Cell


@dataclass(frozen=True)
class LowerRope(Command):
    """Tie a rope and let it down through the finished hole at ``cell``."""

    kind: ClassVar[str] = "lower_rope"
    unit: int
    cell: Cell


@dataclass(frozen=True)
class Climb(Command):
    """Climb down the rope from the hole one stands on, or (``up``) up to the hole above."""

    kind: ClassVar[str] = "climb"
    unit: int
    up: bool = False


def drill_speed(world: World, unit: Unit) -> tuple[int, int]:
    """``(progress per action, loudness)`` of this member's drilling."""
    return world.rules.drill.speed_of(unit.role)


def _upper_cell(world: World, unit: Unit, cell: Cell, what: str) -> str | None:
    """Why ``cell`` is not a drillable floor cell beside the unit on its floor, or None."""
    if not world.in_bounds(cell) or cell.floor < 1:
        return "There is nothing below to go through there."
    if not world.terrain.drillable[cell.index]:
        return f"The floor there cannot be drilled; {what} needs a drillable floor."
    if not beside(unit.cell, cell):
        return f"{unit.name} must stand on or next to that spot."
    return None


@handles(Drill)
class DrillHandler:
    def validate(self, world: World, command: Drill) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        why = _upper_cell(world, unit, command.cell, "drilling")
        if why:
            return why
        if world.holes[command.cell.index]:
            return "The hole there is finished."
        return kit.needs(world, unit, "drill", "drilling") or affordable(
            unit, world.rules.drill.ap, "drilling"
        )

    def execute(self, world: World, command: Drill, plan: None) -> None:
        unit, cell, rules = world.units[command.unit], command.cell, world.rules.drill
        unit.ap -= rules.ap
        before = int(world.drilled[cell.index])
        progress, loudness = drill_speed(world, unit)
        after = min(int(rules.work), before + progress)
        world.set_map("drilled", cell, after)
        world.log(
            "drilled",
            f"{unit.name} drills ({after}/{rules.work}).",
            cell,
            unit=unit.id,
            progress=after,
        )
        world.emit_noise(cell, loudness, "drill", unit.id)
        if before >= rules.starter:
            below = cell.offset(0, 0, -1)
            if world.umbrellas[cell.index]:
                world.emit_noise(below, int(rules.caught_loudness), "plaster_caught", unit.id)
            else:
                world.log("plaster", "Plaster crashes down into the room below!", below)
                world.emit_noise(below, int(rules.plaster_loudness), "plaster", unit.id)
        if after >= rules.work:
            world.set_map("holes", cell, True)
            world.log("hole_done", "The hole is big enough to climb through.", cell)


@handles(DeployUmbrella)
class DeployUmbrellaHandler:
    def validate(self, world: World, command: DeployUmbrella) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        cell = command.cell
        if not world.in_bounds(cell) or cell.floor < 1 or not world.terrain.drillable[cell.index]:
            return "An umbrella goes under a drillable floor."
        if world.umbrellas[cell.index]:
            return "An umbrella already hangs there."
        from_below = beside(unit.cell, cell.offset(0, 0, -1))
        if not from_below:
            if not beside(unit.cell, cell):
                return f"{unit.name} must be next to the hole, or beneath it."
            if world.drilled[cell.index] < world.rules.drill.starter:
                return "Drill a pilot hole first to push the umbrella through."
        return kit.needs(world, unit, "umbrella", "that") or affordable(
            unit, world.rules.umbrella.ap, "opening the umbrella"
        )

    def execute(self, world: World, command: DeployUmbrella, plan: None) -> None:
        unit, cell = world.units[command.unit], command.cell
        unit.ap -= world.rules.umbrella.ap
        world.set_map("umbrellas", cell, True)
        kit.spend(unit, "umbrella")
        below = cell.offset(0, 0, -1)
        world.log("umbrella", f"{unit.name} opens an umbrella under the hole.", below, unit=unit.id)
        world.emit_noise(below, int(world.rules.umbrella.loudness), "umbrella", unit.id)


@handles(LowerRope)
class LowerRopeHandler:
    def validate(self, world: World, command: LowerRope) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        why = _upper_cell(world, unit, command.cell, "a rope")
        if why:
            return why
        if not world.holes[command.cell.index]:
            return "The hole is not finished yet."
        if world.ropes[command.cell.index]:
            return "A rope already hangs there."
        return kit.needs(world, unit, "rope", "that") or affordable(
            unit, world.rules.rope.lower_ap, "lowering the rope"
        )

    def execute(self, world: World, command: LowerRope, plan: None) -> None:
        unit, cell = world.units[command.unit], command.cell
        unit.ap -= world.rules.rope.lower_ap
        world.set_map("ropes", cell, True)
        kit.spend(unit, "rope")
        world.log("rope", f"{unit.name} lowers a rope through the hole.", cell, unit=unit.id)
        world.emit_noise(
            cell.offset(0, 0, -1), int(world.rules.rope.lower_loudness), "rope", unit.id
        )


def climb_target(world: World, unit: Unit, up: bool) -> Cell | str:
    """Where a climb would take the unit, or why it cannot climb."""
    assert unit.cell is not None
    hole = unit.cell.offset(0, 0, 1) if up else unit.cell
    if not world.in_bounds(hole) or not (world.holes[hole.index] and world.ropes[hole.index]):
        where = "beneath" if up else "on"
        return f"{unit.name} must stand {where} a hole with a rope in it."
    target = hole if up else hole.offset(0, 0, -1)
    if not is_free(world, target):
        return "Someone or something is in the way at the other end of the rope."
    return target


def climb_ap(world: World, unit: Unit) -> int:
    extra = world.rules.carry.extra_ap_per_step if unit.memory.get("carrying") else 0
    return int(world.rules.rope.climb_ap) + extra


@handles(Climb)
class ClimbHandler:
    def validate(self, world: World, command: Climb) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        target = climb_target(world, unit, command.up)
        if isinstance(target, str):
            return target
        return affordable(unit, climb_ap(world, unit), "climbing")

    def execute(self, world: World, command: Climb, plan: None) -> None:
        unit = world.units[command.unit]
        target = climb_target(world, unit, command.up)
        assert isinstance(target, Cell)
        unit.ap -= climb_ap(world, unit)
        world.move_unit(unit, target)
        loudness = int(world.rules.rope.climb_loudness)
        if unit.memory.get("carrying"):
            loudness += int(world.rules.noise.carry_extra_loudness)
        way = "up" if command.up else "down"
        world.log("climbed", f"{unit.name} climbs {way} the rope.", target, unit=unit.id)
        world.emit_noise(target, loudness, "rope", unit.id)
        hooks.after_step(world, unit)
