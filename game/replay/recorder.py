"""Writing a recording as the game is played: append-only, one line per finished turn.

Each line is written with one ``write`` on a file opened ``O_APPEND`` and then ``fsync``-ed,
so a crash (or a killed process) loses at most the turn in progress and never damages the
turns before it. The recorder never reads, rewrites or deletes anything, except that
:meth:`Recorder.reopen` cuts off a half-written last line of the *same* game before
continuing it (that line is the turn that was lost).
"""

from __future__ import annotations

import os
from pathlib import Path

from game.replay.format import Entry, Header, TurnEntry, encode
from game.replay.paths import create_recording_file
from game.replay.state import events_digest, fingerprint
from game.sim import Command, CommandResult, World


class Recorder:
    """An open recording file that lines are appended to."""

    def __init__(self, path: Path, fd: int, *, sync: bool = True) -> None:
        self.path = path
        self._fd: int | None = fd
        self.sync = sync

    @classmethod
    def create(cls, header: Header, label: str, folder: Path | None = None) -> Recorder:
        """A new file in the recordings folder, starting with ``header``."""
        path, fd = create_recording_file(label, folder)
        recorder = cls(path, fd)
        recorder.write(header)
        return recorder

    @classmethod
    def reopen(cls, path: Path, complete_bytes: int) -> Recorder:
        """Continue an existing recording, dropping a half-written last line if any."""
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        if os.fstat(fd).st_size > complete_bytes:
            os.ftruncate(fd, complete_bytes)
        return cls(path, fd)

    @property
    def closed(self) -> bool:
        return self._fd is None

    def write(self, entry: Header | Entry) -> None:
        """Append one line and make it durable before returning."""
        if self._fd is None:
            raise ValueError(f"{self.path}: the recording is closed")
        data = encode(entry)
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if self.sync:
            os.fsync(self._fd)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class TurnLog:
    """The commands of the turn being played, with a digest of each one's events."""

    def __init__(self) -> None:
        self.commands: list[Command] = []
        self.results: list[CommandResult] = []

    def add(self, command: Command, result: CommandResult) -> None:
        self.commands.append(command)
        self.results.append(result)

    def pop(self) -> tuple[Command, CommandResult]:
        return self.commands.pop(), self.results.pop()

    def clear(self) -> None:
        self.commands.clear()
        self.results.clear()

    def finish(self, turn: int, world: World) -> TurnEntry:
        """The line for this turn, fingerprinting the world as it is after it."""
        state, parts = fingerprint(world)
        over = world.outcome.status if world.outcome.over else ""
        digests = tuple(events_digest(r.events) for r in self.results)
        return TurnEntry(turn, tuple(self.commands), digests, state, parts, over)


def turn_finished(world: World, turn_before: int) -> bool:
    """A turn is over when the world moved to the next turn or the mission ended; no command
    kind is named, so new rules that end turns work unchanged."""
    return world.turn != turn_before or world.outcome.over
