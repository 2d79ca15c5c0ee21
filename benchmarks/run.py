"""Run every benchmark and print a table: ``python benchmarks/run.py [--quick] [--json FILE]``.

Benchmarks live in ``benchmarks/bench_*.py``; each module has a ``BENCHMARKS`` list of
:class:`Benchmark`. A benchmark's ``setup(quick)`` builds what it needs and returns the
function to time; each call of that function is one run. It may instead return a
:class:`Timed`: its ``prepare()`` runs before each run, untimed (to restore a start position),
and its ``extra()`` gives more JSON fields for the result (counts of work done per run).
A ``Timed`` with ``measures`` reports what each run returns (a share of a core, a time
measured in another process) instead of timing it. A benchmark with ``ratio_of`` times
nothing: it divides two earlier results. Results are medians and 99th percentiles of the
runs, with the machine's figures, because shared machines are noisy.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
# Benchmark modules import this file as ``run``; run as a script it is ``__main__``: one module,
# so that their Benchmark and Timed are this file's.
sys.modules.setdefault("run", sys.modules[__name__])


@dataclass
class Benchmark:
    """One measurement. ``unit`` is "ms" (time per run) or a rate such as "per s"."""

    name: str
    setup: Callable[[bool], Callable[[], object] | Timed] | None  # None for a ratio row
    runs: int = 50
    quick_runs: int = 10
    unit: str = "ms"
    target: str = ""  # e.g. "median <= 5 ms", printed beside the result
    # For rates: how many things one run does (turns, commands...), to report per second.
    items_per_run: int | Callable[[], int] = 1
    # ``(a, b)``: this row is a's median over b's (and p99 over p99), not a timing.
    ratio_of: tuple[str, str] | None = None


@dataclass
class Timed:
    """What a setup may return instead of a bare function: the run, an untimed step before
    each run, and extra fields for the result."""

    run: Callable[[], object]
    prepare: Callable[[], object] | None = None
    extra: Callable[[], dict[str, object]] | None = None
    # True: each run returns the value it measured, in the benchmark's unit (a share of a
    # core, the milliseconds from a process start to a marker), reported instead of how
    # long the call took; higher is worse, so the worst case is the highest.
    measures: bool = False
    warm_up: bool = True  # False: no untimed first run (a run that takes seconds)


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def ratio(bench: Benchmark, done: dict[str, dict[str, object]]) -> dict[str, object]:
    """A row dividing two earlier results (their medians, and their worst cases)."""
    assert bench.ratio_of is not None
    a, b = (done.get(name) for name in bench.ratio_of)
    if a is None or b is None:
        raise KeyError(f"{bench.name} needs {bench.ratio_of} to run first")
    return {
        "name": bench.name,
        "unit": bench.unit,
        "median": round(float(a["median"]) / float(b["median"]), 3),
        "p99": round(float(a["p99"]) / float(b["p99"]), 3),
        "runs": min(int(a["runs"]), int(b["runs"])),
        "target": bench.target,
    }


def measure(bench: Benchmark, quick: bool) -> dict[str, object]:
    assert bench.setup is not None, f"{bench.name} has nothing to time"
    made = bench.setup(quick)
    timed = made if isinstance(made, Timed) else Timed(made)
    run, prepare = timed.run, timed.prepare
    if timed.warm_up:
        if prepare is not None:
            prepare()
        run()  # warm-up: caches, imports, first-call costs
    count = bench.quick_runs if quick else bench.runs
    times = []
    for _ in range(count):
        if prepare is not None:
            prepare()
        start = time.perf_counter()
        value = run()
        elapsed = time.perf_counter() - start
        times.append(float(value) if timed.measures else elapsed)  # type: ignore[arg-type]
    times.sort()
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    items = bench.items_per_run() if callable(bench.items_per_run) else bench.items_per_run
    if timed.measures:
        med, worst = median, p99
    elif bench.unit == "ms":
        med, worst = median * 1000, p99 * 1000
    else:  # a rate: higher is better, so the worst case is the slowest run
        med, worst = items / median, items / p99
    result: dict[str, object] = {
        "name": bench.name,
        "unit": bench.unit,
        "median": round(med, 3),
        "p99": round(worst, 3),
        "runs": count,
        "target": bench.target,
    }
    if timed.extra is not None:
        result.update(timed.extra())
    return result


def discover(only: str | None) -> list[Benchmark]:
    found: list[Benchmark] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
        found.extend(getattr(module, "BENCHMARKS", []))
    chosen = {b.name for b in found if not only or only in b.name}
    for bench in found:  # a ratio row brings the rows it divides
        if bench.name in chosen and bench.ratio_of:
            chosen.update(bench.ratio_of)
    return [b for b in found if b.name in chosen]


_COLUMNS = ("name", "unit", "median", "p99", "runs", "target")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller worlds")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", metavar="TEXT", help="only benchmarks whose name has TEXT")
    args = parser.parse_args(argv)
    info = machine()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()))
    print(f"{'benchmark':46} {'unit':>7} {'median':>10} {'p99/worst':>10} {'runs':>5}  target")
    results = []
    done: dict[str, dict[str, object]] = {}
    for bench in discover(args.only):
        result = ratio(bench, done) if bench.ratio_of else measure(bench, args.quick)
        results.append(result)
        done[bench.name] = result
        extra = "".join(f" {k}={v}" for k, v in result.items() if k not in _COLUMNS)
        print(
            f"{result['name']:46} {result['unit']:>7} {result['median']:>10.3f} "
            f"{result['p99']:>10.3f} {result['runs']:>5}  {result['target']}{extra}",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
