"""Run every benchmark and print a table: ``python benchmarks/run.py [--quick] [--json FILE]``.

Benchmarks live in ``benchmarks/bench_*.py``; each module has a ``BENCHMARKS`` list of
:class:`Benchmark`. A benchmark's ``setup(quick)`` builds what it needs and returns the
function to time; each call of that function is one run. Results are medians and 99th
percentiles of the runs, with the machine's figures, because shared machines are noisy.
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


@dataclass
class Benchmark:
    """One measurement. ``unit`` is "ms" (time per run) or a rate such as "per s"."""

    name: str
    setup: Callable[[bool], Callable[[], object]]
    runs: int = 50
    quick_runs: int = 10
    unit: str = "ms"
    target: str = ""  # e.g. "median <= 5 ms", printed beside the result
    # For rates: how many things one run does (turns, commands...), to report per second.
    items_per_run: int | Callable[[], int] = 1


def machine() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
    }


def measure(bench: Benchmark, quick: bool) -> dict[str, object]:
    run = bench.setup(quick)
    run()  # warm-up: caches, imports, first-call costs
    count = bench.quick_runs if quick else bench.runs
    times = []
    for _ in range(count):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    times.sort()
    median = statistics.median(times)
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    items = bench.items_per_run() if callable(bench.items_per_run) else bench.items_per_run
    if bench.unit == "ms":
        med, worst = median * 1000, p99 * 1000
    else:  # a rate: higher is better, so the worst case is the slowest run
        med, worst = items / median, items / p99
    return {
        "name": bench.name,
        "unit": bench.unit,
        "median": round(med, 3),
        "p99": round(worst, 3),
        "runs": count,
        "target": bench.target,
    }


def discover(only: str | None) -> list[Benchmark]:
    found: list[Benchmark] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        found.extend(getattr(module, "BENCHMARKS", []))
    return [b for b in found if not only or only in b.name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, smaller worlds")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--only", metavar="TEXT", help="only benchmarks whose name has TEXT")
    args = parser.parse_args(argv)
    info = machine()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()))
    print(f"{'benchmark':38} {'unit':>7} {'median':>10} {'p99/worst':>10} {'runs':>5}  target")
    results = []
    for bench in discover(args.only):
        result = measure(bench, args.quick)
        results.append(result)
        print(
            f"{result['name']:38} {result['unit']:>7} {result['median']:>10.3f} "
            f"{result['p99']:>10.3f} {result['runs']:>5}  {result['target']}",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
