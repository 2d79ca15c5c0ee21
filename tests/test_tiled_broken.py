# ruff: noqa: E501  (the corpus reads best as one line per broken map)
"""A corpus of broken maps, each giving its own precise one-line problem, fast, no traceback.

The maps are made in the test from one small valid map, each broken in one way a designer
(or a hostile file) might, so the corpus stays in step with the tilesets and templates.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable

import pytest
from tiled_helpers import MAPS, SMALL_GROUND, SMALL_UP, sandbox, small_map_text, small_spec

from game.cli import main
from game.tiled import check_map
from tools.mapgen.tmxwrite import Thing

LINE = re.compile(r"^\S+\.(tmx|tsx|tx|tiled-project): (.+: )?.+ — .+$")
BOMB_TILES = 11 * 8  # the small map's layer size


def sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert old in text, f"{old!r} is not in the map"
        return text.replace(old, new, count)

    return apply


def spec_text(**changes) -> Callable[[str], str]:
    """The small map rebuilt with other art, things or properties."""

    def apply(_text: str) -> str:
        ground = changes.pop("ground", SMALL_GROUND)
        up = changes.pop("up", SMALL_UP)
        extra = changes.pop("things", {})
        spec = small_spec(ground, up, **changes)
        spec.floors[0].things.update(extra)
        return small_map_text(spec)

    return apply


def bomb(text: str) -> str:
    import base64
    import zlib

    payload = base64.b64encode(zlib.compress(b"\0" * 50_000_000)).decode()
    return re.sub(
        r'<data encoding="csv">.*?</data>',
        f'<data encoding="base64" compression="zlib">{payload}</data>',
        text, count=1, flags=re.S,
    )  # fmt: skip


def put(art: str, x: int, y: int, char: str) -> str:
    """An ASCII floor with one cell changed (rows counted from the first line of art)."""
    rows = art.strip("\n").split("\n")
    rows[y] = rows[y][:x] + char + rows[y][x + 1 :]
    return "\n" + "\n".join(rows) + "\n"


def routes_outside_floor(text: str) -> str:
    """The routes layer dragged out of its floor group (to the top of the layer list)."""
    start = text.index('  <objectgroup id="5" name="routes"')
    end = text.index("</objectgroup>", start) + len("</objectgroup>\n")
    layer = text[start:end]
    text = text[:start] + text[end:]
    return text.replace(' <group id="1" name="floor 0">', layer + ' <group id="1" name="floor 0">')


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{"&lol%s;" % (i - 1 or "") * 10}">\n' for i in range(1, 10))
    + ']>\n<map width="10" height="10">&lol9;</map>\n'
)

# name: (how to break the small map, expected code, words the line must contain)
CASES: dict[str, tuple[Callable[[str], str], str, str]] = {
    "malformed_xml": (lambda t: t[: len(t) // 2], "malformed_xml", "malformed XML at line"),
    "entity_expansion": (lambda t: BILLION_LAUGHS, "hostile_xml", "DTD or entities"),
    "not_a_map": (lambda t: '<?xml version="1.0"?><tileset name="x"/>', "wrong_root", "not a Tiled map"),
    "missing_tileset": (sub("tilesets/terrain.tsx", "tilesets/nope.tsx"), "missing_file", "nope.tsx does not exist"),
    "missing_template": (sub("templates/safe.tx", "templates/vault.tx"), "missing_file", "vault.tx does not exist"),
    "infinite": (sub('infinite="0"', 'infinite="1"'), "infinite_map", "Infinite"),
    "isometric": (sub('orientation="orthogonal"', 'orientation="isometric"'), "unsupported_orientation", "isometric"),
    "absurd_size": (lambda t: re.sub(r'width="11" height="8"', 'width="400000" height="400000"', t, count=1), "absurd_size", "400000x400000"),
    "unsupported_encoding": (sub('encoding="csv"', 'encoding="base32"'), "layer_data", "unsupported layer encoding 'base32'"),
    "unsupported_compression": (lambda t: re.sub(r'<data encoding="csv">.*?</data>', '<data encoding="base64" compression="lzma">AAAA</data>', t, count=1, flags=re.S), "layer_data", "compression 'lzma'"),
    "corrupt_base64": (lambda t: re.sub(r'<data encoding="csv">.*?</data>', '<data encoding="base64" compression="zlib">@@not base64@@</data>', t, count=1, flags=re.S), "layer_data", "base64"),
    "zip_bomb": (bomb, "layer_data", "expected 88"),
    "short_csv": (lambda t: re.sub(r'(<data encoding="csv">\n)[^\n]*\n', r"\1", t, count=1), "layer_data", "the map is 11x8"),
    "unknown_type": (sub('template="templates/bell.tx"', 'template="templates/bell.tx" type="siren"'), "unknown_type", "unknown type 'siren'"),
    "no_class": (sub('template="templates/bell.tx"', 'template="templates/bell.tx" type=""'), "no_class", "no class"),
    "unknown_property": (sub('<property name="bell" type="object"', '<property name="colour" value="red"/><property name="bell" type="object"'), "property", "unknown property 'colour' for a sensor"),
    "wrong_property_type": (sub('<property name="value" type="int" value="500"/>', '<property name="value" value="lots"/>'), "property", "'value' is of type string, expected an int"),
    "bad_enum_value": (sub('<property name="state" propertytype="guard_state" value="patrol"/>', '<property name="state" propertytype="guard_state" value="dancing"/>'), "property", "'dancing' is not one of patrol"),
    "dangling_reference": (lambda t: re.sub(r'(<property name="bell" type="object" value=")\d+', r"\g<1>999", t), "dangling_reference", "object #999, which does not exist"),
    "wrong_reference": (lambda t: re.sub(r'(<property name="bell" type="object" value=")\d+', r"\g<1>1", t), "wrong_reference", "not a bell"),
    "unit_on_wall": (lambda t: re.sub(r'(template="templates/tony.tx") x="\d+" y="\d+"', r'\1 x="0" y="32"', t), "unwalkable", "the crew stands on 'wall_brick'"),
    "sensor_unwired": (spec_text(things={"V": Thing("sensor")}), "sensor_unwired", "wired to nothing"),
    "patrol_without_route": (spec_text(things={"G": Thing("watchman", props={"state": "patrol"})}), "no_route", "patrols but has no route"),
    "route_through_walls": (spec_text(ground=SMALL_GROUND.replace("#%%%%.%%%%#", "#%%%%%%%%%#").replace("#...+.....#", "#...+..1..#").replace("#.G...1.>.#", "#.G.....>.#")), "route_blocked", "no way from"),
    "no_exit": (spec_text(ground=SMALL_GROUND.replace("#E..X", "#...X")), "no_exit", "no exit"),
    "no_crew": (spec_text(ground=SMALL_GROUND.replace("#T.J", "#...")), "no_crew", "no crew"),
    "missing_crew": (spec_text(crew="tony,cesar,jo"), "missing_crew", "Jo is in the map's 'crew' but not on the map"),
    "unreachable_safe": (spec_text(ground=SMALL_GROUND.replace("#E..X.....#", "#E.#X#....#").replace("#.G...1.>.#", "#.G.#1#.>.#")), "unreachable", "cannot reach this safe"),
    "loot_short": (spec_text(objective_loot=9000), "loot_short", "objective_loot is 9000"),
    "bad_time": (spec_text(deadline="7h30"), "mission", "'7h30' is not a time"),
    "no_briefing": (spec_text(briefing=""), "mission", "no briefing"),
    "stairs_nowhere": (spec_text(up=SMALL_UP.replace("<", ".")), "stairs", "stairs up lead nowhere"),
    "layer_outside_floor": (sub(' <group id="1" name="floor 0">', ' <layer id="99" name="stray" width="11" height="8"/>\n <group id="1" name="floor 0">'), "layer_outside_floor", "'stray' is outside every floor group"),
    "floor_gap": (sub('name="floor 1"', 'name="floor 2"'), "floor_numbers", "numbered 0, 2"),
    "object_tile_as_terrain": (lambda t: re.sub(r'(<data encoding="csv">\n)\d+', r"\g<1>40", t, count=1), "not_terrain", "has no terrain properties"),
    "unknown_item": (spec_text(things={"T": Thing("tony", props={"items": "rope,bazooka"})}), "unknown_item", "unknown item 'bazooka'"),
    "crew_twice": (spec_text(things={"J": Thing("tony")}, crew="tony"), "crew_twice", "Tony is placed twice"),
    "no_objective": (spec_text(objective_escape=False, objective_loot=0), "no_objective", "no objective"),
    "wake_below_zero": (spec_text(things={"G": Thing("neighbour", props={"wake": -1})}), "bad_wake", "'wake' is -1, below 0"),
    "wake_awake_guard": (spec_text(things={"G": Thing("watchman", props={"wake": 2})}), "bad_wake", "'wake' is 2 but the guard is not asleep"),
    "arrives_below_zero": (spec_text(things={"G": Thing("police", route="G1", props={"arrives": -2})}), "bad_arrives", "'arrives' is -2, below 0"),
    "arrives_without_route": (spec_text(things={"G": Thing("police", props={"state": "standing", "arrives": 4})}), "bad_arrives", "'arrives' is 4 but the guard has no route"),
    "door_off_tile": (spec_text(things={"X": Thing("door")}, objective_loot=0), "door_off_tile", "not on a door tile"),
    # --- what Tiled shows is where things are; numbers a designer may mistype --------------
    "nan_position": (sub('template="templates/tony.tx" x="32"', 'template="templates/tony.tx" x="nan"'), "bad_number", 'floor 0, layer things, object #1 "Tony": x="nan" is not a finite number'),
    "infinite_position": (sub('template="templates/tony.tx" x="32" y="64"', 'template="templates/tony.tx" x="32" y="inf"'), "bad_number", 'y="inf" is not a finite number'),
    "terrain_layer_offset": (sub('<layer id="2" name="ground" width="11" height="8">', '<layer id="2" name="ground" width="11" height="8" offsetx="64">'), "layer_offset", "floor 0, layer ground: the terrain layer is offset by (64, 0) px"),
    "floor_group_offset": (sub('<group id="1" name="floor 0">', '<group id="1" name="floor 0" offsety="-32">'), "layer_offset", "layer fixtures: the terrain layer is offset by (0, -32) px"),
    "rotated_object": (sub('template="templates/tony.tx" x="32" y="64"', 'template="templates/tony.tx" x="32" y="64" rotation="90"'), "rotated", '"Tony" at (1, 1): the crew is rotated by 90°'),
    "negative_safe_value": (sub('<property name="value" type="int" value="500"/>', '<property name="value" type="int" value="-1800"/>'), "negative", "object #7 \"Safe\" at (4, 6): 'value' is -1800, below 0"),
    "negative_loot": (spec_text(ground=SMALL_GROUND.replace("#T.J", "#TLJ"), things={"L": Thing("loot", props={"value": -150})}), "negative", "'value' is -150, below 0 — give what the loot is worth"),
    "negative_threshold": (spec_text(things={"V": Thing("sensor", props={"bell": "@B", "threshold": -3})}), "negative", "'threshold' is -3, below 0"),
    "negative_police_delay": (spec_text(police_delay=-6), "negative", "map property 'police_delay' is -6, below 0"),
    "negative_hearing": (spec_text(things={"G": Thing("watchman", route="G1", props={"state": "patrol", "hearing": -5})}), "negative", "'hearing' is -5, below 0"),
    "negative_ap": (spec_text(things={"T": Thing("tony", props={"ap": -1})}), "negative", "'ap' is -1, below 0"),
    "drillable_above_wall": (spec_text(up=put(SMALL_UP, 1, 4, "x")), "drillable", "floor 1 at (1, 4): the drillable floor is above 'wall_plaster' on floor 0"),
    "drillable_above_nothing": (spec_text(ground=put(SMALL_GROUND, 2, 1, "x")), "drillable", "floor 0 at (2, 1): the drillable floor is above nothing"),
    "layer_wrong_width": (lambda t: re.sub(r'(<data encoding="csv">\n)([^\n]*\n)', lambda m: m.group(1) + m.group(2).replace(",", ",0,", 1), t, count=1), "layer_data", "floor 0, layer ground: the layer has 89 tiles but the map is 11x8"),
    "map_property_as_string": (sub('<property name="objective_loot" type="int" value="500"/>', '<property name="objective_loot" value="500"/>'), "map_property", "'objective_loot' is of type string, expected an int — delete it and add it again as type int (Map > Map Properties"),
    # --- files that are not Rififi maps: one line, saying why ------------------------------
    "json_map": (lambda t: '{"type": "map", "width": 11, "height": 8, "layers": []}\n', "json_file", "this map is saved as JSON"),
    "foreign_map": (sub("../assets/tilesets/terrain.tsx", "../assets/tilesets/objects.tsx"), "foreign_map", "not a Rififi map: its tilesets ('objects', 'objects') give no tile the terrain properties"),
    # --- light sources ------------------------------------------------------------------
    "light_radius_too_far": (spec_text(ground=put(SMALL_GROUND, 9, 1, "A"), things={"A": Thing("lamp", props={"radius": 40})}), "light_radius", "the lamp light's radius is 40, not 1 to 12 cells — give 'radius' 1 to 12, or 0 for the lamp's own 2"),
    "light_radius_negative": (spec_text(ground=put(SMALL_GROUND, 9, 1, "A"), things={"A": Thing("street_light", props={"radius": -2})}), "light_radius", "the street_light light's radius is -2"),
    "light_unknown_kind": (spec_text(ground=put(SMALL_GROUND, 9, 1, "A"), things={"A": Thing("lamp", props={"kind": "candle"})}), "property", "'candle' is not one of lamp, street_light, window"),
    "light_in_wall": (spec_text(ground=put(SMALL_GROUND, 10, 1, "A"), things={"A": Thing("lamp", under="wall_brick")}), "light_in_wall", "the lamp light is inside 'wall_brick', where its light goes nowhere"),
    "light_off_map": (lambda t: re.sub(r'(template="templates/lamp.tx") x="\d+"', r'\1 x="9000"', spec_text(ground=put(SMALL_GROUND, 9, 1, "A"), things={"A": Thing("lamp")})(t)), "outside_map", "the light is outside the map"),
    "overlap": (lambda t: re.sub(r'(template="templates/cesar.tx") x="\d+" y="\d+"', lambda m: m.group(1) + ' x="32" y="64"', t), "overlap", "same cell as object"),
}  # fmt: skip


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES) >= 20


def test_the_small_map_is_valid(tmp_path) -> None:
    maps = sandbox(tmp_path)
    (maps / "small.tmx").write_text(small_map_text(), encoding="utf-8")
    report = check_map(maps / "small.tmx")
    assert report.problems == [], [p.line() for p in report.problems]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_broken_map_gives_its_line(tmp_path, capsys, case) -> None:
    breaker, code, words = CASES[case]
    maps = sandbox(tmp_path)
    path = maps / f"{case}.tmx"
    path.write_text(breaker(small_map_text()), encoding="utf-8")
    started = time.perf_counter()
    report = check_map(path)
    assert time.perf_counter() - started < 2.0
    matching = [p for p in report.problems if p.code == code]
    assert matching, [p.line() for p in report.problems]
    lines = [p.line() for p in matching if words in p.line()]
    assert lines, [p.line() for p in matching]
    line = lines[0]
    assert "\n" not in line and LINE.match(line), line
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr()
    assert words in out.out and "Traceback" not in out.out + out.err


def test_a_layer_outside_its_floor_is_one_line_not_three(tmp_path) -> None:
    """The routes layer out of its floor: said once, not again for each guard using it."""
    maps = sandbox(tmp_path)
    path = maps / "stray_routes.tmx"
    path.write_text(routes_outside_floor(small_map_text()), encoding="utf-8")
    codes = [p.code for p in check_map(path).problems]
    assert codes == ["layer_outside_floor"], [p.line() for p in check_map(path).problems]


def test_a_foreign_map_is_one_line(tmp_path, capsys) -> None:
    maps = sandbox(tmp_path)
    path = maps / "foreign.tmx"
    path.write_text(CASES["foreign_map"][0](small_map_text()), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "not a Rififi map" in lines[0], lines


def test_huge_file_refused_without_reading(tmp_path) -> None:
    maps = sandbox(tmp_path)
    path = maps / "huge.tmx"
    with path.open("wb") as handle:
        handle.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    report = check_map(path)
    assert [p.code for p in report.problems] == ["file_too_large"]


def test_usage_errors_exit_2(tmp_path, capsys) -> None:
    assert main(["check", str(tmp_path / "absent.tmx")]) == 2
    assert main(["check", str(tmp_path)]) == 2
    assert "folder" in capsys.readouterr().err


# --- files a designer's Tiled writes that are fine ----------------------------------------


def old_tileset(text: str, maps) -> str:
    """terrain.tsx as Tiled before 0.13 saved it: no ``tilecount``."""
    tsx = (maps.parent / "assets" / "tilesets" / "terrain.tsx").read_text(encoding="utf-8")
    tsx = re.sub(r' tilecount="\d+"', "", tsx).replace("../tiles/", "../assets/tiles/")
    (maps / "old_terrain.tsx").write_text(tsx, encoding="utf-8")
    return text.replace("../assets/tilesets/terrain.tsx", "old_terrain.tsx")


SPRITE_COPIED = '<object id="1" template="templates/tony.tx" x="32" y="64">\n   <properties>\n    <property name="sprite" value="tony"/>\n   </properties>\n  </object>'
NOTES = '<property name="notes" type="class" propertytype="designer_notes">\n   <properties>\n    <property name="todo" value="more guards"/>\n   </properties>\n  </property>\n  <property name="objective_loot"'

ACCEPTED: dict[str, Callable] = {
    "old_tileset_without_tilecount": old_tileset,
    "resolved_export_copies_sprite": lambda t, _: sub('<object id="1" template="templates/tony.tx" x="32" y="64"/>', SPRITE_COPIED)(t),
    "class_typed_map_property": lambda t, _: sub('<property name="objective_loot"', NOTES)(t),
    "object_layer_offset": lambda t, _: sub('<objectgroup id="4" name="things">', '<objectgroup id="4" name="things" offsetx="32">')(t),
}  # fmt: skip


@pytest.mark.parametrize("case", ACCEPTED, ids=str)
def test_what_tiled_writes_is_accepted(tmp_path, case) -> None:
    maps = sandbox(tmp_path)
    path = maps / f"{case}.tmx"
    path.write_text(ACCEPTED[case](small_map_text(), maps), encoding="utf-8")
    report = check_map(path)
    assert report.ok, [p.line() for p in report.problems]


def test_an_object_layers_offset_moves_its_objects_where_tiled_shows_them(tmp_path) -> None:
    from game.tiled import load_world

    maps = sandbox(tmp_path)
    path = maps / "offset.tmx"
    path.write_text(ACCEPTED["object_layer_offset"](small_map_text(), maps), encoding="utf-8")
    tony = next(u for u in load_world(path).units_in_order() if u.role == "tony")
    assert (tony.cell.x, tony.cell.y) == (2, 1)  # drawn one cell right of its x="32"


@pytest.mark.skipif(shutil.which("tiled") is None, reason="Tiled is not installed")
def test_tiled_export_with_resolved_types_and_properties_is_accepted(tmp_path) -> None:
    maps = sandbox(tmp_path)
    shutil.copy(MAPS / "rififi.tiled-project", maps)
    shutil.copy(MAPS / "objecttypes.xml", maps)
    source, resolved = maps / "small.tmx", maps / "resolved.tmx"
    source.write_text(small_map_text(), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    subprocess.run(
        ["tiled", "--resolve-types-and-properties", "--export-map", str(source), str(resolved)],
        check=True, env=env, capture_output=True, timeout=120, cwd=maps,
    )  # fmt: skip
    assert 'name="sprite"' in resolved.read_text(encoding="utf-8")  # Tiled copied the tiles'
    report = check_map(resolved)
    assert report.ok, [p.line() for p in report.problems]


FOREIGN = sorted((MAPS.parent / "tests" / "maps" / "foreign").glob("*.t[mj][xj]"))


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.name)
def test_a_map_made_for_another_game_gets_one_line_saying_why(capsys, path) -> None:
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1, lines
    assert "not a Rififi map" in lines[0] or "saved as JSON" in lines[0], lines[0]
    assert LINE.match(lines[0].replace(".tmj:", ".tmx:")), lines[0]


def test_the_foreign_corpus_has_old_new_and_json_maps() -> None:
    assert {p.suffix for p in FOREIGN} == {".tmx", ".tmj"} and len(FOREIGN) >= 3
