"""``rififi play MAP --watch``: notice when the map or a file it uses is saved again.

Polling modification times twice a second is enough for a designer switching from Tiled,
needs no extra dependency, and works on every platform. The files are the ones the loader
reads (the map, its tilesets and their images, templates, the project file with the types);
while the map is too broken to list them, the ``source="..."`` attributes stand in.

A refused save is said in the window (wrapped) and printed whole to the terminal, where a
designer can read it beside Tiled.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.boundedio import MIB, read_bytes
from game.content import assets_dir

MAX_FILE_BYTES = 32 * MIB  # as the Tiled layer's cap on its XML files

if TYPE_CHECKING:
    from game.replay.session import GameSession
    from game.ui.app import App

_SOURCES = re.compile(r'source="([^"]+)"')


def watched_files(map_path: Path) -> list[Path]:
    """The map and every file it uses, the project file and the shipped tilesets."""
    from game.tiled import MapError, map_files
    from game.tiled.project import project_path

    try:
        files = map_files(map_path)
    except MapError:
        files = _named_files(map_path)
    for extra in [project_path(), *sorted(map_path.parent.glob("*.tiled-project"))]:
        if extra.resolve() not in files:
            files.append(extra.resolve())
    for tsx in (assets_dir() / "tilesets").glob("*.tsx"):
        if tsx.resolve() not in files:
            files.append(tsx.resolve())
    return files


def _named_files(map_path: Path) -> list[Path]:
    """What a map too broken to load names: its ``source`` attributes, one level down."""
    files = [map_path]
    try:
        text = read_bytes(map_path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return files
    for source in _SOURCES.findall(text):
        path = (map_path.parent / source).resolve()
        if path.suffix in (".tsx", ".tx", ".png") and path not in files:
            files.append(path)
            if path.suffix in (".tsx", ".tx"):
                try:
                    inner = read_bytes(path, MAX_FILE_BYTES).decode("utf-8", errors="replace")
                except OSError:
                    continue
                for image in _SOURCES.findall(inner):
                    files.append((path.parent / image).resolve())
    return files


class Watcher:
    """Tells when any watched file's modification time (or existence) changed."""

    def __init__(self, map_path: Path) -> None:
        self.map_path = map_path
        self.files = watched_files(map_path)
        self.stamps = self._stamps()

    def _stamps(self) -> dict[Path, float | None]:
        stamps: dict[Path, float | None] = {}
        for path in self.files:
            try:
                stamps[path] = path.stat().st_mtime_ns
            except OSError:
                stamps[path] = None
        return stamps

    def changed(self) -> bool:
        now = self._stamps()
        if now == self.stamps:
            return False
        self.files = watched_files(self.map_path)
        self.stamps = self._stamps()
        return True


def reloader(app: App, session: GameSession) -> Callable[[], None]:
    """The mission scene's ``watch`` hook for ``--watch``, polled twice a second: when the
    map or a file it uses was saved, the session reloads it (undo and rewind keep working, on
    the new map); a broken save keeps the old map and the player is told why."""
    from game.replay.errors import RecordingError
    from game.ui.art import reload_art

    if session.map_path is None:
        raise ValueError("--watch needs a game played on a Tiled map")
    watcher = Watcher(session.map_path)

    def poll() -> None:
        if not watcher.changed():
            return
        try:
            session.reload()
        except RecordingError as error:
            map_path = session.map_path
            assert map_path is not None
            lines = _problem_lines(map_path) or [str(error).splitlines()[0]]
            more = f" (and {len(lines) - 1} more: see the terminal)" if len(lines) > 1 else ""
            app.notify(f"Not reloaded: {lines[0]}{more}", 12.0)
            print(f"rififi: {map_path}: not reloaded:", file=sys.stderr)
            for line in lines:
                print(f"  {line}", file=sys.stderr)
            return
        reload_art()
        print(f"rififi: {session.map_path}: reloaded", file=sys.stderr)

    return poll


def _problem_lines(map_path: Path) -> list[str]:
    """Every problem of a refused save, as ``rififi check`` prints them."""
    from game.tiled import check_map

    return [problem.line() for problem in check_map(map_path).problems]
