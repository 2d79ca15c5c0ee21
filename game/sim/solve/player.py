"""The scripted player the balance probes (``game/sim/solve/probes.py``) are built on.

It walks crew members the shortest way (opening doors, picking locks with whoever carries a
lockpick, waiting short of a lock it cannot pick and behind whoever will pick it), carries out
commands as the AP allow; when it sneaks, it walks where nobody would hear the steps; when
careful, it looks one world turn ahead on a fork of the world rather than be seen (standing,
or stepping aside to the nearest safe cell). It knows no map: everything comes from the world
and the rules (``candidates``, ``world.plan``, ``reachable``, each rule's ``needs``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from game.sim import (
    Cell,
    EndTurn,
    Move,
    OpenDoor,
    PickLock,
    Unit,
    World,
    candidates,
)
from game.sim.commands import Command
from game.sim.events import Event
from game.sim.kit import has_item
from game.sim.pathing import find_path, reachable

#: A probe that has not ended the mission after this many turns has failed to.
MAX_TURNS = 150
#: Turns a careful probe waits for a guard's view to clear before going anyway.
PATIENCE = 8
#: How many cells short of a lock it cannot pick a crew member waits (the way stays free).
LOCK_BERTH = 3
#: How many of the nearest reachable cells a careful probe tries when it must step aside.
REFUGES = 24
#: What a sneaking probe keeps from happening while it moves: a walk that causes one of these
#: is sneaked instead.
_HEARD = ("noise_heard", "sensor_tripped")
#: What a careful probe avoids: being seen (it does not avoid alarms: that is what it tests).
_SEEN = ("spotted", "guard_alerted", "civilian_alarm")


class GameOver(Exception):
    """The mission is decided (or the probe ran out of turns)."""


class NothingToPlay(Exception):
    """The map has none of what the probe plays (no safe under a drillable floor, nobody who
    carries the drill...): its result is "n/a", with this reason."""


@dataclass(frozen=True)
class ProbeResult:
    """How a probe's game ended: ``status`` "won", "lost", "" (undecided in time) or "n/a"
    (the map has nothing it plays)."""

    probe: str
    status: str
    reason: str
    turns: int
    bell_first: bool = False  # the first alarm of the game was a bell (not a guard's)
    hp: int = 0  # the crew's hit points left, all together (what violence cost)


class Player:
    """What every probe shares: walking (through doors and locks), acting, ending turns."""

    def __init__(self, world: World, *, sneak: bool = False, careful: bool = False) -> None:
        self.world = world
        self.sneak = sneak
        self.careful = careful  # wait (a while) rather than step into a guard's view
        self.last_turn = world.turn + MAX_TURNS
        self.waited: dict[int, int] = {}  # turns each crew member waited on this leg
        self.closest: dict[int, int] = {}  # the shortest way left seen on this leg
        self.patience = PATIENCE

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
            raise GameOver

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
                if world.occupant(goal) not in (None, unit):
                    continue  # someone else stands there: another goal, or wait
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
                self.closest.pop(unit_id, None)
                return True
            path = self.path(unit, goals)
            if path is None:
                return False  # no way there now (someone on the goal): wait a turn
            if len(path) < self.closest.get(unit_id, len(path) + 1):
                # Nearer than ever on this leg: the patience is whole again (stepping back
                # and forth round a corner gets no nearer, so it does not renew it).
                self.closest[unit_id] = len(path)
                self.waited[unit_id] = 0
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
                    # Wait short of a lock one cannot pick, and behind whoever will pick it:
                    # the way to the door stays free for them (a crowd there blocks them).
                    if self._picker_behind(unit, door.cell, i):
                        return
                    path = path[: max(1, i - LOCK_BERTH)]
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
            move = self._quiet_move(unit, cell)
            if move is not None:
                moves.append(move)
        if not moves:
            return
        if self.careful and self.waited.get(unit.id, 0) < self.patience:
            unseen = next((m for m in moves if self._safe(m)), None)
            if unseen is None:
                # Every step forward is unsafe by the next world turn: stand, or step aside.
                stand = self._safe(None)
                aside = None if stand else self._refuge(unit)
                if stand or aside is not None:
                    self.waited[unit.id] = self.waited.get(unit.id, 0) + 1
                    if aside is not None:
                        self.apply(aside)
                    return
            self.apply(unseen or moves[0])
            return
        self.apply(moves[0])

    def _picker_behind(self, unit: Unit, door: Cell, steps: int) -> bool:
        """True when a crew member able to pick locks is farther than ``steps`` from
        ``door`` (``unit`` would get there first and stand in their way)."""
        for picker in self.able("pick_lock"):
            if picker.id == unit.id or picker.cell is None:
                continue
            way = self.path(picker, [door])
            if way is not None and len(way) - 1 > steps:
                return True
        return False

    def _quiet_move(self, unit: Unit, cell: Cell) -> Move | None:
        """The move to ``cell``: walking when nobody would hear it (or the player does not
        sneak, or outdoors), else sneaking; None when the rules refuse it."""
        walk = Move(unit.id, cell, False)
        if not self.sneak or self.world.terrain.outdoor[cell.index]:
            return walk if self.world.plan(walk).ok else None
        if self.world.plan(walk).ok:
            twin = self.world.fork()
            first = len(twin.events)
            twin.apply(walk)
            if not any(e.kind in _HEARD for e in twin.events[first:]):
                return walk
        sneak = Move(unit.id, cell, True)
        return sneak if self.world.plan(sneak).ok else None

    def _safe(self, move: Move | None) -> bool:
        """True when, after ``move`` (None: standing still) and the next world turn, nothing
        this player avoids happened (:meth:`_harmed`): a one-turn look ahead on a fork."""
        twin = self.world.fork()
        first = len(twin.events)
        if move is not None:
            if not twin.apply(move):
                return False
            self._answer(twin, move.unit)
        twin.apply(EndTurn())
        return not self._harmed(twin.events[first:])

    def _answer(self, world: World, unit_id: int) -> None:
        """What this player does, in the look ahead, after the move it weighs and before the
        world's turn (a gunman shoots what the move brought into view); nothing here."""

    def _refuge(self, unit: Unit) -> Move | None:
        """The nearest cell ``unit`` can reach this turn where the next world turn is safe
        (a step back round the corner), among the :data:`REFUGES` nearest; None if none."""
        assert unit.cell is not None
        here = unit.cell
        reach = reachable(self.world, unit)
        modes = reach.sneak if self.sneak else reach.walk
        near = sorted(
            (c for c in modes if c != here),
            key=lambda c: (c.floor != here.floor, max(abs(c.x - here.x), abs(c.y - here.y)), c),
        )
        for cell in near[:REFUGES]:
            move = Move(unit.id, cell, self.sneak and not self.world.terrain.outdoor[cell.index])
            if self._safe(move):
                return move
        return None

    def _harmed(self, events: list[Event]) -> bool:
        """What a careful player steps aside from: being seen by a guard or a civilian."""
        return any(e.kind in _SEEN for e in events)

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
        self.go_all([(unit_id, exits) for unit_id in crew])
        self.finish()

    def finish(self) -> None:
        for _ in range(MAX_TURNS + 1):
            self.end_turn()
