"""The benchmarks still run against the code as it is: every one is set up and run once (no
timing here: targets live in ``benchmarks/run.py``, on a quiet machine)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _runner():
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_runner", BENCHMARKS / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


RUNNER = _runner()
ALL = [b for b in RUNNER.discover(None) if not b.ratio_of]


@pytest.mark.slow
@pytest.mark.parametrize("bench", ALL, ids=[b.name for b in ALL])
def test_every_benchmark_runs(bench):
    if bench.name.startswith("sim.world_turn."):
        # Honest worlds: over the quick runs the guards see, find paths and hear.
        result = RUNNER.measure(bench, True)
        for name in ("fov_per_turn", "paths_per_turn", "noises_per_turn"):
            assert result[name] > 0, f"{bench.name}: {name} is {result[name]}"
        return
    made = bench.setup(True)
    timed = made if isinstance(made, RUNNER.Timed) else RUNNER.Timed(made)
    if timed.prepare is not None:
        timed.prepare()
    value = timed.run()
    if bench.name.endswith("_busy"):
        # A busy frame is as busy as it says: three guards on screen with their cones and
        # intents, a move's path with guards who would hear it, the banner, a noise ring.
        shown = timed.extra()
        assert shown["guards_in_view"] == 3, shown
        assert shown["intents"] == 3, shown
        assert shown["cone_cells"] > 0, shown
        assert shown["forecast"] > 0 and shown["path"] > 0, shown
        assert shown["banner"] == 1 and shown["noise_rings"] > 0, shown
    if timed.measures:  # a share of a core, a time: a real number, not a placeholder
        assert isinstance(value, float) and value > 0, value
