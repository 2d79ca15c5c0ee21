"""The search: greedy best-first over the solver's moves, on the real rules.

A node is a world and whose go it is (:mod:`game.solve.macros`); its priority is the outline's
AP left (:mod:`game.solve.estimate`) plus what trouble costs (a guard alerted or suspicious, the
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
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from game.sim.commands import Command
from game.sim.entities import Status
from game.sim.world import World
from game.solve.estimate import FAR, Estimator, guards_in_trouble
from game.solve.macros import danger, macros

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
    spent: int = 0  # AP the crew spent to get here
    watched: np.ndarray | None = None  # the danger of this turn (worked out once a turn)

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
    report: Callable[[Progress], None] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Found:
    """Search from ``world`` (not changed) for a winning game."""
    start = clock()
    estimator = Estimator(world, settings.forbid)
    order = tuple(u.id for u in world.crew())
    health = {u.id: u.hp for u in world.crew()}
    root = Node(world.fork(), 0, None, (), 0)
    seen: set[tuple[str, int]] = {(root.world.position_key(), 0)}
    counter = itertools.count()
    queues: tuple[list, list] = ([], [])  # preferred, all
    progress = Progress(budget=settings.budget)
    best: Node | None = None
    wins: list[tuple[float, int]] = []
    stop_at = start + settings.budget

    def push(node: Node, preferred: bool) -> None:
        outline = estimator.outline(node.world)
        if outline.cost >= FAR:
            return
        priority = (
            outline.cost
            + trouble(node.world, health)
            + settings.ap_weight * node.spent
            + settings.turn_weight * node.turns
        )
        entry = (priority, -next(counter), node, outline.goals)  # the newest first
        heapq.heappush(queues[1], entry)
        if preferred:
            heapq.heappush(queues[0], entry)

    push(root, True)
    last_report = start
    pops = 0
    while queues[1]:
        now = clock()
        if now >= stop_at:
            break
        if report is not None and now - last_report >= 0.5:
            progress.elapsed = now - start
            report(progress)
            last_report = now
        which = 0 if queues[0] and pops % 4 != 3 else 1
        pops += 1
        _, _, node, goals = heapq.heappop(queues[which])
        if getattr(node, "done", False):
            continue
        node.done = True  # type: ignore[attr-defined]
        if best is not None and node.turns >= (best.turns or 0):
            continue
        progress.expanded += 1
        world = node.world
        if node.watched is None:
            node.watched = danger(world)
        unit_id = order[node.member]
        for macro in macros(
            world, order, node.member, goals.get(unit_id), node.watched, settings.forbid
        ):
            child_world = world.fork()
            ok = True
            ap_before = sum(u.ap for u in child_world.crew())
            for command in macro.commands:
                if not child_world.apply(command):
                    ok = False
                    break
            if not ok:
                continue
            key = (child_world.position_key(), macro.next_member)
            if key in seen:
                continue
            seen.add(key)
            progress.positions += 1
            turns = child_world.turn - world.turn + node.turns
            spent = node.spent
            if child_world.turn == world.turn:
                spent += ap_before - sum(u.ap for u in child_world.crew())
            child = Node(
                child_world,
                macro.next_member,
                node,
                macro.commands,
                turns,
                spent,
                node.watched if macro.next_member != 0 or not macro.commands else None,
            )
            progress.best_turn = max(progress.best_turn, child_world.turn)
            outcome = child_world.outcome
            if outcome.status == "won":
                if best is None or turns < best.turns:
                    best = child
                    elapsed = clock() - start
                    wins.append((elapsed, child_world.turn - world.turn))
                    if progress.first_win is None:
                        progress.first_win = elapsed
                        if settings.improve:
                            stop_at = min(stop_at, start + 1.5 * elapsed + 1.0)
                        else:
                            stop_at = clock()
                    progress.par = child_world.turn - root.world.turn
                continue
            if outcome.over or turns >= settings.max_turns:
                continue
            push(child, macro.preferred)
    progress.elapsed = clock() - start
    if report is not None:
        report(progress)
    if best is None:
        return Found(None, None, progress, wins)
    return Found(best.history(), progress.par, progress, wins)
