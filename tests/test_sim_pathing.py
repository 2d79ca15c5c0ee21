"""What a search asks of movement: ``reachable`` lists exactly the moves the rules accept, at
exactly the AP they cost, and the path search's kept graphs and pathfinders find the very
paths new ones find."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_worlds import HOLE, drill_through, jeweler, place
from sim_scenarios import random_commands, scenario_world

from game.sim import Cell, EndTurn, Move, World
from game.sim.actions.movement import plan_move
from game.sim.entities import Carrying
from game.sim.pathing import find_move_path, find_path, reachable, walkable_now


def _every_cell(world: World):
    floors, height, width = world.terrain.shape
    for f in range(floors):
        for y in range(height):
            for x in range(width):
                yield Cell(f, x, y)


def _agrees_with_move(world: World) -> int:
    """Check every crew member's reachable cells against Move's own validation, cell by cell,
    walking and sneaking; returns how many moves were accepted (so a test sees it checked
    something)."""
    accepted = 0
    for unit in world.crew():
        reach = reachable(world, unit)
        for cell in _every_cell(world):
            for sneak in (False, True):
                said = reach.cost(cell, sneak)
                if not unit.can_act:
                    assert said is None
                    continue
                refusal = world.check(Move(unit.id, cell, sneak=sneak))
                if refusal is not None:
                    assert said is None, f"{unit.name} to {cell}: {refusal}, reachable says {said}"
                    continue
                plan = plan_move(world, unit, cell, sneak)
                assert not isinstance(plan, str)
                assert said == sum(plan[1]), f"{unit.name} to {cell} (sneak {sneak})"
                accepted += 1
    return accepted


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16), st.integers(0, 40))
def test_reachable_is_exactly_what_move_accepts_and_costs(command_seed, world_seed, played):
    world = scenario_world(world_seed)
    for command in random_commands(command_seed, played, world):
        world.apply(command)
    _agrees_with_move(world)


def test_reachable_agrees_across_stairs_a_rope_and_while_carrying():
    """Sneaking or carrying someone, the cheapest paths by the path search's count can cost
    different AP (stairs and ropes are not dearer in proportion): reachable still gives the
    AP of the path the move takes."""
    world = jeweler()
    mario = world.unit_named("Mario")
    place(world, "Mario", Cell(1, 5, 4))
    drill_through(world, mario.id, HOLE, umbrella=True)
    world.apply(EndTurn())
    world.set_map("ropes", HOLE, True)  # the rope hangs through the finished hole
    world.apply(EndTurn())
    assert any(cell.floor == 0 for cell in reachable(world, mario).sneak)  # down the rope
    assert _agrees_with_move(world) > 0
    # Tony carries someone (as Carry leaves him): each step and the climb cost more.
    tony = world.unit_named("Tony")
    tony.carrying = Carrying(person=world.guards()[0].id)
    assert _agrees_with_move(world) > 0


def test_nothing_is_reachable_without_ap_or_for_someone_who_cannot_act():
    world = scenario_world(1)
    tony = world.unit_named("Tony")
    tony.ap = 0
    assert reachable(world, tony).walk == {} and reachable(world, tony).sneak == {}
    tony.ap = 1
    assert reachable(world, tony).sneak == {}  # a sneaking step costs 2
    assert all(cost == 1 for cost in reachable(world, tony).walk.values())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**32), st.integers(0, 2**16))
def test_kept_path_searches_find_the_paths_new_ones_find(command_seed, world_seed):
    world = scenario_world(world_seed)
    commands = random_commands(command_seed, 30, world)
    for command in commands:
        world.apply(command)
        passable = walkable_now(world) & ~world.occupied()
        for unit in world.crew():
            if unit.cell is None:
                continue
            for goal in random_goals(world, command_seed + unit.id):
                kept = find_path(world, unit.cell, goal, passable, reach=6, stairs_cost=2)
                fresh_world = world.fork()
                fresh_world.cache = {}  # a new graph and a new pathfinder
                fresh = find_path(fresh_world, unit.cell, goal, passable, reach=6, stairs_cost=2)
                assert kept == fresh
                # A move's own search, its masks made only around the mover, agrees too.
                move = find_move_path(world, unit.cell, goal, stairs_cost=2, reach=6, climb_cost=2)
                assert move == kept


def random_goals(world: World, seed: int) -> list[Cell]:
    floors, height, width = world.terrain.shape
    return [
        Cell((seed + i) % floors, (seed * 7 + i * 3) % width, (seed * 5 + i * 11) % height)
        for i in range(6)
    ]
