"""Smooth movement: units glide from cell to cell instead of jumping (and the short effects
of :mod:`game.ui.render.effects` play where the rules just drilled, knocked out, woke...).

The world changes in whole steps; the animator remembers where each unit was drawn and walks
the picture along the path it took (the path the move preview computed, or a short path found
afterwards for guards), so a glance at the screen shows where everyone went. On the way the
figure steps through its walk cycle (:func:`Animator.pose`), a step between floors that is not
a flight of stairs (the rules' ``is_stairs_step``) is a slide along the rope, and a guard's
facing turns toward the rules' ``Unit.facing`` instead of jumping (:func:`Animator.facing`).
Everything is measured in seconds (cells at ``SPEED`` a second, turns at ``TURN_SPEED``), so
60 and 144 frames a second reach the same end in the same time.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

from game.sim.geometry import Cell
from game.sim.pathing import find_path, is_stairs_step, walkable_now
from game.sim.world import World
from game.ui.render.effects import Effects
from game.ui.render.swings import DoorSwings

SPEED = 9.0  # cells per second
MAX_QUEUE = 40
TURN_SPEED = 2 * math.pi  # radians per second: a quarter turn in a quarter of a second
STRIDE_CELLS = 0.5  # cells walked per frame of the walk cycle (a cycle every two cells)
CLIMB_CELLS = 4.0  # a rope climb takes as long as gliding this many cells
CLIMB_RISE = 0.7  # cells: how high up the rope the climber starts or ends, on the floor below
#: The walk cycle: the drawn frame of each quarter (None: the standing picture).
CYCLE = ("0", None, "1", None)


@dataclass(frozen=True)
class Pose:
    """Which picture of a unit to draw now: a walk frame (``stride0``, ``step1``...) or None
    for its standing picture, mirrored when it walks to the left."""

    frame: str | None = None
    mirrored: bool = False


@dataclass
class Track:
    """Where one unit is drawn, and the cells it still has to glide through."""

    floor: int
    x: float
    y: float
    last: Cell | None
    queue: list[Cell] = field(default_factory=list)
    climbs: set[Cell] = field(default_factory=set)  # cells of the queue reached up a rope
    slid: float = 0.0  # how far along the rope climb it is, in cells of glide
    heading: tuple[int, int] = (0, 1)  # the way its current step goes
    walked: float = 0.0  # cells walked since it set off (the walk cycle's phase)
    angle: float | None = None  # the facing drawn, radians (None: not a guard)
    aim: float | None = None  # the rules' facing it turns toward


class Animator:
    """Display positions of all units, updated every frame."""

    def __init__(self) -> None:
        self.tracks: dict[int, Track] = {}
        self.hints: dict[int, list[Cell]] = {}  # unit id -> the path its last move took
        self.effects = Effects()
        self.doors = DoorSwings()

    def hint(self, unit_id: int, path: list[Cell]) -> None:
        """Tell the animator which path a unit is about to take (from the move preview)."""
        self.hints[unit_id] = path

    def sync(self, world: World) -> None:
        """Notice units that moved in the world and plan their glide; start the effects of
        what the world logged since."""
        self.effects.sync(world)
        self.doors.sync(world)
        for unit in world.units.values():
            cell = unit.cell
            track = self.tracks.get(unit.id)
            if track is None or track.last is None or cell is None:
                track = self.tracks[unit.id] = _still(unit.id, cell)
            if unit.is_guard:
                fx, fy = unit.facing.vector
                track.aim = math.atan2(fy, fx)
                if track.angle is None:
                    track.angle = track.aim
            if track.last is None or cell is None or cell == track.last:
                continue
            path = self._path(world, unit.id, track.last, cell)
            track.climbs = {b for a, b in itertools.pairwise(path) if _is_climb(world, a, b)}
            track.queue = path[1:][-MAX_QUEUE:]
            track.last = cell
        self.hints.clear()

    def _path(self, world: World, unit_id: int, start: Cell, goal: Cell) -> list[Cell]:
        hinted = self.hints.get(unit_id)
        if hinted and hinted[0] == start and goal in hinted:
            return hinted[: hinted.index(goal) + 1]
        if start.floor == goal.floor and abs(start.x - goal.x) + abs(start.y - goal.y) <= 12:
            passable = walkable_now(world, doors_passable=True)
            found = find_path(world, start, goal, passable, reach=12)
            if found:
                return found
        return [start, goal]

    def update(self, dt: float) -> None:
        """Advance every glide, climb, turn and effect by ``dt`` seconds."""
        self.effects.update(dt)
        self.doors.update(dt)
        for track in self.tracks.values():
            _turn(track, dt)
            budget = SPEED * dt
            while track.queue and budget > 0:
                nxt = track.queue[0]
                if nxt.floor != track.floor:
                    if nxt in track.climbs and track.slid + budget < CLIMB_CELLS:
                        track.slid += budget  # still on the rope
                        break
                    budget -= max(0.0, CLIMB_CELLS - track.slid) if nxt in track.climbs else 0
                    track.floor, track.x, track.y = nxt.floor, float(nxt.x), float(nxt.y)
                    track.queue.pop(0)
                    track.slid = 0.0
                    continue
                dx, dy = nxt.x - track.x, nxt.y - track.y
                dist = abs(dx) + abs(dy)
                if dist > 0:
                    track.heading = (_sign(dx), _sign(dy))
                moved = min(dist, budget)
                track.walked += moved
                if dist <= budget:
                    track.x, track.y = float(nxt.x), float(nxt.y)
                    track.queue.pop(0)
                    budget -= dist
                else:
                    track.x += dx / dist * budget
                    track.y += dy / dist * budget
                    budget = 0
            if not track.queue:
                track.walked = 0.0

    def moving(self) -> bool:
        """True while some unit still glides or turns, a door swings or an effect plays
        (the screen must be drawn at full rate)."""
        return (
            bool(self.effects.playing)
            or bool(self.doors.swinging)
            or any(track.queue or track.angle != track.aim for track in self.tracks.values())
        )

    def position(self, unit_id: int) -> tuple[int, float, float] | None:
        """Where the unit is drawn: its floor and fractional cell (up the rope, on the floor
        below, while it climbs)."""
        track = self.tracks.get(unit_id)
        if track is None or track.last is None:
            return None
        climb = _climbing(track)
        if climb is not None:
            nxt, share = climb
            up = nxt.floor > track.floor
            lift = CLIMB_RISE * (share if up else 1 - share)
            return min(track.floor, nxt.floor), track.x, track.y - lift
        return track.floor, track.x, track.y

    def pose(self, unit_id: int) -> Pose:
        """The walk-cycle frame of a unit: striding (seen from the side, mirrored to the
        left) when its step goes across the screen, stepping (seen from the front) up or down
        it or hand over hand on the rope, the standing picture when it stands."""
        track = self.tracks.get(unit_id)
        if track is None or not track.queue:
            return Pose()
        climb = _climbing(track)
        walked = climb[1] * CLIMB_CELLS if climb is not None else track.walked
        quarter = CYCLE[int(walked / STRIDE_CELLS) % len(CYCLE)]
        if quarter is None:
            return Pose()
        across = track.heading[0] != 0 and climb is None
        return Pose(("stride" if across else "step") + quarter, across and track.heading[0] < 0)

    def facing(self, unit_id: int) -> tuple[float, float] | None:
        """The way a guard is drawn facing, a unit vector easing toward the rules' facing."""
        track = self.tracks.get(unit_id)
        if track is None or track.angle is None:
            return None
        return math.cos(track.angle), math.sin(track.angle)

    def finish(self) -> None:
        """Jump every glide to its end and stop the effects (tests, screenshots, a new
        floor)."""
        self.effects.finish()
        self.doors.finish()
        for track in self.tracks.values():
            track.angle, track.walked, track.slid = track.aim, 0.0, 0.0
            if track.queue:
                end = track.queue[-1]
                track.floor, track.x, track.y = end.floor, float(end.x), float(end.y)
                track.queue.clear()


def _still(unit_id: int, cell: Cell | None) -> Track:
    if cell is None:
        return Track(0, 0.0, 0.0, None)
    return Track(cell.floor, float(cell.x), float(cell.y), cell)


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


def _turn(track: Track, dt: float) -> None:
    """Turn the drawn facing toward the rules' one the short way round, at ``TURN_SPEED``."""
    if track.angle is None or track.aim is None or track.angle == track.aim:
        return
    gap = (track.aim - track.angle + math.pi) % math.tau - math.pi
    step = TURN_SPEED * dt
    track.angle = track.aim if abs(gap) <= step else track.angle + math.copysign(step, gap)


def _is_climb(world: World, a: Cell, b: Cell) -> bool:
    """A step up or down a hole with a rope in it (a floor change that is not stairs)."""
    if a.floor == b.floor or (a.x, a.y) != (b.x, b.y) or is_stairs_step(world, a, b):
        return False
    upper = a if a.floor > b.floor else b
    return bool(world.holes[upper.index] and world.ropes[upper.index])


def _climbing(track: Track) -> tuple[Cell, float] | None:
    """The far end of the rope and how far along it (0 to 1), while the unit climbs."""
    if not track.queue or track.queue[0] not in track.climbs:
        return None
    nxt = track.queue[0]
    if nxt.floor == track.floor:
        return None
    return nxt, min(1.0, track.slid / CLIMB_CELLS)
