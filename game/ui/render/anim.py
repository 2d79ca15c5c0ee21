"""Smooth movement: units glide from cell to cell instead of jumping (and the short effects
of :mod:`game.ui.render.effects` play where the rules just drilled, knocked out, woke...).

The world changes in whole steps; the animator remembers where each unit was drawn and walks
the picture along the path it took (the path the move preview computed, or a short path found
afterwards for guards), so a glance at the screen shows where everyone went.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.sim.geometry import Cell
from game.sim.pathing import find_path, walkable_now
from game.sim.world import World
from game.ui.render.effects import Effects

SPEED = 9.0  # cells per second
MAX_QUEUE = 40


@dataclass
class Track:
    """Where one unit is drawn, and the cells it still has to glide through."""

    floor: int
    x: float
    y: float
    last: Cell | None
    queue: list[Cell] = field(default_factory=list)


class Animator:
    """Display positions of all units, updated every frame."""

    def __init__(self) -> None:
        self.tracks: dict[int, Track] = {}
        self.hints: dict[int, list[Cell]] = {}  # unit id -> the path its last move took
        self.effects = Effects()

    def hint(self, unit_id: int, path: list[Cell]) -> None:
        """Tell the animator which path a unit is about to take (from the move preview)."""
        self.hints[unit_id] = path

    def sync(self, world: World) -> None:
        """Notice units that moved in the world and plan their glide; start the effects of
        what the world logged since."""
        self.effects.sync(world)
        for unit in world.units.values():
            cell = unit.cell
            track = self.tracks.get(unit.id)
            if track is None or track.last is None or cell is None:
                self.tracks[unit.id] = _still(unit.id, cell)
                continue
            if cell == track.last:
                continue
            path = self._path(world, unit.id, track.last, cell)
            track.queue = path[1:][-MAX_QUEUE:] if path else [cell]
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
        """Advance every glide and effect by ``dt`` seconds."""
        self.effects.update(dt)
        for track in self.tracks.values():
            budget = SPEED * dt
            while track.queue and budget > 0:
                nxt = track.queue[0]
                if nxt.floor != track.floor:
                    track.floor, track.x, track.y = nxt.floor, float(nxt.x), float(nxt.y)
                    track.queue.pop(0)
                    continue
                dx, dy = nxt.x - track.x, nxt.y - track.y
                dist = abs(dx) + abs(dy)
                if dist <= budget:
                    track.x, track.y = float(nxt.x), float(nxt.y)
                    track.queue.pop(0)
                    budget -= dist
                else:
                    track.x += dx / dist * budget
                    track.y += dy / dist * budget
                    budget = 0

    def moving(self) -> bool:
        """True while some unit still glides or an effect plays (the screen must be drawn
        at full rate)."""
        return bool(self.effects.playing) or any(track.queue for track in self.tracks.values())

    def position(self, unit_id: int) -> tuple[int, float, float] | None:
        track = self.tracks.get(unit_id)
        if track is None or track.last is None:
            return None
        return track.floor, track.x, track.y

    def finish(self) -> None:
        """Jump every glide to its end and stop the effects (tests, screenshots, a new
        floor)."""
        self.effects.finish()
        for track in self.tracks.values():
            if track.queue:
                end = track.queue[-1]
                track.floor, track.x, track.y = end.floor, float(end.x), float(end.y)
                track.queue.clear()


def _still(unit_id: int, cell: Cell | None) -> Track:
    if cell is None:
        return Track(0, 0.0, 0.0, None)
    return Track(cell.floor, float(cell.x), float(cell.y), cell)
