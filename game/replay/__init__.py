"""Recordings: file format, recording, verification, seeking, undo, rewind and saves.

Layers: ``game.sim`` <- ``game.tiled`` <- ``game.replay`` <- ``game.ui``; nothing here imports
pygame. The main entry points:

- :class:`GameSession`, the one session of a game: plays and records a mission (undo, rewind,
  Continue, take-over, ``--watch``'s reload), tells its listeners of every change and counts
  them in its ``version``;
- :func:`load` reads a recording file, :func:`verify` re-simulates it;
- :class:`Playback` is the replay viewer's model (seek, step, play/pause, markers).
"""

from game.replay.errors import RecordingError, WorldSourceError
from game.replay.format import FORMAT_VERSION, Recording, load
from game.replay.playback import Playback
from game.replay.session import GameSession, Settings
from game.replay.sources import AsciiSource, MapSource, WorldSource
from game.replay.verify import DivergenceError, Marker, Verified, verify

__all__ = [
    "FORMAT_VERSION",
    "AsciiSource",
    "DivergenceError",
    "GameSession",
    "MapSource",
    "Marker",
    "Playback",
    "Recording",
    "RecordingError",
    "Settings",
    "Verified",
    "WorldSource",
    "WorldSourceError",
    "load",
    "verify",
]
