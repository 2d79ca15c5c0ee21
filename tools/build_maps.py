"""Write the Tiled project's types, ``objecttypes.xml`` and the object templates:
``python tools/build_maps.py [--pictures docs/images]``.

The shipped ``.tmx`` files are the source of the missions: a change to a mission is a change
to its map, made in Tiled as a designer would (``rififi new DIR --from MISSION`` for an
editable copy). This script writes no map. It keeps the custom types in one table
(:mod:`tools.mapgen.types`) and can draw pictures of the shipped maps with Tiled's own
``tmxrasterizer`` for the docs. Deterministic: the same sources give byte-identical files;
sprite ids come from the tilesets' ``sprite`` properties, never hard-coded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.mapgen.types import write_types  # noqa: E402


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
    sprites = tile_ids(ROOT / "assets" / "tilesets" / "objects.tsx", "sprite")
    args.out.mkdir(parents=True, exist_ok=True)
    written = write_types(args.out, sprites)
    if args.pictures is not None:
        from tools.mapgen.pictures import floor_pictures

        args.pictures.mkdir(parents=True, exist_ok=True)
        for tmx in sorted((ROOT / "maps").glob("*.tmx")):
            written.extend(floor_pictures(tmx, args.pictures))
    for path in written:
        print(path.resolve().relative_to(ROOT) if ROOT in path.resolve().parents else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
