"""Reading a ``.tmx`` file into plain data: layers as a tree, objects with templates applied.

This is our own reader on top of ``defusedxml`` rather than pytmx, because pytmx ignores
templates, flattens group layers, cannot read zstd layers and parses XML without the
entity guards (see ``docs/tiled-loader.md`` for the evaluation). It knows nothing about the
game: :mod:`game.tiled.build` gives the data its meaning.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

import numpy as np

from game.tiled.errors import MapError
from game.tiled.layerdata import GID_MASK, LayerDataError, decode_layer
from game.tiled.sources import (
    Prop,
    Sources,
    Tileset,
    float_attr,
    int_attr,
    parse_tileset,
    read_properties,
)
from game.tiled.xmlfile import display_path, read_xml

MAX_SIDE = 1000  # cells along one side of a map
MAX_CELLS = 1_000_000  # cells in one layer
MAX_LAYERS = 512
MAX_OBJECTS = 20_000
FLOOR_NAME = re.compile(r"^\s*floor\s*(-?\d+)\b", re.IGNORECASE)


#: The longest designer's note kept (a hint in the game, not a novel).
MAX_NOTE = 400


@dataclass
class TiledObject:
    """One object of an object layer, template already applied."""

    id: int
    name: str
    cls: str  # Tiled's "class" (1.9+) or "type" (1.8 and older)
    shape: str  # "rect", "point", "ellipse", "polygon", "polyline", "text" or "tile"
    x: float
    y: float
    width: float
    height: float
    props: dict[str, Prop]
    points: list[tuple[float, float]] = field(default_factory=list)
    tile: tuple[str, int] | None = None  # (tileset key, local tile id) of a tile object
    template: str = ""
    rotation: float = 0.0  # degrees clockwise, as Tiled shows it
    tile_props: dict[str, Prop] = field(default_factory=dict)  # the tile's own properties
    text: str = ""  # what a text object says (a designer's note), at most MAX_NOTE characters

    def anchor(self) -> tuple[float, float]:
        """The point that decides the object's cell: its centre (tiles sit on their base)."""
        if self.shape == "tile":
            return self.x + self.width / 2, self.y - self.height / 2
        if self.shape in ("rect", "ellipse"):
            return self.x + self.width / 2, self.y + self.height / 2
        return self.x, self.y

    def absolute_points(self) -> list[tuple[float, float]]:
        return [(self.x + px, self.y + py) for px, py in self.points]


@dataclass
class Layer:
    """A layer: tile data, objects, or a group of layers (``children``).

    ``offset`` and ``opacity`` are the layer's own times its groups', as Tiled draws them;
    ``shown`` (set when floors are split) is its visibility inside its floor, ignoring the
    floor group's own eye (designers hide the floors they are not editing).
    """

    kind: str  # "tile", "objects", "group" or "image"
    name: str
    props: dict[str, Prop]
    visible: bool = True
    children: list[Layer] = field(default_factory=list)
    gids: np.ndarray | None = None  # tile numbers without flip bits: what the rules read
    objects: list[TiledObject] = field(default_factory=list)
    raw: np.ndarray | None = None  # tile numbers with Tiled's flip bits: what is drawn
    offset: tuple[float, float] = (0.0, 0.0)
    opacity: float = 1.0
    shown: bool = True
    floor: int | None = None  # the floor its group declares (None: outside every floor)

    @property
    def decoration(self) -> bool:
        """A tile layer the designer marked ``decoration``: drawn, with no rules meaning."""
        prop = self.props.get("decoration")
        return prop is not None and prop.value == "true"


@dataclass
class TiledMap:
    """A whole map file as data."""

    path: Path
    width: int
    height: int
    tilewidth: int
    tileheight: int
    props: dict[str, Prop]
    layers: list[Layer]
    tilesets: list[Tileset]
    files: list[Path]
    tiled_version: str = ""

    @property
    def shown(self) -> str:
        return display_path(self.path)

    def all_objects(self) -> list[TiledObject]:
        """Every object of every object layer, groups included."""
        found: list[TiledObject] = []
        stack = list(self.layers)
        while stack:
            layer = stack.pop()
            found.extend(layer.objects)
            stack.extend(layer.children)
        return found

    def tileset_for(self, gid: int) -> Tileset | None:
        return tileset_for(self.tilesets, gid)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.shown = display_path(path)
        self.sources = Sources(path)
        self.tilesets: list[Tileset] = []
        self.layer_count = 0
        self.object_count = 0
        self.template_tiles: dict[str, Tileset] = {}

    def remember_template_tileset(self, path: Path) -> None:
        key = str(path)
        if key not in self.template_tiles:
            root = self.sources.tileset_root(path, self.path)
            self.template_tiles[key] = parse_tileset(root, key, 1, display_path(path))

    def fail(self, what: str, fix: str, code: str, **where: object) -> MapError:
        return MapError.one(self.shown, what, fix, code, **where)  # type: ignore[arg-type]

    def read(self) -> TiledMap:
        root = read_xml(self.path, "map")
        orientation = root.get("orientation", "orthogonal")
        if orientation != "orthogonal":
            raise self.fail(
                f"the map is {orientation}", "make an orthogonal map", "unsupported_orientation"
            )
        if root.get("infinite", "0") == "1":
            raise self.fail(
                "the map is infinite",
                "untick 'Infinite' in the map's properties and save again",
                "infinite_map",
            )
        width = int_attr(root, "width", None, self.shown)
        height = int_attr(root, "height", None, self.shown)
        if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE and width * height <= MAX_CELLS):
            raise self.fail(
                f"the map is {width}x{height} cells; the game takes 1 to {MAX_SIDE} a side "
                f"and at most {MAX_CELLS} cells",
                "resize the map (Map > Resize Map)",
                "absurd_size",
            )
        self.width, self.height = width, height
        for element in root.findall("tileset"):
            self.tilesets.append(self.sources.tileset(element, self.path.parent, self.path))
        layers = self.layers(root)
        return TiledMap(
            path=self.path,
            width=width,
            height=height,
            tilewidth=max(1, int_attr(root, "tilewidth", 32, self.shown)),
            tileheight=max(1, int_attr(root, "tileheight", 32, self.shown)),
            props=read_properties(root),
            layers=layers,
            tilesets=self.tilesets,
            files=self.sources.files,
            tiled_version=root.get("tiledversion", ""),
        )

    def layers(
        self,
        parent: Element,
        offset: tuple[float, float] = (0.0, 0.0),
        opacity: float = 1.0,
        floor: int | None = None,
    ) -> list[Layer]:
        out: list[Layer] = []
        for element in parent:
            kind = {"layer": "tile", "objectgroup": "objects", "group": "group"}.get(element.tag)
            if kind is None and element.tag != "imagelayer":
                continue
            self.layer_count += 1
            if self.layer_count > MAX_LAYERS:
                raise self.fail(f"more than {MAX_LAYERS} layers", "merge layers", "absurd_size")
            layer = Layer(
                kind or "image",
                element.get("name", ""),
                read_properties(element),
                element.get("visible", "1") != "0",
            )
            layer.offset = (
                offset[0] + self.number(element, "offsetx", layer.name, floor),
                offset[1] + self.number(element, "offsety", layer.name, floor),
            )
            layer.opacity = opacity * min(
                1.0, max(0.0, self.number(element, "opacity", layer.name, floor, 1.0))
            )
            layer.floor = floor
            if kind == "group":
                declared = floor_number(layer)
                layer.floor = floor if floor is not None else declared
                layer.children = self.layers(element, layer.offset, layer.opacity, layer.floor)
            elif kind == "tile":
                layer.raw = self.tile_data(element, layer.name, floor)
                layer.gids = layer.raw & np.uint32(GID_MASK)
            elif kind == "objects":
                layer.objects = [self.object(o, layer) for o in element.findall("object")]
            out.append(layer)
        return out

    def number(
        self, element: Element, name: str, layer: str, floor: int | None, default: float = 0.0
    ) -> float:
        """A finite number attribute of a layer, or a one-line error naming it."""
        value = float_attr(element, name, self.shown) if name in element.attrib else default
        if not math.isfinite(value):
            raise self.fail(
                f'{name}="{element.get(name)}" is not a finite number',
                "set it again in the layer's properties in Tiled",
                "bad_number",
                floor=floor,
                layer=layer,
            )
        return value

    def tile_data(self, element: Element, name: str, floor: int | None) -> np.ndarray:
        data = element.find("data")
        if data is None:
            return np.zeros((self.height, self.width), dtype=np.uint32)
        try:
            return decode_layer(data, self.width, self.height)
        except LayerDataError as error:
            raise self.fail(error.what, error.fix, "layer_data", floor=floor, layer=name) from None

    def object(self, element: Element, owner: Layer) -> TiledObject:
        layer = owner.name
        self.object_count += 1
        if self.object_count > MAX_OBJECTS:
            raise self.fail(f"more than {MAX_OBJECTS} objects", "remove some", "absurd_size")
        attrs: dict[str, str] = {}
        props: dict[str, Prop] = {}
        base = element
        tile: tuple[str, int] | None = None
        relative = element.get("template", "")
        if relative:
            template = self.sources.template(relative, self.path.parent)
            base = template.element
            attrs.update(base.attrib)
            props.update(read_properties(base))
            if "gid" in base.attrib and template.tileset_path is not None:
                gid = int(base.get("gid", "0")) & GID_MASK
                tile = (str(template.tileset_path), gid - template.firstgid)
                self.remember_template_tileset(template.tileset_path)
        attrs.update({k: v for k, v in element.attrib.items() if k != "template"})
        props.update(read_properties(element))
        if "gid" in element.attrib:
            tile = self.tile_of(int(element.get("gid", "0")) & GID_MASK, element, layer)
        probe = Element("object", attrs)
        shaped = element if _has_shape(element) else base
        shape, points = _shape(shaped)
        if tile is not None:
            shape = "tile"
        obj = TiledObject(
            id=int_attr(element, "id", 0, self.shown),
            name=attrs.get("name", ""),
            cls=attrs.get("class") or attrs.get("type") or "",
            shape=shape,
            x=float_attr(probe, "x", self.shown),
            y=float_attr(probe, "y", self.shown),
            width=float_attr(probe, "width", self.shown),
            height=float_attr(probe, "height", self.shown),
            props=props,
            points=points,
            tile=tile,
            template=relative,
            rotation=float_attr(probe, "rotation", self.shown),
            text=(shaped.findtext("text") or "").strip()[:MAX_NOTE],
        )
        for name in ("x", "y", "width", "height", "rotation"):
            if not math.isfinite(getattr(obj, name)):
                raise self.fail(
                    f'{name}="{attrs.get(name)}" is not a finite number',
                    "drag the object back onto the map in Tiled (or fix the number)",
                    "bad_number",
                    floor=owner.floor,
                    layer=layer,
                    object_id=obj.id,
                    object_name=obj.name,
                )
        obj.x += owner.offset[0]  # where Tiled shows it: the layer's and groups' offsets
        obj.y += owner.offset[1]
        if tile is not None:
            obj.tile_props = self.tile_properties(tile)
        return obj

    def tile_properties(self, tile: tuple[str, int]) -> dict[str, Prop]:
        """The properties a tile object's tile carries (Tiled copies them into exports)."""
        key, local = tile
        for tileset in self.tilesets:
            if tileset.key == key:
                return tileset.tiles.get(local, {})
        if key in self.template_tiles:
            return self.template_tiles[key].tiles.get(local, {})
        return {}

    def tile_of(self, gid: int, element: Element, layer: str) -> tuple[str, int]:
        tileset = tileset_for(self.tilesets, gid)
        if tileset is not None:
            return tileset.key, gid - tileset.firstgid
        raise self.fail(
            f"the object's tile {gid} is in no tileset of the map",
            "re-add the tileset or replace the object's tile",
            "unknown_tile",
            layer=layer,
            object_id=int_attr(element, "id", 0, self.shown),
            object_name=element.get("name", ""),
        )


def tileset_for(tilesets: list[Tileset], gid: int) -> Tileset | None:
    """The tileset holding ``gid``: as in Tiled, the one with the largest ``firstgid`` not
    above it, if the gid is within its tiles."""
    found = None
    for tileset in tilesets:
        if tileset.firstgid <= gid and (found is None or tileset.firstgid > found.firstgid):
            found = tileset
    return found if found is not None and found.holds(gid) else None


def floor_number(layer: Layer) -> int | None:
    """The floor a group declares, by its ``floor`` property or its name."""
    prop = layer.props.get("floor")
    if prop is not None and isinstance(prop.value, str):
        try:
            return int(prop.value)
        except ValueError:
            return None
    match = FLOOR_NAME.match(layer.name)
    return int(match.group(1)) if match else None


def _has_shape(element: Element) -> bool:
    return any(
        element.find(tag) is not None for tag in ("point", "ellipse", "polygon", "polyline", "text")
    )


def _shape(element: Element) -> tuple[str, list[tuple[float, float]]]:
    for tag in ("polygon", "polyline"):
        child = element.find(tag)
        if child is not None:
            points = []
            for pair in child.get("points", "").split():
                px, _, py = pair.partition(",")
                try:
                    points.append((float(px), float(py)))
                except ValueError:
                    points = []
                    break
            return tag, points
    for tag in ("point", "ellipse", "text"):
        if element.find(tag) is not None:
            return tag, []
    return "rect", []


def read_map(path: Path) -> TiledMap:
    """Read a ``.tmx`` file and everything it uses; raises :class:`MapError` if unreadable."""
    return _Reader(Path(path)).read()
