"""Small test maps from ASCII art, written as Tiled 1.8 ``.tmx`` files (CSV layers,
templates): the tests' valid map that each broken-map case breaks one way.

Each floor is drawn as text: terrain characters (``LEGEND``; a backquote is void) and
markers (upper-case letters and digits) for objects and route waypoints; a marker's cell
gets the floor tile most common around it. The output is what Tiled itself would save. The
shipped missions are not made this way: their ``.tmx`` files are their source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from xml.etree import ElementTree
from xml.sax.saxutils import escape, quoteattr

from tools.mapgen.types import TEMPLATES, property_xml

TILE = 32
LEGEND = {
    "#": "wall_brick", "%": "wall_plaster", "&": "wall_stone",
    ".": "floor_wood", ",": "floor_wood_dark", "_": "floor_tile", ";": "floor_tile_dark",
    "~": "floor_carpet", ":": "pavement", "'": "pavement_dark", "=": "road", "g": "grass",
    "^": "grass_dark", "*": "gravel", "h": "hedge", "y": "tree", "|": "window",
    "[": "shop_window", "+": "door_closed", "/": "door_open", "!": "door_locked",
    ">": "stairs_up", "<": "stairs_down", "c": "counter", "t": "table", "s": "shelf",
    "b": "bed", "o": "sofa", "x": "drillable_floor_wood", "r": "rubble", "p": "lamp_post",
    "`": "void", " ": "void",
}  # fmt: skip
# Tiles drawn on the "fixtures" layer above the ground (doors, furniture, stairs...).
FIXTURES = {
    "window", "shop_window", "door_closed", "door_open", "door_locked", "stairs_up",
    "stairs_down", "counter", "table", "shelf", "bed", "sofa", "rubble", "lamp_post", "tree",
    "hedge",
}  # fmt: skip
WALKABLE_FLOORS = {
    "floor_wood", "floor_wood_dark", "floor_tile", "floor_tile_dark", "floor_carpet",
    "pavement", "pavement_dark", "road", "grass", "grass_dark", "gravel",
    "drillable_floor_wood",
}  # fmt: skip


@dataclass
class Thing:
    """An object to place: a template at a marker, optionally with property overrides."""

    template: str
    name: str = ""
    props: dict[str, object] = field(default_factory=dict)
    under: str = ""  # the terrain tile under the marker, when not inferred
    route: str = ""  # waypoint markers of this guard's route, in order
    loop: bool = False  # polygon (loop) rather than polyline (there and back)


@dataclass
class FloorArt:
    name: str
    art: str
    things: dict[str, Thing] = field(default_factory=dict)  # marker -> thing


@dataclass
class MapSpec:
    name: str
    props: list[tuple[str, object]]  # mission properties, in order (values typed)
    floors: list[FloorArt]
    rescue: str = ""  # marker of the person for objective_rescue
    notes: list[tuple[int, int, int, str]] = field(default_factory=list)  # floor, x, y, text


def _grid(art: str) -> list[str]:
    rows = art.split("\n")
    if rows and not rows[0].strip():
        rows = rows[1:]  # the newline after the opening quotes
    if rows and not rows[-1].strip():
        rows = rows[:-1]  # the newline before the closing quotes
    width = max(len(r) for r in rows)
    return [r.ljust(width) for r in rows]


def _infer_floor(grid: list[str], x: int, y: int) -> str:
    votes: Counter[str] = Counter()
    for radius in (1, 2):
        for dy in range(-radius, radius + 1):
            for dx in range(-radius, radius + 1):
                if 0 <= y + dy < len(grid) and 0 <= x + dx < len(grid[0]):
                    name = LEGEND.get(grid[y + dy][x + dx], "")
                    if name in WALKABLE_FLOORS:
                        votes[name] += 1
        if votes:
            return votes.most_common(1)[0][0]
    raise ValueError(f"marker at ({x}, {y}) has no floor around it")


class Writer:
    """Turns a :class:`MapSpec` into TMX text."""

    def __init__(self, spec: MapSpec, terrain_ids: dict[str, int], objects_firstgid: int) -> None:
        self.spec = spec
        self.terrain_ids = terrain_ids
        self.objects_firstgid = objects_firstgid
        self.grids = [_grid(f.art) for f in spec.floors]
        self.height = len(self.grids[0])
        self.width = len(self.grids[0][0])
        for number, grid in enumerate(self.grids):
            if len(grid) != self.height or any(len(r) != self.width for r in grid):
                raise ValueError(f"{spec.name}: floor {number} is not {self.width}x{self.height}")
        self.floors = [self.layers(n) for n in range(len(spec.floors))]
        self.next_layer = 1
        self.next_id = 1
        self.ids: dict[tuple[int, str], int] = {}
        for number, floor in enumerate(spec.floors):
            for char, _, _ in self.floors[number][2]:
                if char in floor.things:
                    self.ids[(number, char)] = self._id()
        for number, floor in enumerate(spec.floors):
            for char, thing in floor.things.items():
                if thing.route:
                    self.ids[(number, f"route:{char}")] = self._id()

    def _id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def _layer_id(self) -> int:
        self.next_layer += 1
        return self.next_layer - 1

    def layers(self, number: int) -> tuple[list[list[str]], list[list[str]], list[tuple]]:
        """Ground and fixture tile names per cell, and the markers found (reading order)."""
        grid = self.grids[number]
        ground = [["" for _ in range(self.width)] for _ in range(self.height)]
        fixtures = [["" for _ in range(self.width)] for _ in range(self.height)]
        markers = []
        things = self.spec.floors[number].things
        for y, row in enumerate(grid):
            for x, char in enumerate(row):
                if char in things or char.isdigit() or (char.isalpha() and char not in LEGEND):
                    thing = things.get(char)
                    name = (thing.under if thing else "") or _infer_floor(grid, x, y)
                    markers.append((char, x, y))
                elif char in LEGEND:
                    name = LEGEND[char]
                else:
                    raise ValueError(f"{self.spec.name}: unknown character {char!r} at {x},{y}")
                if name in FIXTURES:
                    fixtures[y][x] = name
                    ground[y][x] = (
                        "grass" if name in ("hedge", "tree") else _infer_floor(grid, x, y)
                    )
                elif name != "void":
                    ground[y][x] = name
        return ground, fixtures, markers

    def csv(self, names: list[list[str]]) -> str:
        rows = [",".join(str(self.terrain_ids[n] + 1) if n else "0" for n in row) for row in names]
        return ",\n".join(rows)

    def write(self) -> str:
        floors_xml = [self.floor_xml(n, f) for n, f in enumerate(self.spec.floors)]
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" '
            f'renderorder="right-down" width="{self.width}" height="{self.height}" '
            f'tilewidth="{TILE}" tileheight="{TILE}" infinite="0" '
            f'nextlayerid="{self.next_layer}" nextobjectid="{self.next_id}">\n'
        )
        tilesets = (
            ' <tileset firstgid="1" source="../assets/tilesets/terrain.tsx"/>\n'
            f' <tileset firstgid="{self.objects_firstgid}" '
            'source="../assets/tilesets/objects.tsx"/>\n'
        )
        text = head + self.map_props() + tilesets + "".join(floors_xml) + "</map>\n"
        ElementTree.fromstring(text)  # well-formed, or fail here rather than in Tiled
        return text

    def map_props(self) -> str:
        props = dict(self.spec.props)
        if self.spec.rescue:
            props["objective_rescue"] = next(
                i for (_, c), i in self.ids.items() if c == self.spec.rescue
            )
        lines = [property_xml(k, v, "mission", "  ") for k, v in sorted(props.items())]
        return " <properties>\n" + "\n".join(lines) + "\n </properties>\n"

    def floor_xml(self, number: int, floor: FloorArt) -> str:
        ground, fixtures, markers = self.floors[number]
        hidden = ' visible="0"' if number else ""  # upper floors would hide the lower ones
        out = [f' <group id="{self._layer_id()}" name={quoteattr(floor.name)}{hidden}>\n']
        for layer_name, names in (("ground", ground), ("fixtures", fixtures)):
            out.append(
                f'  <layer id="{self._layer_id()}" name="{layer_name}" '
                f'width="{self.width}" height="{self.height}">\n'
                f'   <data encoding="csv">\n{self.csv(names)}\n</data>\n  </layer>\n'
            )
        out.append(f'  <objectgroup id="{self._layer_id()}" name="things">\n')
        positions = {char: (x, y) for char, x, y in markers}
        for char, x, y in markers:
            thing = floor.things.get(char)
            if thing is not None:
                out.append(self.thing_xml(number, char, thing, x, y))
        for note_floor, x, y, text in self.spec.notes:
            if note_floor == number:
                out.append(
                    f'  <object id="{self._id()}" name="note" x="{x * TILE}" y="{y * TILE}" '
                    f'width="{TILE * 8}" height="{TILE}">\n'
                    f'   <text wrap="1" color="#ffe0e0e0">{escape(text)}</text>\n  </object>\n'
                )
        out.append("  </objectgroup>\n")
        routes = [(c, t) for c, t in floor.things.items() if t.route]
        if routes:
            out.append(f'  <objectgroup id="{self._layer_id()}" name="routes" color="#ffd040">\n')
            out.extend(self.route_xml(number, c, t, positions) for c, t in routes)
            out.append("  </objectgroup>\n")
        out.append(" </group>\n")
        return "".join(out)

    def thing_xml(self, number: int, char: str, thing: Thing, x: int, y: int) -> str:
        cls = TEMPLATES[thing.template][0]
        attrs = f'id="{self.ids[(number, char)]}" template="templates/{thing.template}.tx"'
        if thing.name:
            attrs += f" name={quoteattr(thing.name)}"
        attrs += f' x="{x * TILE}" y="{(y + 1) * TILE}"'
        props = dict(thing.props)
        if thing.route:
            props["route"] = self.ids[(number, f"route:{char}")]
        for key, value in list(props.items()):
            if isinstance(value, str) and value.startswith("@"):  # a reference to a marker
                props[key] = self.ids[(number, value[1:])]
        if not props:
            return f"  <object {attrs}/>\n"
        body = "\n".join(property_xml(k, v, cls, "    ") for k, v in sorted(props.items()))
        return f"  <object {attrs}>\n   <properties>\n{body}\n   </properties>\n  </object>\n"

    def route_xml(self, number: int, char: str, thing: Thing, positions: dict) -> str:
        points = [positions[c] for c in thing.route]
        x0, y0 = points[0]
        pairs = " ".join(f"{(x - x0) * TILE},{(y - y0) * TILE}" for x, y in points)
        shape = "polygon" if thing.loop else "polyline"
        name = f"{thing.name or TEMPLATES[thing.template][1]} route"
        return (
            f'  <object id="{self.ids[(number, f"route:{char}")]}" name={quoteattr(name)} '
            f'type="route" x="{x0 * TILE + TILE // 2}" y="{y0 * TILE + TILE // 2}">\n'
            f'   <{shape} points="{pairs}"/>\n  </object>\n'
        )


def render(spec: MapSpec, terrain_ids: dict[str, int], objects_firstgid: int) -> str:
    """The TMX text of a map spec (``objects_firstgid`` = 1 + the terrain tileset's size)."""
    return Writer(spec, terrain_ids, objects_firstgid).write()
