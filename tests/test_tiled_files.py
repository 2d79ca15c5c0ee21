"""The files a map names are read only when they are regular files under their caps: a
tileset image or tileset that is ``/dev/zero``, a FIFO or a folder is refused by ``check``
and ``play`` with one line, before anything reads (or hashes) it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tiled_helpers import MAPS, ROOT, sandbox

from game.cli import main
from game.replay import MapSource, WorldSourceError
from game.tiled import check_map


def _map_with_tileset(tmp_path: Path, image: str | None = None) -> tuple[Path, Path]:
    """The tutorial using a copy of the terrain tileset whose image is ``image``."""
    maps = sandbox(tmp_path)
    tileset = maps / "terrain.tsx"
    text = (ROOT / "assets" / "tilesets" / "terrain.tsx").read_text(encoding="utf-8")
    if image is not None:
        text = text.replace('source="../tiles/terrain.png"', f'source="{image}"')
    else:
        text = text.replace('source="../tiles/', 'source="../assets/tiles/')
    tileset.write_text(text, encoding="utf-8")
    path = maps / "tutorial.tmx"
    shutil.copy(MAPS / "tutorial.tmx", path)
    map_text = path.read_text(encoding="utf-8")
    path.write_text(map_text.replace("../assets/tilesets/terrain.tsx", "terrain.tsx"), "utf-8")
    return path, tileset


def _one_problem(path: Path, *words: str) -> str:
    report = check_map(path)
    assert len(report.problems) == 1, report.problems
    line = str(report.problems[0])
    for word in words:
        assert word in line, line
    return line


def test_the_copied_tileset_is_fine(tmp_path: Path):
    path, _ = _map_with_tileset(tmp_path)
    assert check_map(path).problems == []


@pytest.mark.parametrize("image", ["/dev/zero", "fifo.png", "folder.png"])
def test_a_tileset_image_that_is_not_a_file_is_refused(tmp_path: Path, capsys, image: str):
    path, _ = _map_with_tileset(tmp_path, image)
    if image == "fifo.png":
        os.mkfifo(path.parent / image)
    elif image == "folder.png":
        (path.parent / image).mkdir()
    _one_problem(path, "image", "not a regular file")
    assert main(["check", str(path)]) == 1
    assert main(["play", str(path)]) == 1  # one line, before a window or a recording
    err = capsys.readouterr().err.strip().splitlines()
    assert err and "not a regular file" in err[-1] and "Traceback" not in "".join(err)
    with pytest.raises(WorldSourceError, match="not a regular file"):
        MapSource(path).to_json()  # hashing the map's files never reads the device


def test_a_tileset_or_template_that_is_dev_zero_is_refused(tmp_path: Path):
    path, tileset = _map_with_tileset(tmp_path)
    tileset.unlink()
    tileset.symlink_to("/dev/zero")
    _one_problem(path, "/dev/zero", "not a regular file", "named by", "tutorial.tmx")
