"""Ending the player's turn and running the world's turn.

The world's turn has a fixed order: guards due on the map walk on (``arrivals``), crew on
exits leave, then every guard acts (by id; a
knocked-out one counts down to waking), then every device (by id), then the police come if
their time is up, then the clock moves on, the crew's AP refill and the verdict is taken.
Rule modules add what guards and devices do by registering in :data:`GUARD_BEHAVIOURS` and
:data:`DEVICE_BEHAVIOURS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.sim import alarms, arrivals, guards, outcome
from game.sim.commands import EndTurn
from game.sim.contract import Rule
from game.sim.entities import Device, GuardState, Status, Unit

if TYPE_CHECKING:
    from game.sim.world import World

#: What a guard does in the world's turn, by its state. States not listed stand still.
GUARD_BEHAVIOURS: dict[GuardState, Callable[[World, Unit], None]] = {
    GuardState.PATROL: guards.patrol_turn,
    GuardState.STANDING: guards.standing_turn,
    GuardState.SLEEPING: guards.sleeping_turn,
    GuardState.SUSPICIOUS: guards.suspicious_turn,
    GuardState.ALERTED: guards.alerted_turn,
}
#: What a device does in the world's turn, by its kind.
DEVICE_BEHAVIOURS: dict[str, Callable[[World, Device], None]] = {
    "bell": alarms.bell_turn,
}
#: Kinds of device a crew member leaves the map through.
EXIT_KINDS = ("exit", "car")


def crew_leave(world: World) -> None:
    """Crew members standing on an exit (or the car) at the end of the player's turn leave
    the map, with whoever they carry."""
    exits = {d.cell: d.kind for d in world.devices_in_order() if d.kind in EXIT_KINDS}
    for unit in world.crew():
        if unit.can_act and unit.cell in exits:
            kind = exits[unit.cell]
            world.log("escaped", f"{unit.name} slipped away.", unit.cell, unit=unit.id)
            unit.left_by = kind
            world.move_unit(unit, None)
            unit.status = Status.ESCAPED
            person = unit.carrying.person
            carried = world.units.get(person) if person is not None else None
            if carried is not None:
                carried.status = Status.ESCAPED
                carried.left_by = kind
                world.log("escaped", f"{carried.name} is taken away.", None, unit=carried.id)


def world_turn(world: World) -> None:
    """Everything that happens between two player turns."""
    arrivals.arrivals_turn(world)
    crew_leave(world)
    for guard in world.guards():
        if arrivals.waiting(guard):
            continue  # not on the map yet
        if guard.status is Status.ACTIVE:
            behaviour = GUARD_BEHAVIOURS.get(guard.state)
            if behaviour is not None:
                behaviour(world, guard)
        elif guard.ko_turns is not None:
            guards.recover(world, guard)
    for device in world.devices_in_order():
        behaviour = DEVICE_BEHAVIOURS.get(device.kind)
        if behaviour is not None:
            behaviour(world, device)
    alarms.police_turn(world)
    world.turn += 1
    world.clock += world.rules.clock.minutes_per_turn
    world.noises = [n for n in world.noises if n.turn >= world.turn - 1]
    world.refill_ap()
    world.outcome = outcome.evaluate(world)
    if world.outcome.over:
        world.log("mission_over", f"Mission {world.outcome.status}: {world.outcome.reason}.")


class EndTurnRule(Rule[EndTurn]):
    """The player's turn ends (always allowed while the mission goes on). It is nobody's
    command, so it is not among a unit's candidates; see :func:`game.sim.actions.legal_commands`.
    """

    command = EndTurn
    by_crew = False

    def execute(self, world: World, command: EndTurn, plan: None) -> None:
        world.log("turn_ended", f"End of turn {world.turn}.")
        world_turn(world)
