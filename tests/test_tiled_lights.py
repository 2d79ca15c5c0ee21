"""Light sources placed in Tiled light the cells they reach, and the guards see by them."""

from __future__ import annotations

from tiled_helpers import sandbox, small_map_text, small_spec

from game.sim.geometry import Cell
from game.sim.vision import sees
from game.tiled import check_map, load_world
from tools.mapgen.tmxwrite import Thing

# A dark flat (",": unlit wood) cut by a plaster wall with a gap at x=5; "A" marks the lamp.
DARK = """
###########
#T.J,,,,,,#
#,,,,A,,,,#
#%%%%,%%%%#
#,,,,,,,,,#
#E..X,,,,,#
###########
"""


def dark_world(tmp_path, lamp: Thing | None, guard: Thing | None = None):
    """The dark flat with the lamp at "A" (none: plain dark floor) and a guard at (1, 2)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    maps = sandbox(tmp_path)
    ground = DARK if lamp is not None else DARK.replace("A", ",")
    if guard is not None:
        ground = ground.replace("\n#,,,,", "\n#G,,,", 1)
    upstairs = DARK.replace("T.J", ",,,").replace("E..X", ",,,,").replace("A", ",")
    spec = small_spec(ground, upstairs)
    for marker, thing in (("A", lamp), ("G", guard)):
        if thing is not None:
            spec.floors[0].things[marker] = thing
    path = maps / "dark.tmx"
    path.write_text(small_map_text(spec), encoding="utf-8")
    report = check_map(path)
    assert report.ok, [p.line() for p in report.problems]
    return load_world(path)


def lit_cells(world, floor: int = 0) -> set[tuple[int, int]]:
    t = world.terrain
    return {
        (x, y)
        for y in range(t.height)
        for x in range(t.width)
        if t.lit[floor, y, x] and t.walkable[floor, y, x]
    }


def test_a_lamp_lights_what_it_reaches_within_its_radius(tmp_path) -> None:
    dark = lit_cells(dark_world(tmp_path / "a", None))
    world = dark_world(tmp_path / "b", Thing("lamp", props={"radius": 2}))
    added = lit_cells(world) - dark
    assert (5, 2) in added  # under the lamp
    assert {(3, 2), (7, 2), (5, 1), (6, 1)} <= added  # around it, within 2 cells
    assert (5, 4) in added  # through the gap in the wall
    assert (4, 4) not in added and (6, 4) not in added  # behind the wall, out of its line
    assert (2, 2) not in added and (8, 2) not in added  # beyond its radius
    assert not lit_cells(dark_world(tmp_path / "c", None)) & {(5, 2), (5, 4)}  # tiles stay dark
    assert not world.terrain.lit[1].any()  # only its own floor


def test_a_lamp_takes_its_kinds_radius_from_the_rules(tmp_path) -> None:
    world = dark_world(tmp_path, Thing("lamp"))
    radius = world.rules.light.radius["lamp"]
    assert (5 - radius, 2) in lit_cells(world)
    assert (5 - radius - 1, 2) not in lit_cells(world)


def test_a_guard_sees_farther_into_a_lamps_light(tmp_path) -> None:
    """The rules' own sight: range_unlit into the dark, range_lit where the lamp shines."""
    watchman = Thing("watchman", props={"facing": "E"})
    far = Cell(0, 6, 2)  # five cells east of the guard, beside the lamp
    seen = []
    for where, lamp in (("dark", None), ("lit", Thing("lamp"))):
        world = dark_world(tmp_path / where, lamp, guard=watchman)
        guard = next(u for u in world.units.values() if u.is_guard)
        seen.append(sees(world, guard, far))
    assert seen == [False, True]
