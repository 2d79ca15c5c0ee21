"""What the screen derives from the world: fog, vision cones, guard intents, noise forecasts.

The rules own these answers (``game.sim.forecast``: ``watched_cells``, ``guard_intents``,
``noise_forecast``; ``game.sim.vision`` for what the crew sees). This module calls them when
they exist and otherwise falls back to a close estimate, so the screen works on any version
of the rules. Results are cached per session version: they are computed once per change,
never per frame.
"""

from __future__ import annotations

import copy
import importlib
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import tcod.constants
import tcod.map
import tcod.path

from game.sim.commands import Command
from game.sim.entities import GuardState, Status, Unit
from game.sim.geometry import Cell, Facing
from game.sim.world import World

CREW_SIGHT = 12
GUARD_SIGHT = 7
GUARD_SIGHT_DARK = 3


def _rule(module: str, name: str) -> Callable[..., Any] | None:
    """A function of the rules if this version has it (they are built in parallel)."""
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    return found if callable(found) else None


def fov(world: World, origin: Cell, radius: int) -> np.ndarray:
    """Cells of ``origin``'s floor in plain sight within ``radius`` (``[y, x]`` mask)."""
    transparent = ~world.blocks_sight()[origin.floor]
    return tcod.map.compute_fov(
        transparent,
        (origin.y, origin.x),
        radius,
        light_walls=True,
        algorithm=tcod.constants.FOV_SYMMETRIC_SHADOWCAST,
    )


def guard_sees_anything(guard: Unit) -> bool:
    return (
        guard.cell is not None
        and guard.status is Status.ACTIVE
        and guard.state is not GuardState.SLEEPING
    )


def cone(world: World, guard: Unit) -> np.ndarray:
    """A guard's view as the fallback draws it: a 90° cone ahead plus the adjacent cells."""
    assert guard.cell is not None
    reach = int(guard.traits.get("vision") or GUARD_SIGHT)
    seen = fov(world, guard.cell, reach)
    height, width = seen.shape
    ys, xs = np.mgrid[0:height, 0:width]
    dx, dy = xs - guard.cell.x, ys - guard.cell.y
    fx, fy = guard.facing.vector
    norm = math.hypot(fx, fy) or 1.0
    dist = np.hypot(dx, dy)
    ahead = (dx * fx + dy * fy) >= dist * (math.cos(math.radians(45)) * norm) - 1e-9
    lit = world.terrain.lit[guard.cell.floor]
    in_range = (dist <= reach) & (lit | (dist <= GUARD_SIGHT_DARK))
    near = (np.abs(dx) <= 1) & (np.abs(dy) <= 1)
    return seen & ((ahead & in_range) | near)


@dataclass
class Knowledge:
    """Per-version facts for the renderer and HUD (all ``[floor, y, x]`` masks)."""

    version: int
    crew_sees: np.ndarray
    watched: np.ndarray
    cones: dict[int, np.ndarray] = field(default_factory=dict)  # guard id -> [floor, y, x]
    intents: dict[int, tuple[list[Cell], Facing | None]] = field(default_factory=dict)

    def shown_cones(self, world: World) -> np.ndarray:
        """The cones of the guards the crew can see (a hidden guard's cone would give it
        away); the rules' combined answer is shown as it is."""
        if 0 in self.cones:
            return self.cones[0]
        mask = np.zeros_like(self.watched)
        for guard_id, cone_mask in self.cones.items():
            guard = world.units.get(guard_id)
            if guard is not None and self.visible(guard):
                mask |= cone_mask
        return mask

    def visible(self, unit: Unit) -> bool:
        """True if the crew may see this unit now (crew are always shown)."""
        if unit.cell is None:
            return False
        return unit.is_crew or bool(self.crew_sees[unit.cell.index])


def _crew_sight(world: World) -> np.ndarray:
    rule = _rule("game.sim.vision", "visible_to_crew") or _rule(
        "game.sim.vision", "crew_visible_cells"
    )
    if rule is not None:
        try:
            mask = np.asarray(rule(world), dtype=bool)
            if mask.shape == world.terrain.shape:
                return mask
        except Exception:  # a rule in progress must not take the screen down
            pass
    mask = np.zeros(world.terrain.shape, dtype=bool)
    for unit in world.crew():
        if unit.can_act and unit.cell is not None:
            mask[unit.cell.floor] |= fov(world, unit.cell, CREW_SIGHT)
    return mask


def _watched(world: World) -> tuple[np.ndarray, dict[int, np.ndarray]]:
    shape = world.terrain.shape
    per_guard: dict[int, np.ndarray] = {}
    rule = _rule("game.sim.forecast", "watched_cells")
    answer: Any = None
    if rule is not None:
        try:
            answer = rule(world)
        except Exception:
            answer = None
    if isinstance(answer, Mapping):
        for guard_id, mask in answer.items():
            array = np.asarray(mask, dtype=bool)
            if array.shape == shape:
                per_guard[int(guard_id)] = array
    elif answer is not None and np.asarray(answer).shape == shape:
        combined = np.asarray(answer, dtype=bool)
        return combined, {0: combined}
    else:
        watched_mask = _rule("game.sim.vision", "watched_mask")
        for guard in world.guards():
            if guard_sees_anything(guard):
                assert guard.cell is not None
                if watched_mask is not None:
                    try:
                        per_guard[guard.id] = np.asarray(watched_mask(world, guard), dtype=bool)
                        continue
                    except Exception:
                        pass
                mask = np.zeros(shape, dtype=bool)
                mask[guard.cell.floor] = cone(world, guard)
                per_guard[guard.id] = mask
    combined = np.zeros(shape, dtype=bool)
    for mask in per_guard.values():
        combined |= mask
    return combined, per_guard


def _intents(world: World) -> dict[int, tuple[list[Cell], Facing | None]]:
    rule = _rule("game.sim.forecast", "guard_intents")
    out: dict[int, tuple[list[Cell], Facing | None]] = {}
    if rule is not None:
        try:
            answer = rule(world)
            items = answer.items() if isinstance(answer, Mapping) else enumerate(answer)
            for key, intent in items:
                guard_id = int(getattr(intent, "guard", getattr(intent, "unit", key)))
                path = getattr(intent, "path", getattr(intent, "cells", intent))
                cells = [Cell(*c) for c in path] if isinstance(path, list | tuple) else []
                facing = getattr(intent, "facing", None)
                out[guard_id] = (cells, Facing(facing) if facing else None)
            return out
        except Exception:
            out = {}
    from game.sim.patrol import patrol_loop

    steps = int(world.rules.guards.steps_per_turn)
    for guard in world.guards():
        if guard.cell is None or guard.state is not GuardState.PATROL or not guard.route:
            continue
        loop = patrol_loop(world, guard)
        if len(loop) < 2:
            continue
        start = loop.index(guard.cell) if guard.cell in loop else guard.route_pos % len(loop)
        cells = [guard.cell] + [loop[(start + i) % len(loop)] for i in range(1, steps + 1)]
        last, before = cells[-1], cells[-2]
        out[guard.id] = (cells, Facing.toward(last.x - before.x, last.y - before.y))
    return out


def derive(world: World, version: int) -> Knowledge:
    """Everything the overlays need for this state of the world."""
    watched, cones = _watched(world)
    return Knowledge(version, _crew_sight(world), watched, cones, _intents(world))


# --- noise forecast -----------------------------------------------------------------------


def forecast(world: World, command: Command) -> dict[int, int]:
    """Who would hear the command's noises, and how loud: ``{listener id: level}``."""
    rule = _rule("game.sim.forecast", "noise_forecast")
    if rule is not None:
        try:
            return _heard(rule(world, command))
        except Exception:
            pass
    return _forecast_by_trial(world, command)


def _heard(answer: Any) -> dict[int, int]:
    """Read the rules' answer, whatever shape this version gives it."""
    out: dict[int, int] = {}
    if answer is None:
        return out
    if hasattr(answer, "heard_by"):
        answer = answer.heard_by
    if isinstance(answer, Mapping):
        items: Any = answer.items()
    else:
        items = []
        for entry in answer:
            if hasattr(entry, "heard_by"):
                items.extend(entry.heard_by.items())
            elif hasattr(entry, "listener"):
                items.append((entry.listener, getattr(entry, "level", 1)))
            else:
                items.append(tuple(entry)[:2])
    for listener, level in items:
        out[int(listener)] = max(out.get(int(listener), 0), int(level))
    return out


def _forecast_by_trial(world: World, command: Command) -> dict[int, int]:
    """Apply the command to a throw-away copy and read who heard its noises."""
    memo = {id(world.terrain): world.terrain, id(world.rules): world.rules}
    trial = copy.deepcopy(world, memo)
    first = len(trial.noises)
    if not trial.apply(command):
        return {}
    heard: dict[int, int] = {}
    for noise in trial.noises[first:]:
        levels = noise.heard_by or _estimate(trial, noise.cell, noise.loudness)
        for listener, level in levels.items():
            heard[listener] = max(heard.get(listener, 0), level)
    return heard


def _estimate(world: World, cell: Cell, loudness: int) -> dict[int, int]:
    """Noise spread on one floor (air 1, walls and doors their attenuation) for old rules."""
    cost = world.terrain.attenuation[cell.floor].astype(np.int32)
    cost[world.closed_doors()[cell.floor]] = 8
    cost = np.maximum(cost, 1)
    dist = np.full(cost.shape, np.iinfo(np.int32).max, dtype=np.int32)
    dist[cell.y, cell.x] = 0
    tcod.path.dijkstra2d(dist, cost, 1, 0, out=dist)
    heard = {}
    for guard in world.guards():
        if guard.cell is not None and guard.cell.floor == cell.floor:
            level = loudness - int(dist[guard.cell.y, guard.cell.x])
            threshold = int(guard.traits.get("hearing") or 1)
            if level >= threshold:
                heard[guard.id] = level
    return heard
