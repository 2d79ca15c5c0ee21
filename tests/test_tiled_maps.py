"""The shipped maps load, validate clean, and say what they contain."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tiled_helpers import MAPS, ROOT, SHIPPED, sandbox, small_map_text, small_spec

from game.cli import main
from game.sim import EndTurn, GuardState, UnitKind, noise_reach
from game.sim.alarms import police_delay, raise_alarm
from game.sim.hearing import guard_threshold
from game.sim.patrol import patrol_loop
from game.tiled import check_map, load_world, map_files, map_info
from tools.mapgen.tmxwrite import Thing


def test_the_three_story_maps_ship() -> None:
    assert {p.stem for p in SHIPPED} >= {"tutorial", "jeweler", "country_house"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_map_is_clean(path) -> None:
    report = check_map(path)
    assert report.problems == [], "\n".join(p.line() for p in report.problems)
    world = load_world(path)
    assert world.terrain.floors >= 2
    assert world.crew() and world.objectives
    assert any(d.kind in ("exit", "car") for d in world.devices.values())
    world.apply(EndTurn())  # the rules run on it


def test_rififi_check_all_maps_exits_0(capsys) -> None:
    assert main(["check", *map(str, SHIPPED)]) == 0
    out = capsys.readouterr().out
    assert out.count(": ok — ") == len(SHIPPED)


def test_rififi_check_json_summary(capsys) -> None:
    assert main(["check", "--json", str(MAPS / "jeweler.tmx")]) == 0
    data = json.loads(capsys.readouterr().out)
    summary = data["maps"][0]["summary"]
    assert data["maps"][0]["ok"] and data["maps"][0]["problems"] == []
    assert summary["floors"] == 2 and summary["crew"] == ["Tony", "Jo", "Mario", "César"]
    assert summary["counts"]["guard"] == 4 and summary["counts"]["sensor"] == 3
    assert [o["kind"] for o in summary["objectives"]] == ["escape", "loot"]
    assert summary["deadline"] == "07:30"


def test_check_as_a_program_without_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "game", "check", str(MAPS / "tutorial.tmx")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "game", "check", "nowhere.tmx"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and "nowhere.tmx" in missing.stderr


def test_jeweler_is_the_films_building() -> None:
    world = load_world(MAPS / "jeweler.tmx")
    names = {u.name for u in world.crew()}
    assert names == {"Tony", "Jo", "Mario", "César"}
    items = {u.name: list(u.traits.items) for u in world.crew()}
    assert "drill" in items["Jo"] and "umbrella" in items["Mario"]
    assert "rope" in items["Tony"] and "extinguisher" in items["César"]
    police = [g for g in world.guards() if g.role == "police"]
    assert len(police) == 2 and all(g.state is GuardState.PATROL and g.route for g in police)
    sleepers = {g.role for g in world.guards() if g.state is GuardState.SLEEPING}
    assert sleepers == {"concierge", "neighbour"}
    # The concierge sleeps lightly: the map's `wake` reaches the world and the rules.
    concierge = next(g for g in world.guards() if g.role == "concierge")
    neighbour = next(g for g in world.guards() if g.role == "neighbour")
    assert concierge.traits.wake == 2 and guard_threshold(world, concierge) == 2
    assert neighbour.traits.wake == 0
    assert guard_threshold(world, neighbour) == 1 + world.rules.hearing.asleep_extra
    kinds = sorted(d.kind for d in world.devices.values())
    assert kinds.count("sensor") == 3 and "bell" in kinds and "safe" in kinds
    sensors = list(world.devices_in_order("sensor"))
    sensor = next(d for d in sensors if d.traits.sensor == "vibration")
    assert world.devices[sensor.traits.bell].kind == "bell"
    contacts = [world.doors[d.traits.door] for d in sensors if d.traits.sensor == "door_contact"]
    assert any(door.locked for door in contacts)  # the shop's street door, locked
    assert any(door.name == "Back room door" and not door.locked for door in contacts)
    # The flat's drillable floor lies right above walkable shop floor.
    drill = world.terrain.drillable[1]
    assert drill.sum() >= 30 and world.terrain.walkable[0][drill].all()
    # The police walk past the shop windows.
    loop = patrol_loop(world, police[0])
    assert any(world.terrain.window[0, c.y - 1, c.x] for c in loop)
    assert world.mission.deadline_minutes is not None


def test_country_house_holds_tonio_upstairs() -> None:
    world = load_world(MAPS / "country_house.tmx")
    assert [u.name for u in world.crew()] == ["Tony"] and world.crew()[0].armed
    tonio = next(u for u in world.units.values() if u.kind is UnitKind.CIVILIAN)
    assert tonio.cell.floor == 1
    rescue = next(o for o in world.objectives if o.kind == "rescue")
    assert rescue.params["person"] == tonio.id
    roles = {g.role for g in world.guards()}
    assert {"remi", "louis", "gangster"} <= roles
    assert all(g.armed for g in world.guards())
    assert any(d.kind == "car" for d in world.devices.values())


def test_map_info_and_files() -> None:
    info = map_info(MAPS / "tutorial.tmx")
    assert info.title == "La répétition" and info.briefing and info.floors == 2
    files = map_files(MAPS / "jeweler.tmx")
    assert files[0].name == "jeweler.tmx"
    names = {f.name for f in files}
    assert {"terrain.tsx", "objects.tsx", "rififi.tiled-project", "safe.tx"} <= names
    assert all(f.is_file() for f in files)
    assert files == map_files(MAPS / "jeweler.tmx")  # a stable order


def test_the_seed_comes_from_the_map_unless_given() -> None:
    assert load_world(MAPS / "tutorial.tmx").seed == 1955
    assert load_world(MAPS / "tutorial.tmx", seed=7).seed == 7


def test_police_delay_comes_from_the_map(tmp_path) -> None:
    tutorial = load_world(MAPS / "tutorial.tmx")
    assert tutorial.mission.police_delay == 5 and police_delay(tutorial) == 5
    raise_alarm(tutorial, "a test")
    assert tutorial.alarm.police_turn == tutorial.turn + 5
    assert load_world(MAPS / "country_house.tmx").mission.police_delay == 20
    maps = sandbox(tmp_path)
    for name, props, expected in (("plain", {}, 0), ("slow", {"police_delay": 9}, 9)):
        path = maps / f"{name}.tmx"
        path.write_text(small_map_text(small_spec(**props)), encoding="utf-8")
        world = load_world(path)
        assert world.mission.police_delay == expected
        assert police_delay(world) == (expected or world.rules.alarm.police_delay)


def test_a_guard_arrives_on_the_turn_the_map_gives(tmp_path) -> None:
    maps = sandbox(tmp_path)
    spec = small_spec()
    watchman = Thing("police", route="G1", props={"state": "patrol", "arrives": 2})
    spec.floors[0].things["G"] = watchman
    path = maps / "late.tmx"
    path.write_text(small_map_text(spec), encoding="utf-8")
    assert check_map(path).problems == []
    world = load_world(path)
    police = next(g for g in world.guards() if g.role == "police")
    assert police.traits.arrives == 2 and police.cell is None and police.route
    world.apply(EndTurn())
    assert police.cell is None
    world.apply(EndTurn())
    assert police.cell is not None
    assert [e.data["guard"] for e in world.events if e.kind == "guard_arrived"] == [police.id]
    plain = load_world(MAPS / "jeweler.tmx")
    assert all(g.traits.arrives is None for g in plain.guards())  # unset: not in the hash


def test_the_types_script_writes_the_shipped_types_and_no_map(tmp_path) -> None:
    """The shipped .tmx files are the source: no script regenerates a mission."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_maps.py"), "--out", str(tmp_path / "maps")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for path in [MAPS / "rififi.tiled-project", MAPS / "objecttypes.xml",
                 *sorted((MAPS / "templates").glob("*.tx"))]:  # fmt: skip
        written = tmp_path / "maps" / path.relative_to(MAPS)
        assert written.read_text() == path.read_text(), path.name
    assert not list((tmp_path / "maps").glob("*.tmx"))


def test_the_tutorial_landlady_wakes_at_a_footstep_but_not_at_sneaking() -> None:
    world = load_world(MAPS / "tutorial.tmx")
    landlady = next(g for g in world.guards() if g.state is GuardState.SLEEPING)
    assert landlady.traits.wake == 1 and guard_threshold(world, landlady) == 1
    # Three cells away through her room (she sleeps at (10, 9) on floor 1): a footstep
    # still wakes her, a sneaking step beside her does not.
    here = landlady.cell
    far = here.__class__(here.floor, here.x, here.y - 3)
    assert noise_reach(world, far, world.rules.move.walk_loudness)[far.floor, here.y, here.x] >= 1
    near = here.__class__(here.floor, here.x - 1, here.y)
    assert noise_reach(world, near, world.rules.move.sneak_loudness)[near.floor, here.y, here.x] < 1
