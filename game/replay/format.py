"""The recording file format (version 1): JSON lines, append-only. See ``docs/replays.md``.

Line 1 is the header; every later line is one entry: a finished turn, a rewind, or the end
of the game. Reading checks every field's type and parses every command with
:meth:`Command.from_dict` before anything is simulated, so a damaged or tampered file gets
one clear line (``FILE: line N: ...``) and nothing in it is ever executed: it is JSON data
only, never a serialised object or code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.boundedio import MIB, LineReader, LineTooLong
from game.replay.errors import RecordingError
from game.sim import Command, CommandFormatError

FORMAT_VERSION = 1
MAGIC = "rififi_replay"  # the header's key whose value is the format version
MAX_LINE = 1 * MIB  # bytes; a longer line is damage, not a turn (a real turn is ~1 KiB)
MAX_FILE = 16 * MIB  # bytes; thousands of missions' worth of turns (docs/replays.md)
#: Bounds on what a file may ask the game to parse and re-simulate, so that a hostile file
#: costs seconds at most: a mission lasts about a hundred turns of a few commands each.
MAX_TURN_COMMANDS = 1000
MAX_TURN_LINES = 2500
MAX_COMMANDS = 50_000
#: The fields each kind of line may have: anything else is refused, not ignored.
HEADER_KEYS = frozenset(
    {MAGIC, "game_version", "rules_digest", "world", "seed", "settings", "created", "parent"}
)
SETTINGS_KEYS = frozenset({"difficulty", "rewinds"})
PARENT_KEYS = frozenset({"file", "turn", "header"})
TURN_KEYS = frozenset({"turn", "commands", "events", "hash", "parts", "over"})
OUTCOMES = ("won", "lost")  # a turn's "over"
ENDINGS = ("abandoned",)  # an end line's reason: won and lost are a turn's "over", not claims


@dataclass(frozen=True)
class Header:
    """Everything needed to rebuild the starting world and to judge if it still can be."""

    version: int
    game_version: str
    rules_digest: str
    world: dict[str, Any]
    seed: int
    settings: dict[str, Any] = field(default_factory=dict)
    created: str = ""
    parent: dict[str, Any] | None = None  # {"file", "turn", "header"} for a take-over

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            MAGIC: self.version,
            "game_version": self.game_version,
            "rules_digest": self.rules_digest,
            "world": self.world,
            "seed": self.seed,
            "settings": self.settings,
        }
        if self.created:
            data["created"] = self.created
        if self.parent is not None:
            data["parent"] = self.parent
        return data


@dataclass(frozen=True)
class TurnEntry:
    """One finished turn: its commands in order, a short digest of each command's events, and
    the state after the turn (whole hash plus one hash per part, to name what differs)."""

    turn: int
    commands: tuple[Command, ...]
    events: tuple[str, ...]
    hash: str
    parts: dict[str, str]
    over: str = ""  # "won" or "lost" when the mission ended in this turn
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "turn": self.turn,
            "commands": [c.to_dict() for c in self.commands],
            "events": list(self.events),
            "hash": self.hash,
            "parts": self.parts,
        }
        if self.over:
            data["over"] = self.over
        return data


@dataclass(frozen=True)
class RewindEntry:
    """The player rewound: play continues from the start of ``to``; later turns are dropped
    from the game but kept in the file (append-only), and still verified."""

    to: int
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"rewind": self.to}


@dataclass(frozen=True)
class EndEntry:
    """The game was closed for good (abandoned or taken over): Continue skips it."""

    reason: str
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"end": self.reason}


Entry = TurnEntry | RewindEntry | EndEntry


@dataclass
class Recording:
    """A parsed recording. ``complete_bytes`` ends the last whole line (to continue from)."""

    path: Path
    header: Header
    header_line: bytes
    entries: list[Entry]
    truncated: bool = False  # the last line was cut short (a crash mid-write)
    complete_bytes: int = 0

    @property
    def name(self) -> str:
        return str(self.path)

    def turns(self) -> list[TurnEntry]:
        """The turns of the game as it stands, rewinds applied (abandoned branches dropped)."""
        kept: list[TurnEntry] = []
        for entry in self.entries:
            if isinstance(entry, TurnEntry):
                kept.append(entry)
            elif isinstance(entry, RewindEntry):
                del kept[entry.to - 1 :]
        return kept

    @property
    def rewinds(self) -> int:
        return sum(isinstance(e, RewindEntry) for e in self.entries)

    @property
    def ended(self) -> str:
        """Why the game is over for good ("won", "lost", "abandoned"...), or ""."""
        for entry in reversed(self.entries):
            if isinstance(entry, EndEntry):
                return entry.reason
            if isinstance(entry, TurnEntry):
                return entry.over
        return ""


def encode(entry: Header | Entry) -> bytes:
    """One line of the file: compact, ASCII-only JSON and a newline."""
    text = json.dumps(entry.to_json(), separators=(",", ":"), ensure_ascii=True, sort_keys=False)
    return text.encode("ascii") + b"\n"


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _json(raw: bytes, where: str) -> Any:
    if len(raw) > MAX_LINE:
        raise RecordingError(f"{where} is too long to be part of a recording")
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError:
        raise RecordingError(f"{where} is not UTF-8 text") from None
    except (ValueError, RecursionError) as error:
        raise RecordingError(f"{where} is not valid JSON ({error})") from None


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_header(data: object, name: str) -> Header:
    """Check the header's fields and their types; ``name`` is the file, for messages."""
    where = f"{name}: line 1"
    if not isinstance(data, dict) or MAGIC not in data:
        raise RecordingError(f"{where} is not a Rififi recording header")
    version = data[MAGIC]
    if not _is_int(version) or version < 1:
        raise RecordingError(f"{where}: the format version must be a positive integer")
    if version > FORMAT_VERSION:
        raise RecordingError(
            f"{name}: recording format {version} is newer than this game reads "
            f"({FORMAT_VERSION}) "
            f"(made by rififi {data.get('game_version', '?')}); update Rififi to open it"
        )
    unknown = sorted(set(data) - HEADER_KEYS)
    if unknown:
        raise RecordingError(f"{where}: unknown header field {unknown[0]!r} (not made by Rififi)")
    types = {"game_version": str, "rules_digest": str, "world": dict, "settings": dict}
    for key, kind in types.items():
        if not isinstance(data.get(key), kind):
            raise RecordingError(f"{where}: '{key}' is missing or not a {kind.__name__}")
    if not _is_int(data.get("seed")) or not -(2**63) <= data["seed"] < 2**64:
        raise RecordingError(f"{where}: 'seed' is missing or not a 64-bit integer")
    created, parent = data.get("created", ""), data.get("parent")
    if not isinstance(created, str) or (
        parent is not None
        and not (
            isinstance(parent, dict)
            and isinstance(parent.get("file"), str)
            and _is_int(parent.get("turn"))
        )
    ):
        raise RecordingError(f"{where}: 'created' or 'parent' has the wrong type")
    if parent is not None and (
        set(parent) - PARENT_KEYS or not isinstance(parent.get("header", ""), str)
    ):
        raise RecordingError(f"{where}: 'parent' has unknown fields or a wrong 'header'")
    _check_settings(data["settings"], where)
    return Header(
        version,
        data["game_version"],
        data["rules_digest"],
        data["world"],
        data["seed"],
        data["settings"],
        created,
        parent,
    )


def _check_settings(settings: dict[str, Any], where: str) -> None:
    """The recorded settings: only what shapes a game, each of its own type."""
    unknown = sorted(set(settings) - SETTINGS_KEYS)
    if unknown:
        raise RecordingError(f"{where}: unknown setting {unknown[0]!r} in 'settings'")
    if not isinstance(settings.get("difficulty", ""), str):
        raise RecordingError(f"{where}: setting 'difficulty' must be a string")
    rewinds = settings.get("rewinds", 0)
    if not _is_int(rewinds) or not -1 <= rewinds <= 1000:
        raise RecordingError(f"{where}: setting 'rewinds' must be -1 (no limit) or 0 to 1000")


def parse_entry(data: object, where: str, line: int) -> Entry:
    """Check one entry line; commands are parsed (and so checked) here."""
    if not isinstance(data, dict):
        raise RecordingError(f"{where} is not a JSON object")
    if "rewind" in data:
        if set(data) != {"rewind"}:
            raise RecordingError(f"{where}: a rewind line holds only 'rewind'")
        if not _is_int(data["rewind"]) or data["rewind"] < 1:
            raise RecordingError(f"{where}: 'rewind' must be a turn number")
        return RewindEntry(data["rewind"], line)
    if "end" in data:
        if set(data) != {"end"}:
            raise RecordingError(f"{where}: an end line holds only 'end'")
        if data["end"] not in ENDINGS:
            raise RecordingError(
                f"{where}: 'end' must be one of {', '.join(ENDINGS)} (a game is won or lost "
                "by its last turn, not by an end line)"
            )
        return EndEntry(data["end"], line)
    turn, commands, events = data.get("turn"), data.get("commands"), data.get("events")
    state, parts, over = data.get("hash"), data.get("parts"), data.get("over", "")
    if not _is_int(turn) or turn < 1:
        raise RecordingError(f"{where}: 'turn' is missing or not a turn number")
    where = f"{where} (turn {turn})"
    unknown = sorted(set(data) - TURN_KEYS)
    if unknown:
        raise RecordingError(f"{where}: unknown field {unknown[0]!r}")
    if over not in ("", *OUTCOMES):
        raise RecordingError(f"{where}: 'over' must be one of {', '.join(OUTCOMES)}")
    if not isinstance(commands, list) or not commands:
        raise RecordingError(f"{where}: 'commands' must be a non-empty list")
    if len(commands) > MAX_TURN_COMMANDS:
        raise RecordingError(f"{where}: more than {MAX_TURN_COMMANDS} commands in one turn")
    if (
        not isinstance(events, list)
        or len(events) != len(commands)
        or not all(isinstance(e, str) for e in events)
    ):
        raise RecordingError(f"{where}: 'events' must hold one digest per command")
    if (
        not isinstance(state, str)
        or not isinstance(over, str)
        or not isinstance(parts, dict)
        or not all(isinstance(k, str) and isinstance(v, str) for k, v in parts.items())
    ):
        raise RecordingError(f"{where}: 'hash', 'parts' or 'over' has the wrong type")
    parsed: list[Command] = []
    for number, command in enumerate(commands, start=1):
        try:
            parsed.append(Command.from_dict(command))
        except CommandFormatError as error:
            raise RecordingError(f"{where}: command {number} is not valid: {error}") from None
    return TurnEntry(turn, tuple(parsed), tuple(events), state, dict(parts), over, line)


def _played_after(played: int, entry: Entry, where: str) -> int:
    """Turns follow each other; a rewind goes back to a turn already played. Returns how
    many turns stand in the game after ``entry``."""
    if isinstance(entry, TurnEntry):
        if entry.turn != played + 1:
            raise RecordingError(f"{where}: turn {entry.turn} cannot follow turn {played}")
        return played + 1
    if isinstance(entry, RewindEntry):
        if entry.to > played:
            raise RecordingError(
                f"{where}: rewind to turn {entry.to}, but only {played} were played"
            )
        return entry.to - 1
    return played


def _first_line(raw: bytes, path: Path) -> Any:
    """Line 1 as JSON; a file that is not even that (binary, UTF-16, text) is not a
    recording, and is told so in those words."""
    try:
        return _json(raw, f"{path}: line 1")
    except RecordingError as error:
        raise RecordingError(f"{error}: this is not a Rififi recording") from None


def _read_error(path: Path, error: OSError) -> RecordingError:
    if isinstance(error, FileNotFoundError):
        return RecordingError(f"{path}: no such recording")
    if isinstance(error, LineTooLong):
        return RecordingError(f"{path}: line {error.number} is too long to be part of a recording")
    return RecordingError(f"{path}: cannot be read ({error.strerror or error})")


def load(path: Path | str, *, strict: bool = True) -> Recording:
    """Read and check a whole recording, one line at a time (see :data:`MAX_FILE`).

    With ``strict`` a cut-short last line is an error (the file is damaged); without, it is
    dropped as the turn in progress when the game crashed, so the game can be watched and
    continued up to its last complete turn. Line 1 is checked first, so a file that is not a
    recording at all (binary, UTF-16) says so rather than "truncated".
    """
    path = Path(path)
    reader = LineReader(path, MAX_FILE, MAX_LINE)
    header: Header | None = None
    header_line = b""
    entries: list[Entry] = []
    played = turn_lines = commands = 0
    truncated, complete = False, 0
    try:
        for line in reader:
            where = f"{path}: line {line.number}"
            if not line.complete:  # the last line, cut short
                truncated, complete = True, line.end - len(line.data)
                if header is None:
                    _first_line(line.data, path)  # not a recording at all: say that first
                    raise RecordingError(
                        f"{path}: truncated inside its header; the recording is lost"
                    )
                if strict:
                    raise RecordingError(
                        f"{path}: truncated at line {line.number} (the last line is cut short); "
                        f"it can still be watched up to line {line.number - 1}"
                    )
                break
            if header is None:
                if line.number != 1:
                    raise RecordingError(f"{path}: line 1 is blank, not a Rififi recording header")
                header = parse_header(_first_line(line.data, path), str(path))
                header_line = line.data
                continue
            entry = parse_entry(_json(line.data, where), where, line.number)
            played = _played_after(played, entry, where)
            entries.append(entry)
            if isinstance(entry, TurnEntry):
                turn_lines += 1
                commands += len(entry.commands)
                if turn_lines > MAX_TURN_LINES or commands > MAX_COMMANDS:
                    what = (
                        f"{MAX_TURN_LINES} turn lines"
                        if turn_lines > MAX_TURN_LINES
                        else f"{MAX_COMMANDS} commands"
                    )
                    raise RecordingError(
                        f"{where}: more than {what} in one recording, far beyond any mission"
                    )
    except OSError as error:
        raise _read_error(path, error) from None
    if header is None:
        raise RecordingError(f"{path}: empty file, not a Rififi recording")
    if not truncated:
        complete = reader.size
    return Recording(path, header, header_line, entries, truncated, complete)
