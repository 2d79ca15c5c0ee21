"""Tiled benchmarks: loading and validating a shipped map, as ``rififi play`` does."""

from __future__ import annotations

from run import Benchmark

from game.content import maps_dir
from game.tiled import load_world


def _load_check(name: str):
    def setup(quick: bool):
        path = maps_dir() / f"{name}.tmx"

        def run():
            return load_world(path)  # reads, validates (every check) and builds the world

        return run

    return setup


BENCHMARKS = [
    Benchmark(
        "tiled.load_check.jeweler",
        _load_check("jeweler"),
        runs=30,
        quick_runs=10,
        target="median <= 300 ms",
    ),
    Benchmark(
        "tiled.load_check.country_house",
        _load_check("country_house"),
        runs=20,
        quick_runs=5,
        target="median <= 300 ms",
    ),
]
