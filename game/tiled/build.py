"""Giving a read map its meaning: typed objects, units, devices, doors and the mission.

Everything a map can hold is listed in ``docs/objects.md``; this module follows it. It
collects problems instead of stopping at the first, so the validator can report them all,
and builds as much of the world as it can around them.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game.sim import arrivals
from game.sim.engine import new_world
from game.sim.entities import DEVICE_TRAITS, Device, Door, GuardState, Unit, UnitKind, UnitTraits
from game.sim.geometry import Cell, Facing
from game.sim.rules import Rules
from game.sim.terrain import Terrain, TileProps
from game.sim.world import MissionInfo, Objective, World
from game.tiled.errors import MapError, Problem
from game.tiled.floors import build_terrain, foreign_reason, split_floors
from game.tiled.lights import Light, light_up
from game.tiled.project import Types
from game.tiled.tmx import TiledMap, TiledObject

ITEMS = ("drill", "umbrella", "rope", "extinguisher", "gun", "lockpick")
DEVICE_CLASSES = ("exit", "car", "loot", "safe", "bell", "sensor")
ROUTE_SHAPES = ("polyline", "polygon")
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass
class Placed:
    """A typed object with where it is and its property values (defaults filled in)."""

    obj: TiledObject
    floor: int
    layer: str
    cell: Cell | None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def cls(self) -> str:
        return self.obj.cls or ("route" if self.obj.shape in ROUTE_SHAPES else "")


@dataclass
class Compiled:
    """A map with meaning: what the validator checks and the world is built from."""

    tmap: TiledMap
    types: Types
    rules: Rules
    problems: list[Problem]
    terrain: Terrain
    palette: list[TileProps]
    tile_ids: np.ndarray
    placed: dict[int, Placed]
    mission: dict[str, Any]

    def problem(self, what: str, fix: str, code: str, at: Placed | None = None) -> None:
        """Record a problem, located at an object when one is given."""
        where: dict[str, Any] = {}
        if at is not None:
            where = {
                "floor": at.floor,
                "layer": at.layer,
                "object_id": at.obj.id,
                "object_name": at.obj.name,
                "cell": (at.cell.x, at.cell.y) if at.cell else None,
            }
        self.problems.append(Problem(self.tmap.shown, what, fix, code, **where))

    def problem_at(
        self, what: str, fix: str, code: str, floor: int, cell: tuple[int, int]
    ) -> Problem:
        """A problem at a cell of a floor (no object)."""
        return Problem(self.tmap.shown, what, fix, code, floor=floor, cell=cell)

    def of(self, *classes: str) -> list[Placed]:
        """Placed objects of these classes, by id."""
        return [self.placed[i] for i in sorted(self.placed) if self.placed[i].cls in classes]


def compile_map(tmap: TiledMap, types: Types, rules: Rules) -> Compiled:
    """Floors, terrain, typed objects and the mission's settings, with every problem found."""
    problems: list[Problem] = []
    floors = split_floors(tmap, problems)
    foreign = foreign_reason(tmap, floors)
    if foreign is not None:
        raise MapError.one(
            tmap.shown,
            f"this is not a Rififi map: {foreign}",
            "start from 'rififi new DIR' and paint with assets/tilesets/terrain.tsx, or give "
            "your tiles the terrain properties of docs/map-design.md",
            "foreign_map",
        )
    terrain, palette, tile_ids = build_terrain(tmap, floors, problems)
    mission, issues = types.resolve("mission", tmap.props)
    compiled = Compiled(tmap, types, rules, problems, terrain, palette, tile_ids, {}, mission)
    for issue in issues:
        compiled.problem(f"map property: {issue.what}", issue.fix, "map_property")
    for floor in floors:
        for layer, obj in floor.objects:
            _place(compiled, floor.number, layer, obj)
    light_up(terrain, lights_of(compiled))
    return compiled


def _place(compiled: Compiled, floor: int, layer: str, obj: TiledObject) -> None:
    tmap = compiled.tmap
    ax, ay = obj.anchor()
    cell = Cell(floor, int(ax // tmap.tilewidth), int(ay // tmap.tileheight))
    placed = Placed(obj, floor, layer, cell)
    if not compiled.terrain.in_bounds(*cell):
        placed.cell = None
    cls = placed.cls
    if obj.shape == "text" and not obj.cls:
        return  # a designer's note
    if obj.id <= 0 or obj.id in compiled.placed:
        what = "has no id" if obj.id <= 0 else "shares its id with another object"
        compiled.problem(f"the object {what}", "re-save the map in Tiled", "object_id", placed)
        return
    if not cls:
        compiled.problem(
            "the object has no class",
            f"set its class (type) to one of: {', '.join(compiled.types.object_classes())}",
            "no_class",
            placed,
        )
        return
    if cls not in compiled.types.classes or "object" not in compiled.types.classes[cls].use_as:
        compiled.problem(
            f"unknown type '{cls}'",
            f"use one of: {', '.join(compiled.types.object_classes())}",
            "unknown_type",
            placed,
        )
        return
    placed.values, issues = compiled.types.resolve(cls, obj.props, obj.tile_props)
    for issue in issues:
        compiled.problem(issue.what, issue.fix, "property", placed)
    if obj.rotation % 360:
        compiled.problem(
            f"the {cls} is rotated by {obj.rotation:g}°; the game stands things upright on "
            "their cell",
            "set its Rotation back to 0 in the object's properties",
            "rotated",
            placed,
        )
    if placed.cell is None and cls != "route":
        compiled.problem(
            f"the {cls} is outside the map ({ax:.0f}, {ay:.0f} px)",
            "drag it onto the map",
            "outside_map",
            placed,
        )
    compiled.placed[obj.id] = placed


def light_radius(compiled: Compiled, placed: Placed) -> int:
    """A light's radius: its own ``radius``, or its kind's default (``[light] radius``)
    when that is 0."""
    own = int(placed.values.get("radius") or 0)
    return own or compiled.rules.light.radius.get(str(placed.values.get("kind")), 0)


def lights_of(compiled: Compiled) -> list[Light]:
    """The map's lights that stand on the map with a radius the rules allow, by id (the
    checker reports the others)."""
    found = []
    for placed in compiled.of("light"):
        radius = light_radius(compiled, placed)
        if placed.cell is not None and 1 <= radius <= compiled.rules.light.max_radius:
            cell = placed.cell
            found.append(Light(cell.floor, cell.x, cell.y, str(placed.values["kind"]), radius))
    return found


def parse_time(text: str) -> int | None:
    """Minutes after midnight for ``HH:MM``, or None."""
    match = _TIME.match(text.strip())
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def mission_info(compiled: Compiled) -> MissionInfo:
    """The mission's static facts from the map's properties."""
    values = compiled.mission
    start = parse_time(values.get("start_time") or "") or 23 * 60
    deadline = parse_time(values.get("deadline") or "")
    if deadline is not None and deadline <= start:
        deadline += 24 * 60  # "06:00" after a "23:00" start is the next morning
    return MissionInfo(
        name=compiled.tmap.path.stem,
        title=values.get("title") or compiled.tmap.path.stem,
        briefing=values.get("briefing") or "",
        start_minutes=start,
        deadline_minutes=deadline,
        source=str(compiled.tmap.path),
        police_delay=max(0, int(values.get("police_delay") or 0)),  # 0: the rules' default
        police_search_grounds=bool(values.get("police_search_grounds")),
    )


def objectives(compiled: Compiled) -> list[Objective]:
    """What the map asks for, in a fixed order: escape, loot, rescue."""
    values = compiled.mission
    found = []
    if values.get("objective_escape"):
        found.append(Objective("escape", "Everyone out through an exit"))
    loot = int(values.get("objective_loot") or 0)
    if loot > 0:
        found.append(Objective("loot", f"Carry out loot worth {loot}", {"value": loot}))
    person = values.get("objective_rescue")
    if person:
        who = compiled.placed.get(person)
        name = (who.obj.name if who else "") or "the prisoner"
        found.append(Objective("rescue", f"Bring {name} to the car", {"person": person}))
    return found


def build_world(compiled: Compiled, seed: int | None) -> World:
    """The playable world (the map must be free of problems for the result to make sense)."""
    rules = compiled.rules
    if seed is None:
        seed = int(compiled.mission.get("seed") or 0)
    world = new_world(rules, compiled.terrain, seed, mission_info(compiled))
    numbers: dict[str, int] = {}
    for placed in compiled.of("crew", "guard", "civilian"):
        if placed.cell is None or world.occupant(placed.cell) is not None:
            continue
        world.add_unit(_unit(placed, rules, numbers, compiled))
    for placed in compiled.of(*DEVICE_CLASSES):
        if placed.cell is not None:
            world.add_device(_device(placed))
    _add_doors(world, compiled)
    arrivals.stage(world)  # guards due later (``arrives``) start off the map
    world.objectives = objectives(compiled)
    world.refill_ap()
    return world


def crew_name(placed: Placed) -> str:
    """A crew member's name: the object's (the templates name them), else the member's."""
    return placed.obj.name or str(placed.values.get("member", "?")).title()


def _unit(placed: Placed, rules: Rules, numbers: dict[str, int], compiled: Compiled) -> Unit:
    values, obj = placed.values, placed.obj
    assert placed.cell is not None
    if placed.cls == "crew":
        member = values["member"]
        items = [i.strip().lower() for i in (values.get("items") or "").split(",") if i.strip()]
        return Unit(
            obj.id, UnitKind.CREW, crew_name(placed), member, placed.cell,
            max_ap=int(values.get("ap") or 0) or rules.crew.ap_per_turn,
            hp=rules.crew.max_hp, armed=bool(values.get("armed")),
            traits=UnitTraits(items=tuple(items)),
        )  # fmt: skip
    if placed.cls == "civilian":
        role = values["role"]
        return Unit(obj.id, UnitKind.CIVILIAN, obj.name or role.title(), role, placed.cell)
    role = values["role"]
    numbers[role] = numbers.get(role, 0) + 1
    unit = Unit(
        obj.id, UnitKind.GUARD, obj.name or f"{role.title()} {numbers[role]}", role, placed.cell,
        facing=Facing(values["facing"]), state=GuardState(values["state"]),
        armed=bool(values.get("armed")),
        traits=UnitTraits(
            hearing=int(values["hearing"] or 0),
            vision=int(values["vision"] or 0),
            wake=int(values.get("wake") or 0),
            # only when set, so maps without it keep their state hashes
            arrives=int(values.get("arrives") or 0) or None,
        ),
    )  # fmt: skip
    route = compiled.placed.get(values.get("route") or 0)
    if route is not None and route.obj.shape in ROUTE_SHAPES:
        unit.route = tuple(route_cells(compiled, route))
        unit.route_closed = route.obj.shape == "polygon"
    return unit


def route_cells(compiled: Compiled, route: Placed) -> list[Cell]:
    """A route's waypoints as cells of its floor (repeated cells dropped)."""
    tw, th = compiled.tmap.tilewidth, compiled.tmap.tileheight
    cells: list[Cell] = []
    for px, py in route.obj.absolute_points():
        cell = Cell(route.floor, int(px // tw), int(py // th))
        if not cells or cells[-1] != cell:
            cells.append(cell)
    return cells


def _device(placed: Placed) -> Device:
    assert placed.cell is not None
    kind = DEVICE_TRAITS[placed.cls]
    traits = kind(**{f.name: placed.values.get(f.name) for f in dataclasses.fields(kind)})
    name = placed.obj.name or placed.cls
    return Device(placed.obj.id, placed.cls, placed.cell, name=name, traits=traits)


def _add_doors(world: World, compiled: Compiled) -> None:
    """Doors from door tiles, numbered above every object id in (floor, y, x) order."""
    by_cell = {p.cell: p for p in compiled.of("door") if p.cell is not None}
    next_id = max([o.id for o in compiled.tmap.all_objects()] + [world.next_free_id() - 1]) + 1
    for f, y, x in np.argwhere(world.terrain.door).tolist():
        cell = Cell(f, x, y)
        tile = compiled.palette[int(compiled.tile_ids[f, y, x])]
        placed = by_cell.get(cell)
        door = Door(
            next_id, cell, open=tile.door == "open", locked=tile.door == "locked",
            lock_difficulty=world.rules.doors.lock_difficulty,
        )  # fmt: skip
        if placed is None:
            next_id += 1
        else:
            door.id = placed.obj.id
            door.name = placed.obj.name or "door"
            door.locked = door.locked or bool(placed.values.get("locked"))
            door.open = door.open and not door.locked
            difficulty = int(placed.values.get("lock_difficulty") or 0)
            door.lock_difficulty = difficulty or door.lock_difficulty
        world.add_door(door)
