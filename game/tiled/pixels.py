"""The map's tile layers as pictures are made of them: what the renderer hands to pytmx.

The rules read tiles through our own loader (:mod:`game.tiled.tmx`); the pictures come from
pytmx, the pygame world's Tiled loader, which knows tilesets of any tile size, margins and
spacing, image collections and flip flags. pytmx 3.32 cannot read zstd or XML-encoded
layers, resolves no templates and parses XML without entity guards, so it never reads the
designer's files itself: it gets one document built here from what our loader already read
safely — the tilesets embedded (image paths made absolute, properties dropped) and every
tile layer of every floor as plain CSV of the very tile numbers the rules use. The two
therefore cannot disagree about which tile is where.

Nothing here draws: :mod:`game.ui.render.tilelayers` does, with pygame.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement

import numpy as np

from game.tiled.errors import Problem
from game.tiled.floors import split_floors
from game.tiled.layerdata import GID_MASK
from game.tiled.sources import Tileset, int_attr
from game.tiled.tmx import TiledMap, read_map
from game.tiled.xmlfile import display_path, read_xml

#: Children of a ``<tileset>`` that carry no pixels (pytmx would only trip on them).
_NOT_PIXELS = ("properties", "wangsets", "terraintypes", "transformations", "grid")


@dataclass(frozen=True)
class ArtLayer:
    """One tile layer to draw: where it sits in the pytmx document and how Tiled shows it."""

    index: int  # its position among the document's layers
    floor: int
    name: str
    shown: bool
    opacity: float
    offset: tuple[float, float]
    raw: np.ndarray  # [y, x] tile numbers with Tiled's flip bits


@dataclass(frozen=True)
class ArtTileset:
    """Where a tileset's tiles start and how far Tiled shifts them when drawing."""

    firstgid: int
    tileoffset: tuple[int, int]


@dataclass
class MapArt:
    """Everything the renderer needs to draw a map's floors as Tiled does."""

    path: Path
    width: int
    height: int
    tilewidth: int
    tileheight: int
    document: Element
    layers: list[ArtLayer]
    tilesets: list[ArtTileset]
    #: The door state ("open", "closed", "locked") the tiles show at each door cell (f, y, x).
    drawn_doors: dict[tuple[int, int, int], str] = field(default_factory=dict)

    def of_floor(self, floor: int) -> list[ArtLayer]:
        return [layer for layer in self.layers if layer.floor == floor]

    def tileoffset(self, gid: int) -> tuple[int, int]:
        """The ``tileoffset`` of the tileset holding ``gid`` (flip bits removed)."""
        found = (0, 0)
        for tileset in self.tilesets:
            if tileset.firstgid <= gid:
                found = tileset.tileoffset
        return found


def map_art(path: Path) -> MapArt:
    """The drawing plan of a map; raises :class:`MapError` if the map cannot be read."""
    tmap = read_map(Path(path))
    problems: list[Problem] = []  # the checker reports them; drawing does its best
    floors = split_floors(tmap, problems)
    root = read_xml(tmap.path, "map")
    document = Element(
        "map",
        {
            "version": root.get("version", "1.8"),
            "orientation": "orthogonal",
            "renderorder": "right-down",
            "width": str(tmap.width),
            "height": str(tmap.height),
            "tilewidth": str(tmap.tilewidth),
            "tileheight": str(tmap.tileheight),
            "infinite": "0",
        },
    )
    embedded = {f"{tmap.path}#{e.get('name', '')}": e for e in root.findall("tileset")}
    tilesets = []
    for tileset in sorted(tmap.tilesets, key=lambda t: t.firstgid):
        source = embedded.get(tileset.key)
        base = tmap.path.parent
        if source is None:
            source = read_xml(Path(tileset.key), "tileset", str(tmap.path))
            base = Path(tileset.key).parent
        document.append(_pixels_only(source, tileset, base))
        tilesets.append(ArtTileset(tileset.firstgid, _tileoffset(source, tileset.key)))
    layers: list[ArtLayer] = []
    for floor in floors:
        for layer in floor.tile_layers:
            assert layer.raw is not None
            index = len(layers)
            size = {"width": str(tmap.width), "height": str(tmap.height)}
            element = SubElement(
                document, "layer", {"id": str(index + 1), "name": f"layer {index}", **size}
            )
            data = SubElement(element, "data", {"encoding": "csv"})
            data.text = ",".join(str(v) for v in (layer.raw & np.uint32(GID_MASK)).ravel())
            shown = (layer.shown, layer.opacity, layer.offset)
            layers.append(ArtLayer(index, floor.number, layer.name, *shown, layer.raw))
    art = MapArt(
        tmap.path, tmap.width, tmap.height, tmap.tilewidth, tmap.tileheight, document, layers,
        tilesets,
    )  # fmt: skip
    art.drawn_doors = _drawn_doors(tmap, floors)
    return art


def _pixels_only(source: Element, tileset: Tileset, base: Path) -> Element:
    """A copy of a ``<tileset>`` with only what makes pixels, images found from anywhere."""
    copy = Element("tileset", dict(source.attrib))
    copy.attrib.pop("source", None)
    copy.set("firstgid", str(tileset.firstgid))
    for child in source:
        if child.tag in _NOT_PIXELS:
            continue
        if child.tag == "tile":
            tile = Element("tile", {"id": child.get("id", "0")})
            image = child.find("image")
            if image is None:
                continue  # a tile of an atlas: its pixels come from the tileset's image
            tile.append(_image(image, base))
            copy.append(tile)
        elif child.tag == "image":
            copy.append(_image(child, base))
        else:
            copy.append(child)
    return copy


def _image(image: Element, base: Path) -> Element:
    found = Element("image", dict(image.attrib))
    found.set("source", str((base / image.get("source", "")).resolve()))
    return found


def _tileoffset(source: Element, key: str) -> tuple[int, int]:
    offset = source.find("tileoffset")
    if offset is None:
        return (0, 0)
    shown = display_path(Path(key.partition("#")[0]))
    return int_attr(offset, "x", 0, shown), int_attr(offset, "y", 0, shown)


def _drawn_doors(tmap: TiledMap, floors: list) -> dict[tuple[int, int, int], str]:
    """For each cell whose topmost terrain tile is a door: the state that tile shows."""
    doors: dict[tuple[int, int, int], str] = {}
    for floor in floors:
        top = np.zeros((tmap.height, tmap.width), dtype=np.uint32)
        for layer in floor.terrain_layers():
            np.copyto(top, layer.gids, where=layer.gids != 0)
        for gid in np.unique(top).tolist():
            tileset = tmap.tileset_for(int(gid)) if gid else None
            if tileset is None:
                continue
            prop = tileset.tiles.get(int(gid) - tileset.firstgid, {}).get("door")
            if prop is None or not prop.value:
                continue
            for y, x in np.argwhere(top == gid).tolist():
                doors[(floor.number, y, x)] = str(prop.value)
    return doors
