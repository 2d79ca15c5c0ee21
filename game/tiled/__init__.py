"""Tiled maps -> the simulation's world, and validation with precise errors.

The public API::

    world = load_world("maps/jeweler.tmx", seed=3)      # raises MapError listing problems
    info = map_info("maps/jeweler.tmx")                 # title, briefing, objectives...
    report = check_map("maps/jeweler.tmx")              # every problem, never raises
    files = map_files("maps/jeweler.tmx")               # what a recording must hash
    lights = light_sources("maps/jeweler.tmx")          # the lamps, street lights, windows

Loading never runs code from a map and never opens a window: it reads XML with entity
guards (``defusedxml``) and decodes layers with NumPy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.sim.rules import Rules
from game.sim.world import Objective, World
from game.tiled.build import (
    Compiled,
    compile_map,
    crew_name,
    lights_of,
    mission_info,
    objectives,
)
from game.tiled.checks import run_checks
from game.tiled.errors import MapError, Problem
from game.tiled.lights import Light
from game.tiled.project import load_types, project_path
from game.tiled.tmx import read_map
from game.tiled.xmlfile import display_path

__all__ = [
    "CheckReport",
    "Light",
    "MapError",
    "MapInfo",
    "Problem",
    "check_map",
    "light_sources",
    "load_world",
    "map_files",
    "map_info",
]


@dataclass(frozen=True)
class MapInfo:
    """What menus, the briefing screen and ``check --json`` show about a map."""

    path: str
    name: str
    title: str
    briefing: str
    start_time: str
    deadline: str
    floors: int
    width: int
    height: int
    crew: list[str]
    objectives: list[Objective]
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "name": self.name,
            "title": self.title,
            "briefing": self.briefing,
            "start_time": self.start_time,
            "deadline": self.deadline,
            "floors": self.floors,
            "width": self.width,
            "height": self.height,
            "crew": self.crew,
            "objectives": [
                {"kind": o.kind, "text": o.text, "params": o.params} for o in self.objectives
            ],
            "counts": self.counts,
        }


@dataclass(frozen=True)
class CheckReport:
    """The validator's verdict on one map."""

    path: str
    problems: list[Problem]
    info: MapInfo | None  # None when the file could not be read at all

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "ok": self.ok,
            "summary": self.info.to_json() if self.info else None,
            "problems": [p.to_json() for p in self.problems],
        }


def _compile(path: Path | str, rules: Rules | None) -> Compiled:
    if rules is None:
        from game.content import load_rules

        rules = load_rules()
    return compile_map(read_map(Path(path)), load_types(), rules)


def _info(compiled: Compiled) -> MapInfo:
    mission = mission_info(compiled)
    values = compiled.mission
    counts = Counter(p.cls for p in compiled.placed.values())
    return MapInfo(
        path=compiled.tmap.shown,
        name=mission.name,
        title=mission.title,
        briefing=mission.briefing,
        start_time=values.get("start_time") or "",
        deadline=values.get("deadline") or "",
        floors=compiled.terrain.floors,
        width=compiled.terrain.width,
        height=compiled.terrain.height,
        crew=[crew_name(p) for p in compiled.of("crew")],
        objectives=objectives(compiled),
        counts=dict(sorted(counts.items())),
    )


def load_world(path: Path | str, *, seed: int | None = None, rules: Rules | None = None) -> World:
    """The playable world of a map; ``seed`` None takes the map's own ``seed`` property.

    Raises :class:`MapError` (one problem per line) if the map cannot be read or has any of
    the problems ``rififi check`` reports.
    """
    compiled = _compile(path, rules)
    world = run_checks(compiled, seed)
    if compiled.problems:
        raise MapError(compiled.problems)
    return world


def map_info(path: Path | str) -> MapInfo:
    """Title, briefing, clock, crew and objectives of a map, without validating it fully."""
    return _info(_compile(path, None))


def check_map(path: Path | str, *, rules: Rules | None = None) -> CheckReport:
    """Every problem of a map (and a summary when it could be read); never raises."""
    shown = display_path(Path(path))
    try:
        compiled = _compile(path, rules)
    except MapError as error:
        return CheckReport(shown, error.problems, None)
    run_checks(compiled)
    return CheckReport(shown, compiled.problems, _info(compiled))


def map_files(path: Path | str) -> list[Path]:
    """The map and every file it uses (tilesets, their images, templates, the project).

    In a fixed order, map first: a recording hashes them to notice an edited mission.
    """
    tmap = read_map(Path(path))
    return [*(f.resolve() for f in tmap.files), project_path().resolve()]


def light_sources(path: Path | str) -> list[Light]:
    """The light sources a map places (for drawing them: their light is in the terrain)."""
    return lights_of(_compile(path, None))
