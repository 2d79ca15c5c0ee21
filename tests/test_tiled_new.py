"""``rififi new DIR [--from MISSION]``: a mission folder a designer can edit in Tiled and play."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from tiled_helpers import MAPS

from game.cli import main
from game.tiled import map_files


def test_a_new_mission_passes_the_checker_as_it_is(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "my job"
    assert main(["new", str(folder)]) == 0
    out = capsys.readouterr().out
    tmx = folder / "maps" / "mission.tmx"
    assert str(tmx) in out and "rififi play" in out
    assert main(["check", str(tmx)]) == 0
    assert "ok — 1 floors of 16x10, 1 crew, 1 exit" in capsys.readouterr().out


def test_every_file_the_new_map_uses_is_inside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "job"
    assert main(["new", str(folder)]) == 0
    used = [*map_files(folder / "maps" / "mission.tmx")][:-1]  # the last: the game's own types
    assert len(used) >= 6  # map, two tilesets, two images, templates
    for path in used:
        assert path.is_relative_to(folder.resolve()) and path.is_file(), path
    assert (folder / "maps" / "rififi.tiled-project").is_file()
    assert (folder / "maps" / "extensions" / "rififi.js").is_file()


def test_from_a_shipped_mission_copies_it(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "heist"
    assert main(["new", str(folder), "--from", "jeweler"]) == 0
    copy = folder / "maps" / "jeweler.tmx"
    assert copy.read_bytes() == (MAPS / "jeweler.tmx").read_bytes()
    assert main(["check", str(copy)]) == 0
    assert main(["render", str(copy), "-o", str(tmp_path / "j.png"), "--floor", "1"]) == 0


def test_refuses_a_folder_in_use_and_an_unknown_mission(tmp_path: Path, capsys) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path / "taken")]) == 2
    assert main(["new", str(tmp_path / "fresh"), "--from", "louvre"]) == 2
    err = capsys.readouterr().err
    assert "already exists" in err and "no such mission (shipped: country_house" in err
    assert (tmp_path / "taken" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "fresh").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]  # no half-built folder left


@pytest.mark.skipif(shutil.which("tiled") is None, reason="Tiled is not installed")
def test_real_tiled_finds_every_template_of_the_new_map(tmp_path: Path) -> None:
    folder = tmp_path / "job"
    assert main(["new", str(folder)]) == 0
    out = tmp_path / "detached.tmx"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run(
        ["tiled", "--detach-templates", "--export-map", str(folder / "maps" / "mission.tmx"),
         str(out)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    objects = list(ElementTree.parse(out).getroot().iter("object"))
    assert len(objects) == 2
    assert all("template" not in o.attrib and o.get("gid") for o in objects)  # all resolved
