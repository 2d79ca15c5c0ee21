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

from game.content import assets_dir

if TYPE_CHECKING:
    from game.ui.app import App
    from game.ui.session import Session

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
        text = map_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return files
    for source in _SOURCES.findall(text):
        path = (map_path.parent / source).resolve()
        if path.suffix in (".tsx", ".tx", ".png") and path not in files:
            files.append(path)
            if path.suffix in (".tsx", ".tx"):
                try:
                    inner = path.read_text(encoding="utf-8", errors="replace")
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
            lines = _problem_lines(map_path) or [str(error)]
            more = f" (and {len(lines) - 1} more: see the terminal)" if len(lines) > 1 else ""
            app.notify(f"Not reloaded: {lines[0]}{more}", 12.0)
            print(f"rififi: {map_path}: not reloaded:", file=sys.stderr)
            for line in lines:
                print(f"  {line}", file=sys.stderr)
            return None
        reload_art()
        print(f"rififi: {map_path}: reloaded", file=sys.stderr)
        return fresh

    return reload


def _problem_lines(map_path: Path) -> list[str]:
    """Every problem of a refused save, as ``rififi check`` prints them."""
    from game.tiled import check_map

    return [problem.line() for problem in check_map(map_path).problems]
