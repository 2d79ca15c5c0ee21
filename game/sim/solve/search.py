"""The search: greedy best-first over the solver's moves, on the real rules.

A node is a world and whose go it is (:mod:`game.sim.solve.macros`); its priority is the outline's
AP left (:mod:`game.sim.solve.estimate`) plus what trouble costs (a guard alerted or suspicious, the
police called, a wound) plus a little for each turn spent, so the search runs greedily towards
the win and falls back on waiting and on other ways when a way forward gets the crew seen.
Positions are told apart by :meth:`World.position_key` (the state without the debrief's
counters) and whose go it is: a position reached twice is searched once.

Children of preferred moves (walks towards a waypoint, actions, handing over) are searched
before the others (a second queue that gets every fourth pop), as Fast Downward's preferred
operators are. After the first win the search goes on for a shorter one, for half as long
again as the first took (within the budget): the par it reports is the best win found.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from game.sim.commands import Command
from game.sim.entities import Status
from game.sim.solve.estimate import FAR, Estimator, guards_in_trouble
from game.sim.solve.macros import Macro, danger, macros
from game.sim.world import World

#: What trouble adds to a position's priority, in AP: the police called, a guard alerted,
#: one growing suspicious, a crew member's wound.
PRICE_POLICE = 3000
PRICE_ALERTED = 800
PRICE_SUSPICIOUS = 150
PRICE_WOUND = 400


@dataclass(frozen=True)
class Settings:
    """How a search runs: the weight of turns spent against the outline's AP, the budget,
    the action kinds it may not use."""

    budget: float = 60.0  # seconds
    turn_weight: float = 2.0  # AP of priority per turn spent
    ap_weight: float = 0.25  # ... and per AP spent
    forbid: frozenset[str] = frozenset()
    max_turns: int = 200
    improve: bool = True  # go on for a shorter win after the first


@dataclass
class Node:
    world: World
    member: int  # whose go it is: an index into the crew order
    parent: Node | None
    commands: tuple[Command, ...]
    turns: int
    spent: int = 0  # AP the crew spent to get here (ends of turn apart)
    done: bool = False  # expanded already (it may sit in both queues)

    def history(self) -> list[Command]:
        """Every command from the start to here, in order."""
        parts = []
        node: Node | None = self
        while node is not None:
            parts.append(node.commands)
            node = node.parent
        return [c for part in reversed(parts) for c in part]


@dataclass
class Progress:
    """What a search has done so far (shown on one line while it runs)."""

    positions: int = 0
    expanded: int = 0
    best_turn: int = 0  # the furthest turn any position reached
    elapsed: float = 0.0
    budget: float = 0.0
    first_win: float | None = None  # seconds to the first win
    par: int | None = None


@dataclass
class Found:
    """A search's result: the winning commands (None: no win found) and the figures."""

    commands: list[Command] | None
    turns: int | None
    progress: Progress
    wins: list[tuple[float, int]] = field(default_factory=list)  # (seconds, turns) of each


def trouble(world: World, health: dict[int, int]) -> int:
    """What the position's trouble costs in the priority (``health``: each crew member's hp
    at the start)."""
    alerted, suspicious = guards_in_trouble(world)
    price = alerted * PRICE_ALERTED + suspicious * PRICE_SUSPICIOUS
    if world.alarm.called:
        price += PRICE_POLICE
    for unit in world.crew():
        if unit.status is Status.ACTIVE:
            price += PRICE_WOUND * max(0, health.get(unit.id, unit.hp) - unit.hp)
    return price


def solve(
    world: World,
    settings: Settings,
    clock: Callable[[], float],
    report: Callable[[Progress], None] | None = None,
) -> Found:
    """Search from ``world`` (not changed) for a winning game. ``clock`` gives seconds (the
    budget is wall-clock time, read by the caller's clock: the rules layer reads none)."""
    return Search(world, settings, clock).run(report)


class Search:
    """One greedy best-first search (see the module's text)."""

    def __init__(self, world: World, settings: Settings, clock: Callable[[], float]) -> None:
        self.settings = settings
        self.clock = clock
        self.start = clock()
        self.stop_at = self.start + settings.budget
        self.estimator = Estimator(world, settings.forbid)
        self.order = tuple(u.id for u in world.crew())  # who acts, in turn
        self.health = {u.id: u.hp for u in world.crew()}
        self.root = Node(world.fork(), 0, None, (), 0)
        self.seen: set[tuple[str, int]] = {(self.root.world.position_key(), 0)}
        self.counter = itertools.count()
        self.queues: tuple[list, list] = ([], [])  # the preferred moves' children, all
        self.progress = Progress(budget=settings.budget)
        self.best: Node | None = None
        self.wins: list[tuple[float, int]] = []

    def run(self, report: Callable[[Progress], None] | None) -> Found:
        progress = self.progress
        self.push(self.root, True)
        last_report, pops = self.start, 0
        while self.queues[1]:
            now = self.clock()
            if now >= self.stop_at:
                break
            if report is not None and now - last_report >= 0.5:
                progress.elapsed = now - self.start
                report(progress)
                last_report = now
            which = 0 if self.queues[0] and pops % 4 != 3 else 1
            pops += 1
            _, _, node, goals = heapq.heappop(self.queues[which])
            if node.done:  # popped from the other queue already
                continue
            node.done = True
            if self.best is None or node.turns < self.best.turns:
                self.expand(node, goals)
        progress.elapsed = self.clock() - self.start
        if report is not None:
            report(progress)
        if self.best is None:
            return Found(None, None, progress, self.wins)
        return Found(self.best.history(), progress.par, progress, self.wins)

    def push(self, node: Node, preferred: bool) -> None:
        """Queue a position by its priority (unless the outline finds no way to win)."""
        outline = self.estimator.outline(node.world)
        if outline.cost >= FAR:
            return
        settings = self.settings
        priority = (
            outline.cost
            + trouble(node.world, self.health)
            + settings.ap_weight * node.spent
            + settings.turn_weight * node.turns
        )
        entry = (priority, -next(self.counter), node, outline.goals)  # the newest first
        heapq.heappush(self.queues[1], entry)
        if preferred:
            heapq.heappush(self.queues[0], entry)

    def expand(self, node: Node, goals: dict[int, np.ndarray]) -> None:
        """Try every move of the crew member whose go it is; queue the new positions."""
        self.progress.expanded += 1
        world = node.world
        watched = danger(world)  # anew for each position: a door opened changes what is seen
        unit_id = self.order[node.member]
        for macro in macros(
            world, self.order, node.member, goals.get(unit_id), watched, self.settings.forbid
        ):
            child = self.child(node, macro)
            if child is None:
                continue
            outcome = child.world.outcome
            if outcome.status == "won":
                self.won(child)
            elif not outcome.over and child.turns < self.settings.max_turns:
                self.push(child, macro.preferred)

    def child(self, node: Node, macro: Macro) -> Node | None:
        """The position after ``macro``, or None when refused or already seen."""
        world = node.world.fork()
        ap_before = sum(u.ap for u in world.crew())
        for command in macro.commands:
            if not world.apply(command):
                return None
        key = (world.position_key(), macro.next_member)
        if key in self.seen:
            return None
        self.seen.add(key)
        self.progress.positions += 1
        self.progress.best_turn = max(self.progress.best_turn, world.turn)
        same_turn = world.turn == node.world.turn
        spent = node.spent + (ap_before - sum(u.ap for u in world.crew()) if same_turn else 0)
        return Node(
            world,
            macro.next_member,
            node,
            macro.commands,
            node.turns + world.turn - node.world.turn,
            spent,
        )

    def won(self, child: Node) -> None:
        """A win: kept if it is the shortest yet; the first one sets when the search stops."""
        if self.best is not None and child.turns >= self.best.turns:
            return
        self.best = child
        elapsed = self.clock() - self.start
        self.wins.append((elapsed, child.turns))
        self.progress.par = child.turns
        if self.progress.first_win is None:
            self.progress.first_win = elapsed
            if self.settings.improve:
                self.stop_at = min(self.stop_at, self.start + 1.5 * elapsed + 1.0)
            else:
                self.stop_at = self.clock()
