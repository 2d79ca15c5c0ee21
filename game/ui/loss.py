"""Why a mission was lost, told from the rules' own events: who caught or killed whom, where,
when, and what led to it, with the turns worth rewinding to.

The failure screen reads this instead of the bare outcome ("Jo was caught"), so a loss is a
lesson: "Jo was caught by the landlady at turn 3", the chain behind it ("turn 2: the
landlady heard footsteps; she wakes up; ...") and "Rewind to the start of turn 2". Nothing
here guesses: every line is an event the rules logged, and the turns are the turns they were
logged in. No pygame, so the tests read it directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.sim.events import Event
from game.sim.geometry import Cell
from game.sim.world import World

#: A guard's change of mind, in the order it happens: the chain behind a catch or a shot.
GUARD_CHAIN = ("noise_heard", "guard_woke", "guard_suspicious", "spotted", "guard_alerted")
#: What calls the police: the chain behind their arrival.
ALARM_CHAIN = ("sensor_tripped", "bell_ringing", "guard_alerted", "police_called")
#: Lines of the chain shown (the latest ones).
CHAIN_LINES = 4
#: How far back through the catcher's (or shooter's) chain the cause is looked for.
CAUSE_DEPTH = 12
#: A guard's changes of mind, and how the cause sentence says each.
MINDS = {
    "guard_woke": "woke",
    "guard_suspicious": "grew suspicious",
    "spotted": "saw",
    "guard_alerted": "raised the alarm",
}
#: A noise kind (``Noise.kind``) as the cause sentence names it: "woke to footsteps".
NOISE_WORDS = {
    "footsteps": "footsteps",
    "drill": "the drill",
    "plaster": "falling plaster",
    "plaster_caught": "plaster falling into the umbrella",
    "shout": "a shout",
    "shot": "a shot",
    "scream": "a scream",
    "bell": "the alarm bell",
    "door": "a door",
    "thud": "a thud",
    "carry": "someone carrying a body",
    "safe": "the safe being cracked",
    "lockpick": "a lock being picked",
    "loot": "the loot being taken",
    "rope": "a rope",
    "umbrella": "an umbrella opening",
    "foam": "the extinguisher",
}


@dataclass(frozen=True)
class LossReport:
    """What the failure screen says and shows about a lost mission."""

    headline: str  # "Jo was caught by the landlady at turn 3."
    chain: tuple[str, ...]  # "Turn 2: The landlady heard footsteps.", oldest first
    cell: Cell | None  # where it happened, to show on the map
    turn: int  # the turn of the decisive event
    rewind_turns: tuple[int, ...]  # turns worth going back to, the earliest cause first


def _mid(name: str) -> str:
    """A name inside a sentence: "The landlady" reads "the landlady"."""
    return "the " + name[4:] if name.startswith("The ") else name


def _name(world: World, unit_id: object) -> str:
    unit = world.units.get(unit_id) if isinstance(unit_id, int) else None
    return unit.name if unit is not None else "someone"


def _decisive(world: World) -> Event | None:
    """The last event of the game that ended it (a crew member caught or killed, the
    police arriving), or None (a deadline, a crew that left without the loot)."""
    crew = {u.id for u in world.crew()}
    for event in reversed(world.events):
        if event.kind == "caught" and event.data.get("unit") in crew:
            return event
        if event.kind == "killed" and event.data.get("unit") in crew:
            return event
        if event.kind == "police_arrived":
            return event
    return None


def _killer(world: World, killed: Event) -> Event | None:
    """The shot that killed (the last ``shot`` at that target before the death)."""
    index = world.events.index(killed)
    for event in reversed(world.events[:index]):
        if event.kind == "shot" and event.data.get("target") == killed.data.get("unit"):
            return event
    return None


def _chain(
    world: World,
    before: Event,
    kinds: tuple[str, ...],
    guard: int | None,
    lines: int = CHAIN_LINES,
) -> list[Event]:
    """The last ``lines`` events of ``kinds`` (about ``guard`` if given) that led to
    ``before``, oldest first."""
    index = world.events.index(before)
    found: list[Event] = []
    for event in reversed(world.events[:index]):
        if event.kind not in kinds:
            continue
        if guard is not None and event.data.get("guard") != guard:
            continue
        found.append(event)
        if len(found) >= lines:
            break
    return list(reversed(found))


def _cause(world: World, before: Event, guard: int) -> str:
    """Why ``guard`` came for the crew, as a sentence: what first changed its mind in its
    latest chain of events ("The landlady woke to footsteps at turn 2.", "Guard 1 saw Tony
    at turn 2.", "Louis heard a shot at turn 5 and raised the alarm."), or ""."""
    chain = _chain(world, before, GUARD_CHAIN, guard, CAUSE_DEPTH)
    first = next((i for i, e in enumerate(chain) if e.kind in MINDS), None)
    if first is None:
        return ""
    mind = chain[first]
    name = _name(world, guard)
    heard = next(
        (e for e in reversed(chain[:first]) if e.kind == "noise_heard" and e.turn == mind.turn),
        None,
    )
    at = f"at turn {mind.turn}"
    if mind.kind == "spotted":
        return f"{name} saw {_name(world, mind.data.get('unit'))} {at}."
    if heard is None:
        return f"{name} {MINDS[mind.kind]} {at}."
    kind = str(heard.data.get("noise", ""))
    noise = NOISE_WORDS.get(kind, kind.replace("_", " "))
    if mind.kind == "guard_woke":
        return f"{name} woke to {noise} {at}."
    return f"{name} heard {noise} {at} and {MINDS[mind.kind]}."


def _called(world: World) -> str:
    """Who or what called the police, as a sentence ("They were called at turn 7: the
    Practice sensor felt falling plaster (level 23) and the Practice bell rang."), or ""
    when they were not called."""
    alarm = world.alarm
    if not alarm.called:
        return ""
    why = alarm.why or "the alarm was raised"
    tripped = next(  # the first sensor to go off that turn raised it
        (e for e in world.events if e.kind == "sensor_tripped" and e.turn == alarm.raised), None
    )
    sensor = world.devices.get(tripped.data.get("device", -1)) if tripped else None
    if tripped is None or sensor is None:
        return f"They were called at turn {alarm.raised}: {why}."
    # The rules say what set the sensor off in brackets: "(plaster, level 23)", "(the
    # Back room door was opened)".
    what, _, level = tripped.text.partition("(")[2].rstrip(").").partition(", level ")
    felt = f"felt {NOISE_WORDS.get(what, what)} (level {level})" if level else f"went off ({what})"
    return (
        f"They were called at turn {alarm.raised}: the {sensor.name or 'sensor'} {felt} and {why}."
    )


def explain_loss(world: World) -> LossReport | None:
    """The report of a lost mission, or None while it is not lost."""
    if world.outcome.status != "lost":
        return None
    event = _decisive(world)
    cause: int | None = None  # the guard behind it
    if event is None:
        last = world.turn - 1
        headline = f"The job failed at turn {last}: {world.outcome.reason}."
        return LossReport(headline, (), None, last, (last,) if last >= 1 else ())
    cell = event.cell
    if event.kind == "caught":
        cause = event.data.get("guard")
        victim = _name(world, event.data.get("unit"))
        headline = f"{victim} was caught by {_mid(_name(world, cause))} at turn {event.turn}"
        chain = _chain(world, event, GUARD_CHAIN, cause)
    elif event.kind == "killed":
        victim = _name(world, event.data.get("unit"))
        shot = _killer(world, event)
        cause = shot.data.get("unit") if shot is not None else None
        by = f" by {_mid(_name(world, cause))}" if shot is not None else ""
        headline = f"{victim} was shot dead{by} at turn {event.turn}"
        chain = _chain(world, event, GUARD_CHAIN, cause) if cause is not None else []
    else:
        inside = world.outcome.reason.removeprefix("the police arrived with ")
        headline = f"The police arrived at turn {event.turn} with {inside}"
        chain = _chain(world, event, ALARM_CHAIN, None)
        cell = next((e.cell for e in chain if e.cell is not None), None)  # what set it off
    if cell is not None and event.kind != "police_arrived":
        headline += f", at ({cell.x}, {cell.y}) on floor {cell.floor}"
    headline += "."
    if event.kind == "police_arrived":
        why = _called(world)
    else:
        why = _cause(world, event, cause) if isinstance(cause, int) else ""
    if why:
        headline += " " + why[0].upper() + why[1:]
    lines = tuple(f"Turn {e.turn}: {e.text}" for e in chain)
    first = chain[0].turn if chain else event.turn
    turns = tuple(sorted({t for t in (first, event.turn) if t >= 1}))
    return LossReport(headline, lines, cell, event.turn, turns)
