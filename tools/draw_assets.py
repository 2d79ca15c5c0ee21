"""Draw every image asset of Rififi and write the Tiled tilesets that describe them.

Run ``python tools/draw_assets.py`` from the repository root (or anywhere: paths
are relative to this file). Output is deterministic: each drawing gets its own
generator seeded from its name, so changing one tile never reshuffles another.

Writes:
    assets/tiles/terrain.png, assets/tilesets/terrain.tsx   terrain atlas + rules
    assets/tiles/rooms.png, assets/tilesets/rooms.tsx       furniture and ground by room
    assets/tiles/objects.png, assets/tilesets/objects.tsx   sprites of things
    assets/tiles/walk.png, assets/tilesets/walk.tsx         walk-cycle frames of the people
    assets/tiles/ui_icons.png, assets/tiles/ui_icons.json   action icons
    assets/portraits/{tony,jo,mario,cesar}.png              64x64 crew portraits
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
import pygame
from art import furniture, icons, portraits, rooms, sprites, structures, terrain, walking
from art.canvas import Canvas, blit, rng_for, sepia, unlit
from art.tilesets import ICONS, OBJECTS, ROOMS, TERRAIN, tsx, write_tilesets

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
TILE = 32
COLUMNS = 8

Draw = Callable[[Canvas, np.random.Generator], None]


def _dark(draw: Draw, source: str) -> Draw:
    """The unlit twin of a lit tile: same pattern (same seed), night-graded."""

    def drawn(cv: Canvas, _rng: np.random.Generator) -> None:
        draw(cv, rng_for(source))
        unlit(cv)

    return drawn


TERRAIN_DRAWINGS: dict[str, Draw] = {
    "void": terrain.void,
    "floor_wood": terrain.floor_wood,
    "floor_wood_dark": _dark(terrain.floor_wood, "floor_wood"),
    "floor_tile": terrain.floor_tile,
    "floor_tile_dark": _dark(terrain.floor_tile, "floor_tile"),
    "floor_carpet": terrain.floor_carpet,
    "pavement": terrain.pavement,
    "pavement_dark": _dark(terrain.pavement, "pavement"),
    "road": terrain.road,
    "grass": terrain.grass,
    "grass_dark": _dark(terrain.grass, "grass"),
    "gravel": terrain.gravel,
    "wall_brick": structures.wall_brick,
    "wall_plaster": structures.wall_plaster,
    "wall_stone": structures.wall_stone,
    "hedge": structures.hedge,
    "tree": structures.tree,
    "window": structures.window,
    "shop_window": structures.shop_window,
    "door_closed": structures.door_closed,
    "door_open": structures.door_open,
    "door_locked": structures.door_locked,
    "stairs_up": structures.stairs_up,
    "stairs_down": structures.stairs_down,
    "counter": furniture.counter,
    "table": furniture.table,
    "shelf": furniture.shelf,
    "bed": furniture.bed,
    "sofa": furniture.sofa,
    "drillable_floor_wood": terrain.drillable_floor_wood,
    "rubble": terrain.rubble,
    "lamp_post": terrain.lamp_post,
}


def draw_tile(name: str, draw: Draw, wrap: bool, grade: float = 0.12) -> np.ndarray:
    """One 32x32 tile as RGBA8, sepia-graded like the rest of the set."""
    cv = Canvas(TILE, TILE, wrap=wrap)
    draw(cv, rng_for(name))
    sepia(cv, grade)
    return cv.rgba8()


def atlas(tiles: list[np.ndarray], columns: int = COLUMNS) -> np.ndarray:
    """Pack tiles row-major into an atlas whose row count fits them all."""
    rows = -(-len(tiles) // columns)
    out = np.zeros((rows * TILE, columns * TILE, 4), dtype=np.uint8)
    for i, tile in enumerate(tiles):
        blit(out, tile, (i % columns) * TILE, (i // columns) * TILE)
    return out


def save_png(pixels: np.ndarray, path: Path) -> None:
    """Write an RGBA8 array as a PNG through pygame (no window needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    h, w = pixels.shape[:2]
    surface = pygame.image.frombuffer(np.ascontiguousarray(pixels).tobytes(), (w, h), "RGBA")
    pygame.image.save(surface, str(path))


def _agree(kind: str, names: list[str], drawings: dict[str, Draw]) -> None:
    """Stop unless every tile of a tileset has a drawing and every drawing a tile."""
    missing = set(names) ^ set(drawings)
    if missing:
        raise SystemExit(f"{kind} drawings and properties disagree on: {sorted(missing)}")


def main() -> int:
    names = [t.name for t in TERRAIN]
    _agree("terrain", names, TERRAIN_DRAWINGS)
    terrain_png = atlas([draw_tile(n, TERRAIN_DRAWINGS[n], wrap=True) for n in names])
    save_png(terrain_png, ASSETS / "tiles" / "terrain.png")
    room_names = [t.name for t in ROOMS]
    _agree("room", room_names, rooms.DRAWINGS)
    rooms_png = atlas([draw_tile(n, rooms.DRAWINGS[n], wrap=True) for n in room_names])
    save_png(rooms_png, ASSETS / "tiles" / "rooms.png")

    blank = np.zeros((TILE, TILE, 4), dtype=np.uint8)  # a retired slot
    objects_png = atlas(
        [draw_tile(n, sprites.DRAWINGS[n], wrap=False, grade=0.08) if n else blank for n in OBJECTS]
    )
    save_png(objects_png, ASSETS / "tiles" / "objects.png")

    walk_png = atlas(
        [draw_tile(n, walking.DRAWINGS[n], wrap=False, grade=0.08) for n in walking.NAMES]
    )
    save_png(walk_png, ASSETS / "tiles" / "walk.png")

    icons_png = atlas([draw_tile(n, icons.DRAWINGS[n], wrap=False, grade=0.0) for n in ICONS])
    save_png(icons_png, ASSETS / "tiles" / "ui_icons.png")
    index = {name: i for i, name in enumerate(ICONS)}
    (ASSETS / "tiles" / "ui_icons.json").write_text(json.dumps(index, indent=2) + "\n")

    for name in portraits.DRAWINGS:
        save_png(portraits.portrait(name), ASSETS / "portraits" / f"{name}.png")

    size = lambda a: (a.shape[1], a.shape[0])  # noqa: E731
    write_tilesets(
        ASSETS / "tilesets", size(terrain_png), size(objects_png), size(rooms_png), COLUMNS
    )
    walk_props: list[dict[str, object]] = [{"sprite": s} for s in walking.NAMES]
    (ASSETS / "tilesets" / "walk.tsx").write_text(
        tsx("walk", "../tiles/walk.png", COLUMNS, size(walk_png), walk_props)
    )
    print(
        f"wrote {len(names)} terrain tiles, {len(room_names)} room tiles, "
        f"{sum(1 for n in OBJECTS if n)} sprites, {len(walking.NAMES)} walk frames, "
        f"{len(ICONS)} icons, "
        f"{len(portraits.DRAWINGS)} portraits under {ASSETS}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
