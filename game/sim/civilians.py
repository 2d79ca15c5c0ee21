"""Civilians: the concierge, the neighbour, the landlady. They never catch anyone.

A civilian (a guard-like unit whose role is listed in ``guard_states.civilians``) who is woken by a
noise, hears a shot or a scream, or sees the crew, screams (a loud noise of kind
``scream``, ``noise.scream_loudness``: every guard in earshot comes running) and calls the
police (the countdown of :func:`game.sim.alarms.raise_alarm`). From then on, in each world
turn, it runs ``guard_states.flee_steps`` cells away from the crew it knows of, or stays
hidden where it is when it has nowhere further to go. It never catches, never chases.

Below :mod:`game.sim.guards`, which hands civilians over to these functions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from game.sim import alarms
from game.sim.entities import GuardState, Unit
from game.sim.geometry import CARDINAL_STEPS, Cell
from game.sim.pathing import walkable_now
from game.sim.patrol import step_guard

if TYPE_CHECKING:
    from game.sim.world import World


def is_civilian(world: World, unit: Unit) -> bool:
    """True for a unit the rules count as a civilian (by role, ``guard_states.civilians``)."""
    return unit.is_guard and unit.role in world.rules.guard_states.civilians


def raise_the_alarm(world: World, civilian: Unit, cell: Cell, why: str) -> None:
    """The civilian knows the crew is here (``why``: "is woken by footsteps", "spotted
    Jo"): it screams and calls the police. It does not give chase."""
    assert civilian.cell is not None
    civilian.state = GuardState.ALERTED
    civilian.mind = replace(
        civilian.mind,
        target=None,
        target_level=None,
        target_turn=None,
        search=None,
        searching=False,
        last_seen=cell,
    )
    world.count("alerts")
    world.log(
        "civilian_alarm",
        f"{civilian.name} {why}, screams and calls the police.",
        cell,
        guard=civilian.id,
    )
    alarms.raise_alarm(world, f"{civilian.name} called the police")
    world.emit_noise(civilian.cell, world.rules.noise.scream_loudness, "scream", civilian.id)


def flee_turn(world: World, civilian: Unit) -> None:
    """Run away from the crew: each step to the free neighbouring cell farthest from the
    nearest crew member it knows of (those on its floor, else where it saw them last);
    nowhere farther to go: it hides where it is."""
    if civilian.cell is None:
        return
    danger = [
        u.cell
        for u in world.crew()
        if u.can_act and u.cell is not None and u.cell.floor == civilian.cell.floor
    ]
    last = civilian.mind.last_seen
    if not danger and last is not None and last.floor == civilian.cell.floor:
        danger = [last]
    if not danger:
        return
    passable = walkable_now(world, doors_passable=True) & ~world.occupied()
    for _ in range(world.rules.guard_states.flee_steps):
        here = civilian.cell
        assert here is not None
        best, best_distance = None, _distance(here, danger)
        for dx, dy in CARDINAL_STEPS:
            cell = here.offset(dx, dy)
            if not world.in_bounds(cell) or not passable[cell.index]:
                continue
            distance = _distance(cell, danger)
            if distance > best_distance:
                best, best_distance = cell, distance
        if best is None or not step_guard(world, civilian, best):
            return
        passable[here.index], passable[best.index] = True, False


def _distance(cell: Cell, danger: list[Cell]) -> int:
    return min(max(abs(cell.x - d.x), abs(cell.y - d.y)) for d in danger)
