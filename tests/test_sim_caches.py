"""What the rules keep to avoid redoing work must never change an answer: ``World.part_hashes``
always equals hashing the state from scratch, and a kept watch window equals one worked out
anew, whatever commands ran, on the world and its forks."""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_worlds import HOLE, drill_through, jeweler, place
from sim_scenarios import random_commands, scenario_world

from game.sim import Cell, EndTurn, Move, vision
from game.sim.entities import AlarmState, KitState
from game.sim.pathing import walkable_now
from game.sim.world import MAP_ARRAYS


def _hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _encode(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def from_scratch(world) -> dict[str, str]:
    """The part hashes worked out anew, nothing reused (the map arrays hashed again too)."""
    parts = world.state_parts()
    parts["map"] = {}
    for name in MAP_ARRAYS:
        array = np.ascontiguousarray(getattr(world, name))
        parts["map"][name] = _hash(f"{array.dtype.str}{array.shape}".encode() + array.tobytes())
    return {name: _hash(_encode(value)) for name, value in parts.items()}


def _check(world) -> None:
    hashes = world.part_hashes()
    assert hashes == from_scratch(world)
    assert world.state_hash() == _hash(_encode(hashes))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16), st.integers(1, 7))
def test_cached_hashes_equal_hashes_from_scratch(command_seed, world_seed, fork_every):
    world = scenario_world(world_seed)
    worlds = [world]
    for number, command in enumerate(random_commands(command_seed, 80, world), start=1):
        for each in worlds:
            each.apply(command)
            _check(each)
        if number % fork_every == 0:  # a fork shares the encodings, not the map digests
            worlds.append(worlds[-1].fork())
            _check(worlds[-1])
            worlds = worlds[-3:]


def test_hashes_follow_the_drill_on_the_world_and_its_fork():
    world = jeweler()
    mario = world.unit_named("Mario")
    place(world, "Mario", Cell(1, 5, 4))
    _check(world)
    before = world.fork()
    drill_through(world, mario.id, HOLE, umbrella=True)
    _check(world)
    _check(before)  # the fork did not see the hole: its own digests
    assert world.part_hashes()["map"] != before.part_hashes()["map"]
    assert world.holes[HOLE.index] and not before.holes[HOLE.index]
    twin = world.fork()
    twin.set_map("ropes", HOLE, True)
    _check(twin)
    _check(world)
    assert twin.part_hashes()["map"] != world.part_hashes()["map"]
    world.apply(EndTurn())
    _check(world)


def test_map_arrays_change_only_through_set_map():
    world = jeweler()
    with pytest.raises(ValueError):
        world.holes[HOLE.index] = True
    with pytest.raises(ValueError):
        world.fork().drilled[HOLE.index] = 3
    with pytest.raises(KeyError):
        world.set_map("walkable", HOLE, True)
    world.set_map("drilled", HOLE, 3)
    assert world.drilled[HOLE.index] == 3 and not world.drilled.flags.writeable
    _check(world)


def test_a_value_that_only_looks_the_same_is_encoded_again():
    """True == 1 == 1.0 in Python, but not in JSON: the reuse must tell them apart."""
    world = scenario_world(3)
    tony = world.unit_named("Tony")
    for value in (1, True, 1.0, "1", [1], None, 1):
        tony.kit = KitState(loot=value)  # type: ignore[arg-type]  (any JSON value will do)
        _check(world)
    world.alarm = AlarmState(why=Cell(0, 1, 2))  # type: ignore[arg-type]  (a tuple subclass:
    _check(world)  # never reused, still hashed right)
    _check(world)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_kept_watch_windows_equal_fresh_ones(command_seed, world_seed):
    world = scenario_world(world_seed)
    for command in random_commands(command_seed, 60, world):
        world.apply(command)
        for guard in world.guards():
            if not vision.is_watching(guard):
                continue
            kept = vision.watch_window(world, guard)
            assert not kept[2].flags.writeable
            fresh_world = world.fork()
            fresh_world.cache = {}  # nothing kept: worked out from the state alone
            fresh = vision.watch_window(fresh_world, fresh_world.units[guard.id])
            assert kept[:2] == fresh[:2] and np.array_equal(kept[2], fresh[2])


def _replayed(world_seed: int, commands) -> str:
    """The state hash of a new world that played ``commands``: nothing shared, nothing kept."""
    world = scenario_world(world_seed)
    for command in commands:
        world.apply(command)
    return world.state_hash()


def _walkable_from_scratch(world, doors_passable: bool) -> np.ndarray:
    mask = world.terrain.walkable.copy()
    for door in world.doors.values():
        if not door.open and (door.locked or not doors_passable):
            mask[door.cell.index] = False
    return mask


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16), st.integers(0, 30))
def test_a_fork_and_its_world_play_on_independently(command_seed, world_seed, shared):
    """Forks share doors, map arrays and kept digests until one side changes them: each side
    must still end exactly where a world that played its commands alone ends."""
    commands = random_commands(command_seed, shared + 60, scenario_world(world_seed))
    world = scenario_world(world_seed)
    for command in commands[:shared]:
        world.apply(command)
    world.state_hash()
    fork = world.fork()
    mine, theirs = commands[shared : shared + 30], commands[shared + 30 :]
    for a, b in zip(mine, theirs, strict=True):
        world.apply(a)
        fork.apply(b)
        _check(world)
        _check(fork)
        for each in (world, fork):
            for passable in (False, True):
                kept = walkable_now(each, doors_passable=passable)
                assert np.array_equal(kept, _walkable_from_scratch(each, passable))
    assert world.state_hash() == _replayed(world_seed, commands[:shared] + mine)
    assert fork.state_hash() == _replayed(world_seed, commands[:shared] + theirs)
    # What the two worlds kept for each other (who the crew sees, who could hear) never
    # changed what either logged: the same events as a world that played alone.
    alone = scenario_world(world_seed)
    for command in commands[:shared] + theirs:
        alone.apply(command)
    assert [e.to_dict() for e in fork.events] == [e.to_dict() for e in alone.events]


def test_a_shared_door_is_changed_only_through_own_door():
    world = scenario_world(3)
    door = world.doors[min(world.doors)]
    was_open = door.open
    before = world.state_hash()
    fork = world.fork()
    with pytest.raises(RuntimeError, match="own_door"):
        world.doors[door.id].open = not was_open
    with pytest.raises(RuntimeError, match="own_door"):
        fork.doors[door.id].open = not was_open
    mine = world.own_door(world.doors[door.id])
    mine.open = not was_open
    assert world.doors[door.id] is mine and world.own_door(mine) is mine
    assert fork.doors[door.id].open is was_open and fork.state_hash() == before
    assert world.state_hash() != before
    _check(world)
    _check(fork)


def test_the_position_key_ignores_how_loudly_a_position_was_reached():
    """Walking or sneaking to the same cell, the turn ended: the same position (one key),
    but the debrief remembers the louder steps (two state hashes)."""
    loud, quiet = scenario_world(5), scenario_world(5)
    tony = loud.unit_named("Tony")
    assert tony.cell is not None
    goal = tony.cell.offset(0, 2)
    assert loud.apply(Move(tony.id, goal))
    assert quiet.apply(Move(tony.id, goal, sneak=True))
    for world in (loud, quiet):
        assert world.apply(EndTurn())
    assert loud.stats["noise_peak"] > quiet.stats["noise_peak"]
    assert loud.state_hash() != quiet.state_hash()
    assert loud.position_key() == quiet.position_key()
    assert loud.apply(Move(tony.id, goal.offset(1, 0)))
    assert loud.position_key() != quiet.position_key()  # another position, another key


def test_a_device_changed_in_a_fork_changes_only_the_forks_hash():
    """The devices part is kept until a device changes: in the world that changed it, and
    only there (a fork counts its own changes)."""
    from rules_worlds import jeweler

    from game.sim import alarms

    world = jeweler()
    _check(world)
    twin = world.fork()
    sensor = next(twin.devices_in_order("sensor"))
    alarms.trip(twin, sensor, "a test")
    _check(twin)
    _check(world)
    assert twin.part_hashes()["devices"] != world.part_hashes()["devices"]
    again = world.fork()
    bell = next(again.devices_in_order("bell"))
    alarms.smother(again, bell)
    _check(again)
    _check(world)
    _check(twin)


def test_a_shared_device_is_changed_only_through_own_device():
    """A fork shares the devices of its world: changing one in place would change both, so
    it is refused; ``own_device`` gives the world its own copy, the other keeps its own."""
    from dataclasses import replace

    import pytest
    from rules_worlds import jeweler

    world = jeweler()
    twin = world.fork()
    sensor = next(world.devices_in_order("sensor"))
    with pytest.raises(RuntimeError, match="own_device"):
        sensor.state = replace(sensor.state, tripped=True)
    mine = twin.own_device(twin.devices[sensor.id])
    mine.state = replace(mine.state, tripped=True)
    assert twin.devices[sensor.id].state.tripped and not world.devices[sensor.id].state.tripped
    _check(world)
    _check(twin)
