"""Small worlds from ASCII art, so a rule's test reads like the situation it checks.

It lives above ``game.sim`` because it reads the shipped rules file by default.

Each string is one floor, the first being floor 0 (the lowest). Rows must be equally long
(shorter ones are padded with void). Example::

    world = build_world('''
        #########
        #T..+..G#
        #...#...#
        #########
    ''')

Legend: ``#`` wall, ``.`` floor, ``,`` unlit floor, ``:`` street (outdoors, lit), ``=`` window,
``+`` closed door, ``/`` open door, ``L`` locked door, ``>`` stairs up, ``<`` stairs down,
``_`` drillable floor, space = void. People (standing on floor): ``T`` Tony, ``J`` Jo, ``M``
Mario, ``C`` César, ``G`` a guard, ``S`` a sleeping concierge, ``N`` a sleeping neighbour,
``R`` an armed gangster, ``P`` a policeman, ``K`` Tonio. Devices (on floor): ``E`` exit,
``A`` the car, ``$`` loot, ``X`` safe, ``B`` alarm bell, ``V`` vibration sensor, ``Q`` door
contact (watches the door beside it), ``U`` umbrella. Sensors are wired to the first bell.
Ids are given in reading order, floor by floor.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from game.content import load_rules
from game.sim import arrivals
from game.sim.engine import new_world
from game.sim.entities import Device, Door, GuardState, SensorTraits, Unit, UnitKind
from game.sim.geometry import Cell, Facing
from game.sim.rules import Rules
from game.sim.terrain import FLOOR, VOID, WALL, Terrain, TileProps
from game.sim.world import MissionInfo, Objective, World


@dataclass(frozen=True)
class Glyph:
    """What one character means: the tile under it, and what (if anything) stands on it."""

    tile: TileProps
    spawns: str = ""  # "crew:Tony", "guard", "sleeper", "police", "civilian:Tonio", "device:exit"


_DOOR = TileProps(name="door", opaque=True, attenuation=8, door="closed")
LEGEND: dict[str, Glyph] = {
    "#": Glyph(WALL),
    ".": Glyph(FLOOR),
    ",": Glyph(TileProps(name="floor_dark", lit=False)),
    ":": Glyph(TileProps(name="pavement", outdoor=True, floor_attenuation=0)),
    "=": Glyph(TileProps(name="window", walkable=False, attenuation=6, window=True)),
    "+": Glyph(_DOOR),
    "/": Glyph(TileProps(name="door", attenuation=8, door="open")),
    "L": Glyph(TileProps(name="door", opaque=True, attenuation=8, door="locked")),
    ">": Glyph(TileProps(name="stairs_up", stairs="up")),
    "<": Glyph(TileProps(name="stairs_down", stairs="down")),
    "_": Glyph(TileProps(name="floor_drillable", drillable=True)),
    " ": Glyph(VOID),
    "T": Glyph(FLOOR, "crew:Tony"),
    "J": Glyph(FLOOR, "crew:Jo"),
    "M": Glyph(FLOOR, "crew:Mario"),
    "C": Glyph(FLOOR, "crew:César"),
    "G": Glyph(FLOOR, "guard"),
    "S": Glyph(FLOOR, "sleeper"),
    "P": Glyph(FLOOR, "police"),
    "N": Glyph(FLOOR, "neighbour"),
    "R": Glyph(FLOOR, "gangster"),
    "A": Glyph(FLOOR, "device:car"),
    "Q": Glyph(FLOOR, "device:contact"),
    "K": Glyph(FLOOR, "civilian:Tonio"),
    "E": Glyph(FLOOR, "device:exit"),
    "$": Glyph(FLOOR, "device:loot"),
    "X": Glyph(FLOOR, "device:safe"),
    "B": Glyph(FLOOR, "device:bell"),
    "V": Glyph(FLOOR, "device:sensor"),
    "U": Glyph(FLOOR, "device:umbrella"),
}

_ROLES = {"Tony": "tony", "Jo": "jo", "Mario": "mario", "César": "cesar", "Tonio": "tonio"}


def parse_floors(floors: Iterable[str]) -> list[list[str]]:
    """Dedent each floor's art and pad its rows to one width."""
    grids = []
    for art in floors:
        rows = [row for row in textwrap.dedent(art).split("\n")]
        while rows and not rows[0].strip():
            rows.pop(0)
        while rows and not rows[-1].strip():
            rows.pop()
        grids.append(rows)
    height = max(len(rows) for rows in grids)
    width = max((len(row) for rows in grids for row in rows), default=0)
    return [[row.ljust(width) for row in rows + [""] * (height - len(rows))] for rows in grids]


def build_world(
    *floors: str,
    rules: Rules | None = None,
    seed: int = 0,
    legend: Mapping[str, Glyph] | None = None,
    routes: Mapping[str, list[tuple[int, int, int]]] | None = None,
    facing: Mapping[str, Facing] | None = None,
    objectives: list[Objective] | None = None,
    mission: MissionInfo | None = None,
    traits: Mapping[str, Mapping[str, object]] | None = None,
) -> World:
    """A world from one ASCII block per floor.

    ``routes`` maps a guard's name ("Guard 1", numbered in reading order) to its patrol
    waypoints ``(floor, x, y)``; such guards start on patrol. ``facing`` sets initial facings
    by unit name. ``traits`` adds map values by unit or device name (``{"Tony": {"items":
    ["gun"]}, "safe 1": {"difficulty": 2}}``). Without ``objectives`` the crew must escape if
    the map has an exit.
    """
    if rules is None:
        rules = load_rules()
    glyphs = {**LEGEND, **(legend or {})}
    grids = parse_floors(floors)
    height, width = len(grids[0]), len(grids[0][0])
    palette: list[TileProps] = []
    tile_ids = np.zeros((len(grids), height, width), dtype=np.int32)
    spawns: list[tuple[Cell, str]] = []
    for f, rows in enumerate(grids):
        for y, row in enumerate(rows):
            for x, char in enumerate(row):
                glyph = glyphs.get(char)
                if glyph is None:
                    raise ValueError(
                        f"floor {f} row {y} column {x}: unknown map character {char!r}"
                    )
                if glyph.tile not in palette:
                    palette.append(glyph.tile)
                tile_ids[f, y, x] = palette.index(glyph.tile)
                if glyph.spawns:
                    spawns.append((Cell(f, x, y), glyph.spawns))
    terrain = Terrain(len(grids), width, height)
    terrain.fill(tile_ids, palette)
    world = new_world(rules, terrain, seed, mission or MissionInfo(name="ascii"))
    _spawn(world, spawns, routes or {}, facing or {})
    _add_doors(world, tile_ids, palette)
    _wire_sensors(world)
    for name, values in (traits or {}).items():
        things = [*world.units.values(), *world.devices.values()]
        found = [t for t in things if t.name.lower() == name.lower()]
        if not found:
            raise ValueError(f"traits for {name!r}, but nothing is called that")
        found[0].traits = with_traits(found[0].traits, values)
    arrivals.stage(world)  # guards given a later ``arrives`` start off the map
    if objectives is None:
        objectives = [Objective("escape", "Everyone out")] if world.devices else []
    world.objectives = list(objectives)
    world.refill_ap()
    return world


def _spawn(
    world: World,
    spawns: list[tuple[Cell, str]],
    routes: Mapping[str, list[tuple[int, int, int]]],
    facings: Mapping[str, Facing],
) -> None:
    rules = world.rules
    counters: dict[str, int] = {}
    for thing_id, (cell, what) in enumerate(spawns, start=1):
        kind, _, name = what.partition(":")
        counters[kind] = counters.get(kind, 0) + 1
        number = counters[kind]
        if kind == "device":
            counters[name] = counters.get(name, 0) + 1
            number = counters[name]
            if name == "contact":
                device = Device(
                    thing_id,
                    "sensor",
                    cell,
                    name=f"door contact {number}",
                    traits=SensorTraits(sensor="door_contact"),
                )
            elif name == "sensor":
                device = Device(
                    thing_id,
                    "sensor",
                    cell,
                    name=f"sensor {number}",
                    traits=SensorTraits(sensor="vibration"),
                )
            else:
                device = Device(thing_id, name, cell, name=f"{name} {number}")
            world.add_device(device)
            continue
        if kind == "crew":
            unit = Unit(
                thing_id,
                UnitKind.CREW,
                name,
                _ROLES[name],
                cell,
                max_ap=rules.crew.ap_per_turn,
                hp=rules.crew.max_hp,
            )
        elif kind == "civilian":
            unit = Unit(thing_id, UnitKind.CIVILIAN, name, _ROLES[name], cell)
        else:
            label = {
                "guard": "Guard",
                "sleeper": "Concierge",
                "police": "Policeman",
                "neighbour": "Neighbour",
                "gangster": "Gangster",
            }[kind]
            unit_name = f"{label} {number}" if kind in ("guard", "gangster") else label
            asleep = kind in ("sleeper", "neighbour")
            state = GuardState.SLEEPING if asleep else GuardState.STANDING
            role = {"guard": "guard", "sleeper": "concierge"}.get(kind, kind)
            unit = Unit(
                thing_id,
                UnitKind.GUARD,
                unit_name,
                role,
                cell,
                state=state,
                armed=kind == "gangster",
            )
            if unit_name in routes:
                unit.route = tuple(Cell(*point) for point in routes[unit_name])
                unit.state = GuardState.PATROL
        unit.facing = facings.get(unit.name, unit.facing)
        world.add_unit(unit)


def _wire_sensors(world: World) -> None:
    """Wire every sensor to the first bell, and each door contact to the door beside it."""
    bells = list(world.devices_in_order("bell"))
    for sensor in world.devices_in_order("sensor"):
        if bells and sensor.traits.bell is None:
            sensor.traits = replace(sensor.traits, bell=bells[0].id)
        if sensor.traits.sensor == "door_contact" and sensor.traits.door is None:
            for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
                door = world.door_at(sensor.cell.offset(dx, dy))
                if door is not None:
                    sensor.traits = replace(sensor.traits, door=door.id)
                    break


def _add_doors(world: World, tile_ids: np.ndarray, palette: list[TileProps]) -> None:
    next_id = world.next_free_id()
    for f, y, x in np.argwhere(world.terrain.door):
        tile = palette[tile_ids[f, y, x]]
        door = Door(
            next_id,
            Cell(int(f), int(x), int(y)),
            open=tile.door == "open",
            locked=tile.door == "locked",
            lock_difficulty=world.rules.doors.lock_difficulty,
        )
        world.add_door(door)
        next_id += 1


def with_traits(traits: Any, values: Mapping[str, object]) -> Any:
    """``traits`` with some map values replaced by name (lists become tuples); an unknown
    name is refused, as a map property no rule reads would be."""
    known = {f.name for f in fields(traits)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise ValueError(f"no trait called {unknown[0]!r}; known: {sorted(known)}")
    typed = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
    return replace(traits, **typed)
