"""Reading files from outside the game without trusting them: one open, a regular-file check
and a size cap.

Every file the game reads (maps, tilesets, templates, images, the project, recordings,
settings, progress) comes through here, so a symlink to ``/dev/zero``, a FIFO, a folder or a
file of gigabytes is refused with one line before it can block the game or fill its memory.
Each file is opened once and checked on the open descriptor (``fstat``), so it cannot be
swapped between the check and the read. The caps are listed in ``docs/replays.md`` and the
designer's guide. Imports nothing of ours: the Tiled layer, the replay layer and the client
all use it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

KIB, MIB = 1024, 1024 * 1024
CHUNK = 1 * MIB  # bytes read at a time when streaming

_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_BLANK = re.compile(rb"[ \t\r\n]*")


class UntrustedFileError(OSError):
    """A file refused before reading it; ``strerror`` is the reason in words."""


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB" if size < 10 * MIB else f"{size // MIB} MiB"


def _cap_text(cap: int) -> str:
    return f"{cap // MIB} MiB" if cap >= MIB else f"{cap // KIB} KiB"


def too_large(path: Path | str, size: int | None, cap: int) -> UntrustedFileError:
    """The error for a file over its cap (``size`` None: it grew while being read)."""
    what = f"the file is {_mib(size)}" if size is not None else "the file grew while read"
    return UntrustedFileError(errno.EFBIG, f"{what}, over the {_cap_text(cap)} limit", str(path))


def open_regular(path: Path | str) -> tuple[int, os.stat_result]:
    """An open descriptor on ``path`` and its ``fstat``, if it is a regular file.

    ``O_NONBLOCK`` keeps a FIFO from blocking the open; a device, FIFO, socket or folder
    (also through a symlink) is refused. The caller closes the descriptor.
    """
    fd = os.open(path, _FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UntrustedFileError(
                errno.EINVAL, "not a regular file but a device, pipe or folder", str(path)
            )
    except BaseException:
        os.close(fd)
        raise
    return fd, info


def _read_upto(fd: int, limit: int) -> bytes:
    parts: list[bytes] = []
    left = limit
    while left > 0:
        data = os.read(fd, min(CHUNK, left))
        if not data:
            break
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def read_bytes(path: Path | str, cap: int) -> bytes:
    """The whole content of a regular file of at most ``cap`` bytes."""
    fd, info = open_regular(path)
    try:
        if info.st_size > cap:
            raise too_large(path, info.st_size, cap)
        data = _read_upto(fd, cap + 1)
    finally:
        os.close(fd)
    if len(data) > cap:
        raise too_large(path, None, cap)
    return data


def read_text(path: Path | str, cap: int) -> str:
    """:func:`read_bytes` decoded as UTF-8 (``UnicodeDecodeError`` is a ``ValueError``)."""
    return read_bytes(path, cap).decode("utf-8")


def hash_file(path: Path | str, cap: int, digest_size: int = 16) -> str:
    """blake2b of a regular file of at most ``cap`` bytes, read in chunks (an image is hashed
    without holding it whole)."""
    fd, info = open_regular(path)
    digest = hashlib.blake2b(digest_size=digest_size)
    read = 0
    try:
        if info.st_size > cap:
            raise too_large(path, info.st_size, cap)
        while data := os.read(fd, CHUNK):
            read += len(data)
            if read > cap:
                raise too_large(path, None, cap)
            digest.update(data)
    finally:
        os.close(fd)
    return digest.hexdigest()


@dataclass(frozen=True)
class Line:
    """One non-blank line: its 1-based number, its bytes (no newline), and whether it ended
    in a newline (False only for a cut-short last line)."""

    number: int
    data: bytes
    complete: bool
    end: int  # the offset just after this line (and its newline)


class LineTooLong(UntrustedFileError):
    """A line over the reader's limit; ``number`` is the line."""

    def __init__(self, path: Path | str, number: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"line {number} is over {_cap_text(limit)}", str(path))
        self.number = number


class LineReader:
    """The non-blank lines of a regular file of at most ``cap`` bytes, one at a time.

    Memory stays within ``max_line`` plus one chunk whatever the file holds; runs of blank
    lines are skipped in bulk, so a file padded with millions of them costs no more than
    reading it. After the iteration, :attr:`size` is the number of bytes read.
    """

    def __init__(self, path: Path | str, cap: int, max_line: int) -> None:
        self.path, self.cap, self.max_line = path, cap, max_line
        self.size = 0

    def __iter__(self) -> Iterator[Line]:
        path, cap, max_line = self.path, self.cap, self.max_line
        fd, info = open_regular(path)
        try:
            if info.st_size > cap:
                raise too_large(path, info.st_size, cap)
            buffer = b""
            offset = 0  # file offset of buffer[0]
            number = 1  # the line number at buffer[0]
            while True:
                chunk = os.read(fd, CHUNK)
                self.size += len(chunk)
                if self.size > cap:
                    raise too_large(path, None, cap)
                buffer = buffer + chunk if buffer else chunk
                position = 0
                while True:
                    blank = _BLANK.match(buffer, position).end()  # type: ignore[union-attr]
                    newline = buffer.rfind(b"\n", position, blank)
                    if newline >= 0:  # whole blank lines: count them and move past
                        number += buffer.count(b"\n", position, newline + 1)
                        position = newline + 1
                    end = buffer.find(b"\n", position)
                    if end < 0:
                        break
                    yield Line(number, buffer[position:end], True, offset + end + 1)
                    number += 1
                    position = end + 1
                buffer = buffer[position:]
                offset += position
                if len(buffer) > max_line:
                    raise LineTooLong(path, number, max_line)
                if not chunk:
                    if buffer.strip():
                        yield Line(number, buffer, False, offset + len(buffer))
                    return
        finally:
            os.close(fd)
