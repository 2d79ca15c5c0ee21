"""The shipped maps, tilesets and templates open in the real Tiled, with no warnings.

Skips cleanly where Tiled is not installed (``.ci/run`` installs it with apt).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from tiled_helpers import MAPS, ROOT, SHIPPED, sandbox

from tools.mapgen.pictures import tiled_env

pytestmark = pytest.mark.skipif(
    shutil.which("tiled") is None or shutil.which("tmxrasterizer") is None,
    reason="Tiled is not installed",
)


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        list(command), env=tiled_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, f"{command}: {result.stdout}{result.stderr}"
    noise = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and "XDG_RUNTIME_DIR" not in line
    ]
    assert noise == [], f"{command} warned: {noise}"
    return result


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_map_exports_without_warnings(tmp_path, path) -> None:
    out = tmp_path / f"{path.stem}.tmx"
    _run("tiled", "--export-map", str(path), str(out))
    assert ElementTree.parse(out).getroot().tag == "map"
    json_out = tmp_path / f"{path.stem}.json"
    _run("tiled", "--export-map", "--detach-templates", str(path), str(json_out))
    assert b'"template"' not in json_out.read_bytes()


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_tmxrasterizer_renders_map(tmp_path, path) -> None:
    png = tmp_path / f"{path.stem}.png"
    _run("tmxrasterizer", "--scale", "0.25", str(path), str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["terrain", "objects"])
def test_tileset_exports_without_warnings(tmp_path, name) -> None:
    out = tmp_path / f"{name}.tsx"
    _run("tiled", "--export-tileset", str(ROOT / "assets" / "tilesets" / f"{name}.tsx"), str(out))
    assert ElementTree.parse(out).getroot().tag == "tileset"


@pytest.mark.slow
def test_every_template_opens_in_tiled(tmp_path) -> None:
    """A map holding one instance of every template, detached by Tiled itself."""
    maps = sandbox(tmp_path)
    templates = sorted((MAPS / "templates").glob("*.tx"))
    assert len(templates) >= 18
    objects = "\n".join(
        f'  <object id="{i}" template="templates/{t.name}" x="{32 * i}" y="64"/>'
        for i, t in enumerate(templates, start=1)
    )
    (maps / "all.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<map version="1.8" orientation="orthogonal" renderorder="right-down" width="30" '
        f'height="3" tilewidth="32" tileheight="32" infinite="0" nextlayerid="2" '
        f'nextobjectid="{len(templates) + 1}">\n'
        ' <tileset firstgid="1" source="../assets/tilesets/objects.tsx"/>\n'
        f' <objectgroup id="1" name="things">\n{objects}\n </objectgroup>\n</map>\n',
        encoding="utf-8",
    )
    out = tmp_path / "all.json"
    _run("tiled", "--export-map", "--detach-templates", str(maps / "all.tmx"), str(out))
    exported = json.loads(out.read_text())["layers"][0]["objects"]
    classes = [o.get("class") or o.get("type") for o in exported]
    for template, cls in zip(templates, classes, strict=True):
        assert cls == ElementTree.parse(template).getroot().find("object").get("type")
    assert all(o.get("gid") for o in exported)  # every template's sprite was found


def test_project_file_is_json_with_every_class() -> None:
    project = json.loads((MAPS / "rififi.tiled-project").read_text())
    names = {t["name"] for t in project["propertyTypes"]}
    assert {"crew", "guard", "civilian", "safe", "loot", "sensor", "bell", "exit", "car"} <= names
    assert project["objectTypesFile"] == "objecttypes.xml"
    assert Path(MAPS / project["objectTypesFile"]).is_file()
