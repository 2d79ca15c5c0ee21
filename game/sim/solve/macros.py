"""The solver's moves: a crew member's action, a walk towards where the outline sends them,
passing to the next crew member, ending the turn.

Within a turn the crew acts one at a time in a fixed order (by id): a node of the search is a
world and whose go it is. A crew member may act (any legal command of theirs but a move, a
wait or a peek: those add nothing a search can use), walk or sneak to one of a few cells of
their reach (the ones that bring them nearest their next waypoint, and the nearest ones a
guard will not watch in the coming world turn), or hand over to the next. After the last,
the turn ends. Every one of them is a list of ordinary commands, carried out by the rules on a
fork of the world: nothing here decides what a command does.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.sim import vision
from game.sim.actions.turn import world_turn
from game.sim.commands import Command, EndTurn, Move
from game.sim.contract import Observer
from game.sim.entities import Unit
from game.sim.geometry import Cell
from game.sim.pathing import reachable
from game.sim.world import World

#: Command kinds the search never gives as actions: a wait or a peek changes nothing it can
#: use, and moves are its own walks (below). The end of the turn is nobody's (``by_crew``).
SKIPPED = frozenset({"wait", "peek", "move"})
#: Doors worth opening (or picking) only when they are on the way to the unit's waypoint.
DOORS_ON_THE_WAY = frozenset({"open_door", "pick_lock"})
#: Actions searched only after the others (the second queue): shutting a door behind one,
#: putting someone down, and violence.
SIDE_ACTIONS = frozenset({"close_door", "drop", "knock_out", "shoot"})
#: Walks offered per crew member and node: the nearest to their waypoint, walking and
#: sneaking, and as many again among the cells no guard will watch next turn.
WALKS = 3


@dataclass(frozen=True)
class Macro:
    """Commands given one after the other, and whose go it is afterwards."""

    commands: tuple[Command, ...]
    next_member: int  # index in the crew order; len(order) means the turn ended
    preferred: bool = True


class _Watcher(Observer):
    """Notes every cell a guard watches as it walks (a forecast's own observer)."""

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask

    def unit_moved(self, world: World, unit: Unit, came_from: Cell | None) -> None:
        if unit.cell is not None and not unit.is_crew and vision.is_watching(unit):
            self.mask |= vision.watched_mask(world, unit)


def danger(world: World) -> np.ndarray:
    """``[floor, y, x]``: the cells a guard watches now or in the coming world turn (should
    the crew do nothing more): where a crew member ending the turn would be seen."""
    mask = np.zeros(world.terrain.shape, dtype=bool)
    for guard in world.guards():
        if vision.is_watching(guard):
            mask |= vision.watched_mask(world, guard)
    twin = world.fork()
    twin.add_observer(_Watcher(mask))
    if not twin.outcome.over:
        world_turn(twin)
    for guard in twin.guards():
        if vision.is_watching(guard):
            mask |= vision.watched_mask(twin, guard)
    return mask


def macros(
    world: World,
    order: tuple[int, ...],
    member: int,
    goal: np.ndarray | None,
    watched: np.ndarray,
    forbid: frozenset[str],
) -> list[Macro]:
    """The moves of the crew member whose go it is (``order[member]``)."""
    found: list[Macro] = []
    last = member + 1 >= len(order)
    nxt = len(order) if last else member + 1
    unit = world.units[order[member]]
    if unit.can_act:
        for rule in world.rulebook:  # the candidates of every rule but a move's (below)
            kind = rule.command.kind
            if kind in SKIPPED or kind in forbid or not rule.by_crew:
                continue
            for command in rule.candidates(world, unit):
                if kind in DOORS_ON_THE_WAY and not _on_the_way(world, unit, command, goal):
                    continue
                found.append(Macro((command,), member, kind not in SIDE_ACTIONS))
        found.extend(_walks(world, unit, member, goal, watched))
    if last:
        found.append(Macro((EndTurn(),), 0))
    else:
        found.append(Macro((), nxt))
        found.append(Macro((EndTurn(),), 0, preferred=False))
    return found


def _on_the_way(world: World, unit: Unit, command: Command, goal: np.ndarray | None) -> bool:
    """Whether the door ``command`` works on is nearer the unit's waypoint than the unit."""
    door = world.doors.get(getattr(command, "door", -1))
    if goal is None or door is None or unit.cell is None:
        return True
    return int(goal[door.cell.index]) < int(goal[unit.cell.index])


def _walks(
    world: World, unit: Unit, member: int, goal: np.ndarray | None, watched: np.ndarray
) -> list[Macro]:
    """Walks and sneaks to the cells nearest the unit's waypoint (``goal``, a field)."""
    if goal is None or unit.cell is None:
        return []
    reach = reachable(world, unit)
    here = int(goal[unit.cell.index])
    chosen: dict[Move, bool] = {}
    for sneak, costs in ((False, reach.walk), (True, reach.sneak)):
        cells = [c for c in costs if c != unit.cell]
        if not cells:
            continue
        scored = sorted(cells, key=lambda c: (int(goal[c.index]), costs[c], c))
        safe = [c for c in scored if not watched[c.index]]
        for cell in scored[:WALKS] + safe[:WALKS]:  # nearest, and nearest unwatched
            if int(goal[cell.index]) < here:
                chosen.setdefault(Move(unit.id, cell, sneak), True)
        # Nowhere nearer that no guard watches: the nearest unwatched cell, to wait in.
        if safe and int(goal[safe[0].index]) >= here:
            near = min(safe, key=lambda c: (costs[c], int(goal[c.index]), c))
            chosen.setdefault(Move(unit.id, near, sneak), False)
    return [Macro((m,), member, pref) for m, pref in chosen.items()]


__all__ = ["Macro", "danger", "macros"]
