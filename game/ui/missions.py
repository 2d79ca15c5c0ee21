"""Finding and opening missions: the campaign's order, map files, and starting a session.

The campaign's order and blurbs are data (``maps/campaign.toml``), titles and briefings come
from each map. Loading goes through the Tiled layer and recording through the replay layer;
errors come back as one readable line (:class:`MissionError`), never a traceback.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.boundedio import MIB, read_text
from game.content import maps_dir

MAX_CAMPAIGN_BYTES = 1 * MIB

if TYPE_CHECKING:  # the rules load with the first mission, not with the title screen
    from game.replay.session import GameSession
    from game.sim.world import World


class MissionError(Exception):
    """A mission that cannot be opened; the message is one line for the player."""


@dataclass(frozen=True)
class Mission:
    """One entry of the campaign file (``maps/campaign.toml``)."""

    name: str
    blurb: str
    path: Path

    @property
    def exists(self) -> bool:
        return self.path.is_file()

    @property
    def title(self) -> str:
        """The map's own ``title`` (read only when a menu shows it: it loads the rules)."""
        return _map_title(self.path)


@functools.cache
def _map_title(path: Path) -> str:
    from game.tiled import MapError, map_info

    try:
        return map_info(path).title or path.stem
    except (MapError, OSError):
        return path.stem


def campaign() -> list[Mission]:
    """The missions of ``maps/campaign.toml`` in order; a broken file gives no missions."""
    folder = maps_dir()
    try:
        text = read_text(folder / "campaign.toml", MAX_CAMPAIGN_BYTES)
        entries = tomllib.loads(text)["mission"]
        return [
            Mission(Path(entry["map"]).stem, str(entry.get("blurb", "")), folder / entry["map"])
            for entry in entries
        ]
    except (OSError, ValueError, KeyError, TypeError):  # TOMLDecodeError is a ValueError
        return []


def map_files() -> list[Path]:
    """Every ``.tmx`` in the shipped maps folder, by name."""
    folder = maps_dir()
    return sorted(folder.glob("*.tmx")) if folder.is_dir() else []


def _one_line(error: Exception, path: Path) -> str:
    """The first line of a loader's message, naming the file if it does not already."""
    message = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return message if str(path) in message else f"{path}: {message}"


def load_world(path: Path, seed: int | None = None) -> World:
    """Build the world of a map file, or raise :class:`MissionError` with one line."""
    from game.tiled import MapError
    from game.tiled import load_world as tiled_load

    try:
        return tiled_load(path, seed=seed)
    except (MapError, OSError) as error:
        raise MissionError(_one_line(error, path)) from None


def start_session(
    path: Path, seed: int | None = None, rewinds: int = 3, record: bool = True
) -> GameSession:
    """A game on a map, with undo and rewind: recorded (so Continue resumes it) unless
    ``record`` is off (``--watch``, which would leave a recording per save of the map)."""
    from game.replay.errors import RecordingError
    from game.replay.session import GameSession
    from game.replay.session import Settings as GameSettings
    from game.tiled import MapError

    settings = GameSettings(rewinds=rewinds)
    try:
        return GameSession.start_map(path, seed=seed, settings=settings, record=record)
    except (RecordingError, MapError, OSError) as error:
        raise MissionError(_one_line(error, path)) from None
