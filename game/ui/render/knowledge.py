"""What the screen derives from the world: fog, vision cones, guard intents, noise forecasts.

The rules own every one of these answers: ``game.sim.vision.visible_to_crew`` is the fog,
``game.sim.forecast`` says which cells each guard watches (``watched_cells``,
``watched_by_anyone``), where each guard goes next (``guard_intents``), what a command would
sound like (``noise_forecast``) and how far a noise carries (``noise_reach``). The screen
never estimates them, so what it shows is exactly what will happen.

They are not free (a guard-intent dry run is a few milliseconds, a forecast of a shot tens of
milliseconds on a big map), so nothing here runs per frame: a :class:`Knowledge` is made once
per session version (its guard intents and ring sizes only when first asked for), and a
:class:`Forecasts` remembers the forecast of every command hovered during that version.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from game.sim import forecast as rules
from game.sim import vision
from game.sim.actions.peek import peek_view
from game.sim.commands import Command
from game.sim.entities import Unit
from game.sim.events import Event, Noise
from game.sim.forecast import GuardIntent
from game.sim.geometry import Cell
from game.sim.world import World

#: Noises of the acting crew member whose reach a forecast shades (a long walk makes one
#: footstep per cell; the first few tell the player enough and keep a hover cheap).
REACH_NOISES = 6


@dataclass(eq=False)
class Knowledge:
    """Facts for the renderer and HUD about one version of the world (``[floor, y, x]``).

    ``fog`` False (replays, map pictures) shows everything: every guard and every cone.
    """

    world: World
    version: int
    fog: bool = True
    crew_sees: np.ndarray = field(init=False)
    cones: dict[int, np.ndarray] = field(init=False)  # guard id -> cells it watches
    watched: np.ndarray = field(init=False)  # cells a shown guard watches

    def __post_init__(self) -> None:
        world = self.world
        if self.fog:
            self.crew_sees = vision.visible_to_crew(world)
            self.crew_sees |= peeked_this_turn(world)
            # A hidden guard's cone would give it away: only the guards the crew sees.
            shown = [g.id for g in world.guards() if self.visible(g)]
            self.cones = rules.watched_cells(world, shown)
            self.watched = np.zeros(world.terrain.shape, dtype=bool)
            for mask in self.cones.values():
                self.watched |= mask
        else:
            self.crew_sees = np.ones(world.terrain.shape, dtype=bool)
            self.cones = rules.watched_cells(world)
            self.watched = rules.watched_by_anyone(world)
        self._ring_radius: dict[int, float] = {}

    def visible(self, unit: Unit) -> bool:
        """True if the crew may see this unit now (crew are always shown)."""
        if unit.cell is None:
            return False
        return unit.is_crew or bool(self.crew_sees[unit.cell.index])

    @cached_property
    def intents(self) -> dict[int, GuardIntent]:
        """Next world turn's path and facing of each guard the crew sees (a dry run of the
        turn: asked for once per version, only while the intent overlay is shown)."""
        shown = [g.id for g in self.world.guards() if self.visible(g)]
        return rules.guard_intents(self.world, shown) if shown else {}

    def ring_radius(self, noise: Noise) -> float:
        """How far (in cells) ``noise`` carried on its own floor, by the rules' spread."""
        key = id(noise)
        found = self._ring_radius.get(key)
        if found is None:
            levels = rules.noise_reach(self.world, noise.cell, noise.loudness)[noise.cell.floor]
            ys, xs = np.nonzero(levels > 0)
            found = float(np.hypot(xs - noise.cell.x, ys - noise.cell.y).max()) if len(xs) else 0
            self._ring_radius[key] = found
        return found


def peeked_this_turn(world: World) -> np.ndarray:
    """A ``[floor, y, x]`` mask of what the crew's peeks of this turn saw (the rules log a
    ``peeked`` event with the viewpoint; the view is the rules' own, ``peek_view``): the
    guards there stay shown until the turn ends, without the world keeping any of it."""
    mask = np.zeros(world.terrain.shape, dtype=bool)
    for event in reversed(world.events):
        if event.turn != world.turn:
            break
        if event.kind == "peeked" and event.cell is not None:
            x0, y0, fov = peek_view(world, event.cell)
            h, w = fov.shape
            mask[event.cell.floor, y0 : y0 + h, x0 : x0 + w] |= fov
    return mask


def derive(world: World, version: int, fog: bool = True) -> Knowledge:
    """Everything the overlays need for this state of the world."""
    return Knowledge(world, version, fog)


@dataclass(frozen=True)
class Forecast:
    """What a command would do, by the rules playing it on a copy of the world: who hears
    it and how loud, how far it carries, what happens (its events: who wakes, who sees the
    mover...) and where the acting crew member ends up (a move cut short stops early)."""

    heard: dict[int, int]  # listener id -> level
    reach: np.ndarray | None  # [floor, y, x] level the acting unit's noises arrive with
    events: tuple[Event, ...] = ()
    actor_cell: Cell | None = None  # where the actor stands afterwards


class Forecasts:
    """The rules' noise forecast of each hovered command, remembered for the version."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._key: tuple[World, int] | None = None  # the world itself: an id may be reused
        self._found: OrderedDict[Command, Forecast] = OrderedDict()

    def get(self, world: World, version: int, command: Command) -> Forecast:
        if self._key != (world, version):
            self._key = (world, version)
            self._found.clear()
        found = self._found.get(command)
        if found is None:
            found = self._found[command] = forecast(world, command)
            if len(self._found) > self.size:
                self._found.popitem(last=False)
        return found


def forecast(world: World, command: Command) -> Forecast:
    """Who would hear ``command`` and what would happen (the rules play it on a copy of the
    world, :meth:`World.fork`, as ``game.sim.forecast.noise_forecast`` does), and the reach
    of the first noises the acting crew member would make."""
    if world.outcome.over:
        return Forecast({}, None)
    twin = world.fork()
    before = {id(noise) for noise in twin.noises}
    result = twin.apply(command)
    if not result:  # refused: it changed nothing, and makes no sound
        return Forecast({}, None)
    noises = [noise for noise in twin.noises if id(noise) not in before]
    heard: dict[int, int] = {}
    for noise in noises:
        for listener, level in noise.heard_by.items():
            heard[listener] = max(heard.get(listener, 0), level)
    actor = getattr(command, "unit", None)
    own = list({(n.cell, n.loudness): n for n in noises if n.source == actor}.values())
    reach = None
    for noise in own[:REACH_NOISES]:
        levels = rules.noise_reach(world, noise.cell, noise.loudness)
        reach = levels if reach is None else np.maximum(reach, levels)
    mover = twin.units.get(actor) if isinstance(actor, int) else None
    return Forecast(heard, reach, result.events, mover.cell if mover is not None else None)
