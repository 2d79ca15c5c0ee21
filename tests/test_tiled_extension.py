"""The Tiled extension (maps/extensions/rififi.js) and the project's commands.

The extension's logic runs in Node against a stub of Tiled's API (``tests/js``), calling the
real ``rififi check --json``; real Tiled is then started under Xvfb to see that it loads the
extension from a ``rififi new`` folder and runs the check when the map opens.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tiled_helpers import MAPS, ROOT, sandbox, small_map_text

from game.cli import main
from game.tiled.tmx import Layer, read_map

EXTENSION = MAPS / "extensions" / "rififi.js"
RUNNER = ROOT / "tests" / "js" / "run_extension.js"
NODE = shutil.which("node")


def layer_spec(layer: Layer) -> dict:
    if layer.kind == "group":
        children = [layer_spec(c) for c in layer.children]
        return {"kind": "group", "name": layer.name, "layers": children}
    objects = [{"id": o.id, "x": o.x, "y": o.y} for o in layer.objects]
    return {"kind": layer.kind, "name": layer.name, "objects": objects}


def run_extension(path: Path, tmp_path: Path, rififi: list[str] | None = None) -> dict:
    tmap = read_map(path)
    scenario = {
        "fileName": str(path),
        "tileWidth": tmap.tilewidth,
        "tileHeight": tmap.tileheight,
        "layers": [layer_spec(layer) for layer in tmap.layers],
        "rififi": rififi or [sys.executable, "-m", "game"],
    }
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    done = subprocess.run(
        [NODE, str(RUNNER), str(EXTENSION), str(tmp_path / "scenario.json")],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


needs_node = pytest.mark.skipif(NODE is None, reason="Node is not installed")


@needs_node
def test_each_problem_is_an_issue_that_selects_its_object(tmp_path: Path) -> None:
    maps = sandbox(tmp_path)
    path = maps / "broken.tmx"
    text = small_map_text().replace('<property name="bell" type="object" value="4"/>', "")
    path.write_text(text, encoding="utf-8")
    result = run_extension(path, tmp_path)
    assert result["ran"] == [["rififi", "check", "--json", str(path)]]
    lines = [i["text"] for i in result["issues"]]
    unwired = next(i for i in result["issues"] if "wired to nothing" in i["text"])
    assert unwired["kind"] == "error" and unwired["text"].startswith(f"{path}: floor 0")
    assert unwired["selected"] == [3] and unwired["currentLayer"] == "things"
    assert unwired["centered"] == [[160, 96]] and unwired["active"] == [str(path)]
    assert len(lines) == 2, lines  # the sensor, and the bell no sensor rings


@needs_node
def test_a_problem_at_a_cell_centres_the_view_on_it(tmp_path: Path) -> None:
    maps = sandbox(tmp_path)
    path = maps / "stairs.tmx"
    path.write_text(small_map_text().replace(",23,", ",2,", 1), encoding="utf-8")
    issues = run_extension(path, tmp_path)["issues"]
    stairs = [i for i in issues if "stairs" in i["text"]]
    assert stairs and stairs[0]["selected"] == [] and len(stairs[0]["centered"]) == 1
    x, y = stairs[0]["centered"][0]
    assert x % 32 == 16 and y % 32 == 16  # the middle of the cell the line names


@needs_node
def test_a_clean_map_lists_nothing_and_a_missing_game_says_so(tmp_path: Path) -> None:
    result = run_extension(MAPS / "tutorial.tmx", tmp_path)
    assert result["issues"] == [] and "is ok" in result["logs"][0]
    missing = run_extension(MAPS / "tutorial.tmx", tmp_path, rififi=["/no/such/rififi"])
    assert [i["kind"] for i in missing["issues"]] == ["warning"]
    assert "cannot run 'rififi'" in missing["issues"][0]["text"]


def test_the_new_folders_project_declares_the_commands(tmp_path: Path) -> None:
    assert main(["new", str(tmp_path / "job")]) == 0
    project = json.loads((tmp_path / "job" / "maps" / "rififi.tiled-project").read_text("utf-8"))
    commands = {c["name"]: (c["command"], c["arguments"]) for c in project["commands"]}
    assert commands["Play in Rififi"] == ("rififi", "play %mapfile --watch")
    assert commands["Check with Rififi"] == ("rififi", "check %mapfile")
    assert project["extensionsPath"] == "extensions"
    shipped = json.loads((MAPS / "rififi.tiled-project").read_text("utf-8"))
    assert project["propertyTypes"] == shipped["propertyTypes"]


def tiled_config(home: Path, project: Path, tmx: Path) -> None:
    """A Tiled set-up that reopens ``project`` and ``tmx`` at start, extensions allowed (as
    after a designer opened the project and accepted its extensions once)."""
    session = project.with_suffix(".tiled-session")
    session.write_text(
        json.dumps({"project": project.name, "openFiles": [tmx.name], "activeFile": tmx.name}),
        encoding="utf-8",
    )
    conf = home / ".config" / "mapeditor.org" / "tiled.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text(
        f"[Project]\nLastSession={session}\n\n[Scripting]\nEnabledProjects={project}\n",
        encoding="utf-8",
    )


@pytest.mark.skipif(
    shutil.which("tiled") is None or shutil.which("Xvfb") is None,
    reason="Tiled and Xvfb are not installed",
)
def test_real_tiled_loads_the_extension_and_runs_the_check(tmp_path: Path) -> None:
    """Tiled under Xvfb opens a ``rififi new`` project and its map; the project's extension
    runs the check: a stand-in ``rififi`` first on Tiled's PATH notes its arguments."""
    folder = tmp_path / "job"
    assert main(["new", str(folder)]) == 0
    project, tmx = folder / "maps" / "rififi.tiled-project", folder / "maps" / "mission.tmx"
    bin_dir, calls, home = tmp_path / "bin", tmp_path / "calls.txt", tmp_path / "home"
    bin_dir.mkdir()
    fake = bin_dir / "rififi"
    fake.write_text(
        f'#!/bin/sh\necho "$@" >> {calls}\necho \'{{"maps": [{{"problems": []}}]}}\'\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    tiled_config(home, project, tmx)
    # Xvfb picks a free display and writes its number: no clash with other X servers
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    display = f":{xvfb.stdout.readline().strip()}" if xvfb.stdout else ":0"
    env = dict(
        os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"), XDG_RUNTIME_DIR=str(tmp_path),
        QT_QPA_PLATFORM="xcb", DISPLAY=display,
    )  # fmt: skip
    tiled = None
    try:
        tiled = subprocess.Popen(
            ["tiled"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not calls.exists():
            time.sleep(0.5)
        assert calls.exists(), "Tiled never ran the extension's check"
        assert calls.read_text(encoding="utf-8").split() == ["check", "--json", str(tmx)]
    finally:
        if tiled is not None:
            tiled.kill()
            tiled.wait(timeout=30)
        xvfb.kill()
        xvfb.wait(timeout=30)
