"""Guards who walk onto the map later: police patrols on a schedule.

A guard whose map gives it ``arrives`` (a turn number above 0, in ``traits``) and a route is
off the map until then. :func:`stage`, called once the world is built, takes it off: its
cell is None, its status stays ``active`` and ``offstage`` is set (all of it in the
state hash). Off the map it sees, hears and is seen by nothing, and no command can reach it.

At the start of the world turn whose number reaches ``arrives``, :func:`arrivals_turn` puts
each such guard (in id order) on the first waypoint of its route if that cell is free, else
it waits for the next world turn, and logs ``guard_arrived``. It then acts in the same world
turn like any other guard: a patrolling one looks and walks its round.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim.entities import Status, Unit

if TYPE_CHECKING:
    from game.sim.world import World


def arrives(guard: Unit) -> int:
    """The turn the map schedules the guard to walk on (0: there from the start)."""
    return guard.traits.arrives or 0


def waiting(guard: Unit) -> bool:
    """True for a guard that has not walked onto the map yet."""
    return guard.offstage


def stage(world: World) -> None:
    """Take every guard due later (``arrives`` above 0, with a route) off the map."""
    for guard in world.guards():
        if arrives(guard) > 0 and guard.route and guard.cell is not None:
            world.move_unit(guard, None)
            guard.offstage = True


def arrivals_turn(world: World) -> None:
    """Guards whose turn has come walk on at their route's first waypoint, if it is free."""
    for guard in world.guards():
        if not waiting(guard) or guard.status is not Status.ACTIVE:
            continue
        if world.turn < arrives(guard) or not guard.route:
            continue
        entry = guard.route[0]
        if world.occupant(entry) is not None:
            continue  # someone stands there: try again next world turn
        world.move_unit(guard, entry)
        guard.route_pos = 0
        guard.offstage = False
        world.log("guard_arrived", f"{guard.name} turns into the street.", entry, guard=guard.id)
