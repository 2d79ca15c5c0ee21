"""Forecasts for the screen: what a command would sound like, where guards go, what they see.

Pure functions: none of them changes the world (they work on :meth:`World.fork`, a cheap
copy), so the interface may call them on every mouse move. A forecast is exactly what happens
when the command is then carried out, because it *is* that command carried out, on a copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from game.sim import arrivals, hearing, vision
from game.sim.actions.turn import world_turn
from game.sim.contract import Observer
from game.sim.entities import GuardState, Status
from game.sim.geometry import Cell, Facing

if TYPE_CHECKING:
    from game.sim.commands import Command
    from game.sim.entities import Unit
    from game.sim.events import Noise
    from game.sim.world import World


def noise_forecast(world: World, command: Command) -> list[Noise]:
    """Every noise ``command`` would make now, in order, each with ``heard_by``
    (listener id -> level) filled in. Empty when the command would be refused.

    This includes what the noises set off (a guard's shout, a shot fired back) and, for an
    end of turn, every noise of the world's turn.
    """
    if world.outcome.over:
        return []
    twin = world.fork()
    before = {id(noise) for noise in twin.noises}
    if not twin.apply(command):  # refused: it changed nothing, and makes no sound
        return []
    return [noise for noise in twin.noises if id(noise) not in before]


@dataclass(frozen=True)
class GuardIntent:
    """Where a guard will go in the next world turn (if the player ends the turn now)."""

    guard: int
    path: tuple[Cell, ...]  # from where it stands now; one cell when it stays put
    facing: Facing  # the way it will face at the end
    state: GuardState  # its frame of mind at the end
    status: Status

    def to_dict(self) -> dict[str, object]:
        return {
            "guard": self.guard,
            "path": [c.to_json() for c in self.path],
            "facing": self.facing.value,
            "state": self.state.value,
            "status": self.status.value,
        }


class _PathRecorder(Observer):
    """Notes each cell the guards it follows are put on (a forecast's own observer)."""

    def __init__(self, paths: dict[int, list[Cell]]) -> None:
        self.paths = paths

    def unit_moved(self, world: World, unit: Unit, came_from: Cell | None) -> None:
        if unit.id in self.paths and unit.cell is not None:
            self.paths[unit.id].append(unit.cell)


def guard_intents(world: World, guard_ids: list[int] | None = None) -> dict[int, GuardIntent]:
    """Each guard's path and facing for the next world turn, by a dry run of that turn.

    ``guard_ids`` limits the answer (e.g. to the guards the crew can see now). A guard not on
    the map yet (see ``arrivals``) has an intent only when it walks on in that turn: its path
    then starts at the cell where it appears.
    """
    twin = world.fork()
    paths: dict[int, list[Cell]] = {
        g.id: [g.cell] if g.cell is not None else []
        for g in twin.guards()
        if g.cell is not None or arrivals.waiting(g)
    }
    twin.add_observer(_PathRecorder(paths))
    if not twin.outcome.over:
        world_turn(twin)
    walked = {gid for gid, path in paths.items() if path}
    wanted = walked if guard_ids is None else set(guard_ids) & walked
    return {
        gid: GuardIntent(
            gid,
            tuple(paths[gid]),
            twin.units[gid].facing,
            twin.units[gid].state,
            twin.units[gid].status,
        )
        for gid in sorted(wanted)
    }


def watched_cells(world: World, guard_ids: list[int] | None = None) -> dict[int, np.ndarray]:
    """``{guard id: [floor, y, x] bool mask}`` of the cells each awake guard watches now.

    Sleeping, knocked-out and dead guards watch nothing and are left out.
    """
    out: dict[int, np.ndarray] = {}
    for guard in world.guards():
        if (guard_ids is None or guard.id in guard_ids) and vision.is_watching(guard):
            out[guard.id] = vision.watched_mask(world, guard)
    return out


def watched_by_anyone(world: World) -> np.ndarray:
    """One ``[floor, y, x]`` mask: the cells at least one guard watches now."""
    mask = np.zeros(world.terrain.shape, dtype=bool)
    for guard in world.guards():
        if vision.is_watching(guard):
            assert guard.cell is not None
            x0, y0, window = vision.watch_window(world, guard)
            h, w = window.shape
            mask[guard.cell.floor, y0 : y0 + h, x0 : x0 + w] |= window
    return mask


def noise_reach(world: World, cell: Cell, loudness: int) -> np.ndarray:
    """A ``[floor, y, x]`` int array: the level a noise made at ``cell`` arrives with in
    every cell (0 where it does not carry). For the overlay of how far a noise carries."""
    levels = np.zeros(world.terrain.shape, dtype=np.int16)
    if loudness < 1 or not world.in_bounds(cell):
        return levels
    floor0, x0, y0, window = hearing.spread(world, cell, loudness)
    d, h, w = window.shape
    levels[floor0 : floor0 + d, y0 : y0 + h, x0 : x0 + w] = np.maximum(window, 0)
    return levels
