"""What Tiled draws, the game draws: the map's own tile layers, through pytmx.

The rules read tiles through our loader and the pictures come from pytmx, so the two must
agree on every tile; and a floor drawn by ``rififi render --tiles-only`` must be the picture
Tiled's own ``tmxrasterizer`` makes of the same layers (where it is installed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pygame
import pytest
import pytmx
from tiled_helpers import ROOT, SHIPPED

from game.cli import main
from game.tiled.tmx import Layer, floor_number, read_map

OWN_ART = ROOT / "tests" / "maps" / "own_art" / "own_art.tmx"
STONES = {  # colours of the own_art map's stones.png tiles (see make_art.py)
    "flagstones": (150, 120, 90),
    "rock": (90, 90, 100),
    "sand": (170, 150, 110),
}


def tile_layers(layers: list[Layer]) -> list[Layer]:
    found = []
    for layer in layers:
        if layer.kind == "tile":
            found.append(layer)
        found.extend(tile_layers(layer.children))
    return found


def pytmx_gids(tmx: pytmx.TiledMap, layer: pytmx.TiledTileLayer) -> np.ndarray:
    """A pytmx layer's tiles as the numbers Tiled wrote (pytmx renumbers them inside)."""
    return np.array(
        [[tmx.tiledgidmap.get(g, 0) if g else 0 for g in row] for row in layer.data],
        dtype=np.uint32,
    )


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_pytmx_reading_the_map_sees_the_tiles_our_loader_sees(path: Path) -> None:
    tmx = pytmx.TiledMap(str(path))  # pytmx on the designer's file itself, no pictures
    theirs = [layer for layer in tmx.layers if isinstance(layer, pytmx.TiledTileLayer)]
    ours = tile_layers(read_map(path).layers)
    assert [layer.name for layer in theirs] == [layer.name for layer in ours]
    for their, our in zip(theirs, ours, strict=True):
        assert (pytmx_gids(tmx, their) == our.gids).all(), f"{path.name}: layer {our.name}"


@pytest.mark.parametrize("path", [*SHIPPED, OWN_ART], ids=lambda p: p.stem)
def test_the_pictures_are_cut_for_the_tiles_the_rules_read(path: Path) -> None:
    from game.tiled.pixels import map_art
    from game.ui.render.tilelayers import TileLayers

    pygame.init()
    drawn = TileLayers(map_art(path))
    theirs = [layer for layer in drawn.tmx.layers if isinstance(layer, pytmx.TiledTileLayer)]
    ours = tile_layers(read_map(path).layers)
    assert len(theirs) == len(ours)
    for their, our in zip(theirs, ours, strict=True):
        assert (pytmx_gids(drawn.tmx, their) == our.gids).all(), f"{path.name}: layer {our.name}"


def picture(path: Path) -> np.ndarray:
    """RGBA as [x, y, channel]; the colour of a fully transparent pixel does not count."""
    surface = pygame.image.load(str(path))
    rgba = np.dstack([pygame.surfarray.array3d(surface), pygame.surfarray.array_alpha(surface)])
    rgba = rgba.astype(int)
    rgba[rgba[..., 3] == 0] = 0
    return rgba


def test_a_designers_own_tilesets_draw_their_own_art(tmp_path: Path) -> None:
    """16-px tiles with margin and spacing, zstd ground, flipped decoration, a collection."""
    out = tmp_path / "own.png"
    assert main(["render", str(OWN_ART), "-o", str(out), "--tiles-only"]) == 0
    rgba = picture(out)
    assert rgba.shape[:2] == (12 * 16, 8 * 16)  # the map's own tile size, not the game's 32

    def at(cx: int, cy: int, dx: int = 8, dy: int = 12) -> tuple[int, ...]:
        return tuple(rgba[cx * 16 + dx, cy * 16 + dy, :3])

    assert at(0, 0) == STONES["rock"]
    assert at(1, 6) == STONES["flagstones"]
    assert at(4, 2) == STONES["sand"]  # cut from the sheet's second column: spacing counted
    # the decoration "L" (top-left bar) is drawn 3 px right, 2 px up; flipped, it moves:
    red = (200, 60, 60)
    assert tuple(rgba[16 + 3 + 5, 16 - 2 + 1, :3]) == red  # cell (1, 1) plain: bar on top
    assert tuple(rgba[48 + 3 + 5, 16 - 2 + 1, :3]) != red  # cell (3, 1) flipped vertically:
    assert tuple(rgba[48 + 3 + 5, 16 - 2 + 14, :3]) == red  # the bar is at the bottom
    # the image collection's lamp is 32 px tall: drawn up from its cell's bottom into the row
    # above, as Tiled does
    assert tuple(rgba[2 * 16 + 3 + 6, 5 * 16 - 2 + 4, :3]) == (240, 230, 120)


def test_the_game_draws_the_maps_own_art_under_its_people(tmp_path: Path) -> None:
    out = tmp_path / "game.png"
    assert main(["render", str(OWN_ART), "-o", str(out)]) == 0
    rgba = picture(out)
    label = 30  # the render's title strip
    # the game draws cells at 32 px: the 16-px rock tile scaled up, at a wall cell
    assert tuple(rgba[5 * 32 + 20, label + 7 * 32 + 20, :3]) == STONES["rock"]


def floor_only(source: Path, floor: int, out: Path) -> tuple[int, int]:
    """A copy of the map with only ``floor``'s tile layers (shown), for tmxrasterizer; returns
    the margins tmxrasterizer adds left and top for layer offsets."""
    tree = ElementTree.parse(source)
    root = tree.getroot()
    groups = [g for g in root if g.tag == "group"]
    for group in groups:
        if floor_number(Layer("group", group.get("name", ""), {})) != floor:
            root.remove(group)
        else:
            group.set("visible", "1")  # designers hide the floors they are not editing
    if not groups and floor:
        raise AssertionError("no such floor")
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in ("objectgroup", "imagelayer"):
                parent.remove(child)
    tree.write(out)
    offsets = [(float(e.get("offsetx", 0)), float(e.get("offsety", 0))) for e in root.iter()]
    return int(max(0, -min(x for x, _ in offsets))), int(max(0, -min(y for _, y in offsets)))


def floors_of(path: Path) -> list[tuple[Path, int]]:
    count = max(1, sum(1 for layer in read_map(path).layers if layer.kind == "group"))
    return [(path, f) for f in range(count)]


@pytest.mark.skipif(shutil.which("tmxrasterizer") is None, reason="Tiled is not installed")
@pytest.mark.parametrize(
    ("path", "floor"),
    [case for path in [*SHIPPED, OWN_ART] for case in floors_of(path)],
    ids=lambda v: v.stem if isinstance(v, Path) else str(v),
)
def test_a_floor_is_drawn_as_tiled_draws_it(path: Path, floor: int, tmp_path: Path) -> None:
    copy = path.parent / f".floor{floor}-{os.getpid()}-{path.name}"  # beside it: same paths
    try:
        left, top = floor_only(path, floor, copy)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
        subprocess.run(
            ["tmxrasterizer", str(copy), str(tmp_path / "tiled.png")],
            check=True, env=env, capture_output=True, timeout=60,
        )  # fmt: skip
    finally:
        copy.unlink(missing_ok=True)
    ours = tmp_path / "ours.png"
    assert main(["render", str(path), "-o", str(ours), "--floor", str(floor), "--tiles-only"]) == 0
    game = picture(ours)
    tiled = picture(tmp_path / "tiled.png")[left : left + game.shape[0], top : top + game.shape[1]]
    assert tiled.shape == game.shape
    # exact; the own-art map blends translucent tiles, where Qt and SDL round one level apart
    tolerance = 1 if path == OWN_ART else 0
    difference = np.abs(tiled - game).max(axis=2)
    assert difference.max() <= tolerance, f"{(difference > tolerance).sum()} pixels differ"


def test_a_door_is_drawn_over_its_tile_only_once_its_state_changed() -> None:
    """The map's own door tile shows the door as it starts; the game draws it once opened."""
    from game.tiled import load_world
    from game.ui.render.mapview import MapView
    from game.ui.snapshot import _ensure_display

    _ensure_display()
    world = load_world(ROOT / "maps" / "tutorial.tmx")
    door = next(d for d in world.doors.values() if not d.open and not d.locked)
    f, x, y = door.cell.floor, door.cell.x, door.cell.y
    view = MapView()
    terrain = view.terrain(world, f, 32)

    def cell_pixels(surface: pygame.Surface) -> np.ndarray:
        return pygame.surfarray.array3d(surface)[x * 32 : x * 32 + 32, y * 32 : y * 32 + 32]

    drawn = terrain.copy()
    view._things(drawn, world, f, 32)
    assert (cell_pixels(drawn) == cell_pixels(terrain)).all()  # Tiled's own tile, untouched
    door.open = True
    opened = terrain.copy()
    view._things(opened, world, f, 32)
    assert (cell_pixels(opened) != cell_pixels(terrain)).any()
