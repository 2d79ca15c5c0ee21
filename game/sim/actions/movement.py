"""Walking, sneaking and waiting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import hooks
from game.sim.actions import handles
from game.sim.actions.common import acting_crew
from game.sim.commands import Move, Wait
from game.sim.entities import Unit
from game.sim.geometry import Cell, Facing
from game.sim.pathing import (
    find_move_path,
    find_path,
    is_stairs_step,
    path_costs,
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


def plan_move(world: World, unit: Unit, goal: Cell, sneak: bool) -> MovePlan | str:
    """The path a move would take and each step's AP cost, or why there is none.

    Used for validation and by the screen's path preview, so both always agree.
    """
    assert unit.cell is not None
    if not world.in_bounds(goal):
        return "That is off the map."
    if goal == unit.cell:
        return f"{unit.name} is already there."
    if not world.terrain.walkable[goal.index]:
        return "Nobody can stand there."
    other = world.occupant(goal)
    if other is not None:
        return f"{other.name} is there."
    steps = step_costs(world, unit, sneak)
    per_step = steps.per_step
    reach = unit.ap // max(1, per_step)
    if reach < 1:
        return f"{unit.name} has no AP left to move."
    path = find_move_path(
        world,
        unit.cell,
        goal,
        stairs_cost=steps.stairs_extra,
        reach=reach,
        climb_cost=steps.climb_extra,
    )
    if path is None:
        return _why_unreachable(world, unit.cell, goal)
    costs = path_costs(world, path, steps)
    if sum(costs) > unit.ap:
        return f"{unit.name} has {unit.ap} AP left; that move costs {sum(costs)}."
    return path, costs


def step_loudness(world: World, unit: Unit, a: Cell, b: Cell, sneak: bool) -> tuple[int, str]:
    """``(loudness, kind)`` of one step of a move: footsteps, sneaking, or a rope climb."""
    if a.floor != b.floor and not is_stairs_step(world, a, b):
        loudness, kind = world.rules.rope.climb_loudness, "rope"
    else:
        loudness = move_mode(world, sneak)[1]
        kind = "sneaking" if sneak else "footsteps"
    if unit.memory.get("carrying"):
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


@handles(Move)
class MoveHandler:
    def validate(self, world: World, command: Move) -> str | MovePlan:
        unit = acting_crew(world, command.unit)
        if isinstance(unit, str):
            return unit
        return plan_move(world, unit, command.to, command.sneak)

    def execute(self, world: World, command: Move, plan: MovePlan) -> None:
        unit = world.units[command.unit]
        path, costs = plan
        start = unit.cell
        for cell, cost in zip(path[1:], costs, strict=True):
            assert unit.cell is not None
            loudness, kind = step_loudness(world, unit, unit.cell, cell, command.sneak)
            facing = Facing.toward(cell.x - unit.cell.x, cell.y - unit.cell.y)
            if facing is not None:
                unit.facing = facing
            world.move_unit(unit, cell)
            unit.ap -= cost
            world.emit_noise(cell, loudness, kind, unit.id)
            if hooks.after_step(world, unit) or not unit.can_act:
                break
        verb = "sneaked" if command.sneak else "walked"
        world.log(
            "moved",
            f"{unit.name} {verb} to {unit.cell}.",
            unit.cell,
            unit=unit.id,
            start=start.to_json() if start else None,
        )


@handles(Wait)
class WaitHandler:
    def validate(self, world: World, command: Wait) -> str | None:
        unit = acting_crew(world, command.unit)
        return unit if isinstance(unit, str) else None

    def execute(self, world: World, command: Wait, plan: None) -> None:
        unit = world.units[command.unit]
        unit.ap = 0
        world.log("waited", f"{unit.name} waits.", unit.cell, unit=unit.id)
