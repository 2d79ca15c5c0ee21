"""The game session: the one door through which play changes the world.

Every command goes through :meth:`GameSession.apply`, which records it; undo, rewind, saving,
Continue, take-over and ``--watch``'s reload are all the same mechanism (the command log plus
the deterministic simulation), so none of them can drift from what a replay shows. The screen
uses this class directly: it only reads ``session.world``, registers a listener to hear of
every change (:class:`Change`), and caches what it draws by :attr:`GameSession.version`.

One convention for everything that may be impossible (undo, rewind): ``*_reason()`` says why
not (None when it is possible) and changes nothing; the action itself returns that same
reason, or None when it was done.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from game import __version__
from game.content import load_rules
from game.replay.errors import RecordingError
from game.replay.format import FORMAT_VERSION, EndEntry, Header, RewindEntry, load
from game.replay.recorder import Recorder, TurnLog, turn_finished
from game.replay.reveal import revealed
from game.replay.sources import MapSource, WorldSource
from game.replay.timeline import Timeline
from game.replay.verify import Verified, verify
from game.sim import Command, CommandResult, EndTurn, World
from game.sim.rules import Rules

#: Rewinds per mission by difficulty; -1 is unlimited.
REWINDS_BY_DIFFICULTY = {"easy": -1, "normal": 3, "hard": 0}


@dataclass(frozen=True)
class Settings:
    """The choices that shape a game and so belong in its recording's header."""

    difficulty: str = "normal"
    rewinds: int | None = None  # None: by difficulty

    @property
    def rewind_limit(self) -> int:
        """Rewinds allowed in the mission, -1 for no limit."""
        if self.rewinds is not None:
            return self.rewinds
        return REWINDS_BY_DIFFICULTY.get(self.difficulty, 3)

    def to_json(self) -> dict[str, Any]:
        return {"difficulty": self.difficulty, "rewinds": self.rewind_limit}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        """Lenient: unknown keys are ignored, wrong types fall back to defaults."""
        difficulty = data.get("difficulty")
        rewinds = data.get("rewinds")
        return cls(
            difficulty if isinstance(difficulty, str) else "normal",
            rewinds if isinstance(rewinds, int) and not isinstance(rewinds, bool) else None,
        )


ChangeKind = Literal["command", "undo", "rewind", "reload"]


@dataclass(frozen=True)
class Change:
    """What a listener hears after the game changed: how, and the session's new version.

    ``command`` and ``result`` are set for ``"command"`` (a refused command changes nothing,
    so nobody hears of it); after ``"undo"``, ``"rewind"`` and ``"reload"`` the session's world
    is another object, so anything kept about the old one is stale.
    """

    kind: ChangeKind
    version: int
    command: Command | None = None
    result: CommandResult | None = None


Listener = Callable[[Change], None]


def _header(
    source: WorldSource,
    world: World,
    rules: Rules,
    settings: Settings,
    parent: dict[str, Any] | None = None,
) -> Header:
    """The header of a new game on ``source``, starting from ``world``."""
    return Header(
        FORMAT_VERSION,
        __version__,
        rules.digest,
        source.to_json(),
        world.seed,
        settings.to_json(),
        time.strftime("%Y-%m-%dT%H:%M:%S"),
        parent,
    )


class GameSession:
    """One mission being played, recorded unless told not to.

    ``version`` goes up by one on every change (a command carried out, undo, rewind, reload),
    never otherwise, so whatever the screen derived from the world stays valid while it
    stands. A new session (start, Continue, take-over) starts at version 0.
    """

    def __init__(
        self,
        world: World,
        timeline: Timeline,
        header: Header | None,
        recorder: Recorder | None,
        settings: Settings,
        rewinds_used: int = 0,
        *,
        source: WorldSource | None = None,
        seed: int | None = None,
    ) -> None:
        self.world = world
        self.timeline = timeline
        self.header = header  # None only for :meth:`unrecorded` games, which have no source
        self.recorder = recorder
        self.settings = settings
        self.rewinds_used = rewinds_used
        self.source = source  # what the game started from, for restart and reload
        self.seed = seed  # the seed asked for (None: the map's own), for reload
        self.version = 0
        self.listeners: list[Listener] = []
        self._log = TurnLog()
        self._reveals: list[str] = []  # why each command of this turn cannot be undone
        self._turn_start: World | None = None  # cached for repeated undos in one turn

    # --- starting ---------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        source: WorldSource,
        *,
        seed: int | None = None,
        settings: Settings | None = None,
        rules: Rules | None = None,
        folder: Path | None = None,
        record: bool = True,
        parent: dict[str, Any] | None = None,
    ) -> GameSession:
        """A new game from the start of ``source``, recorded into the recordings folder
        (or ``folder``); ``record=False`` plays without a file (benchmarks, bots)."""
        rules = rules or load_rules()
        settings = settings or Settings()
        world = source.build(seed, rules)
        header = _header(source, world, rules, settings, parent)
        recorder = Recorder.create(header, source.label, folder) if record else None
        return cls(world, Timeline(world), header, recorder, settings, source=source, seed=seed)

    @classmethod
    def start_map(cls, path: Path | str, **options: Any) -> GameSession:
        """A new recorded game on a Tiled map (see :meth:`start` for the options)."""
        return cls.start(MapSource(Path(path)), **options)

    @classmethod
    def unrecorded(cls, world: World, settings: Settings | None = None) -> GameSession:
        """A game on a world built elsewhere (tests, benchmarks): undo and rewind work as in
        any game, but nothing is written and there is no map to restart or reload."""
        return cls(world, Timeline(world), None, None, settings or Settings())

    @classmethod
    def resume(cls, path: Path | str, *, rules: Rules | None = None) -> GameSession:
        """Continue a saved game exactly where it stopped (a save is its recording).

        The recording is re-verified first; a half-written last line (a crash mid-turn) is
        dropped, which loses at most that one turn.
        """
        recording = load(path, strict=False)
        if recording.ended:
            raise RecordingError(f"{path}: this game is over ({recording.ended})")
        checked = verify(recording, rules=rules, markers=False)
        recorder = Recorder.reopen(recording.path, recording.complete_bytes)
        settings = Settings.from_json(recording.header.settings)
        return cls(
            checked.world,
            checked.timeline,
            recording.header,
            recorder,
            settings,
            recording.rewinds,
            source=checked.source,
            seed=recording.header.seed,
        )

    @classmethod
    def take_over(
        cls, verified: Verified, turn: int, *, folder: Path | None = None, record: bool = True
    ) -> GameSession:
        """A new game from the start of ``turn`` of a watched recording.

        The new file names its parent and starts with a copy of the parent's turns before
        ``turn``, so it verifies on its own even if the parent is deleted.
        """
        recording = verified.recording
        world = verified.timeline.world_at(turn)
        parent = {
            "file": recording.path.name,
            "turn": turn,
            "header": hashlib.blake2b(recording.header_line, digest_size=16).hexdigest(),
        }
        old = recording.header
        header = Header(
            FORMAT_VERSION,
            __version__,
            old.rules_digest,
            old.world,
            old.seed,
            old.settings,
            time.strftime("%Y-%m-%dT%H:%M:%S"),
            parent,
        )
        recorder = None
        if record:
            recorder = Recorder.create(header, verified.source.label, folder)
            for entry in recording.turns()[: turn - 1]:
                recorder.write(entry)
        timeline = verified.timeline.branch(turn - 1)
        settings = Settings.from_json(old.settings)
        return cls(
            world, timeline, header, recorder, settings, source=verified.source, seed=old.seed
        )

    # --- where it is -------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The recording file (also the save), if recording."""
        return self.recorder.path if self.recorder else None

    @property
    def map_path(self) -> Path | None:
        """The Tiled map this game is played on, if it is one (to restart or reload it)."""
        return self.source.path if isinstance(self.source, MapSource) else None

    @property
    def over(self) -> bool:
        return self.world.outcome.over

    # --- listeners ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` after every change from now on (sounds, animations, a screen)."""
        self.listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self.listeners:
            self.listeners.remove(listener)

    def _changed(
        self, kind: ChangeKind, command: Command | None = None, result: CommandResult | None = None
    ) -> None:
        self.version += 1
        change = Change(kind, self.version, command, result)
        for listener in list(self.listeners):
            listener(change)

    # --- playing ----------------------------------------------------------------------------

    def apply(self, command: Command) -> CommandResult:
        """Carry out a command and record it; a refused command changes and records nothing."""
        world = self.world
        turn, rng, noises = world.turn, world.rng.state, len(world.noises)
        result = world.apply(command)
        if not result:
            return result
        heard = (
            any(n.heard_by for n in world.noises[noises:]) if len(world.noises) > noises else False
        )
        self._reveals.append(revealed(result.events, heard, world.rng.state != rng))
        self._log.add(command, result)
        if turn_finished(world, turn):
            self._finish_turn(turn)
        self._changed("command", command, result)
        return result

    def end_turn(self) -> CommandResult:
        """End the player's turn (the world acts, the turn is written to the recording)."""
        return self.apply(EndTurn())

    def _finish_turn(self, turn: int) -> None:
        entry = self._log.finish(turn, self.world)
        if self.recorder is not None:
            self.recorder.write(entry)
        self.timeline.add_turn(entry.commands, self.world)
        self._log.clear()
        self._reveals.clear()
        self._turn_start = None
        if self.world.outcome.over and self.recorder is not None:
            self.recorder.close()

    # --- undo and rewind ----------------------------------------------------------------------

    def undo_reason(self) -> str | None:
        """Why the last command cannot be undone, or None if it can."""
        if self.over:
            return "The mission is over."
        if not self._log.commands:
            return "Nothing to undo this turn."
        why = self._reveals[-1]
        return f"That cannot be undone: {why}." if why else None

    def undo(self) -> str | None:
        """Take back the last command of this turn; returns None, or why not."""
        why = self.undo_reason()
        if why:
            return why
        if self._turn_start is None:
            self._turn_start = self.timeline.world_at(self.timeline.count + 1)
        self._log.pop()
        self._reveals.pop()
        world = self._turn_start.fork()
        for command in self._log.commands:
            world.apply(command)
        self.world = world
        self._changed("undo")
        return None

    @property
    def rewinds_left(self) -> int:
        """Rewinds still allowed in this mission; -1 for no limit."""
        limit = self.settings.rewind_limit
        return -1 if limit < 0 else max(0, limit - self.rewinds_used)

    def rewind_target(self) -> int:
        """Where a rewind goes unless told: the start of the previous turn."""
        return max(1, self.world.turn - 1)

    def rewind_reason(self, turn: int | None = None) -> str | None:
        """Why the game cannot go back to the start of ``turn`` (by default the previous
        turn), or None if it can."""
        turn = self.rewind_target() if turn is None else turn
        if self.rewinds_left == 0:
            return "No rewinds left in this mission."
        if not 1 <= turn <= self.timeline.count:
            return f"Turn {turn} is not an earlier turn of this game."
        return None

    def rewind(self, turn: int | None = None) -> str | None:
        """Go back to the start of an earlier ``turn`` (by default the previous turn); returns
        None, or why not."""
        turn = self.rewind_target() if turn is None else turn
        why = self.rewind_reason(turn)
        if why:
            return why
        if self.recorder is not None:
            self.recorder.resume()  # closed when the mission ended (the failure screen)
            self.recorder.write(RewindEntry(turn))
        self.timeline.truncate(turn - 1)
        self.world = self.timeline.world_at(turn)
        self._log.clear()
        self._reveals.clear()
        self._turn_start = None
        self.rewinds_used += 1
        self._changed("rewind")
        return None

    # --- reloading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Start again from the map as it is on disk now (``--watch``: it was saved in Tiled).

        The game goes back to turn 1 of the new map with the seed first asked for, its own
        timeline (so undo and rewind work as in any new game) and a full set of rewinds; a
        recorded game closes its recording (a save, like quitting) and starts a new one in
        the same folder. Raises :class:`RecordingError` with one line when the map cannot be
        read now; the game then goes on as it was.
        """
        if self.map_path is None:
            raise RecordingError("this game is not played on a Tiled map, so it cannot reload")
        from game.tiled import MapError  # only maps reload: ASCII games never load Tiled

        source = MapSource(self.map_path)  # the files as they are now, not as first recorded
        rules = self.world.rules
        try:
            world = source.build(self.seed, rules)
            header = _header(source, world, rules, self.settings)
        except (MapError, OSError) as error:  # the loader's own one-line message
            raise RecordingError(
                str(error).splitlines()[0] if str(error) else repr(error)
            ) from None
        recorder = None
        if self.recorder is not None:
            folder = self.recorder.path.parent
            try:
                recorder = Recorder.create(header, source.label, folder)
            except OSError as error:  # a full disk: the game goes on as it was
                raise RecordingError(f"{folder}: cannot start a new recording ({error})") from None
            self.recorder.close()
        self.world = world
        self.timeline = Timeline(world)
        self.header = header
        self.recorder = recorder
        self.source = source
        self.rewinds_used = 0
        self._log.clear()
        self._reveals.clear()
        self._turn_start = None
        self._changed("reload")

    # --- leaving --------------------------------------------------------------------------------

    def recording_problem(self) -> str:
        """Why the game's recording cannot be written now (a full disk), or ""."""
        recorder = self.recorder
        if recorder is None or not recorder.error:
            return ""
        held = recorder.pending
        return (
            f"The recording cannot be written ({recorder.error}): {held} "
            f"line{'s' * (held != 1)} kept, written as soon as there is space."
        )

    def close(self) -> None:
        """Stop playing for now; the recording is the save, Continue resumes it."""
        if self.recorder is not None:
            self.recorder.close()

    def abandon(self, reason: str = "abandoned") -> None:
        """Give the game up for good, so Continue does not offer it."""
        if self.recorder is not None and not self.recorder.closed:
            self.recorder.write(EndEntry(reason))
        self.close()
