"""Telegraphed danger: what a hovered command would do, in words, before it is done.

Read from the rules' own forecast (:class:`~game.ui.render.knowledge.Forecast`: the command
played on a copy of the world), so nothing is estimated: who would hear it and what each
listener would then do ("wakes", "comes to look", "trips the bell"), which cells of a path a
guard watches, and where a move would be cut short because a guard sees the mover.

What the crew cannot know stays unknown: a listener or a watcher the crew does not see now
is left out entirely (not "someone unseen"), so the forecast never gives a hidden guard
away; the sensors and bells are fixtures the crew cased, so they are always named. A move
that an unseen guard would interrupt is shown as if nothing stopped it, which is the truth
as far as the crew can tell. No pygame: the tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim import hearing
from game.sim.commands import Command, Move
from game.sim.entities import GuardState
from game.sim.events import Event
from game.sim.geometry import Cell
from game.sim.world import World
from game.ui.render.knowledge import Forecast, Knowledge

#: What a listener's events say it does, in the order it does them: (words in an event
#: kind, what the player reads). First match per event; a listener's phrases are joined.
DOINGS: tuple[tuple[str, str], ...] = (
    ("woke", "wakes"),
    ("spotted", "sees the mover"),
    ("scream", "screams"),
    ("alerted", "raises the alarm"),
    ("suspicious", "comes to look"),
    ("sensor_tripped", "trips the bell"),
    ("bell_muffled", "trips, but the foam muffles the bell"),
)


@dataclass(frozen=True)
class Reaction:
    """One listener a command would reach, and what it would do about it."""

    listener: int
    name: str
    level: int  # what arrives at it
    threshold: int | None  # the level it reacts at (a sleeper's wake level)
    verb: str  # what reaching the threshold does: "wakes", "reacts", "trips"
    does: str  # "wakes and comes to look", "trips the bell", "hears it"

    @property
    def line(self) -> str:
        """'The landlady: hears it at 6 (wakes at 1), wakes and comes to look'."""
        limit = "" if self.threshold is None else f" ({self.verb} at {self.threshold})"
        return f"{self.name}: hears it at {self.level}{limit}, {self.does}"


def _doings(events: tuple[Event, ...], listener: int) -> str:
    """What the forecast's events say ``listener`` does, or "" if nothing but hearing."""
    found: list[str] = []
    for event in events:
        if listener not in (event.data.get("guard"), event.data.get("device")):
            continue
        for words, doing in DOINGS:
            if words in event.kind:
                if doing not in found:
                    found.append(doing)
                break
    if "raises the alarm" in found and "comes to look" in found:
        found.remove("comes to look")  # it came to look and found: the alarm says it all
    if not found:
        return ""
    return found[0] if len(found) == 1 else ", ".join(found[:-1]) + " and " + found[-1]


def reactions(world: World, knowledge: Knowledge, forecast: Forecast) -> list[Reaction]:
    """Every listener the crew may know of that the command would reach, by id."""
    out: list[Reaction] = []
    for listener, level in sorted(forecast.heard.items()):
        device = world.devices.get(listener)
        if device is not None:
            threshold = hearing.sensor_threshold(world, device) if device.kind == "sensor" else None
            name = device.name or device.kind
            out.append(
                Reaction(listener, name, level, threshold, "trips",
                         _doings(forecast.events, listener) or "feels it")
            )  # fmt: skip
            continue
        unit = world.units.get(listener)
        if unit is None or not knowledge.visible(unit):
            continue  # a guard the crew cannot see: not named, not hinted at
        sleeping = unit.is_guard and unit.state is GuardState.SLEEPING
        threshold = hearing.guard_threshold(world, unit) if unit.is_guard else None
        does = _doings(forecast.events, listener) or ("sleeps on" if sleeping else "hears it")
        verb = "wakes" if sleeping else "reacts"
        out.append(Reaction(listener, unit.name, level, threshold, verb, does))
    return out


@dataclass(frozen=True)
class Watcher:
    """A cell of a path a visible guard watches, and who."""

    cell: Cell
    guards: tuple[str, ...]


def watchers(world: World, knowledge: Knowledge, path: list[Cell]) -> list[Watcher]:
    """The cells of ``path`` (after the first) that a guard the crew sees watches now."""
    out: list[Watcher] = []
    cones = sorted(knowledge.cones.items())
    for cell in path[1:]:
        names = tuple(world.units[g].name for g, mask in cones if mask[cell.index])
        if names:
            out.append(Watcher(cell, names))
    return out


@dataclass(frozen=True)
class Stop:
    """Where a move would be cut short, and the sentence that says why."""

    cell: Cell
    why: str


def stop(world: World, knowledge: Knowledge, command: Command, forecast: Forecast) -> Stop | None:
    """Where the forecast's move ends before its goal because a guard the crew sees would
    spot the mover, or None (it arrives, or only an unseen guard would stop it)."""
    if not isinstance(command, Move) or forecast.actor_cell in (None, command.to):
        return None
    for event in forecast.events:
        if event.kind != "spotted" or event.data.get("unit") != command.unit:
            continue
        guard = world.units.get(event.data.get("guard", -1))
        if guard is not None and knowledge.visible(guard):
            mover = world.units[command.unit].name
            cell = forecast.actor_cell
            assert cell is not None
            return Stop(cell, f"Stops at ({cell.x}, {cell.y}): {guard.name} would see {mover}.")
    return None
