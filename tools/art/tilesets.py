"""What each terrain tile *means*, and writing Tiled ``.tsx`` tilesets.

The game reads terrain rules from the tileset's per-tile properties, so this
table is the single source of truth for walkability, sight and sound. Tile ids
are list positions: append new tiles at the end, never reorder, or every saved
map changes meaning.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

# Noise cost through a cell (air = 1; Dungeon Crawl-like ratios).
AIR, TREE, HEDGE, WINDOW, DOOR, WALL = 1, 2, 3, 6, 8, 12
BUILDING_FLOOR = 30  # noise cost through a floor/ceiling inside a building


@dataclass(frozen=True)
class Terrain:
    """The typed custom properties every terrain tile carries in Tiled."""

    name: str
    walkable: bool
    opaque: bool
    attenuation: int
    floor_attenuation: int
    door: str = ""
    window: bool = False
    stairs: str = ""
    drillable: bool = False
    lit: bool = False
    outdoor: bool = False


def _floor(name: str, lit: bool, stairs: str = "", drillable: bool = False) -> Terrain:
    return Terrain(
        name, True, False, AIR, BUILDING_FLOOR, stairs=stairs, drillable=drillable, lit=lit
    )


def _outside(name: str, lit: bool) -> Terrain:
    return Terrain(name, True, False, AIR, 0, lit=lit, outdoor=True)


def _wall(name: str) -> Terrain:
    return Terrain(name, False, True, WALL, BUILDING_FLOOR)


def _furniture(name: str, opaque: bool = False) -> Terrain:
    return Terrain(name, False, opaque, AIR, BUILDING_FLOOR)


def _door(name: str, state: str) -> Terrain:
    closed = state != "open"
    return Terrain(name, True, closed, DOOR if closed else AIR, BUILDING_FLOOR, door=state)


TERRAIN: list[Terrain] = [
    Terrain("void", False, True, WALL, 0),
    _floor("floor_wood", True),
    _floor("floor_wood_dark", False),
    _floor("floor_tile", True),
    _floor("floor_tile_dark", False),
    _floor("floor_carpet", False),
    _outside("pavement", True),
    _outside("pavement_dark", False),
    _outside("road", False),
    _outside("grass", True),
    _outside("grass_dark", False),
    _outside("gravel", False),
    _wall("wall_brick"),
    _wall("wall_plaster"),
    _wall("wall_stone"),
    Terrain("hedge", False, True, HEDGE, 0, outdoor=True),
    Terrain("tree", False, True, TREE, 0, outdoor=True),
    Terrain("window", False, False, WINDOW, BUILDING_FLOOR, window=True),
    Terrain("shop_window", False, False, WINDOW, BUILDING_FLOOR, window=True),
    _door("door_closed", "closed"),
    _door("door_open", "open"),
    _door("door_locked", "locked"),
    _floor("stairs_up", True, stairs="up"),
    _floor("stairs_down", True, stairs="down"),
    _furniture("counter"),
    _furniture("table"),
    _furniture("shelf", opaque=True),
    _furniture("bed"),
    _furniture("sofa"),
    _floor("drillable_floor_wood", False, drillable=True),
    _floor("rubble", False),
    Terrain("lamp_post", False, False, AIR, 0, lit=True, outdoor=True),
]

# The rooms tileset: furniture and ground by room kind, each meaning what an older tile means
# (append only, like the others).
ROOMS: list[Terrain] = [
    _furniture("workbench"),
    _furniture("cafe_table"),
    _furniture("dining_table"),
    _furniture("stove"),
    _furniture("piano"),
    _outside("grass_dark_tufts", False),
    _outside("grass_dark_flowers", False),
]

#: An objects-tileset slot whose sprite was retired: drawn blank, with no tile entry, so the
#: ids after it stay what maps and templates already use.
RETIRED = ""

# Sprites of the objects tileset, in tile-id order (append only). Slot 30 held a guard dog
# the rules never had.
OBJECTS: list[str] = [
    "tony", "jo", "mario", "cesar", "guard", "gangster", "remi", "louis",
    "concierge", "neighbour", "police", "tonio", "safe", "loot", "bell", "sensor",
    "door_contact", "exit", "car", "umbrella", "rope", "hole", "drill", "extinguisher",
    "body", "waypoint", "bag", "pistol", "key", "torch", RETIRED, "noise",
    "sleeper", "gangster_down", "remi_down", "louis_down", "police_down", "neighbour_down",
    "concierge_down", "tonio_down", "lamp", "street_light", "window_light",
]  # fmt: skip

ICONS: list[str] = [
    "move", "sneak", "open", "close", "pick", "drill", "umbrella", "rope",
    "foam", "crack", "take", "knockout", "carry", "shoot", "wait", "end_turn", "peek",
    "climb", "drop", "extinguisher", "gun", "lockpick",
]  # fmt: skip


def _prop(name: str, value: object) -> str:
    """One ``<property>``; Tiled omits ``type`` for strings, so we do too."""
    if isinstance(value, bool):
        return f'<property name="{name}" type="bool" value="{str(value).lower()}"/>'
    if isinstance(value, int):
        return f'<property name="{name}" type="int" value="{value}"/>'
    return f"<property name={quoteattr(name)} value={quoteattr(str(value))}/>"


def tsx(
    name: str,
    image: str,
    columns: int,
    image_size: tuple[int, int],
    tile_props: list[dict[str, object]],
    tile: int = 32,
) -> str:
    """A Tiled 1.8 external tileset; properties sorted by name, as Tiled writes them."""
    w, h = image_size
    count = (w // tile) * (h // tile)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="{name}" '
        f'tilewidth="{tile}" tileheight="{tile}" tilecount="{count}" columns="{columns}">',
        f' <image source="{image}" width="{w}" height="{h}"/>',
    ]
    for tid, props in enumerate(tile_props):
        if not props:  # a retired slot: no tile entry
            continue
        lines.append(f' <tile id="{tid}">')
        lines.append("  <properties>")
        for key in sorted(props):
            lines.append("   " + _prop(key, props[key]))
        lines.append("  </properties>")
        lines.append(" </tile>")
    lines.append("</tileset>")
    return "\n".join(lines) + "\n"


def write_tilesets(
    out_dir: Path,
    terrain_size: tuple[int, int],
    objects_size: tuple[int, int],
    rooms_size: tuple[int, int],
    columns: int,
) -> None:
    """Write ``terrain.tsx``, ``rooms.tsx`` and ``objects.tsx`` side by side in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, tiles, size in (("terrain", TERRAIN, terrain_size), ("rooms", ROOMS, rooms_size)):
        props = [asdict(t) for t in tiles]
        (out_dir / f"{name}.tsx").write_text(
            tsx(name, f"../tiles/{name}.png", columns, size, props)
        )
    object_props: list[dict[str, object]] = [{"sprite": s} if s else {} for s in OBJECTS]
    (out_dir / "objects.tsx").write_text(
        tsx("objects", "../tiles/objects.png", columns, objects_size, object_props)
    )
