"""What the player is about to do, worked out before they do it: the path, its AP cost, the
cells a guard watches along it, who would hear, or why it cannot be done.

Computed at most once per frame and only when the pointed-at cell, the selection or the
world changed, because a noise forecast plays the action on a copy of the world.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.actions.movement import plan_move
from game.sim.commands import Command, Move
from game.sim.geometry import Cell
from game.sim.world import World
from game.ui.actions import ActionOption, option_for
from game.ui.render.knowledge import Knowledge, forecast


@dataclass
class Preview:
    """The outcome of pointing somewhere with the selected crew member."""

    label: str = ""
    command: Command | None = None
    path: list[Cell] = field(default_factory=list)
    cost: int = 0
    watched: list[Cell] = field(default_factory=list)
    heard: dict[int, int] = field(default_factory=dict)
    reason: str | None = None


def preview_move(
    world: World, knowledge: Knowledge, unit_id: int, goal: Cell, sneak: bool, hear: bool
) -> Preview:
    unit = world.units.get(unit_id)
    if unit is None or unit.cell is None or not unit.can_act:
        return Preview(reason="Select a crew member who can act.")
    label = "Sneak" if sneak else "Walk"
    if goal == unit.cell:
        return Preview(label=label)
    plan = plan_move(world, unit, goal, sneak)
    if isinstance(plan, str):
        return Preview(label=label, reason=plan)
    path, costs = plan
    command = Move(unit=unit.id, to=goal, sneak=sneak)
    watched = [c for c in path[1:] if knowledge.watched[c.index]]
    heard = forecast(world, command) if hear else {}
    return Preview(label, command, path, sum(costs), watched, heard)


def preview_option(world: World, option: ActionOption, hear: bool) -> Preview:
    if option.command is None:
        return Preview(label=option.label, reason=option.reason)
    heard = forecast(world, option.command) if hear else {}
    return Preview(label=option.label, command=option.command, cost=option.ap or 0, heard=heard)


def preview_action(
    world: World, unit_id: int, kind: str, cursor: Cell | None, sneak: bool, hear: bool
) -> Preview:
    unit = world.units.get(unit_id)
    if unit is None or unit.cell is None:
        return Preview(reason="Select a crew member who can act.")
    return preview_option(world, option_for(world, unit, kind, cursor, sneak), hear)
