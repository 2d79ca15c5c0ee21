"""The replay viewer's model: where in the game we are, stepping, seeking and playing.

Pure of pygame so the viewer scene stays thin and all of its logic is tested headless. A
position is ``(turn, command)``: the world at the start of ``turn`` after its first
``command`` commands; the end of a turn is the start of the next, so ``command`` is always
below the turn's command count (the very end of the game is ``(last + 1, 0)``). Stepping
forward plays one command on the current world; going back seeks through the timeline's
snapshots, so both are immediate.
"""

from __future__ import annotations

from pathlib import Path

from game.replay.format import load
from game.replay.session import GameSession
from game.replay.verify import Marker, Verified, verify
from game.sim import Command, World

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0)  # commands per second


class Playback:
    """Watching one verified recording."""

    def __init__(self, verified: Verified) -> None:
        self.verified = verified
        self.timeline = verified.timeline
        self.turn, self.command = 1, 0
        self.world: World = self.timeline.world_at(1)
        self.playing = False
        self.speed_index = 1
        self._clock = 0.0

    @classmethod
    def open(cls, path: Path | str) -> Playback:
        """Load and verify a recording (a half-written last line is skipped)."""
        return cls(verify(load(path, strict=False)))

    # --- where we are -------------------------------------------------------------------

    @property
    def last_turn(self) -> int:
        """The last finished turn; the game ends at the start of ``last_turn + 1``."""
        return self.timeline.count

    @property
    def at_end(self) -> bool:
        return self.turn > self.last_turn

    @property
    def at_start(self) -> bool:
        return self.turn == 1 and self.command == 0

    @property
    def markers(self) -> list[Marker]:
        return self.verified.markers

    def commands_of(self, turn: int) -> tuple[Command, ...]:
        """The commands of a finished turn (empty for the end of the game)."""
        return self.timeline.turns[turn - 1] if 1 <= turn <= self.last_turn else ()

    def next_command(self) -> Command | None:
        """What the next step forward will do (for the viewer's caption)."""
        commands = self.commands_of(self.turn)
        return commands[self.command] if self.command < len(commands) else None

    # --- moving -------------------------------------------------------------------------

    def seek(self, turn: int, command: int = 0) -> None:
        """Jump to any moment; out-of-range values are clamped."""
        turn = max(1, min(turn, self.last_turn + 1))
        command = max(0, min(command, len(self.commands_of(turn)) - 1)) if command else 0
        self.world = self.timeline.world_at(turn, command)
        self.turn, self.command = turn, command

    def step_forward(self) -> bool:
        """Play one command; False at the end of the game."""
        command = self.next_command()
        if command is None:
            self.playing = False
            return False
        self.world.apply(command)
        self.command += 1
        if self.command >= len(self.commands_of(self.turn)):
            self.turn, self.command = self.turn + 1, 0
        return True

    def step_back(self) -> bool:
        """Undo one command (by seeking); False at the start."""
        if self.at_start:
            return False
        if self.command:
            self.seek(self.turn, self.command - 1)
        else:
            previous = self.turn - 1
            self.seek(previous, len(self.commands_of(previous)) - 1)
        return True

    def next_turn(self) -> None:
        self.seek(self.turn + 1)

    def previous_turn(self) -> None:
        """To the start of this turn, or of the one before when already there."""
        self.seek(self.turn if self.command else self.turn - 1)

    # --- playing ------------------------------------------------------------------------

    @property
    def speed(self) -> float:
        return SPEEDS[self.speed_index]

    def faster(self) -> None:
        self.speed_index = min(self.speed_index + 1, len(SPEEDS) - 1)

    def slower(self) -> None:
        self.speed_index = max(self.speed_index - 1, 0)

    def toggle(self) -> None:
        """Play/pause; playing from the end starts again from the beginning."""
        if not self.playing and self.at_end:
            self.seek(1)
        self.playing = not self.playing
        self._clock = 0.0

    def update(self, seconds: float) -> int:
        """Advance play by elapsed real time; returns how many commands were played."""
        if not self.playing:
            return 0
        self._clock += seconds * self.speed
        played = 0
        while self._clock >= 1.0 and self.playing:
            self._clock -= 1.0
            played += int(self.step_forward())
        return played

    # --- taking over ----------------------------------------------------------------------

    def take_over(self, *, folder: Path | None = None, record: bool = True) -> GameSession:
        """Play on from this exact moment as a new recorded game naming this one its parent."""
        self.playing = False
        session = GameSession.take_over(self.verified, self.turn, folder=folder, record=record)
        for command in self.commands_of(self.turn)[: self.command]:
            session.apply(command)
        return session
