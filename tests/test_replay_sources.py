"""Map sources: a recorded map is checked against the hashes in the header, and a map is
built once per process and handed out as copies that never affect each other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tiled_helpers import MAPS, sandbox

from game.content import load_rules
from game.replay import MapSource, WorldSourceError
from game.sim import EndTurn, Wait
from game.tiled import load_world


def _tutorial(tmp_path: Path) -> Path:
    path = sandbox(tmp_path) / "tutorial.tmx"
    shutil.copy(MAPS / "tutorial.tmx", path)
    return path


def test_each_build_is_a_new_game_like_a_fresh_load(tmp_path: Path):
    path, rules = _tutorial(tmp_path), load_rules()
    source = MapSource(path)
    first = source.build(7, rules)
    for _ in range(3):  # guards walk their rounds and keep their loops in the cache
        for unit in first.crew():
            first.apply(Wait(unit.id))
        first.apply(EndTurn())
    second = source.build(7, rules)
    assert second is not first and second.cache is not first.cache
    assert second.turn == 1 and second.rules is rules
    assert second.state_hash() == load_world(path, seed=7, rules=rules).state_hash()
    assert source.build(8, rules).seed == 8


def test_an_edited_map_is_built_again(tmp_path: Path):
    path, rules = _tutorial(tmp_path), load_rules()
    assert MapSource(path).build(None, rules).mission.title == "La répétition"
    path.write_text(path.read_text(encoding="utf-8").replace("La répétition", "Encore"), "utf-8")
    assert MapSource(path).build(None, rules).mission.title == "Encore"


def test_a_recorded_map_edited_since_is_refused(tmp_path: Path):
    path, rules = _tutorial(tmp_path), load_rules()
    recorded = MapSource(path).to_json()
    beside = path.parent / "game.replay"  # the player's own map travels with its recording
    replayed = MapSource.from_json(recorded, beside)
    replayed.build(None, rules)  # the map, its files and its world are known now
    path.write_text(path.read_text(encoding="utf-8").replace("21:00", "22:00"), "utf-8")
    with pytest.raises(WorldSourceError, match=r"changed since .*tutorial\.tmx differs"):
        MapSource.from_json(recorded, beside).build(None, rules)
    path.write_text(path.read_text(encoding="utf-8").replace("22:00", "21:00"), "utf-8")
    MapSource.from_json(recorded, beside).check()  # as recorded again
