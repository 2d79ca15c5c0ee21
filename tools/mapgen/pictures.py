"""Pictures of the maps, one PNG per floor, drawn by Tiled's own ``tmxrasterizer``.

Tiled 1.8's rasterizer draws template instances as empty boxes, so each floor is first
exported by ``tiled --export-map --detach-templates`` (the real editor resolving the
templates), with every other floor hidden, and then rasterized. Needs Tiled installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.etree import ElementTree

from game.tiled.floors import floor_number


def tiled_env() -> dict[str, str]:
    """Run Qt without a display and without a per-user runtime folder warning."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    runtime = Path(tempfile.gettempdir()) / f"rififi-xdg-{os.getuid()}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    return env


def floor_pictures(tmx: Path, out_dir: Path, scale: float = 0.5) -> list[Path]:
    """Render each floor of ``tmx`` to ``out_dir/NAME_floorN.png``; returns the files."""
    root_dir = tmx.resolve().parent.parent
    written = []
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        (work / "maps").mkdir()
        os.symlink(root_dir / "assets", work / "assets")
        os.symlink(tmx.resolve().parent / "templates", work / "maps" / "templates")
        tree = ElementTree.parse(tmx)
        groups = [g for g in tree.getroot().findall("group")]
        for index, group in enumerate(groups):
            for other in groups:
                other.set("visible", "1" if other is group else "0")
            single = work / "maps" / f"floor{index}.tmx"
            detached = work / "maps" / f"floor{index}_detached.tmx"
            tree.write(single, encoding="UTF-8", xml_declaration=True)
            env = tiled_env()
            subprocess.run(
                ["tiled", "--export-map", "--detach-templates", str(single), str(detached)],
                check=True, env=env, capture_output=True, timeout=120,
            )  # fmt: skip
            number = _group_floor(group, index)
            target = out_dir / f"{tmx.stem}_floor{number}.png"
            subprocess.run(
                ["tmxrasterizer", "--scale", str(scale), str(detached), str(target)],
                check=True, env=env, capture_output=True, timeout=120,
            )  # fmt: skip
            written.append(target)
    return written


def _group_floor(group: ElementTree.Element, default: int) -> int:
    from game.tiled.tmx import Layer

    number = floor_number(Layer("group", group.get("name", ""), {}))
    return default if number is None else number


def have_tiled() -> bool:
    return shutil.which("tiled") is not None and shutil.which("tmxrasterizer") is not None
