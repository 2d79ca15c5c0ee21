# ruff: noqa: E501  (the corpus reads best as one line per broken map)
"""A corpus of broken maps, each giving its own precise one-line problem, fast, no traceback.

The maps are made in the test from one small valid map, each broken in one way a designer
(or a hostile file) might, so the corpus stays in step with the tilesets and templates.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import pytest
from tiled_helpers import SMALL_GROUND, SMALL_UP, sandbox, small_map_text, small_spec

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
    "wrong_property_type": (sub('<property name="value" type="int" value="500"/>', '<property name="value" value="lots"/>'), "property", "'value' is of type string, expected a int"),
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
