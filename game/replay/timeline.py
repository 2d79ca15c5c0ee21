"""Seeking: the world at the start of any turn, or after any command, at once.

The timeline keeps the commands of every turn of the game as it stands and a snapshot of the
world every ``interval`` turns. To reach a moment it copies the nearest earlier snapshot and
plays the few commands in between. A full copy per turn would cost memory for no gain:
replaying up to ``interval - 1`` turns is a few milliseconds (``benchmarks/bench_replay.py``
measures it), and the same mechanism serves the viewer, undo and rewind.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.sim import Command, World

DEFAULT_INTERVAL = 8


class SeekError(RuntimeError):
    """A stored command was refused while seeking: the timeline does not match its world."""


class Timeline:
    """Turns of one game (turn 1 first) and snapshots at the start of some of them."""

    def __init__(self, start: World, interval: int = DEFAULT_INTERVAL) -> None:
        self.interval = max(1, interval)
        self.turns: list[tuple[Command, ...]] = []
        self._snapshots: dict[int, World] = {1: start.fork()}

    @property
    def count(self) -> int:
        """Turns finished so far."""
        return len(self.turns)

    def add_turn(self, commands: Sequence[Command], world_after: World) -> None:
        """Append a finished turn; ``world_after`` is the world at the start of the next one
        (copied when that turn is due for a snapshot)."""
        self.turns.append(tuple(commands))
        turn = len(self.turns) + 1
        if (turn - 1) % self.interval == 0:
            self._snapshots[turn] = world_after.fork()

    def truncate(self, keep: int) -> None:
        """Keep only the first ``keep`` turns (a rewind)."""
        del self.turns[keep:]
        for turn in [t for t in self._snapshots if t > keep + 1]:
            del self._snapshots[turn]

    def branch(self, keep: int) -> Timeline:
        """A new timeline with the first ``keep`` turns (a take-over). Snapshots are shared:
        they are never changed, only copied from."""
        other = Timeline.__new__(Timeline)
        other.interval = self.interval
        other.turns = list(self.turns[:keep])
        other._snapshots = {t: w for t, w in self._snapshots.items() if t <= keep + 1}
        return other

    def world_at(self, turn: int, commands: int = 0) -> World:
        """A fresh world at the start of ``turn`` after its first ``commands`` commands.

        ``turn`` may be one past the last finished turn (the turn being played).
        """
        if not 1 <= turn <= len(self.turns) + 1:
            raise IndexError(f"turn {turn} is not in this game (1 to {len(self.turns) + 1})")
        base = max(t for t in self._snapshots if t <= turn)
        world = self._snapshots[base].fork()
        for number in range(base, turn):
            self._play(world, number, self.turns[number - 1])
        if commands:
            if turn > len(self.turns):
                raise IndexError(f"turn {turn} has no recorded commands yet")
            self._play(world, turn, self.turns[turn - 1][:commands])
        return world

    @staticmethod
    def _play(world: World, turn: int, commands: Sequence[Command]) -> None:
        for number, command in enumerate(commands, start=1):
            result = world.apply(command)
            if not result:
                raise SeekError(f"turn {turn} command {number} was refused: {result.reason}")
