"""Scripted games for the golden recordings: what the crew does on each shipped map.

A script is a list of steps, each naming crew members by name and things by their map ids,
so it reads like a walkthrough. :func:`play` runs a script through the same ``GameSession``
the game uses: a step the crew cannot afford this turn ends the turn and is tried again, a
walk too long for one turn is split along the path the rules would take, and a step that is
refused for any other reason stops the tool with the rules' own reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.replay import GameSession
from game.sim import Cell, Command, EndTurn, Move, OpenDoor, PickLock, World
from game.sim.entities import Unit
from game.sim.pathing import find_path, walkable_now

MAX_TURNS_PER_STEP = 30


def command(kind: str, **fields: object) -> Callable[[World], Command]:
    """A command of any registered kind, with crew names (``unit="Tony"``) resolved in the
    world and ``[floor, x, y]`` lists turned into cells; no kind is listed here by hand."""

    def build(world: World) -> Command:
        values = {
            key: world.unit_named(value).id
            if key == "unit" and isinstance(value, str)
            else Cell(*value)
            if isinstance(value, tuple)
            else value
            for key, value in fields.items()
        }
        return world.rulebook.by_kind(kind).command(**values)

    return build


@dataclass(frozen=True)
class Go:
    """Walk (or sneak) a crew member to a cell, over as many turns as it takes."""

    who: str
    to: tuple[int, int, int]
    sneak: bool = False


@dataclass(frozen=True)
class GoAll:
    """Walk (or sneak) several crew members at once, ``(name, cell)`` pairs in that order:
    each turn every one goes as far as its AP take it; the turn ends until all have arrived.
    Nobody waits for the others, so moving a group costs as many turns as its longest walk."""

    moves: tuple[tuple[str, tuple[int, int, int]], ...]
    sneak: bool = False


@dataclass(frozen=True)
class Do:
    """One action, ``times`` times (each attempt waits for a new turn if AP run out)."""

    make: Callable[[World], Command]
    times: int = 1
    until: Callable[[World], bool] | None = None  # repeat until this holds (times ignored)


@dataclass(frozen=True)
class Turns:
    """End the turn ``count`` times (waiting for the world, or leaving through an exit), or
    with ``until``, as many times as it takes for that to hold (a patrol to walk away)."""

    count: int = 1
    until: Callable[[World], bool] | None = None


Step = Go | GoAll | Do | Turns


class ScriptError(RuntimeError):
    """The script no longer works on the map and rules as they are now."""


def _apply_or_wait(session: GameSession, make: Callable[[World], Command], what: str) -> None:
    for _ in range(MAX_TURNS_PER_STEP):
        order = make(session.world)
        result = session.apply(order)
        if result:
            return
        if session.over:
            break
        fresh_turn = all(u.ap == u.max_ap for u in session.world.crew() if u.can_act)
        if fresh_turn and "AP" not in result.reason:
            raise ScriptError(f"turn {session.world.turn}: {what}: {result.reason}")
        session.end_turn()
    raise ScriptError(f"turn {session.world.turn}: {what} never happened ({session.world.outcome})")


def step_toward(world: World, unit: Unit, goal: Cell, sneak: bool) -> Cell | None:
    """Where ``unit`` can walk now on its way to ``goal``: the goal itself when the rules
    accept that move, else the furthest cell of the way there they accept; None when no step
    can be taken this turn. Someone standing in the way (a doorway) this turn: the way leads
    up to them. Shared by these scripts and the tests' UI pilot, so both walk alike."""
    assert unit.cell is not None
    if world.check(Move(unit.id, goal, sneak)) is None:
        return goal
    passable = walkable_now(world)
    path = find_path(world, unit.cell, goal, passable & ~world.occupied(), stairs_cost=2)
    path = path or find_path(world, unit.cell, goal, passable, stairs_cost=2)
    if not path:
        raise ScriptError(f"turn {world.turn}: {unit.name} finds no way to {goal}")
    for cell in reversed(path[1:-1]):
        if world.check(Move(unit.id, cell, sneak)) is None:
            return cell
    return None


def _walk(session: GameSession, step: Go) -> None:
    goal = Cell(*step.to)
    for _ in range(MAX_TURNS_PER_STEP):
        unit = session.world.unit_named(step.who)
        if unit.cell == goal:
            return
        cell = step_toward(session.world, unit, goal, step.sneak)
        if cell is None:
            session.end_turn()
        else:
            session.apply(Move(unit.id, cell, step.sneak))
    raise ScriptError(f"{step.who} never reached {step.to}")


def _advance(session: GameSession, who: str, goal: Cell, sneak: bool) -> bool:
    """Move one crew member as far towards ``goal`` as this turn's AP allow; True once there."""
    world = session.world
    unit = world.unit_named(who)
    if unit.cell == goal or unit.cell is None:  # there, or gone (stepped on an exit)
        return True
    cell = step_toward(world, unit, goal, sneak)
    if cell is not None:
        session.apply(Move(unit.id, cell, sneak))
    return cell == goal


def _walk_together(session: GameSession, step: GoAll) -> None:
    for _ in range(MAX_TURNS_PER_STEP):
        arrived = [_advance(session, who, Cell(*to), step.sneak) for who, to in step.moves]
        if session.over:
            raise ScriptError(f"turn {session.world.turn}: {session.world.outcome}")
        if all(arrived):
            return
        session.end_turn()
    raise ScriptError(f"{[who for who, _ in step.moves]} never reached {step.moves}")


def play(session: GameSession, steps: list[Step]) -> None:
    """Carry out every step, then end turns until the mission is decided."""
    for step in steps:
        if session.over:
            raise ScriptError(f"the mission ended early: {session.world.outcome}")
        if isinstance(step, Go):
            _walk(session, step)
        elif isinstance(step, GoAll):
            _walk_together(session, step)
        elif isinstance(step, Do) and step.until is not None:
            for _ in range(MAX_TURNS_PER_STEP * 4):
                if step.until(session.world):
                    break
                _apply_or_wait(session, step.make, repr(step.make(session.world)))
            else:
                raise ScriptError(f"{step.make(session.world)!r} never got there")
        elif isinstance(step, Do):
            for _ in range(step.times):
                _apply_or_wait(session, step.make, repr(step.make(session.world)))
        elif step.until is not None:
            for _ in range(MAX_TURNS_PER_STEP):
                if step.until(session.world):
                    break
                session.end_turn()
                if session.over:
                    raise ScriptError(f"the mission ended early: {session.world.outcome}")
            else:
                raise ScriptError(f"turn {session.world.turn}: waited in vain")
        else:
            for _ in range(step.count):
                session.end_turn()
    for _ in range(MAX_TURNS_PER_STEP * 4):
        if session.over:
            return
        session.apply(EndTurn())


def _everyone_out(names: list[str], exit_cell: tuple[int, int, int]) -> list[Step]:
    """One by one onto the exit; each leaves when the turn ends."""
    return [s for name in names for s in (Go(name, exit_cell), Turns(1))]


CREW = ["Tony", "Jo", "Mario", "César"]

# --- La répétition (maps/tutorial.tmx) -------------------------------------------------------
# Ids from the map: doors 14 (the yard door), 16 and 17 (the landlady's bedroom, west and
# east), 6 (the practice room's, locked, its contact 7 wired to the bell), bell 8, safe 9
# (the sensor 10 beneath it trips at 1: a footstep three cells off); the landlady 11 sleeps at
# (1, 10, 9) and wakes at 1: a footstep within three cells does it, so everyone crosses her
# room (x 8-13) sneaking.
_LANDLADY_WEST, _LANDLADY_EAST = (1, 6, 8), (1, 15, 8)  # just outside her room's doors


def _past_the_landlady(who: str, to: tuple[int, int, int], east: bool = True) -> list[Step]:
    """Walk up to her room, sneak across it, walk on to ``to``."""
    near, far = (_LANDLADY_WEST, _LANDLADY_EAST) if east else (_LANDLADY_EAST, _LANDLADY_WEST)
    return [Go(who, near), Go(who, far, sneak=True), Go(who, to)]


#: How both tutorial games begin: Tony and Jo open the doors on their way in.
_TUTORIAL_START: list[Step] = [
    Go("Tony", (0, 6, 4)),
    Do(lambda w: OpenDoor(w.unit_named("Tony").id, 14)),
    Go("Tony", (0, 2, 10)),
    Go("Jo", (1, 6, 8)),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 16)),
    Go("Jo", (1, 13, 8), sneak=True),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 17)),
]

#: The tutorial the way it teaches: up past the sleeping landlady (sneaking), drill with the
#: umbrella underneath, rope down, foam the bell, crack the safe, back up and out.
TUTORIAL_WON: list[Step] = [
    *_TUTORIAL_START,
    Go("Jo", (1, 24, 9)),
    *_past_the_landlady("Mario", (1, 24, 10)),
    Do(command("drill", unit="Jo", cell=(1, 23, 9))),
    Do(command("deploy_umbrella", unit="Mario", cell=(1, 23, 9))),
    Do(command("drill", unit="Jo", cell=(1, 23, 9)), until=lambda w: bool(w.holes[1, 9, 23])),
    *_past_the_landlady("Tony", (1, 24, 8)),
    Do(command("lower_rope", unit="Tony", cell=(1, 23, 9))),
    *_past_the_landlady("César", (1, 23, 9)),
    Do(command("climb", unit="César", up=False)),
    Go("César", (0, 20, 8)),
    Do(command("foam", unit="César", bell=8)),
    Go("César", (0, 24, 10)),
    Do(
        command("crack_safe", unit="César", safe=9),
        until=lambda w: bool(w.devices[9].state.open),
    ),
    Do(command("take_loot", unit="César", thing=9)),
    Go("César", (0, 23, 9)),
    Do(command("climb", unit="César", up=True)),
    *[
        s
        for name in ["César", "Tony", "Mario", "Jo"]
        for s in (*_past_the_landlady(name, (0, 2, 2), east=False), Turns(1))
    ],
]

#: The careless way: drill with no umbrella (after sneaking past the landlady); the plaster
#: trips the sensor, the bell rings and the police arrive while the crew is inside.
TUTORIAL_LOST: list[Step] = [
    *_TUTORIAL_START,
    Go("Jo", (1, 19, 11)),
    Do(command("drill", unit="Jo", cell=(1, 19, 10)), times=4),
    Turns(12),
]


def _open(who: str, door: int) -> Do:
    return Do(command("open_door", unit=who, door=door))


def _close(who: str, door: int) -> Do:
    return Do(command("close_door", unit=who, door=door))


def _facing_away(guard: int, east_of: int) -> Callable[[World], bool]:
    """The guard walks east, at or past column ``east_of``: his back is to the crew."""

    def holds(world: World) -> bool:
        unit = world.units[guard]
        return unit.cell is not None and unit.facing.value == "E" and unit.cell.x >= east_of

    return holds


# --- Le casse (maps/jeweler.tmx) ------------------------------------------------------------
# Ids from the map: doors 33 (the building's front door), 37 (the vacant flat, locked), 2
# (shop to back room, its contact 4 wired to the bell); bell 3, safe 1, sensor 5; the
# patrolmen Lemoine (12, the shop's pavement) and Ferrand (19, the far pavement); the
# concierge 6 and the neighbour 20, asleep.
# The hole is drilled from the flat's living room into the dark back half of the shop, two
# steps from the bell; the sensor (it trips at 3: a footstep beside it) stands between the
# bell and the back room's door.
JEWELER_HOLE = (1, 6, 11)
_JEWELER_HOLE_DONE = lambda w: bool(w.holes[1, 11, 6])  # noqa: E731  ([floor, y, x])


def _street_clear(world: World) -> bool:
    """Both patrolmen are walking away east, or far enough east not to see the crew cross
    the dark road to the car (the lit pavement before the shop shows a man 10 cells off)."""
    lemoine, ferrand = world.units[12], world.units[19]
    assert lemoine.cell is not None and ferrand.cell is not None
    return (_facing_away(12, 21)(world) or lemoine.cell.x >= 32) and (
        _facing_away(19, 21)(world) or ferrand.cell.x >= 30
    )


#: Into the building while both patrolmen walk away east, up to the landing, pick the flat's
#: lock, drill with Mario's umbrella pushed through the pilot hole, rope down: César stands
#: in the shop.
JEWELER_DOWN: list[Step] = [
    GoAll((("César", (0, 20, 19)), ("Tony", (0, 19, 19)), ("Jo", (0, 18, 19)),
           ("Mario", (0, 17, 19)))),
    _open("Tony", 33),
    GoAll((("Tony", (1, 16, 4)), ("César", (1, 17, 4)), ("Jo", (1, 16, 3)),
           ("Mario", (0, 19, 17)))),
    _close("Mario", 33),  # last one in shuts the street door behind the crew
    Do(command("pick_lock", unit="Tony", door=37), times=2),
    _open("Tony", 37),
    GoAll((("Tony", (1, 5, 12)), ("Jo", (1, 6, 12)), ("César", (1, 6, 10)),
           ("Mario", (1, 7, 11)))),
    Do(command("drill", unit="Jo", cell=JEWELER_HOLE)),  # the pilot hole: nothing falls yet
    Do(command("deploy_umbrella", unit="Mario", cell=JEWELER_HOLE)),
    Do(command("drill", unit="Jo", cell=JEWELER_HOLE), until=_JEWELER_HOLE_DONE),
    Do(command("lower_rope", unit="Tony", cell=JEWELER_HOLE)),
    Go("César", JEWELER_HOLE),
    Do(command("climb", unit="César", up=False)),
]  # fmt: skip

#: ... and César steps to the bell (away from the sensor) and fills it with foam.
JEWELER_IN: list[Step] = [
    *JEWELER_DOWN,
    Go("César", (0, 5, 10)),
    Do(command("foam", unit="César", bell=3)),
]

#: The film's heist: César opens the safe in the back room, climbs back up, and the crew
#: waits in the hall until the street is clear before walking to the Citroën.
JEWELER_WON: list[Step] = [
    *JEWELER_IN,
    Go("César", (0, 11, 9)),  # past the sensor: it trips, but the bell only clunks
    _open("César", 2),
    Go("César", (0, 3, 2)),
    Do(
        command("crack_safe", unit="César", safe=1),
        until=lambda w: bool(w.devices[1].state.open),
    ),
    Do(command("take_loot", unit="César", thing=1)),
    Go("César", (0, 6, 11)),
    Do(command("climb", unit="César", up=True)),
    GoAll((("Mario", (0, 19, 17)), ("César", (0, 20, 17)), ("Jo", (0, 19, 16)),
           ("Tony", (0, 20, 16)))),
    Turns(until=_street_clear),
    _open("Mario", 33),
    # South across the dark road first (the pavement before the shop is lit), then west.
    GoAll((("Mario", (0, 16, 22)), ("César", (0, 17, 22)), ("Jo", (0, 18, 22)),
           ("Tony", (0, 18, 21)))),
    GoAll((("Mario", (0, 2, 23)), ("César", (0, 3, 23)), ("Jo", (0, 2, 22)),
           ("Tony", (0, 2, 24)))),
    *_everyone_out(["César", "Jo", "Tony"], (0, 2, 23)),
]  # fmt: skip

#: The alarm the film's crew feared: César, down the rope, makes straight for the back room
#: without foaming the bell first. His footsteps beside the sensor set the bell ringing; it
#: wakes the concierge and the neighbour, the police are called, and they arrive while César
#: is still at work on the safe.
JEWELER_LOST: list[Step] = [
    *JEWELER_DOWN,
    Go("César", (0, 11, 9)),
    _open("César", 2),
    Go("César", (0, 3, 2)),
    Do(
        command("crack_safe", unit="César", safe=1),
        until=lambda w: bool(w.devices[1].state.open),
    ),
]

# --- La maison de campagne (maps/country_house.tmx) ----------------------------------------
# Ids from the map: doors 25 (the study's garden door), 24 (study to hall), 27 (Tonio's
# room upstairs, locked); Tonio 7; the corridor man downstairs 2, Rémi upstairs 9. Rémi and
# the corridor man walk the same corridor on both floors, there and back, 14 turns a round.

#: Tony alone: along the far side of the road (out of the gate man's sight and hearing), in
#: through the gap in the hedge, round the east side while the grounds man walks the north
#: lawn, in by the study. Up the stairs behind Rémi's back, pick Tonio's lock and shut
#: himself in with Tonio until Rémi's next round takes him east again; then carry Tonio down
#: (once the corridor man below has passed the hall) and back out the way he came.
COUNTRY_HOUSE_WON: list[Step] = [
    Go("Tony", (0, 9, 32)),
    Go("Tony", (0, 44, 32)),
    Go("Tony", (0, 44, 28)),
    Go("Tony", (0, 38, 17)),
    _open("Tony", 25),
    Go("Tony", (0, 30, 16)),
    _open("Tony", 24),
    Go("Tony", (0, 24, 15)),
    Turns(until=_facing_away(9, 28)),
    Go("Tony", (1, 21, 12)),
    Go("Tony", (1, 17, 12)),
    Do(command("pick_lock", unit="Tony", door=27), times=2),
    _open("Tony", 27),
    Go("Tony", (1, 17, 10)),
    _close("Tony", 27),
    Go("Tony", (1, 17, 9)),
    Do(command("carry", unit="Tony", person=7)),
    Go("Tony", (1, 17, 10)),
    Turns(until=_facing_away(9, 25)),
    _open("Tony", 27),
    Go("Tony", (1, 24, 14)),
    Turns(until=_facing_away(2, 29)),
    Go("Tony", (0, 25, 15)),
    Go("Tony", (0, 38, 17)),
    Go("Tony", (0, 44, 28)),
    Go("Tony", (0, 44, 32)),
    Go("Tony", (0, 7, 32)),
    Go("Tony", (0, 6, 31)),  # the car: Tony and Tonio drive off when the turn ends
]


@dataclass(frozen=True)
class Golden:
    """One golden recording: which map, the seed, the script and how it must end."""

    name: str
    map: str  # file name in maps/
    steps: list[Step]
    expect: str  # "won" or "lost"
    seed: int | None = None


GOLDENS: list[Golden] = [
    Golden("tutorial-won", "tutorial.tmx", TUTORIAL_WON, "won"),
    Golden("tutorial-lost", "tutorial.tmx", TUTORIAL_LOST, "lost"),
    Golden("jeweler-won", "jeweler.tmx", JEWELER_WON, "won"),
    Golden("jeweler-lost", "jeweler.tmx", JEWELER_LOST, "lost"),
    Golden("country_house-won", "country_house.tmx", COUNTRY_HOUSE_WON, "won"),
]

__all__ = [
    "GOLDENS",
    "Do",
    "Go",
    "GoAll",
    "Golden",
    "PickLock",
    "ScriptError",
    "Turns",
    "command",
    "play",
]
