"""A shipped map saved the way current Tiled may save it still builds the identical world."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from tiled_helpers import (
    MAPS,
    detach_templates,
    encode_layers,
    modernise,
    nest_groups,
    sandbox,
)

from game.tiled import load_world
from tools.mapgen.pictures import tiled_env


def _same_world(a, b) -> None:
    assert a.state_hash() == b.state_hash()
    for left, right in zip(a.terrain.digest_arrays(), b.terrain.digest_arrays(), strict=True):
        np.testing.assert_array_equal(left, right)
    assert a.terrain.names == b.terrain.names or all(
        a.terrain.tile_name(*c) == b.terrain.tile_name(*c)
        for c in [(0, 0, 0), (a.terrain.floors - 1, 1, 1)]
    )
    assert a.mission == b.mission or a.mission.title == b.mission.title
    assert a.objectives == b.objectives


REWRITES = {
    "base64": lambda t, m: encode_layers(t, ""),
    "zlib": lambda t, m: encode_layers(t, "zlib"),
    "gzip": lambda t, m: encode_layers(t, "gzip"),
    "zstd": lambda t, m: encode_layers(t, "zstd"),
    "nested_groups": lambda t, m: nest_groups(t),
    "class_attribute": lambda t, m: modernise(t),
    "detached_templates": detach_templates,
    "all_at_once": lambda t, m: encode_layers(
        nest_groups(modernise(detach_templates(t, m))), "zstd"
    ),
}


@pytest.mark.parametrize("name", ["jeweler", "country_house"])
@pytest.mark.parametrize("rewrite", REWRITES, ids=str)
def test_rewritten_map_builds_the_same_world(tmp_path, name, rewrite) -> None:
    maps = sandbox(tmp_path)
    original = (MAPS / f"{name}.tmx").read_text(encoding="utf-8")
    target = maps / f"{name}.tmx"
    target.write_text(REWRITES[rewrite](original, MAPS), encoding="utf-8")
    assert target.read_text(encoding="utf-8") != original
    _same_world(load_world(MAPS / f"{name}.tmx"), load_world(target))


def test_visibility_is_an_editor_setting(tmp_path) -> None:
    maps = sandbox(tmp_path)
    text = (MAPS / "jeweler.tmx").read_text(encoding="utf-8")
    assert 'visible="0"' in text  # the upper floor is hidden in the editor...
    (maps / "shown.tmx").write_text(text.replace(' visible="0"', ""), encoding="utf-8")
    _same_world(load_world(MAPS / "jeweler.tmx"), load_world(maps / "shown.tmx"))


@pytest.mark.skipif(shutil.which("tiled") is None, reason="Tiled is not installed")
@pytest.mark.parametrize("flags", [["--detach-templates"], ["--embed-tilesets"]], ids=str)
def test_what_real_tiled_writes_loads_the_same(tmp_path, flags) -> None:
    maps = sandbox(tmp_path)
    target = maps / "jeweler.tmx"
    subprocess.run(
        ["tiled", "--export-map", *flags, str(MAPS / "jeweler.tmx"), str(target)],
        check=True, env=tiled_env(), capture_output=True, timeout=120,
    )  # fmt: skip
    _same_world(load_world(MAPS / "jeweler.tmx"), load_world(target))
