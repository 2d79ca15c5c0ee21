"""Writing a recording as the game is played: append-only, one line per finished turn.

Each line is written with one ``write`` on a file opened ``O_APPEND`` and then ``fsync``-ed,
so a crash (or a killed process) loses at most the turn in progress and never damages the
turns before it. The recorder never reads, rewrites or deletes anything, except that
:meth:`Recorder.reopen` cuts off a half-written last line of the *same* game before
continuing it (that line is the turn that was lost).

A write that fails (a full disk, a yanked drive) never stops the game: the line stays in
memory, :attr:`Recorder.error` says why for the screen, whatever part of it reached the file
is cut off again so the turns on disk stay whole, and every later write (each turn end)
first retries what is pending. A recording that could not even be created is created at
the first retry that succeeds.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from game.replay.errors import RecordingError
from game.replay.format import Entry, Header, TurnEntry, encode
from game.replay.paths import create_recording_file
from game.replay.state import events_digest, fingerprint
from game.sim import Command, CommandResult, World

#: Recorders closed with lines still unwritten; :func:`retry_pending` tries them again.
_UNFLUSHED: list[Recorder] = []


class Recorder:
    """An open recording file that lines are appended to."""

    def __init__(self, path: Path | None, fd: int | None, *, sync: bool = True) -> None:
        self.path = path
        self._fd = fd
        self.sync = sync
        self.error = ""  # why the last write failed; "" while everything is on disk
        self._pending: list[bytes] = []  # whole lines not yet on disk, in order
        self._size = os.fstat(fd).st_size if fd is not None else 0  # bytes known whole
        self._closed = False
        self._create: tuple[str, Path | None] | None = None  # (label, folder) until created

    @classmethod
    def create(cls, header: Header, label: str, folder: Path | None = None) -> Recorder:
        """A new file in the recordings folder, starting with ``header``. When the file
        cannot be made (full disk, read-only folder), the game still starts: the recorder
        keeps the header and tries again at each turn end."""
        recorder = cls(None, None)
        recorder._create = (label, folder)
        recorder.write(header)
        return recorder

    @classmethod
    def reopen(cls, path: Path, complete_bytes: int) -> Recorder:
        """Continue an existing recording, dropping a half-written last line if any.

        Only the recording file itself is written: a symlink (which could point anywhere
        outside the data folder), a hard-linked file or anything but a regular file is
        refused, so Continue can never append to someone else's file.
        """
        flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0)
        flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(path, flags)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise RecordingError(
                    f"{path}: is a symlink; Continue only writes to a recording file itself "
                    "(watch it and take over instead)"
                ) from None
            raise
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            os.close(fd)
            raise RecordingError(
                f"{path}: is not a plain recording file (a link or a device); Continue only "
                "writes to a file of its own (watch it and take over instead)"
            )
        if info.st_size > complete_bytes:
            os.ftruncate(fd, complete_bytes)
        return cls(path, fd)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def pending(self) -> int:
        """Lines held in memory because they could not be written yet."""
        return len(self._pending)

    def write(self, entry: Header | Entry) -> None:
        """Append one line and make it durable before returning; when the disk refuses,
        keep it (and any line after it) for the next try instead of raising."""
        if self._closed:
            raise ValueError(f"{self.path}: the recording is closed")
        self._pending.append(encode(entry))
        self.flush()

    def flush(self) -> bool:
        """Write every pending line; True when all of them are on disk."""
        try:
            if self._fd is None and self._create is not None:
                self.path, self._fd = create_recording_file(*self._create)
                self._create = None
            while self._pending and self._fd is not None:
                self._append(self._fd, self._pending[0])
                self._size += len(self._pending.pop(0))
        except OSError as error:
            self.error = error.strerror or str(error)
            self._cut_back()
            return False
        self.error = ""
        if self._closed and not self._pending:
            self._release()
        return not self._pending

    def _append(self, fd: int, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        if self.sync:
            os.fsync(fd)

    def _cut_back(self) -> None:
        """Drop whatever part of a failed line reached the file (shrinking needs no space),
        so the next try appends it whole after the last whole line."""
        if self._fd is None:
            return
        try:
            if os.fstat(self._fd).st_size > self._size:
                os.ftruncate(self._fd, self._size)
        except OSError:
            pass  # the next flush cuts back again before it appends

    def _release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self in _UNFLUSHED:
            _UNFLUSHED.remove(self)

    def resume(self) -> None:
        """Write on after :meth:`close`: a rewind from the failure screen goes on with the
        same game, so its rewind line and later turns belong in the same file. The file is
        opened again through :meth:`reopen` (same checks: only this plain file), at the
        length known whole; lines still pending stay pending and go first."""
        if not self._closed:
            return
        if self._fd is None and self.path is not None:
            again = Recorder.reopen(self.path, self._size)
            self._fd, again._fd = again._fd, None
        self._closed = False
        if self in _UNFLUSHED:
            _UNFLUSHED.remove(self)

    def close(self) -> None:
        """Stop recording. Lines that still cannot be written stay in memory (and the file
        open) until :func:`retry_pending` gets them on disk."""
        self._closed = True
        if self.flush():
            self._release()
        elif self not in _UNFLUSHED:
            _UNFLUSHED.append(self)


def retry_pending() -> list[str]:
    """Try again to write the lines of closed recordings that could not be written; returns
    why for each recording still waiting (empty when everything is on disk)."""
    for recorder in list(_UNFLUSHED):
        recorder.flush()
    return [f"{r.path or 'a new recording'}: {r.error}" for r in _UNFLUSHED]


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
