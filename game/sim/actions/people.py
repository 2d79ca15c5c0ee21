"""Dealing with people: knocking out, carrying, putting down, shooting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from game.sim import bodies, kit, vision
from game.sim.actions import handles
from game.sim.actions.common import acting_crew, affordable
from game.sim.commands import Command
from game.sim.entities import GuardState, Status, Unit
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


def _target_guard(world: World, target_id: int) -> Unit | str:
    target = world.units.get(target_id)
    if target is None or not target.is_guard:
        return f"There is no guard with id {target_id}."
    if target.cell is None:
        return f"{target.name} is not here."
    return target


@handles(KnockOut)
class KnockOutHandler:
    def validate(self, world: World, command: KnockOut) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        target = _target_guard(world, command.target)
        if isinstance(target, str):
            return target
        if target.status is not Status.ACTIVE:
            return f"{target.name} is already down."
        if not beside(unit.cell, target.cell) or unit.cell == target.cell:
            return f"{unit.name} must stand next to {target.name}."
        if target.state is GuardState.ALERTED:
            return f"{target.name} is on guard; he has to be taken unawares."
        assert unit.cell is not None
        if target.state is not GuardState.SLEEPING and vision.sees(world, target, unit.cell):
            return f"{target.name} would see {unit.name} coming; get behind him."
        return affordable(unit, world.rules.knockout.ap, "a knockout")

    def execute(self, world: World, command: KnockOut, plan: None) -> None:
        unit, target = world.units[command.unit], world.units[command.target]
        unit.ap -= world.rules.knockout.ap
        target.status = Status.KNOCKED_OUT
        target.memory["ko_turns"] = int(world.rules.guard_states.knockout_turns)
        world.count("knockouts")
        world.log(
            "knocked_out",
            f"{unit.name} knocks {target.name} out.",
            target.cell,
            unit=unit.id,
            target=target.id,
        )
        assert target.cell is not None
        world.emit_noise(target.cell, int(world.rules.knockout.loudness), "thud", unit.id)


def _carriable(world: World, unit: Unit, person_id: int) -> Unit | str:
    person = world.units.get(person_id)
    if person is None or person.is_crew or person.id == unit.id:
        return f"There is nobody to carry with id {person_id}."
    if person.cell is None:
        return f"{person.name} is not here."
    if person.is_guard and person.status not in (Status.KNOCKED_OUT, Status.DEAD):
        return f"{person.name} will not let himself be carried; knock him out first."
    if not person.is_guard and person.status is not Status.ACTIVE:
        return f"{person.name} cannot be carried now."
    return person


@handles(Carry)
class CarryHandler:
    def validate(self, world: World, command: Carry) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        if unit.memory.get("carrying"):
            return f"{unit.name} already carries someone."
        person = _carriable(world, unit, command.person)
        if isinstance(person, str):
            return person
        if not beside(unit.cell, person.cell):
            return f"{unit.name} must stand next to {person.name}."
        return affordable(unit, world.rules.carry.pick_up_ap, "lifting someone")

    def execute(self, world: World, command: Carry, plan: None) -> None:
        unit, person = world.units[command.unit], world.units[command.person]
        unit.ap -= world.rules.carry.pick_up_ap
        cell = person.cell
        person.memory["carried_by"] = unit.id
        person.memory["carried_status"] = person.status.value
        person.status = Status.CARRIED
        world.move_unit(person, None)
        unit.memory["carrying"] = person.id
        world.log(
            "carried", f"{unit.name} lifts {person.name}.", cell, unit=unit.id, person=person.id
        )
        assert unit.cell is not None
        world.emit_noise(unit.cell, int(world.rules.carry.pick_up_loudness), "carry", unit.id)


@handles(Drop)
class DropHandler:
    def validate(self, world: World, command: Drop) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        if not unit.memory.get("carrying"):
            return f"{unit.name} carries nobody."
        if not beside(unit.cell, command.cell) or command.cell == unit.cell:
            return f"{unit.name} can only put someone down next to him."
        if not bodies.is_free(world, command.cell):
            return "There is no room there."
        return affordable(unit, world.rules.carry.drop_ap, "putting someone down")

    def execute(self, world: World, command: Drop, plan: None) -> None:
        unit = world.units[command.unit]
        person = world.units[unit.memory.pop("carrying")]
        unit.ap -= world.rules.carry.drop_ap
        person.status = Status(person.memory.pop("carried_status", Status.ACTIVE.value))
        person.memory.pop("carried_by", None)
        world.move_unit(person, command.cell)
        world.log(
            "dropped",
            f"{unit.name} puts {person.name} down.",
            command.cell,
            unit=unit.id,
            person=person.id,
        )
        world.emit_noise(command.cell, int(world.rules.carry.drop_loudness), "thud", unit.id)


@handles(Shoot)
class ShootHandler:
    def validate(self, world: World, command: Shoot) -> str | None:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        if not kit.is_armed(world, unit):
            return f"{unit.name} is not armed."
        target = _target_guard(world, command.target)
        if isinstance(target, str):
            return target
        if target.status is Status.DEAD:
            return f"{target.name} is already dead."
        reach = int(world.rules.shoot.range)
        assert unit.cell is not None and target.cell is not None
        if target.cell.floor != unit.cell.floor or (
            max(abs(target.cell.x - unit.cell.x), abs(target.cell.y - unit.cell.y)) > reach
        ):
            return f"{target.name} is out of range ({reach} cells)."
        x0, y0, sight = vision.line_of_sight(world, unit.cell, reach)
        if not sight[target.cell.y - y0, target.cell.x - x0]:
            return f"{unit.name} has no clear shot at {target.name}."
        return affordable(unit, world.rules.shoot.ap, "a shot")

    def execute(self, world: World, command: Shoot, plan: None) -> None:
        unit, target = world.units[command.unit], world.units[command.target]
        unit.ap -= world.rules.shoot.ap
        bodies.fire(world, unit, target)
