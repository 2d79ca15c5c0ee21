"""Shared helpers for the Tiled tests: a sandbox laid out like the repository, a small valid
map to break in many ways, and a rewriter that saves a map the way current Tiled may."""

from __future__ import annotations

import base64
import gzip
import os
import re
import sys
import zlib
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import zstandard

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.build_maps import tile_ids  # noqa: E402
from tools.mapgen.tmxwrite import FloorArt, MapSpec, Thing, render  # noqa: E402

MAPS = ROOT / "maps"
SHIPPED = sorted(MAPS.glob("*.tmx"))


def sandbox(tmp: Path) -> Path:
    """``tmp/maps`` beside links to the real assets and templates; returns ``tmp/maps``."""
    maps = tmp / "maps"
    maps.mkdir(exist_ok=True)
    if not (tmp / "assets").exists():
        os.symlink(ROOT / "assets", tmp / "assets")
        os.symlink(MAPS / "templates", maps / "templates")
    return maps


SMALL_GROUND = """
###########
#T.J......#
#....V..B.#
#...+.....#
#%%%%.%%%%#
#.G...1.>.#
#E..X.....#
###########
"""
SMALL_UP = """
###########
#.........#
#.........#
#.........#
#.........#
#.......<.#
#.........#
###########
"""


def small_spec(ground: str = SMALL_GROUND, up: str = SMALL_UP, **props: object) -> MapSpec:
    """A tiny valid two-floor mission: Tony and César, a safe, a wired sensor, a guard."""
    mission: dict[str, object] = {
        "title": "Test", "briefing": "A test.", "start_time": "23:00", "deadline": "06:00",
        "crew": "tony,cesar", "objective_escape": True, "objective_loot": 500,
    }  # fmt: skip
    mission.update(props)
    things = {
        "T": Thing("tony"),
        "J": Thing("cesar"),
        "E": Thing("exit"),
        "X": Thing("safe", props={"value": 500}),
        "V": Thing("sensor", props={"bell": "@B"}),
        "B": Thing("bell"),
        "G": Thing("watchman", route="G1", props={"state": "patrol"}),
    }
    spec = MapSpec("small", list(mission.items()), [
        FloorArt("floor 0", ground, {k: v for k, v in things.items() if k in ground}),
        FloorArt("floor 1", up, {}),
    ])  # fmt: skip
    return spec


def small_map_text(spec: MapSpec | None = None) -> str:
    terrain = tile_ids(ROOT / "assets" / "tilesets" / "terrain.tsx", "name")
    count = int(
        ElementTree.parse(ROOT / "assets" / "tilesets" / "terrain.tsx").getroot().get("tilecount")
    )
    return render(spec or small_spec(), terrain, count + 1)


# --- saving like current Tiled ------------------------------------------------------------


def encode_layers(text: str, compression: str) -> str:
    """Re-encode every CSV layer as base64 with ``compression`` ("", zlib, gzip, zstd)."""

    def repl(match: re.Match[str]) -> str:
        values = np.array([int(v) for v in match.group(1).replace("\n", "").split(",")])
        raw = values.astype("<u4").tobytes()
        packed = {
            "": lambda b: b,
            "zlib": zlib.compress,
            "gzip": gzip.compress,
            "zstd": lambda b: zstandard.ZstdCompressor().compress(b),
        }[compression](raw)
        attrs = 'encoding="base64"' + (f' compression="{compression}"' if compression else "")
        return f"<data {attrs}>\n   {base64.b64encode(packed).decode()}\n  </data>"

    return re.sub(r'<data encoding="csv">\n(.*?)\n</data>', repl, text, flags=re.S)


def modernise(text: str) -> str:
    """What Tiled 1.10+ writes: version 1.10 and ``class=`` instead of ``type=``."""
    text = text.replace(
        'version="1.8" tiledversion="1.8.2"', 'version="1.10" tiledversion="1.11.2"'
    )
    return re.sub(r'(<object [^>]*?)\btype="', r'\1class="', text)


def nest_groups(text: str) -> str:
    """Floors inside a "building" group, each floor's tile layers inside a "terrain" group."""
    root = ElementTree.fromstring(text)
    floors = [g for g in root.findall("group")]
    building = ElementTree.Element("group", {"id": "900", "name": "building"})
    for index, group in enumerate(floors):
        root.remove(group)
        inner = ElementTree.Element("group", {"id": str(901 + index), "name": "terrain"})
        for layer in [child for child in group if child.tag == "layer"]:
            group.remove(layer)
            inner.append(layer)
        group.insert(0, inner)
        building.append(group)
    root.append(building)
    return ElementTree.tostring(root, encoding="unicode")


def detach_templates(text: str, maps: Path) -> str:
    """Replace template instances by full objects (what "Detach" in Tiled writes)."""
    root = ElementTree.fromstring(text)
    objects_firstgid = int(root.findall("tileset")[1].get("firstgid"))
    for obj in root.iter("object"):
        source = obj.get("template")
        if not source:
            continue
        template = ElementTree.parse(maps / source).getroot().find("object")
        del obj.attrib["template"]
        for key, value in template.attrib.items():
            if key == "gid":
                value = str(int(value) - 1 + objects_firstgid)
            obj.attrib.setdefault(key, value)
        props = obj.find("properties")
        tprops = template.find("properties")
        if tprops is not None:
            if props is None:
                props = ElementTree.SubElement(obj, "properties")
            have = {p.get("name") for p in props}
            for prop in tprops:
                if prop.get("name") not in have:
                    props.append(prop)
    return ElementTree.tostring(root, encoding="unicode")
