"""Simulation benchmarks: world turns on big synthetic maps, moves, forks, state hashes, a
search's node expansion, and command throughput.

World turns are honest: the synthetic worlds hold bait crew on the guards' rounds (see
``synthetic.synthetic_world``), and every run plays the world turn from a fork of one of a few
start positions (restored untimed), so the guards keep seeing, hearing, chasing and opening
doors in every run rather than settling down after the warm-up. Each ``sim.world_turn.*``
row reports how much of that work one turn did: ``fov_per_turn`` (line-of-sight
computations), ``paths_per_turn`` (the guards' path searches) and ``noises_per_turn``. They
are counted by wrapping the engine's functions here, never inside the engine.
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from run import Benchmark, Timed
from synthetic import add_bait, bait_steps, synthetic_world

from game.content import load_rules
from game.replay import load
from game.replay.verify import check_header
from game.sim import (
    EndTurn,
    Move,
    World,
    guards,
    legal_commands,
    patrol,
    vision,
)

ROOT = Path(__file__).resolve().parent.parent

# --- counting the work a world turn does ----------------------------------------------------

COUNTS = {"fov": 0, "paths": 0, "noises": 0}


def _counted(key: str, function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        COUNTS[key] += 1
        return function(*args, **kwargs)

    wrapper.__wrapped_for_counts__ = True
    return wrapper


#: The engine's functions as they were, while the counters are in.
_ORIGINALS: list[tuple[object, str, object]] = []


def _install_counters() -> None:
    """Wrap the functions whose calls are counted, for the world-turn rows only (the wrappers
    cost a little, so :func:`_remove_counters` puts the originals back after each)."""
    if _ORIGINALS:
        return
    targets = [(vision, "line_of_sight", "fov"), (World, "emit_noise", "noises")]
    targets += [(module, "find_path", "paths") for module in (guards, patrol)]
    for owner, name, key in targets:
        original = getattr(owner, name)
        _ORIGINALS.append((owner, name, original))
        setattr(owner, name, _counted(key, original))


def _remove_counters() -> None:
    while _ORIGINALS:
        owner, name, original = _ORIGINALS.pop()
        setattr(owner, name, original)


#: Derived data the world's cache keeps that depends on what guards see now; dropped from the
#: restored start positions so every run works its turn out (patrol loops etc. are kept).
_SIGHT_STORES = ("watch_windows", "sight_windows")
#: Start positions a world-turn benchmark cycles through.
_POOL = 6


def _start_positions(world: World, bait: int) -> tuple[list[World], dict]:
    """Start positions for world turns: ``world`` after each of its first turns (the guards
    walked on, opening doors), with ``bait`` crew members put in front of guards and their
    loud first steps taken; and the part of the cache worth keeping."""
    world.cache = {}
    pool: list[World] = []
    for _ in range(_POOL):
        world.apply(EndTurn())
        position = world.fork()
        position.cache = world.cache
        add_bait(position, bait)
        for step in bait_steps(position):
            position.apply(step)
        pool.append(position)
    return pool, _without_sight(world.cache)


def _without_sight(cache: dict) -> dict:
    """A copy of a world's cache without what it keeps of the guards' and crew's views."""
    return {k: v for k, v in cache.items() if k not in _SIGHT_STORES}


def _world_turn(size: int, guards_count: int, bait: int):
    """One world turn (the guards' turn) per run, from a restored start position."""

    def setup(quick: bool) -> Timed:
        _install_counters()
        pool, keep = _start_positions(synthetic_world(size, 3, guards_count, hidden=True), bait)
        return _turns_from(pool, [keep] * len(pool), f"synthetic_{size}")

    return setup


def _jeweler_turn(quick: bool) -> Timed:
    """One world turn on the shipped jeweler's map, from each turn of the two golden jeweler
    recordings in turn (the won game and the lost one, where the guards catch the crew): its
    commands played, its end of turn to time."""
    _install_counters()
    rules = load_rules()
    pool: list[World] = []
    for name in ("jeweler-lost.replay", "jeweler-won.replay"):
        recording = load(ROOT / "tests" / "recordings" / name)
        world = check_header(recording, rules).build(recording.header.seed, rules)
        for entry in recording.turns():
            *commands, last = entry.commands
            for command in commands:
                world.apply(command)
            if isinstance(last, EndTurn):
                position = world.fork()
                position.cache = _without_sight(world.cache)
                pool.append(position)
            world.apply(last)
            if world.outcome.over:
                break
    return _turns_from(pool, [p.cache for p in pool], "sim.world_turn.jeweler")


def _turns_from(pool: list[World], caches: list[dict], name: str) -> Timed:
    """One end of turn per run, from the pool's positions in turn (each a fresh fork with a
    copy of its kept cache), counting the sight, path and noise work each turn does."""
    state: dict = {"next": 0, "world": None, "runs": 0, "counts": dict.fromkeys(COUNTS, 0)}

    def prepare() -> None:
        index = state["next"] % len(pool)
        state["world"] = twin = pool[index].fork()
        twin.cache = dict(caches[index])
        state["next"] += 1

    def run() -> None:
        before = dict(COUNTS)
        if not state["world"].apply(EndTurn()):
            raise AssertionError(f"{name}: the end of turn was refused")
        state["runs"] += 1
        for key in COUNTS:
            state["counts"][key] += COUNTS[key] - before[key]

    def extra() -> dict[str, object]:
        _remove_counters()
        runs = max(1, state["runs"])
        return {
            f"{key}_per_turn": round(state["counts"][key] / runs, 1)
            for key in ("fov", "paths", "noises")
        } | {"start_positions": len(pool)}

    return Timed(run, prepare, extra)


# --- moves, forks and hashes on a big map ---------------------------------------------------


def _big_world() -> World:
    """512x512, 3 floors, 100 guards; Tony in his hideout, a world turn played, hashed."""
    world = synthetic_world(512, 3, 100, hidden=True)
    world.apply(EndTurn())
    world.state_hash()
    return world


def _move_512(quick: bool) -> Timed:
    """Tony walks three cells (validated and carried out) on a fork restored untimed."""
    start = _big_world()
    tony = start.unit_named("Tony")
    assert tony.cell is not None
    move = Move(tony.id, tony.cell.offset(3, 0))
    state: dict = {}

    def prepare() -> None:
        state["world"] = start.fork()

    def run() -> None:
        result = state["world"].apply(move)
        if not result:
            raise AssertionError(f"sim.move.synthetic_512: refused: {result.reason}")

    return Timed(run, prepare)


def _fork_512(quick: bool):
    world = _big_world()
    return world.fork


def _hash_512(quick: bool) -> Timed:
    """The state hash of a fork just after Tony's three-cell move (the start was hashed)."""
    start = _big_world()
    tony = start.unit_named("Tony")
    assert tony.cell is not None
    move = Move(tony.id, tony.cell.offset(3, 0))
    state: dict = {}

    def prepare() -> None:
        twin = start.fork()
        if not twin.apply(move):
            raise AssertionError("sim.state_hash.synthetic_512: the move was refused")
        state["world"] = twin

    return Timed(lambda: state["world"].state_hash(), prepare)


# --- a search's node expansion ---------------------------------------------------------------

#: Turns of the golden jeweler game played to reach the flat (the crew about to drill).
MIDGAME_TURNS = 10


def midgame() -> World:
    """The jeweler's map with the crew in the flat mid-game: the first turns of the golden
    recording ``tests/recordings/jeweler-won.replay`` played."""
    recording = load(ROOT / "tests" / "recordings" / "jeweler-won.replay")
    rules = load_rules()
    world = check_header(recording, rules).build(recording.header.seed, rules)
    for entry in recording.turns()[:MIDGAME_TURNS]:
        for command in entry.commands:
            if not world.apply(command):
                raise AssertionError(f"the golden jeweler game was refused {command}")
    return world


_children_count = [0]


def _search(quick: bool):
    """Expand one node: every child applied to its own fork, and its state hash taken."""
    node = midgame()
    node.state_hash()
    _children_count[0] = len(legal_commands(node))

    def run() -> None:
        for command in legal_commands(node):
            child = node.fork()
            if not child.apply(command):
                raise AssertionError(f"sim.search: a legal child was refused: {command}")
            child.state_hash()

    return run


# --- throughput ----------------------------------------------------------------------------

COMMANDS_PER_RUN = 200


def _commands(quick: bool):
    """Tony paces his hideout (out of every guard's sight and hearing): a three-cell walk and
    the end of the turn, again and again; each one is carried out, not refused."""
    world = synthetic_world(128, 3, 30, hidden=True)
    tony = world.unit_named("Tony")
    assert tony.cell is not None
    here, there = tony.cell, tony.cell.offset(3, 0)
    pairs = [(Move(tony.id, there), EndTurn()), (Move(tony.id, here), EndTurn())]

    def play(count: int) -> None:
        for i in range(count):
            for command in pairs[i % 2]:
                result = world.apply(command)
                if not result:
                    raise AssertionError(f"sim.commands_per_s: {command} refused: {result.reason}")

    play(20)  # the setup's check: every command is carried out, the guards never notice
    assert tony.cell == here and not world.outcome.over and not world.alarm.called

    def run():
        play(COMMANDS_PER_RUN // 2)

    return run


BENCHMARKS = [
    Benchmark(
        "sim.world_turn.synthetic_128",
        _world_turn(128, 30, bait=3),
        runs=200,
        quick_runs=30,
        target="median <= 5 ms",
    ),
    Benchmark(
        "sim.world_turn.synthetic_256_30",
        _world_turn(256, 30, bait=6),
        runs=100,
        quick_runs=20,
        target="(for guard_scaling)",
    ),
    Benchmark(
        "sim.world_turn.synthetic_256_300",
        _world_turn(256, 300, bait=6),
        runs=40,
        quick_runs=8,
        target="median <= 30 ms",
    ),
    Benchmark(
        "sim.world_turn.guard_scaling",
        None,
        unit="x",
        target="<= 12 (300 guards over 30)",
        ratio_of=("sim.world_turn.synthetic_256_300", "sim.world_turn.synthetic_256_30"),
    ),
    Benchmark(
        "sim.world_turn.synthetic_512",
        _world_turn(512, 100, bait=6),
        runs=40,
        quick_runs=8,
        target="median <= 100 ms",
    ),
    Benchmark(
        "sim.world_turn.jeweler", _jeweler_turn, runs=200, quick_runs=30, target="median <= 5 ms"
    ),
    Benchmark(
        "sim.move.synthetic_512", _move_512, runs=100, quick_runs=20, target="median <= 1 ms"
    ),
    Benchmark(
        "sim.fork.synthetic_512", _fork_512, runs=200, quick_runs=40, target="median <= 0.3 ms"
    ),
    Benchmark(
        "sim.state_hash.synthetic_512",
        _hash_512,
        runs=100,
        quick_runs=20,
        target="median <= 1 ms (after one move)",
    ),
    Benchmark(
        "sim.search.children_per_s",
        _search,
        runs=20,
        quick_runs=5,
        unit="per s",
        items_per_run=lambda: _children_count[0],
        target=">= 10000 (jeweler, crew in the flat)",
    ),
    Benchmark(
        "sim.commands_per_s",
        _commands,
        runs=10,
        quick_runs=3,
        unit="per s",
        items_per_run=COMMANDS_PER_RUN,
        target="(moves and ends of turn, alternately)",
    ),
]

if __name__ == "__main__":  # pragma: no cover
    sys.exit("run benchmarks/run.py --only sim.")
