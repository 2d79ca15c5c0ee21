"""Walking, sneaking and waiting."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from game.sim.actions.common import acting_crew
from game.sim.commands import Move, Wait
from game.sim.contract import NoiseSpec, Refused, Rule
from game.sim.entities import Unit
from game.sim.geometry import Cell, Facing
from game.sim.pathing import (
    find_move_path,
    find_path,
    is_stairs_step,
    path_costs,
    reachable,
    step_costs,
    walkable_now,
)

if TYPE_CHECKING:
    from game.sim.world import World


def move_mode(world: World, sneak: bool) -> tuple[int, int]:
    """``(AP per step, loudness per step)`` for walking or sneaking."""
    rules = world.rules.move
    return (rules.sneak_ap, rules.sneak_loudness) if sneak else (rules.walk_ap, rules.walk_loudness)


#: A move's path (start included) and each step's AP cost.
MovePlan = tuple[list[Cell], list[int]]


def plan_move(world: World, unit: Unit, goal: Cell, sneak: bool) -> MovePlan:
    """The path a move would take and each step's AP cost; refused when there is none.

    Used for validation and by the screen's path preview, so both always agree.
    """
    assert unit.cell is not None
    if not world.in_bounds(goal):
        raise Refused("That is off the map.")
    if goal == unit.cell:
        raise Refused(f"{unit.name} is already there.")
    if not world.terrain.walkable[goal.index]:
        raise Refused("Nobody can stand there.")
    other = world.occupant(goal)
    if other is not None:
        raise Refused(f"{other.name} is there.")
    steps = step_costs(world, unit, sneak)
    per_step = steps.per_step
    reach = unit.ap // max(1, per_step)
    if reach < 1:
        raise Refused(f"{unit.name} has no AP left to move.")
    path = find_move_path(
        world,
        unit.cell,
        goal,
        stairs_cost=steps.stairs_extra,
        reach=reach,
        climb_cost=steps.climb_extra,
    )
    if path is None:
        raise Refused(_why_unreachable(world, unit.cell, goal))
    costs = path_costs(world, path, steps)
    if sum(costs) > unit.ap:
        raise Refused(f"{unit.name} has {unit.ap} AP left; that move costs {sum(costs)}.")
    return path, costs


def step_loudness(world: World, unit: Unit, a: Cell, b: Cell, sneak: bool) -> tuple[int, str]:
    """``(loudness, kind)`` of one step of a move: footsteps, sneaking, or a rope climb."""
    if a.floor != b.floor and not is_stairs_step(world, a, b):
        loudness, kind = world.rules.rope.climb_loudness, "rope"
    else:
        loudness = move_mode(world, sneak)[1]
        kind = "sneaking" if sneak else "footsteps"
    if unit.carrying.person is not None:
        loudness += world.rules.noise.carry_extra_loudness
    return loudness, kind


def _why_unreachable(world: World, start: Cell, goal: Cell) -> str:
    """Tell a shut door from too far from no way at all (searched only on failure)."""
    free = ~world.occupied()
    if find_path(world, start, goal, walkable_now(world) & free) is not None:
        return "That is too far to reach this turn."
    if find_path(world, start, goal, walkable_now(world, doors_passable=True) & free) is not None:
        return "A closed door is in the way; open it first."
    return "There is no way to get there from here."


class MoveRule(Rule[Move]):
    """Walk or sneak along the cheapest path; the AP are taken step by step, so a move a
    guard interrupts costs only the steps walked."""

    command = Move
    doing = "that move"
    pays_upfront = False

    def validate(self, world: World, command: Move) -> MovePlan:
        return plan_move(world, acting_crew(world, command.unit), command.to, command.sneak)

    def cost(self, world: World, command: Move) -> int:
        return self.plan_cost(world, command, self.validate(world, command))

    def plan_cost(self, world: World, command: Move, plan: MovePlan) -> int:
        return sum(plan[1])

    def unit_cost(self, world: World, unit: Unit) -> int | None:
        return None  # it depends on the way

    def where(self, world: World, command: Move) -> tuple[Cell, ...]:
        return (command.to,)

    def noises(self, world: World, command: Move) -> list[NoiseSpec]:
        unit = world.units[command.unit]
        path, _ = self.validate(world, command)
        made = []
        for a, b in itertools.pairwise(path):
            loudness, kind = step_loudness(world, unit, a, b, command.sneak)
            made.append(NoiseSpec(b, loudness, kind))
        return made

    def execute(self, world: World, command: Move, plan: MovePlan) -> None:
        unit = world.units[command.unit]
        path, costs = plan
        start = here = unit.cell
        sneak, toward = command.sneak, Facing.toward
        move_unit, emit_noise, stepped = world.move_unit, world.emit_noise, world.stepped
        flat = step_loudness(world, unit, here, here, sneak)  # a step along a floor
        for cell, cost in zip(path[1:], costs, strict=True):
            assert here is not None
            if cell.floor == here.floor:
                loudness, kind = flat
            else:
                loudness, kind = step_loudness(world, unit, here, cell, sneak)
            facing = toward(cell.x - here.x, cell.y - here.y)
            if facing is not None and facing is not unit.facing:
                unit.facing = facing
            move_unit(unit, cell)
            unit.ap -= cost
            emit_noise(cell, loudness, kind, unit.id)
            if stepped(unit) or not unit.can_act:
                break
            here = unit.cell
        verb = "sneaked" if command.sneak else "walked"
        world.log(
            "moved",
            f"{unit.name} {verb} to {unit.cell}.",
            unit.cell,
            unit=unit.id,
            start=start.to_json() if start else None,
        )

    def options(self, world: World, unit: Unit) -> list[Move]:
        """Every cell the unit can reach this turn, walking then sneaking (one pathfinding
        pass each: :func:`game.sim.pathing.reachable`)."""
        reach = reachable(world, unit)
        walks = [Move(unit.id, cell, False) for cell in sorted(reach.walk)]
        return walks + [Move(unit.id, cell, True) for cell in sorted(reach.sneak)]

    def candidates(self, world: World, unit: Unit) -> list[Move]:
        return self.options(world, unit)  # exactly the moves the rules accept


class WaitRule(Rule[Wait]):
    command = Wait

    def validate(self, world: World, command: Wait) -> None:
        acting_crew(world, command.unit)

    def unit_cost(self, world: World, unit: Unit) -> int:
        return unit.ap  # the rest of the turn

    def execute(self, world: World, command: Wait, plan: None) -> None:
        unit = world.units[command.unit]
        unit.ap = 0
        world.log("waited", f"{unit.name} waits.", unit.cell, unit=unit.id)

    def options(self, world: World, unit: Unit) -> list[Wait]:
        return [Wait(unit.id)]
