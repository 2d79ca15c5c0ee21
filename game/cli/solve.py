"""``rififi solve MAP.tmx [--budget S] [-o FILE.replay] [--json] [--forbid ACTION...]
[--probes] [--view]``: a machine plays the map.

Without ``--probes`` it searches the real rules for a win (:mod:`game.sim.solve`), writes it as an
ordinary recording and prints the par: exit 0 with a win, 1 without one inside the budget;
``--view`` then opens the win in the replay viewer (Tiled's "Solve with Rififi" does).
With ``--probes`` it plays DESIGN.md's lazy strategies and prints how each ended: exit 1 when
one the map's ``probes_must_lose`` lists wins. While a search runs, one line on the terminal
says how far it got.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.cli.errors import EXIT_CONTENT, EXIT_OK, ContentError, UsageError


def run(args: argparse.Namespace) -> int:
    path = Path(args.map)
    if not path.is_file():
        raise UsageError(f"{path}: no such map file")
    if args.budget <= 0:
        raise UsageError(f"--budget must be a number of seconds above 0, not {args.budget}")
    from game.sim import RULEBOOK
    from game.tiled import MapError, load_world

    kinds = sorted(rule.command.kind for rule in RULEBOOK if rule.by_crew)
    args.forbid = [_action_kind(word, kinds) for word in args.forbid]
    try:
        load_world(path)
    except MapError as error:
        raise ContentError(str(error)) from None
    if args.probes:
        return _probes(path, args.json, args.budget)
    return _solve(path, args)


def _loud(path: Path, budget: float):
    """DESIGN.md's ``loud`` probe: the intended route walking instead of sneaking. The route
    is the solver's own win (the map names none), so this first searches for one."""
    from game.replay.solving import search_map
    from game.sim.solve.player import ProbeResult
    from game.sim.solve.probes import loud
    from game.sim.solve.search import Settings
    from game.tiled import load_world

    found = search_map(path, Settings(budget=budget, improve=False))
    if found.commands is None:
        return ProbeResult("loud", "n/a", f"the solver found no win to walk in {budget:.0f} s", 0)
    sneaks = sum(1 for c in found.commands if getattr(c, "sneak", False))
    if not sneaks:
        return ProbeResult("loud", "n/a", "the solver's win never sneaks: nothing to walk", 0)
    return loud(load_world(path), found.commands)


def _action_kind(word: str, kinds: list[str]) -> str:
    """The action kind a word names: the kind itself (``knock-out`` or ``knock_out``), or
    the one kind it is a part of (``umbrella``: ``deploy_umbrella``)."""
    wanted = word.strip().lower().replace("-", "_")
    if wanted in kinds:
        return wanted
    partly = [kind for kind in kinds if wanted in kind.split("_")]
    if len(partly) == 1:
        return partly[0]
    raise UsageError(f"--forbid: no action called {word!r} (actions: {', '.join(kinds)})")


def _output(path: Path, asked: str | None) -> Path | None:
    """Where the win goes: ``-o``, else the recordings folder for a shipped map, else beside
    the map (a recording of a designer's own map finds its map only beside it)."""
    from game.content import maps_dir

    shipped = path.resolve().parent == maps_dir().resolve()
    if asked is None:
        return None if shipped else path.with_name(f"{path.stem}-solved.replay")
    target = Path(asked)
    if target.is_dir():
        raise UsageError(f"-o {asked}: that is a folder; give a file name (FILE.replay)")
    if not shipped and target.resolve().parent != path.resolve().parent:
        raise UsageError(
            f"-o {asked}: a recording of {path.name} must be written beside it "
            f"(rififi replay looks for the map there): -o {path.with_name(target.name)}"
        )
    return target


def _solve(path: Path, args: argparse.Namespace) -> int:
    from game.replay.solving import solve_map
    from game.sim.solve.search import Progress, Settings

    live = sys.stderr.isatty() and not args.json

    def report(progress: Progress) -> None:
        if live:
            left = max(0.0, progress.budget - progress.elapsed)
            par = f", par so far {progress.par}" if progress.par is not None else ""
            sys.stderr.write(
                f"\r{progress.positions:,} positions, turn {progress.best_turn} reached{par}, "
                f"{progress.elapsed:.0f} s, {left:.0f} s left   "
            )
            sys.stderr.flush()

    forbid = frozenset(args.forbid)
    output = _output(path, args.output)
    from game.replay.errors import RecordingError

    try:
        solution = solve_map(path, Settings(budget=args.budget, forbid=forbid), output, report)
    except (RecordingError, OSError) as error:  # the win could not be written or verified
        raise ContentError(f"{path}: the win could not be recorded: {error}") from None
    if live:
        sys.stderr.write("\n")
    if args.json:
        json.dump(solution.to_json(), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif solution.won:
        print(
            f"{path}: won in {solution.turns} turns (par) — loudest noise {solution.loudest}, "
            f"{solution.knockouts} knockouts, {solution.kills} kills, {solution.alarms} alarms, "
            f"0 rewinds; {solution.nodes:,} positions in {solution.seconds:.1f} s "
            f"(first win after {solution.first_win:.1f} s)"
        )
        print(f"recording: {solution.recording} (watch it: rififi replay {solution.recording})")
        if args.view and solution.recording is not None:
            from game.cli.replay import watch

            sys.stdout.flush()
            return watch(solution.recording)
    else:
        without = f" without {', '.join(solution.forbid)}" if solution.forbid else ""
        print(
            f"{path}: no win found{without} in {solution.seconds:.0f} s, "
            f"{solution.nodes:,} positions (this is not a proof that none exists)"
        )
    return EXIT_OK if solution.won else EXIT_CONTENT


def _probes(path: Path, as_json: bool, budget: float) -> int:
    from game.sim.solve.probes import PROBES, play_probe
    from game.tiled import load_world
    from game.tiled.balance import must_lose

    listed = must_lose(path)
    unknown = [name for name in listed if name not in PROBES]
    if unknown:
        raise ContentError(
            f"{path}: probes_must_lose names {', '.join(unknown)}, which is no probe "
            f"(probes: {', '.join(PROBES)})"
        )
    results = [play_probe(name, load_world(path)) for name in PROBES]
    unplayable = [r for r in results if r.probe in listed and r.status == "n/a"]
    if unplayable:
        probe = unplayable[0]
        raise ContentError(
            f"{path}: the {probe.probe} probe finds nothing to play ({probe.reason})"
        )
    results.append(_loud(path, budget))
    failed = [r.probe for r in results if r.probe in listed and r.status == "won"]
    if as_json:
        doc = {
            "map": str(path),
            "probes": [
                {
                    "name": r.probe,
                    "won": r.status == "won",
                    "outcome": r.status or "undecided",
                    "reason": r.reason,
                    "turns": r.turns,
                    "must_lose": r.probe in listed,
                }
                for r in results
            ],
        }
        json.dump(doc, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"{path}: probes (the map lists {', '.join(listed) or 'none'} as must lose)")
        print(f"  {'probe':<12} {'outcome':<10} {'turns':>5}  why")
        for r in results:
            mark = "  <- listed as must lose!" if r.probe in failed else ""
            print(f"  {r.probe:<12} {r.status or 'undecided':<10} {r.turns:>5}  {r.reason}{mark}")
    return EXIT_CONTENT if failed else EXIT_OK
