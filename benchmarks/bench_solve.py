"""Benchmarks of ``rififi solve``: seconds to a win on each shipped map, and positions per second.

Each ``solve.MAP`` run is one whole search on one core (the command line runs two side by
side), from the map file to the end of the search for a shorter win: the timed figure is the
seconds to the par; ``first_win_s`` is the seconds to the first win and ``par`` its turns.
``solve.nodes_per_s`` counts the positions a search weighs per second on the jeweler's.
"""

from __future__ import annotations

import sys
import time

from run import Benchmark, Timed

from game.content import maps_dir
from game.sim.solve.search import Found, Settings, solve
from game.tiled import load_world

#: Seconds a benchmark search may take before it counts as failed (far above the targets).
BUDGET = 280.0


def _solving(stem: str):
    def setup(quick: bool) -> Timed:
        world = load_world(maps_dir() / f"{stem}.tmx")
        last: list[Found] = []

        def run() -> None:
            found = solve(world, Settings(budget=BUDGET, improve=not quick), time.perf_counter)
            if found.commands is None:
                raise RuntimeError(f"solve.{stem}: no win found in {BUDGET:.0f} s")
            last[:] = [found]

        def extra() -> dict[str, object]:
            progress = last[0].progress
            return {
                "first_win_s": round(progress.first_win or 0.0, 2),
                "par": last[0].turns,
                "positions": progress.positions,
            }

        return Timed(run, extra=extra)

    return setup


_positions = [0]


def _nodes(quick: bool):
    world = load_world(maps_dir() / "jeweler.tmx")
    seconds = 2.0 if quick else 8.0

    def run() -> None:
        found = solve(
            world, Settings(budget=seconds, improve=False, max_turns=200), time.perf_counter
        )
        _positions[0] = found.progress.positions

    return run


BENCHMARKS = [
    Benchmark(
        "solve.tutorial",
        _solving("tutorial"),
        runs=3,
        quick_runs=1,
        target="a win within 300 s (aim: 60 s), par <= the golden's 53 turns",
    ),
    Benchmark(
        "solve.jeweler",
        _solving("jeweler"),
        runs=3,
        quick_runs=1,
        target="a win within 300 s (aim: 60 s), par <= the golden's 40 turns",
    ),
    Benchmark(
        "solve.country_house",
        _solving("country_house"),
        runs=3,
        quick_runs=1,
        target="a win within 300 s (aim: 60 s), par <= the golden's 51 turns",
    ),
    Benchmark(
        "solve.nodes_per_s",
        _nodes,
        runs=3,
        quick_runs=1,
        unit="per s",
        items_per_run=lambda: _positions[0],
        target="(positions weighed per second, one core, the jeweler's)",
    ),
]

if __name__ == "__main__":  # pragma: no cover
    sys.exit("run benchmarks/run.py --only solve.")
