"""Verification: re-simulate a recording headless and compare every hash.

The same walk through the file builds the viewer's timeline and markers, so watching a
recording also proves it. The first difference is reported as the turn and command where it
shows, naming the first part of the state (``World.part_hashes``) that differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game import __version__
from game.content import load_rules
from game.replay.errors import RecordingError
from game.replay.format import EndEntry, Entry, Recording, RewindEntry, TurnEntry
from game.replay.reveal import marker_category
from game.replay.sources import WorldSource, source_from_json
from game.replay.state import events_digest, fingerprint
from game.replay.timeline import Timeline
from game.sim import World
from game.sim.rules import Rules


class DivergenceError(RecordingError):
    """Re-simulating gave another game than the one recorded."""

    def __init__(self, message: str, turn: int, command: int, part: str) -> None:
        super().__init__(message)
        self.turn, self.command, self.part = turn, command, part


@dataclass(frozen=True)
class Marker:
    """Something worth a mark on the replay timeline."""

    turn: int
    command: int  # 1-based index in the turn
    category: str
    text: str


@dataclass
class Verified:
    """A recording re-simulated: its timeline (for seeking), markers and final world."""

    recording: Recording
    source: WorldSource
    timeline: Timeline
    world: World
    markers: list[Marker] = field(default_factory=list)
    turns_checked: int = 0


def _short(digest: str) -> str:
    return digest[:12] + "…" if len(digest) > 12 else digest


def check_header(recording: Recording, rules: Rules) -> WorldSource:
    """The world source, after checking that rules and map are the recorded ones."""
    name, header = recording.name, recording.header
    if header.rules_digest != rules.digest:
        raise RecordingError(
            f"{name}: recorded with other rules (rules {_short(header.rules_digest)} in the "
            f"file, {_short(rules.digest)} here; made by rififi {header.game_version}, this is "
            f"{__version__}); watch it with that version, or re-record it"
        )
    try:
        source = source_from_json(header.world, recording.path)
        source.check()
    except RecordingError as error:
        raise RecordingError(f"{name}: {error}") from None
    return source


def _diverged(
    recording: Recording, turn: int, command: int, what: str, part: str = "commands"
) -> DivergenceError:
    version = recording.header.game_version
    hint = (
        f" (recorded by rififi {version}, this is {__version__})" if version != __version__ else ""
    )
    message = f"{recording.name}: diverges at turn {turn} (command {command}): {what}{hint}"
    return DivergenceError(message, turn, command, part)


def _compare_parts(recording: Recording, entry: TurnEntry, world: World, command: int) -> None:
    state, parts = fingerprint(world)
    if state == entry.hash and parts == entry.parts:
        return
    for part in [*parts, *(p for p in entry.parts if p not in parts)]:
        expected, got = entry.parts.get(part, "(none)"), parts.get(part, "(none)")
        if expected != got:
            raise _diverged(
                recording,
                entry.turn,
                command,
                f"expected {part} {_short(expected)}, got {_short(got)}",
                part,
            )
    raise _diverged(
        recording,
        entry.turn,
        command,
        f"expected state {_short(entry.hash)}, got {_short(state)}",
        "state",
    )


def _play_turn(
    recording: Recording, entry: TurnEntry, world: World, markers: list[Marker] | None
) -> None:
    if world.turn != entry.turn:
        raise _diverged(
            recording,
            entry.turn,
            1,
            f"expected turn {entry.turn} to start, got turn {world.turn}",
            "clock",
        )
    first_bad = 0
    for number, (command, digest) in enumerate(zip(entry.commands, entry.events, strict=True), 1):
        try:
            result = world.apply(command)
        except Exception as error:  # a tampered command must not crash the viewer or CLI
            raise _diverged(
                recording,
                entry.turn,
                number,
                f"expected '{command.kind}' to be carried out, got an error in the "
                f"rules: {type(error).__name__}: {error}",
            ) from None
        if not result:
            raise _diverged(
                recording,
                entry.turn,
                number,
                f"expected '{command.kind}' to be carried out, got refused: {result.reason}",
            )
        if not first_bad and events_digest(result.events) != digest:
            first_bad = number
        finished = world.turn != entry.turn or world.outcome.over
        if finished and number < len(entry.commands):
            raise _diverged(
                recording,
                entry.turn,
                number + 1,
                f"expected turn {entry.turn} to go on, got its end at command {number}",
                "commands",
            )
        if markers is not None:
            for event in result.events:
                category = marker_category(event)
                if category:
                    markers.append(Marker(entry.turn, number, category, event.text))
    last = len(entry.commands)
    if world.turn == entry.turn and not world.outcome.over:
        raise _diverged(
            recording, entry.turn, last, "expected the turn to end here, got it going on", "clock"
        )
    _compare_parts(recording, entry, world, first_bad or last)
    outcome = world.outcome.status if world.outcome.over else ""
    if outcome != entry.over:
        claimed, got = entry.over or "the game going on", outcome or "the game going on"
        raise _diverged(recording, entry.turn, last, f"expected {claimed}, got {got}", "outcome")
    if first_bad:  # same state, other events: still a different game
        raise _diverged(
            recording,
            entry.turn,
            first_bad,
            "expected events as recorded, got other events",
            "events",
        )


def _check_order(
    recording: Recording, entry: Entry, world: World, rewinds: int, limit: int, end_line: int
) -> None:
    """What the game can write after what: nothing after an end line, only a rewind after
    the mission ended, and no more rewinds than the recorded settings allow."""
    line = entry.line
    where = f"{recording.name}: line {line}"
    if end_line and end_line < line:
        raise RecordingError(f"{where} follows the end of the game (line {end_line})")
    if world.outcome.over and not isinstance(entry, RewindEntry):
        raise RecordingError(
            f"{where} follows the end of the mission ({world.outcome.status} at turn "
            f"{world.turn - 1}); only a rewind can"
        )
    if isinstance(entry, RewindEntry) and 0 <= limit <= rewinds:
        raise RecordingError(
            f"{where}: rewind {rewinds + 1} to turn {entry.to}, but the recorded settings "
            f"allow {limit} rewind{'s' * (limit != 1)} per mission"
        )


def verify(
    recording: Recording, *, rules: Rules | None = None, interval: int = 8, markers: bool = True
) -> Verified:
    """Re-simulate every entry in file order (abandoned branches too); raise
    :class:`RecordingError` (a :class:`DivergenceError` for a different game) on the first
    problem."""
    rules = rules or load_rules()
    source = check_header(recording, rules)
    try:
        world = source.build(recording.header.seed, rules)
    except RecordingError as error:
        raise RecordingError(f"{recording.name}: {error}") from None
    timeline = Timeline(world, interval)
    found: list[Marker] = []
    checked = rewinds = 0
    limit = recording.header.settings.get("rewinds", 0)
    ends = [e.line for e in recording.entries if isinstance(e, EndEntry)]
    for entry in recording.entries:
        _check_order(recording, entry, world, rewinds, limit, ends[0] if ends else 0)
        if isinstance(entry, TurnEntry):
            _play_turn(recording, entry, world, found if markers else None)
            timeline.add_turn(entry.commands, world)
            checked += 1
        elif isinstance(entry, RewindEntry):
            rewinds += 1
            timeline.truncate(entry.to - 1)
            world = timeline.world_at(entry.to)
            found = [m for m in found if m.turn < entry.to]
    return Verified(recording, source, timeline, world, found, checked)
