"""Where recordings live: the user's data folder (platformdirs), one file per game.

``RIFIFI_DATA_DIR`` overrides the folder so tests, CI and portable installs never touch the
player's own recordings. New files are created exclusively, so starting a game can never
overwrite an existing recording.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from game.userdirs import data_dir

SUFFIX = ".replay"


def recordings_dir() -> Path:
    """The folder of every recorded game, newest names sorting last."""
    folder = data_dir() / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "game"


def create_recording_file(name: str, folder: Path | None = None) -> tuple[Path, int]:
    """Create a new, empty recording file named after the time and ``name``.

    Returns the path and an open file descriptor (append-only). ``O_EXCL`` guarantees the
    file did not exist before, so no other recording is ever replaced.
    """
    folder = folder or recordings_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    base = f"{stamp}-{_slug(name)}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0)
    for attempt in range(1000):
        path = folder / (base + (f"-{attempt}" if attempt else "") + SUFFIX)
        try:
            return path, os.open(path, flags, 0o644)
        except FileExistsError:
            continue
    raise OSError(f"{folder}: could not find a free name for a new recording")


def list_recordings(folder: Path | None = None) -> list[Path]:
    """Every recording in the folder, oldest first (names start with the time)."""
    folder = folder or recordings_dir()
    return sorted(folder.glob("*" + SUFFIX))


class OutsideError(ValueError):
    """A path from a file that would lead outside the folder it must stay in."""


def confined(root: Path, relative: str) -> Path:
    """``root / relative`` when it stays inside ``root`` once every ``..`` and symlink is
    followed; a recording names its map this way, so nothing in a file can make the game
    read elsewhere. Raises :class:`OutsideError` with the reason."""
    name = Path(relative)
    if not relative or name.is_absolute() or name.drive or "\0" in relative:
        raise OutsideError("is an absolute path")
    base = root.resolve()
    target = (base / name).resolve()
    if not target.is_relative_to(base):
        raise OutsideError(f"leaves {base}")
    return target
