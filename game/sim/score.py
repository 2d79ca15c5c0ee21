"""The debrief's numbers, as a pure function of the world."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.sim.entities import Status
from game.sim.outcome import is_met, loot_carried_out

if TYPE_CHECKING:
    from game.sim.world import World


def score_summary(world: World, rewinds: int = 0) -> dict[str, Any]:
    """Outcome, loot, turns, noise and violence of a run (``rewinds`` comes from the replay
    layer, which is the one that knows). JSON-ready; the same world gives the same summary."""
    stats = world.stats
    crew = world.crew()
    return {
        "status": world.outcome.status,
        "reason": world.outcome.reason,
        "turns": world.turn - 1,
        "time": world.time_text,
        "loot_taken": int(stats.get("loot_taken", 0)),
        "loot_out": loot_carried_out(world),
        "noise_peak": int(stats.get("noise_peak", 0)),
        "knockouts": int(stats.get("knockouts", 0)),
        "kills": int(stats.get("kills", 0)),
        "alerts": int(stats.get("alerts", 0)),
        "alarm_raised": world.alarm.called,
        "police_came": bool(world.alarm.police_arrived),
        "crew": {u.name: u.status.value for u in crew},
        "escaped": sum(1 for u in crew if u.status is Status.ESCAPED),
        "objectives": [
            {"kind": o.kind, "text": o.text, "met": is_met(world, o)} for o in world.objectives
        ],
        "rewinds": rewinds,
    }
