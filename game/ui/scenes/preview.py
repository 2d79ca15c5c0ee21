"""What the player is about to do, worked out before they do it: the path, its AP cost, the
cells a guard watches along it, who would hear, how far the noise carries, or why it cannot
be done.

Computed only when the pointed-at cell, the selection or the world changed, and the noise
forecast (the rules play the action on a copy of the world) comes from a per-version cache,
so pointing back at a cell costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from game.sim.commands import Command, Move
from game.sim.geometry import Cell
from game.sim.world import World
from game.ui.actions import ActionOption, option_for
from game.ui.render.knowledge import Forecast, Knowledge
from game.ui.telegraph import Reaction, Stop, Watcher, reactions, stop, watchers

#: The noise forecast of a command (None: the forecast overlay is off).
Hear = Callable[[Command], Forecast] | None


@dataclass(eq=False)
class Preview:
    """The outcome of pointing somewhere with the selected crew member."""

    label: str = ""
    command: Command | None = None
    path: list[Cell] = field(default_factory=list)
    cost: int = 0
    watched: list[Cell] = field(default_factory=list)
    heard: dict[int, int] = field(default_factory=dict)
    reason: str | None = None
    reach: np.ndarray | None = None  # [floor, y, x] level the noise arrives with
    reactions: list[Reaction] = field(default_factory=list)  # who hears, and does what
    watchers: list[Watcher] = field(default_factory=list)  # path cells a seen guard watches
    stop: Stop | None = None  # where a seen guard would cut the move short


def _with_forecast(preview: Preview, hear: Hear, world: World, knowledge: Knowledge) -> Preview:
    if hear is not None and preview.command is not None:
        found = hear(preview.command)
        preview.heard, preview.reach = found.heard, found.reach
        preview.reactions = reactions(world, knowledge, found)
        preview.stop = stop(world, knowledge, preview.command, found)
    return preview


def preview_move(
    world: World, knowledge: Knowledge, unit_id: int, goal: Cell, sneak: bool, hear: Hear
) -> Preview:
    unit = world.units.get(unit_id)
    if unit is None or unit.cell is None or not unit.can_act:
        return Preview(reason="Select a crew member who can act.")
    label = "Sneak" if sneak else "Walk"
    if goal == unit.cell:
        return Preview(label=label)
    command = Move(unit=unit.id, to=goal, sneak=sneak)
    planned = world.plan(command)
    if not planned.ok:
        return Preview(label=label, reason=planned.reason)
    path, costs = planned.plan
    watched = [c for c in path[1:] if knowledge.watched[c.index]]
    preview = Preview(label, command, path, sum(costs), watched)
    preview.watchers = watchers(world, knowledge, path)
    return _with_forecast(preview, hear, world, knowledge)


def preview_option(option: ActionOption, hear: Hear, world: World, knowledge: Knowledge) -> Preview:
    if option.command is None:
        return Preview(label=option.label, reason=option.reason)
    preview = Preview(label=option.label, command=option.command, cost=option.ap or 0)
    return _with_forecast(preview, hear, world, knowledge)


def preview_action(
    world: World,
    knowledge: Knowledge,
    unit_id: int,
    kind: str,
    cursor: Cell | None,
    sneak: bool,
    hear: Hear,
) -> Preview:
    unit = world.units.get(unit_id)
    if unit is None or unit.cell is None:
        return Preview(reason="Select a crew member who can act.")
    return preview_option(option_for(world, unit, kind, cursor, sneak), hear, world, knowledge)
