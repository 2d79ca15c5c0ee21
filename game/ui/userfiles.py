"""The player's own files (settings, progress): read with bounds, never silently replaced.

A file the game cannot make sense of (too large, not a regular file, not JSON, nested too
deep, numbers out of range) is moved aside to ``NAME.bad-YYYYmmdd-HHMMSS`` before anything
is written in its place, and a notice tells the player on the title screen what was reset
and where the old file is. Writes are atomic (a temporary file renamed over the old one), so
a full disk leaves the old file as it was.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.boundedio import KIB, read_bytes

MAX_USER_FILE = 256 * KIB  # settings and progress are a few hundred bytes
MAX_DEPTH = 6  # nesting of JSON objects and lists; the game writes at most 3

#: What the title screen still has to tell the player (files reset, moved aside).
_NOTICES: list[str] = []


def notify(message: str) -> None:
    if message not in _NOTICES:
        _NOTICES.append(message)


def take_notices() -> list[str]:
    """The notices not shown yet; each is shown once."""
    notices = list(_NOTICES)
    _NOTICES.clear()
    return notices


@dataclass(frozen=True)
class UserFile:
    """A user file as read: its JSON object (empty when missing or damaged) and, when it
    could not be used, why."""

    data: dict[str, Any]
    problem: str = ""


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (iteratively: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth <= MAX_DEPTH:
                children = item.values() if isinstance(item, dict) else item
                stack.extend((child, depth + 1) for child in children)
    return deepest


def read_json(path: Path) -> UserFile:
    """The JSON object in ``path``; a missing file is no problem, anything else unusable is."""
    try:
        raw = read_bytes(path, MAX_USER_FILE)
    except FileNotFoundError:
        return UserFile({})
    except OSError as error:
        return UserFile({}, error.strerror or str(error))
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except UnicodeDecodeError:
        return UserFile({}, "not UTF-8 text")
    except RecursionError:
        return UserFile({}, f"nested deeper than {MAX_DEPTH} levels")
    except ValueError as error:  # also a number of thousands of digits
        return UserFile({}, f"not valid JSON ({str(error)[:80]})")
    if not isinstance(data, dict):
        return UserFile({}, "not a JSON object")
    if _depth(data) > MAX_DEPTH:
        return UserFile({}, f"nested deeper than {MAX_DEPTH} levels")
    return UserFile(data)


def number(value: Any, low: float, high: float) -> float | None:
    """``value`` as a float when it is a JSON number within ``[low, high]``, else None
    (compared before converting: a 400-digit integer is out of range, not an overflow)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value != value or not low <= value <= high:  # NaN, or out of range
        return None
    return float(value)


def move_aside(path: Path) -> Path | None:
    """Rename a damaged file to ``NAME.bad-DATE`` (never over another one); None when it
    cannot be moved (then it is not overwritten either: the caller keeps it)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        target = path.with_name(f"{path.name}.bad-{stamp}" + (f"-{attempt}" if attempt else ""))
        if target.exists() or target.is_symlink():
            continue
        try:
            path.rename(target)
        except OSError:  # gone meanwhile, or a read-only folder
            return None
        return target
    return None


def report_damage(path: Path, what: str, problem: str, reset: str) -> bool:
    """Move a damaged user file aside and queue the notice; False when it could not be moved
    (the caller must then not write over it)."""
    kept = move_aside(path) if path.exists() or path.is_symlink() else None
    where = f"the old file is kept as {kept.name}" if kept else f"{path} was left as it was"
    notify(f"Your {what} file could not be used ({problem}): {reset}; {where}.")
    return kept is not None


def atomic_write(path: Path, content: str) -> None:
    """Write ``content`` to ``path`` so that readers see the old or the new file, never half.

    The new file replaces ``path`` itself: a symlink there is replaced, never written
    through. Raises ``OSError`` (a full disk...) with the old file untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
