"""Finding and opening missions: the campaign's order, map files, and starting a session.

The campaign follows the film; each entry names a map in ``maps/``. Loading goes through the
Tiled layer, and recording through the replay layer when this version has them; errors come
back as one readable line (:class:`MissionError`), never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.content import maps_dir

if TYPE_CHECKING:  # the rules load with the first mission, not with the title screen
    from game.sim.world import World
    from game.ui.session import Session

CAMPAIGN: tuple[tuple[str, str, str], ...] = (
    ("tutorial", "La répétition", "The rehearsal: learn the crew's trade on a copy of the alarm."),
    ("jeweler", "Le casse", "The jeweler's, rue de Rivoli: through the ceiling, out by dawn."),
    ("country_house", "La maison de campagne", "Grutter's house at night: bring Tonio home."),
)


class MissionError(Exception):
    """A mission that cannot be opened; the message is one line for the player."""


@dataclass(frozen=True)
class Mission:
    name: str
    title: str
    blurb: str
    path: Path

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def campaign() -> list[Mission]:
    folder = maps_dir()
    return [Mission(name, title, blurb, folder / f"{name}.tmx") for name, title, blurb in CAMPAIGN]


def map_files() -> list[Path]:
    """Every ``.tmx`` in the shipped maps folder, by name."""
    folder = maps_dir()
    return sorted(folder.glob("*.tmx")) if folder.is_dir() else []


def load_world(path: Path, seed: int | None = None) -> World:
    """Build the world of a map file, or raise :class:`MissionError` with one line."""
    try:
        from game.tiled import load_world as tiled_load
    except ImportError:
        raise MissionError("this version cannot open Tiled maps yet") from None
    try:
        return tiled_load(path, seed=seed)
    except FileNotFoundError:
        raise MissionError(f"{path}: no such map file") from None
    except Exception as error:  # the loader's own errors already read as one line
        message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise MissionError(message if str(path) in message else f"{path}: {message}") from None


def start_session(
    path: Path, seed: int | None = None, rewinds: int = 3, record: bool = True
) -> Session:
    """A session on a map: recorded (with undo and rewind) when the replay layer is there."""
    from game.ui.session import RecordedSession, Session

    if record:
        try:
            from game.replay.session import GameSession
            from game.replay.session import Settings as GameSettings
        except ImportError:
            GameSession = None
        if GameSession is not None:
            try:
                game = GameSession.start_map(
                    path, seed=seed, settings=GameSettings(rewinds=rewinds)
                )
            except Exception as error:
                message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
                raise MissionError(message) from None
            return RecordedSession(game, source=str(path))
    session = Session(load_world(path, seed), rewinds_allowed=rewinds, source=str(path))
    return session
