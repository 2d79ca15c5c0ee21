"""``rififi new DIR [--from MISSION]``: an editable mission folder for Tiled, outside the game.

A designer who installed the game with pip has its maps inside ``site-packages``; this
writes a folder laid out like the repository, so every relative path in the maps, templates
and tilesets stays right::

    DIR/maps/NAME.tmx              the mission (the smallest playable one, or a shipped copy)
    DIR/maps/rififi.tiled-project  open this in Tiled: the custom types, the commands that
                                   play, check (and solve) the open map, the extension
    DIR/maps/templates/*.tx        one template per kind of thing
    DIR/maps/extensions/*.js       the Issues view extension
    DIR/assets/tilesets/*.tsx      the terrain and object tilesets, with their images

The folder is built beside DIR and renamed into place, so a failure leaves nothing half
written. The new map passes ``rififi check`` as it is: a walled room, Tony and an exit.

The commands are added to the copied project file, not to the shipped one: every recording
hashes the shipped project file, and commands do not change what a map means.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from game.content import assets_dir, maps_dir
from game.tiled.sources import parse_tileset
from game.tiled.xmlfile import read_xml

BLANK = "mission"  # the new map's name when it starts empty
WIDTH, HEIGHT = 16, 10
_PROJECT = "rififi.tiled-project"
#: Tiled's commands (File > Commands, or the toolbar's command button): name -> arguments.
#: ("Solve with Rififi": "solve %mapfile" joins them with the solver, issue 11.)
COMMANDS = {
    "Play in Rififi": "play %mapfile --watch",
    "Check with Rififi": "check %mapfile",
    "Solve with Rififi": "solve %mapfile --view",
}


def shipped_missions() -> list[str]:
    return sorted(p.stem for p in maps_dir().glob("*.tmx"))


def write_folder(target: Path, mission: str | None) -> str:
    """Build the folder beside ``target`` and move it into place; returns the map's name."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        _copy_content(building)
        name = mission or BLANK
        tmx = building / "maps" / f"{name}.tmx"
        if mission is None:
            tmx.write_text(blank_map(building / "assets" / "tilesets"), encoding="utf-8")
        else:
            shutil.copyfile(maps_dir() / f"{mission}.tmx", tmx)
        if target.exists():
            target.rmdir()  # empty (checked by the caller)
        os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return name


def _copy_content(root: Path) -> None:
    maps, tilesets = root / "maps", root / "assets" / "tilesets"
    maps.mkdir()
    (maps / _PROJECT).write_text(project_text(), encoding="utf-8")
    shutil.copyfile(maps_dir() / "objecttypes.xml", maps / "objecttypes.xml")
    shutil.copytree(maps_dir() / "templates", maps / "templates")
    extensions = maps_dir() / "extensions"
    if extensions.is_dir():
        shutil.copytree(extensions, maps / "extensions")
    else:
        (maps / "extensions").mkdir()
    tilesets.mkdir(parents=True)
    for tsx in sorted((assets_dir() / "tilesets").glob("*.tsx")):
        shutil.copyfile(tsx, tilesets / tsx.name)
        for image in read_xml(tsx, "tileset").iter("image"):
            source = (tsx.parent / image.get("source", "")).resolve()
            copy = (tilesets / image.get("source", "")).resolve()
            if copy.is_relative_to(root.resolve()) and source.is_file():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, copy)


def commands() -> list[dict[str, object]]:
    """The project's commands, as Tiled 1.8+ stores them."""
    return [
        {
            "arguments": arguments,
            "command": "rififi",
            "enabled": True,
            "name": name,
            "saveBeforeExecute": True,
            "shortcut": "",
            "showOutput": True,
            "workingDirectory": "%mappath",
        }
        for name, arguments in COMMANDS.items()
    ]


def project_text() -> str:
    """The shipped project file with the commands filled in, in Tiled's own layout."""
    project = json.loads((maps_dir() / _PROJECT).read_text(encoding="utf-8"))
    project["commands"] = commands()
    return json.dumps(project, indent=4, ensure_ascii=False) + "\n"


def blank_map(tilesets: Path) -> str:
    """The smallest map that passes ``rififi check``: a lit room, Tony and a way out."""
    terrain_path = tilesets / "terrain.tsx"
    terrain = parse_tileset(read_xml(terrain_path, "tileset"), str(terrain_path), 1, "terrain")
    names = {
        p["name"].value: local for local, p in terrain.tiles.items() if "name" in p
    }  # tile name -> local id
    wall, floor = names["wall_plaster"] + 1, names["floor_wood"] + 1
    rows = []
    for y in range(HEIGHT):
        edge = y in (0, HEIGHT - 1)
        rows.append(",".join(str(wall if edge or x in (0, WIDTH - 1) else floor)
                             for x in range(WIDTH)))  # fmt: skip
    ground = ",\n".join(rows)
    empty = ",\n".join(",".join("0" for _ in range(WIDTH)) for _ in range(HEIGHT))
    objects_firstgid = terrain.firstgid + terrain.tilecount
    props = {
        "title": "A new job",
        "briefing": "Tony is in; the way out is on the other side. Draw the rest.",
        "start_time": "23:00",
        "deadline": "06:00",
        "crew": "tony",
    }
    lines = [f"  <property name={quoteattr(k)} value={quoteattr(v)}/>" for k, v in props.items()]
    lines.append('  <property name="objective_escape" type="bool" value="true"/>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" \
width="{WIDTH}" height="{HEIGHT}" tilewidth="32" tileheight="32" infinite="0" nextlayerid="7" \
nextobjectid="3">
 <properties>
{chr(10).join(sorted(lines))}
 </properties>
 <tileset firstgid="1" source="../assets/tilesets/terrain.tsx"/>
 <tileset firstgid="{objects_firstgid}" source="../assets/tilesets/objects.tsx"/>
 <group id="1" name="floor 0">
  <layer id="2" name="ground" width="{WIDTH}" height="{HEIGHT}">
   <data encoding="csv">
{ground}
</data>
  </layer>
  <layer id="3" name="fixtures" width="{WIDTH}" height="{HEIGHT}">
   <data encoding="csv">
{empty}
</data>
  </layer>
  <objectgroup id="4" name="things">
   <object id="1" template="templates/tony.tx" x="64" y="96"/>
   <object id="2" template="templates/exit.tx" name="Way out" x="{(WIDTH - 3) * 32}" \
y="{(HEIGHT - 2) * 32}"/>
  </objectgroup>
  <objectgroup id="5" name="routes" color="#ffd040"/>
 </group>
</map>
"""
