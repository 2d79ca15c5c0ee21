"""``rififi new DIR [--from MISSION]``: an editable mission folder for Tiled."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.cli.errors import ContentError, UsageError
from game.tiled.errors import MapError
from game.tiled.newmission import shipped_missions, write_folder


def run(args: argparse.Namespace) -> int:
    """Write the folder; exit 2 if DIR is taken or the mission unknown."""
    target = Path(args.dir)
    mission = args.source
    if mission is not None and mission not in shipped_missions():
        raise UsageError(
            f"--from {mission}: no such mission (shipped: {', '.join(shipped_missions())})"
        )
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} already exists; give a new (or empty) folder")
    try:
        name = write_folder(target, mission)
    except (OSError, MapError) as error:
        raise ContentError(f"{target}: cannot write the mission folder ({error})") from None
    tmx = target / "maps" / f"{name}.tmx"
    print(f"{target}: a new mission folder")
    print(f"  open {target / 'maps' / 'rififi.tiled-project'} in Tiled (File > Open Project),")
    print(f"  then {tmx}; play it with: rififi play {tmx} --watch")
    return 0
