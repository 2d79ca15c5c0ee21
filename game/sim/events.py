"""What happened: events for the log, the replay timeline and the screen.

Events are facts the rules record as they run (a door opened, a noise was heard, a guard
raised the alarm). They carry a readable sentence for the event log and JSON-ready data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from game.sim.geometry import Cell


@dataclass(frozen=True)
class Event:
    """One thing that happened during ``turn``."""

    turn: int
    kind: str  # "moved", "door_opened", "noise_heard", "guard_alerted", "alarm", ...
    text: str  # a sentence for the event log: "Tony opened the door."
    cell: Cell | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "kind": self.kind,
            "text": self.text,
            "cell": self.cell.to_json() if self.cell else None,
            "data": self.data,
        }


@dataclass
class Noise:
    """A sound made during ``turn``: where, how loud, what, and who heard it at what level."""

    turn: int
    cell: Cell
    loudness: int
    kind: str  # "footsteps", "door", "drill", "plaster", "bell", "shot", ...
    source: int | None = None  # id of the unit or device that made it
    heard_by: dict[int, int] = field(default_factory=dict)  # listener id -> level heard

    def to_dict(self) -> dict[str, Any]:
        return {
            "turn": self.turn,
            "cell": self.cell.to_json(),
            "loudness": self.loudness,
            "kind": self.kind,
            "source": self.source,
            "heard_by": {str(k): v for k, v in sorted(self.heard_by.items())},
        }


@dataclass(frozen=True)
class Outcome:
    """Whether the mission goes on, was won, or was lost (and why)."""

    status: str = "ongoing"  # "ongoing", "won" or "lost"
    reason: str = ""

    @property
    def over(self) -> bool:
        return self.status != "ongoing"

    def to_dict(self) -> dict[str, str]:
        return {"status": self.status, "reason": self.reason}


@dataclass(frozen=True)
class CommandResult:
    """What :meth:`World.apply` answers: done, or refused with a reason a player can read."""

    ok: bool
    reason: str = ""
    events: tuple[Event, ...] = ()

    def __bool__(self) -> bool:
        return self.ok
