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

from game.sim import kit
from game.sim.actions.common import acting_crew
from game.sim.bodies import is_free
from game.sim.commands import Command
from game.sim.contract import NoiseSpec, Refused, Rule
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


def _upper_cell(world: World, unit: Unit, cell: Cell, what: str) -> None:
    """Refused unless ``cell`` is a drillable floor cell beside the unit on its floor."""
    if not world.in_bounds(cell) or cell.floor < 1:
        raise Refused("There is nothing below to go through there.")
    if not world.terrain.drillable[cell.index]:
        raise Refused(f"The floor there cannot be drilled; {what} needs a drillable floor.")
    if not beside(unit.cell, cell):
        raise Refused(f"{unit.name} must stand on or next to that spot.")


def _cells_around(unit: Unit, dfloor: int = 0) -> list[Cell]:
    """The unit's cell and its eight neighbours, ``dfloor`` floors up."""
    here = unit.cell
    if here is None:
        return []
    return [here.offset(dx, dy, dfloor) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


class DrillRule(Rule[Drill]):
    command = Drill
    doing = "drilling"
    needs = ("drill",)

    def validate(self, world: World, command: Drill) -> None:
        unit = acting_crew(world, command.unit)
        _upper_cell(world, unit, command.cell, "drilling")
        if world.holes[command.cell.index]:
            raise Refused("The hole there is finished.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.drill.ap

    def where(self, world: World, command: Drill) -> tuple[Cell, ...]:
        return (command.cell,)

    def noises(self, world: World, command: Drill) -> list[NoiseSpec]:
        cell, rules = command.cell, world.rules.drill
        loudness = drill_speed(world, world.units[command.unit])[1]
        made = [NoiseSpec(cell, loudness, "drill")]
        if world.drilled[cell.index] >= rules.starter:
            below = cell.offset(0, 0, -1)
            if world.umbrellas[cell.index]:
                made.append(NoiseSpec(below, rules.caught_loudness, "plaster_caught"))
            else:
                made.append(NoiseSpec(below, rules.plaster_loudness, "plaster"))
        return made

    def execute(self, world: World, command: Drill, plan: None) -> None:
        unit, cell, rules = world.units[command.unit], command.cell, world.rules.drill
        before = int(world.drilled[cell.index])
        progress, loudness = drill_speed(world, unit)
        after = min(rules.work, before + progress)
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
                world.emit_noise(below, rules.caught_loudness, "plaster_caught", unit.id)
            else:
                world.log("plaster", "Plaster crashes down into the room below!", below)
                world.emit_noise(below, rules.plaster_loudness, "plaster", unit.id)
        if after >= rules.work:
            world.set_map("holes", cell, True)
            world.log("hole_done", "The hole is big enough to climb through.", cell)

    def options(self, world: World, unit: Unit) -> list[Drill]:
        return [Drill(unit.id, cell) for cell in _cells_around(unit)]


class DeployUmbrellaRule(Rule[DeployUmbrella]):
    command = DeployUmbrella
    doing = "opening the umbrella"
    needs = ("umbrella",)
    needs_for = "that"

    def validate(self, world: World, command: DeployUmbrella) -> None:
        unit = acting_crew(world, command.unit)
        cell = command.cell
        if not world.in_bounds(cell) or cell.floor < 1 or not world.terrain.drillable[cell.index]:
            raise Refused("An umbrella goes under a drillable floor.")
        if world.umbrellas[cell.index]:
            raise Refused("An umbrella already hangs there.")
        from_below = beside(unit.cell, cell.offset(0, 0, -1))
        if not from_below:
            if not beside(unit.cell, cell):
                raise Refused(f"{unit.name} must be next to the hole, or beneath it.")
            if world.drilled[cell.index] < world.rules.drill.starter:
                raise Refused("Drill a pilot hole first to push the umbrella through.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.umbrella.ap

    def where(self, world: World, command: DeployUmbrella) -> tuple[Cell, ...]:
        return (command.cell, command.cell.offset(0, 0, -1))

    def noises(self, world: World, command: DeployUmbrella) -> list[NoiseSpec]:
        below = command.cell.offset(0, 0, -1)
        return [NoiseSpec(below, world.rules.umbrella.loudness, "umbrella")]

    def execute(self, world: World, command: DeployUmbrella, plan: None) -> None:
        unit, cell = world.units[command.unit], command.cell
        world.set_map("umbrellas", cell, True)
        kit.spend(unit, "umbrella")
        below = cell.offset(0, 0, -1)
        world.log("umbrella", f"{unit.name} opens an umbrella under the hole.", below, unit=unit.id)
        world.emit_noise(below, world.rules.umbrella.loudness, "umbrella", unit.id)

    def options(self, world: World, unit: Unit) -> list[DeployUmbrella]:
        cells = [*_cells_around(unit), *_cells_around(unit, 1)]
        return [DeployUmbrella(unit.id, cell) for cell in cells]


class LowerRopeRule(Rule[LowerRope]):
    command = LowerRope
    doing = "lowering the rope"
    needs = ("rope",)
    needs_for = "that"

    def validate(self, world: World, command: LowerRope) -> None:
        unit = acting_crew(world, command.unit)
        _upper_cell(world, unit, command.cell, "a rope")
        if not world.holes[command.cell.index]:
            raise Refused("The hole is not finished yet.")
        if world.ropes[command.cell.index]:
            raise Refused("A rope already hangs there.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.rope.lower_ap

    def where(self, world: World, command: LowerRope) -> tuple[Cell, ...]:
        return (command.cell,)

    def noises(self, world: World, command: LowerRope) -> list[NoiseSpec]:
        below = command.cell.offset(0, 0, -1)
        return [NoiseSpec(below, world.rules.rope.lower_loudness, "rope")]

    def execute(self, world: World, command: LowerRope, plan: None) -> None:
        unit, cell = world.units[command.unit], command.cell
        world.set_map("ropes", cell, True)
        kit.spend(unit, "rope")
        world.log("rope", f"{unit.name} lowers a rope through the hole.", cell, unit=unit.id)
        world.emit_noise(cell.offset(0, 0, -1), world.rules.rope.lower_loudness, "rope", unit.id)

    def options(self, world: World, unit: Unit) -> list[LowerRope]:
        return [LowerRope(unit.id, cell) for cell in _cells_around(unit)]


def climb_target(world: World, unit: Unit, up: bool) -> Cell:
    """Where a climb would take the unit; refused if it cannot climb."""
    assert unit.cell is not None
    hole = unit.cell.offset(0, 0, 1) if up else unit.cell
    if not world.in_bounds(hole) or not (world.holes[hole.index] and world.ropes[hole.index]):
        where = "beneath" if up else "on"
        raise Refused(f"{unit.name} must stand {where} a hole with a rope in it.")
    target = hole if up else hole.offset(0, 0, -1)
    if not is_free(world, target):
        raise Refused("Someone or something is in the way at the other end of the rope.")
    return target


def climb_loudness(world: World, unit: Unit) -> int:
    loudness = world.rules.rope.climb_loudness
    if unit.carrying.person is not None:
        loudness += world.rules.noise.carry_extra_loudness
    return loudness


class ClimbRule(Rule[Climb]):
    command = Climb
    doing = "climbing"

    def validate(self, world: World, command: Climb) -> Cell:
        return climb_target(world, acting_crew(world, command.unit), command.up)

    def unit_cost(self, world: World, unit: Unit) -> int:
        extra = world.rules.carry.extra_ap_per_step if unit.carrying.person is not None else 0
        return world.rules.rope.climb_ap + extra

    def noises(self, world: World, command: Climb) -> list[NoiseSpec]:
        unit = world.units[command.unit]
        target = climb_target(world, unit, command.up)
        return [NoiseSpec(target, climb_loudness(world, unit), "rope")]

    def execute(self, world: World, command: Climb, plan: Cell) -> None:
        unit, target = world.units[command.unit], plan
        world.move_unit(unit, target)
        way = "up" if command.up else "down"
        world.log("climbed", f"{unit.name} climbs {way} the rope.", target, unit=unit.id)
        world.emit_noise(target, climb_loudness(world, unit), "rope", unit.id)
        world.stepped(unit)

    def options(self, world: World, unit: Unit) -> list[Climb]:
        return [Climb(unit.id, up=False), Climb(unit.id, up=True)]
