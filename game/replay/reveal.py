"""What counts as news: the rule for undo, and the markers of the replay timeline.

Undo may take back a command only if it revealed nothing the player did not know: otherwise
undo would be a free scouting tool (peek round a corner, see the guard, take it back) or a
way to re-roll dice. A command revealed something when

- one of its events is a *revealing* kind (a guard heard, saw or was alerted, an alarm, a
  guard was spotted...), or an event carries ``data["reveals"] = True`` (rules can flag any
  event without this module changing);
- a noise it made was heard by anyone (``Noise.heard_by``), even without an event;
- it drew from the random generator (the roll's outcome is news).

Event kinds are matched by the words they contain, so the rules can add kinds such as
``guard_alerted`` or ``noise_heard_by_concierge`` without a list here being kept in step.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.sim import Event

#: Words in an event kind that mean the crew learnt something new.
REVEALING_WORDS = (
    "heard",
    "spotted",
    "seen",
    "saw",
    "sighted",
    "noticed",
    "alert",
    "suspicious",
    "woke",
    "wake",
    "caught",
    "tripped",
    "ringing",
    "police",
    "shot",
    "killed",
    "alarm",
    "revealed",
)

#: Timeline marker categories, first match wins: (category, words in the event kind).
MARKER_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("alarm", ("alarm", "ringing", "tripped", "police")),
    ("alerted", ("alert", "spotted", "caught")),
    ("knockout", ("knock", "shot", "killed")),
    ("noise", ("heard", "woke", "wake", "suspicious")),
    ("mission", ("mission_over",)),
)


def event_reveals(event: Event) -> bool:
    """True when this event tells the player something new."""
    if event.data.get("reveals") is True:
        return True
    return any(word in event.kind for word in REVEALING_WORDS)


def revealed(events: Iterable[Event], noises_heard: bool, rng_moved: bool) -> str:
    """Why a command cannot be undone, or "" when it revealed nothing."""
    if rng_moved:
        return "it rolled the dice"
    for event in events:
        if event_reveals(event):
            return f"it revealed something ({event.text or event.kind})"
    if noises_heard:
        return "someone heard it"
    return ""


def marker_category(event: Event) -> str:
    """The timeline marker an event deserves ("noise", "alerted", "alarm", "knockout",
    "mission"), or "" for none."""
    for category, words in MARKER_RULES:
        if any(word in event.kind for word in words):
            return category
    return ""
