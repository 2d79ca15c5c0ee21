"""Solving a map file: search it (on both cores), write the win as an ordinary recording.

Two searches run side by side in processes (not threads: the rules are Python), each with its
own weighing of turns against the outline (:class:`game.sim.solve.search.Settings`); the
first to win sets the par to beat, and the shortest win of either is kept. The winning commands are
then played through the game's own :class:`~game.replay.GameSession`, so the recording is
written exactly as a player's would be, and verified before it is reported.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from game.replay import GameSession, MapSource, load, verify
from game.sim.commands import Command
from game.sim.solve.search import Found, Progress, Settings, solve
from game.tiled import load_world

#: The two searches run side by side: greedy on the outline, and a little more patient.
VARIANTS = (Settings(), Settings(turn_weight=6.0, ap_weight=0.5))


@dataclass
class Solution:
    """What ``rififi solve`` reports (``--json`` prints :meth:`to_json`)."""

    map: str
    won: bool
    turns: int | None
    loudest: int | None
    kills: int | None
    knockouts: int | None
    alarms: int | None
    nodes: int
    seconds: float
    first_win: float | None
    recording: str | None
    forbid: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "map": self.map,
            "won": self.won,
            "turns": self.turns,
            "loudest": self.loudest,
            "kills": self.kills,
            "knockouts": self.knockouts,
            "alarms": self.alarms,
            "rewinds": 0,
            "nodes": self.nodes,
            "seconds": round(self.seconds, 2),
            "first_win_seconds": None if self.first_win is None else round(self.first_win, 2),
            "recording": self.recording,
            "forbid": list(self.forbid),
        }


def _search(path: str, settings: Settings, index: int, out: Any) -> None:
    """One search in its own process; progress and the result go back through ``out``."""

    def report(progress: Progress) -> None:
        out.put(("progress", index, progress))

    found = solve(load_world(Path(path)), settings, time.perf_counter, report)
    out.put(("found", index, found))


def search_map(
    path: Path,
    settings: Settings,
    report: Callable[[Progress], None] | None = None,
    processes: int | None = None,
) -> Found:
    """Search the map at ``path``: in one process per variant when the machine has the
    cores, else here. The best win of any (fewest turns) is returned, its figures summed."""
    count = processes if processes is not None else min(len(VARIANTS), os.cpu_count() or 1)
    variants = [
        replace(
            v,
            budget=settings.budget,
            forbid=settings.forbid,
            improve=settings.improve,
            max_turns=settings.max_turns,
        )
        for v in VARIANTS
    ]
    if count <= 1:
        return solve(load_world(path), variants[0], time.perf_counter, report)
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    workers = [
        context.Process(target=_search, args=(str(path), v, i, out), daemon=True)
        for i, v in enumerate(variants[:count])
    ]
    for worker in workers:
        worker.start()
    found: list[Found] = []
    latest: dict[int, Progress] = {}
    deadline = time.monotonic() + settings.budget + 60
    try:
        while len(found) < len(workers) and time.monotonic() < deadline:
            try:
                kind, index, value = out.get(timeout=1.0)
            except queue.Empty:
                if not any(w.is_alive() for w in workers):
                    break
                continue
            if kind == "found":
                found.append(value)
                latest[index] = value.progress
                if value.commands is not None:  # it searched on for a shorter one already
                    deadline = min(deadline, time.monotonic() + 2.0)
            else:
                latest[index] = value
                if report is not None:
                    report(_together(list(latest.values()), settings.budget))
    finally:  # a search still running past the deadline has lost the race: stop it now
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join(timeout=5)
    if not found:
        return Found(None, None, Progress(budget=settings.budget))
    wins = [f for f in found if f.commands is not None]
    best = min(wins, key=lambda f: f.turns or 0) if wins else found[0]
    progress = _together(list(latest.values()), settings.budget)  # stopped ones too
    return Found(best.commands, best.turns, progress, sorted(w for f in found for w in f.wins))


def _together(parts: list[Progress], budget: float) -> Progress:
    """The progress of several searches as one: positions summed, the best of the rest."""
    firsts = [p.first_win for p in parts if p.first_win is not None]
    pars = [p.par for p in parts if p.par is not None]
    return Progress(
        positions=sum(p.positions for p in parts),
        expanded=sum(p.expanded for p in parts),
        best_turn=max(p.best_turn for p in parts),
        elapsed=max(p.elapsed for p in parts),
        budget=budget,
        first_win=min(firsts) if firsts else None,
        par=min(pars) if pars else None,
    )


def record(
    path: Path, commands: list[Command], target: Path | None
) -> tuple[Path, GameSession, int]:
    """Play ``commands`` on the map through a game session, recorded into ``target`` (made
    beside it and moved into place whole) or into the player's recordings folder when None;
    verify the file. Returns where it is, the session and the turns verified."""
    if target is None:
        session = GameSession.start(MapSource(path))
        _play(session, commands)
        assert session.path is not None
        written = session.path
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
            session = GameSession.start(MapSource(path), folder=Path(scratch))
            _play(session, commands)
            assert session.path is not None
            os.replace(session.path, target)
        written = target
    checked = verify(load(written), markers=False)
    return written, session, checked.turns_checked


def _play(session: GameSession, commands: list[Command]) -> None:
    try:
        for command in commands:
            result = session.apply(command)
            if not result:
                raise RuntimeError(f"the solver's command {command} was refused: {result.reason}")
    finally:
        session.close()


def solve_map(
    path: Path,
    settings: Settings,
    output: Path | None,
    report: Callable[[Progress], None] | None = None,
    processes: int | None = None,
) -> Solution:
    """Search the map, write the win (if any) and sum it up."""
    found = search_map(path, settings, report, processes)
    progress = found.progress
    if found.commands is None:
        return Solution(
            str(path), False, None, None, None, None, None,
            progress.positions, progress.elapsed, None, None, tuple(sorted(settings.forbid)),
        )  # fmt: skip
    written, session, turns = record(path, found.commands, output)
    stats = session.world.stats
    return Solution(
        str(path),
        session.world.outcome.status == "won",
        turns,
        int(stats.get("noise_peak", 0)),
        int(stats.get("kills", 0)),
        int(stats.get("knockouts", 0)),
        int(stats.get("alarms", 0)),
        progress.positions,
        progress.elapsed,
        progress.first_win,
        str(written),
        tuple(sorted(settings.forbid)),
    )
