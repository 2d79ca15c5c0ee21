"""Write the Tiled project, templates and the three story maps: ``python tools/build_maps.py``.

Deterministic: the same sources give byte-identical files. Tile ids come from the tilesets'
``name``/``sprite`` properties (never hard-coded), so the art can grow without breaking the
maps. Once a map is shipped, designers may edit it in Tiled directly; rerunning this script
overwrites such edits, so a map edited by hand should be removed from ``MAPS`` below.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.mapgen import country_house, jeweler, tutorial  # noqa: E402
from tools.mapgen.tmxwrite import render  # noqa: E402
from tools.mapgen.types import write_types  # noqa: E402

MAPS = {"tutorial": tutorial.SPEC, "jeweler": jeweler.SPEC, "country_house": country_house.SPEC}


def tile_ids(tileset: Path, key: str) -> dict[str, int]:
    """``{property value: local tile id}`` for the tiles of a tileset carrying ``key``."""
    ids: dict[str, int] = {}
    for tile in ElementTree.parse(tileset).getroot().iter("tile"):
        for prop in tile.iter("property"):
            if prop.get("name") == key:
                ids[prop.get("value", "")] = int(tile.get("id", "0"))
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "maps", help="the maps folder")
    parser.add_argument(
        "--pictures", type=Path, metavar="DIR", default=None,
        help="also render each floor with Tiled's tmxrasterizer into DIR (docs/images)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    tilesets = ROOT / "assets" / "tilesets"
    terrain = tile_ids(tilesets / "terrain.tsx", "name")
    sprites = tile_ids(tilesets / "objects.tsx", "sprite")
    terrain_count = int(ElementTree.parse(tilesets / "terrain.tsx").getroot().get("tilecount", "0"))
    args.out.mkdir(parents=True, exist_ok=True)
    written = write_types(args.out, sprites)
    for name, spec in MAPS.items():
        path = args.out / f"{name}.tmx"
        path.write_text(render(spec, terrain, 1 + terrain_count), encoding="utf-8")
        written.append(path)
    if args.pictures is not None:
        from tools.mapgen.pictures import floor_pictures

        args.pictures.mkdir(parents=True, exist_ok=True)
        for name in MAPS:
            written.extend(floor_pictures(args.out / f"{name}.tmx", args.pictures))
    for path in written:
        print(path.resolve().relative_to(ROOT) if ROOT in path.resolve().parents else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
