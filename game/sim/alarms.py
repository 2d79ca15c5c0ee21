"""Sensors, bells and the police.

A sensor trips once: a vibration sensor when a noise reaches its cell at its threshold, a
door contact when its door is opened. A tripped sensor sets off the bell it is wired to
(``traits.bell``) unless that bell was smothered with foam; a sensor wired to no bell is a
silent alarm. A ringing bell makes a loud noise every world turn. The first alarm (a bell, or
a guard who saw the crew) calls the police: they arrive ``police_delay`` turns later, and if
any crew member is still inside then (or anywhere on the map, for a mission whose police
search the grounds), the mission is lost. Foam stops a bell for good, but a
call already made is not taken back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from game.sim.entities import AlarmState, Device, Status

if TYPE_CHECKING:
    from game.sim.events import Noise
    from game.sim.world import World


def police_delay(world: World) -> int:
    """Turns from the alarm to the police: the map's ``police_delay``, else the rules'."""
    return int(world.mission.police_delay or world.rules.alarm.police_delay)


def raise_alarm(world: World, why: str) -> None:
    """Call the police (once per mission)."""
    if world.alarm.called:
        return
    due = world.turn + police_delay(world)
    world.alarm = AlarmState(raised=world.turn, police_turn=due, why=why)
    world.count("alarms")
    world.log(
        "police_called",
        f"The police are called ({why}); they will come at turn {due}.",
        police_turn=due,
    )


def trip(world: World, sensor: Device, why: str) -> None:
    """A sensor goes off: its bell rings (unless smothered) and the police are called."""
    if sensor.state.tripped:
        return
    sensor = world.own_device(sensor)
    sensor.state = replace(sensor.state, tripped=True)
    world.log(
        "sensor_tripped",
        f"The {sensor.name or 'sensor'} trips ({why}).",
        sensor.cell,
        device=sensor.id,
    )
    bell = world.devices.get(sensor.traits.bell) if sensor.traits.bell is not None else None
    if bell is None or bell.kind != "bell":
        raise_alarm(world, f"the {sensor.name or 'sensor'} went off")
        return
    if bell.state.smothered:
        world.log(
            "bell_muffled",
            f"The {bell.name or 'bell'} gives a muffled clunk under the foam.",
            bell.cell,
            device=bell.id,
        )
        return
    if not bell.state.ringing:
        bell = world.own_device(bell)
        bell.state = replace(bell.state, ringing=True)
        world.log(
            "bell_ringing", f"The {bell.name or 'bell'} starts ringing!", bell.cell, device=bell.id
        )
    raise_alarm(world, f"the {bell.name or 'bell'} rang")


def sensor_heard(world: World, sensor: Device, noise: Noise, level: int) -> None:
    """A vibration sensor felt a noise at or above its threshold."""
    trip(world, sensor, f"{noise.kind}, level {level}")


def door_contacts(world: World, noise: Noise) -> None:
    """A door noise at a contact's door while the door stands open: the contact trips."""
    if noise.kind != "door":
        return
    door = world.door_at(noise.cell)
    if door is None or not door.open:
        return
    for sensor in world.devices_in_order("sensor"):
        if sensor.traits.sensor == "door_contact" and sensor.traits.door == door.id:
            trip(world, sensor, f"the {door.name} was opened")


def contacts_on(world: World, door_id: int) -> list[Device]:
    """The door contacts wired to a door (they trip when it is opened), by id."""
    return [
        sensor
        for sensor in world.devices_in_order("sensor")
        if sensor.traits.sensor == "door_contact" and sensor.traits.door == door_id
    ]


def bell_turn(world: World, bell: Device) -> None:
    """A ringing, unsmothered bell rings again: a loud noise every world turn."""
    if bell.state.ringing and not bell.state.smothered:
        loudness = int(bell.traits.loudness or world.rules.noise.bell_loudness)
        world.emit_noise(bell.cell, loudness, "bell", bell.id)


def smother(world: World, bell: Device) -> None:
    """Foam fills the bell: it is silent for good, whatever trips later."""
    was_ringing = bell.state.ringing
    bell = world.own_device(bell)
    bell.state = replace(bell.state, smothered=True, ringing=False)
    world.log(
        "bell_smothered",
        f"The {bell.name or 'bell'} is full of foam"
        + (" and falls silent." if was_ringing else "."),
        bell.cell,
        device=bell.id,
    )


def police_turn(world: World) -> None:
    """At the end of the world's turn: the police arrive when their time has come."""
    due = world.alarm.police_turn
    if due is None or world.alarm.police_arrived or world.turn < due:
        return
    world.alarm = replace(world.alarm, police_arrived=world.turn)
    world.log("police_arrived", "The police arrive!")


def crew_inside(world: World) -> list[str]:
    """Names of crew members the arriving police find: those still in play inside (not on
    an outdoor cell), or anywhere on the map where the mission says the police search the
    grounds too (``police_search_grounds``: the country house's)."""
    grounds = world.mission.police_search_grounds
    return [
        u.name
        for u in world.crew()
        if u.status is Status.ACTIVE
        and u.cell is not None
        and (grounds or not world.terrain.outdoor[u.cell.index])
    ]
