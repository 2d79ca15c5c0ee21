"""The game's pictures: terrain tiles by name, object sprites, portraits and icons.

Tiles are found by the ``name`` property of ``terrain.tsx`` (and ``rooms.tsx``, the pieces
that tell one room kind from another) and sprites by the ``sprite``
property of ``objects.tsx``, the same names the simulation keeps, so any map (and the ASCII
test worlds) draws without a per-map table. A name the art does not have gets a flat colour
chosen from the cell's properties, so nothing ever fails to draw.
"""

from __future__ import annotations

import json
from pathlib import Path

import pygame
from defusedxml import ElementTree

from game.content import assets_dir

TILE = 32  # the art's tile size in pixels

#: Names the ASCII worlds and older maps use, mapped to a tile of the art.
ALIASES = {
    "wall": "wall_plaster",
    "floor": "floor_wood",
    "floor_dark": "floor_wood_dark",
    "floor_drillable": "drillable_floor_wood",
    "door": "floor_wood",
    "door_open": "floor_wood",
    "door_closed": "floor_wood",
    "door_locked": "floor_wood",
    "watchman": "guard",
    "neighbor": "neighbour",
    "contact": "door_contact",
}

#: Sprite for each unit role (roles not listed use their own name, then "guard").
ROLE_SPRITES = {"watchman": "guard", "guard": "guard", "policeman": "police"}

#: Fallback colours by what a cell is, for tiles the art does not have.
FALLBACK = {
    "void": (8, 8, 10),
    "wall": (88, 84, 80),
    "window": (60, 90, 120),
    "door": (110, 80, 50),
    "stairs": (120, 100, 70),
    "outdoor": (48, 52, 50),
    "floor": (70, 58, 46),
    "dark": (46, 40, 34),
}


def _read_tileset(tsx: Path, prop: str) -> tuple[Path, int, int, int, dict[int, str]]:
    """A tileset's image, tile size, columns, and tile id -> the value of ``prop``."""
    root = ElementTree.parse(str(tsx)).getroot()
    image = root.find("image")
    if image is None:
        raise ValueError(f"{tsx}: the tileset has no image")
    names: dict[int, str] = {}
    for tile in root.findall("tile"):
        for item in tile.iter("property"):
            if item.get("name") == prop and item.get("value"):
                names[int(tile.get("id", "0"))] = str(item.get("value"))
    return (
        (tsx.parent / str(image.get("source"))).resolve(),
        int(root.get("tilewidth", TILE)),
        int(root.get("tileheight", TILE)),
        int(root.get("columns", "1")),
        names,
    )


def _slice(tsx: Path, prop: str) -> dict[str, pygame.Surface]:
    try:
        image_path, width, height, columns, names = _read_tileset(tsx, prop)
        sheet = pygame.image.load(str(image_path))
    except (OSError, ValueError, pygame.error, ElementTree.ParseError):
        return {}
    if pygame.display.get_surface() is not None:
        sheet = sheet.convert_alpha()
    tiles: dict[str, pygame.Surface] = {}
    for tile_id, name in names.items():
        rect = pygame.Rect(
            (tile_id % columns) * width, (tile_id // columns) * height, width, height
        )
        if sheet.get_rect().contains(rect) and name not in tiles:
            tiles[name] = sheet.subsurface(rect)
    return tiles


class Art:
    """All pictures, loaded once, with copies scaled to the current zoom kept on demand."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root or assets_dir()
        self.tiles = {
            **_slice(self.root / "tilesets" / "rooms.tsx", "name"),
            **_slice(self.root / "tilesets" / "terrain.tsx", "name"),
        }
        self.sprites = _slice(self.root / "tilesets" / "objects.tsx", "sprite")
        self.portraits: dict[str, pygame.Surface] = {}
        for path in sorted((self.root / "portraits").glob("*.png")):
            try:
                self.portraits[path.stem] = pygame.image.load(str(path))
            except pygame.error:
                continue
        self.icons = self._icons()
        self._scaled: dict[tuple[str, str, int], pygame.Surface] = {}
        self._greyed: dict[tuple[str, str, int], pygame.Surface | None] = {}

    def _icons(self) -> dict[str, pygame.Surface]:
        index = self.root / "tiles" / "ui_icons.json"
        try:
            names = json.loads(index.read_text(encoding="utf-8"))
            sheet = pygame.image.load(str(self.root / "tiles" / "ui_icons.png"))
        except (OSError, ValueError, pygame.error):
            return {}
        if not isinstance(names, dict):
            return {}
        size = sheet.get_height() if sheet.get_height() < sheet.get_width() else TILE
        size = min(size, TILE)
        columns = max(1, sheet.get_width() // size)
        icons = {}
        for name, number in names.items():
            if isinstance(number, int):
                rect = pygame.Rect(
                    (number % columns) * size, (number // columns) * size, size, size
                )
                if sheet.get_rect().contains(rect):
                    icons[str(name)] = sheet.subsurface(rect)
        return icons

    def tile(self, name: str) -> pygame.Surface | None:
        return self.tiles.get(name) or self.tiles.get(ALIASES.get(name, ""))

    def sprite(self, name: str) -> pygame.Surface | None:
        return self.sprites.get(name) or self.sprites.get(ALIASES.get(name, ""))

    def scaled(self, group: str, name: str, size: int) -> pygame.Surface | None:
        """A tile, sprite or icon at ``size`` pixels, cached (zoom changes rarely)."""
        key = (group, name, size)
        found = self._scaled.get(key)
        if found is None:
            source = {
                "tile": self.tile,
                "sprite": self.sprite,
                "icon": self.icons.get,
                "portrait": self.portraits.get,
            }[group](name)
            if source is None:
                return None
            found = (
                source
                if source.get_width() == size
                else pygame.transform.smoothscale(source.convert_alpha(), (size, size))
                if pygame.display.get_surface() is not None
                else pygame.transform.smoothscale(source, (size, size))
            )
            self._scaled[key] = found
        return found

    def greyed(self, group: str, name: str, size: int) -> pygame.Surface | None:
        """:meth:`scaled` darkened to grey, for what cannot be done now: made once, not
        copied and blend-filled every frame it is shown."""
        key = (group, name, size)
        if key not in self._greyed:
            picture = self.scaled(group, name, size)
            if picture is not None:
                picture = picture.copy()
                picture.fill((90, 90, 90, 255), special_flags=pygame.BLEND_RGBA_MULT)
            self._greyed[key] = picture
        return self._greyed[key]


_art: Art | None = None


def art() -> Art:
    """The shared picture set (loaded on first use, after the window exists)."""
    global _art
    if _art is None:
        _art = Art()
    return _art


def reload_art() -> Art:
    """Load the pictures again (``--watch`` after a tileset was saved)."""
    global _art
    _art = Art()
    return _art
