"""The alarm: the vibration sensor, the bell, the foam, door contacts and the police."""

from __future__ import annotations

from rules_worlds import HOLE, SECOND, drill_through, jeweler, place

from game.asciiworld import build_world
from game.sim import Cell, Climb, EndTurn, Foam, LowerRope, Move, OpenDoor


def _bell(world):
    return next(world.devices_in_order("bell"))


def _sensor(world):
    return next(world.devices_in_order("sensor"))


def test_the_sensor_trips_on_falling_plaster_but_not_on_careful_drilling():
    careful = jeweler()
    place(careful, "Mario", Cell(1, 5, 4))
    drill_through(careful, careful.unit_named("Mario").id, HOLE, umbrella=True)
    assert not _sensor(careful).state.tripped
    assert not careful.alarm.called

    careless = jeweler()
    place(careless, "Mario", Cell(1, 5, 4))
    drill_through(careless, careless.unit_named("Mario").id, HOLE, umbrella=False)
    assert _sensor(careless).state.tripped
    assert _bell(careless).state.ringing
    assert careless.alarm.called


def test_the_film_foam_the_bell_first_and_the_police_stay_away():
    world = jeweler(concierge=False)
    mario, tony = world.unit_named("Mario"), world.unit_named("Tony")
    place(world, "Mario", Cell(1, 5, 4))
    place(world, "Tony", Cell(1, 5, 2))
    drill_through(world, mario.id, HOLE, umbrella=True)
    world.apply(EndTurn())
    assert world.apply(LowerRope(tony.id, HOLE))
    assert world.apply(Move(tony.id, HOLE))
    assert world.apply(Climb(tony.id))
    assert tony.cell == Cell(0, 5, 3)
    world.apply(EndTurn())
    assert world.apply(Move(tony.id, Cell(0, 2, 4)))
    bell = _bell(world)
    assert world.apply(Foam(tony.id, bell.id))
    assert bell.state.smothered
    # Now even plaster crashing down trips the sensor, but the bell only clunks.
    world.apply(EndTurn())
    place(world, "Mario", Cell(1, 4, 4))
    drill_through(world, mario.id, SECOND, umbrella=False)
    assert _sensor(world).state.tripped
    assert not bell.state.ringing
    assert not world.alarm.called
    for _ in range(world.rules.alarm.police_delay + 2):
        world.apply(EndTurn())
    assert not any(e.kind == "police_arrived" for e in world.events)


def test_foam_after_the_bell_rang_silences_it_but_the_police_are_already_called():
    world = jeweler(concierge=False)
    place(world, "Mario", Cell(1, 5, 4))
    drill_through(world, world.unit_named("Mario").id, HOLE, umbrella=False)
    bell = _bell(world)
    tony = world.unit_named("Tony")
    place(world, "Tony", Cell(0, 2, 5))
    world.apply(EndTurn())
    assert any(n.kind == "bell" for n in world.noises)
    assert world.apply(Foam(tony.id, bell.id))
    world.apply(EndTurn())
    assert not any(n.kind == "bell" and n.turn == world.turn - 1 for n in world.noises)
    assert world.alarm.called
    while world.turn <= world.alarm.police_turn and not world.outcome.over:
        world.apply(EndTurn())
    assert world.outcome.status == "lost" and "police" in world.outcome.reason


def test_foam_needs_the_extinguisher_and_a_cell_next_to_the_bell():
    world = jeweler()
    bell = _bell(world)
    tony = world.unit_named("Tony")
    place(world, "Tony", Cell(0, 4, 4))
    refused = world.apply(Foam(tony.id, bell.id))
    assert not refused and "next to the bell" in refused.reason
    world2 = jeweler(traits={"Tony": {"items": ["rope"]}})
    place(world2, "Tony", Cell(0, 2, 4))
    refused = world2.apply(Foam(world2.unit_named("Tony").id, _bell(world2).id))
    assert not refused and "extinguisher" in refused.reason


def test_a_door_contact_trips_when_its_door_is_opened():
    world = build_world(
        """
        ##########
        #T.+Q.B..#
        ##########
        """
    )
    tony = world.unit_named("Tony")
    place(world, "Tony", Cell(0, 2, 1))
    door = world.door_at(Cell(0, 3, 1))
    assert world.apply(OpenDoor(tony.id, door.id))
    assert _sensor(world).state.tripped
    assert _bell(world).state.ringing
