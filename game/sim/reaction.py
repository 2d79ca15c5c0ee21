"""Reaction fire: an armed, alerted guard shoots a crew member who moves or acts in its view.

It happens at once, in the player's turn (as Invisible Inc's overwatch): after each step a
crew member takes, and after each other command a crew member carries out where they stand.
Only guards alerted before the step or action fire: a guard who spots someone shouts first.
Each such guard in range (``shoot.range``) that sees the crew member's cell fires once (the
shot is loud, ``shoot.loudness``, so everyone in earshot comes); a crew member hit stops
moving, and one killed is no longer shot at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.sim import vision
from game.sim.bodies import fire
from game.sim.entities import GuardState, Status

if TYPE_CHECKING:
    from game.sim.entities import Unit
    from game.sim.world import World


def reaction_fire(world: World, unit: Unit) -> bool:
    """Every armed, alerted guard that sees ``unit`` now fires at it. True if one did."""
    here = unit.cell
    if here is None or not unit.can_act:
        return False
    if not could_fire(world):
        return False  # nobody armed and alerted (most steps of most games): nobody fires
    reach = world.rules.shoot.range
    fired = False
    # Guards are looked at in turn as they are now: a shot can alert the next one.
    for guard in world.guards():
        there = guard.cell
        if (
            not guard.armed
            or guard.state is not GuardState.ALERTED
            or guard.status is not Status.ACTIVE
            or there is None
            or there.floor != here.floor
            or max(abs(there.x - here.x), abs(there.y - here.y)) > reach
            or not vision.sees(world, guard, here)
        ):
            continue
        world.log(
            "reaction_fire",
            f"{guard.name} sees {unit.name} and fires at once.",
            here,
            guard=guard.id,
            unit=unit.id,
        )
        fire(world, guard, unit)
        fired = True
        if not unit.can_act:
            break
    return fired


def could_fire(world: World) -> tuple[int, ...]:
    """Ids of the armed, alerted, conscious guards on the map now (kept while no guard
    changes): when there are none, nobody fires."""
    return world.kept("could fire", _could_fire, guards_only=True)


def _could_fire(world: World) -> tuple[int, ...]:
    """Ids of the armed, alerted, conscious guards on the map (kept while no guard changes)."""
    return tuple(
        g.id
        for g in world.guards()
        if g.armed
        and g.state is GuardState.ALERTED
        and g.status is Status.ACTIVE
        and g.cell is not None
    )
