"""The standard probes of DESIGN.md "Balance": lazy or careless players a map must beat.

Each probe is a scripted player that knows nothing of a particular map: it finds what it
needs among the map's own objects (the objectives, the exits, the safe, the bells, the
drillable cells of ``world.terrain``), asks the rules what a crew member can do
(``game.sim.candidates``, ``world.plan``, each rule's ``needs``) and plays the real rules
through ``world.apply`` until the mission is decided, within :data:`MAX_TURNS` turns. So a
map change that lets a listed probe win fails the suite (``tests/test_balance.py``).

| probe | plays |
|---|---|
| ``straight`` | the shortest way to the objective (doors opened, locks picked), act, out |
| ``no-drill`` | the same, but sneaking, and foaming every bell before touching the safe |
| ``no-umbrella`` | the heist through a hole drilled above the bell (sneaking, waiting rather |
|  | than be seen by the next world turn), with no umbrella under the hole |
| ``no-foam`` | the same heist with the umbrella, never foaming a bell |
| ``guns`` | shoots every guard in sight before each step, walks straight to the objective |
| ``wait`` | ends turns until the mission is decided |
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from game.sim import (
    Carry,
    Cell,
    Climb,
    CrackSafe,
    DeployUmbrella,
    Drill,
    EndTurn,
    Foam,
    LowerRope,
    Move,
    OpenDoor,
    PickLock,
    Shoot,
    Status,
    TakeLoot,
    Unit,
    World,
    candidates,
)
from game.sim.commands import Command
from game.sim.kit import has_item
from game.sim.pathing import find_path

#: A probe that has not ended the mission after this many turns has failed to.
MAX_TURNS = 150
#: Turns a careful probe waits for a guard's view to clear before going anyway.
PATIENCE = 8
#: What a careful probe avoids: being seen (it does not avoid alarms: that is what it tests).
_SEEN = ("spotted", "guard_alerted", "civilian_alarm")


class _Over(Exception):
    """The mission is decided (or the probe ran out of turns)."""


@dataclass(frozen=True)
class ProbeResult:
    """How a probe's game ended: ``status`` "won", "lost" or "" (undecided in time)."""

    probe: str
    status: str
    reason: str
    turns: int
    bell_first: bool = False  # the first alarm of the game was a bell (not a guard's)


class Player:
    """What every probe shares: walking (through doors and locks), acting, ending turns."""

    def __init__(self, world: World, *, sneak: bool = False, careful: bool = False) -> None:
        self.world = world
        self.sneak = sneak
        self.careful = careful  # wait (a while) rather than step into a guard's view
        self.last_turn = world.turn + MAX_TURNS
        self.waited: dict[int, int] = {}

    # --- the game ----------------------------------------------------------------------

    def apply(self, command: Command) -> bool:
        result = self.world.apply(command)
        self._check_over()
        return bool(result)

    def end_turn(self) -> None:
        self.world.apply(EndTurn())
        self._check_over()

    def _check_over(self) -> None:
        if self.world.outcome.over or self.world.turn > self.last_turn:
            raise _Over

    def unit(self, unit_id: int) -> Unit:
        return self.world.units[unit_id]

    def able(self, rule_kind: str) -> list[Unit]:
        """Crew members who carry what the rule of ``rule_kind`` needs (its ``needs`` data)."""
        needs = self.world.rulebook.by_kind(rule_kind).needs
        return [
            u
            for u in self.world.crew()
            if u.can_act and all(has_item(self.world.rules, u, item) for item in needs)
        ]

    def do(self, command: Callable[[], Command], until: Callable[[], bool] | None = None) -> bool:
        """Carry out a command (once, or until ``until`` holds), ending turns while the AP
        are short. False when the rules refuse it for another reason."""
        for _ in range(MAX_TURNS):
            if until is not None and until():
                return True
            order = command()
            planned = self.world.plan(order)
            if planned.ok:
                self.apply(order)
                if until is None:
                    return True
                continue
            if "AP" not in (planned.reason or ""):
                return False
            self.end_turn()
        return False

    # --- walking -----------------------------------------------------------------------

    def path(self, unit: Unit, goals: list[Cell]) -> list[Cell] | None:
        """The shortest way to the nearest of ``goals``, shut doors counted open: first
        around the people in the way and locked doors, then through them (a lock picker
        picks it; anyone else waits short of it for someone to pick it)."""
        world = self.world
        assert unit.cell is not None
        if unit.cell in goals:
            return [unit.cell]
        locks = np.zeros(world.terrain.shape, dtype=bool)
        for door in world.doors.values():
            locks[door.cell.index] = door.locked
        for blocked in (world.occupied() | locks, locks, world.occupied(), None):
            passable = world.terrain.walkable.copy()
            if blocked is not None:
                passable &= ~blocked
            best = None
            for goal in goals:
                if not world.in_bounds(goal) or not world.terrain.walkable[goal.index]:
                    continue
                mask = passable.copy()
                mask[goal.index] = True
                found = find_path(world, unit.cell, goal, mask, stairs_cost=2)
                if found and (best is None or len(found) < len(best)):
                    best = found
            if best is not None:
                return best
        return None

    def advance(self, unit_id: int, goals: list[Cell]) -> bool:
        """Spend this turn's AP walking ``unit`` towards the nearest goal, opening doors and
        picking locks on the way. True once there (or gone)."""
        for _ in range(12):
            unit = self.unit(unit_id)
            if not unit.can_act:
                return True
            if unit.cell in goals:
                return True
            path = self.path(unit, goals)
            if path is None:
                return True  # no way there: nothing more this unit can do
            before = (unit.cell, unit.ap)
            self._step_along(unit, path)
            after = self.unit(unit_id)
            if (after.cell, after.ap) == before:
                return False  # nothing more this turn
        return False

    def _step_along(self, unit: Unit, path: list[Cell]) -> None:
        world = self.world
        picker = unit.id in {u.id for u in self.able("pick_lock")}
        for i, cell in enumerate(path[1:], start=1):
            door = world.door_at(cell)
            if door is not None and not door.open:
                if door.locked and not picker:
                    # Wait a step short of a lock one cannot pick: the way to it stays free.
                    path = path[: max(1, i - 1)]
                    break
                if i == 1:
                    self._through(unit, door.id, door.locked)
                    return
                path = path[:i]
                break
        if len(path) < 2:
            return
        moves = []
        for cell in reversed(path[1:]):
            sneak = self.sneak and not world.terrain.outdoor[cell.index]
            move = Move(unit.id, cell, sneak)
            if world.plan(move).ok:
                moves.append(move)
        if not moves:
            return
        if self.careful and self.waited.get(unit.id, 0) < PATIENCE:
            unseen = next((m for m in moves if self._unseen(m)), None)
            if unseen is None and self._unseen(None):
                self.waited[unit.id] = self.waited.get(unit.id, 0) + 1
                return  # every step forward would be seen by the next world turn: wait
            self.waited[unit.id] = 0
            self.apply(unseen or moves[0])
            return
        self.waited[unit.id] = 0
        self.apply(moves[0])

    def _unseen(self, move: Move | None) -> bool:
        """True when, after ``move`` (None: standing still) and the next world turn, no
        guard or civilian has seen the crew: a one-turn look ahead on a fork of the world."""
        twin = self.world.fork()
        first = len(twin.events)
        if move is not None and not twin.apply(move):
            return False
        twin.apply(EndTurn())
        return not any(e.kind in _SEEN for e in twin.events[first:])

    def _through(self, unit: Unit, door_id: int, locked: bool) -> None:
        """Open the door next to ``unit``, picking its lock first (anyone able may)."""
        if locked:
            pick = PickLock(unit.id, door_id)
            if pick in candidates(self.world, unit):
                self.apply(pick)
            return
        opening = OpenDoor(unit.id, door_id)
        if opening in candidates(self.world, unit):
            self.apply(opening)

    def go(self, unit_id: int, goals: list[Cell]) -> bool:
        """Walk ``unit`` to the nearest goal over as many turns as it takes."""
        for _ in range(MAX_TURNS):
            if self.advance(unit_id, goals):
                unit = self.unit(unit_id)
                return unit.can_act and unit.cell in goals
            self.end_turn()
        return False

    def go_all(self, moves: list[tuple[int, list[Cell]]]) -> None:
        """Walk several crew members at once, each as far as its AP go, until all arrive."""
        for _ in range(MAX_TURNS):
            arrived = [self.advance(unit_id, goals) for unit_id, goals in moves]
            if all(arrived):
                return
            self.end_turn()

    def around(self, cell: Cell) -> list[Cell]:
        """The cells a unit acts on ``cell`` from (beside it, same floor), walkable ones."""
        world = self.world
        found = []
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                near = cell.offset(dx, dy)
                if (dx or dy) and world.in_bounds(near) and world.terrain.walkable[near.index]:
                    found.append(near)
        return found

    # --- the ending --------------------------------------------------------------------

    def leave(self) -> None:
        """Everyone still in play walks to the nearest exit; then turns end until the end."""
        exits = [d.cell for d in self.world.devices_in_order() if d.kind in ("exit", "car")]
        crew = [u.id for u in self.world.crew() if u.can_act]
        if self.careful:  # one by one: nobody waits in the street for the exit to be free
            for unit_id in crew:
                if self.go(unit_id, exits):
                    self.end_turn()
        else:
            self.go_all([(unit_id, exits) for unit_id in crew])
        self.finish()

    def finish(self) -> None:
        for _ in range(MAX_TURNS + 1):
            self.end_turn()


# --- objectives ----------------------------------------------------------------------------


def _safes(world: World) -> list[int]:
    return [d.id for d in world.devices_in_order("safe")]


def _rescued(world: World) -> list[int]:
    return [int(o.params["person"]) for o in world.objectives if o.kind == "rescue"]


def _crackers(player: Player) -> list[Unit]:
    return [
        u for u in player.world.crew() if u.can_act and u.role in player.world.rules.safe.crackers
    ]


def _crack_and_take(player: Player, cracker: int, safe: int) -> None:
    world = player.world
    player.do(lambda: CrackSafe(cracker, safe), until=lambda: bool(world.devices[safe].state.open))
    player.do(lambda: TakeLoot(cracker, safe))


def _foam_bells(player: Player, foamer: int) -> None:
    for bell in [d for d in player.world.devices_in_order("bell")]:
        if player.go(foamer, player.around(bell.cell)):
            player.do(lambda b=bell.id: Foam(foamer, b))


def _straight(player: Player, foam: bool) -> None:
    """Shortest way to the objective: a lock picker leads (opening the way), the cracker
    follows, foams the bells first if ``foam``, cracks, takes; a rescuer carries the
    person; then everyone out."""
    world = player.world
    for safe in _safes(world):
        cell = world.devices[safe].cell
        pickers = player.able("pick_lock")
        crackers = _crackers(player)
        if pickers and crackers and pickers[0].id != crackers[0].id:
            player.go(pickers[0].id, player.around(cell))
        if crackers:
            if foam:
                foamers = [u for u in player.able("foam") if u.id == crackers[0].id]
                if foamers:
                    _foam_bells(player, foamers[0].id)
            if player.go(crackers[0].id, player.around(cell)):
                _crack_and_take(player, crackers[0].id, safe)
    for person in _rescued(world):
        rescuer = world.crew()[0].id
        target = world.units[person]
        if target.cell is not None and player.go(rescuer, player.around(target.cell)):
            player.do(lambda r=rescuer, p=person: Carry(r, p))
    player.leave()


def straight(player: Player) -> None:
    _straight(player, foam=False)


def no_drill(player: Player) -> None:
    player.sneak = True
    _straight(player, foam=True)


def wait(player: Player) -> None:
    player.finish()


class _Gunman(Player):
    """Shoots every guard in sight before each step, walking two cells at a time."""

    def _step_along(self, unit: Unit, path: list[Cell]) -> None:
        for _ in range(4):
            shots = [c for c in candidates(self.world, unit) if isinstance(c, Shoot)]
            alive = [s for s in shots if self.world.units[s.target].status is Status.ACTIVE]
            if not alive:
                break
            self.apply(alive[0])
        super()._step_along(unit, path[:3])


def guns(player: Player) -> None:
    gunman = _Gunman(player.world)
    gunman.last_turn = player.last_turn
    _straight(gunman, foam=False)


def _heist(player: Player, umbrella: bool, foam: bool) -> None:
    """In through a hole drilled above the safe, sneaking and waiting out guards' views:
    drill (the umbrella under the pilot hole if ``umbrella``), rope down, the cracker
    climbs down, foams the bells first if ``foam``, cracks the safe, climbs back; out."""
    world = player.world
    player.sneak, player.careful = True, True
    safe = world.devices[_safes(world)[0]]
    below_floor = safe.cell.floor
    mark = safe.cell if not foam else next(world.devices_in_order("bell")).cell
    drillable = [
        Cell(int(f), int(x), int(y))
        for f, y, x in zip(*world.terrain.drillable.nonzero(), strict=True)
        if f == below_floor + 1 and world.terrain.walkable[f - 1, y, x]
    ]
    hole = min(drillable, key=lambda c: (abs(c.x - mark.x) + abs(c.y - mark.y), c.y, c.x))
    below = Cell(below_floor, hole.x, hole.y)
    driller = player.able("drill")[0].id
    roper = player.able("lower_rope")[0].id
    cracker = _crackers(player)[0].id
    team = [driller, roper, cracker]
    holder = None
    if umbrella:
        holder = player.able("deploy_umbrella")[0].id
        team.append(holder)
    spots = [c for c in player.around(hole) if world.terrain.walkable[c.index]]
    moves = [(unit_id, [spot]) for unit_id, spot in zip(team, spots, strict=False)]
    player.go_all(moves)
    player.do(lambda: Drill(driller, hole))
    if holder is not None:
        player.do(lambda: DeployUmbrella(holder, hole))
    player.do(lambda: Drill(driller, hole), until=lambda: bool(world.holes[hole.index]))
    player.do(lambda: LowerRope(roper, hole))
    player.go(cracker, [hole])
    player.do(lambda: Climb(cracker, False))
    if foam:
        _foam_bells(player, cracker)
    if player.go(cracker, player.around(safe.cell)):
        _crack_and_take(player, cracker, safe.id)
    player.go(cracker, [below])
    player.do(lambda: Climb(cracker, True))
    player.leave()


def no_umbrella(player: Player) -> None:
    _heist(player, umbrella=False, foam=True)


def no_foam(player: Player) -> None:
    _heist(player, umbrella=True, foam=False)


def heist(player: Player) -> None:
    """The whole careful heist, nothing skipped (a yardstick, not a probe a map loses to)."""
    _heist(player, umbrella=True, foam=True)


PROBES: dict[str, Callable[[Player], None]] = {
    "straight": straight,
    "no-drill": no_drill,
    "no-umbrella": no_umbrella,
    "no-foam": no_foam,
    "guns": guns,
    "wait": wait,
}


def play_probe(name: str, world: World) -> ProbeResult:
    """Play the probe called ``name`` on ``world`` to the end (or :data:`MAX_TURNS`)."""
    return play(PROBES[name], world, name)


def play(probe: Callable[[Player], None], world: World, name: str = "") -> ProbeResult:
    """Play a probe (any player function) on ``world`` until the mission is decided."""
    start = world.turn
    with contextlib.suppress(_Over):
        probe(Player(world))
    outcome = world.outcome
    kinds = [e.kind for e in world.events]
    rang = "bell_ringing" in kinds and (
        "police_called" not in kinds or kinds.index("bell_ringing") < kinds.index("police_called")
    )
    return ProbeResult(name, outcome.status or "", outcome.reason or "", world.turn - start, rang)
