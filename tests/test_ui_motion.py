"""Motion for the rules' steps: walking figures, guards turning, doors swinging, the rope let
down and climbed. Each starts from what the rules did, ends, reaches the same end in the same
time at 60 and 144 frames a second, and changes nothing in the world."""

from __future__ import annotations

import math

import pygame
from rules_worlds import HOLE, jeweler, place
from ui_helpers import hall, make_app

from game.asciiworld import build_world
from game.sim import Cell, Climb, Facing, LowerRope, Move, OpenDoor
from game.sim.patrol import step_guard
from game.ui.art import art
from game.ui.render import people
from game.ui.render.anim import Animator, Pose
from game.ui.render.camera import Camera
from game.ui.render.knowledge import derive
from game.ui.render.mapview import MapView
from game.ui.render.swings import SWING_SECONDS

RATES = (60, 144)


def _played(world, act, rate: int, watch=None) -> tuple[float, list]:
    """Seconds of frames at ``rate`` until the animator is still after ``act(world)``, and
    what ``watch(animator)`` said at each frame; the world's hash is the same throughout."""
    animator = Animator()
    animator.sync(world)
    act(world)
    hashed = world.state_hash()
    animator.sync(world)
    seen, frames = [], 0
    while animator.moving() and frames < 10 * rate:
        animator.update(1 / rate)
        animator.sync(world)
        if watch is not None:
            seen.append(watch(animator))
        frames += 1
    assert world.state_hash() == hashed  # animating changed nothing
    return frames / rate, seen


def _same_time(times: list[float]) -> None:
    assert times[0] > 0.1 and abs(times[0] - times[1]) <= 1 / 60


def test_a_walker_strides_the_way_it_goes_and_stands_when_it_arrives(tmp_path):
    make_app(tmp_path)
    walks = (
        (Cell(0, 1, 2), Cell(0, 6, 2), "stride", False),  # east
        (Cell(0, 6, 2), Cell(0, 1, 2), "stride", True),  # west: mirrored
        (Cell(0, 3, 1), Cell(0, 3, 3), "step", False),  # down the screen
    )
    for start, goal, frames, mirrored in walks:
        times = []
        for rate in RATES:
            world = hall()
            tony = world.crew()[0]
            world.move_unit(tony, start)

            def walk(w, t=tony, g=goal):
                assert w.apply(Move(t.id, g, False))

            time, poses = _played(world, walk, rate, lambda a, t=tony: a.pose(t.id))
            times.append(time)
            drawn = {p.frame for p in poses if p.frame}
            assert drawn == {f"{frames}0", f"{frames}1"}
            assert all(p.mirrored == mirrored for p in poses if p.frame)
            assert poses[-1] == Pose()  # arrived: the standing picture
        _same_time(times)
        frame = people.picture_for(tony, 40, Pose(f"{frames}0", mirrored))
        assert frame is not None and frame is not people.picture_for(tony, 40)
        assert f"tony_{frames}0" in art().sprites


def test_a_guard_turning_is_drawn_turning_not_jumping():
    times = []
    for rate in RATES:
        world = build_world("#######\n#T...G#\n#######", facing={"Guard 1": Facing.W})
        guard = world.guards()[0]

        def turn(w, g=guard):
            g.facing = Facing.N  # the rules turn it a quarter (as a patrol does)

        time, angles = _played(world, turn, rate, lambda a, g=guard: a.facing(g.id))
        times.append(time)
        between = [v for v in angles[:-1] if abs(v[0]) > 0.2 and abs(v[1]) > 0.2]
        assert between  # part way round: neither west nor north
        assert math.dist(angles[-1], Facing.N.vector) < 1e-9  # ends on the rules' facing
    _same_time(times)


def test_a_door_swings_open_for_the_crew_and_for_a_guard_on_its_round(tmp_path):
    make_app(tmp_path)
    world = hall()
    door = next(iter(world.doors.values()))
    times = []
    for rate in RATES:
        world = hall()
        tony = world.crew()[0]
        world.move_unit(tony, door.cell.offset(-1, 0))

        def open_it(w, t=tony):
            assert w.apply(OpenDoor(t.id, door.id))

        time, shares = _played(world, open_it, rate, lambda a: [s.share for s in a.doors.swinging])
        times.append(time)
        swung = [s[0] for s in shares if s]
        assert swung == sorted(swung) and 0 < swung[0] < 0.5 and swung[-1] > 0.9  # opening
    _same_time(times)
    assert abs(times[0] - SWING_SECONDS) <= 1 / 60

    guarded = build_world("##########\n#T..G+...#\n##########", facing={"Guard 1": Facing.E})
    guard, door = guarded.guards()[0], next(iter(guarded.doors.values()))
    _, shares = _played(guarded, lambda w: step_guard(w, guard, door.cell), 60,
                        lambda a: [s.opening for s in a.doors.swinging])  # fmt: skip
    assert shares[0] == [True] and door.open


def test_while_a_door_swings_the_map_shows_an_empty_doorway_then_the_open_door(tmp_path):
    make_app(tmp_path)
    world = hall()
    tony, door = world.crew()[0], next(iter(world.doors.values()))
    world.move_unit(tony, door.cell.offset(-1, 0))
    animator, view = Animator(), MapView()
    animator.sync(world)
    assert world.apply(OpenDoor(tony.id, door.id))
    animator.sync(world)
    animator.update(SWING_SECONDS / 3)
    screen = pygame.Surface((640, 200))
    camera = Camera(world.terrain.width, world.terrain.height, pygame.Rect(0, 0, 640, 200))
    camera.look_at(door.cell.x, door.cell.y, glide=False)
    knowledge = derive(world, 1)

    def door_pixels() -> bytes:
        view.draw(screen, camera, world, knowledge, 0, animator, cones=False)
        rect = camera.cell_rect(door.cell.x, door.cell.y)
        return pygame.image.tobytes(screen.subsurface(rect), "RGB")

    swinging = door_pixels()
    animator.update(SWING_SECONDS)
    assert not animator.moving()
    assert door_pixels() != swinging  # the leaf stopped moving and the picture shows the truth


def test_the_rope_is_let_down_then_a_climb_slides_along_it(tmp_path):
    make_app(tmp_path)
    times, climbs = [], []
    for rate in RATES:
        world = jeweler()
        tony = world.unit_named("Tony")
        world.set_map("holes", HOLE, True)
        place(world, "Tony", Cell(1, 5, 2))

        def lower(w, t=tony):
            assert w.apply(LowerRope(t.id, HOLE))

        watch = lambda a: (sorted(e.kind for e in a.effects.playing), a.effects.lowering())  # noqa: E731
        time, seen = _played(world, lower, rate, watch)
        times.append(time)
        assert seen[0] == (["coil", "rope"], frozenset({HOLE}))  # above and below the hole
        assert seen[-1] == ([], frozenset())

        place(world, "Tony", HOLE)

        def climb(w, t=tony):
            assert w.apply(Climb(t.id, up=False))

        time, places = _played(world, climb, rate, lambda a, t=tony: a.position(t.id))
        climbs.append(time)
        below = HOLE.offset(0, 0, -1)
        sliding = [p for p in places[:-1] if p[0] == below.floor]
        assert sliding and all(p[1] == below.x and p[2] < below.y for p in sliding)
        heights = [p[2] for p in sliding]
        assert heights == sorted(heights)  # down the rope
        assert places[-1] == (below.floor, float(below.x), float(below.y))
    _same_time(times)
    _same_time(climbs)
