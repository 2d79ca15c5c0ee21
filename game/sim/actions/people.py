"""Dealing with people: knocking out, carrying, putting down, shooting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from game.sim import bodies, kit, vision
from game.sim.actions.common import acting_crew
from game.sim.commands import Command
from game.sim.contract import NoiseSpec, Refused, Rule
from game.sim.entities import Carrying, GuardState, Status, Unit
from game.sim.geometry import Cell, beside

if TYPE_CHECKING:
    from game.sim.world import World


@dataclass(frozen=True)
class KnockOut(Command):
    """Knock out an unaware guard from a cell it does not watch (behind it, or asleep)."""

    kind: ClassVar[str] = "knock_out"
    unit: int
    target: int


@dataclass(frozen=True)
class Carry(Command):
    """Lift a knocked-out or dead guard, or Tonio, from beside one onto one's shoulder."""

    kind: ClassVar[str] = "carry"
    unit: int
    person: int


@dataclass(frozen=True)
class Drop(Command):
    """Put the person one carries down on a free cell beside one."""

    kind: ClassVar[str] = "drop"
    unit: int
    cell: Cell


@dataclass(frozen=True)
class Shoot(Command):
    """Shoot a guard in sight and in range (armed crew only). Deadly and very loud."""

    kind: ClassVar[str] = "shoot"
    unit: int
    target: int


def _target_guard(world: World, target_id: int) -> Unit:
    target = world.units.get(target_id)
    if target is None or not target.is_guard:
        raise Refused(f"There is no guard with id {target_id}.")
    if target.cell is None:
        raise Refused(f"{target.name} is not here.")
    return target


def _cell_of(world: World, unit_id: int) -> tuple[Cell, ...]:
    cell = world.units[unit_id].cell
    return () if cell is None else (cell,)


def _guards_beside(world: World, unit: Unit) -> list[Unit]:
    return [g for g in world.guards() if g.id != unit.id and beside(unit.cell, g.cell)]


class KnockOutRule(Rule[KnockOut]):
    command = KnockOut
    doing = "a knockout"

    def validate(self, world: World, command: KnockOut) -> None:
        unit = acting_crew(world, command.unit)
        target = _target_guard(world, command.target)
        if target.status is not Status.ACTIVE:
            raise Refused(f"{target.name} is already down.")
        if not beside(unit.cell, target.cell) or unit.cell == target.cell:
            raise Refused(f"{unit.name} must stand next to {target.name}.")
        if target.state is GuardState.ALERTED:
            raise Refused(f"{target.name} is on guard; he has to be taken unawares.")
        assert unit.cell is not None
        if target.state is not GuardState.SLEEPING and vision.sees(world, target, unit.cell):
            raise Refused(f"{target.name} would see {unit.name} coming; get behind him.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.knockout.ap

    def where(self, world: World, command: KnockOut) -> tuple[Cell, ...]:
        return _cell_of(world, command.target)

    def noises(self, world: World, command: KnockOut) -> list[NoiseSpec]:
        cell = world.units[command.target].cell
        assert cell is not None
        return [NoiseSpec(cell, world.rules.knockout.loudness, "thud")]

    def execute(self, world: World, command: KnockOut, plan: None) -> None:
        unit, target = world.units[command.unit], world.units[command.target]
        target.status = Status.KNOCKED_OUT
        target.ko_turns = world.rules.guard_states.knockout_turns
        world.count("knockouts")
        world.log(
            "knocked_out",
            f"{unit.name} knocks {target.name} out.",
            target.cell,
            unit=unit.id,
            target=target.id,
        )
        assert target.cell is not None
        world.emit_noise(target.cell, world.rules.knockout.loudness, "thud", unit.id)

    def options(self, world: World, unit: Unit) -> list[KnockOut]:
        return [KnockOut(unit.id, guard.id) for guard in _guards_beside(world, unit)]


def _carriable(world: World, unit: Unit, person_id: int) -> Unit:
    person = world.units.get(person_id)
    if person is None or person.is_crew or person.id == unit.id:
        raise Refused(f"There is nobody to carry with id {person_id}.")
    if person.cell is None:
        raise Refused(f"{person.name} is not here.")
    if person.is_guard and person.status not in (Status.KNOCKED_OUT, Status.DEAD):
        raise Refused(f"{person.name} will not let himself be carried; knock him out first.")
    if not person.is_guard and person.status is not Status.ACTIVE:
        raise Refused(f"{person.name} cannot be carried now.")
    return person


class CarryRule(Rule[Carry]):
    command = Carry
    doing = "lifting someone"

    def validate(self, world: World, command: Carry) -> None:
        unit = acting_crew(world, command.unit)
        if unit.carrying.person is not None:
            raise Refused(f"{unit.name} already carries someone.")
        person = _carriable(world, unit, command.person)
        if not beside(unit.cell, person.cell):
            raise Refused(f"{unit.name} must stand next to {person.name}.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.carry.pick_up_ap

    def where(self, world: World, command: Carry) -> tuple[Cell, ...]:
        return _cell_of(world, command.person)

    def noises(self, world: World, command: Carry) -> list[NoiseSpec]:
        cell = world.units[command.unit].cell
        assert cell is not None
        return [NoiseSpec(cell, world.rules.carry.pick_up_loudness, "carry")]

    def execute(self, world: World, command: Carry, plan: None) -> None:
        unit, person = world.units[command.unit], world.units[command.person]
        cell = person.cell
        person.carrying = Carrying(by=unit.id, status_before=person.status)
        person.status = Status.CARRIED
        world.move_unit(person, None)
        unit.carrying = Carrying(person=person.id)
        world.log(
            "carried", f"{unit.name} lifts {person.name}.", cell, unit=unit.id, person=person.id
        )
        assert unit.cell is not None
        world.emit_noise(unit.cell, world.rules.carry.pick_up_loudness, "carry", unit.id)

    def options(self, world: World, unit: Unit) -> list[Carry]:
        people = [u for u in world.units_in_order() if not u.is_crew and beside(unit.cell, u.cell)]
        return [Carry(unit.id, person.id) for person in people]


class DropRule(Rule[Drop]):
    command = Drop
    doing = "putting someone down"

    def validate(self, world: World, command: Drop) -> None:
        unit = acting_crew(world, command.unit)
        if unit.carrying.person is None:
            raise Refused(f"{unit.name} carries nobody.")
        if not beside(unit.cell, command.cell) or command.cell == unit.cell:
            raise Refused(f"{unit.name} can only put someone down next to him.")
        if not bodies.is_free(world, command.cell):
            raise Refused("There is no room there.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.carry.drop_ap

    def where(self, world: World, command: Drop) -> tuple[Cell, ...]:
        return (command.cell,)

    def noises(self, world: World, command: Drop) -> list[NoiseSpec]:
        return [NoiseSpec(command.cell, world.rules.carry.drop_loudness, "thud")]

    def execute(self, world: World, command: Drop, plan: None) -> None:
        unit = world.units[command.unit]
        assert unit.carrying.person is not None
        person = world.units[unit.carrying.person]
        unit.carrying = Carrying()
        person.status = person.carrying.status_before or Status.ACTIVE
        person.carrying = Carrying()
        world.move_unit(person, command.cell)
        world.log(
            "dropped",
            f"{unit.name} puts {person.name} down.",
            command.cell,
            unit=unit.id,
            person=person.id,
        )
        world.emit_noise(command.cell, world.rules.carry.drop_loudness, "thud", unit.id)

    def options(self, world: World, unit: Unit) -> list[Drop]:
        if unit.cell is None or unit.carrying.person is None:
            return []
        here = unit.cell
        cells = [here.offset(dx, dy) for dy in (-1, 0, 1) for dx in (-1, 0, 1) if dx or dy]
        return [Drop(unit.id, cell) for cell in cells]


class ShootRule(Rule[Shoot]):
    command = Shoot
    doing = "a shot"

    def open_to(self, world: World, unit: Unit) -> bool:
        return kit.is_armed(world.rules, unit)  # the bar offers no gun to the unarmed

    def validate(self, world: World, command: Shoot) -> None:
        unit = acting_crew(world, command.unit)
        if not kit.is_armed(world.rules, unit):
            raise Refused(f"{unit.name} is not armed.")
        target = _target_guard(world, command.target)
        if target.status is Status.DEAD:
            raise Refused(f"{target.name} is already dead.")
        reach = world.rules.shoot.range
        assert unit.cell is not None and target.cell is not None
        if target.cell.floor != unit.cell.floor or (
            max(abs(target.cell.x - unit.cell.x), abs(target.cell.y - unit.cell.y)) > reach
        ):
            raise Refused(f"{target.name} is out of range ({reach} cells).")
        x0, y0, sight = vision.line_of_sight(world, unit.cell, reach)
        if not sight[target.cell.y - y0, target.cell.x - x0]:
            raise Refused(f"{unit.name} has no clear shot at {target.name}.")

    def unit_cost(self, world: World, unit: Unit) -> int:
        return world.rules.shoot.ap

    def where(self, world: World, command: Shoot) -> tuple[Cell, ...]:
        return _cell_of(world, command.target)

    def noises(self, world: World, command: Shoot) -> list[NoiseSpec]:
        cell = world.units[command.unit].cell
        assert cell is not None
        return [NoiseSpec(cell, world.rules.shoot.loudness, "shot")]

    def execute(self, world: World, command: Shoot, plan: None) -> None:
        unit, target = world.units[command.unit], world.units[command.target]
        bodies.fire(world, unit, target)

    def options(self, world: World, unit: Unit) -> list[Shoot]:
        if unit.cell is None or not kit.is_armed(world.rules, unit):
            return []
        reach, here = world.rules.shoot.range, unit.cell
        targets = [
            g
            for g in world.guards()
            if g.cell is not None
            and g.cell.floor == here.floor
            and max(abs(g.cell.x - here.x), abs(g.cell.y - here.y)) <= reach
        ]
        return [Shoot(unit.id, guard.id) for guard in targets]
