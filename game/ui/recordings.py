"""How the Replays list names a recording: mission, outcome, turns and date, not a file name.

Read from the recording itself (its header and turn lines, through the replay layer's own
bounded loader); a file that cannot be read is listed by its name with the reason, so the
list never hides a recording nor breaks on a damaged one.
"""

from __future__ import annotations

from pathlib import Path

from game.replay.errors import RecordingError
from game.replay.format import load

#: Outcome words as the list shows them.
OUTCOMES = {"won": "won", "lost": "lost", "abandoned": "abandoned", "": "in progress"}


def mission_name(world: dict[str, object]) -> str:
    """The mission a header's world source names: its map's name, or the world's own."""
    path = world.get("path")
    if isinstance(path, str) and path:
        return Path(path).stem.replace("_", " ")
    name = world.get("name")
    return str(name) if isinstance(name, str) and name else "a game"


def describe(path: Path) -> str:
    """'tutorial - lost, 19 turns - 2026-12-01 09:31' (or the file name and why not)."""
    try:
        recording = load(path, strict=False)
    except (RecordingError, OSError) as error:
        why = str(error).splitlines()[0] if str(error) else type(error).__name__
        return f"{path.name} (unreadable: {why[:60]})"
    header = recording.header
    outcome = OUTCOMES.get(recording.ended, recording.ended)
    turns = len(recording.turns())
    date = header.created.replace("T", " ")[:16] if header.created else ""
    parts = [mission_name(header.world), f"{outcome}, {turns} turn{'s' * (turns != 1)}"]
    if recording.rewinds:
        parts[-1] += f", {recording.rewinds} rewind{'s' * (recording.rewinds != 1)}"
    if date:
        parts.append(date)
    return " - ".join(parts)
