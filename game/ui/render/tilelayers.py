"""A floor's own tile layers drawn as Tiled draws them, with tile pictures from pytmx.

:func:`game.tiled.pixels.map_art` says which tile goes where; pytmx (``pytmx.util_pygame``)
cuts the pictures out of the map's own tilesets, whatever their tile size, margins and
spacing, or gives an image collection's own pictures. Flip flags, a tileset's
``tileoffset``, tiles taller than a cell (drawn up from the cell's bottom, as Tiled does),
layer offsets, opacity and visibility are applied here. Each floor is drawn once per map
version at the map's own pixel size; the map view scales and caches it per zoom.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pygame
import pytmx
from pytmx.util_pygame import handle_transformation, pygame_image_loader

from game.tiled import Light, MapError, light_sources
from game.tiled.layerdata import GID_MASK
from game.tiled.pixels import ArtLayer, MapArt, map_art

logging.getLogger("pytmx").setLevel(logging.CRITICAL)  # its errors come back as exceptions


class TileLayers:
    """The pictures of one map's floors."""

    def __init__(self, art: MapArt, lights: list[Light] | None = None) -> None:
        self.art = art
        self.lights = lights or []  # the map's light sources, drawn over the terrain
        self.tmx = pytmx.TiledMap(image_loader=_image_loader)
        self.tmx.filename = str(art.path)
        self.tmx.parse_xml(art.document)
        self._images: dict[int, pygame.Surface | None] = {}
        self._floors: dict[int, pygame.Surface] = {}

    @property
    def pixel_size(self) -> tuple[int, int]:
        return self.art.width * self.art.tilewidth, self.art.height * self.art.tileheight

    def image(self, raw: int) -> pygame.Surface | None:
        """The picture of a tile number as written in the map (flip bits applied)."""
        found = self._images.get(raw, False)
        if found is not False:
            return found  # type: ignore[return-value]
        picture = None
        mapped = self.tmx.map_gid(raw & GID_MASK)
        if mapped:
            picture = self.tmx.images[mapped[0][0]]
            if picture is not None and raw & ~GID_MASK:
                picture = handle_transformation(picture, pytmx.pytmx.decode_gid(raw)[1])
        self._images[raw] = picture
        return picture

    def floor(self, floor: int) -> pygame.Surface:
        """Every shown tile layer of ``floor`` at the map's own pixel size (transparent)."""
        found = self._floors.get(floor)
        if found is None:
            found = pygame.Surface(self.pixel_size, pygame.SRCALPHA)
            for layer in self.art.of_floor(floor):
                if layer.shown and layer.opacity > 0:
                    self._draw_layer(found, layer)
            self._floors[floor] = found
        return found

    def _draw_layer(self, target: pygame.Surface, layer: ArtLayer) -> None:
        art = self.art
        tw, th = art.tilewidth, art.tileheight
        into = target if layer.opacity >= 1 else pygame.Surface(self.pixel_size, pygame.SRCALPHA)
        lx, ly = round(layer.offset[0]), round(layer.offset[1])
        for y, x in np.argwhere(layer.raw != 0).tolist():
            raw = int(layer.raw[y, x])
            picture = self.image(raw)
            if picture is None:
                continue
            dx, dy = art.tileoffset(raw & GID_MASK)
            into.blit(picture, (x * tw + lx + dx, (y + 1) * th - picture.get_height() + ly + dy))
        if into is not target:
            into.set_alpha(round(layer.opacity * 255))
            target.blit(into, (0, 0))


def _image_loader(filename: str, colorkey: str | None, **kwargs: object):
    """pytmx's own pygame loader; without a window (tests, headless renders) the same cuts
    without its pixel-format conversion, which needs one."""
    if pygame.display.get_surface() is not None:
        return pygame_image_loader(filename, colorkey, **kwargs)
    image = pygame.image.load(filename)
    if colorkey:
        image.set_colorkey(pygame.Color(f"#{colorkey}"))

    def load(rect: tuple[int, int, int, int] | None = None, flags: object = None):
        tile = image.subsurface(rect) if rect else image
        return handle_transformation(tile, flags) if flags else tile

    return load


def tile_layers(source: str) -> TileLayers | None:
    """The drawn floors and light sources of the map at ``source`` (None for a world made
    without a map, or when its pictures cannot be loaded: the renderer then paints by tile
    name). Loads the
    map and its pictures: callers keep the result for as long as their world lives."""
    if not source.endswith(".tmx") or not Path(source).is_file():
        return None
    try:
        art = map_art(Path(source))
        return TileLayers(art, light_sources(art.path))
    except (MapError, pygame.error, OSError, ValueError, KeyError, TypeError):
        return None
