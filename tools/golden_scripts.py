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
from game.sim.commands import _REGISTRY
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
        return _REGISTRY[kind](**values)

    return build


@dataclass(frozen=True)
class Go:
    """Walk (or sneak) a crew member to a cell, over as many turns as it takes."""

    who: str
    to: tuple[int, int, int]
    sneak: bool = False


@dataclass(frozen=True)
class Do:
    """One action, ``times`` times (each attempt waits for a new turn if AP run out)."""

    make: Callable[[World], Command]
    times: int = 1
    until: Callable[[World], bool] | None = None  # repeat until this holds (times ignored)


@dataclass(frozen=True)
class Turns:
    """End the turn ``count`` times (waiting for the world, or leaving through an exit)."""

    count: int = 1


Step = Go | Do | Turns


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


def _walk(session: GameSession, step: Go) -> None:
    for _ in range(MAX_TURNS_PER_STEP):
        world = session.world
        unit = world.unit_named(step.who)
        goal = Cell(*step.to)
        if unit.cell == goal:
            return
        if session.apply(Move(unit.id, goal, step.sneak)):
            continue
        passable = walkable_now(world) & ~world.occupied()
        path = find_path(world, unit.cell, goal, passable, stairs_cost=2) or []
        for cell in reversed(path[1:-1]):
            if world.check(Move(unit.id, cell, step.sneak)) is None:
                session.apply(Move(unit.id, cell, step.sneak))
                break
        else:
            if not path:
                raise ScriptError(f"turn {world.turn}: {step.who} finds no way to {goal}")
            session.end_turn()
    raise ScriptError(f"{step.who} never reached {step.to}")


def play(session: GameSession, steps: list[Step]) -> None:
    """Carry out every step, then end turns until the mission is decided."""
    for step in steps:
        if session.over:
            raise ScriptError(f"the mission ended early: {session.world.outcome}")
        if isinstance(step, Go):
            _walk(session, step)
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

#: The tutorial the way it teaches: up past the sleeping landlady, drill with the umbrella
#: underneath, rope down, foam the bell, crack the safe, back up and out.
TUTORIAL_WON: list[Step] = [
    Go("Tony", (0, 6, 4)),
    Do(lambda w: OpenDoor(w.unit_named("Tony").id, 12)),
    Go("Tony", (0, 2, 10)),
    Go("Jo", (1, 6, 8)),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 15)),
    Go("Jo", (1, 13, 8), sneak=True),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 16)),
    Go("Jo", (1, 24, 9)),
    Go("Mario", (1, 24, 10)),
    Do(command("drill", unit="Jo", cell=(1, 23, 9))),
    Do(command("deploy_umbrella", unit="Mario", cell=(1, 23, 9))),
    Do(command("drill", unit="Jo", cell=(1, 23, 9)), until=lambda w: bool(w.holes[1, 9, 23])),
    Go("Tony", (1, 24, 8)),
    Do(command("lower_rope", unit="Tony", cell=(1, 23, 9))),
    Go("César", (1, 23, 9)),
    Do(command("climb", unit="César", up=False)),
    Go("César", (0, 20, 8)),
    Do(command("foam", unit="César", bell=6)),
    Go("César", (0, 24, 10)),
    Do(
        command("crack_safe", unit="César", safe=8),
        until=lambda w: bool(w.devices[8].memory.get("open")),
    ),
    Do(command("take_loot", unit="César", thing=8)),
    Go("César", (0, 23, 9)),
    Do(command("climb", unit="César", up=True)),
    *_everyone_out(["César", "Tony", "Mario", "Jo"], (0, 2, 2)),
]

#: The careless way: pick the lock and drill with no umbrella; the plaster trips the
#: sensor, the bell rings and the police arrive while the crew is inside.
TUTORIAL_LOST: list[Step] = [
    Go("Tony", (0, 6, 4)),
    Do(lambda w: OpenDoor(w.unit_named("Tony").id, 12)),
    Go("Tony", (0, 2, 10)),
    Go("Jo", (1, 6, 8)),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 15)),
    Go("Jo", (1, 13, 8)),
    Do(lambda w: OpenDoor(w.unit_named("Jo").id, 16)),
    Go("Jo", (1, 19, 11)),
    Do(command("drill", unit="Jo", cell=(1, 19, 10)), times=4),
    Turns(12),
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
]

__all__ = ["GOLDENS", "Do", "Go", "Golden", "PickLock", "ScriptError", "Turns", "command", "play"]
