"""``rififi play MAP --watch``: notice when the map or a file it uses is saved again.

Polling modification times twice a second is enough for a designer switching from Tiled,
needs no extra dependency, and works on every platform.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from game.boundedio import MIB, read_bytes
from game.content import assets_dir

MAX_FILE_BYTES = 32 * MIB  # as the Tiled layer's cap on its XML files

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

_SOURCES = re.compile(r'source="([^"]+)"')


def watched_files(map_path: Path) -> list[Path]:
    """The map, the tilesets and templates it names, and their images."""
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
    for tsx in (assets_dir() / "tilesets").glob("*.tsx"):
        if tsx.resolve() not in files:
            files.append(tsx.resolve())
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


def reloader(app: App, map_path: Path, seed: int | None) -> Callable[[], Session | None]:
    """The mission scene's ``reload`` hook for ``--watch``: a fresh, unrecorded session when
    the map or a file it uses was saved, None otherwise (or when the new map is broken: the
    player keeps the old one and is told why)."""
    from game.ui.art import reload_art
    from game.ui.missions import MissionError, start_session

    watcher = Watcher(map_path)

    def reload() -> Session | None:
        if not watcher.changed():
            return None
        try:
            fresh = start_session(map_path, seed, app.settings.rewinds_per_mission, record=False)
        except MissionError as error:
            app.notify(f"Not reloaded: {error}", 8.0)
            return None
        reload_art()
        return fresh

    return reload
