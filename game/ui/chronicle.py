"""The event log as the crew knows it: what guards out of sight did stays out of it.

The rules log everything that happens, including an unseen guard waking, hearing footsteps
or growing suspicious; printing that would give the guard away (DESIGN.md: "guards out of
sight stay unnamed and are not hinted at"). An event done by a guard or civilian (its
``guard`` field) is kept only if the crew could see that guard when the event happened, by
the screen's one notion of what the crew sees, :meth:`Knowledge.visible`. What is done to
a crew member (spotted, caught, fired at) is kept: they know it happened to them.

The judgement is made once, when an event first appears (with the knowledge of that moment:
the guard may have walked out of view since), and kept for as long as the game keeps the
event; an undo or a rewind drops the judgements of the events it took back. No pygame.
"""

from __future__ import annotations

from game.sim.events import Event
from game.sim.world import World
from game.ui.render.knowledge import Knowledge

#: Events a crew member lives through, whoever caused them: always in the log.
FELT = frozenset({"spotted", "caught", "reaction_fire"})


def known(world: World, knowledge: Knowledge, event: Event) -> bool:
    """True if the crew may know of ``event`` now (see the module's docstring)."""
    actor = event.data.get("guard")
    if actor is None or event.kind in FELT:
        return True
    unit = world.units.get(actor)
    return unit is None or knowledge.visible(unit)


class Chronicle:
    """The log's events, each judged once (:func:`known`) when it first appears."""

    def __init__(self) -> None:
        self._events: list[Event] = []
        self._known: list[bool] = []
        self._key: tuple[World, int, int] | None = None  # the world itself, not its id
        self._shown: list[Event] = []

    def events(self, world: World, knowledge: Knowledge) -> list[Event]:
        """The world's events the crew knows of, in order (worked out once per version)."""
        events = world.events
        key = (world, knowledge.version, len(events))
        if key == self._key:
            return self._shown
        self._key = key
        kept = self._still_there(events)
        del self._events[kept:], self._known[kept:]
        for event in events[kept:]:
            self._events.append(event)
            self._known.append(known(world, knowledge, event))
        self._shown = [e for e, shown in zip(self._events, self._known, strict=True) if shown]
        return self._shown

    def _still_there(self, events: list[Event]) -> int:
        """How many of the judged events the game still has, from the first (an undo or a
        rewind takes the last ones back; most often nothing was taken back)."""
        n = min(len(self._events), len(events))
        if n and self._events[n - 1] == events[n - 1]:
            return n
        kept = 0
        for old, new in zip(self._events, events, strict=False):
            if old != new:
                break
            kept += 1
        return kept
