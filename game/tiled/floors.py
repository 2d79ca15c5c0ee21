"""Floors from group layers, and the terrain of each floor from its stacked tile layers.

A floor is a group layer named ``floor N ...`` or carrying an int property ``floor``; groups
may nest (a "building" group holding floors, or a floor holding a "furniture" group), and
everything below a floor group belongs to that floor. Layer visibility is an editor view
setting and does not change the rules (it does change what is drawn, as in Tiled, except the
floor group's own eye). A map without any floor group is one floor.

The terrain of a cell is its topmost tile in the floor's tile layers, except layers marked
``decoration`` (a bool property): those are drawn and have no rules meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from game.sim.terrain import VOID, Terrain, TileProps
from game.tiled.errors import Problem
from game.tiled.sources import Prop
from game.tiled.tmx import Layer, TiledMap, TiledObject, floor_number

__all__ = ["Floor", "build_terrain", "floor_number", "foreign_reason", "split_floors", "tile_props"]

MAX_FLOORS = 16
_TILE_FIELDS = {
    "name": "string",
    "walkable": "bool",
    "opaque": "bool",
    "attenuation": "int",
    "floor_attenuation": "int",
    "door": "string",
    "window": "bool",
    "stairs": "string",
    "drillable": "bool",
    "lit": "bool",
    "outdoor": "bool",
}


@dataclass
class Floor:
    """What one floor holds: tile layers bottom to top, and its objects with their layer."""

    number: int
    tile_layers: list[Layer] = field(default_factory=list)  # decoration layers included
    objects: list[tuple[str, TiledObject]] = field(default_factory=list)

    def terrain_layers(self) -> list[Layer]:
        """The tile layers the rules read, bottom to top."""
        return [layer for layer in self.tile_layers if not layer.decoration]


def split_floors(tmap: TiledMap, problems: list[Problem]) -> list[Floor]:
    """The map's floors in order (0 = lowest); problems for layers that fit nowhere."""
    floors: dict[int, Floor] = {}
    loose: list[Layer] = []

    def walk(layers: list[Layer], current: int | None, shown: bool = True) -> None:
        for layer in layers:
            layer.shown = shown and (layer.visible or (layer.kind == "group" and current is None))
            if layer.kind == "group":
                declared = floor_number(layer)
                if declared is not None and current is not None and declared != current:
                    problems.append(
                        Problem(
                            tmap.shown,
                            f"group '{layer.name}' (floor {declared}) is inside floor {current}",
                            "move the group out of the other floor's group",
                            "nested_floor",
                            layer=layer.name,
                        )
                    )
                walk(layer.children, current if current is not None else declared, layer.shown)
            elif layer.kind == "image":
                continue
            elif current is None:
                loose.append(layer)
            else:
                _add(floors.setdefault(current, Floor(current)), layer)

    walk(tmap.layers, None)
    if not floors:  # a plain map: every layer is floor 0
        single = Floor(0)
        for layer in loose:
            _add(single, layer)
        return [single]
    for layer in loose:
        problems.append(
            Problem(
                tmap.shown,
                f"layer '{layer.name}' is outside every floor group",
                "drag it into a group layer named 'floor N'",
                "layer_outside_floor",
                layer=layer.name,
            )
        )
    numbers = sorted(floors)
    expected = list(range(len(numbers)))
    if numbers != expected or len(numbers) > MAX_FLOORS:
        problems.append(
            Problem(
                tmap.shown,
                f"the floors are numbered {', '.join(map(str, numbers))}",
                f"number the floor groups 0 to {len(numbers) - 1} from the lowest up "
                f"(at most {MAX_FLOORS})",
                "floor_numbers",
            )
        )
        numbers = numbers[:MAX_FLOORS]
        return [Floor(i, floors[n].tile_layers, floors[n].objects) for i, n in enumerate(numbers)]
    return [floors[n] for n in numbers]


def _add(floor: Floor, layer: Layer) -> None:
    if layer.kind == "tile" and layer.gids is not None:
        floor.tile_layers.append(layer)
    elif layer.kind == "objects":
        floor.objects.extend((layer.name, obj) for obj in layer.objects)


def foreign_reason(tmap: TiledMap, floors: list[Floor]) -> str | None:
    """Why a map with tiles is not a Rififi map at all (its tilesets carry no terrain
    meaning), so the checker says it once instead of once per distinct tile."""
    painted = any(
        layer.gids is not None and layer.gids.any()
        for floor in floors
        for layer in floor.terrain_layers()
    )
    if not painted or not tmap.tilesets:
        return None
    if any("walkable" in tile for t in tmap.tilesets for tile in t.tiles.values()):
        return None
    names = ", ".join(f"'{t.name}'" for t in tmap.tilesets)
    return (
        f"its tilesets ({names}) give no tile the terrain properties (walkable, opaque...) "
        "the rules read"
    )


def tile_props(props: dict[str, Prop]) -> TileProps | str:
    """A tile's terrain meaning, or why it has none."""
    if "walkable" not in props:
        return "has no terrain properties (walkable, opaque...)"
    values: dict[str, object] = {}
    for name, kind in _TILE_FIELDS.items():
        prop = props.get(name)
        if prop is None or not isinstance(prop.value, str):
            continue
        text = prop.value
        if kind == "bool":
            values[name] = text == "true"
        elif kind == "int":
            try:
                values[name] = int(text)
            except ValueError:
                return f"has a non-number '{name}' ({text[:20]})"
        else:
            values[name] = text
    return TileProps(**values)  # type: ignore[arg-type]


def build_terrain(
    tmap: TiledMap, floors: list[Floor], problems: list[Problem]
) -> tuple[Terrain, list[TileProps], np.ndarray]:
    """The terrain arrays, the palette of tile meanings and each cell's palette index."""
    shape = (len(floors), tmap.height, tmap.width)
    top = np.zeros(shape, dtype=np.uint32)
    for floor in floors:
        for layer in floor.terrain_layers():
            assert layer.gids is not None
            if layer.offset != (0.0, 0.0):
                problems.append(_offset_problem(tmap, floor, layer))
            np.copyto(top[floor.number], layer.gids, where=layer.gids != 0)
    gids, indices = np.unique(top, return_inverse=True)
    palette: list[TileProps] = []
    for gid in gids.tolist():
        palette.append(_meaning(tmap, int(gid), top, floors, problems))
    terrain = Terrain(*shape[:1], tmap.width, tmap.height)
    tile_ids = indices.reshape(shape).astype(np.int32)
    terrain.fill(tile_ids, palette)
    return terrain, palette, tile_ids


def _meaning(
    tmap: TiledMap, gid: int, top: np.ndarray, floors: list[Floor], problems: list[Problem]
) -> TileProps:
    if gid == 0:
        return VOID
    tileset = tmap.tileset_for(gid)
    meaning: TileProps | str
    if tileset is None:
        meaning = f"uses tile {gid}, which is in no tileset of the map"
    else:
        meaning = tile_props(tileset.tiles.get(gid - tileset.firstgid, {}))
        if isinstance(meaning, str):
            meaning = f"tile {gid - tileset.firstgid} of tileset '{tileset.name}' {meaning}"
    if isinstance(meaning, TileProps):
        return meaning
    f, y, x = (int(v) for v in np.argwhere(top == gid)[0])
    layer = next(
        (
            each.name
            for each in reversed(floors[f].terrain_layers())
            if each.gids is not None and each.gids[y, x] == gid
        ),
        None,
    )
    problems.append(
        Problem(
            tmap.shown,
            f"the terrain {meaning}",
            "paint terrain only with tiles of assets/tilesets/terrain.tsx",
            "not_terrain",
            floor=f,
            layer=layer,
            cell=(x, y),
        )
    )
    return VOID


def _offset_problem(tmap: TiledMap, floor: Floor, layer: Layer) -> Problem:
    dx, dy = layer.offset
    return Problem(
        tmap.shown,
        f"the terrain layer is offset by ({dx:g}, {dy:g}) px (its own or its groups' offset),"
        " so Tiled draws its tiles off their cells",
        "set the offsets back to 0 in the layer's and groups' properties, or add a bool "
        "property 'decoration' if the layer is only art",
        "layer_offset",
        floor=floor.number,
        layer=layer.name,
    )
