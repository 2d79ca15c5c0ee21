"""The static shape of the map: what each cell is made of.

Terrain is a set of NumPy arrays over ``[floor, y, x]``, built from per-tile properties (the
Tiled tileset's custom properties, or the ASCII legend in tests). Dynamic things that change
during play (doors opening, holes drilled) live on the world, not here.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class TileProps:
    """What one kind of tile means to the rules. Mirrors the tileset's custom properties."""

    name: str = "floor"
    walkable: bool = True
    opaque: bool = False
    attenuation: int = 1
    floor_attenuation: int = 30
    door: str = ""  # "", "open", "closed" or "locked": the door's state at the start
    window: bool = False
    stairs: str = ""  # "", "up" or "down"
    drillable: bool = False
    lit: bool = True
    outdoor: bool = False


WALL = TileProps(name="wall", walkable=False, opaque=True, attenuation=12)
FLOOR = TileProps()
VOID = TileProps(name="void", walkable=False, opaque=True, attenuation=12, floor_attenuation=0)


class Terrain:
    """Per-cell terrain arrays for a stack of equal floors."""

    def __init__(self, floors: int, width: int, height: int) -> None:
        if floors < 1 or width < 1 or height < 1:
            raise ValueError(f"a map needs at least one cell, not {floors}x{width}x{height}")
        shape = (floors, height, width)
        self.shape = shape
        self.walkable = np.zeros(shape, dtype=bool)
        self.opaque = np.ones(shape, dtype=bool)
        self.attenuation = np.full(shape, VOID.attenuation, dtype=np.int16)
        self.floor_attenuation = np.zeros(shape, dtype=np.int16)
        self.window = np.zeros(shape, dtype=bool)
        self.stairs_up = np.zeros(shape, dtype=bool)
        self.stairs_down = np.zeros(shape, dtype=bool)
        self.drillable = np.zeros(shape, dtype=bool)
        self.lit = np.zeros(shape, dtype=bool)
        self.outdoor = np.zeros(shape, dtype=bool)
        self.door = np.zeros(shape, dtype=bool)
        self.names: list[str] = [VOID.name]
        self.name_index = np.zeros(shape, dtype=np.int16)

    @property
    def floors(self) -> int:
        return self.shape[0]

    @property
    def height(self) -> int:
        return self.shape[1]

    @property
    def width(self) -> int:
        return self.shape[2]

    def in_bounds(self, floor: int, x: int, y: int) -> bool:
        """True for a cell inside the map."""
        return 0 <= floor < self.shape[0] and 0 <= y < self.shape[1] and 0 <= x < self.shape[2]

    def fill(self, tile_ids: np.ndarray, palette: list[TileProps]) -> None:
        """Set every cell at once from an array of indices into ``palette`` (fast path)."""
        if tile_ids.shape != self.shape:
            raise ValueError(f"tile array {tile_ids.shape} does not match terrain {self.shape}")
        for field, dtype in (
            ("walkable", bool),
            ("opaque", bool),
            ("attenuation", np.int16),
            ("floor_attenuation", np.int16),
            ("window", bool),
            ("drillable", bool),
            ("lit", bool),
            ("outdoor", bool),
        ):
            lookup = np.array([getattr(p, field) for p in palette], dtype=dtype)
            getattr(self, field)[...] = lookup[tile_ids]
        self.stairs_up[...] = np.array([p.stairs == "up" for p in palette])[tile_ids]
        self.stairs_down[...] = np.array([p.stairs == "down" for p in palette])[tile_ids]
        self.door[...] = np.array([p.door != "" for p in palette])[tile_ids]
        names = np.array([self._name_id(p.name) for p in palette], dtype=np.int16)
        self.name_index[...] = names[tile_ids]

    def tile_name(self, floor: int, x: int, y: int) -> str:
        """The tile's name at a cell, for messages and the renderer."""
        return self.names[int(self.name_index[floor, y, x])]

    def _name_id(self, name: str) -> int:
        if name not in self.names:
            self.names.append(name)
        return self.names.index(name)

    def digest_arrays(self) -> list[np.ndarray]:
        """The arrays that define the map's shape, in a fixed order, for hashing."""
        return [
            self.walkable,
            self.opaque,
            self.attenuation,
            self.floor_attenuation,
            self.window,
            self.stairs_up,
            self.stairs_down,
            self.drillable,
            self.lit,
            self.outdoor,
            self.door,
        ]
