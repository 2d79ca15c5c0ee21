"""Objectives, ways to lose, and the verdict at the end of each turn.

Objectives come from the map (``Objective.kind`` plus settings). Each kind has a check here;
rule modules register more with :func:`objective_check`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim.entities import Status
from game.sim.events import Outcome

if TYPE_CHECKING:
    from game.sim.world import Objective, World

ObjectiveCheck = Callable[["World", "Objective"], bool]
_CHECKS: dict[str, ObjectiveCheck] = {}


def objective_check(kind: str) -> Callable[[ObjectiveCheck], ObjectiveCheck]:
    """Register the function that says whether an objective of ``kind`` is met."""

    def register(check: ObjectiveCheck) -> ObjectiveCheck:
        _CHECKS[kind] = check
        return check

    return register


def is_met(world: World, objective: Objective) -> bool:
    return _CHECKS[objective.kind](world, objective)


@objective_check("escape")
def _everyone_out(world: World, objective: Objective) -> bool:
    """Every crew member still free has left through an exit."""
    crew = world.crew()
    escaped = [u for u in crew if u.status is Status.ESCAPED]
    free = [u for u in crew if u.status in (Status.ACTIVE, Status.ESCAPED)]
    return bool(escaped) and len(escaped) == len(free)


@objective_check("loot")
def _loot_out(world: World, objective: Objective) -> bool:
    """The crew carried out (escaped with) at least ``value`` worth of loot."""
    return loot_carried_out(world) >= int(objective.params.get("value", 1))


@objective_check("rescue")
def _rescued(world: World, objective: Objective) -> bool:
    """The person left with the crew by a car, or stands on a car's cell."""
    person = world.units.get(int(objective.params.get("person", -1)))
    if person is None:
        return False
    if person.status is Status.ESCAPED:
        return person.left_by == "car"
    cars = {d.cell for d in world.devices_in_order("car")}
    return person.cell is not None and person.cell in cars


def loot_carried_out(world: World) -> int:
    """Value of the loot held by crew members who got away."""
    return sum(u.kit.loot or 0 for u in world.crew() if u.status is Status.ESCAPED)


def evaluate(world: World) -> Outcome:
    """The verdict after a world turn: lost, won, or still going."""
    crew = world.crew()
    for unit in crew:
        if unit.status in (Status.CAUGHT, Status.DEAD):
            verb = "was caught" if unit.status is Status.CAUGHT else "was killed"
            return Outcome("lost", f"{unit.name} {verb}")
    if world.alarm.police_arrived:
        from game.sim.alarms import crew_inside

        inside = crew_inside(world)
        if inside:
            where = "on the grounds" if world.mission.police_search_grounds else "inside"
            return Outcome("lost", f"the police arrived with {', '.join(inside)} {where}")
    deadline = world.mission.deadline_minutes
    if deadline is not None and world.clock >= deadline:  # at opening time it is too late
        return Outcome("lost", "the deadline passed")
    on_map = [u for u in crew if u.status is Status.ACTIVE]
    if world.objectives and all(is_met(world, o) for o in world.objectives):
        return Outcome("won", "every objective met")
    if crew and not on_map:
        missing = [o.text for o in world.objectives if not is_met(world, o)]
        return Outcome("lost", "the crew left without: " + "; ".join(missing))
    return Outcome()
