"""Walking, sneaking and waiting."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np

from game.sim.actions.common import acting_crew
from game.sim.commands import Move, Wait
from game.sim.contract import NoiseSpec, Refused, Rule
from game.sim.entities import Unit
from game.sim.geometry import Cell, Facing
from game.sim.pathing import find_path, is_stairs_step, walkable_now

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
    per_step, _ = move_mode(world, sneak)
    carrying = _carry_extra(world, unit)
    per_step += carrying
    stairs_extra = world.rules.move.stairs_extra_ap
    climb_ap = world.rules.rope.climb_ap + carrying
    reach = unit.ap // max(1, per_step)
    if reach < 1:
        raise Refused(f"{unit.name} has no AP left to move.")
    passable = walkable_now(world) & ~world.occupied()
    path = find_path(
        world,
        unit.cell,
        goal,
        passable,
        stairs_cost=stairs_extra,
        reach=reach,
        climb_cost=max(0, climb_ap - per_step),
    )
    if path is None:
        raise Refused(_why_unreachable(world, unit.cell, goal))
    costs = [
        per_step
        if a.floor == b.floor
        else (per_step + stairs_extra if is_stairs_step(world, a, b) else climb_ap)
        for a, b in itertools.pairwise(path)
    ]
    if sum(costs) > unit.ap:
        raise Refused(f"{unit.name} has {unit.ap} AP left; that move costs {sum(costs)}.")
    return path, costs


def _carry_extra(world: World, unit: Unit) -> int:
    """Extra AP per step for someone carrying a person."""
    return world.rules.carry.extra_ap_per_step if unit.carrying.person is not None else 0


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
        return sum(self.validate(world, command)[1])

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
            if world.stepped(unit) or not unit.can_act:
                break
        verb = "sneaked" if command.sneak else "walked"
        world.log(
            "moved",
            f"{unit.name} {verb} to {unit.cell}.",
            unit.cell,
            unit=unit.id,
            start=start.to_json() if start else None,
        )

    def options(self, world: World, unit: Unit) -> list[Move]:
        """Every cell the unit might reach this turn, walking and sneaking."""
        if unit.cell is None:
            return []
        here, moves = unit.cell, []
        free = world.terrain.walkable & ~world.occupied()
        for sneak in (False, True):
            per_step = move_mode(world, sneak)[0] + _carry_extra(world, unit)
            reach = unit.ap // max(1, per_step)
            if reach < 1:
                continue
            _floors, height, width = free.shape
            x0, x1 = max(0, here.x - reach), min(width, here.x + reach + 1)
            y0, y1 = max(0, here.y - reach), min(height, here.y + reach + 1)
            for f, y, x in np.argwhere(free[:, y0:y1, x0:x1]).tolist():
                cell = Cell(f, x + x0, y + y0)
                if cell != here:
                    moves.append(Move(unit.id, cell, sneak))
        return moves


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
